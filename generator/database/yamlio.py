"""Strict YAML: bytes → checked text → a tree of plain strings, lists and mappings with positions.

Scalars stay strings (no YAML 1.1 booleans, octals or sexagesimals); the schema decides types.
The tree is built straight from the parser's event stream, so anchors, aliases, tags, deep
nesting and duplicate keys are refused before anything could expand or recurse.
"""

from __future__ import annotations

import codecs
import heapq
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from ..diagnostics import Problem
from .messages import make_problem

try:  # the C parser is ~10x faster; its event stream is not recursive, so deep nesting is safe here
    from yaml import CBaseLoader as _EventLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import BaseLoader as _EventLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 10
MAX_PROBLEMS_PER_FILE = 50


class Pos(NamedTuple):
    """A 1-based line and column in a file (a tuple: hundreds of thousands are made per check)."""

    line: int
    column: int


@dataclass
class Scalar:
    """A YAML scalar, always kept as the text that was written."""

    value: str
    start: Pos
    end: Pos
    style: str | None  # None = plain, "'" '"' "|" ">" otherwise

    @property
    def is_null(self) -> bool:
        """True for an empty or `~`/`null` plain scalar: the value was left out."""
        return self.style is None and self.value in ("", "~", "null", "Null", "NULL")


@dataclass
class Sequence:
    """A YAML list."""

    items: list[Node]
    start: Pos
    end: Pos


@dataclass
class Mapping:
    """A YAML mapping of field names (strings) to nodes, remembering where each key stands."""

    items: dict[str, Node]
    key_pos: dict[str, Pos]
    start: Pos
    end: Pos = field(default_factory=lambda: Pos(0, 0))


Node = Scalar | Sequence | Mapping


# Characters refused anywhere in a file, with the code that explains why.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_BAD_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f"  # C0/C1 controls except tab, LF, CR, NEL
    "\t\x85\u2028\u2029" + _BIDI + _ZERO_WIDTH + "]"
)
_LONE_CR = re.compile("\r(?!\n)")  # apart: a class alone scans 2.5x faster than with this alternative
_MOJIBAKE = re.compile("(?:à¸|à¹)[\x80-\xbf¡-ÿ]")
_THAI = re.compile("[\u0e00-\u0e7f]")
_SARA_AM_SPLIT = re.compile("\u0e4d\u0e32")
_DOUBLE_SARA_E = re.compile("\u0e40\u0e40")


# Control characters have no Unicode name in `unicodedata`; these are the ones people actually paste.
_CONTROL_NAMES = {
    "\x00": "NULL",
    "\x07": "BELL",
    "\x08": "BACKSPACE",
    "\x0b": "LINE TABULATION",
    "\x0c": "FORM FEED",
    "\r": "CARRIAGE RETURN",
    "\x1b": "ESCAPE",
    "\x7f": "DELETE",
    "\x85": "NEXT LINE",
}


def _char_name(ch: str) -> str:
    """`U+200B ZERO WIDTH SPACE`-style name for an invisible character."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, _CONTROL_NAMES.get(ch, 'CONTROL CHARACTER'))}"


def _char_code(ch: str) -> str:
    if ch == "\t":
        return "char-tab"
    if ch in "\x85\u2028\u2029":
        return "char-line-separator"
    if ch in _BIDI:
        return "char-bidi"
    if ch in _ZERO_WIDTH:
        return "text-zero-width"
    return "char-control"


def decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 strictly; name UTF-16/32 and Thai legacy encodings when they are the cause."""
    if len(data) > MAX_FILE_BYTES:
        return None, [make_problem("file-too-large", path, 1, 1, size=len(data), limit=MAX_FILE_BYTES)]
    for bom, name in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"),
    ):
        if data.startswith(bom):
            return None, [make_problem("encoding-utf16", path, 1, 1, encoding=name)]
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        try:
            legacy = data.decode("cp874")
        except UnicodeDecodeError:
            legacy = ""
        if len(_THAI.findall(legacy)) >= 3:
            return None, [make_problem("encoding-legacy-thai", path, line, column)]
        return None, [make_problem("encoding-invalid", path, line, column, byte=f"{data[exc.start]:02X}")]
    return text, []


def _position(text: str, index: int) -> Pos:
    line = text.count("\n", 0, index) + 1
    return Pos(line, index - (text.rfind("\n", 0, index) + 1) + 1)


def scan_characters(text: str, path: str) -> list[Problem]:
    """Find refused characters and non-normalised Thai anywhere in the file, with exact positions."""
    problems: list[Problem] = []
    found: Iterator[re.Match[str]] = _BAD_CHARS.finditer(text)
    if "\r" in text:
        found = heapq.merge(found, _LONE_CR.finditer(text), key=lambda match: match.start())
    for match in found:
        ch = match.group()
        pos = _position(text, match.start())
        problems.append(make_problem(_char_code(ch), path, pos.line, pos.column, char=_char_name(ch)))
        if len(problems) >= MAX_PROBLEMS_PER_FILE:
            return problems
    for pattern, code in ((_SARA_AM_SPLIT, "text-sara-am"), (_DOUBLE_SARA_E, "text-doubled-vowel")):
        for match in pattern.finditer(text):
            pos = _position(text, match.start())
            sample = text[max(0, match.start() - 3) : match.end() + 3].strip()
            problems.append(make_problem(code, path, pos.line, pos.column, sample=sample))
    mojibake = _MOJIBAKE.search(text)
    if mojibake:
        pos = _position(text, mojibake.start())
        sample = text[mojibake.start() : mojibake.start() + 12]
        problems.append(make_problem("encoding-mojibake", path, pos.line, pos.column, sample=sample))
    if not unicodedata.is_normalized("NFC", text):
        for lineno, line in enumerate(text.split("\n"), start=1):
            if unicodedata.is_normalized("NFC", line):
                continue
            col = next(i for i in range(len(line)) if not unicodedata.is_normalized("NFC", line[: i + 1]))
            while col > 0 and unicodedata.combining(line[col]):  # point at the base letter, not its mark
                col -= 1
            sample = line[max(0, col - 3) : col + 3]
            problems.append(make_problem("text-not-nfc", path, lineno, col + 1, sample=sample))
            break
    return problems


def _pos(mark: Any) -> Pos:
    return Pos(mark.line + 1, mark.column + 1) if mark is not None else Pos(1, 1)


_SCALAR, _ALIAS, _DOCUMENT_START = yaml.ScalarEvent, yaml.AliasEvent, yaml.DocumentStartEvent
_STREAM_END = yaml.StreamEndEvent
_MAPPING_START, _SEQUENCE_START = yaml.MappingStartEvent, yaml.SequenceStartEvent
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_DUPLICATE = "\0duplicate"  # the pending key of a repeated name: its value is read and dropped
_tuple_new = tuple.__new__  # Pos(...) without NamedTuple's Python-level __new__: two per scalar, ~120 per entry


def _written_tag(tag: str) -> str:
    """A tag as it was typed: `!!binary` rather than the resolved `tag:yaml.org,2002:binary`."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


class _StopParsing(Exception):
    """Raised inside the event loop when a problem makes the rest of the file meaningless."""


class _TreeBuilder:
    """Builds the Node tree from parser events, refusing what entries never need."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def fail(self, code: str, pos: Pos, **params: object) -> None:
        """Record a problem of the file's YAML at a position."""
        self.problems.append(make_problem(code, self.path, pos.line, pos.column, "", **params))

    def _refuse_properties(self, event: yaml.NodeEvent) -> None:
        """Anchors and tags (other than the plain `!`) stop the parse: entries never need them."""
        pos = _pos(event.start_mark)
        if event.anchor is not None:
            self.fail("yaml-anchor", pos, name=event.anchor)
            raise _StopParsing
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            self.fail("yaml-tag", pos, tag=_written_tag(tag))
            raise _StopParsing

    def build(self, parser: Any) -> Node | None:
        """Read every event of `parser` into a tree: one loop with the open containers on a stack.

        This is the hot path of `check` (about 80 events per entry), hence the locals and the inlined steps.
        """
        fail, new_pos = self.fail, _tuple_new
        get_event = parser.get_event
        root: Node | None = None
        stack: list[tuple[Mapping | Sequence, str | None]] = []  # the open ancestors, each with its pending key
        top: Mapping | Sequence | None = None  # the innermost open container
        key: str | None = None  # in a mapping: the key waiting for its value, or None when a key comes next
        documents = 0
        while True:
            event = get_event()
            kind = type(event)
            node: Node
            if kind is _SCALAR:  # the most frequent event first
                if event.anchor is not None or (event.tag is not None and event.tag != "!"):
                    self._refuse_properties(event)
                start = event.start_mark
                if key is None and top.__class__ is Mapping:  # a field name: only its text and position are kept
                    name = event.value
                    pos = new_pos(Pos, (start.line + 1, start.column + 1))
                    if name == "<<" and not event.style:
                        fail("yaml-merge-key", pos)
                        raise _StopParsing
                    if name in top.items:
                        fail("yaml-duplicate-key", pos, key=name, first_line=top.key_pos[name].line)
                        key = _DUPLICATE  # keep the first value; this one is read and dropped
                    else:
                        top.key_pos[name] = pos
                        key = name
                    continue
                end = event.end_mark
                node = Scalar(
                    event.value,
                    new_pos(Pos, (start.line + 1, start.column + 1)),
                    new_pos(Pos, (end.line + 1, end.column + 1)),
                    event.style or None,
                )
            elif kind is _MAPPING_START or kind is _SEQUENCE_START:
                if event.anchor is not None or (event.tag is not None and event.tag != "!"):
                    self._refuse_properties(event)
                pos = _pos(event.start_mark)
                if len(stack) + (top is not None) >= MAX_DEPTH:
                    fail("yaml-too-deep", pos, limit=MAX_DEPTH)
                    raise _StopParsing
                node = Mapping({}, {}, pos) if kind is _MAPPING_START else Sequence([], pos, pos)
            elif kind in _CLOSE:
                assert top is not None
                top.end = _pos(event.end_mark)
                top, key = stack.pop() if stack else (None, None)
                continue
            elif kind is _DOCUMENT_START:
                documents += 1
                if documents > 1:
                    fail("yaml-multiple-documents", _pos(event.start_mark))
                    raise _StopParsing
                continue
            elif kind is _ALIAS:
                fail("yaml-alias", _pos(event.start_mark), name=event.anchor)
                raise _StopParsing
            elif kind is _STREAM_END:
                return root
            else:  # stream start, document end
                continue
            # Place the node in its container.
            if top is None:
                root = node
            elif isinstance(top, Sequence):
                top.items.append(node)
            elif key is None:  # a list or mapping where a field name should be (names are read above)
                fail("yaml-complex-key", node.start)
                raise _StopParsing
            else:
                if key is not _DUPLICATE:
                    top.items[key] = node
                key = None
            if not isinstance(node, Scalar):  # a container opens: its items come next
                if top is not None:
                    stack.append((top, key))
                top, key = node, None


# libyaml's wording → what it usually means for someone typing an entry, in English and Thai.
_SYNTAX_HINTS = (
    (
        "mapping values are not allowed",
        "a ': ' inside unquoted text. Put the whole text in double quotes, or use a | block.",
        "มีเครื่องหมาย ': ' อยู่ในข้อความที่ไม่มีเครื่องหมายคำพูด กรุณาใส่ข้อความทั้งหมดใน \"...\" หรือใช้ |",
    ),
    (
        "cannot start any token",
        "a value starts with a character YAML reserves (such as @, ` or %). Put the value in double quotes.",
        'ค่าขึ้นต้นด้วยอักขระที่ YAML สงวนไว้ (เช่น @ ` หรือ %) กรุณาใส่ค่าในเครื่องหมายคำพูด "..."',
    ),
    (
        "could not find expected ':'",
        "a line is not of the form `name: value`. Check for a missing ':' or wrong indentation above.",
        "มีบรรทัดที่ไม่อยู่ในรูป `ชื่อช่อง: ค่า` ตรวจสอบว่าขาด ':' หรือย่อหน้าผิดในบรรทัดก่อนหน้า",
    ),
    (
        "did not find expected key",
        "the indentation is inconsistent. Indent each level by exactly 2 spaces.",
        "การย่อหน้าไม่สม่ำเสมอ กรุณาย่อหน้าระดับละ 2 ช่องว่างพอดี",
    ),
    (
        "did not find expected '-' indicator",
        "a list item is indented differently from the others. Line up the '-' signs.",
        "รายการย่อยย่อหน้าไม่ตรงกัน กรุณาจัดเครื่องหมาย '-' ให้ตรงกัน",
    ),
    (
        "found unexpected end of stream",
        "a quote or bracket is opened but never closed.",
        "มีเครื่องหมายคำพูดหรือวงเล็บที่เปิดแล้วไม่ได้ปิด",
    ),
    (
        "did not find expected ',' or ']'",
        "a [ list ] is not closed, or an item in it needs quotes.",
        "รายการในวงเล็บ [ ] ไม่ได้ปิด หรือมีค่าที่ต้องใส่เครื่องหมายคำพูด",
    ),
    (
        "found unknown escape character",
        'a backslash inside "double quotes". Use single quotes, or write \\\\ for a backslash.',
        "มีเครื่องหมาย \\ ในเครื่องหมายคำพูดคู่ กรุณาใช้เครื่องหมายคำพูดเดี่ยวแทน",
    ),
)


def _syntax_detail(exc: yaml.YAMLError) -> tuple[str, str]:
    """libyaml's message, explained in English and Thai where we know what it usually means."""
    if isinstance(exc, yaml.MarkedYAMLError):
        raw = "; ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
    else:
        raw = str(exc).splitlines()[0] if str(exc) else "invalid YAML"
    for needle, en, th in _SYNTAX_HINTS:
        if needle in raw:
            return f"{en} ({raw})", f"{th} ({raw})"
    return (
        f"{raw}. Check the indentation (2 spaces) and quote text that contains ':' or '#'.",
        f"{raw} ตรวจสอบการย่อหน้า (2 ช่องว่าง) และใส่เครื่องหมายคำพูดให้ข้อความที่มี : หรือ #",
    )


def parse(text: str, path: str) -> tuple[Node | None, list[Problem]]:
    """Parse checked text into a Node tree, or return the problems that stopped it."""
    builder = _TreeBuilder(path)
    parser = _EventLoader(text)
    try:
        root = builder.build(parser)
    except _StopParsing:
        return None, builder.problems
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        pos = _pos(mark)
        detail_en, detail_th = _syntax_detail(exc)
        builder.fail("yaml-syntax", pos, detail_en=detail_en, detail_th=detail_th)
        return None, builder.problems
    except (ValueError, OverflowError, MemoryError, RecursionError) as exc:  # defensive: never a traceback
        builder.fail("yaml-syntax", Pos(1, 1), detail_en=type(exc).__name__, detail_th=type(exc).__name__)
        return None, builder.problems
    finally:
        parser.dispose()
    if root is None or (isinstance(root, Scalar) and root.is_null):
        builder.fail("yaml-empty", Pos(1, 1))
        return None, builder.problems
    return root, builder.problems


def load_text(text: str, path: str) -> tuple[Node | None, list[Problem]]:
    """Check characters, then parse: the single entry point for text already decoded."""
    problems = scan_characters(text, path)
    if any(p.code in ("char-control", "char-line-separator", "encoding-mojibake") for p in problems):
        return None, problems  # positions after such characters are unreliable
    root, parse_problems = parse(text, path)
    # YAML refuses a tab in indentation with a syntax error at the tab itself: the tab already explains it
    tabs = {(p.line, p.column) for p in problems if p.code == "char-tab"}
    parse_problems = [p for p in parse_problems if p.code != "yaml-syntax" or (p.line, p.column) not in tabs]
    return root, problems + parse_problems


def read_bytes(file: Path, display_path: str) -> tuple[bytes | None, list[Problem]]:
    """Read one file, refusing symlinks and oversized files: its bytes, or why there are none."""
    try:
        if file.is_symlink():
            return None, [make_problem("file-symlink", display_path, 1, 1)]
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [make_problem("file-too-large", display_path, 1, 1, size=size, limit=MAX_FILE_BYTES)]
        return file.read_bytes(), []
    except OSError as exc:
        return None, [make_problem("file-unreadable", display_path, 1, 1, reason=exc.strerror or str(exc))]


def load_bytes(data: bytes, display_path: str) -> tuple[Node | None, list[Problem], str | None]:
    """Decode and parse the bytes of one YAML file: the tree, the problems, and the text (None when undecodable)."""
    text, problems = decode(data, display_path)
    if text is None:
        return None, problems, None
    root, found = load_text(text, display_path)
    return root, problems + found, text


def load_file(file: Path, display_path: str) -> tuple[Node | None, list[Problem], str | None]:
    """Read, decode and parse one YAML file: the loader that validates is the loader that builds.

    The decoded text comes back too (None when there is none), for positions inside values.
    """
    data, problems = read_bytes(file, display_path)
    if data is None:
        return None, problems, None
    return load_bytes(data, display_path)
