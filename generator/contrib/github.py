"""Files for the GitHub repository that follow the schema and site_config/: the "suggest an entry" issue form,
the CODEOWNERS example, and the spreadsheet template. `python -m generator schema` rewrites them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from ..database.fieldtypes import Choice, Field, FieldType, ListOf, Localized, Markdown, Object
from ..database.reference import ReferenceData, load_reference
from ..database.schema import ENTRY_FIELDS, KINDS

ISSUE_FORM_PATH = ".github/ISSUE_TEMPLATE/suggest-entry.yml"
CODEOWNERS_PATH = ".github/CODEOWNERS.example"
TEMPLATE_PATH = "docs/entries-template.xlsx"
SKIPPED = {"id", "date_added", "date_reviewed"}  # maintainers set these when they turn the issue into a file
DROPDOWN_LIMIT = 25  # longer lists (provinces) are easier to type than to scroll
TEAM = "@techclinic-network"


def _options(reference: ReferenceData, source: str) -> list[str]:
    if source == "institutions":
        items = [(i.id, i.short.th, i.name.get("en")) for i in reference.institutions.values()]
    elif source == "provinces":
        items = [(p.id, p.name.th, p.name.get("en")) for p in reference.provinces.values()]
    else:
        items = [(t.id, t.label.th, t.label.get("en")) for t in reference.taxonomies[source].values()]
    return [f"{th} · {en} ({ident})" for ident, th, en in items]


def _element_id(path: str) -> str:
    return re.sub(r"[^a-z0-9_-]", "_", path.lower())


def _only(f: Field) -> tuple[str, str]:
    if f.kinds is None or set(f.kinds) == set(KINDS):
        return "", ""
    kinds = ", ".join(sorted(f.kinds))
    return f" (เฉพาะ {kinds})", f" ({kinds} only)"


def _elements(
    f: Field, t: FieldType, path: str, label_th: str, label_en: str, required: bool, ref: ReferenceData
) -> list[dict[str, Any]]:
    """The form elements for one field: dropdowns for choices, inputs or text areas for text."""
    desc = f"{f.doc_th} · {f.doc_en}"
    attrs: dict[str, Any] = {"label": f"{label_th} · {label_en}", "description": desc}
    item = t.item if isinstance(t, ListOf) else t
    if isinstance(t, Localized):
        out: list[dict[str, Any]] = []
        for lang, th_word, en_word in (("th", "ไทย", "Thai"), ("en", "อังกฤษ", "English")):
            out += _elements(
                f,
                t.inner,
                f"{path}_{lang}",
                f"{label_th} ({th_word})",
                f"{label_en} ({en_word})",
                required and lang == "th",
                ref,
            )
        return out
    if isinstance(item, Object):
        if isinstance(t, ListOf):
            parts = "; ".join(f"{s.doc_th} · {s.doc_en}" for s in item.fields)
            attrs["description"] = f"{desc}. หนึ่งบรรทัดต่อหนึ่งรายการ · one per line: {parts}"
            return [
                {
                    "type": "textarea",
                    "id": _element_id(path),
                    "attributes": attrs,
                    "validations": {"required": required},
                }
            ]
        out = []
        group_en = item.where_en.upper() if len(item.where_en) <= 3 else item.where_en.capitalize()
        only_th, only_en = _only(f)
        for sub in item.fields:
            if sub.required is True:
                out += _elements(
                    sub,
                    sub.type,
                    f"{path}_{sub.name}",
                    f"{item.where_th}{only_th}: {sub.doc_th}",
                    f"{group_en}{only_en}: {sub.doc_en}",
                    required,
                    ref,
                )
        return out
    if isinstance(item, Choice):
        options = _options(ref, item.source)
        if len(options) <= DROPDOWN_LIMIT:
            attrs["options"] = options
            if isinstance(t, ListOf):
                attrs["multiple"] = True
            return [
                {
                    "type": "dropdown",
                    "id": _element_id(path),
                    "attributes": attrs,
                    "validations": {"required": required},
                }
            ]
        attrs["description"] = f"{desc}. หลายค่าคั่นด้วย , · several: separate with ,"
        return [{"type": "input", "id": _element_id(path), "attributes": attrs, "validations": {"required": required}}]
    kind = "textarea" if isinstance(item, Markdown) or isinstance(t, ListOf) else "input"
    if isinstance(t, ListOf) or (isinstance(t, Localized) and isinstance(t.inner, ListOf)):
        attrs["description"] = f"{desc}. หลายค่าคั่นด้วย , · several: separate with ,"
    return [{"type": kind, "id": _element_id(path), "attributes": attrs, "validations": {"required": required}}]


def issue_form(reference: ReferenceData) -> str:
    """The issue form for people who want to suggest an entry without git: one question per required field."""
    body: list[dict[str, Any]] = [
        {
            "type": "markdown",
            "attributes": {
                "value": (
                    "เสนอเทคโนโลยีหรือภูมิปัญญาท้องถิ่นโดยไม่ต้องใช้ git: กรอกแบบฟอร์มนี้ "
                    "แล้วผู้ดูแลของหน่วยงานจะสร้างไฟล์รายการให้ ช่องภาษาอังกฤษไม่บังคับ\n\n"
                    "Suggest a technology or a piece of local wisdom without git: fill in this form and the "
                    "institution's maintainers will turn it into an entry file. English fields are optional."
                )
            },
        }
    ]
    for f in ENTRY_FIELDS:
        if f.name in SKIPPED or f.required is False:
            continue
        only_th, only_en = _only(f)
        required = f.required is True
        item = f.type.item if isinstance(f.type, ListOf) else f.type
        if isinstance(item, Choice):  # "entry kind" says more than the field's longer description
            label_th, label_en = item.what_th, item.what_en.capitalize()
        else:
            label_th, label_en = _short(f.doc_th), _short(f.doc_en)
        body += _elements(f, f.type, f.name, label_th + only_th, label_en + only_en, required, reference)
    body.append(
        {
            "type": "checkboxes",
            "id": "permission",
            "attributes": {
                "label": "การอนุญาต · Permission",
                "options": [
                    {
                        "label": "ข้อมูลนี้เผยแพร่ได้ และภูมิปัญญาท้องถิ่นได้รับความยินยอมจากชุมชนแล้ว · "
                        "This may be published, and local wisdom has the community's consent",
                        "required": True,
                    }
                ],
            },
        }
    )
    form = {
        "name": "เสนอรายการใหม่ · Suggest an entry",
        "description": "เทคโนโลยีหรือภูมิปัญญาท้องถิ่นสำหรับคลังข้อมูล · A technology or local wisdom for the database",
        "title": "[รายการใหม่ · new entry] ",
        "labels": ["new entry"],
        "body": body,
    }
    header = (
        "# GENERATED from generator/database/schema.py and site_config/ by `python -m generator schema`. Do not edit.\n"
    )
    return header + yaml.safe_dump(form, allow_unicode=True, sort_keys=False, width=1000)


def _short(doc: str) -> str:
    """A field's documentation cut to a label: up to the first ';' or ':' (the rest is the description)."""
    return re.split(r"[;:]", doc, maxsplit=1)[0].strip()


def codeowners_example(reference: ReferenceData) -> str:
    """CODEOWNERS lines giving each institution's folder to its own reviewers (placeholder team handles)."""
    lines = [
        "# Copy to .github/CODEOWNERS and replace the placeholder teams with real GitHub users or teams.",
        "# คัดลอกเป็น .github/CODEOWNERS แล้วเปลี่ยนชื่อทีมเป็นผู้ใช้หรือทีมจริงบน GitHub",
        "# GENERATED from site_config/institutions.yaml by `python -m generator schema`. Do not edit.",
        "# The last matching line wins: each institution's folder is reviewed by its clinic and the maintainers.",
        "",
        f"*                 {TEAM}/maintainers",
        f"/site_config/     {TEAM}/maintainers",
        f"/generator/       {TEAM}/developers",
        f"/.github/         {TEAM}/developers",
        "",
    ]
    for inst in reference.institutions.values():
        lines.append(f"# {inst.short.get('en')} · {inst.short.th}")
        lines.append(f"/technologies/{inst.id}/ {TEAM}/{inst.id}-reviewers {TEAM}/maintainers")
    return "\n".join(lines) + "\n"


def write_generated(root: Path) -> list[Path]:
    """Rewrite the issue form, the CODEOWNERS example and the spreadsheet template; [] if site_config/ is invalid."""
    from .spreadsheet import write_template

    reference, problems = load_reference(root / "site_config")
    if any(p.is_error for p in problems):
        return []
    written = []
    for rel, text in ((ISSUE_FORM_PATH, issue_form(reference)), (CODEOWNERS_PATH, codeowners_example(reference))):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    write_template(root / TEMPLATE_PATH, reference)
    written.append(root / TEMPLATE_PATH)
    return written
