"""Keyboard only: Tab through the Thai home page and an entry page on a 360 px phone (and a desktop).

The skip link comes first; the menu button, the search box, the language switch and the page's own
links are all reached; every focused element is visible, on screen and marked by a focus outline;
the skip link, the menu button and the language switch work with Enter (and Escape closes the menu).
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Opener, Site
from .test_site import sample_path, site_relative

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
MAX_TABS = 200
# What Tab landed on: identity, box, whether it is drawn and whether a focus indicator is drawn around it.
FOCUSED = """async () => {
  // Let focus transitions (the skip link slides in) finish before judging visibility.
  await Promise.race([Promise.all(document.getAnimations().map(a => a.finished)),
                      new Promise(r => setTimeout(r, 600))]);
  const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return {
    tag: e.tagName, id: e.id, cls: String(e.className || ''), href: e.getAttribute('href') || '',
    text: (e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 40),
    inContent: !!e.closest('.md-content'), switch: e.hasAttribute('data-tc-switch'),
    menu: e.matches('button.tc-menu'),
    width: r.width, height: r.height,
    onScreen: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
    visible: e.checkVisibility({opacityProperty: true, visibilityProperty: true}),
    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
    shadow: s.boxShadow !== 'none',
  };
}"""


def tab_through(page: Any) -> list[dict[str, Any]]:
    """Press Tab until focus leaves the page (back to the body) or comes round to the first stop again."""
    stops: list[dict[str, Any]] = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUSED)
        if info["tag"] == "BODY" or (stops and info == stops[0]):
            return stops
        stops.append(info)
    pytest.fail(f"more than {MAX_TABS} tab stops: focus may be trapped")


def name(stop: dict[str, Any]) -> str:
    return f"{stop['tag']}.{stop['cls'][:30]} {stop['href'] or stop['id']} {stop['text']!r}"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
@pytest.mark.parametrize("what", ["home", "local-wisdom"])
def test_every_tab_stop_is_visible_and_the_essentials_are_reached(
    browser: Any, site: Site, catalog: Any, what: str, viewport: dict[str, int]
) -> None:
    opener = Opener(browser, site.http_base)
    try:
        visit = opener(f"th/{sample_path(catalog, what)}", viewport=viewport)
        stops = tab_through(visit.page)
        assert stops, "Tab reaches nothing"
        assert "md-skip" in stops[0]["cls"] and stops[0]["href"].startswith("#"), name(stops[0])
        hidden = [name(s) for s in stops if not (s["visible"] and s["onScreen"] and s["width"] and s["height"])]
        assert hidden == [], f"focus went to elements that cannot be seen: {hidden}"
        unmarked = [name(s) for s in stops if not (s["outline"] or s["shadow"])]
        assert unmarked == [], f"no focus indicator on: {unmarked}"
        ids = [s["id"] for s in stops]
        assert "tc-search-input" in ids, "the search box is never reached"
        assert any(s["switch"] for s in stops), "the language switch is never reached"
        content = [s for s in stops if s["inContent"]]
        links_in_content = visit.page.locator(".md-content a[href]").evaluate_all(
            "as => as.filter(a => a.checkVisibility()).length"
        )
        assert len(content) >= links_in_content >= 5, (len(content), links_in_content)
        menu = [s for s in stops if s["menu"]]
        assert len(menu) == (1 if viewport is PHONE else 0), "the menu button is a tab stop exactly on small screens"
    finally:
        opener.close()


def test_skip_link_moves_focus_to_the_content(browser: Any, site: Site, catalog: Any) -> None:
    opener = Opener(browser, site.http_base)
    try:
        page = opener(f"th/{sample_path(catalog, 'local-wisdom')}", viewport=PHONE).page
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        after = page.evaluate(FOCUSED)
        assert after["inContent"], f"after the skip link, Tab went to {name(after)}"
    finally:
        opener.close()


def test_menu_opens_and_closes_from_the_keyboard(browser: Any, site: Site) -> None:
    opener = Opener(browser, site.http_base)
    try:
        page = opener("th/index.html", viewport=PHONE).page
        button = page.locator(".md-header button.tc-menu")
        assert button.get_attribute("aria-label") == "ตัวนำทาง" and button.is_visible()
        assert not page.locator('.md-header label[for="__drawer"]').is_visible()
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUSED)["menu"]
        assert button.get_attribute("aria-expanded") == "false"
        page.keyboard.press("Enter")
        assert page.locator("#__drawer").is_checked() and button.get_attribute("aria-expanded") == "true"
        # With the drawer open, Tab walks into its (now visible) links.
        drawer_stop = None
        for _ in range(6):
            page.keyboard.press("Tab")
            stop = page.evaluate(FOCUSED)
            if stop["href"] and page.evaluate("() => !!document.activeElement.closest('.md-nav--primary')"):
                drawer_stop = stop
                break
        assert drawer_stop is not None and drawer_stop["visible"] and drawer_stop["onScreen"]
        page.keyboard.press("Escape")
        assert not page.locator("#__drawer").is_checked()
        assert page.evaluate(FOCUSED)["menu"], "Escape should return focus to the menu button"
        page.keyboard.press(" ")
        assert page.locator("#__drawer").is_checked()
        page.keyboard.press("Escape")
        button.click()  # a tap opens it too, and a tap beside the open drawer closes it
        assert page.locator("#__drawer").is_checked() and button.get_attribute("aria-expanded") == "true"
        page.mouse.click(PHONE["width"] - 20, 400)
        assert not page.locator("#__drawer").is_checked() and button.get_attribute("aria-expanded") == "false"
    finally:
        opener.close()


@pytest.mark.parametrize("what", ["home", "local-wisdom"])
def test_enter_on_the_language_switch_opens_the_other_language(
    browser: Any, site: Site, catalog: Any, what: str
) -> None:
    opener = Opener(browser, site.http_base)
    try:
        path = sample_path(catalog, what)
        page = opener(f"th/{path}", viewport=PHONE).page
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate(FOCUSED)["switch"]:
                break
        else:
            pytest.fail("the language switch is not among the first ten tab stops")
        with page.expect_navigation(wait_until="load"):
            page.keyboard.press("Enter")
        assert site_relative(page.url, site.http_base) == f"en/{path}"
        assert page.locator("html").get_attribute("lang") == "en"
    finally:
        opener.close()


# Drawn and not covered: the element at the middle of its first line is the focused one (or inside it).
UNCOVERED = """() => { const e = document.activeElement, r = e.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 12));
  return {uncovered: !!hit && (hit === e || e.contains(hit)), url: e.href || ''}; }"""


def drawer_stops(page: Any) -> list[dict[str, Any]]:
    """With the drawer open, Tab on until focus leaves it: every stop inside the drawer, in order."""
    stops: list[dict[str, Any]] = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUSED)
        in_drawer = page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')")
        if stops and not in_drawer:
            return stops
        if in_drawer:
            info.update(page.evaluate(UNCOVERED))
            stops.append(info)
    pytest.fail(f"more than {MAX_TABS} tab stops: focus may be trapped")


def nav_links(page: Any) -> set[str]:
    """Every page the open drawer shows, as full addresses (not the logo, nor the page's own contents)."""
    return set(
        page.locator(".md-nav--primary > .md-nav__list a.md-nav__link[href]").evaluate_all(
            "as => as.filter(a => a.checkVisibility() && !a.closest('.md-nav--secondary')).map(a => a.href)"
        )
    )


@pytest.mark.parametrize("what", ["home", "about"])
def test_every_page_of_the_open_drawer_is_reached_and_seen_from_the_keyboard(
    browser: Any, site: Site, what: str
) -> None:
    """Material slid each nav section in as a see-through sub-panel that still took focus: Tab walked onto
    links nobody could see (a blank drawer). Sections now open in place, and a closed page-contents panel
    takes no focus."""
    opener = Opener(browser, site.http_base)
    try:
        page = opener("th/" + ("index.html" if what == "home" else "about/technology-clinic.html"), viewport=PHONE).page
        if what == "about":
            assert page.locator(".md-nav--primary .md-nav--secondary a").count() > 0, "this page should have contents"
        page.locator(".md-header button.tc-menu").focus()
        page.keyboard.press("Enter")
        stops = drawer_stops(page)
        unseen = [name(s) for s in stops if not (s["visible"] and s["onScreen"] and s["uncovered"])]
        assert unseen == [], f"focus went to drawer items that cannot be seen: {unseen}"
        reached = {s["url"] for s in stops}
        missing = nav_links(page) - reached
        assert missing == set(), f"pages of the menu Tab never reaches: {missing}"
        for section_page in ("th/about/sti-coupon.html", "th/help/get-help.html"):  # inside the two sections
            assert site.http_base + section_page in reached, section_page
        assert not any(s["href"].startswith("#") for s in stops), "the closed page contents took focus"
    finally:
        opener.close()


def test_without_javascript_the_menu_opens_from_the_keyboard(browser: Any, site: Site) -> None:
    """No script (blocked, or a very old phone): Tab reaches the menu's checkbox, named, with its focus shown on
    the menu icon; Space opens the drawer and every page in it is reached and seen; Space closes it again."""
    opener = Opener(browser, site.http_base)
    try:
        page = opener("th/index.html", viewport=PHONE, java_script_enabled=False).page
        assert page.locator("html.no-js").count() == 1
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.id") == "__drawer"
        assert page.get_by_role("checkbox", name="ตัวนำทาง").count() == 1  # the name starts with Material's "nav"
        icon = page.locator('.md-header label[for="__drawer"]')
        assert icon.evaluate("e => getComputedStyle(e).outlineStyle") == "solid", "focus is not shown on the icon"
        page.keyboard.press(" ")
        assert page.locator("#__drawer").is_checked()
        page.wait_for_timeout(400)  # the drawer slides in
        stops = drawer_stops(page)
        unseen = [name(s) for s in stops if not (s["visible"] and s["onScreen"] and s["uncovered"])]
        assert unseen == [], f"focus went to drawer items that cannot be seen: {unseen}"
        assert nav_links(page) - {s["url"] for s in stops} == set()
        page.locator("#__drawer").focus()
        page.keyboard.press(" ")
        assert not page.locator("#__drawer").is_checked()
    finally:
        opener.close()
