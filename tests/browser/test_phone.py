"""A 360 px phone: Thai text has room for its tone marks, tap targets are big enough, nothing scrolls sideways.

- Thai is never clipped: every visible element holding Thai text has a line height of at least 1.5× its
  font size (stacked vowels and tone marks such as น้ำ, ที่ need it), and no box that hides overflow
  cuts its text off.
- Tap targets meet WCAG 2.2's target size minimum (2.5.8): 24×24 CSS px, or spaced so that a 24 px
  circle on each small target touches no other target. Links inside sentences are exempt, as in WCAG.
- Full-page screenshots go to tests/artifacts/phone-<kind>-<lang>.png.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import Opener, Site
from .test_site import sample_path

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
KINDS = ["home", "technology", "local-wisdom", "untranslated", "category", "province", "institution", "content"]
EXTRA = {"search": "search.html?q=%E0%B8%AD%E0%B8%9A%E0%B9%81%E0%B8%AB%E0%B9%89%E0%B8%87", "data": "data.html"}

THAI_TEXT = """() => {
  const found = [], seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode()); ) {
    const e = n.parentElement;
    if (!/[\\u0E00-\\u0E7F]/.test(n.data) || seen.has(e)) continue;
    seen.add(e);
    const r = e.getBoundingClientRect();
    // Screen-reader-only text (1 px, clipped) is never drawn; skip it and anything not shown.
    if (r.width <= 1 || r.height <= 1 || !e.checkVisibility({visibilityProperty: true})) continue;
    const s = getComputedStyle(e), size = parseFloat(s.fontSize);
    const ratio = s.lineHeight === 'normal' ? 0 : parseFloat(s.lineHeight) / size;
    const hides = ['hidden', 'clip'].includes(s.overflowY) || ['hidden', 'clip'].includes(s.overflowX);
    const clipped = hides && (e.scrollHeight > e.clientHeight + 1);
    found.push({what: `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]}`,
                text: n.data.trim().slice(0, 20), ratio: Math.round(ratio * 100) / 100, lineHeight: s.lineHeight,
                clipped});
  }
  return found;
}"""

TAP_TARGETS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, label[role=button], [tabindex="0"]';
  const shown = e => e.checkVisibility({opacityProperty: true, visibilityProperty: true});
  // WCAG 2.5.8 exempts targets inside a sentence: links in running text.
  const inSentence = e => e.tagName === 'A' && !!e.closest('.tc-prose p, .md-typeset p') &&
                          e.closest('p').textContent.trim().length > e.textContent.trim().length + 10;
  const all = [...document.querySelectorAll(selector)].filter(shown)
    .map(e => ({e, rects: [...e.getClientRects()].filter(r => r.width && r.height)})).filter(t => t.rects.length);
  const small = r => r.width < 24 || r.height < 24;
  const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
  const distance = (c, r) => Math.hypot(Math.max(r.left - c[0], 0, c[0] - r.right),
                                        Math.max(r.top - c[1], 0, c[1] - r.bottom));
  const bad = [];
  // ...and targets with an equivalent control that meets the size: each province of the map is also a link in
  // the table under it (checked below like every other link).
  const hasEquivalent = e => !!e.closest('.tc-map__svg') &&
    !!document.querySelector(`.tc-map__table a[href="${e.getAttribute('href')}"]`);
  for (const t of all) {
    if (inSentence(t.e) || hasEquivalent(t.e)) continue;
    for (const r of t.rects) {
      if (!small(r)) continue;
      const c = centre(r);
      const clash = all.find(o => o !== t && o.rects.some(q =>
        distance(c, q) < 12 || (small(q) && Math.hypot(c[0] - centre(q)[0], c[1] - centre(q)[1]) < 24)));
      const label = e => (e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 20);
      if (clash) bad.push(`${t.e.tagName} "${label(t.e)}" ${Math.round(r.width)}×${Math.round(r.height)} `
                          + `next to "${label(clash.e)}"`);
    }
  }
  return {count: all.length, bad};
}"""


def top_level_pages(site: Site, lang: str) -> list[str]:
    """Pages at the top of a language folder that no kind above covers (browse, map, statistics … when built)."""
    known = {"index.html", "search.html", "data.html"}
    return sorted(p.name for p in (site.root / lang).glob("*.html") if p.name not in known)


def pages(site: Site, catalog: Any, lang: str) -> list[tuple[str, str]]:
    """(kind, path) of every page this test opens."""
    out = [(kind, sample_path(catalog, kind)) for kind in KINDS]
    out += list(EXTRA.items())
    out += [(name.removesuffix(".html"), name) for name in top_level_pages(site, lang)]
    return out


@pytest.mark.parametrize("lang", ["th", "en"])
def test_thai_has_room_tap_targets_are_big_and_nothing_overflows(
    browser: Any, site: Site, catalog: Any, artifacts: Path, lang: str
) -> None:
    opener = Opener(browser, site.http_base)
    problems: list[str] = []
    try:
        ctx = opener.context(viewport=PHONE, is_mobile=True, has_touch=True)
        thai_seen = 0
        for kind, path in pages(site, catalog, lang):
            visit = opener(f"{lang}/{path}", context=ctx)
            page = visit.page
            page.evaluate("async () => { await document.fonts.ready; }")
            if kind == "search":
                page.locator("#tc-search-page-panel .tc-result").first.wait_for(timeout=5000)
            # Compared with the phone's width: a mobile browser widens innerWidth (zooms out) to fit wide content.
            width = page.evaluate("() => document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                problems.append(f"{lang}/{path}: {width} px wide on a {PHONE['width']} px phone")
            texts = page.evaluate(THAI_TEXT)
            thai_seen += len(texts)
            for t in texts:
                if t["ratio"] < 1.5:
                    problems.append(f"{lang}/{path}: {t['what']} {t['text']!r} line-height {t['lineHeight']} (<1.5×)")
                if t["clipped"]:
                    problems.append(f"{lang}/{path}: {t['what']} {t['text']!r} is cut off")
            targets = page.evaluate(TAP_TARGETS)
            assert targets["count"] >= 3, f"{lang}/{path}: only {targets['count']} tap targets found"
            problems += [f"{lang}/{path}: small tap target {b}" for b in targets["bad"]]
            page.screenshot(path=str(artifacts / f"phone-{kind}-{lang}.png"), full_page=True)
            page.close()
        # English pages hold Thai too (the switch, untranslated entries, Thai place names), just less of it.
        assert thai_seen > (100 if lang == "th" else 10), f"only {thai_seen} Thai text elements: too few to judge"
        assert problems == [], "\n".join(problems)
    finally:
        opener.close()
