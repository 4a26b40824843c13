"""The province map, the statistics page and keyword tags in Chromium, over HTTP and from file://.

Expected numbers come from the database (generator.database.validate.check_database, via the
`catalog` fixture), never from the pages themselves.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from generator.site.pages import PAGE_SIZE
from generator.site.tags import TagIndex, normalize

from .conftest import Opener
from .test_site import LANGS, PHONE, biggest, fonts_ready, site_relative

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
# A point inside a province's shape where a click lands on that province's link (neighbours, the
# sticky header or the page edge may cover parts of its bounding box).
POINT_IN_PROVINCE = """(pid) => {
  const a = document.querySelector(`.tc-map__svg a[data-province="${pid}"]`);
  a.scrollIntoView({block: 'center'});
  const r = a.getBoundingClientRect();
  const points = [];
  for (let i = 1; i < 24; i++)
    for (let j = 1; j < 24; j++) points.push([r.left + r.width * i / 24, r.top + r.height * j / 24]);
  const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
  points.sort((p, q) => Math.hypot(p[0] - cx, p[1] - cy) - Math.hypot(q[0] - cx, q[1] - cy));
  for (const [x, y] of points) {
    const hit = document.elementFromPoint(x, y);
    if (hit && hit.closest('a') === a) return [x, y];
  }
  return null;
}"""


def listed_entries(page: Any) -> set[str]:
    """Ids of the entries a listing page shows as cards."""
    hrefs = page.locator(".tc-card__title a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    return {h.rsplit("/", 1)[-1].removesuffix(".html") for h in hrefs}


def smallest_shape(page: Any) -> str:
    """The province drawn smallest on the map (Samut Songkhram, Bangkok …): the hardest to hit."""
    return str(
        page.evaluate(
            """() => [...document.querySelectorAll('.tc-map__svg a[data-province]')]
                 .map(a => [a.getBBox().width * a.getBBox().height, a.dataset.province])
                 .sort((p, q) => p[0] - q[0])[0][1]"""
        )
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("device", ["desktop-click", "phone-tap"])
def test_choosing_a_province_on_the_map_opens_its_page(
    open_page: Opener, catalog: Any, base: str, lang: str, device: str
) -> None:
    """Click (desktop) or tap (phone) the province with most entries, and the smallest province on the map."""
    options = {"viewport": DESKTOP} if device == "desktop-click" else {"viewport": PHONE, "has_touch": True}
    home = open_page(f"{lang}/index.html", **options)
    targets = [biggest(catalog.by_province), smallest_shape(home.page)]
    home.page.close()
    for pid in targets:
        page = open_page(f"{lang}/index.html", **options).page
        point = page.evaluate(POINT_IN_PROVINCE, pid)
        assert point is not None, f"no visible point of {pid} on the map"
        if device == "phone-tap":
            page.touchscreen.tap(*point)
        else:
            page.mouse.click(*point)
        page.wait_for_url(f"**/{lang}/provinces/{pid}.html")
        assert site_relative(page.url, base) == f"{lang}/provinces/{pid}.html"
        expected = catalog.by_province.get(pid, [])
        assert page.locator("h1").inner_text() == catalog.reference.provinces[pid].name.get(lang)
        assert page.locator(".tc-card").count() == min(len(expected), PAGE_SIZE)
        if len(expected) <= PAGE_SIZE:
            assert listed_entries(page) == {e.id for e in expected}
        page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_reaches_map_provinces_and_enter_opens_one(open_page: Opener, base: str, lang: str) -> None:
    """Tab from the top of the home page reaches the skip link, then a province link with a visible focus
    outline; Enter opens that province. The skip link jumps past all 77 provinces."""
    page = open_page(f"{lang}/index.html", viewport=DESKTOP).page
    focused: dict[str, Any] = {}
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const el = document.activeElement;
                 return {skip: el.classList.contains('tc-skip'), province: el.dataset ? el.dataset.province || '' : '',
                         inMap: !!el.closest('.tc-map__svg'), outline: getComputedStyle(el).outlineStyle,
                         label: el.getAttribute('aria-label') || ''}; }"""
        )
        if focused["skip"] or focused["inMap"]:
            break
    assert focused["skip"], "Tab never reached the map's skip link"
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => { const el = document.activeElement;
             return {province: el.dataset.province || '', outline: getComputedStyle(el).outlineStyle,
                     label: el.getAttribute('aria-label') || '',
                     fill: getComputedStyle(el.querySelector('path')).fill}; }"""
    )
    assert focused["province"], "the Tab after the skip link is not a province of the map"
    assert focused["outline"] != "none" and focused["label"].count(":") == 1
    assert focused["fill"] == "rgb(255, 183, 77)"  # the focus colour, on top of the outline
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{lang}/provinces/{focused['province']}.html")

    # The skip link: Enter on it, then Tab lands after the map (the table's summary), not on a province.
    page = open_page(f"{lang}/index.html", viewport=DESKTOP).page
    page.locator(".tc-skip").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    after = page.evaluate("() => [document.activeElement.tagName, !!document.activeElement.closest('.tc-map__svg')]")
    assert after == ["SUMMARY", False]


@pytest.mark.parametrize("lang", LANGS)
def test_map_speaks_the_page_language(open_page: Opener, catalog: Any, lang: str) -> None:
    """Every province of the map is a link named "<province in this language>: <n> entries", and the
    text alternative lists the same numbers."""
    page = open_page(f"{lang}/index.html", viewport=PHONE).page
    links = page.locator(".tc-map__svg a[data-province]").evaluate_all(
        "as => as.map(a => [a.dataset.province, a.getAttribute('aria-label'), a.getAttribute('href')])"
    )
    assert len(links) == 77
    for pid, label, href in links:
        name = catalog.reference.provinces[pid].name.get(lang)
        here = catalog.by_province.get(pid, [])
        n, villages = len(here), sum(1 for e in here if e.village)
        expected = f"{name}: {n} รายการ" if lang == "th" else f"{name}: {n} {'entry' if n == 1 else 'entries'}"
        if villages:
            plural = "village" if villages == 1 else "villages"
            expected += f" (หมู่บ้าน วท. {villages} แห่ง)" if lang == "th" else f" ({villages} S&T {plural})"
        assert label == expected
        assert href == f"provinces/{pid}.html"
    # Playwright resolves accessible names as assistive technology does.
    pid = biggest(catalog.by_province)
    name = catalog.reference.provinces[pid].name.get(lang)
    assert page.get_by_role("link", name=f"{name}:", exact=False).first.get_attribute("data-province") == pid
    assert page.get_by_role("group", name=page.locator(".tc-map__svg > title").text_content() or "?").count() == 1
    rows = page.locator(".tc-map__table tbody tr").evaluate_all(
        "rs => rs.map(r => [r.querySelector('th').textContent.trim(), Number(r.querySelector('td').textContent)])"
    )
    names = {p.name.get(lang): p.id for p in catalog.reference.provinces.values()}
    assert {names[n]: c for n, c in rows} == {p: len(catalog.by_province.get(p, [])) for p in names.values()}
    width, window = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= window


def expected_stats(catalog: Any) -> dict[str, Counter[str]]:
    """Every chart's numbers, counted straight from the database."""
    entries = list(catalog.entries.values())
    regions: Counter[str] = Counter()
    for e in entries:
        regions.update({catalog.reference.provinces[p].region for p in catalog.places(e)})
    return {
        "kind": Counter(e.kind for e in entries),
        "category": Counter(e.category for e in entries),
        "region": regions,
        "institution": Counter(e.institution for e in entries),
        "readiness": Counter(e.readiness or "-" for e in entries if e.kind == "technology"),
        "year": Counter(str(e.date_added.year) for e in entries),
    }


@pytest.mark.parametrize("lang", LANGS)
def test_statistics_numbers_match_the_database(open_page: Opener, catalog: Any, lang: str) -> None:
    """Each table holds the database's counts; each chart is an image named by its title whose bars
    carry the same numbers; Thai pages count years in the Buddhist Era."""
    visit = open_page(f"{lang}/stats.html", viewport=PHONE)
    page = visit.page
    fonts_ready(page)
    expected = expected_stats(catalog)
    tables = page.locator("table.tc-stats-table").evaluate_all(
        """ts => ts.map(t => [t.dataset.chart, t.querySelector('caption').innerText,
               [...t.querySelectorAll('tbody tr')].map(r => [
                 r.dataset.key, r.querySelector('th').innerText.trim(),
                 Number(r.querySelector('td').innerText.replace(/,/g, ''))])])"""
    )
    assert [t[0] for t in tables] == list(expected)
    for chart, caption, rows in tables:
        got = {key: n for key, _label, n in rows if n}
        assert got == dict(expected[chart]), chart
        assert all(n == expected[chart][key] for key, _label, n in rows)  # the zero rows are zero too
        img = page.get_by_role("img", name=caption, exact=True)
        assert img.count() == 1, caption
        bars = img.locator(".tc-chart__value").evaluate_all("ts => ts.map(t => t.textContent)")
        assert [int(b.replace(",", "")) for b in bars] == [n for _k, _l, n in rows]
        assert img.get_attribute("aria-describedby")
    years = next(rows for chart, _c, rows in tables if chart == "year")
    offset = 543 if lang == "th" else 0
    assert years and all(int(label) == int(key) + offset for key, label, _n in years)
    assert page.locator("h1").inner_text() == catalog.reference.ui["stats_title"].get(lang)
    width, window = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= window
    assert not visit.console_errors and not visit.page_errors


@pytest.mark.parametrize("lang", LANGS)
def test_statistics_are_in_the_nav_and_on_the_home_page(open_page: Opener, base: str, lang: str) -> None:
    page = open_page(f"{lang}/index.html", viewport=DESKTOP).page
    title = "สถิติ" if lang == "th" else "Statistics"
    nav = page.locator(".md-nav a[href$='stats.html']")
    assert nav.count() == 1 and nav.inner_text().strip() == title
    page.locator(".md-content .tc-browse a[href='stats.html']").click()
    page.wait_for_url(f"**/{lang}/stats.html")


@pytest.mark.parametrize("lang", LANGS)
def test_a_keyword_on_an_entry_opens_its_tag_page(open_page: Opener, catalog: Any, base: str, lang: str) -> None:
    """Click each keyword of an entry: the tag page is titled with the keyword and lists the entry;
    following the language switch lands on the same tag in the other language."""
    tags = TagIndex(catalog)
    # an entry with at least two keywords that other entries share (only shared keywords have pages)
    entry = next(
        e
        for e in catalog.entries.values()
        if e.has_english and e.kind == "local-wisdom" and sum(tags.tag(k).has_page for k in e.keywords.get(lang)) >= 2
    )
    linked = [k for k in entry.keywords.get(lang) if tags.tag(k).has_page]
    page = open_page(f"{lang}/entries/{entry.id}.html").page
    assert page.locator(".tc-keywords a.tc-tag").all_inner_texts() == linked
    assert page.locator(".tc-keywords span.tc-tag").count() == len(entry.keywords.get(lang)) - len(linked)
    page.close()
    for i, keyword in enumerate(linked):
        page = open_page(f"{lang}/entries/{entry.id}.html").page
        link = page.locator(".tc-keywords a.tc-tag").nth(i)
        assert link.inner_text() == keyword
        link.click()
        tag = tags.tag(keyword)
        page.wait_for_url(f"**/{lang}/tags/{tag.name}.html")
        assert normalize(page.locator("h1").inner_text()) == normalize(keyword)
        assert entry.id in listed_entries(page)
        assert listed_entries(page) == set(tag.entries)
        page.close()
    page = open_page(f"{lang}/tags/{tags.tag(linked[0]).name}.html").page
    other = "en" if lang == "th" else "th"
    page.locator("a[data-tc-switch]").click()
    page.wait_for_url(f"**/{other}/tags/{tags.tag(linked[0]).name}.html")
    assert entry.id in listed_entries(page)


@pytest.mark.parametrize("lang", LANGS)
def test_tags_index_lists_this_languages_keywords(open_page: Opener, catalog: Any, lang: str) -> None:
    page = open_page(f"{lang}/tags/index.html", viewport=PHONE).page
    shown = page.locator(".tc-tag-cloud a.tc-tag").all_inner_texts()
    keys = {normalize(k) for e in catalog.entries.values() for k in e.keywords.get(lang)}
    keys = {k for k in keys if TagIndex(catalog).tags[k].has_page}
    assert {normalize(s) for s in shown} == keys and len(shown) == len(keys)
    width, window = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= window
