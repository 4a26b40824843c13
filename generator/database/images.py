"""Entry images: a flat folder beside each entry file, holding only real JPEG, PNG or WebP files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

MAX_IMAGE_BYTES = 1024 * 1024
# The longest path a picture gets in an offline edition is "<edition folder>/th/media/<entry id>/960/<file>", and
# generator/offline/paths.py allows 160 characters (Windows). The longest edition folder name is 63 characters
# (techclinic-offline-province-phra-nakhon-si-ayutthaya-YYYY-MM-DD); tests/test_entry_images.py derives both.
MAX_EDITION_PATH = 160
LONGEST_EDITION_FOLDER = 63
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$")
_TYPE = re.compile(r"\.(?:jpe?g|png|webp)$", re.IGNORECASE)
# The reason path_problem gives for a plain file name of a refused type (.gif, .svg, .heic, none):
# callers report it as "image-type", which says which types are allowed.
WRONG_TYPE = ("it is not a .jpg, .jpeg, .png or .webp file", "ไม่ใช่ไฟล์ .jpg .jpeg .png หรือ .webp")
_MAGIC = {
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".webp": (b"RIFF",),
}
_RESERVED = re.compile(r"^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\.|$)", re.IGNORECASE)


@dataclass(frozen=True)
class ImageFolder:
    """The folder an entry's images live in: `technologies/<institution>/<entry-id>/`."""

    path: Path
    display: str


def display_folder(folder: ImageFolder | None) -> str:
    """The folder as shown to contributors."""
    return folder.display if folder is not None else "technologies/<institution>/<entry-id>"


def path_problem(name: str) -> tuple[str, str] | None:
    """Why an image reference is not a plain file name in the entry's own folder, or None."""
    if not name:
        return "it is empty", "ว่างเปล่า"
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", name) and not re.match(r"^[a-zA-Z]:[\\/]", name):
        return (
            "images must be files shipped with the entry, not web addresses",
            "รูปภาพต้องเป็นไฟล์ที่ส่งมาพร้อมรายการ ไม่ใช่ที่อยู่เว็บ",
        )
    if "\\" in name:
        return "it contains a backslash", "มีเครื่องหมาย \\"
    if name.startswith("/") or re.match(r"^[a-zA-Z]:", name):
        return "it is an absolute path", "เป็นที่อยู่แบบเต็ม (absolute path)"
    if ".." in name.split("/"):
        return "it leads out of the entry's folder (..)", "ชี้ออกนอกโฟลเดอร์ของรายการ (..)"
    if "/" in name:
        return "it must be a file name, not a path", "ต้องเป็นชื่อไฟล์ ไม่ใช่ที่อยู่ที่มีโฟลเดอร์"
    if _RESERVED.match(name):
        return "the name is reserved on Windows", "ชื่อนี้สงวนไว้ในระบบ Windows"
    if not _NAME.match(name):
        return "use only letters a–z, digits, - and _ in the name", "ใช้เฉพาะอักษร a–z ตัวเลข - และ _ ในชื่อไฟล์"
    if not _TYPE.search(name):
        return WRONG_TYPE
    return None


def file_problem(folder: ImageFolder, name: str) -> tuple[str, dict[str, object]] | None:
    """A (code, params) problem with the image file itself, or None if it is a real, small image."""
    params: dict[str, object] = {"folder": folder.display}
    file = folder.path / name
    if file.is_symlink() or (folder.path.exists() and folder.path.is_symlink()):
        return "image-path", {
            **params,
            "reason_en": "it is a symbolic link",
            "reason_th": "เป็นลิงก์สัญลักษณ์ (symbolic link)",
        }
    if not file.is_file() or name not in {p.name for p in folder.path.iterdir()}:
        return "image-missing", params
    size = file.stat().st_size
    if size > MAX_IMAGE_BYTES:
        return "image-too-large", {**params, "size": size // 1024, "limit": MAX_IMAGE_BYTES // 1024}
    with file.open("rb") as stream:  # the type is in the first bytes: a photo can be a megabyte
        head = stream.read(12)
    if not any(head.startswith(m) for m in _MAGIC[file.suffix.lower()]) or (
        file.suffix.lower() == ".webp" and head[8:12] != b"WEBP"
    ):
        return "image-type", params
    entry_id = folder.display.rsplit("/", 1)[-1]
    room = MAX_EDITION_PATH - LONGEST_EDITION_FOLDER - len(f"/th/media/{entry_id}/960/")
    if len(name) > room:
        return "image-name-too-long", {**params, "length": len(name), "limit": room}
    return None
