"""What the contributor tools know about entry fields, all derived from the one schema declaration.

Spreadsheet columns, the `new` template, the diff's field order and the translation pairs come from
`generator.database.schema.ENTRY_FIELDS`; nothing here names an entry field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..database.fieldtypes import (
    LANGS,
    PLACEHOLDER,
    Choice,
    Field,
    FieldType,
    ListOf,
    Localized,
    Object,
)
from ..database.schema import ENTRY_FIELDS, KINDS

LANG_TH = {"th": "ไทย", "en": "อังกฤษ"}
LANG_EN = {"th": "Thai", "en": "English"}
_INDEX = re.compile(r"\[\d+\]")


def strip_indices(path: str) -> str:
    """`holders[1].name.th` → `holders.name.th`."""
    return _INDEX.sub("", path)


@dataclass(frozen=True)
class Column:
    """One flat column of an entry: a leaf of the schema, as a spreadsheet holds it."""

    key: str  # dotted path, e.g. "title.th", "holders.name.th"
    chain: tuple[Field, ...]  # the named fields from the top (the th/en of a text are not fields here)
    lang: str | None  # "th" or "en" when the column is one language of a Thai/English text
    type: FieldType  # the type of one value in the cell
    many: bool  # the cell holds a list of values (keywords, provinces …)
    group: str | None  # the cell holds one value per item of this list of groups (holders, images …)

    @property
    def kinds(self) -> frozenset[str]:
        """The entry kinds in which this column may be filled in."""
        allowed = frozenset(KINDS)
        for f in self.chain:
            if f.kinds is not None:
                allowed &= f.kinds
        return allowed

    def required_for(self, kind: str) -> bool:
        """Whether every field on the way to this column is required for `kind` (English never is)."""
        if self.lang == "en":
            return False
        return all(f.required_for(kind) for f in self.chain)

    @property
    def label_th(self) -> str:
        """The Thai column header, from the fields' Thai documentation."""
        text = " – ".join(f.doc_th for f in self.chain if f.doc_th)
        return f"{text} ({LANG_TH[self.lang]})" if self.lang else text

    @property
    def label_en(self) -> str:
        """The English column header, from the fields' English documentation."""
        text = " – ".join(f.doc_en for f in self.chain if f.doc_en)
        return f"{text} ({LANG_EN[self.lang]})" if self.lang else text

    @property
    def in_group(self) -> str:
        """The path inside one item of the column's group (`name.th` for `holders.name.th`)."""
        return self.key[len(self.group) + 1 :] if self.group else self.key

    @property
    def choice(self) -> Choice | None:
        """The reference list the values come from, if any."""
        return self.type if isinstance(self.type, Choice) else None


class UnsupportedShape(Exception):
    """A schema shape that a flat sheet cannot hold (a list inside an item of a list)."""


def columns(fields: list[Field] | None = None) -> list[Column]:
    """Every leaf of the entry schema as a flat column, in schema order."""
    out: list[Column] = []
    _walk(ENTRY_FIELDS if fields is None else fields, "", (), None, out)
    return out


def _walk(fields: list[Field], prefix: str, chain: tuple[Field, ...], group: str | None, out: list[Column]) -> None:
    for f in fields:
        _leaf(f.type, prefix + f.name, (*chain, f), None, group, out)


def _leaf(
    t: FieldType, key: str, chain: tuple[Field, ...], lang: str | None, group: str | None, out: list[Column]
) -> None:
    if isinstance(t, Localized):
        for code in LANGS:
            _leaf(t.inner, f"{key}.{code}", chain, code, group, out)
    elif isinstance(t, Object):
        _walk(t.fields, key + ".", chain, group, out)
    elif isinstance(t, ListOf):
        if isinstance(t.item, (Object, Localized)):
            if group is not None:
                raise UnsupportedShape(f"{key}: a list inside an item of the list {group}")
            _leaf(t.item, key, chain, lang, key, out)
        elif group is not None:
            raise UnsupportedShape(f"{key}: a list inside an item of the list {group}")
        else:
            out.append(Column(key, chain, lang, t.item, True, None))
    else:
        out.append(Column(key, chain, lang, t, False, group))


def subfields(t: FieldType) -> list[Field] | None:
    """The named fields inside a group-of-fields type (an object or a Thai/English text)."""
    if isinstance(t, Localized):
        return t.object.fields
    if isinstance(t, Object):
        return t.fields
    return None


def skeleton(t: FieldType, *, full: bool = False) -> Any:
    """A value of type `t` with the placeholder wherever something is to be written.

    Only the required parts of a group, unless `full`; both languages of a text (English is invited:
    the contributor writes it or deletes the line).
    """
    if isinstance(t, ListOf):
        return [skeleton(t.item, full=full)]
    inner = subfields(t)
    if inner is not None:
        every = full or isinstance(t, Localized)
        return {f.name: skeleton(f.type, full=full) for f in inner if f.required is True or every}
    return PLACEHOLDER


def flatten(data: Any, fields: list[Field] | None = None, prefix: str = "") -> list[tuple[str, Any]]:
    """Leaves of an entry as (path, value) in schema order; lists of plain values stay whole lists."""
    out: list[tuple[str, Any]] = []
    _flatten(data, ENTRY_FIELDS if fields is None else fields, prefix, out)
    return out


def _flatten(data: Any, fields: list[Field] | None, path: str, out: list[tuple[str, Any]]) -> None:
    if isinstance(data, dict):
        known = [f.name for f in fields or ()]
        by_name = {f.name: f for f in fields or ()}
        for name in [n for n in known if n in data] + sorted(n for n in data if n not in by_name):
            spec = by_name.get(name)
            _flatten(data[name], subfields_of(spec.type) if spec else None, f"{path}.{name}" if path else name, out)
    elif isinstance(data, list) and any(isinstance(item, (dict, list)) for item in data):
        for index, item in enumerate(data):
            _flatten(item, fields, f"{path}[{index}]", out)
    else:
        out.append((path, data))


def subfields_of(t: FieldType) -> list[Field] | None:
    """The fields inside `t`, looking through lists (the items' fields)."""
    if isinstance(t, ListOf):
        return subfields_of(t.item)
    return subfields(t)


def localized_pairs(data: Any, fields: list[Field] | None = None, path: str = "") -> Iterator[tuple[str, Any, Any]]:
    """Every Thai/English text in an entry as (path, Thai value, English value), in schema order."""
    if not isinstance(data, dict):
        return
    for f in ENTRY_FIELDS if fields is None else fields:
        if f.name not in data:
            continue
        yield from _pairs(f.type, data[f.name], f"{path}.{f.name}" if path else f.name)


def _pairs(t: FieldType, value: Any, path: str) -> Iterator[tuple[str, Any, Any]]:
    if isinstance(t, Localized):
        if isinstance(value, dict):
            yield path, value.get("th"), value.get("en")
    elif isinstance(t, ListOf) and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _pairs(t.item, item, f"{path}[{index}]")
    elif isinstance(t, Object) and isinstance(value, dict):
        yield from localized_pairs(value, t.fields, path)
