"""Smaller copies of entry pictures, for phones on slow links.

Contributors may add pictures of up to 1 MB (the check's advice: 1600 px wide). An entry page shows a copy at
most 960 px wide — a phone screen at two or three pixels per point, or the page's column on a computer — and links
it to the original. A copy is made only when it is narrower and lighter than the original, is upright (the
original's EXIF orientation applied), keeps the colour profile and drops the rest of the metadata (GPS included).

Copies are made with Pillow, once: they are kept in the cache folder under a name made from the original's bytes and
the settings below, so a rebuild, the other language's build and `serve` reuse them. The same bytes and the same
Pillow give the same copy, byte for byte.
"""

from __future__ import annotations

import atexit
import hashlib
import io
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..atomic import replace_bytes
from ..database.checkcache import cache_folder
from ..parallel import fork_map
from .imagesize import image_size

WIDTH = 960
QUALITY = 80
FOLDER = str(WIDTH)  # media/<entry-id>/960/<file>: picture names hold no "/", so this never meets one of theirs
# A picture whose header claims more pixels is not decoded: from a 1 MB file, that is a decompression bomb.
MAX_PIXELS = 50_000_000
# Bicubic: as sharp as Lanczos to the eye at this scale, in 3/4 of the time (a copy of a 1600-px photo takes
# ~50 ms; thousands are made on a first build).
_FILTER = "BICUBIC"
_SETTINGS = f"{WIDTH} {QUALITY} {_FILTER} progressive"  # part of each copy's name: other settings, other copies
_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}


@dataclass(frozen=True)
class Rendition:
    """A smaller copy of a picture: where it is kept, and its size in pixels."""

    path: Path
    width: int
    height: int


Known = dict[str, "Rendition | None"]  # by the original's path: what make_all found, handed to both languages


def make_all(sources: list[Path]) -> Known:
    """The copies of all these pictures, made on every core: the build does this once for both languages."""
    unique = sorted({str(source) for source in sources})
    _folder()  # made here, so that forked workers share it (a temporary one is removed when this process ends)
    return dict(zip(unique, fork_map(_make_chunk, unique, min_items=16), strict=True))


def _make_chunk(paths: Sequence[str]) -> list[Rendition | None]:
    return [rendition(Path(path)) for path in paths]


def rendition(source: Path, known: Known | None = None) -> Rendition | None:
    """The smaller copy of the picture at `source`, made if needed; None when the original is to be shown as it is.

    `known`: what make_all found, if it ran (then nothing is read again).
    """
    if known is not None and str(source) in known:
        return known[str(source)]
    try:
        stat = source.stat()
    except OSError:
        return None
    return _rendition(source, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=4096)
def _rendition(source: Path, size: int, mtime_ns: int) -> Rendition | None:  # size and time: a changed file misses
    pixels = image_size(source)
    form = _FORMATS.get(source.suffix.lower())
    if pixels is None or form is None or max(pixels) <= WIDTH or pixels[0] * pixels[1] > MAX_PIXELS:
        return None
    data = source.read_bytes()
    from PIL import __version__ as pillow

    key = hashlib.sha256(f"{pillow}\0{_SETTINGS}\0".encode() + data).hexdigest()[:32]
    kept = _folder() / f"{key}{source.suffix.lower()}"
    no_copy = kept.with_suffix(".none")  # kept too: the original is shown, and not decoded again
    if no_copy.exists():
        return None
    if not kept.exists():
        made = _smaller(data, form)
        if made is None or len(made) >= len(data):
            replace_bytes(no_copy, b"")  # the other language's build may be making it too
            return None
        replace_bytes(kept, made)
    width_height = image_size(kept)
    if width_height is None:  # a damaged copy: show the original
        return None
    return Rendition(kept, *width_height)


def _smaller(data: bytes, form: str) -> bytes | None:
    """The picture at most WIDTH wide, encoded as `form`; None when it is narrower already or cannot be decoded."""
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(data), formats=[form]) as original:  # no other decoder is ever tried
            if getattr(original, "is_animated", False):
                return None  # a copy would keep only the first frame
            if form == "JPEG":
                original.draft("RGB", (WIDTH, WIDTH))  # decode at 1/2, 1/4 or 1/8 size when that is still enough
            icc = original.info.get("icc_profile")
            picture = ImageOps.exif_transpose(original)
            if picture.width <= WIDTH:
                return None
            if form == "JPEG" and picture.mode not in ("RGB", "L"):
                picture = picture.convert("RGB")  # CMYK
            elif picture.mode not in ("RGB", "RGBA", "L", "LA"):
                picture = picture.convert("RGBA")  # a palette: resized in full colour, transparency kept
            height = max(1, round(picture.height * WIDTH / picture.width))
            picture = picture.resize((WIDTH, height), Image.Resampling[_FILTER])
            out = io.BytesIO()
            options: dict[str, object] = {"icc_profile": icc} if icc else {}
            if form == "JPEG":
                options.update(quality=QUALITY, optimize=True, progressive=True)
            elif form == "WEBP":
                options.update(quality=QUALITY, method=4)
            else:
                options.update(optimize=True)
            picture.save(out, format=form, **options)
            return out.getvalue()
    except Exception:  # whatever Pillow makes of a damaged picture: the original is shown, the build goes on
        return None


_TEMP: list[Path] = []


def _folder() -> Path:
    """Where copies are kept: the cache folder, or a folder removed at exit when caching is turned off."""
    base = cache_folder()
    if base is not None:
        folder = base / "pictures"
    else:
        if not _TEMP:
            _TEMP.append(Path(tempfile.mkdtemp(prefix="tc-pictures-")))
            atexit.register(shutil.rmtree, _TEMP[0], True)
        folder = _TEMP[0]
    folder.mkdir(parents=True, exist_ok=True)
    return folder
