"""`python -m generator diff BASE [HEAD]`: what a change does to the entries, in words rather than YAML lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..database.fieldtypes import grapheme_length
from ..database.schema import ENTRY_FIELDS
from . import gitrepo, snapshot
from .fields import flatten
from .snapshot import EntryVersion, Snapshot, Unreadable

SHORT = 60  # values up to this many characters (on one line) are shown in full
_FIELD_ORDER = {f.name: i for i, f in enumerate(ENTRY_FIELDS)}


@dataclass(frozen=True)
class FieldChange:
    """One field of one entry that differs: its path and a description in English and Thai."""

    path: str
    en: str
    th: str


@dataclass
class EntryChange:
    """One entry present on both sides that moved or changed."""

    old: EntryVersion
    new: EntryVersion
    fields: list[FieldChange] = field(default_factory=list)

    @property
    def moved(self) -> bool:
        """Whether the file has a new path."""
        return self.old.path != self.new.path


@dataclass
class Summary:
    """Everything that differs between two snapshots of the database."""

    base: str
    head: str
    added: list[EntryVersion]
    removed: list[EntryVersion]
    changed: list[EntryChange]  # moved and/or edited, by id
    unreadable: list[tuple[str, Unreadable]]  # (side label, file) of the head side

    @property
    def moved(self) -> list[EntryChange]:
        """Entries whose file moved (they may also have changed)."""
        return [c for c in self.changed if c.moved]

    @property
    def edited(self) -> list[EntryChange]:
        """Entries whose file stayed where it was but changed."""
        return [c for c in self.changed if not c.moved]


def _show(value: Any) -> str:
    if value is None:
        return "(empty)"
    if isinstance(value, list):
        return ", ".join(_show(v) for v in value) or "[]"
    return f'"{str(value).strip()}"'


def _short(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, list):
        return all(_short(v) for v in value) and len(_show(value)) <= SHORT * 2
    text = str(value)
    return "\n" not in text.strip() and len(text) <= SHORT


def _size(value: Any) -> int:
    return grapheme_length(str(value).strip()) if value is not None else 0


def _field_change(path: str, old: Any, new: Any) -> FieldChange | None:
    """How one leaf changed, in English and Thai; None when it did not."""
    if old == new:
        return None
    if isinstance(old, list) and isinstance(new, list) and all(not isinstance(v, (dict, list)) for v in old + new):
        gone = [v for v in old if v not in new]
        came = [v for v in new if v not in old]
        en, th = [], []
        if came:
            en.append(f"added {_show(came)}")
            th.append(f"เพิ่ม {_show(came)}")
        if gone:
            en.append(f"removed {_show(gone)}")
            th.append(f"ลบ {_show(gone)}")
        if not came and not gone:
            en.append("order changed")
            th.append("เปลี่ยนลำดับ")
        return FieldChange(path, "; ".join(en), " ".join(th))
    if old is None or (isinstance(old, list) and not old):
        if _short(new):
            return FieldChange(path, f"added {_show(new)}", f"เพิ่ม {_show(new)}")
        return FieldChange(path, f"added ({_size(new):,} characters)", f"เพิ่ม ({_size(new):,} ตัวอักษร)")
    if new is None or (isinstance(new, list) and not new):
        if _short(old):
            return FieldChange(path, f"removed {_show(old)}", f"ลบ {_show(old)}")
        return FieldChange(path, f"removed ({_size(old):,} characters)", f"ลบ ({_size(old):,} ตัวอักษร)")
    if _short(old) and _short(new):
        return FieldChange(path, f"{_show(old)} → {_show(new)}", "")
    sizes = f"{_size(old):,} → {_size(new):,}"
    return FieldChange(path, f"changed ({sizes} characters)", f"แก้ไข ({sizes} ตัวอักษร)")


def _order(path: str) -> int:
    top = path.split(".", 1)[0].split("[", 1)[0]
    return _FIELD_ORDER.get(top, len(_FIELD_ORDER))


def field_changes(old: EntryVersion, new: EntryVersion) -> list[FieldChange]:
    """Every leaf that differs, in schema order, then the entry's images."""
    before, after = dict(flatten(old.data)), dict(flatten(new.data))
    paths = sorted(dict.fromkeys([*after, *before]), key=_order)  # stable: each side keeps its own order
    changes = [c for p in paths if (c := _field_change(p, before.get(p), after.get(p))) is not None]
    came = sorted(set(new.images) - set(old.images))
    gone = sorted(set(old.images) - set(new.images))
    replaced = sorted(n for n in set(old.images) & set(new.images) if old.images[n] != new.images[n])
    en, th = [], []
    for names, word_en, word_th in ((came, "added", "เพิ่ม"), (gone, "removed", "ลบ"), (replaced, "replaced", "เปลี่ยน")):
        if names:
            en.append(f"{word_en} {', '.join(names)}")
            th.append(f"{word_th} {', '.join(names)}")
    if en:
        changes.append(FieldChange("images (files)", "; ".join(en), " ".join(th)))
    return changes


def compare(base: Snapshot, head: Snapshot) -> Summary:
    """What the head snapshot adds, removes, moves and changes relative to the base."""
    added = [head.entries[i] for i in sorted(set(head.entries) - set(base.entries))]
    removed = [base.entries[i] for i in sorted(set(base.entries) - set(head.entries))]
    changed = []
    for entry_id in sorted(set(base.entries) & set(head.entries)):
        change = EntryChange(base.entries[entry_id], head.entries[entry_id])
        change.fields = field_changes(change.old, change.new)
        if change.fields or change.moved:
            changed.append(change)
    unreadable = [(head.label, u) for u in head.unreadable]  # what the change leaves broken
    return Summary(base.label, head.label, added, removed, changed, unreadable)


def diff(root: Path, base: str, head: str | None = None) -> Summary:
    """Compare the database at `base` with `head` (a revision, or the working tree when None)."""
    if not gitrepo.is_repository(root):
        raise gitrepo.GitError(f"{root} is not in a git repository / {root} ไม่ได้อยู่ในที่เก็บ git")
    old = snapshot.at_revision(root, base)
    new = snapshot.at_revision(root, head) if head else snapshot.working_tree(root)
    return compare(old, new)


# --- formatting ---


def _title(entry: EntryVersion) -> str:
    title = entry.data.get("title")
    if not isinstance(title, dict):
        return ""
    parts = [str(title[lang]).strip() for lang in ("th", "en") if isinstance(title.get(lang), str)]
    return " / ".join(parts)


def _counts(s: Summary) -> tuple[str, str]:
    moved, edited = len(s.moved), len(s.edited)
    return (
        f"{len(s.added)} added, {len(s.removed)} removed, {moved} moved, {edited} changed",
        f"เพิ่ม {len(s.added)} ลบ {len(s.removed)} ย้าย {moved} แก้ไข {edited}",
    )


def _change_text(c: FieldChange) -> str:
    return f"{c.path}: {c.en}" + (f" · {c.th}" if c.th else "")


def format_text(s: Summary) -> str:
    """The summary as plain text, English and Thai."""
    en, th = _counts(s)
    out = [f"Entries / รายการ ({s.base} → {s.head}): {en}", f"    {th}"]
    if s.added:
        out += ["", "Added · เพิ่ม"]
        out += [f"  + {e.id} ({e.institution}) {_title(e)}\n      {e.path}" for e in s.added]
    if s.removed:
        out += ["", "Removed · ลบ"]
        out += [f"  - {e.id} ({e.institution}) {_title(e)}\n      {e.path}" for e in s.removed]
    if s.moved:
        out += ["", "Moved · ย้าย"]
        for c in s.moved:
            out.append(f"  > {c.new.id}: {c.old.path} → {c.new.path}")
            out += [f"      {_change_text(f)}" for f in c.fields]
    if s.edited:
        out += ["", "Changed · แก้ไข"]
        for c in s.edited:
            out.append(f"  ~ {c.new.id} ({c.new.institution}) {_title(c.new)}")
            out += [f"      {_change_text(f)}" for f in c.fields]
    if s.unreadable:
        out += ["", "Files that cannot be read · ไฟล์ที่อ่านไม่ได้"]
        out += [f"  ! {u.path}:{u.line} ({side}): {u.message_en}\n      {u.message_th}" for side, u in s.unreadable]
    if not (s.added or s.removed or s.changed):
        out += ["", "No entry changed. · ไม่มีรายการที่เปลี่ยนแปลง"]
    return "\n".join(out) + "\n"


_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_{}[]<>()#+-.!|~"})


def md(text: str) -> str:
    """Text safe inside Markdown: one line, every Markdown character escaped (entry text is untrusted)."""
    return " ".join(str(text).split()).translate(_MD_SPECIAL)


def format_markdown(s: Summary) -> str:
    """The summary as Markdown, for a pull-request comment or the job summary ($GITHUB_STEP_SUMMARY)."""
    en, th = _counts(s)
    out = ["### Entries changed / รายการที่เปลี่ยนแปลง", "", f"**{md(en)}** · {md(th)} ({md(s.base)} → {md(s.head)})"]

    def entry_table(title: str, entries: list[EntryVersion]) -> None:
        out.extend(["", f"#### {title}", "", "| id | title / ชื่อเรื่อง | institution / หน่วยงาน | file / ไฟล์ |"])
        out.append("| --- | --- | --- | --- |")
        out.extend(f"| {md(e.id)} | {md(_title(e))} | {md(e.institution)} | {md(e.path)} |" for e in entries)

    if s.added:
        entry_table("Added · เพิ่ม", s.added)
    if s.removed:
        entry_table("Removed · ลบ", s.removed)
    for heading, changes in (("Moved · ย้าย", s.moved), ("Changed · แก้ไข", s.edited)):
        if not changes:
            continue
        out += ["", f"#### {heading}", ""]
        for c in changes:
            where = f"{md(c.old.path)} → {md(c.new.path)}" if c.moved else md(c.new.institution)
            out.append(f"- **{md(c.new.id)}** ({where}) {md(_title(c.new))}")
            out += [f"  - {md(f.path)}: {md(f.en)}" + (f" · {md(f.th)}" if f.th else "") for f in c.fields]
    if s.unreadable:
        out += ["", "#### Files that cannot be read · ไฟล์ที่อ่านไม่ได้", ""]
        out += [
            f"- {md(u.path)}:{u.line} ({md(side)}): {md(u.message_en)} · {md(u.message_th)}" for side, u in s.unreadable
        ]
    if not (s.added or s.removed or s.changed):
        out += ["", "No entry changed. · ไม่มีรายการที่เปลี่ยนแปลง"]
    return "\n".join(out) + "\n"
