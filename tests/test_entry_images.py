"""An entry's image files are checked by what they hold, not only by their names: type, size, symlinks."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from generator.database.images import LONGEST_EDITION_FOLDER, MAX_EDITION_PATH, MAX_IMAGE_BYTES
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


def test_a_picture_name_too_long_for_the_offline_edition_is_refused_with_its_limit(repo: Path) -> None:
    entry = repo / ENTRY
    text = entry.read_text(encoding="utf-8")
    limit = 160 - 63 - len("/th/media/solar-dryer-sample/960/")  # 64 for this entry's id
    for length, expected in ((limit, []), (limit + 1, [("image-name-too-long", "images[0].file", IMAGE_LINE, 11)])):
        name = "d" * (length - 4) + ".png"
        shutil.copy(repo / IMAGE, (repo / IMAGE).with_name(name))
        entry.write_text(text.replace("dryer.png", name), encoding="utf-8")
        assert image_problems(repo) == expected, length
    _, _, problems = check_database(repo, today=TODAY)
    (problem,) = [p for p in problems if p.is_error]
    assert f"has {limit + 1} characters" in problem.message_en and f"at most {limit}" in problem.message_en
    assert "ฉบับออฟไลน์" in problem.message_th


def test_the_picture_name_limit_is_the_offline_editions_own(repo: Path) -> None:
    from generator.database.cut import make_cut
    from generator.database.reference import load_reference
    from generator.offline import paths
    from generator.offline.edition import edition_stem
    from generator.site.pages import MEDIA_DIR
    from generator.site.renditions import FOLDER

    reference, _ = load_reference(repo / "site_config")
    cuts = [make_cut(reference, "province", p) for p in reference.provinces]
    cuts += [make_cut(reference, "region", r) for r in reference.regions]
    longest = max((edition_stem(cut, dt.date(2026, 10, 30)) for cut in cuts), key=len)
    assert len(longest) == LONGEST_EDITION_FOLDER and MAX_EDITION_PATH == paths.MAX_RELATIVE_PATH
    entry_id = "solar-dryer-sample"
    room = MAX_EDITION_PATH - LONGEST_EDITION_FOLDER - len(f"/th/media/{entry_id}/960/")
    for length in (room, room + 1):  # the longest accepted name fits the edition; one more letter would not
        published = f"{longest}/th/{MEDIA_DIR}/{entry_id}/{FOLDER}/{'d' * (length - 4)}.png"
        assert bool(paths.check_paths([published])) == (length > room), published
