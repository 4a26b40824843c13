"""What checking each entry file found, kept between runs: an unchanged file is not parsed and checked again.

A file's result is reused only when everything it was checked against is the same: its bytes and path, the
files in its image folder (names, sizes, times), the reference data in site_config/, and the generator's own
code and libraries; and only on the days it holds for (the check records them: a file whose dates are all in
the past gives the same result on any later day, one with a date in the future only on the day it was checked).
Anything else changed, and the file is checked afresh. The
cache lives outside the repository (`~/.cache/techclinic-kb/`, or `$TC_CHECK_CACHE`; `TC_CHECK_CACHE=0`
turns it off), so it can never be committed; deleting it is always safe.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import pickle
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from ..atomic import replace_bytes
from .load import EntryFile
from .yamlio import read_bytes

CACHE_ENV = "TC_CHECK_CACHE"
FORMAT = b"techclinic-check-cache 5"
_CODE = Path(__file__).resolve().parent.parent  # the generator package: its code decides every result
_LIBRARIES = ("PyYAML", "geothai", "nh3", "Markdown")


def cache_folder() -> Path | None:
    """Where check results are kept, or None when the cache is turned off."""
    value = os.environ.get(CACHE_ENV, "")
    if value == "0":
        return None
    if value:
        return Path(value)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "techclinic-kb"


def _tree_digest(digest: Any, folder: Path, suffixes: tuple[str, ...]) -> None:
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(suffixes):
                path = Path(dirpath, name)
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")


def _salt(root: Path) -> bytes:
    """What every result depends on besides its own file."""
    digest = hashlib.sha256(FORMAT)
    digest.update(f"{sys.version}\0".encode())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none\0".encode())
    _tree_digest(digest, _CODE, (".py",))
    _tree_digest(digest, root / "site_config", (".yaml", ".yml", ".json"))
    return digest.digest()


def _image_listing(folder: str) -> bytes:
    """Names, sizes and times of the files in an entry's image folder (empty when there is none)."""
    try:
        found = sorted(os.scandir(folder), key=lambda e: e.name)
    except (FileNotFoundError, NotADirectoryError):
        return b""  # most entries have no image folder: one failed call, no walk
    except OSError:
        return b"unreadable"
    rows = []
    for item in found:
        try:
            if item.is_dir(follow_symlinks=False):
                rows.append(f"{item.name}/\0".encode() + _image_listing(item.path))
                continue
            info = item.stat(follow_symlinks=False)
        except OSError:
            continue
        rows.append(f"{item.name}\0{info.st_size}\0{info.st_mtime_ns}".encode())
    return b"\n".join(rows)


class CheckCache:
    """The results of one repository's last check, keyed by what each depended on."""

    def __init__(self, root: Path, today: dt.date, folder: Path) -> None:
        self.file = folder / f"check-{hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]}.pickle"
        self.salt = _salt(root)
        self.today = today
        # By file: its key, its result as the worker pickled it (see validate.py, so saving is one write), and
        # the first and last day the result holds for.
        self.results: dict[str, tuple[bytes, bytes, dt.date, dt.date]] = {}
        self.changed = False
        try:
            with self.file.open("rb") as stream:
                salt, results = pickle.load(stream)
            if salt == self.salt:
                self.results = results
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
            pass  # no cache yet, or one from another version: check everything

    @classmethod
    def open(cls, root: Path, today: dt.date) -> CheckCache | None:
        """The cache of this repository, or None when caching is turned off."""
        folder = cache_folder()
        return cls(root, today, folder) if folder is not None else None

    def read(self, file: EntryFile) -> tuple[bytes | None, bytes | None]:
        """The file's bytes and what its result depends on (its key), read once so the two always agree.

        (None, None) when it cannot be read, is a symlink or is too large: it is checked (and refused), not cached.
        """
        data, _ = read_bytes(file.path, file.display)  # its refusals are reported when the file is checked
        if data is None:
            return None, None
        digest = hashlib.sha256(self.salt)
        digest.update(f"{file.display}\0{file.folder}\0".encode())
        digest.update(data)
        digest.update(b"\0" + _image_listing(str(file.path)[: -len(file.path.suffix)]))
        return data, digest.digest()

    def kept(self, display: str, key: bytes | None) -> bytes | None:
        """The pickled result kept for a file, if it was checked with the same key and holds for today."""
        kept = self.results.get(display)
        if kept is None or key is None or kept[0] != key:
            return None
        return kept[1] if kept[2] <= self.today <= kept[3] else None

    def put(self, display: str, key: bytes | None, result: bytes, holds: tuple[dt.date, dt.date]) -> None:
        """Keep a fresh pickled result, with the first and last day it holds for."""
        if key is not None:
            self.results[display] = (key, result, *holds)
            self.changed = True

    def keep_only(self, displays: set[str]) -> None:
        """Forget files that are gone."""
        gone = self.results.keys() - displays
        for display in gone:
            del self.results[display]
        self.changed = self.changed or bool(gone)

    def save(self) -> None:
        """Write the cache atomically (a half-written cache is never read); errors only cost the next run time."""
        if not self.changed:
            return
        with contextlib.suppress(OSError):
            replace_bytes(self.file, pickle.dumps((self.salt, self.results), protocol=pickle.HIGHEST_PROTOCOL))
