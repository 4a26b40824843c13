"""File-name rules that every path of an offline edition must pass to be safe on any drive and system.

The edition is copied to USB sticks formatted FAT32 or exFAT and unzipped on Windows, macOS, Linux and Android.
A path is safe when it is safe for the strictest of them:
- Windows/FAT/exFAT refuse `< > : " \\ | ? *` and control characters, and silently drop a trailing dot or space
  (so `a.` and `a` become the same file);
- Windows reserves device names (CON, PRN, AUX, NUL, COM0-9, LPT0-9, the superscript-digit COM¹ … LPT³, CONIN$,
  CONOUT$) with any extension: `nul.tar.gz` is the device NUL;
- Windows, macOS and FAT/exFAT are case-insensitive, and macOS normalises names to NFD: two names that differ only in
  case or in Unicode normalisation collide; a name that is not NFC may also come back under another spelling than
  the one in the checksum file, so every name must be NFC;
- a name is at most 255 UTF-16 units (Windows, FAT LFN, exFAT) and 255 UTF-8 bytes (Linux NAME_MAX; a Thai
  letter takes 3 bytes);
- Windows' MAX_PATH is 260 UTF-16 units for the whole path including `C:\\` and the folder the zip is unzipped in.
  Explorer's "Extract all" unzips into a new folder named after the zip, under e.g.
  `C:\\Users\\<name>\\Downloads\\` (about 100 units with a long user name and zip name), so the relative path inside
  the zip (top folder included) gets a budget of MAX_RELATIVE_PATH = 160 units.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

MAX_RELATIVE_PATH = 160  # UTF-16 units; see the module docstring for the budget
MAX_COMPONENT_UTF16 = 255
MAX_COMPONENT_UTF8 = 255
FORBIDDEN_CHARACTERS = frozenset('<>:"\\|?*')
_SUPERSCRIPT_DIGITS = "\u00b9\u00b2\u00b3"  # ¹ ² ³: Windows treats COM¹ like COM1
RESERVED_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{dev}{digit}" for dev in ("COM", "LPT") for digit in "0123456789" + _SUPERSCRIPT_DIGITS]
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class PathProblem:
    """One unsafe path and why, in English and Thai."""

    path: str
    reason_en: str
    reason_th: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason_en} / {self.reason_th}"


def _utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _component_problems(path: str, name: str) -> list[PathProblem]:
    """What is wrong with one name (file or folder) of a path."""
    out: list[PathProblem] = []

    def bad(en: str, th: str) -> None:
        out.append(PathProblem(path, f"{en} ({name!r})", f"{th} ({name!r})"))

    if name in ("", ".", ".."):
        bad("empty, '.' or '..' name", "ชื่อว่าง หรือเป็น '.' หรือ '..'")
        return out
    forbidden = sorted({ch for ch in name if ch in FORBIDDEN_CHARACTERS})
    if forbidden:
        bad(
            f"characters Windows and FAT refuse: {' '.join(forbidden)}",
            f"มีอักขระที่ Windows และ FAT ไม่รับ: {' '.join(forbidden)}",
        )
    if _CONTROL.search(name):
        bad("control character", "มีอักขระควบคุม")
    if any("\ud800" <= ch <= "\udfff" for ch in name):
        bad("unpaired surrogate", "มีอักขระ surrogate ที่ไม่ครบคู่")
        return out  # the length checks below cannot encode it
    if name[-1] in ". ":
        bad("ends with a dot or a space (Windows drops it)", "ลงท้ายด้วยจุดหรือช่องว่าง (Windows ตัดทิ้ง)")
    stem = name.split(".", 1)[0].rstrip(" ").upper()
    if stem in RESERVED_NAMES:
        bad(f"reserved device name {stem} on Windows", f"เป็นชื่ออุปกรณ์ที่ Windows สงวนไว้ ({stem})")
    if unicodedata.normalize("NFC", name) != name:
        bad("not in Unicode NFC form (macOS would rename it)", "ไม่อยู่ในรูป Unicode NFC (macOS จะเปลี่ยนชื่อ)")
    if _utf16_units(name) > MAX_COMPONENT_UTF16:
        bad(f"name longer than {MAX_COMPONENT_UTF16} UTF-16 units", f"ชื่อยาวเกิน {MAX_COMPONENT_UTF16} หน่วย UTF-16")
    if len(name.encode("utf-8")) > MAX_COMPONENT_UTF8:
        bad(
            f"name longer than {MAX_COMPONENT_UTF8} UTF-8 bytes (Linux)",
            f"ชื่อยาวเกิน {MAX_COMPONENT_UTF8} ไบต์ UTF-8 (Linux)",
        )
    return out


def path_problems(path: str) -> list[PathProblem]:
    """Every rule one relative path (`/`-separated) breaks on its own."""
    if path.startswith("/") or re.match(r"^[A-Za-z]:", path):
        return [PathProblem(path, "absolute path", "เป็นพาธสัมบูรณ์")]
    out: list[PathProblem] = []
    for name in path.split("/"):
        out.extend(_component_problems(path, name))
    if not any("\ud800" <= ch <= "\udfff" for ch in path) and _utf16_units(path) > MAX_RELATIVE_PATH:
        out.append(
            PathProblem(
                path,
                f"path longer than {MAX_RELATIVE_PATH} characters (Windows MAX_PATH with room for the folder)",
                f"พาธยาวเกิน {MAX_RELATIVE_PATH} ตัวอักษร (ขีดจำกัด MAX_PATH ของ Windows เมื่อรวมโฟลเดอร์ปลายทาง)",
            )
        )
    return out


def _collision_key(name: str) -> str:
    """How case-insensitive, normalising file systems see a path: NFC, then upper case one character at a time.

    NTFS and exFAT compare names through a per-character up-case table, so `ß` and `SS` stay different: only
    single-character mappings are applied (str.casefold would report false collisions).
    """
    nfc = unicodedata.normalize("NFC", name)
    return "".join(up if len(up := ch.upper()) == 1 else ch for ch in nfc)


def collisions(paths: Iterable[str]) -> list[PathProblem]:
    """Files or folders whose paths differ only in case or Unicode normalisation (they would overwrite each other)."""
    nodes: set[str] = set()
    for path in paths:
        parts = path.split("/")
        nodes.update("/".join(parts[: i + 1]) for i in range(len(parts)))
    groups: dict[str, list[str]] = defaultdict(list)
    for node in sorted(nodes):
        groups[_collision_key(node)].append(node)
    out: list[PathProblem] = []
    for group in groups.values():
        if len(group) > 1:
            others = ", ".join(group[1:])
            out.append(
                PathProblem(
                    group[0],
                    f"same name as {others} on Windows, macOS, FAT and exFAT (case or Unicode form differs)",
                    f"ชื่อซ้ำกับ {others} บน Windows, macOS, FAT และ exFAT (ต่างกันเพียงตัวพิมพ์หรือรูปแบบ Unicode)",
                )
            )
    return out


def check_paths(paths: Iterable[str]) -> list[PathProblem]:
    """Every problem of a set of relative paths: each path's own, then collisions between them."""
    listed = sorted(paths)
    out = [problem for path in listed for problem in path_problems(path)]
    return out + collisions(listed)
