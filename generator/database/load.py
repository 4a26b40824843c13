"""Find entry files under technologies/ and turn each into an Entry or a list of problems."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from ..diagnostics import Problem
from . import freshness, yamlio
from .fieldtypes import INVALID, Context, EntryRefUse, Identifier
from .images import ImageFolder
from .messages import make_problem
from .model import Entry, entry_from_dict
from .schema import ENTRY
from .yamlio import Mapping, Scalar

ENTRIES_DIR = "technologies"
ENTRY_SUFFIX = ".yaml"


@dataclass(frozen=True)
class EntryFile:
    """A file that should hold one entry: where it is on disk and how it is shown."""

    path: Path
    display: str  # repository-relative, with forward slashes
    folder: str  # the institution folder it sits in


@dataclass
class LoadedEntry:
    """The outcome of loading one file: the entry (if valid) and where its references stand."""

    file: EntryFile
    # The valid entry, or None. From a worker or the cache it is still pickled: a check that only reports
    # problems never unpickles it (a quarter of reading 10,000 results back, in the one parent process).
    stored: Entry | bytes | None
    id: str | None
    id_pos: yamlio.Pos
    institution: str | None
    institution_pos: yamlio.Pos
    entry_refs: list[EntryRefUse]
    kind: str | None = None
    holds: tuple[dt.date, dt.date] = (dt.date.min, dt.date.max)  # the days this outcome holds for (Context)

    @property
    def entry(self) -> Entry | None:
        """The valid entry (None when the file has errors), unpickled when first asked for."""
        stored = self.stored
        if isinstance(stored, bytes):
            stored = self.stored = pickle.loads(stored)
        assert stored is None or isinstance(stored, Entry)
        return stored


Found = tuple[LoadedEntry, list[Problem]]  # what loading one file found
Detached = tuple[Any, ...]  # the same without the EntryFile


def detach(found: Found) -> Detached:
    """One file's result without its EntryFile, to cross processes or go to the cache: the receiver knows the file.

    (At 10,000 entries, unpickling the files' Paths was a fifth of reading the results back.)
    """
    loaded, problems = found
    stored = loaded.stored
    if stored is not None and not isinstance(stored, bytes):  # pickled apart, so the receiver may leave it so
        stored = pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL)
    return (stored, *(getattr(loaded, f.name) for f in fields(LoadedEntry)[2:]), problems)


def attach(file: EntryFile, detached: Detached) -> Found:
    """The result `detach` took apart, with its file again."""
    *values, problems = detached
    return LoadedEntry(file, *values), problems


def discover(root: Path) -> tuple[list[EntryFile], list[str], list[Problem]]:
    """Entry files in `technologies/<institution>/`, every path under it (for collisions), and misplaced files."""
    base = root / ENTRIES_DIR
    files: list[EntryFile] = []
    all_paths: list[str] = []
    problems: list[Problem] = []
    if not base.is_dir():
        return files, all_paths, problems
    # One scandir per folder: whether an item is a folder or a symlink comes with its name (no stat per item).
    pending = [(str(base), ENTRIES_DIR)]  # folders still to read: (path on disk, repository-relative path)
    while pending:
        folder, rel_dir = pending.pop()
        try:
            with os.scandir(folder) as listing:
                items = sorted(listing, key=lambda item: item.name)
        except OSError:
            continue  # as os.walk does: an unreadable folder is skipped
        depth = rel_dir.count("/")  # technologies/<institution> is depth 1
        subfolders: list[tuple[str, str]] = []
        for item in items:
            display = f"{rel_dir}/{item.name}"
            all_paths.append(display)
            try:
                is_folder = item.is_dir()
            except OSError:
                is_folder = False
            if is_folder:
                if item.is_symlink():
                    problems.append(make_problem("file-symlink", display, 1, 1))
                elif not item.name.startswith("."):
                    subfolders.append((item.path, display))
                continue
            name = item.name
            if not name.lower().endswith((".yaml", ".yml")):
                continue
            if not name.endswith(ENTRY_SUFFIX):
                stem = name.rsplit(".", 1)[0]
                problems.append(
                    make_problem("file-extension", display, 1, 1, name=name, suggestion=stem + ENTRY_SUFFIX)
                )
                continue
            if depth != 1:
                problems.append(make_problem("misplaced-file", display, 1, 1))
                continue
            files.append(EntryFile(Path(item.path), display, rel_dir.rsplit("/", 1)[1]))
        pending.extend(reversed(subfolders))  # depth first, in name order, as before
    return files, all_paths, problems


def _scalar_at(root: yamlio.Node | None, key: str) -> tuple[str | None, yamlio.Pos]:
    if isinstance(root, Mapping) and isinstance(root.items.get(key), Scalar):
        node = root.items[key]
        assert isinstance(node, Scalar)
        return node.value, node.start
    return None, yamlio.Pos(1, 1)


def load_entry(
    file: EntryFile,
    choices: dict[str, list[str]],
    today: dt.date,
    choice_cache: dict[str, frozenset[str]] | None = None,
    text: str | None = None,
    data: bytes | None = None,
) -> tuple[LoadedEntry, list[Problem]]:
    """Load and check one entry file against the schema.

    `text`: its content, when it is not on disk yet; `data`: its bytes, when they were already read.
    """
    if text is not None:
        root, problems = yamlio.load_text(text, file.display)
    elif data is not None:
        root, problems, text = yamlio.load_bytes(data, file.display)
    else:
        root, problems, text = yamlio.load_file(file.path, file.display)
    ident, id_pos = _scalar_at(root, "id")
    institution, inst_pos = _scalar_at(root, "institution")
    kind, _ = _scalar_at(root, "kind")
    # A malformed id or an unknown institution is reported by the schema; comparing either with the
    # file name or the folder would only repeat that problem (with advice to rename the file after it).
    if ident is not None and not Identifier.is_valid(ident):
        ident = None
    if institution not in choices.get("institutions", ()):
        institution = None
    known_kind = kind if kind in choices.get("kinds", ()) else None
    loaded = LoadedEntry(file, None, ident, id_pos, institution, inst_pos, [], known_kind)
    if root is None:
        return loaded, problems
    if not isinstance(root, Mapping):
        found = "a list" if isinstance(root, yamlio.Sequence) else "a single value"
        found_th = "รายการ (list)" if isinstance(root, yamlio.Sequence) else "ค่าเดียว"
        problems.append(
            make_problem(
                "yaml-not-mapping", file.display, root.start.line, root.start.column, found=found, found_th=found_th
            )
        )
        return loaded, problems
    assert text is not None  # a tree was parsed from it
    image_folder = file.path.with_suffix("")
    ctx = Context(
        path=file.display,
        text=text,
        choices=choices,
        today=today,
        image_dir=ImageFolder(image_folder, file.display[: -len(ENTRY_SUFFIX)]),
        kind=known_kind,
        choice_cache={} if choice_cache is None else choice_cache,
    )
    value = ENTRY.check(root, ctx, "")
    if value is not INVALID:
        _check_image_files(value, ctx)
    problems.extend(ctx.problems)
    loaded.entry_refs = ctx.entry_refs
    if value is not INVALID and not any(p.is_error for p in problems):
        review = ctx.positions.get("date_reviewed", yamlio.Pos(1, 1))
        entry = entry_from_dict(value, file.display, str(image_folder), ctx.missing_en, review.line)
        loaded.stored = entry
        problems.extend(_entry_warnings(entry, ctx))
    loaded.holds = (ctx.holds_from, ctx.holds_until)
    return loaded, problems


_INDEX = re.compile(r"\[\d+\]")


def _entry_warnings(entry: Entry, ctx: Context) -> list[Problem]:
    """Warnings about a valid entry as a whole: English left out, and facts not reviewed for two years."""
    found: list[Problem] = []
    if entry.missing_english:
        fields_en = ", ".join(dict.fromkeys(_INDEX.sub("", f) for f in entry.missing_english))
        found.append(make_problem("missing-translation", entry.source, 1, 1, "en", fields=fields_en))
    stale_from = freshness.first_stale_day(freshness.last_checked(entry))
    if ctx.today >= stale_from:
        found.append(freshness.stale_problem(entry))
        ctx.holds_only(stale_from)  # stale from that day on, not before
    else:
        ctx.holds_only(dt.date.min, stale_from - dt.timedelta(days=1))
    return found


def _check_image_files(value: dict[str, Any], ctx: Context) -> None:
    """The `images` list names files that must exist in the entry's folder."""
    from . import images

    for index, image in enumerate(value.get("images", ())):
        path = f"images[{index}].file"
        pos = ctx.positions.get(path, yamlio.Pos(1, 1))
        reason = images.path_problem(image["file"])
        if reason == images.WRONG_TYPE:
            ctx.report("image-type", pos, path, value=image["file"])
            continue
        if reason:
            ctx.report(
                "image-path",
                pos,
                path,
                value=image["file"],
                reason_en=reason[0],
                reason_th=reason[1],
                folder=ctx.image_dir.display,
            )
            continue
        found = images.file_problem(ctx.image_dir, image["file"])
        if found:
            ctx.report(found[0], pos, path, value=image["file"], **found[1])
