"""Whole-or-nothing writes (generator/atomic.py): permissions as any new file, no leftovers, nothing overwritten
by create_text, the old file intact when a write fails."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.atomic import create_text, replace_bytes, replace_text


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_replace_writes_whole_file_with_the_usual_permissions(tmp_path: Path, umask: None) -> None:
    target = tmp_path / "site" / "page.html"  # the folder is made too
    replace_text(target, "ก\n")
    assert target.read_bytes() == "ก\n".encode()
    assert mode(target) == 0o644  # readable by a web server's user (mkstemp would give 0o600)
    replace_bytes(target, b"two")
    assert target.read_bytes() == b"two"
    assert sorted(p.name for p in target.parent.iterdir()) == ["page.html"]


def test_permissions_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        replace_bytes(tmp_path / "private", b"x")
    finally:
        os.umask(old)
    assert mode(tmp_path / "private") == 0o600


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "cache.pickle"
    target.write_bytes(b"old")
    with pytest.raises(TypeError):
        replace_bytes(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["cache.pickle"]


def test_create_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "entry.yaml"
    create_text(target, "one\n")
    with pytest.raises(FileExistsError):
        create_text(target, "two\n")
    assert target.read_text(encoding="utf-8") == "one\n"
    assert [p.name for p in tmp_path.iterdir()] == ["entry.yaml"]
