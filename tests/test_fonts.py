"""The bundled Sarabun fonts are small subset woff2 files that cover every Thai character, as fonts.css declares."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

TTFont = pytest.importorskip("fontTools.ttLib").TTFont
REPO = Path(__file__).resolve().parent.parent
ASSETS = REPO / "generator" / "theme" / "assets"
FACE = re.compile(r"@font-face\s*{(.*?)}", re.DOTALL)
THAI = [c for c in range(0x0E01, 0x0E5C) if unicodedata.category(chr(c)) != "Cn"]  # every assigned Thai letter


def faces() -> list[tuple[Path, set[int]]]:
    """(font file, code points of its unicode-range) for each @font-face of fonts.css."""
    css = (ASSETS / "css" / "fonts.css").read_text(encoding="utf-8")
    out = []
    for body in FACE.findall(css):
        src = re.search(r"url\(\.\./fonts/([^)]+)\)", body)
        ranges = re.search(r"unicode-range:([^;]+);", body)
        assert src and ranges, body
        points: set[int] = set()
        for part in ranges.group(1).replace("U+", "").split(","):
            low, _, high = part.strip().partition("-")
            points.update(range(int(low, 16), int(high or low, 16) + 1))
        out.append((ASSETS / "fonts" / src.group(1), points))
    return out


def test_every_face_is_a_small_subset_woff2() -> None:
    found = faces()
    assert len(found) == 4
    for file, declared in found:
        font = TTFont(file)
        assert font.flavor == "woff2", file.name
        assert file.stat().st_size < 20_000, f"{file.name} is {file.stat().st_size} bytes: not subset?"
        assert len(font.getGlyphOrder()) < 300, f"{file.name} has {len(font.getGlyphOrder())} glyphs: not subset?"
        # The browser downloads a face only for characters of its unicode-range; most of the font must be in it.
        cmap = {c for c in font.getBestCmap() if c > 0x20}
        assert len(cmap & declared) >= 0.9 * len(cmap), file.name


def test_thai_faces_cover_every_thai_character() -> None:
    thai = [(f, d) for f, d in faces() if "thai" in f.name]
    assert len(thai) == 2  # regular and bold
    for file, declared in thai:
        cmap = set(TTFont(file).getBestCmap())
        assert set(THAI) <= cmap, (file.name, [hex(c) for c in THAI if c not in cmap])
        assert set(THAI) <= declared, file.name
