"""Image sizes read from file headers match what Pillow decodes, for every format entries may use."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.site.imagesize import image_size

Image = pytest.importorskip("PIL.Image")
REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("suffix", "options", "mode"),
    [
        (".png", {}, "RGB"),
        (".jpg", {"quality": 80}, "RGB"),
        (".jpg", {"progressive": True}, "RGB"),
        (".jpg", {"exif": b"Exif\x00\x00" + b"\x00" * 64}, "RGB"),  # an APP1 segment before the frame
        (".jpg", {"icc_profile": b"\x00" * 150_000}, "RGB"),  # the frame past the first 64 KiB that are read first
        (".webp", {"quality": 70}, "RGB"),  # VP8 (lossy)
        (".webp", {"lossless": True}, "RGB"),  # VP8L
        (".webp", {"quality": 70}, "RGBA"),  # VP8X (alpha)
    ],
)
@pytest.mark.parametrize("size", [(1, 1), (333, 217), (1600, 901)])
def test_size_matches_pillow(
    tmp_path: Path, suffix: str, options: dict[str, object], mode: str, size: tuple[int, int]
) -> None:
    file = tmp_path / f"image{suffix}"
    Image.new(mode, size, (200, 120, 40, 128)[: len(mode)]).save(file, **options)
    assert image_size(file) == size


def test_sample_images_match_pillow() -> None:
    files = [p for p in (REPO / "technologies").rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp")]
    assert files, "the sample database has no images"
    for file in files:
        with Image.open(file) as img:
            assert image_size(file) == img.size, file


@pytest.mark.parametrize(
    "data", [b"", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0\x00", b"RIFF\x00\x00\x00\x00WEBPVP8 ", b"GIF89a"]
)
def test_unreadable_headers_give_none(tmp_path: Path, data: bytes) -> None:
    file = tmp_path / "broken.bin"
    file.write_bytes(data)
    assert image_size(file) is None
    assert image_size(tmp_path / "missing.png") is None
