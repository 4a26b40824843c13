"""On a phone, a wide entry picture arrives as its 960-px copy, and a tap on it opens the original (from file://)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import REPO, Opener

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
ENTRY = "bo-sang-paper-umbrella"


@pytest.fixture(scope="module")
def wide_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site with one entry's picture replaced by a contributor's 1600-px photo."""
    image = pytest.importorskip("PIL.Image")
    data = tmp_path_factory.mktemp("wide-data")
    for name in ("site_config", "technologies", "content"):
        shutil.copytree(REPO / name, data / name)
    noise = image.frombytes("RGB", (200, 125), (bytes(range(256)) * 293)[:75_000])
    noise.resize((1600, 1000), image.Resampling.BICUBIC).save(
        data / f"technologies/cmu/{ENTRY}/paper-umbrellas.jpg", quality=90
    )
    out = tmp_path_factory.mktemp("wide-site") / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(data), "build", "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return out


def test_a_phone_loads_the_lighter_copy_and_a_tap_opens_the_original(browser: Any, wide_site: Path) -> None:
    opener = Opener(browser, wide_site.as_uri() + "/")
    try:
        page = opener(f"th/entries/{ENTRY}.html", viewport=PHONE).page
        picture = page.locator(".tc-gallery img").first
        picture.scroll_into_view_if_needed()  # the gallery's pictures load lazily
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=picture.element_handle())
        shown = picture.evaluate("img => ({src: img.currentSrc, width: img.naturalWidth, box: img.clientWidth})")
        assert shown["src"].endswith(f"/th/media/{ENTRY}/960/paper-umbrellas.jpg") and shown["width"] == 960
        assert 0 < shown["box"] <= PHONE["width"]
        loaded = [url for url in opener.net.finished if url.endswith("paper-umbrellas.jpg")]
        assert loaded == [shown["src"]], "the phone must not fetch the original as well"
        with page.expect_navigation():
            picture.click()
        assert page.url.endswith(f"/th/media/{ENTRY}/paper-umbrellas.jpg")
        assert page.evaluate("() => document.images[0].naturalWidth") == 1600
    finally:
        opener.close()
