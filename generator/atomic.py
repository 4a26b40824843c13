"""Files written whole or not at all: readers (a web server, the other language's build, the next run) never see
half a file, and a failed write leaves the old file as it was. A folder is replaced whole only when it holds
nothing but what the command itself made there."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


@contextmanager
def _temporary_beside(path: Path) -> Iterator[tuple[Path, BinaryIO]]:
    """A new, empty file in `path`'s folder (same file system, so a rename is atomic), removed unless kept.

    Made with O_EXCL and mode 0o666 under the process's umask: the finished file has the permissions any new
    file gets (mkstemp's would be 0o600, which a web server running as another user cannot read).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield temp, stream
    finally:
        temp.unlink(missing_ok=True)


def not_a_folder(path: Path) -> str | None:
    """Said in English and Thai when `path` exists and is not a folder; None otherwise."""
    if path.exists() and not path.is_dir():
        return f"{path} is a file, not a folder / {path} เป็นไฟล์ ไม่ใช่โฟลเดอร์"
    return None


def folder_in_use(folder: Path, strangers: list[str], holds: tuple[str, str], who: tuple[str, str]) -> str | None:
    """Why `folder` may not be replaced whole: it `holds` (EN, TH) the `strangers` that `who` (EN, TH) did not make."""
    if not strangers:
        return None
    shown = ", ".join(strangers[:5]) + (" …" if len(strangers) > 5 else "")
    return (
        f"{folder} holds {holds[0]} ({shown}). {who[0]} replaces the whole folder, so nothing was done: use a new "
        f"or empty folder.\n    {folder} มี{holds[1]} ({shown}) {who[1]}จะแทนที่ทั้งโฟลเดอร์ จึงไม่ได้ทำอะไร "
        "กรุณาใช้โฟลเดอร์ใหม่หรือโฟลเดอร์ว่าง"
    )


def replace_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path`, replacing any file there in one step."""
    with _temporary_beside(path) as (temp, stream):
        stream.write(data)
        stream.close()
        os.replace(temp, path)


def replace_text(path: Path, text: str) -> None:
    """Write `text` to `path` as UTF-8 with the newlines as given, replacing any file there in one step."""
    replace_bytes(path, text.encode("utf-8"))


def create_text(path: Path, text: str) -> None:
    """Write `text` to a new file at `path`; FileExistsError (and nothing changed) if one is there already."""
    with _temporary_beside(path) as (temp, stream):
        stream.write(text.encode("utf-8"))
        stream.close()
        try:
            # A hard link publishes the finished file only if the name is free: no overwrite, no half file.
            os.link(temp, path)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: claim the name, then move the file over it
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            os.replace(temp, path)
