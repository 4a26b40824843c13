"""The offline edition as a reader gets it: the zip unzipped into a fresh folder and opened in Chromium over file://,
with every request that is not a local file aborted and recorded (the network is effectively switched off).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ..offline_edition import KIWIX_SERVE, Edition, build_edition, kiwix_serve
from .conftest import CHROMIUM, Opener, Visit

pytestmark = pytest.mark.browser

THAI_QUERY, THAI_ENTRY = "สนิม", "village-slow-sand-filter"  # สนิม sits inside สนิมเหล็ก
ENGLISH_QUERY, ENGLISH_ENTRY = "indigo", "sakon-nakhon-natural-indigo"
IMAGE_ENTRY = "solar-dome-dryer-banana"  # has a photo in technologies/nu/solar-dome-dryer-banana/


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Edition:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    built = build_edition(tmp_path_factory.mktemp("edition-out"))
    assert built.proc.returncode == 0, built.proc.stderr
    return built


@pytest.fixture(scope="module")
def edition_base(edition: Edition, tmp_path_factory: pytest.TempPathFactory) -> str:
    """file:// URL of the edition's top folder, unzipped into a fresh folder (ends with a slash)."""
    top = edition.unzip(tmp_path_factory.mktemp("usb-drive"))
    return top.as_uri() + "/"


@pytest.fixture
def offline(browser: Any, edition_base: str) -> Iterator[Opener]:
    opener = Opener(browser, edition_base)
    try:
        yield opener
    finally:
        opener.close()


def _clean(visit: Visit, opener: Opener) -> None:
    assert visit.console_errors == [], visit.console_errors
    assert visit.page_errors == [], visit.page_errors
    assert opener.net.foreign == [], f"requests that needed the network: {opener.net.foreign}"
    assert opener.net.failed == [], opener.net.failed


def _search(visit: Visit, query: str, entry: str) -> list[str]:
    """Type a query into the header box as a reader would; return the result links once `entry` shows up."""
    box = visit.page.locator("#tc-search-input")
    box.click()
    box.press_sequentially(query, delay=20)
    visit.page.wait_for_function(
        "id => [...document.querySelectorAll('#tc-search-panel a.tc-result__title')]"
        ".some(a => a.getAttribute('href').endsWith('entries/' + id + '.html'))",
        arg=entry,
        timeout=10_000,
    )
    # read in one go: a search for the whole query may still redraw the list after a shorter one found the entry
    return list(
        visit.page.locator("#tc-search-panel a.tc-result__title").evaluate_all(
            "as => as.map(a => a.getAttribute('href'))"
        )
    )


def test_start_page_leads_into_both_languages(offline: Opener, edition_base: str) -> None:
    visit = offline("index.html", settle=True)
    page = visit.page
    assert "ฉบับออฟไลน์" in page.locator("h1").first.inner_text()
    assert page.locator("section[lang=en] h1").inner_text().endswith("Offline edition")
    with page.expect_navigation(wait_until="load"):
        page.locator("#open-th").click()
    assert page.url == edition_base + "th/index.html"
    assert page.locator("html").get_attribute("lang") == "th"
    offline.settle(page)  # leaving a page aborts what it still loads (its icon): not a failure of the edition
    page.go_back(wait_until="load")
    offline.settle(page)
    with page.expect_navigation(wait_until="load"):
        page.locator("#open-en").click()
    assert page.url == edition_base + "en/index.html"
    offline.settle(page)
    _clean(visit, offline)


def test_thai_search_finds_a_thai_entry(offline: Opener) -> None:
    visit = offline("th/index.html")
    links = _search(visit, THAI_QUERY, THAI_ENTRY)
    first = visit.page.locator(f"#tc-search-panel a.tc-result__title[href$='entries/{THAI_ENTRY}.html']")
    offline.settle(visit.page)
    with visit.page.expect_navigation(wait_until="load"):
        first.click()
    assert visit.page.url.endswith(f"/th/entries/{THAI_ENTRY}.html"), (visit.page.url, links)
    assert THAI_QUERY in visit.page.locator(".md-content").inner_text()
    offline.settle(visit.page)
    _clean(visit, offline)


def test_english_search_finds_an_english_entry(offline: Opener) -> None:
    visit = offline("en/index.html")
    links = _search(visit, ENGLISH_QUERY, ENGLISH_ENTRY)
    assert any(link.endswith(f"entries/{ENGLISH_ENTRY}.html") for link in links[:5]), links
    offline.settle(visit.page)
    _clean(visit, offline)


def test_language_switch_goes_both_ways(offline: Opener, edition_base: str) -> None:
    path = f"entries/{ENGLISH_ENTRY}.html"
    visit = offline(f"th/{path}")
    page = visit.page
    for target in ("en", "th"):
        offline.settle(page)
        with page.expect_navigation(wait_until="load"):
            page.locator("a[data-tc-switch]").click()
        assert page.url == f"{edition_base}{target}/{path}"
        assert page.locator("html").get_attribute("lang") == target
    offline.settle(page)
    _clean(visit, offline)


def test_entry_page_shows_its_image_and_the_bundled_font(offline: Opener) -> None:
    visit = offline(f"th/entries/{IMAGE_ENTRY}.html", settle=True)
    page = visit.page
    images = page.evaluate(
        "() => [...document.querySelectorAll('.md-content img')].map(i => [i.src, i.complete, i.naturalWidth])"
    )
    assert images, "the entry page shows no image"
    assert all(src.startswith("file:") and done and width > 0 for src, done, width in images), images
    fonts = page.evaluate(
        """async () => {
          await document.fonts.ready;
          const loaded = [...document.fonts].filter(f => f.status === 'loaded');
          return {check: document.fonts.check('16px Sarabun', 'ก'),
                  loaded: loaded.map(f => f.family.replace(/["']/g, ''))};
        }"""
    )
    assert fonts["check"] and "Sarabun" in fonts["loaded"], fonts
    first_family = page.evaluate("() => getComputedStyle(document.querySelector('.md-content h1')).fontFamily")
    assert first_family.split(",")[0].strip().strip("\"'") == "Sarabun"
    _clean(visit, offline)


@pytest.mark.skipif(KIWIX_SERVE is None, reason="kiwix-serve (Debian kiwix-tools) is not installed")
def test_site_search_works_inside_a_kiwix_reader(browser: Any, edition: Edition) -> None:
    """Kiwix shows the ZIM's pages with JavaScript on: the site's own search box works there too."""
    with kiwix_serve(edition.zim) as base:
        opener = Opener(browser, f"{base}/{edition.zim.stem}/")
        try:
            visit = opener("th/index.html")
            links = _search(visit, THAI_QUERY, THAI_ENTRY)
            assert any(link.endswith(f"entries/{THAI_ENTRY}.html") for link in links[:5]), links
            # kiwix-serve injects a toolbar with inline event handlers, which the site's CSP blocks by design;
            # errors of the site's own scripts would be page errors.
            assert visit.page_errors == [], visit.page_errors
            assert opener.net.foreign == []
        finally:
            opener.close()
