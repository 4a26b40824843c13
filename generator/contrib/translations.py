"""Translation status: per institution, entries without English and English older than its Thai source.

The rule for "older", from git history (first-parent, so a merged pull request is one change):
for every Thai/English text of an entry, find the last commit that changed the Thai and the last one
that changed the English. The English is older when the Thai changed in a later commit; a text whose
Thai and English changed in the same commit is up to date. Uncommitted edits count as one more, newest
change. Without git, or in a shallow clone, the comparison is "unknown" and only missing English is listed.
A file's history starts at its current path (a moved file starts afresh, with nothing older).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..database.catalog import Catalog
from ..database.load import ENTRIES_DIR
from ..database.model import Entry
from . import gitrepo
from .fields import localized_pairs, strip_indices
from .snapshot import parse_entry

UNCOMMITTED = "uncommitted"


@dataclass(frozen=True)
class Outdated:
    """One English text older than its Thai: the field and when each side last changed."""

    path: str
    th_changed: str  # YYYY-MM-DD, or "uncommitted"
    en_changed: str


@dataclass
class EntryStatus:
    """What one entry needs from translators."""

    entry: Entry
    missing: list[str] = field(default_factory=list)  # fields without English
    outdated: list[Outdated] = field(default_factory=list)


@dataclass
class Report:
    """Translation status of the whole database, by institution (only entries that need something)."""

    history: str  # "git", or why the age of English texts is unknown
    total: dict[str, int]  # entries per institution
    needs: dict[str, list[EntryStatus]]

    @property
    def known(self) -> bool:
        """Whether the age comparison could be made."""
        return self.history == "git"


def _missing(entry: Entry) -> list[str]:
    return list(dict.fromkeys(strip_indices(p) for p in entry.missing_english))


@dataclass(frozen=True)
class _Stamp:
    order: int
    date: str


def _outdated(versions: list[tuple[_Stamp, dict[str, Any]]]) -> list[Outdated]:
    """Replay an entry's versions, oldest first, and compare when each side of each text last changed."""
    th_at: dict[str, _Stamp] = {}
    en_at: dict[str, _Stamp] = {}
    before: dict[str, tuple[Any, Any]] = {}
    current: dict[str, tuple[Any, Any]] = {}
    for stamp, data in versions:
        current = {path: (th, en) for path, th, en in localized_pairs(data)}
        for path, (th, en) in current.items():
            old = before.get(path)
            if old is None or old[0] != th:
                th_at[path] = stamp
            if old is None or old[1] != en:
                en_at[path] = stamp
        before = current
    return [
        Outdated(path, th_at[path].date, en_at[path].date)
        for path, (th, en) in current.items()
        if th is not None and en is not None and th_at[path].order > en_at[path].order
    ]


def _history_state(root: Path) -> str:
    if not gitrepo.is_repository(root):
        return "no git repository / ไม่ใช่ที่เก็บ git"
    try:
        if gitrepo.is_shallow(root):
            return "shallow clone: fetch the whole history (fetch-depth: 0) / ประวัติ git ไม่ครบ"
    except gitrepo.GitError as exc:
        return str(exc)
    return "git"


def _all_outdated(root: Path, entries: list[Entry]) -> dict[str, list[Outdated]]:
    """Outdated English per entry id, from the first-parent history of every entry file."""
    changes = gitrepo.history(root, ENTRIES_DIR)
    wanted = [f"{c.id}:{gitrepo.prefix(root)}{e.source}" for e in entries for c in changes.get(e.source, [])]
    blobs = gitrepo.read_blobs(root, wanted)
    result: dict[str, list[Outdated]] = {}
    for entry in entries:
        versions: list[tuple[_Stamp, dict[str, Any]]] = []
        commits = changes.get(entry.source, [])
        last: bytes | None = None
        for order, commit in enumerate(commits):
            blob = blobs.get(f"{commit.id}:{gitrepo.prefix(root)}{entry.source}")
            if blob is None:  # the commit deleted the file; a later one brought it back
                continue
            data, _ = parse_entry(blob, entry.source)
            if data is not None:
                versions.append((_Stamp(order, commit.date), data))
            last = blob
        on_disk = (root / entry.source).read_bytes()
        if on_disk != last:
            data, _ = parse_entry(on_disk, entry.source)
            if data is not None:
                versions.append((_Stamp(len(commits), UNCOMMITTED), data))
        result[entry.id] = _outdated(versions)
    return result


def translation_status(catalog: Catalog, root: Path) -> Report:
    """Entries without English, and (with git history) English texts older than their Thai."""
    entries = list(catalog.entries.values())
    history = _history_state(root)
    outdated: dict[str, list[Outdated]] = {}
    if history == "git":
        try:
            outdated = _all_outdated(root, entries)
        except gitrepo.GitError as exc:
            history = str(exc)
    total: dict[str, int] = {}
    needs: dict[str, list[EntryStatus]] = {}
    for inst in catalog.reference.institutions:
        total[inst] = len(catalog.by_institution.get(inst, []))
        for entry in catalog.by_institution.get(inst, []):
            status = EntryStatus(entry, _missing(entry), outdated.get(entry.id, []))
            if status.missing or status.outdated:
                needs.setdefault(inst, []).append(status)
    for statuses in needs.values():
        statuses.sort(key=lambda s: s.entry.id)
    return Report(history, total, needs)


def format_text(report: Report, catalog: Catalog) -> str:
    """The report as plain text in English and Thai, one block per institution."""
    out = []
    if not report.known:
        out.append(f"Age of English texts unknown · ไม่ทราบอายุของข้อความภาษาอังกฤษ: {report.history}")
    missing = sum(1 for s in report.needs.values() for e in s if e.missing)
    older = sum(1 for s in report.needs.values() for e in s if e.outdated)
    shown = str(older) if report.known else "?"
    out.append(f"{missing} entries lack English, {shown} have English older than the Thai")
    out.append(f"    ยังไม่มีภาษาอังกฤษ {missing} รายการ ภาษาอังกฤษเก่ากว่าภาษาไทย {shown} รายการ")
    for inst_id, statuses in report.needs.items():
        inst = catalog.reference.institutions[inst_id]
        out += ["", f"{inst_id} — {inst.short.th} / {inst.short.en} ({report.total[inst_id]} entries · รายการ)"]
        for s in statuses:
            out.append(f"  {s.entry.source}")
            if s.missing:
                out.append(f"    no English · ไม่มีภาษาอังกฤษ: {', '.join(s.missing)}")
            for o in s.outdated:
                out.append(
                    f"    English older · ภาษาอังกฤษเก่ากว่า: {o.path} "
                    f"(Thai · ไทย {o.th_changed}, English · อังกฤษ {o.en_changed})"
                )
    return "\n".join(out) + "\n"
