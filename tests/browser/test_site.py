"""The built sample site in a real browser (headless Debian Chromium), over HTTP and from file://.

Each test runs once per base (`[http]`, `[file]`). Nothing may leave the machine: requests to any
other origin are recorded and aborted, and the tests that look for them fail when there is one.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import pytest

from generator.site.tags import TagIndex
from generator.thai import collation_key

from .conftest import Opener, Site

pytestmark = pytest.mark.browser

LANGS = ("th", "en")
ENTRY_LINK = re.compile(r"(?:^|/)entries/([^/]+)\.html$")


# --------------------------------------------------------------------------- picking sample pages
def first(entries: Any, **wanted: Any) -> Any:
    """The first entry (by id) whose attributes match."""
    for entry in entries.values():
        if all(getattr(entry, k) == v for k, v in wanted.items()):
            return entry
    pytest.fail(f"the sample database has no entry with {wanted}")


def biggest(index: dict[str, list[Any]]) -> str:
    """The term with the most entries (ties: the first id), so listings are long enough to test order."""
    return min(index, key=lambda k: (-len(index[k]), k))


def sample_path(catalog: Any, what: str) -> str:
    """A page path (without language) of one kind of page."""
    entries = catalog.entries
    paths = {
        "home": lambda: "index.html",
        "technology": lambda: f"entries/{first(entries, kind='technology', has_english=True).id}.html",
        "local-wisdom": lambda: f"entries/{first(entries, kind='local-wisdom', has_english=True).id}.html",
        "untranslated": lambda: f"entries/{first(entries, has_english=False).id}.html",
        "category": lambda: f"categories/{biggest(catalog.by_category)}.html",
        "province": lambda: f"provinces/{biggest(catalog.by_province)}.html",
        "institution": lambda: f"institutions/{biggest(catalog.by_institution)}.html",
        "content": lambda: "about/technology-clinic.html",
        "regions": lambda: "regions/index.html",  # with the province map
        "stats": lambda: "stats.html",
        "tags": lambda: "tags/index.html",
        "tag": lambda: f"{next(t for t in TagIndex(catalog).tags.values() if t.has_page).path[:-3]}.html",
    }
    return paths[what]()


def site_relative(url: str, base: str) -> str:
    """`http://127.0.0.1:P/en/entries/x.html` or `file:///…/en/entries/x.html` → `en/entries/x.html`."""
    assert url.startswith(base), f"{url} is not on the site {base}"
    return unquote(urlsplit(url).path)[len(unquote(urlsplit(base).path)) :]


def fonts_ready(page: Any) -> None:
    page.evaluate("async () => { await document.fonts.ready; }")


def switch_language(page: Any, base: str, path: str, target: str) -> None:
    """Click the header's language switch and check it landed on the same page in `target`."""
    switch = page.locator("a[data-tc-switch]")
    assert switch.count() == 1 and switch.is_visible(), f"{page.url}: language switch missing or hidden"
    assert switch.get_attribute("hreflang") == target
    before = page.url
    with page.expect_navigation(wait_until="load"):
        switch.click()
    assert site_relative(page.url, base) == f"{target}/{path}", f"the switch on {before} went to {page.url}"
    assert page.locator("html").get_attribute("lang") == target
    assert page.locator(".md-content h1").count() == 1, f"{page.url} is not a page of the site"


# --------------------------------------------------------------------------- 1. entry pages (+ 2. their switch)
@pytest.mark.parametrize("which", ["translated", "untranslated"])
def test_entry_page_in_both_languages(open_page: Opener, catalog: Any, base: str, which: str) -> None:
    """th page → switch → en page → switch → th page, checking each; the untranslated one is local wisdom."""
    entry = first(catalog.entries, has_english=(which == "translated"))
    inst = catalog.reference.institutions[entry.institution]
    path = f"entries/{entry.id}.html"
    visit = open_page(f"th/{path}")
    page = visit.page
    for step, lang in enumerate(("th", "en", "th")):
        if step:
            switch_language(page, base, path, lang)
        where = page.url
        assert page.locator("html").get_attribute("lang") == lang
        h1 = page.locator(".md-content h1")
        assert h1.count() == 1, f"{where}: expected one h1, found {h1.count()}"
        if lang == "en" and not entry.has_english:
            assert entry.title.en is None
            assert h1.inner_text().strip() == entry.title.th
            assert h1.get_attribute("lang") == "th", "Thai text on an English page must be marked lang=th"
            note = page.locator(".tc-note")
            assert note.count() == 1 and note.is_visible(), f"{where}: the 'not translated' note is not visible"
            assert note.inner_text().strip() == catalog.reference.ui["no_english_note"].en
        else:
            assert h1.inner_text().strip() == entry.title.get(lang)
            assert h1.get_attribute("lang") is None
            assert page.locator(".tc-note").count() == 0
        assert page.locator("article.tc-entry").get_attribute("data-entry") == entry.id

        box = page.locator(".tc-contact-box")
        assert box.is_visible()
        assert box.locator(".tc-contact__clinic").inner_text().strip() == inst.clinic.get(lang)
        phones = [t.strip() for t in box.locator("a[href^='tel:']").all_inner_texts()]
        assert inst.contact.phone in phones, f"{where}: clinic phone {inst.contact.phone} not in {phones}"
        tel = box.locator(f"a[href^='tel:']:text-is('{inst.contact.phone}')").first.get_attribute("href")
        assert tel == "tel:" + re.sub(r"[ -]", "", inst.contact.phone)
    assert not visit.console_errors and not visit.page_errors, (visit.console_errors, visit.page_errors)


# --------------------------------------------------------------------------- 2. language switch
@pytest.mark.parametrize("what", ["category", "content"])
def test_language_switch_lands_on_the_same_page(open_page: Opener, catalog: Any, base: str, what: str) -> None:
    """Listing and content pages (entry pages: test_entry_page_in_both_languages)."""
    path = sample_path(catalog, what)
    visit = open_page(f"th/{path}")
    switch_language(visit.page, base, path, "en")
    switch_language(visit.page, base, path, "th")
    assert not visit.console_errors and not visit.page_errors, (visit.console_errors, visit.page_errors)


# --------------------------------------------------------------------------- 3. listings
@pytest.mark.parametrize("lang", LANGS)
def test_category_page_lists_its_entries_in_order(open_page: Opener, catalog: Any, lang: str) -> None:
    category = biggest(catalog.by_category)
    expected = catalog.by_category[category]
    visit = open_page(f"{lang}/categories/{category}.html")
    cards = visit.page.locator(".md-content .tc-card .tc-card__title a")
    hrefs = [a.get_attribute("href") for a in cards.all()]
    ids = [m.group(1) for h in hrefs if (m := ENTRY_LINK.search(h or ""))]
    assert len(ids) == len(hrefs), f"card links that are not entry pages: {hrefs}"
    assert sorted(ids) == sorted(e.id for e in expected), "the page and the database disagree"
    assert len(set(ids)) == len(ids), "an entry is listed twice"
    # Every link on the listing points at an entry page of the database (not just the cards).
    all_entry_links = {
        m.group(1)
        for h in visit.page.locator(".md-content a[href]").evaluate_all("as => as.map(a => a.getAttribute('href'))")
        if (m := ENTRY_LINK.search(h))
    }
    assert all_entry_links == set(ids)
    titles = [t.strip() for t in cards.all_inner_texts()]
    assert titles == [catalog.entries[i].title.get(lang) for i in ids]
    # Thai pages follow Thai collation of the Thai titles; English pages sort by the title shown.
    keys = [(collation_key(catalog.entries[i].title.get(lang)), i) for i in ids]
    assert keys == sorted(keys), f"{lang} order is not collation order: {titles}"
    if lang == "th":
        assert ids == [e.id for e in sorted(expected, key=lambda e: (collation_key(e.title.th), e.id))]


# --------------------------------------------------------------------------- 4. bundled Thai font
FONT_PROBE = """async () => {
  await document.fonts.ready;
  const faces = [...document.fonts].map(f => ({
    family: f.family.replace(/["']/g, ''), status: f.status, weight: String(f.weight), range: f.unicodeRange}));
  const h1 = document.querySelector('.md-content h1');
  return {
    check: document.fonts.check('16px Sarabun', 'ก'),
    checkBold: document.fonts.check('bold 16px Sarabun', 'ก'),
    faces,
    h1Family: getComputedStyle(h1).fontFamily,
    bodyFamily: getComputedStyle(document.querySelector('.md-typeset')).fontFamily,
  };
}"""


def test_thai_is_drawn_with_bundled_sarabun(open_page: Opener, catalog: Any) -> None:
    path = sample_path(catalog, "technology")
    visit = open_page(f"th/{path}")
    page = visit.page
    probe = page.evaluate(FONT_PROBE)
    assert probe["check"], "document.fonts.check('16px Sarabun', 'ก') is false after fonts.ready"
    assert probe["checkBold"], "bold Thai Sarabun (h1) is not loaded"
    thai_400 = [
        f
        for f in probe["faces"]
        if f["family"] == "Sarabun" and f["weight"] == "400" and "U+E01-E5B" in f["range"].upper()
    ]
    assert thai_400 and all(f["status"] == "loaded" for f in thai_400), probe["faces"]
    assert any(f["family"] == "Sarabun" and f["status"] == "loaded" for f in probe["faces"])
    for key in ("h1Family", "bodyFamily"):
        first_family = probe[key].split(",")[0].strip().strip("\"'")
        assert first_family == "Sarabun", f"{key}: {probe[key]}"

    # What the renderer really used for the glyphs: only the bundled web font, no system fallback.
    for selector in (".md-content h1", ".tc-entry__summary"):
        assert platform_fonts(page, selector) == {"Sarabun"}, selector

    font = [u for u in open_page.net.requests if u.endswith("/th/assets/fonts/sarabun-thai-400-normal.woff2")]
    assert font, "the Thai Sarabun font was never requested"
    assert font[0] in open_page.net.finished, f"font request did not finish: {open_page.net.failed}"
    if font[0].startswith("http"):
        assert open_page.net.responses.get(font[0]) == 200

    # Thai shown on an English page (an entry without English) is drawn with the same font.
    other = open_page(f"en/{sample_path(catalog, 'untranslated')}").page
    fonts_ready(other)
    for selector in (".md-content h1[lang=th]", ".tc-prose[lang=th] p", ".tc-note"):
        assert platform_fonts(other, selector) == {"Sarabun"}, selector


def platform_fonts(page: Any, selector: str) -> set[str]:
    """The fonts Chromium really drew an element's text with (DevTools protocol), `*` marking system fonts."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, f"{page.url}: nothing matches {selector}"
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    cdp.detach()
    return {f["familyName"] + ("" if f["isCustomFont"] else "*") for f in fonts}


# --------------------------------------------------------------------------- 5. offline, no errors
PAGES = ["home", "technology", "local-wisdom", "category", "province", "institution", "regions", "stats", "tags", "tag"]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
OVERFLOW = "() => [document.documentElement.scrollWidth, window.innerWidth]"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("what", PAGES)
def test_page_is_self_contained_and_error_free(
    open_page: Opener, catalog: Any, site: Site, what: str, lang: str
) -> None:
    """Opened on a 360 px phone: no other host, no console error, no broken link, no sideways scrolling."""
    visit = open_page(f"{lang}/{sample_path(catalog, what)}", settle=True, viewport=PHONE)
    fonts_ready(visit.page)
    assert open_page.net.foreign == [], f"requests to other hosts from {visit.url}"
    assert visit.console_errors == [], visit.console_errors
    assert visit.page_errors == [], visit.page_errors
    assert open_page.net.failed == [], open_page.net.failed
    width, window = visit.page.evaluate(OVERFLOW)
    assert width <= window, f"{visit.url} is {width} px wide in a {window} px window"

    # Every link to the site itself resolves to a file of the build (no broken links, no bare folders).
    hrefs = visit.page.locator("a[href]").evaluate_all(  # SVG links (the map) hold an SVGAnimatedString
        "as => as.map(a => typeof a.href === 'string' ? a.href : new URL(a.href.baseVal, document.baseURI).href)"
    )
    broken = []
    for href in sorted(set(hrefs)):
        if not open_page.net.is_local(href) or href.startswith(("data:", "blob:", "about:")):
            continue
        url = href.split("#", 1)[0].split("?", 1)[0]
        if url.startswith("file:"):
            target = Path(url2pathname(urlsplit(url).path))
        else:
            target = site.root / posixpath.normpath(unquote(urlsplit(url).path)).lstrip("/")
        if not target.is_file():
            broken.append(href)
    assert broken == [], f"links on {visit.url} that lead nowhere: {broken}"


def test_harness_sees_foreign_requests_and_console_errors(open_page: Opener) -> None:
    """The guard itself: a request to another host is recorded and never reaches the network."""
    visit = open_page("th/index.html")
    visit.page.evaluate(
        """() => { const img = new Image(); img.src = 'https://example.com/tracker.png';
                   document.body.append(img); console.error('probe'); }"""
    )
    open_page.settle(visit.page)
    assert open_page.net.foreign == ["https://example.com/tracker.png"]
    assert [u for u, _ in open_page.net.failed] == ["https://example.com/tracker.png"]
    assert "probe" in visit.console_errors


def test_root_index_redirects_to_thai(open_page: Opener, base: str) -> None:
    visit = open_page("index.html")
    visit.page.wait_for_url("**/th/index.html")
    assert site_relative(visit.page.url, base) == "th/index.html"
    assert visit.page.locator("html").get_attribute("lang") == "th"


# --------------------------------------------------------------------------- 6. phone and desktop
@pytest.mark.parametrize("lang", LANGS)
def test_entry_page_screenshots_and_no_overflow(
    open_page: Opener, catalog: Any, artifacts: Path, base_kind: str, lang: str
) -> None:
    """No sideways scrolling at 360 px, over both bases. Screenshots (full page) are taken once, over HTTP:
    tests/artifacts/entry-<lang>-<360|1280>.png, and untranslated-en-360.png (an entry without English)."""
    shoot = base_kind == "http"  # both bases render the same pixels; one set of artifacts is enough
    pages = [("entry", sample_path(catalog, "local-wisdom"))]
    if lang == "en":
        pages.append(("untranslated", sample_path(catalog, "untranslated")))
    for name, path in pages:
        visit = open_page(f"{lang}/{path}", viewport=PHONE)
        page = visit.page
        fonts_ready(page)
        if shoot:
            page.screenshot(path=str(artifacts / f"{name}-{lang}-360.png"), full_page=True)
        width, window = page.evaluate(OVERFLOW)
        assert width <= window, f"{visit.url} is {width} px wide in a {window} px window"
        if shoot and name == "entry":
            page.set_viewport_size(DESKTOP)
            fonts_ready(page)
            page.screenshot(path=str(artifacts / f"entry-{lang}-1280.png"), full_page=True)
        assert not visit.console_errors and not visit.page_errors, (visit.console_errors, visit.page_errors)
