"""axe-core in Chromium: no serious or critical accessibility violation on any kind of page, in both languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import Opener, Site

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "index.html",
    "entries/solar-dome-dryer-banana.html",  # technology with an image
    "entries/sakon-nakhon-natural-indigo.html",  # local wisdom
    "entries/bang-sa-kao-reed-mat.html",  # no English
    "categories/index.html",
    "categories/food-processing.html",
    "regions/index.html",
    "regions/northeast.html",
    "provinces/sakon-nakhon.html",
    "institutions/index.html",
    "institutions/kku.html",
    "audiences/otop-startup.html",
    "value-chain/midstream.html",
    "kinds/local-wisdom.html",
    "about/technology-clinic.html",
    "help/get-help.html",
    "maintainers.html",  # the maintainers' overview table (generator/contrib/maintainers.py)
    "maintainers/rmutt.html",  # one institution's entries to review and to translate
    "search.html?q=%E0%B8%84%E0%B8%A3%E0%B8%B2%E0%B8%A1",  # ?q=คราม: the results page with results
    "entries/mae-kampong-coffee-village.html",  # S&T village
    "kinds/village.html",
    "services.html",
    "find-help.html#chiang-mai",
    "browse.html#kind=technology&region=northeast",
    "data.html",
    "stats.html",  # bar charts and tables (the map is on index.html and regions/index.html)
    "tags/index.html",
    "tags/biogas.html",
]


def pages_of(site: Site, lang: str) -> list[str]:
    """PAGES, plus every other page at the top of the language folder (browse, map, statistics … once built)."""
    listed = {p.split("?", 1)[0] for p in PAGES}
    return PAGES + sorted(p.name for p in (site.root / lang).glob("*.html") if p.name not in listed)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_serious_or_critical_violations(browser: Any, site: Site, lang: str) -> None:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci --prefix tests` (scripts/test.sh does)")
    opener = Opener(browser, site.http_base)
    try:
        # axe is injected as a script; the page's own CSP would (rightly) refuse it.
        ctx = opener.context(bypass_csp=True)
        report = []
        for path in pages_of(site, lang):
            visit = opener(f"{lang}/{path}", context=ctx)
            if "search.html" in path:
                visit.page.locator("#tc-search-page-panel .tc-result").first.wait_for(timeout=5000)
            visit.page.add_script_tag(path=str(AXE))
            violations = visit.page.evaluate(
                """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
                     .filter(v => v.impact === 'serious' || v.impact === 'critical')
                     .map(v => ({id: v.id, impact: v.impact,
                                 nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"""
            )
            for v in violations:
                report.append(f"{lang}/{path}: {v['impact']} {v['id']} at {v['nodes']}")
            visit.page.close()
        assert report == [], "\n".join(report)
    finally:
        opener.close()
