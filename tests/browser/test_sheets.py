"""Printable one-page sheets: each prints on ONE A4 page in Chromium; its QR code decodes to the entry URL."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from generator.site.build import build_site

from .conftest import REPO, Opener

pytestmark = pytest.mark.browser
BASE = "https://techclinic.example.org/db"


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sheets") / "site"
    assert build_site(REPO, out, base_url=BASE) == 0
    return out


def _pdf_pages(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


def test_every_sheet_fits_one_a4_page(browser: Any, published_site: Path, artifacts: Path) -> None:
    opener = Opener(browser, published_site.as_uri() + "/")
    try:
        page = opener.context().new_page()
        too_long = []
        sheets = sorted(published_site.glob("*/sheets/*.html"))
        assert len(sheets) == 2 * len(list((published_site / "th" / "entries").glob("*.html")))
        for sheet in sheets:
            page.goto(sheet.as_uri(), wait_until="load")
            pdf = page.pdf(format="A4", print_background=True)
            if _pdf_pages(pdf) != 1:
                too_long.append(f"{sheet.relative_to(published_site)}: {_pdf_pages(pdf)} pages")
        assert too_long == []
        page.goto((published_site / "th/sheets/solar-dome-dryer-banana.html").as_uri())
        (artifacts / "sheet-th.pdf").write_bytes(page.pdf(format="A4", print_background=True))
    finally:
        opener.close()


@pytest.mark.parametrize("lang,entry", [("th", "solar-dome-dryer-banana"), ("en", "bang-sa-kao-reed-mat")])
def test_qr_code_decodes_to_the_entry_url(browser: Any, published_site: Path, lang: str, entry: str) -> None:
    import zxingcpp
    from PIL import Image

    opener = Opener(browser, published_site.as_uri() + "/")
    try:
        visit = opener(f"{lang}/sheets/{entry}.html")
        png = visit.page.locator(".tc-sheet__qr svg").screenshot()
        codes = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
        assert [c.text for c in codes] == [f"{BASE}/{lang}/entries/{entry}.html"]
        # (a site built for BASE, opened from file://, cannot fetch BASE's sitemap: console errors expected here)
        assert visit.page_errors == []
    finally:
        opener.close()
