"""An entry's image files are checked by what they hold, not only by their names: type, size, symlinks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.database.images import MAX_IMAGE_BYTES
from generator.database.validate import check_database

from .conftest import TODAY

ENTRY = "technologies/rmutt/solar-dryer-sample.yaml"
IMAGE = Path("technologies/rmutt/solar-dryer-sample/dryer.png")
IMAGE_LINE = 43  # `  - file: dryer.png`
PNG_HEAD = b"\x89PNG\r\n\x1a\n"


def image_problems(repo: Path) -> list[tuple[str, str, int, int]]:
    """The errors the check reports for the sample entry's image."""
    catalog, _, problems = check_database(repo, today=TODAY)
    found = [(p.code, p.field, p.line, p.column) for p in problems if p.is_error]
    assert (catalog is None) == bool(found)
    return found


def test_the_valid_image_passes(repo: Path) -> None:
    assert (repo / IMAGE).read_bytes().startswith(PNG_HEAD)
    assert image_problems(repo) == []


@pytest.mark.parametrize(
    "content",
    [
        b"<html><script>alert(1)</script></html>",  # a web page named .png
        b"\xff\xd8\xff\xe0" + bytes(64),  # a JPEG named .png
        b"GIF89a" + bytes(64),
        b"",
        PNG_HEAD[:6],  # cut short
    ],
    ids=["html", "jpeg", "gif", "empty", "truncated"],
)
def test_a_file_that_is_not_what_its_name_says_is_refused(repo: Path, content: bytes) -> None:
    (repo / IMAGE).write_bytes(content)
    assert image_problems(repo) == [("image-type", "images[0].file", IMAGE_LINE, 11)]


def test_a_webp_must_say_webp_after_riff(repo: Path) -> None:
    entry = repo / ENTRY
    entry.write_text(entry.read_text(encoding="utf-8").replace("dryer.png", "dryer.webp"), encoding="utf-8")
    webp = repo / IMAGE.with_suffix(".webp")
    webp.write_bytes(b"RIFF\x10\x00\x00\x00WAVEfmt " + bytes(16))  # a sound file
    assert image_problems(repo) == [("image-type", "images[0].file", IMAGE_LINE, 11)]
    webp.write_bytes(b"RIFF\x10\x00\x00\x00WEBPVP8 " + bytes(16))
    assert image_problems(repo) == []


def test_an_image_over_the_limit_is_refused_with_its_size(repo: Path) -> None:
    image = repo / IMAGE
    image.write_bytes(PNG_HEAD + bytes(MAX_IMAGE_BYTES - len(PNG_HEAD)))  # exactly the limit: allowed
    assert image_problems(repo) == []
    image.write_bytes(PNG_HEAD + bytes(MAX_IMAGE_BYTES + 300 * 1024))
    _, _, problems = check_database(repo, today=TODAY)
    (problem,) = [p for p in problems if p.is_error]
    assert (problem.code, problem.line) == ("image-too-large", IMAGE_LINE)
    assert "1324" in problem.message_en and "1024" in problem.message_en  # KB, as found and allowed


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_a_symlinked_image_is_refused(repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.png"
    outside.write_bytes((repo / IMAGE).read_bytes())
    (repo / IMAGE).unlink()
    (repo / IMAGE).symlink_to(outside)
    assert image_problems(repo) == [("image-path", "images[0].file", IMAGE_LINE, 11)]
