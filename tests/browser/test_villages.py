"""S&T villages, STI-coupon services and "find help in my province" in Chromium, over HTTP and file://.

Every expected number and name comes from the sample database (the `catalog` fixture), never from the test.
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Opener
from .test_site import site_relative

pytestmark = pytest.mark.browser

LANGS = ("th", "en")


def _village_with_most_technologies(catalog: Any) -> Any:
    villages = [e for e in catalog.entries.values() if e.village]
    assert len(villages) >= 15, "the sample database must have at least 15 villages"
    return max(villages, key=lambda v: (len(v.village.technologies), v.id))


def _hrefs(page: Any, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.map(e => e.href)")


@pytest.mark.parametrize("lang", LANGS)
def test_village_page_links_to_its_technologies_and_back(open_page: Opener, catalog: Any, base: str, lang: str) -> None:
    village = _village_with_most_technologies(catalog)
    visit = open_page(f"{lang}/entries/{village.id}.html")
    page = visit.page
    place = village.village.place
    facts = page.inner_text(".tc-village")
    assert place.subdistrict.get(lang) in facts and place.district.get(lang) in facts
    assert catalog.reference.provinces[place.province].name.get(lang) in facts
    # the year: Buddhist Era on Thai pages
    year = str(village.village.year_started + 543) if lang == "th" else str(village.village.year_started)
    assert year in page.inner_text(".tc-facts")
    linked = [site_relative(h, base) for h in _hrefs(page, ".tc-village .tc-card__title a")]
    assert linked == [f"{lang}/entries/{t}.html" for t in _sorted_ids(catalog, village.village.technologies, lang)]

    # follow the first technology: its page lists this village among those that apply it
    page.click(".tc-village .tc-card__title a >> nth=0")
    page.wait_for_load_state("load")
    tech_id = site_relative(page.url, base).rsplit("/", 1)[1][: -len(".html")]
    back = [site_relative(h, base) for h in _hrefs(page, "section[aria-labelledby=tc-villages-heading] .tc-card a")]
    expected = _sorted_ids(catalog, [v.id for v in catalog.villages_by_technology[tech_id]], lang)
    assert back == [f"{lang}/entries/{v}.html" for v in expected]
    assert f"{lang}/entries/{village.id}.html" in back
    assert not visit.console_errors and not visit.page_errors
    assert not open_page.net.foreign


def _sorted_ids(catalog: Any, ids: Any, lang: str) -> list[str]:
    return [e.id for e in catalog.sorted((catalog.entries[i] for i in ids), lang)]


@pytest.mark.parametrize("lang", LANGS)
def test_services_page_lists_institutions_and_technologies_per_service(
    open_page: Opener, catalog: Any, base: str, lang: str
) -> None:
    page = open_page(f"{lang}/services.html").page
    services = catalog.reference.taxonomies["coupon_services"]
    assert page.eval_on_selector_all("section.tc-service", "s => s.map(x => x.id)") == list(services)
    offered = 0
    for service in services.values():
        section = f"section#{service.id}"
        assert service.label.get(lang) in page.inner_text(f"{section} h2")
        institutions = [site_relative(h, base) for h in _hrefs(page, f"{section} ul.tc-clinics > li > a")]
        expected = [f"{lang}/institutions/{i.id}.html" for i in catalog.offering(service.id)]
        assert institutions == expected
        techs = [site_relative(h, base) for h in _hrefs(page, f"{section} .tc-card__title a")]
        expected_techs = _sorted_ids(catalog, [e.id for e in catalog.by_coupon_service.get(service.id, [])], lang)
        assert techs == [f"{lang}/entries/{t}.html" for t in expected_techs[:12]]
        offered += bool(institutions) and bool(techs)
    assert offered >= 3, "the sample database should show several services with both institutions and technologies"
    # the three OTOP groups with their definitions
    groups = page.inner_text("dl.tc-groups")
    for group in ("otop-startup", "otop-existing", "otop-growth"):
        term = catalog.reference.taxonomies["audiences"][group]
        assert term.label.get(lang) in groups and term.description.get(lang) in groups


@pytest.mark.parametrize("lang", LANGS)
def test_find_help_picking_a_province_shows_its_clinics_villages_and_technologies(
    open_page: Opener, catalog: Any, base: str, lang: str
) -> None:
    # the province with the most villages, so every part of the section has something in it
    province = max(
        catalog.reference.provinces,
        key=lambda p: (sum(1 for e in catalog.by_province.get(p, []) if e.village), p),
    )
    visit = open_page(f"{lang}/find-help.html")
    page = visit.page
    page.select_option("#tc-find-help-select", province)
    page.wait_for_function(f"() => location.hash === '#{province}'")
    shown = page.eval_on_selector_all(
        ".tc-help-province", "s => s.filter(x => getComputedStyle(x).display !== 'none').map(x => x.id)"
    )
    assert shown == [province]
    section = page.locator(f"#{province}")
    text = section.inner_text()
    for inst in catalog.clinics_serving(province):
        assert inst.clinic.get(lang) in text
        if inst.contact.phone:
            assert inst.contact.phone in text
        if inst.contact.email:
            assert inst.contact.email in text
    assert catalog.clinics_serving(province), "pick a province that some clinic serves"
    here = catalog.by_province[province]
    village_links = [site_relative(h, base) for h in _hrefs(page, f"#{province} .tc-village-list >> nth=0 >> a")]
    villages = _sorted_ids(catalog, [e.id for e in here if e.village], lang)
    assert village_links == [f"{lang}/entries/{v}.html" for v in villages] and villages
    knowledge = [e for e in here if not e.village]
    assert f"({len(knowledge)}" in text or f"{len(knowledge)} " in text
    # the choice survives a reload (the state is in the URL)
    page.reload()
    assert page.eval_on_selector("#tc-find-help-select", "s => s.value") == province
    assert not visit.console_errors and not visit.page_errors
    assert not open_page.net.foreign


def test_find_help_works_without_javascript(browser: Any, base: str, catalog: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base + "th/find-help.html")
        assert page.eval_on_selector("[data-tc-find-help]", "f => f.hidden")
        province = next(iter(catalog.reference.provinces))
        page.click(f".tc-find-help__all a[href='#{province}']")
        shown = page.eval_on_selector_all(
            ".tc-help-province", "s => s.filter(x => getComputedStyle(x).display !== 'none').map(x => x.id)"
        )
        assert shown == [province]
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_province_page_lists_its_villages(open_page: Opener, catalog: Any, base: str, lang: str) -> None:
    province = max(
        catalog.reference.provinces, key=lambda p: (sum(1 for e in catalog.by_province.get(p, []) if e.village), p)
    )
    page = open_page(f"{lang}/provinces/{province}.html").page
    first_list = [site_relative(h, base) for h in _hrefs(page, "ul.tc-cards >> nth=0 >> .tc-card__title a")]
    villages = _sorted_ids(catalog, [e.id for e in catalog.by_province[province] if e.village], lang)
    assert first_list == [f"{lang}/entries/{v}.html" for v in villages]
