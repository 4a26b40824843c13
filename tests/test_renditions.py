"""Smaller copies of entry pictures: made only when they help, upright, deterministic, kept, and never fatal."""

from __future__ import annotations

import random
import struct
from pathlib import Path

import pytest

from generator.site import renditions
from generator.site.imagesize import image_size

Image = pytest.importorskip("PIL.Image")


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test keeps its copies apart, and starts with nothing remembered."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("TC_CHECK_CACHE", str(folder))
    renditions._rendition.cache_clear()
    return folder / "pictures"


def photo(path: Path, size: tuple[int, int], **options: object) -> Path:
    """A noisy picture (so it does not compress to nothing), like a photograph."""
    rng = random.Random(size[0] * 7 + size[1])
    noise = Image.frombytes("RGB", (size[0] // 8, size[1] // 8), rng.randbytes(size[0] // 8 * (size[1] // 8) * 3))
    noise.resize(size, Image.Resampling.BICUBIC).save(path, **options)
    return path


def test_a_wide_photo_gets_a_lighter_960_px_copy_that_is_the_same_every_time(tmp_path: Path, own_cache: Path) -> None:
    source = photo(tmp_path / "field.jpg", (1600, 1200), quality=92)
    made = renditions.rendition(source)
    assert made is not None and made.path.parent == own_cache
    assert (made.width, made.height) == (960, 720) == image_size(made.path)
    assert made.path.stat().st_size < source.stat().st_size / 2
    first = made.path.read_bytes()
    made.path.unlink()  # made again from nothing: the same bytes
    renditions._rendition.cache_clear()
    again = renditions.rendition(source)
    assert again is not None and again.path.read_bytes() == first


def test_a_kept_copy_is_not_made_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = photo(tmp_path / "field.png", (1200, 800))
    assert renditions.rendition(source) is not None
    renditions._rendition.cache_clear()
    monkeypatch.setattr(renditions, "_smaller", lambda *_: pytest.fail("decoded again"))
    assert renditions.rendition(source) is not None


@pytest.mark.parametrize(("suffix", "mode"), [(".png", "RGBA"), (".png", "L"), (".webp", "RGB"), (".jpg", "CMYK")])
def test_every_kind_of_picture_keeps_its_type(tmp_path: Path, suffix: str, mode: str) -> None:
    source = tmp_path / f"picture{suffix}"
    photo(tmp_path / "base.png", (1400, 700))
    with Image.open(tmp_path / "base.png") as base:
        base.convert(mode).save(source)
    made = renditions.rendition(source)
    assert made is not None and made.path.suffix == suffix
    with Image.open(made.path) as copy:
        assert copy.size == (960, 480)
        assert copy.format == {".png": "PNG", ".webp": "WEBP", ".jpg": "JPEG"}[suffix]
        if mode == "RGBA":
            assert copy.mode == "RGBA"  # transparency kept


def test_a_sideways_photo_is_turned_upright_and_loses_its_metadata(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° to show
    exif[0x8825] = {1: "N"}  # a GPS block
    source = photo(tmp_path / "phone.jpg", (1600, 1200), exif=exif.tobytes(), quality=92)
    made = renditions.rendition(source)
    assert made is not None and (made.width, made.height) == (960, 1280)
    with Image.open(made.path) as copy:
        assert not copy.getexif()


def test_small_broken_or_bomb_pictures_are_shown_as_they_are(tmp_path: Path) -> None:
    assert renditions.rendition(photo(tmp_path / "small.jpg", (960, 600))) is None  # narrow enough
    broken = tmp_path / "broken.jpg"
    header = photo(tmp_path / "whole.jpg", (1600, 1200)).read_bytes()[:2000]
    broken.write_bytes(header + b"\x00" * 5000)  # a real header, then nothing decodable
    assert renditions.rendition(broken) is None
    bomb = tmp_path / "bomb.png"  # a header that claims 20,000 × 20,000 pixels
    ihdr = struct.pack(">IIBBBBB", 20_000, 20_000, 8, 2, 0, 0, 0)
    bomb.write_bytes(b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + bytes(4))
    assert renditions.rendition(bomb) is None
    assert renditions.rendition(tmp_path / "missing.jpg") is None
    frames = [Image.new("RGB", (1400, 700), colour) for colour in ((200, 0, 0), (0, 0, 200))]
    frames[0].save(tmp_path / "moving.webp", save_all=True, append_images=frames[1:], duration=200)
    assert renditions.rendition(tmp_path / "moving.webp") is None  # an animation is shown as it is


def test_a_copy_no_lighter_than_the_original_is_not_used(tmp_path: Path) -> None:
    coarse = photo(tmp_path / "coarse.jpg", (1000, 700), quality=8)  # already squeezed harder than the copy would be
    assert renditions.rendition(coarse) is None
    palette = tmp_path / "palette.png"  # 256 colours: its copy, resized in full colour, would be heavier
    with Image.open(photo(tmp_path / "base.png", (1400, 700))) as base:
        base.convert("P").save(palette)
    assert renditions.rendition(palette) is None


def test_make_all_makes_every_copy_on_all_cores_and_hands_them_over(tmp_path: Path) -> None:
    wide = [photo(tmp_path / f"wide-{n}.jpg", (1200 + n, 800), quality=90) for n in range(12)]
    narrow = [photo(tmp_path / f"narrow-{n}.png", (640, 480)) for n in range(6)]
    known = renditions.make_all([*wide, *narrow, wide[0]])  # 18 pictures: enough for worker processes
    assert sorted(known) == sorted(str(p) for p in [*wide, *narrow])
    for source in wide:
        made = known[str(source)]
        assert made is not None and made.path.is_file() and made.width == 960
    assert all(known[str(source)] is None for source in narrow)
    wide[3].unlink()  # what was handed over is used as it is: the languages' builds read no picture again
    assert renditions.rendition(wide[3], known) == known[str(wide[3])]
