"""Writing entry files safely: complete or not at all, and never over an existing file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_new_file(path: Path, text: str) -> None:
    """Write `text` to `path` atomically; FileExistsError (and nothing changed) if `path` exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        try:
            # A hard link publishes the finished file only if the name is free: no overwrite, no half file.
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: claim the name, then move the file over it
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
