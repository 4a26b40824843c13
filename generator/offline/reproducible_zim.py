"""Make a ZIM file byte-identical between builds of the same site.

libzim (one worker: see zim.py) writes the same bytes for the same items except three random UUIDs: the file's own,
in its header, and one in each of its two Xapian indexes (full text and titles). python-libzim cannot set them.
This replaces each with a UUID derived from the file's content (so a different site still gets a different UUID,
which Kiwix libraries key books by), then writes the file's MD5 checksum again.

The indexes are found through the ZIM's own directory (https://wiki.openzim.org/wiki/ZIM_file_format), not by
searching for bytes that an image could contain too.
"""

from __future__ import annotations

import hashlib
import mmap
import struct
import uuid
from pathlib import Path

_HEADER = struct.Struct("<IHH16sIIQQQQIIQ")
_ZIM_MAGIC = 72173914
_UUID_AT = 8  # the header's UUID: bytes 8–23
# A Xapian glass database starts with its magic and format version (16 bytes), then its UUID.
_GLASS_MAGIC = b"\x0f\rXapian Glass"
_GLASS_UUID_AT = 16
_INDEXES = (b"Xfulltext/xapian", b"Xtitle/xapian")  # namespace + path of libzim's two index items
_NAMESPACE = uuid.UUID("8f0d6b52-2d3c-5b7e-9a41-6c1f0e3b7d25")  # this project's, for name-based UUIDs
_CLUSTER_UNCOMPRESSED = (0, 1)  # the low 4 bits of a cluster's first byte: 0 (old files) and 1 mean none
_CLUSTER_EXTENDED = 0x10  # blob offsets are 64-bit


class ZimLayoutError(Exception):
    """The ZIM is not laid out as libzim 9 writes it, so its UUIDs cannot be fixed safely."""


def _blob_start(data: mmap.mmap, cluster_ptr_pos: int, cluster: int, blob: int) -> int:
    """Where one blob of an uncompressed cluster starts in the file."""
    start: int = struct.unpack_from("<Q", data, cluster_ptr_pos + 8 * cluster)[0]
    info = data[start]
    if info & 0x0F not in _CLUSTER_UNCOMPRESSED:
        raise ZimLayoutError("the Xapian index is in a compressed cluster")
    size, fmt = (8, "<Q") if info & _CLUSTER_EXTENDED else (4, "<I")
    offset: int = struct.unpack_from(fmt, data, start + 1 + size * blob)[0]
    return start + 1 + offset


def _index_uuid_offsets(data: mmap.mmap, header: tuple[int, ...]) -> list[int]:
    """Where the UUID of each Xapian index stands in the file (`header`: the file's, unpacked)."""
    entry_count, path_ptr_pos, cluster_ptr_pos = header[4], header[6], header[8]
    found: dict[bytes, int] = {}
    for index in range(entry_count):
        (dirent,) = struct.unpack_from("<Q", data, path_ptr_pos + 8 * index)
        mime, _, namespace = struct.unpack_from("<HBc", data, dirent)
        if namespace != b"X" or mime >= 0xFFFD:  # another namespace, or a redirect (or old link/deleted) entry
            continue
        cluster, blob = struct.unpack_from("<II", data, dirent + 8)
        path_end = data.find(b"\0", dirent + 16)
        name = namespace + data[dirent + 16 : path_end]
        if name in _INDEXES:
            found[name] = _blob_start(data, cluster_ptr_pos, cluster, blob)
    offsets = []
    for name in _INDEXES:
        if name not in found:
            raise ZimLayoutError(f"no {name[1:].decode()} index")
        start = found[name]
        if data[start : start + len(_GLASS_MAGIC)] != _GLASS_MAGIC:
            raise ZimLayoutError(f"{name[1:].decode()} is not a Xapian glass database")
        offsets.append(start + _GLASS_UUID_AT)
    return offsets


def make_reproducible(path: Path) -> uuid.UUID:
    """Give the ZIM at `path` UUIDs derived from its content and a matching checksum; returns its new UUID."""
    if path.stat().st_size < _HEADER.size:
        raise ZimLayoutError("not a ZIM file")
    with path.open("r+b") as stream, mmap.mmap(stream.fileno(), 0) as data:
        header = _HEADER.unpack_from(data, 0)
        if header[0] != _ZIM_MAGIC:
            raise ZimLayoutError("not a ZIM file")
        checksum_pos = header[12]
        offsets = [_UUID_AT, *_index_uuid_offsets(data, header)]
        for offset in offsets:
            data[offset : offset + 16] = bytes(16)
        with memoryview(data) as view:
            content = hashlib.sha256(view[:checksum_pos]).hexdigest()
        file_uuid = uuid.uuid5(_NAMESPACE, f"zim:{content}")
        data[_UUID_AT : _UUID_AT + 16] = file_uuid.bytes
        for number, offset in enumerate(offsets[1:], start=1):
            data[offset : offset + 16] = uuid.uuid5(_NAMESPACE, f"zim:{content}:{number}").bytes
        with memoryview(data) as view:
            checksum = hashlib.md5(view[:checksum_pos], usedforsecurity=False).digest()
        data[checksum_pos : checksum_pos + 16] = checksum
        data.flush()
    return file_uuid
