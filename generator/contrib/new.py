"""`python -m generator new`: ask a few questions (Thai or English) and write a commented entry file.

Everything else in the file is a `TODO` placeholder that `check` reports as "fill in this field", with a
comment above each field saying what it holds (from the schema's descriptions).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..atomic import create_text
from ..database.fieldtypes import PLACEHOLDER, Identifier
from ..database.load import ENTRIES_DIR, ENTRY_SUFFIX, discover
from ..database.messages import make_problem
from ..database.reference import ReferenceData, load_reference
from ..database.schema import ENTRY_FIELDS
from ..database.suggest import Options, choice_hint, named_choice, suggest_choice
from ..database.validate import SITE_CONFIG_DIR
from .fields import skeleton
from .yamlwrite import Template, dump_entry

Option = tuple[str, str, str]  # id, Thai label, English label

TEXT: dict[str, tuple[str, str]] = {
    "intro": (
        "สร้างรายการใหม่ ตอบคำถามด้านล่าง ข้อที่ยังไม่พร้อมกด Enter ข้ามไปกรอกในไฟล์ทีหลังได้ (Ctrl+C ยกเลิก)",
        "A new entry. Answer below; press Enter to skip what you will fill in later in the file (Ctrl+C cancels).",
    ),
    "kind": ("ประเภทรายการ", "Kind of entry"),
    "institution": ("หน่วยงานของคุณ", "Your institution"),
    "category": ("หมวดหมู่ (Enter = กรอกทีหลัง)", "Category (Enter = later)"),
    "title_th": ("ชื่อเรื่องภาษาไทย (Enter = กรอกทีหลัง)", "Title in Thai (Enter = later)"),
    "title_en": ("ชื่อเรื่องภาษาอังกฤษ (Enter = กรอกทีหลัง)", "Title in English (Enter = later)"),
    "id": (
        "รหัสรายการ ใช้เป็นชื่อไฟล์: อักษรอังกฤษตัวเล็ก ตัวเลข และขีด เช่น solar-dryer-mango",
        "Entry id, also the file name: lowercase letters, digits and hyphens, e.g. solar-dryer-mango",
    ),
    "id_default": ("กด Enter เพื่อใช้", "press Enter to use"),
    "pick": ("พิมพ์หมายเลข", "Type a number"),
    "bad_pick": ("ไม่มีตัวเลือกนี้ กรุณาพิมพ์หมายเลข 1–{n}", "No such choice: type a number from 1 to {n}"),
    "required": ("ข้อนี้ต้องตอบ", "This one is needed"),
    "cancelled": ("ยกเลิกแล้ว ไม่ได้สร้างไฟล์", "Cancelled; no file was written"),
}

HEADER = [
    "รายการใหม่จาก `python -m generator new`: แทนที่ทุก TODO ด้วยข้อมูลจริง",
    "  ข้อความภาษาอังกฤษ (en) ไม่บังคับ: เขียน หรือลบบรรทัดนั้นทิ้ง · ช่องที่อยู่หลัง # ไม่บังคับ: ลบ # เพื่อใช้",
    "  หลายค่าใน [ ] คั่นด้วยจุลภาค เช่น [มะม่วง, อบแห้ง] · ข้อความหลายบรรทัดหลัง | ให้ย่อหน้าเท่ากับบรรทัดแรก",
    "  แล้วตรวจด้วย: .venv/bin/python -m generator check <ไฟล์นี้>",
    "A new entry from `python -m generator new`: replace every TODO with the real text.",
    "  English (en) is optional: write it or delete that line. Fields behind # are optional: delete the # to use them.",
    "  Several values go in [ ] with commas, e.g. [mango, drying]. Text after | keeps the first line's indentation.",
    "  Then check it with: .venv/bin/python -m generator check <this file>",
    "",
]


class Cancelled(Exception):
    """The person stopped answering (end of input or Ctrl+C)."""


class UsageError(Exception):
    """A flag has a value that cannot be used; the message is in English and Thai."""


@dataclass
class Answers:
    """What the questions (or the flags) settled."""

    kind: str
    institution: str
    entry_id: str
    category: str | None = None
    title_th: str | None = None
    title_en: str | None = None


def options(reference: ReferenceData) -> dict[str, list[Option]]:
    """Every reference list as (id, Thai, English), for numbered questions and for the template's comments."""
    out = {
        name: [(t.id, t.label.th, t.label.get("en")) for t in terms.values()]
        for name, terms in reference.taxonomies.items()
    }
    out["institutions"] = [
        (i.id, f"{i.short.th} – {i.name.th}", f"{i.short.get('en')} – {i.name.get('en')}")
        for i in reference.institutions.values()
    ]
    out["provinces"] = [(p.id, p.name.th, p.name.get("en")) for p in reference.provinces.values()]
    return out


def suggest_id(title: str) -> str | None:
    """An id made from an English title: `Solar dryer for mango` → `solar-dryer-for-mango` (at most 60)."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    suggestion = ""
    for word in words:
        candidate = f"{suggestion}-{word}" if suggestion else word
        if len(candidate) > 60:
            break
        suggestion = candidate
    return suggestion if Identifier.is_valid(suggestion) else None


def id_problem(root: Path, institution: str, entry_id: str) -> tuple[str, str] | None:
    """Why `entry_id` cannot be used (English, Thai), checked as `check` would; None when it can."""
    if not Identifier.is_valid(entry_id):
        p = make_problem("bad-id", "", 0, 0, value=entry_id)
        return p.message_en, p.message_th
    files, _, _ = discover(root)
    for file in files:
        stem = file.path.name[: -len(ENTRY_SUFFIX)]
        if stem.casefold() == entry_id.casefold():
            p = make_problem("duplicate-id", "", 0, 0, id=entry_id, other=file.display)
            return p.message_en, p.message_th
    target = root / ENTRIES_DIR / institution / f"{entry_id}{ENTRY_SUFFIX}"
    if target.exists():
        return f"{target} already exists.", f"มีไฟล์ {target} อยู่แล้ว"
    return None


class Questions:
    """Numbered questions on a terminal or any text stream, in Thai or English."""

    def __init__(self, lang: str, stdin: IO[str], stdout: IO[str]) -> None:
        self.index = 0 if lang == "th" else 1
        self.stdin = stdin
        self.stdout = stdout

    def t(self, key: str, **values: object) -> str:
        """A string in the chosen language."""
        return TEXT[key][self.index].format(**values)

    def say(self, text: str) -> None:
        """Print one line."""
        print(text, file=self.stdout, flush=True)

    def ask(self, prompt: str) -> str:
        """One line of answer; Cancelled at the end of input."""
        self.stdout.write(f"{prompt}: " if prompt else "> ")
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            raise Cancelled
        return line.strip()

    def choose(self, key: str, choices: Sequence[Option], *, optional: bool = False) -> str | None:
        """A numbered list; the answer is a number, an id or a name written in full."""
        self.say(f"\n{self.t(key)}")
        width = len(str(len(choices)))
        for n, (ident, th, en) in enumerate(choices, start=1):
            self.say(f"  {n:>{width}}. {th if self.index == 0 else en}  [{ident}]")
        while True:
            answer = self.ask(self.t("pick"))
            if not answer and optional:
                return None
            if answer.isdigit() and 1 <= int(answer) <= len(choices):
                return choices[int(answer) - 1][0]
            if answer in {c[0] for c in choices}:
                return answer
            known = _options(choices)
            named = named_choice(answer, known)
            if named is not None:  # a name typed out in full: its id, said back
                self.say(f"  → {named}")
                return named
            self.say(self.t("bad_pick", n=len(choices)) if answer else self.t("required"))
            hint_en, hint_th = choice_hint(suggest_choice(answer, known), known)
            if hint_en:
                self.say(f"  {(hint_th if self.index == 0 else hint_en).strip()}")

    def text(self, key: str) -> str | None:
        """Free text, or None when skipped."""
        self.say(f"\n{self.t(key)}")
        return self.ask("") or None


def _options(choices: Sequence[Option]) -> Options:
    """The choices with their names for matching: an institution's label "short – full" gives both names."""
    names: dict[str, tuple[str, ...]] = {}
    for ident, th, en in choices:
        th_parts, en_parts = th.split(" – "), (en or "").split(" – ")
        names[ident] = (th_parts[-1], en_parts[-1], *th_parts[:-1], *en_parts[:-1])  # full names first
    return Options([c[0] for c in choices], names)


def _check_choice(flag: str, value: str, choices: Sequence[Option]) -> str:
    ids = [c[0] for c in choices]
    if value not in ids:
        known = _options(choices)
        named = named_choice(value, known)
        if named is not None:
            return named
        hint_en, hint_th = choice_hint(suggest_choice(value, known), known)
        raise UsageError(
            f"{flag} {value!r} is not one of: {', '.join(ids)}.{hint_en}\n"
            f"    {flag} {value!r} ไม่อยู่ในรายการที่ใช้ได้: {', '.join(ids)}{hint_th}"
        )
    return value


def gather(args: Any, root: Path, opts: dict[str, list[Option]], q: Questions | None) -> Answers:
    """Settle every answer from the flags, asking `q` for what is missing (or failing when there is no one to ask)."""

    def need(flag: str) -> UsageError:
        return UsageError(f"{flag} is required with --yes\n    ต้องระบุ {flag} เมื่อใช้ --yes")

    if q is not None:
        q.say(q.t("intro"))
    kind = _check_choice("--kind", args.kind, opts["kinds"]) if args.kind else None
    if kind is None:
        if q is None:
            raise need("--kind")
        kind = q.choose("kind", opts["kinds"])
    institution = _check_choice("--institution", args.institution, opts["institutions"]) if args.institution else None
    if institution is None:
        if q is None:
            raise need("--institution")
        institution = q.choose("institution", opts["institutions"])
    category = _check_choice("--category", args.category, opts["categories"]) if args.category else None
    if category is None and q is not None:
        category = q.choose("category", opts["categories"], optional=True)
    title_th = args.title_th or (q.text("title_th") if q is not None else None)
    title_en = args.title_en or (q.text("title_en") if q is not None else None)
    assert kind is not None and institution is not None
    entry_id = args.id
    if entry_id:
        problem = id_problem(root, institution, entry_id)
        if problem:
            raise UsageError(f"--id {entry_id}: {problem[0]}\n    {problem[1]}")
    elif q is None:
        entry_id = suggest_id(title_en or "")
        if entry_id is None:
            raise need("--id (or --title-en)")
        problem = id_problem(root, institution, entry_id)
        if problem:
            raise UsageError(f"id {entry_id} (from --title-en): {problem[0]}\n    {problem[1]}")
    else:
        entry_id = _ask_id(q, root, institution, suggest_id(title_en or ""))
    return Answers(kind, institution, entry_id, category, title_th, title_en)


def _ask_id(q: Questions, root: Path, institution: str, suggestion: str | None) -> str:
    q.say(f"\n{q.t('id')}")
    while True:
        usable = suggestion if suggestion and id_problem(root, institution, suggestion) is None else None
        answer = q.ask(f"{q.t('id_default')} {usable}" if usable else "")
        entry_id = answer or usable
        if not entry_id:
            q.say(q.t("required"))
            continue
        problem = id_problem(root, institution, entry_id)
        if problem is None:
            return entry_id
        en, th = problem
        q.say(en if q.index == 1 else th)


def entry_text(answers: Answers, opts: dict[str, list[Option]], today: dt.date) -> str:
    """The commented entry file for these answers; placeholders wherever the contributor still has to write."""
    data: dict[str, Any] = {
        "id": answers.entry_id,
        "kind": answers.kind,
        "institution": answers.institution,
        "title": {"th": answers.title_th or PLACEHOLDER, "en": answers.title_en or PLACEHOLDER},
        "category": answers.category or PLACEHOLDER,
        "date_added": today,
        "date_reviewed": today,
    }
    for f in ENTRY_FIELDS:
        if f.name not in data and f.required_for(answers.kind):
            data[f.name] = skeleton(f.type)
    short = {**opts, "institutions": [(i, th.split(" – ")[0], en) for i, th, en in opts["institutions"]]}
    return dump_entry(data, header=HEADER, template=Template(answers.kind, short))


def run_new(args: Any, root: Path, today: dt.date, stdin: IO[str] = sys.stdin, stdout: IO[str] = sys.stdout) -> int:
    """The `new` command: 0 written, 1 refused or cancelled, 2 a flag's value cannot be used."""
    reference, problems = load_reference(root / SITE_CONFIG_DIR)
    if any(p.is_error for p in problems):
        print(
            "site_config/ has errors: run `python -m generator check` first.\n"
            "    site_config/ มีข้อผิดพลาด กรุณารัน python -m generator check ก่อน",
            file=sys.stderr,
        )
        return 1
    opts = options(reference)
    q = None if args.yes else Questions(args.lang, stdin, stdout)
    try:
        answers = gather(args, root, opts, q)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (Cancelled, KeyboardInterrupt):
        print(f"\n{TEXT['cancelled'][1]} / {TEXT['cancelled'][0]}", file=sys.stderr)
        return 1
    rel = f"{ENTRIES_DIR}/{answers.institution}/{answers.entry_id}{ENTRY_SUFFIX}"
    try:
        create_text(root / rel, entry_text(answers, opts, today))
    except FileExistsError:
        print(f"{rel} already exists; nothing was written.\n    มีไฟล์ {rel} อยู่แล้ว ไม่ได้เขียนทับ", file=sys.stderr)
        return 1
    print(
        f"\nwrote {rel}\n"
        f"Next: open it, replace every TODO, then run: .venv/bin/python -m generator check {rel}\n"
        f"สร้างไฟล์ {rel} แล้ว\n"
        f"ขั้นต่อไป: เปิดไฟล์ แทนที่ทุก TODO ด้วยข้อมูลจริง แล้วรัน: .venv/bin/python -m generator check {rel}",
        file=stdout,
    )
    return 0
