"""Printing entries and listings: only the content goes on paper, with the address of every external link.

Chromium emulates print media on an entry of each kind and on listing pages, in both languages, and
prints each to an A4 PDF. Screenshots of the print layout and the Thai PDFs go to tests/artifacts/.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import Opener, Site
from .test_site import sample_path

pytestmark = pytest.mark.browser

KINDS = ["technology", "local-wisdom", "untranslated", "line-contact", "category", "institution"]
A4 = {"width": 794, "height": 1123}  # A4 at 96 dpi
# What must stay off paper; each must exist on the page (so the check is not vacuous) unless marked optional.
HIDDEN = {
    "header": ".md-header",
    "navigation": ".md-sidebar--primary",
    "search box": "#tc-search-input",
    "language switch": "a[data-tc-switch]",
    "footer": ".md-footer",
    "skip link": ".md-skip",
}
OPTIONAL_HIDDEN = {"pager": ".tc-pager", "back to top": ".md-top", "table of contents": ".md-sidebar--secondary"}
VISIBLE = "el => el.checkVisibility({opacityProperty: true, visibilityProperty: true})"
# The text an external link prints: its own text and what the ::after rule adds (quotes of `content` dropped).
PRINTED_LINKS = """() => [...document.querySelectorAll('.md-content a[href^="http"]')]
    .filter(a => a.checkVisibility())
    .map(a => {
      const after = getComputedStyle(a, '::after').content;
      const added = after === 'none' || after === 'normal' ? '' : after.replace(/^"|"$/g, '');
      return [a.getAttribute('href'), a.innerText + added];
    })"""


def page_of(catalog: Any, what: str) -> str:
    """A page of each kind; "line-contact": an entry with a LINE id (a link whose text is not its URL)."""
    if what == "line-contact":
        entry = next(e for e in catalog.entries.values() if e.contact and e.contact.line)
        return f"entries/{entry.id}.html"
    return sample_path(catalog, what)


def _pdf_pages(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("what", KINDS)
def test_page_prints_its_content_only(
    browser: Any, site: Site, catalog: Any, artifacts: Path, what: str, lang: str
) -> None:
    opener = Opener(browser, site.http_base)
    try:
        visit = opener(f"{lang}/{page_of(catalog, what)}", viewport=A4)
        page = visit.page
        page.evaluate("async () => { await document.fonts.ready; }")
        # On screen the header, search box and switch are shown: print media is what hides them.
        for name in ("header", "search box", "language switch"):
            assert page.locator(HIDDEN[name]).first.evaluate(VISIBLE), f"{name} is hidden on screen"

        page.emulate_media(media="print")
        shown = []
        for name, selector in {**HIDDEN, **OPTIONAL_HIDDEN}.items():
            found = page.locator(selector)
            assert found.count() or name in OPTIONAL_HIDDEN, f"{visit.url} has no {name} ({selector})"
            if any(found.nth(i).evaluate(VISIBLE) for i in range(found.count())):
                shown.append(name)
        assert shown == [], f"printed with {shown}: {visit.url}"

        h1 = page.locator(".md-content h1")
        assert h1.count() == 1 and h1.evaluate(VISIBLE)
        body = page.locator(".md-content").inner_text()
        assert len(body) > 200, body

        links = page.evaluate(PRINTED_LINKS)
        if what in ("technology", "local-wisdom", "untranslated"):
            assert links, f"{visit.url}: an entry page always has external links (the clinic's contacts)"
        if what == "line-contact":  # the LINE link's text is the id alone: only the print rule shows the address
            assert any(href not in text for href, text in page.evaluate(PRINTED_LINKS.replace("+ added", "")))
        unshown = [href for href, printed in links if href not in printed]
        assert unshown == [], f"external links printed without their address: {unshown}"

        pdf = page.pdf(format="A4", print_background=False)
        assert pdf.startswith(b"%PDF-") and 1 <= _pdf_pages(pdf) <= 8, _pdf_pages(pdf)
        if lang == "th":
            (artifacts / f"print-{what}-th.pdf").write_bytes(pdf)
            page.screenshot(path=str(artifacts / f"print-{what}-th.png"), full_page=True)
        assert not visit.page_errors, visit.page_errors
    finally:
        opener.close()
