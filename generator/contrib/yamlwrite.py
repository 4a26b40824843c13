"""Write an entry as tidy YAML in schema order: block style, quotes only where needed, Markdown as `|` blocks.

`new` adds a bilingual comment above every field and writes optional fields commented out;
the spreadsheet import writes the same layout without comments.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..database.fieldtypes import (
    Choice,
    Date,
    Field,
    FieldType,
    Integer,
    ListOf,
    Localized,
    Markdown,
    Object,
)
from ..database.schema import ENTRY_FIELDS
from .fields import skeleton, subfields

SCHEMA_LINE = "# yaml-language-server: $schema=../../site_config/schema/entry.schema.json"
WIDTH = 120  # comment lines wrap here; flow lists longer than this become block lists
_PLAIN_START = set("-?:,[]{}#&*!|>'\"%@`")
_NUMBER_LIKE = re.compile(r"-?[0-9][0-9-]*")
_NUMBERISH = re.compile(r"[-+.]?[0-9]")
MANY_CHOICES = 16  # longer choice lists are pointed to rather than listed in comments


@dataclass
class Template:
    """What `new` adds: comments in both languages and optional fields commented out, for one kind."""

    kind: str
    # source → [(id, Thai label, English label)], for listing the allowed values in comments
    choices: Mapping[str, Sequence[tuple[str, str, str]]] = field(default_factory=dict)


def dump_entry(data: Mapping[str, Any], *, header: Sequence[str] = (), template: Template | None = None) -> str:
    """The YAML text of an entry: the editor-schema line, any header comments, then the fields."""
    lines = [SCHEMA_LINE, *(f"# {h}" if h else "#" for h in header)]
    lines += _object_lines(ENTRY_FIELDS, data, 0, template, top=True)
    return "\n".join(lines) + "\n"


def _object_lines(
    fields: Sequence[Field], data: Mapping[str, Any], indent: int, template: Template | None, *, top: bool = False
) -> list[str]:
    lines: list[str] = []
    pad = " " * indent
    for f in fields:
        if template is not None and not f.allowed_for(template.kind):
            continue
        if f.name in data:
            if template is not None:
                if top and lines:
                    lines.append("")
                lines += _comment(f, indent, template)
            lines += _field_lines(f.name, f.type, data[f.name], indent, template)
        elif template is not None and not f.required_for(template.kind):
            if top and lines:
                lines.append("")
            lines += _comment(f, indent, template)
            block = _field_lines(f.name, f.type, skeleton(f.type, full=True), indent, None)
            lines += [f"{pad}# {line[indent:]}" for line in block]
    known = {f.name for f in fields}
    for name in data:  # never drop a value, even one the schema does not know (the checker will say so)
        if name not in known:
            lines += _field_lines(name, None, data[name], indent, None)
    return lines


def _field_lines(name: str, t: FieldType | None, value: Any, indent: int, template: Template | None) -> list[str]:
    pad = " " * indent
    key = _key(name)
    if isinstance(value, Mapping):
        inner = subfields(t) if t is not None else None
        nested = template if isinstance(t, Object) else None  # no comments on the th/en of a text
        return [f"{pad}{key}:", *_object_lines(inner or [], value, indent + 2, nested)]
    if isinstance(value, (list, tuple)):
        item_t = t.item if isinstance(t, ListOf) else None
        if not value:
            return [f"{pad}{key}: []"]
        if not any(isinstance(v, (Mapping, list, tuple)) for v in value):
            flow = _flow(value, item_t)
            if flow is not None and len(pad) + len(key) + 2 + len(flow) <= WIDTH:
                return [f"{pad}{key}: {flow}"]
            lines = [f"{pad}{key}:"]
            for v in value:
                lines += _scalar_lines("-", item_t, v, indent + 2, is_key=False)
            return lines
        lines = [f"{pad}{key}:"]
        inner = subfields(item_t) if item_t is not None else None
        nested = template if isinstance(item_t, Object) else None
        for item in value:
            sub = _object_lines(inner or [], item, indent + 4, nested) if isinstance(item, Mapping) else []
            for i, line in enumerate(sub):
                if line.strip() and not line.lstrip().startswith("#"):
                    sub[i] = f"{pad}  - {line[indent + 4 :]}"
                    break
            else:
                sub.append(f"{pad}  - {{}}")
            lines += sub
        return lines
    return _scalar_lines(key, t, value, indent)


def _key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", name) else json.dumps(name, ensure_ascii=False)


def _text(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _scalar_lines(key: str, t: FieldType | None, value: Any, indent: int, *, is_key: bool = True) -> list[str]:
    """`key: value`, or `- value` in a list; Markdown and multi-line text as a literal block."""
    pad = " " * indent
    lead = f"{pad}{key}:" if is_key else f"{pad}{key}"
    text = _text(value)
    if isinstance(t, Markdown) or "\n" in text or "\r" in text:
        if isinstance(t, Markdown):
            text = text.rstrip("\n") + "\n"  # trailing blank lines mean nothing in Markdown
        chomp = "" if text.endswith("\n") and not text.endswith("\n\n") else ("-" if not text.endswith("\n") else "+")
        body = text[:-1] if text.endswith("\n") else text
        first = next((line for line in body.split("\n") if line.strip()), "")
        indicator = "2" if first.startswith(" ") or not first else ""
        inner = " " * (indent + 2)
        return [f"{lead} |{indicator}{chomp}", *((inner + line) if line else "" for line in body.split("\n"))]
    return [f"{lead} {_inline(text, t)}"]


def _inline(text: str, t: FieldType | None) -> str:
    if isinstance(t, (Date, Integer)) and _NUMBER_LIKE.fullmatch(text):
        return text
    return text if _plain_ok(text) else json.dumps(text, ensure_ascii=False)


def _plain_ok(text: str) -> bool:
    """Whether `text` can be written without quotes and still read back as exactly this text, by any YAML reader."""
    if not text or text != text.strip() or text[0] in _PLAIN_START:
        return False
    if _NUMBERISH.match(text):  # 0812345678 is a number to YAML 1.2 readers: quote anything that starts like one
        return False
    if ": " in text or " #" in text or text.endswith(":") or any(c in text for c in "\n\r\t\\"):
        return False
    if not text.isprintable():
        return False
    try:
        return bool(yaml.safe_load(text) == text)
    except yaml.YAMLError:
        return False


def _flow(values: Sequence[Any], item_t: FieldType | None) -> str | None:
    """`[a, b, c]` when every item is safe in a flow list, else None."""
    parts = []
    for v in values:
        text = _text(v)
        if not _plain_ok(text) or any(c in text for c in ",[]{}#"):
            return None
        parts.append(_inline(text, item_t))
    return "[" + ", ".join(parts) + "]"


def _comment(f: Field, indent: int, template: Template) -> list[str]:
    """What the field means and what it takes, in Thai and English, as comment lines."""
    pad = " " * indent
    need = "ต้องมี · required" if f.required_for(template.kind) else "ไม่บังคับ · optional"
    out = [f"{f.doc_th} · {f.doc_en} ({need})"]
    t = f.type.inner if isinstance(f.type, Localized) else f.type  # th/en is explained once, at the top
    item = t.item if isinstance(t, ListOf) else t
    if isinstance(item, Localized) and isinstance(item.inner, ListOf):
        item = item.inner.item
    if not isinstance(item, Object):
        out.append(f"  {t.doc_th} · {t.doc_en}")
    if isinstance(item, Choice):
        options = template.choices.get(item.source, ())
        if 0 < len(options) <= MANY_CHOICES:
            out.append("  ตัวเลือก · choices: " + ", ".join(f"{i} ({th})" for i, th, _ in options))
    if f.example is not None:
        out.append(f"  เช่น · e.g. {_text(f.example)}")
    lines: list[str] = []
    for text in out:
        for segment in textwrap.wrap(text, WIDTH - indent - 2, subsequent_indent="    ", break_on_hyphens=False):
            lines.append(f"{pad}# {segment}")
    return lines
