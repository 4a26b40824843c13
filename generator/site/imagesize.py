"""Pixel size of a JPEG, PNG or WebP file, read from its header (no imaging library needed at build time).

Pages give every image its width and height so the browser reserves the space before it loads
(no layout shift on slow phones).
"""

from __future__ import annotations

import struct
from pathlib import Path

# JPEG start-of-frame markers that carry the size (not DHT C4, JPG C8 or DAC CC).
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _png(data: bytes) -> tuple[int, int] | None:
    if len(data) >= 24 and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    return None


def _jpeg(data: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without a length
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        if marker in _SOF:
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return width, height
        i += 2 + length
    return None


def _webp(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8 " and len(data) >= 30:
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and len(data) >= 25:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X" and len(data) >= 30:
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    return None


def _size(data: bytes) -> tuple[int, int] | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _png(data)
    if data.startswith(b"\xff\xd8"):
        return _jpeg(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(data)
    return None


# A JPEG's frame header follows its metadata segments: nearly always within the first 64 KiB of a photo that may be
# a megabyte, and every entry page asks again (two languages).
_HEAD = 64 * 1024


def image_size(path: Path) -> tuple[int, int] | None:
    """(width, height) in pixels, or None when the header cannot be read."""
    try:
        with path.open("rb") as stream:
            data = stream.read(_HEAD)
            size = _size(data)
            if size is None and len(data) == _HEAD:  # longer metadata (a large ICC profile or XMP packet)
                size = _size(data + stream.read())
    except OSError:
        return None
    return size if size and size[0] > 0 and size[1] > 0 else None
