"""The building blocks of the schema: each type checks a YAML node, describes itself and exports JSON Schema.

A type's `check` returns the typed value, or INVALID after reporting problems into the context.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from collections.abc import Mapping as TMapping
from collections.abc import Sequence as TSequence
from dataclasses import dataclass, field
from typing import Any

import regex

from ..diagnostics import Problem
from . import urls
from .messages import make_problem
from .suggest import choice_hint, did_you_mean, guess_hint, suggest_choice
from .yamlio import Mapping, Node, Pos, Scalar, Sequence


class _Invalid:
    """Marker for a value that failed its check (its problems are already reported)."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()

LANGS = ("th", "en")
_GRAPHEME = regex.compile(r"\X")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_HAS_THAI_DIGIT = re.compile("[๐-๙]")


def grapheme_length(text: str) -> int:
    """Length as a reader counts it: Thai vowels and tone marks do not add to it."""
    return len(_GRAPHEME.findall(text))


@dataclass
class Context:
    """What a check needs: where it is, the reference data, and where to put problems."""

    path: str
    text: str  # the whole file, for positions inside multi-line values
    choices: TMapping[str, TSequence[str]] = field(default_factory=dict)
    today: dt.date = field(default_factory=dt.date.today)
    image_dir: Any = None  # pathlib.Path of the entry's own image folder, when checking entries
    image_dir_display: str = ""
    problems: list[Problem] = field(default_factory=list)
    positions: dict[str, Pos] = field(default_factory=dict)
    missing_en: list[str] = field(default_factory=list)
    entry_refs: list[EntryRefUse] = field(default_factory=list)
    kind: str | None = None
    choice_cache: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    # The days this check's outcome holds for: comparisons with `today` narrow them (the check cache uses them).
    holds_from: dt.date = dt.date.min
    holds_until: dt.date = dt.date.max

    def holds_only(self, first: dt.date, last: dt.date = dt.date.max) -> None:
        """Record that what was found holds only when the check runs on a day from `first` to `last`."""
        self.holds_from = max(self.holds_from, first)
        self.holds_until = min(self.holds_until, last)

    def choice_sets(self, source: str) -> frozenset[str]:
        """The ids of one reference list as a set, for fast membership tests."""
        cached = self.choice_cache.get(source)
        if cached is None:
            cached = self.choice_cache[source] = frozenset(self.choices.get(source, ()))
        return cached

    @functools.cached_property
    def lines(self) -> list[str]:
        """The file's lines, split only when a position inside a value is needed."""
        return self.text.split("\n")

    def report(self, code: str, pos: Pos, field_path: str, **params: object) -> None:
        """Record one problem at a position."""
        self.problems.append(make_problem(code, self.path, pos.line, pos.column, field_path, **params))

    def locate(self, node: Scalar, offset: int, fragment: str) -> Pos:
        """The file position of `offset` inside a scalar's value, found in the raw lines where possible."""
        if node.style in ("|", ">"):
            line = node.start.line + 1 + node.value.count("\n", 0, offset)
        else:
            line = node.start.line + node.value.count("\n", 0, offset)
        fragment = fragment.split("\n", 1)[0]  # it is searched for within one line
        if 1 <= line <= len(self.lines) and fragment:
            col = self.lines[line - 1].find(fragment)
            if col >= 0:
                return Pos(line, col + 1)
        if line == node.start.line:
            return Pos(line, node.start.column + offset + (1 if node.style in ("'", '"') else 0))
        return Pos(line, 1)


def node_kind(node: Node) -> tuple[str, str]:
    """What a node is, in English and Thai, for 'expected X, found Y' messages."""
    if isinstance(node, Mapping):
        return "a group of fields", "กลุ่มของช่องข้อมูล"
    if isinstance(node, Sequence):
        return "a list", "รายการ (list)"
    if node.is_null:
        return "nothing", "ค่าว่าง"
    return f'the text "{node.value[:40]}"', f'ข้อความ "{node.value[:40]}"'


class FieldType:
    """Base class of every schema type."""

    expected_en = "a value"
    expected_th = "ค่า"
    doc_en = "value"
    doc_th = "ค่า"

    def check(self, node: Node, ctx: Context, path: str) -> Any:
        """Validate a node and return its typed value, or INVALID."""
        raise NotImplementedError

    def json_schema(self, choices: TMapping[str, TSequence[str]]) -> dict[str, Any]:
        """This type as JSON Schema (draft-07), for editors."""
        raise NotImplementedError

    def wrong_type(self, node: Node, ctx: Context, path: str) -> Any:
        """Report that the node is not of this type."""
        found_en, found_th = node_kind(node)
        ctx.report(
            "wrong-type",
            node.start,
            path,
            expected_en=self.expected_en,
            expected_th=self.expected_th,
            found_en=found_en,
            found_th=found_th,
        )
        return INVALID


class Text(FieldType):
    """Plain text on one line (or several, if `multiline`), measured in graphemes."""

    expected_en = "text"
    expected_th = "ข้อความ"

    def __init__(self, max_length: int, *, min_length: int = 1, multiline: bool = False) -> None:
        self.max_length = max_length
        self.min_length = min_length
        self.multiline = multiline
        self.doc_en = f"text, {min_length}–{max_length} characters"
        self.doc_th = f"ข้อความ {min_length}–{max_length} ตัวอักษร"

    def check(self, node: Node, ctx: Context, path: str) -> Any:
        if not isinstance(node, Scalar) or node.is_null:
            return self.wrong_type(node, ctx, path)
        stripped = node.value.strip()  # once: descriptions run to thousands of characters
        if not stripped:
            ctx.report("text-blank", node.start, path)
            return INVALID
        if not self.multiline and "\n" in stripped:
            ctx.report("text-multiline", node.start, path)
            return INVALID
        value = stripped if not self.multiline else node.value.rstrip("\n")
        # Graphemes never outnumber code points, so short texts need no counting (a hot path at scale).
        length = len(value) if len(value) <= self.max_length else grapheme_length(value)
        if length > self.max_length:
            ctx.report("too-long", node.start, path, length=length, limit=self.max_length)
            return INVALID
        if length < self.min_length:
            ctx.report("too-short", node.start, path, length=length, limit=self.min_length)
            return INVALID
        return self.extra_checks(value, node, ctx, path)

    def extra_checks(self, value: str, node: Scalar, ctx: Context, path: str) -> Any:
        """Hook for subclasses: further checks on the stripped text."""
        return value

    def json_schema(self, choices: TMapping[str, TSequence[str]]) -> dict[str, Any]:
        return {"type": "string", "minLength": self.min_length}


class Markdown(Text):
    """Markdown text: no raw HTML, links only to safe addresses, images only from the entry's folder."""

    def __init__(self, max_length: int, *, min_length: int = 1) -> None:
        super().__init__(max_length, min_length=min_length, multiline=True)
        self.doc_en = f"Markdown text, at most {max_length} characters"
        self.doc_th = f"ข้อความ Markdown ไม่เกิน {max_length} ตัวอักษร"

    def extra_checks(self, value: str, node: Scalar, ctx: Context, path: str) -> Any:
        from . import markdown_rules  # local: keeps the type module free of Markdown details

        ok = True
        for finding in markdown_rules.find_problems(value, ctx.image_dir):
            pos = ctx.locate(node, finding.offset, finding.fragment)
            ctx.report(finding.code, pos, path, **finding.params)
            ok = False
        return value if ok else INVALID


class Identifier(Text):
    """An id: lowercase ASCII letters, digits and single hyphens."""

    PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

    def __init__(self) -> None:
        super().__init__(60, min_length=2)
        self.doc_en = "id: lowercase a–z, 0–9 and hyphens"
        self.doc_th = "รหัส: a–z ตัวเล็ก 0–9 และขีด"

    @classmethod
    def is_valid(cls, value: str) -> bool:
        """Whether `value` is a well-formed id."""
        return bool(cls.PATTERN.match(value)) and 2 <= len(value) <= 60

    def check(self, node: Node, ctx: Context, path: str) -> Any:
        if not isinstance(node, Scalar) or node.is_null:
            return self.wrong_type(node, ctx, path)
        value = node.value
        if not self.is_valid(value):
            ctx.report("bad-id", node.start, path, value=value)
            return INVALID
        return value

    def json_schema(self, choices: TMapping[str, TSequence[str]]) -> dict[str, Any]:
        return {"type": "string", "pattern": self.PATTERN.pattern, "minLength": 2, "maxLength": 60}


class EntryRef(Identifier):
    """The id of another entry (of the given kinds, if any); whether it exists is checked across the database."""

    def __init__(self, kinds: frozenset[str] | None = None) -> None:
        super().__init__()
        self.kinds = kinds
        named = f" ({', '.join(sorted(kinds))})" if kinds else ""
        self.doc_en = f"id of another entry{named}"
        self.doc_th = f"รหัสของรายการอื่น{named}"

    def check(self, node: Node, ctx: Context, path: str) -> Any:
        value = super().check(node, ctx, path)
        if value is not INVALID:
            ctx.entry_refs.append(EntryRefUse(path, value, node.start, self.kinds))
        return value


@dataclass(frozen=True)
class EntryRefUse:
    """Where an entry names another entry, and which kinds that entry may be."""

    field: str
    value: str
    pos: Pos
    kinds: frozenset[str] | None


class Choice(FieldType):
    """One id from a list of reference data (a taxonomy, the provinces, the institutions)."""

    def __init__(self, source: str, what_en: str, what_th: str, file: str) -> None:
        self.source = source
        self.what_en = what_en
        self.what_th = what_th
        self.file = file
        self.expected_en = f"one {what_en} id"
        self.expected_th = f"รหัส{what_th}หนึ่งรายการ"
        self.doc_en = f"one {what_en} id (see `{file}`)"
        self.doc_th = f"รหัส{what_th} (ดู `{file}`)"

    def check(self, node: Node, ctx: Context, path: str) -> Any:
        if not isinstance(node, Scalar) or node.is_null:
            return self.wrong_type(node, ctx, path)
        options = ctx.choices.get(self.source, ())
        if node.value not in ctx.choice_sets(self.source):
            hint, hint_th = choice_hint(suggest_choice(node.value, options), options)
            ctx.report(
                "not-in-list",
                node.start,
                path,
                value=node.value,
                what_en=self.what_en,
                what_th=self.what_th,
                hint=hint,
                hint_th=hint_th,
                source=self.file,
            )
            return INVALID
        return node.value

    def json_schema(self, choices: TMapping[str, TSequence[str]]) -> dict[str, Any]:
        ids = list(choices.get(self.source, ()))
        names: TMapping[str, TSequence[str]] = getattr(choices.get(self.source), "names", {})
        schema: dict[str, Any] = {"type": "string", "enum": ids}
        if names:  # shown beside each id by editors' completion (VS Code's YAML extension): which id is เชียงใหม่
            schema["enumDescriptions"] = [" · ".join(dict.fromkeys(n for n in names[i][:2] if n)) for i in ids]
        return schema


class ListOf(FieldType):
    """A list of items of one type, with bounds and optional uniqueness."""

    expected_en = "a list"
    expected_th = "รายการ (list)"

    def __init__(self, item: FieldType, *, min_items: int = 0, max_items: int = 100, unique: bool = True) -> None:
        self.item = item
        self.min_items = min_items
        self.max_items = max_items
        self.unique = unique
        self.doc_en = f"list of {min_items}–{max_items}, each: {item.doc_en}"
        self.doc_th = f"รายการ {min_items}–{max_items} รายการ แต่ละรายการเป็น{item.doc_th}"

    def check(self, node: Node, ctx: Context, path: str) -> Any:
        if isinstance(node, Scalar) and not node.is_null and isinstance(self.item, (Choice, Text)):
            node = Sequence([node], node.start, node.end)  # a single value where a list is expected
        if not isinstance(node, Sequence):
            return self.wrong_type(node, ctx, path)
        if len(node.items) > self.max_items:
            ctx.report("too-many", node.start, path, count=len(node.items), limit=self.max_items)
            return INVALID
        if len(node.items) < self.min_items:
            ctx.report("too-few", node.start, path, count=len(node.items), limit=self.min_items)
            return INVALID
        values: list[Any] = []
        seen: set[str] = set()
        ok = True
        for index, item in enumerate(node.items):
            if is_placeholder(item):
                report_placeholder(ctx, item, f"{path}[{index}]", f"{self.item.doc_en}.", self.item.doc_th)
                ok = False
                continue
            value = self.item.check(item, ctx, f"{path}[{index}]")
            if value is INVALID:
                ok = False
                continue
            if self.unique and isinstance(value, str):
                key = value.casefold()
                if key in seen:
                    ctx.report("duplicate-item", item.start, f"{path}[{index}]", value=value)
                    ok = False
                    continue
                seen.add(key)
            values.append(value)
        return values if ok else INVALID

    def json_schema(self, choices: TMapping[str, TSequence[str]]) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "array",
            "items": self.item.json_schema(choices),
            "minItems": self.min_items,
            "maxItems": self.max_items,
        }
        if self.unique:
            schema["uniqueItems"] = True
        return schema


PLACEHOLDER = "TODO"  # what `python -m generator new` writes where the contributor still has to fill in


def is_placeholder(node: Node) -> bool:
    """Whether a node is the `TODO` placeholder left by `python -m generator new`."""
    # `in` first: it copies nothing, and every value of every entry comes through here
    return isinstance(node, Scalar) and PLACEHOLDER in node.value and node.value.strip() == PLACEHOLDER


def report_placeholder(ctx: Context, node: Node, path: str, help_en: str, help_th: str) -> None:
    """Report a placeholder as a field to fill in, rather than as a value of the wrong kind."""
    english = path.endswith(".en")
    ctx.report(
        "placeholder",
        node.start,
        path,
        help_en=help_en,
        help_th=help_th,
        hint=" Or delete this line if there is no English yet." if english else "",
        hint_th=" หรือลบบรรทัดนี้หากยังไม่มีภาษาอังกฤษ" if english else "",
    )


def _shorten(value: str, limit: int = 40) -> str:
    """A value cut to `limit` characters for a message."""
    return value if len(value) <= limit else value[:limit] + "…"


def _digits(node: Scalar, ctx: Context, path: str) -> str | None:
    """The scalar's text with Thai digits refused (with the Arabic form suggested)."""
    value = node.value.strip()
    if _HAS_THAI_DIGIT.search(value):
        ctx.report("thai-digits", node.start, path, value=value, suggestion=value.translate(_THAI_DIGITS))
        return None
    return value


class Integer(FieldType):
    """A whole number written with digits only."""

    expected_en = "a whole number"
    expected_th = "จำนวนเต็ม"

    def __init__(self, minimum: int, maximum: int) -> None:
        self.minimum = minimum
        self.maximum = maximum
        self.doc_en = f"whole number, {minimum}–{maximum}"
        self.doc_th = f"จำนวนเต็ม {minimum}–{maximum}"

    def check(self, node: Node, ctx: Context, path: str) -> Any:
        if not isinstance(node, Scalar) or node.is_null:
            return self.wrong_type(node, ctx, path)
        value = _digits(node, ctx, path)
        if value is None:
            return INVALID
        if not re.fullmatch(r"-?[0-9]+", value):
            ctx.report("bad-number", node.start, path, value=_shorten(value))
            return INVALID
        if len(value.lstrip("-0")) > 18:  # far beyond any range; int() of thousands of digits is refused anyway
            shown = _shorten(value, 12)
            ctx.report("number-range", node.start, path, value=shown, minimum=self.minimum, maximum=self.maximum)
            return INVALID
        number = int(value)
        if not self.minimum <= number <= self.maximum:
            ctx.report("number-range", node.start, path, value=number, minimum=self.minimum, maximum=self.maximum)
            return INVALID
        return number

    def json_schema(self, choices: TMapping[str, TSequence[str]]) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}


class Date(FieldType):
    """An ISO date (YYYY-MM-DD) in the Common Era, not in the future."""

    expected_en = "a date like 2024-03-15"
    expected_th = "วันที่ เช่น 2024-03-15"
    doc_en = "date, YYYY-MM-DD (Common Era)"
    doc_th = "วันที่ ปปปป-ดด-วว (คริสต์ศักราช)"

    def check(self, node: Node, ctx: Context, path: str) -> Any:
        if not isinstance(node, Scalar) or node.is_null:
            return self.wrong_type(node, ctx, path)
        value = _digits(node, ctx, path)
        if value is None:
            return INVALID
        match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
        if not match:
            ctx.report("bad-date", node.start, path, value=value)
            return INVALID
        year, month, day = (int(g) for g in match.groups())
        if year > 2400:
            try:
                ce = dt.date(year - 543, month, day).isoformat()
            except ValueError:
                ce = f"{year - 543}-{month:02d}-{day:02d}"
            ctx.report("date-buddhist-era", node.start, path, year=year, ce_date=ce)
            return INVALID
        try:
            date = dt.date(year, month, day)
        except ValueError:
            ctx.report("bad-date", node.start, path, value=value)
            return INVALID
        if year < 1950:
            ctx.report("bad-date", node.start, path, value=value)
            return INVALID
        if date > ctx.today:
            ctx.holds_only(ctx.today, ctx.today)  # the message names today
            ctx.report("date-in-future", node.start, path, value=value, today=ctx.today.isoformat())
            return INVALID
        ctx.holds_only(date)  # not in the future from this day on
        return date

    def json_schema(self, choices: TMapping[str, TSequence[str]]) -> dict[str, Any]:
        return {"type": "string", "pattern": r"^(19|20)\d\d-\d\d-\d\d$"}


class Year(FieldType):
    """A year of the Common Era, from `minimum` to this year."""

    expected_en = "a year like 2019"
    expected_th = "ปี ค.ศ. เช่น 2019"

    def __init__(self, minimum: int) -> None:
        self.minimum = minimum
        self.doc_en = f"year (Common Era), {minimum} or later, not in the future"
        self.doc_th = f"ปีคริสต์ศักราช ตั้งแต่ {minimum} และยังไม่เกินปีปัจจุบัน"

    def check(self, node: Node, ctx: Context, path: str) -> Any:
        if not isinstance(node, Scalar) or node.is_null:
            return self.wrong_type(node, ctx, path)
        arabic = node.value.strip().translate(_THAI_DIGITS)
        if arabic.isascii() and arabic.isdigit() and int(arabic) > 2400:  # Thai digits or not, say the CE year
            ctx.report("year-buddhist-era", node.start, path, year=node.value.strip(), ce=int(arabic) - 543)
            return INVALID
        value = _digits(node, ctx, path)
        if value is None:
            return INVALID
        if not re.fullmatch(r"[0-9]{4}", value):
            ctx.report("bad-year", node.start, path, value=_shorten(value))
            return INVALID
        year = int(value)
        if year > 2400:
            ctx.report("year-buddhist-era", node.start, path, year=year, ce=year - 543)
            return INVALID
        this_year = ctx.today.year
        if year > this_year:
            ctx.holds_only(ctx.today, ctx.today)
            ctx.report("year-in-future", node.start, path, year=year, this_year=this_year)
            return INVALID
        if year < self.minimum:  # the message names this year
            ctx.holds_only(dt.date(this_year, 1, 1), dt.date(this_year, 12, 31))
            ctx.report("number-range", node.start, path, value=year, minimum=self.minimum, maximum=this_year)
            return INVALID
        ctx.holds_only(dt.date(year, 1, 1))
        return year

    def json_schema(self, choices: TMapping[str, TSequence[str]]) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.minimum, "maximum": 2400}


class Pattern(Text):
    """Short single-line text that must match a pattern (phone, e-mail, LINE id, numbers)."""

    def __init__(self, pattern: str, code: str, doc_en: str, doc_th: str, max_length: int = 120) -> None:
        super().__init__(max_length)
        self.pattern = re.compile(pattern)
        self.code = code
        self.doc_en = doc_en
        self.doc_th = doc_th

    def extra_checks(self, value: str, node: Scalar, ctx: Context, path: str) -> Any:
        if not self.pattern.fullmatch(value):
            ctx.report(self.code, node.start, path, value=value)
            return INVALID
        return value

    def json_schema(self, choices: TMapping[str, TSequence[str]]) -> dict[str, Any]:
        return {"type": "string", "pattern": f"^(?:{self.pattern.pattern})$"}


class Url(Text):
    """An https:// web address that cannot trick a browser."""

    doc_en = "https:// web address"
    doc_th = "ที่อยู่เว็บ https://"

    def __init__(self) -> None:
        super().__init__(500)
        self.doc_en = Url.doc_en
        self.doc_th = Url.doc_th

    def extra_checks(self, value: str, node: Scalar, ctx: Context, path: str) -> Any:
        verdict = urls.check_url(value, schemes=("https",))
        if verdict.error:
            ctx.report("bad-url", node.start, path, value=value, reason_en=verdict.error[0], reason_th=verdict.error[1])
            return INVALID
        if verdict.punycode:
            ctx.report("url-punycode", node.start, path, value=value, ascii=verdict.punycode)
        return value

    def json_schema(self, choices: TMapping[str, TSequence[str]]) -> dict[str, Any]:
        return {"type": "string", "pattern": "^https://", "format": "uri"}


@dataclass
class Field:
    """One named field of an object: its type, whether it is required, and its documentation."""

    name: str
    type: FieldType
    doc_en: str
    doc_th: str
    required: bool | frozenset[str] = False  # True, False, or the kinds that require it
    kinds: frozenset[str] | None = None  # None: allowed in every kind
    example: Any = None

    def required_for(self, kind: str | None) -> bool:
        """Whether this field must be present for an entry of `kind`."""
        if isinstance(self.required, bool):
            return self.required
        return kind in self.required

    def allowed_for(self, kind: str | None) -> bool:
        """Whether this field may appear in an entry of `kind`."""
        return self.kinds is None or kind is None or kind in self.kinds


class Object(FieldType):
    """A group of named fields; unknown names are refused with a 'did you mean'."""

    expected_en = "a group of fields"
    expected_th = "กลุ่มของช่องข้อมูล"

    def __init__(
        self,
        fields: list[Field],
        *,
        where_en: str = "this group",
        where_th: str = "กลุ่มนี้",
        rules: list[Callable[[dict[str, Any], Context, str], None]] | None = None,
    ) -> None:
        self.fields = fields
        self.by_name = {f.name: f for f in fields}
        self.where_en = where_en
        self.where_th = where_th
        self.rules = rules or []
        self.doc_en = "group of fields"
        self.doc_th = "กลุ่มของช่องข้อมูล"
        self._required: dict[str | None, list[Field]] = {}

    def required_fields(self, kind: str | None) -> list[Field]:
        """The fields an entry of `kind` must fill, in declaration order (worked out once per kind)."""
        found = self._required.get(kind)
        if found is None:
            found = self._required[kind] = [f for f in self.fields if f.required_for(kind)]
        return found

    def check(self, node: Node, ctx: Context, path: str) -> Any:
        if not isinstance(node, Mapping):
            return self.wrong_type(node, ctx, path)
        prefix = f"{path}." if path else ""
        result: dict[str, Any] = {}
        ok = True
        guesses: set[str] = set()  # fields an unknown name was probably meant to be
        for name, child in node.items.items():
            spec = self.by_name.get(name)
            if spec is None or not spec.allowed_for(ctx.kind):
                allowed = [f.name for f in self.fields if f.allowed_for(ctx.kind)]
                if spec is not None and spec.kinds:
                    kinds = ", ".join(sorted(spec.kinds))
                    hint, hint_th = f" It belongs only in {kinds} entries.", f" ใช้ได้เฉพาะในรายการประเภท {kinds}"
                else:
                    guess = did_you_mean(name, allowed)
                    hint, hint_th = guess_hint(guess)
                    if guess:
                        guesses.add(guess)
                ctx.report(
                    "unknown-field",
                    node.key_pos[name],
                    prefix + name,
                    name=name,
                    where=self.where_en,
                    where_th=self.where_th,
                    hint=hint,
                    hint_th=hint_th,
                    allowed=", ".join(allowed),
                )
                ok = False
                continue
            ctx.positions[prefix + name] = child.start
            if isinstance(child, Scalar) and child.is_null:
                continue  # treated as missing below
            if is_placeholder(child):
                report_placeholder(ctx, child, prefix + name, *_field_help(spec))
                ok = False
                continue
            value = spec.type.check(child, ctx, prefix + name)
            if value is INVALID:
                ok = False
            else:
                result[name] = value
        for spec in self.required_fields(ctx.kind):
            if spec.name in result:
                continue
            present = spec.name in node.items
            if not present and spec.name in guesses:
                continue  # already reported as a misspelled name with "did you mean"
            if not present or _is_null(node.items[spec.name]):
                pos = node.key_pos.get(spec.name, node.start)
                help_en, help_th = _field_help(spec)
                ctx.report(
                    "missing-field",
                    pos,
                    prefix + spec.name,
                    name=spec.name,
                    empty=" (it is empty)" if present else "",
                    empty_th=" (ยังว่างอยู่)" if present else "",
                    help_en=help_en,
                    help_th=help_th,
                )
                ok = False
        if ok:
            for rule in self.rules:
                rule(result, ctx, path)
        return result if ok else INVALID

    def json_schema(self, choices: TMapping[str, TSequence[str]]) -> dict[str, Any]:
        return {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                f.name: {**f.type.json_schema(choices), "description": f"{f.doc_en} / {f.doc_th}"} for f in self.fields
            },
            "required": [f.name for f in self.fields if f.required is True],
        }


def _field_help(spec: Field) -> tuple[str, str]:
    """What a field holds, in English and Thai, for a 'missing field' message."""
    kind = spec.type.item if isinstance(spec.type, ListOf) else spec.type
    if isinstance(kind, Object):  # "group of fields" would not help; the meaning alone does
        return f"{spec.doc_en}.", f"{spec.doc_th}"
    return f"{spec.doc_en}: {spec.type.doc_en}.", f"{spec.doc_th}: {spec.type.doc_th}"


def _is_null(node: Node) -> bool:
    return isinstance(node, Scalar) and node.is_null


class Localized(FieldType):
    """The same text in Thai (required) and English (required only where `english_required`)."""

    expected_en = "th: and en: texts"
    expected_th = "ข้อความ th: และ en:"

    def __init__(self, inner: FieldType, *, english_required: bool = False) -> None:
        self.inner = inner
        self.english_required = english_required
        self.doc_en = f"Thai `th` and English `en`: {inner.doc_en}"
        self.doc_th = f"ภาษาไทย `th` และภาษาอังกฤษ `en`: {inner.doc_th}"
        self.object = Object(
            [
                Field("th", inner, "Thai", "ภาษาไทย", required=True),
                Field("en", inner, "English", "ภาษาอังกฤษ", required=english_required),
            ],
            where_en="a Thai/English text",
            where_th="ข้อความสองภาษา",
        )

    def check(self, node: Node, ctx: Context, path: str) -> Any:
        if isinstance(node, Scalar) and not node.is_null:
            return self.wrong_type(node, ctx, path)
        value = self.object.check(node, ctx, path)
        if value is not INVALID and "en" not in value and not self.english_required:
            ctx.missing_en.append(path)
        return value

    def json_schema(self, choices: TMapping[str, TSequence[str]]) -> dict[str, Any]:
        return self.object.json_schema(choices)
