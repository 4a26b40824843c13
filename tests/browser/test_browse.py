"""The browse page: faceted filters in Chromium, over HTTP and file://, checked against the database."""

from __future__ import annotations

from typing import Any

import pytest

from generator.site.pages import BROWSE_PREVIEW

from .conftest import Opener
from .test_site import site_relative

pytestmark = pytest.mark.browser


def _region_of(catalog: Any, province: str) -> str:
    return str(catalog.reference.provinces[province].region)


def _expected(catalog: Any, kind: str, region: str, audience: str) -> list[Any]:
    return [
        e
        for e in catalog.entries.values()
        if e.kind == kind and region in {_region_of(catalog, p) for p in catalog.places(e)} and audience in e.audiences
    ]


def _busiest_combination(catalog: Any) -> tuple[str, str, str]:
    """A (kind, region, audience) that several entries share, so the filters have something to find."""
    combos: dict[tuple[str, str, str], int] = {}
    for e in catalog.entries.values():
        for region in {_region_of(catalog, p) for p in catalog.places(e)}:
            for audience in e.audiences:
                key = (e.kind, region, audience)
                combos[key] = combos.get(key, 0) + 1
    return min(combos, key=lambda k: (-combos[k], k))


def _result_ids(page: Any, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all(".tc-browse__results > li > a", "as => as.map(a => a.href)")
    return [site_relative(h, base).rsplit("/", 1)[1][: -len(".html")] for h in hrefs]


def _status(page: Any) -> str:
    return str(page.inner_text("[data-tc-browse] [data-status]"))


def _check(page: Any, facet: str, value: str) -> None:
    details = page.locator(f"details[data-facet={facet}]")
    if not details.evaluate("d => d.open"):
        details.locator("summary").click()
    details.locator(f"input[value='{value}']").check()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_three_filters_give_the_database_count_and_survive_a_reload(
    open_page: Opener, catalog: Any, base: str, lang: str
) -> None:
    kind, region, audience = _busiest_combination(catalog)
    expected = _expected(catalog, kind, region, audience)
    assert len(expected) >= 2
    visit = open_page(f"{lang}/browse.html")
    page = visit.page
    assert _status(page).startswith(str(len(catalog.entries)))
    _check(page, "kind", kind)
    _check(page, "region", region)
    _check(page, "audience", audience)
    assert _status(page).startswith(str(len(expected)))
    # results in title order (Thai collation on Thai pages), the same as the catalog's order
    assert _result_ids(page, base) == [e.id for e in catalog.sorted(expected, lang)]
    # each audience choice shows how many entries it would give with the other two filters kept
    for term in catalog.reference.taxonomies["audiences"]:
        shown = page.inner_text(f"details[data-facet=audience] input[value='{term}'] ~ [data-count]")
        would = [
            e
            for e in catalog.entries.values()
            if e.kind == kind and region in {_region_of(catalog, p) for p in catalog.places(e)} and term in e.audiences
        ]
        assert shown == f"({len(would)})", term
    # newest first
    page.select_option("#tc-browse-sort", "new")
    newest = sorted(expected, key=lambda e: (e.date_added, -catalog.sorted(expected, lang).index(e)), reverse=True)
    assert _result_ids(page, base) == [e.id for e in newest]
    # the state is in the URL: a fresh tab opening it sees the same view
    shared = page.url
    assert f"kind={kind}" in shared and f"region={region}" in shared and "sort=new" in shared
    fresh = open_page.context().new_page()
    fresh.goto(shared)
    assert _status(fresh).startswith(str(len(expected)))
    assert _result_ids(fresh, base) == [e.id for e in newest]
    assert fresh.locator(f"details[data-facet=region] input[value='{region}']").is_checked()
    # clearing the filters shows every entry again
    fresh.click("button[type=reset]")
    fresh.wait_for_function("() => !location.hash")
    assert _status(fresh).startswith(str(len(catalog.entries)))
    assert not visit.console_errors and not visit.page_errors
    assert not open_page.net.foreign


def test_without_javascript_entries_are_listed_by_category(browser: Any, base: str, catalog: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base + "th/browse.html")
        assert not page.locator("[data-tc-facets]").is_visible()
        sections = page.eval_on_selector_all(
            ".tc-browse__groups section",
            "ss => ss.map(s => [s.querySelector('h2').id, s.querySelector('h2 .tc-count').textContent,"
            " [...s.querySelectorAll('li a')].map(a => a.getAttribute('href'))])",
        )
        expected = [
            (
                f"tc-group-{c}",
                f"({len(catalog.by_category[c])})",
                [f"entries/{e.id}.html" for e in catalog.sorted(catalog.by_category[c], "th")[:BROWSE_PREVIEW]],
            )
            for c in catalog.reference.taxonomies["categories"]
            if catalog.by_category.get(c)
        ]
        assert [tuple(s) for s in sections] == expected
        assert sum(len(catalog.by_category[c]) for c in catalog.by_category) == len(catalog.entries)
    finally:
        context.close()


def test_with_no_filter_every_entry_is_listed_in_title_order(open_page: Opener, catalog: Any, base: str) -> None:
    page = open_page("en/browse.html").page
    everything = [e.id for e in catalog.sorted(catalog.entries.values(), "en")]
    assert _result_ids(page, base) == everything[:60]
    if len(everything) > 60:
        page.click("[data-tc-browse] [data-more]")
        assert _result_ids(page, base) == everything[:120]
    assert not page.locator(".tc-browse__groups").is_visible()


def test_english_counts_say_entry_for_one(open_page: Opener, catalog: Any) -> None:
    """ui.yaml's "{count, plural, one {# entry} other {# entries}}", chosen in the browser as the filters change."""
    pairs: dict[tuple[str, str], int] = {}
    for e in catalog.entries.values():
        for region in {_region_of(catalog, p) for p in catalog.places(e)}:
            pairs[(e.category, region)] = pairs.get((e.category, region), 0) + 1
    category, region = min(k for k, n in pairs.items() if n == 1)
    page = open_page("en/browse.html").page
    assert _status(page) == f"{len(catalog.entries)} entries"
    _check(page, "category", category)
    _check(page, "region", region)
    assert _status(page) == "1 entry"
