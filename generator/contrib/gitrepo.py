"""The few git operations the tools need, through the `git` command (no library, no network)."""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class GitError(Exception):
    """git is missing, the folder is not a repository, or a revision does not exist."""


def git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Run one git command in `root` and return its output; GitError with git's own message on failure."""
    try:
        proc = subprocess.run(
            ["git", "-C", str(root), "-c", "core.quotePath=false", *args],
            input=stdin,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError as exc:
        raise GitError("git is not installed / ไม่พบโปรแกรม git") from exc
    if proc.returncode != 0:
        raise GitError(proc.stderr.decode("utf-8", errors="replace").strip() or f"git {args[0]} failed")
    return proc.stdout


def is_repository(root: Path) -> bool:
    """Whether `root` is inside a git work tree."""
    try:
        return git(root, "rev-parse", "--is-inside-work-tree").strip() == b"true"
    except GitError:
        return False


def is_shallow(root: Path) -> bool:
    """Whether the clone lacks history (CI checkouts fetch one commit unless told otherwise)."""
    return git(root, "rev-parse", "--is-shallow-repository").strip() == b"true"


def prefix(root: Path) -> str:
    """Where `root` sits inside the repository (`""` at the top, `data/` in a subfolder)."""
    return git(root, "rev-parse", "--show-prefix").decode("utf-8").strip()


def commit_of(root: Path, rev: str) -> str:
    """The full commit id of a revision, or GitError when there is no such commit."""
    if rev.startswith("-"):
        raise GitError(f"not a revision: {rev}")
    try:
        return git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"unknown revision {rev!r} / ไม่พบ revision {rev!r}") from None


def tree_files(root: Path, commit: str, folder: str) -> dict[str, str]:
    """Every file under `folder` at `commit`, as root-relative path → blob id."""
    top = prefix(root)
    out = git(root, "ls-tree", "-r", "-z", "--full-tree", commit, "--", top + folder)
    files: dict[str, str] = {}
    for record in out.decode("utf-8", errors="surrogateescape").split("\0"):
        if not record:
            continue
        meta, path = record.split("\t", 1)
        _mode, kind, blob = meta.split()
        if kind == "blob" and path.startswith(top):
            files[path[len(top) :]] = blob
    return files


def read_blobs(root: Path, ids: Iterable[str]) -> dict[str, bytes]:
    """The contents of many objects at once (`git cat-file --batch`), by object name."""
    names = list(dict.fromkeys(ids))
    if not names:
        return {}
    out = git(root, "cat-file", "--batch", stdin=("\n".join(names) + "\n").encode())
    result: dict[str, bytes] = {}
    pos = 0
    for name in names:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        pos = end + 1
        if len(header) < 3 or header[1] == b"missing":
            continue
        size = int(header[2])
        result[name] = out[pos : pos + size]
        pos += size + 1  # the content is followed by a newline
    return result


def blob_id(data: bytes) -> str:
    """git's object id of a file's content, to compare a working-tree file with a committed one."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


@dataclass(frozen=True)
class Commit:
    """One commit of the first-parent history: its id and its committer date (YYYY-MM-DD)."""

    id: str
    date: str


def history(root: Path, folder: str) -> dict[str, list[Commit]]:
    """For each file under `folder`, the first-parent commits that changed it, oldest first.

    First parent: a merged pull request counts as one change on the main line, whatever its branch did.
    """
    top = prefix(root)
    out = git(
        root,
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--format=%x00%H %cs",
        "--name-only",
        "--no-renames",
        "--",
        top + folder,
    ).decode("utf-8", errors="surrogateescape")
    changes: dict[str, list[Commit]] = {}
    for block in out.split("\0"):
        lines = [line for line in block.split("\n") if line]
        if not lines:
            continue
        commit_id, date = lines[0].split(" ", 1)
        commit = Commit(commit_id, date)
        for path in lines[1:]:
            if path.startswith(top):
                changes.setdefault(path[len(top) :], []).append(commit)
    for commits in changes.values():
        commits.reverse()
    return changes
