"""The edition's checksum file (SHA-256 of every file, in `sha256sum -c` format) and checking a copy against it."""

from __future__ import annotations

import hashlib
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

SUMS_NAME = "SHA256SUMS"
_CHUNK = 1 << 20
# Files that operating systems add to a copied or browsed folder by themselves: not a sign of tampering, so a
# verification ignores them (macOS Finder, Windows Explorer, Linux desktops, USB indexing).
OS_CLUTTER_NAMES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", ".directory", "ehthumbs.db"})
OS_CLUTTER_FOLDERS = frozenset(
    {"__MACOSX", ".Spotlight-V100", ".Trashes", ".fseventsd", ".TemporaryItems", "System Volume Information"}
)


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of some bytes."""
    return hashlib.sha256(data).hexdigest()


def sums_text(digests: Mapping[str, str]) -> str:
    """`<hex>  <path>` lines sorted by path: the GNU coreutils format that `sha256sum -c` reads.

    The path rules (paths.py) forbid backslashes and newlines, so no line needs sha256sum's escaping.
    """
    return "".join(f"{digests[path]}  {path}\n" for path in sorted(digests))


class SumsError(ValueError):
    """The checksum file is missing or unreadable."""


def parse_sums(text: str) -> dict[str, str]:
    """Path → hex digest from a checksum file; raises SumsError on a malformed line."""
    out: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        digest, sep, path = line.partition("  ")
        if not sep or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest.lower()) or not path:
            raise SumsError(f"{SUMS_NAME} line {number} is not `<sha256>  <path>` / บรรทัด {number} ผิดรูปแบบ")
        out[path.removeprefix("*")] = digest.lower()  # `*` marks binary mode in sha256sum's format
    return out


def is_os_clutter(path: str) -> bool:
    """Whether a path is a file the operating system adds to folders by itself."""
    parts = PurePosixPath(path).parts
    return parts[-1] in OS_CLUTTER_NAMES or parts[-1].startswith("._") or any(p in OS_CLUTTER_FOLDERS for p in parts)


@dataclass
class Verification:
    """The result of checking a copy: files that are missing, changed, or not in the checksum file."""

    checked: int = 0
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the copy is complete and unchanged."""
        return not (self.missing or self.changed or self.extra)


def _compare(expected: Mapping[str, str], found: Iterator[tuple[str, str]]) -> Verification:
    result = Verification()
    seen: set[str] = set()
    for path, digest in found:
        if path == SUMS_NAME or is_os_clutter(path):
            continue
        seen.add(path)
        if path not in expected:
            result.extra.append(path)
        elif expected[path] != digest:
            result.changed.append(path)
        else:
            result.checked += 1
    result.missing = sorted(set(expected) - seen)
    result.changed.sort()
    result.extra.sort()
    return result


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def find_edition_folder(folder: Path) -> Path:
    """The folder holding SHA256SUMS: `folder` itself, or the one edition folder inside it (where it was unzipped)."""
    if (folder / SUMS_NAME).is_file():
        return folder
    inside = [p for p in folder.iterdir() if p.is_dir() and (p / SUMS_NAME).is_file()]
    if len(inside) == 1:
        return inside[0]
    raise SumsError(f"no {SUMS_NAME} in {folder} / ไม่พบไฟล์ {SUMS_NAME} ในโฟลเดอร์นี้")


def verify_folder(folder: Path) -> Verification:
    """Check an unzipped edition against its checksum file."""
    top = find_edition_folder(folder)
    expected = parse_sums((top / SUMS_NAME).read_text(encoding="utf-8"))
    files = sorted(p for p in top.rglob("*") if p.is_file())
    return _compare(expected, ((p.relative_to(top).as_posix(), _file_digest(p)) for p in files))


def verify_zip(path: Path) -> Verification:
    """Check an edition zip against the checksum file inside it."""
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if not n.endswith("/")]
        sums = [n for n in names if PurePosixPath(n).name == SUMS_NAME and n.count("/") <= 1]
        if len(sums) != 1:
            raise SumsError(f"no {SUMS_NAME} at the top of {path.name} / ไม่พบไฟล์ {SUMS_NAME} ใน {path.name}")
        prefix = sums[0][: -len(SUMS_NAME)]
        expected = parse_sums(archive.read(sums[0]).decode("utf-8"))

        def members() -> Iterator[tuple[str, str]]:
            for name in names:
                inner = name[len(prefix) :] if name.startswith(prefix) else "../" + name
                digest = hashlib.sha256()
                try:
                    with archive.open(name) as handle:
                        while chunk := handle.read(_CHUNK):
                            digest.update(chunk)
                except (zipfile.BadZipFile, zlib.error):  # damaged bytes in this member: report it as changed
                    yield inner, "damaged"
                    continue
                yield inner, digest.hexdigest()

        return _compare(expected, members())


def verify(path: Path) -> Verification:
    """Check a copy of an edition, given as the zip or as an unzipped folder; SumsError when it cannot be read."""
    try:
        if path.is_dir():
            return verify_folder(path)
        if zipfile.is_zipfile(path):
            return verify_zip(path)
    except UnicodeDecodeError as exc:
        raise SumsError(f"{SUMS_NAME} is not UTF-8 text / ไฟล์ {SUMS_NAME} ไม่ใช่ข้อความ UTF-8") from exc
    except zipfile.BadZipFile as exc:
        raise SumsError(f"{path.name} is a damaged zip ({exc}) / ไฟล์ zip เสียหาย") from exc
    raise SumsError(f"{path} is neither a folder nor a zip / {path} ไม่ใช่โฟลเดอร์หรือไฟล์ zip")
