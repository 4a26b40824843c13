"""The entry files of one revision (or of the working tree), read with the strict loader into plain values."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..database import yamlio
from ..database.fieldtypes import Identifier
from ..database.load import ENTRIES_DIR, ENTRY_SUFFIX
from . import gitrepo


@dataclass(frozen=True)
class EntryVersion:
    """One entry file as it stands in one snapshot."""

    path: str  # root-relative, e.g. technologies/nu/solar-dryer.yaml
    id: str
    data: dict[str, Any]
    images: dict[str, str]  # file name in the entry's folder → content id

    @property
    def institution(self) -> str:
        """The folder the file sits in."""
        return self.path.split("/")[1]


@dataclass(frozen=True)
class Unreadable:
    """An entry file the strict loader refused: where, and the first reason in English and Thai."""

    path: str
    line: int
    message_en: str
    message_th: str


@dataclass
class Snapshot:
    """Every entry of one revision by id, and the files that could not be read."""

    label: str
    entries: dict[str, EntryVersion] = field(default_factory=dict)
    unreadable: list[Unreadable] = field(default_factory=list)


def to_plain(node: yamlio.Node) -> Any:
    """A loaded node as plain strings, lists and dicts (scalars stay the text that was written)."""
    if isinstance(node, yamlio.Scalar):
        return None if node.is_null else node.value
    if isinstance(node, yamlio.Sequence):
        return [to_plain(item) for item in node.items]
    return {key: to_plain(value) for key, value in node.items.items()}


def parse_entry(data: bytes, path: str) -> tuple[dict[str, Any] | None, Unreadable | None]:
    """Decode and parse one entry file; plain data, or why it cannot be read."""
    text, problems = yamlio.decode(data, path)
    root = None
    if text is not None:
        root, problems = yamlio.load_text(text, path)
    if isinstance(root, yamlio.Mapping):
        return to_plain(root), None
    first = next((p for p in problems if p.is_error), None)
    if first is None:
        return None, Unreadable(path, 1, "the file does not hold a group of fields", "ไฟล์ไม่ได้เป็นกลุ่มของช่องข้อมูล")
    return None, Unreadable(path, first.line, f"{first.code}: {first.message_en}", first.message_th)


def _build(label: str, files: dict[str, Any], read: Callable[[str], bytes]) -> Snapshot:
    """Group the files of one revision into entries with their images."""
    snap = Snapshot(label)
    images: dict[str, dict[str, str]] = {}
    entry_paths: list[str] = []
    for path in sorted(files):
        parts = path.split("/")
        if len(parts) == 3 and path.endswith(ENTRY_SUFFIX):
            entry_paths.append(path)
        elif len(parts) == 4:
            folder = "/".join(parts[:3])
            images.setdefault(folder, {})[parts[3]] = files[path]
    for path in entry_paths:
        data, problem = parse_entry(read(path), path)
        if data is None:
            assert problem is not None
            snap.unreadable.append(problem)
            continue
        stem = path.rsplit("/", 1)[1][: -len(ENTRY_SUFFIX)]
        ident = data.get("id")
        entry_id = ident if isinstance(ident, str) and Identifier.is_valid(ident) else stem
        if entry_id in snap.entries:
            other = snap.entries[entry_id].path
            snap.unreadable.append(
                Unreadable(path, 1, f"duplicate id {entry_id} (also {other})", f"รหัส {entry_id} ซ้ำกับ {other}")
            )
            continue
        snap.entries[entry_id] = EntryVersion(path, entry_id, data, images.get(path[: -len(ENTRY_SUFFIX)], {}))
    return snap


def at_revision(root: Path, rev: str) -> Snapshot:
    """The entries of a commit (GitError if it does not exist)."""
    commit = gitrepo.commit_of(root, rev)
    files = gitrepo.tree_files(root, commit, ENTRIES_DIR)
    blobs = gitrepo.read_blobs(root, [files[p] for p in files if p.endswith(ENTRY_SUFFIX)])
    return _build(rev, files, lambda path: blobs[files[path]])


def working_tree(root: Path) -> Snapshot:
    """The entries on disk now, committed or not."""
    base = root / ENTRIES_DIR
    files: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        rel = Path(dirpath).relative_to(root).as_posix()
        for name in filenames:
            path = Path(dirpath) / name
            if path.is_file() and not path.is_symlink():
                files[f"{rel}/{name}"] = "" if name.endswith(ENTRY_SUFFIX) else gitrepo.blob_id(path.read_bytes())
    return _build("working tree", files, lambda path: (root / path).read_bytes())
