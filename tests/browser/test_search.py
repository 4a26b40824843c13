"""Search in Chromium against the built sample site, over HTTP and from file:// with no network."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.site.spelling import fold
from generator.thai import normalize_for_search

from ..test_spelling import KEPT, SAME

pytestmark = pytest.mark.browser

QUERIES = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "search_queries.yaml").read_text("utf-8"))[
    "queries"
]

# Every result's address, best first. An entry is expected among the first five results other than LISTINGS: the
# pages that list a province's, institution's … entries come first when a query names one, as a reader would want,
# and are judged on their own.
LISTINGS = ("provinces/", "regions/", "categories/", "institutions/")
RUN_QUERY = """q => window.tcSearch.search(q).results.map(r => window.__tcSearchIndex.docs[r[0]][0])"""


def _load_index(visit: Any) -> None:
    visit.page.evaluate("() => window.tcSearch.load(document.querySelector('form[data-tc-search]'))")


def test_query_set_recall_and_mrr(open_page: Any, base_kind: str) -> None:
    assert len(QUERIES) >= 60
    pages = {}
    for lang in ("th", "en"):
        pages[lang] = open_page(f"{lang}/index.html")
        _load_index(pages[lang])
    failures, reciprocal, by_type = [], [], {}
    for q in QUERIES:
        urls = pages[q["lang"]].page.evaluate(RUN_QUERY, q["q"])
        if q["type"] != "listing" and q["expect"] != "none":
            urls = [u for u in urls if not u.startswith(LISTINGS)]
        ids = [u.rsplit("/", 1)[-1].removesuffix(".html") for u in urls[:5]]
        if q["expect"] == "none":
            ok, rr = not ids, 1.0 if not ids else 0.0
        else:
            ok = q["expect"] in ids
            rr = 1 / (ids.index(q["expect"]) + 1) if ok else 0.0
        reciprocal.append(rr)
        by_type.setdefault(q["type"], []).append(ok)
        if not ok:
            failures.append(f"{q['lang']} {q['q']!r}: expected {q['expect']}, got {ids}")
    recall = sum(1 for ok in (o for v in by_type.values() for o in v) if ok) / len(QUERIES)
    mrr = sum(reciprocal) / len(reciprocal)
    report = ", ".join(f"{t} {sum(v)}/{len(v)}" for t, v in by_type.items())
    print(f"\nsearch over {base_kind}: recall@5 {recall:.3f}, MRR {mrr:.3f} ({len(QUERIES)} queries; {report})")
    assert not failures, "\n".join(failures)
    for visit in pages.values():
        assert visit.console_errors == [] and visit.page_errors == []
    assert open_page.net.foreign == []


def test_typing_in_the_header_box_shows_highlighted_results(open_page: Any) -> None:
    visit = open_page("th/entries/community-rice-mill.html")
    box = visit.page.locator("#tc-search-input")
    box.click()
    box.press_sequentially("อบแห้ง", delay=20)  # real key events, as a reader types
    panel = visit.page.locator("#tc-search-panel")
    # results update while typing; wait for those of the whole word
    visit.page.wait_for_function(
        "() => [...document.querySelectorAll('#tc-search-panel .tc-result mark')].some(m => m.textContent === 'อบแห้ง')",
        timeout=5000,
    )
    first = panel.locator(".tc-result").first
    assert first.locator("mark").first.inner_text() == "อบแห้ง"
    meta = first.locator(".tc-result__meta").inner_text()
    assert "เทคโนโลยี" in meta or "ภูมิปัญญาท้องถิ่น" in meta
    assert "พบ" in panel.locator("[data-status]").inner_text()
    href = first.locator("a.tc-result__title").get_attribute("href")
    first.locator("a.tc-result__title").click()
    visit.page.wait_for_load_state("load")
    assert visit.page.url.endswith(href.lstrip("./").removeprefix("../")), (visit.page.url, href)
    assert visit.console_errors == [] and visit.page_errors == []


def test_a_province_name_offers_its_page_first(open_page: Any) -> None:
    """โคราช (Nakhon Ratchasima's everyday name) → the province's page, with its entries and the clinics serving it."""
    visit = open_page("th/index.html")
    box = visit.page.locator("#tc-search-input")
    box.click()
    box.press_sequentially("โคราช", delay=20)
    first = visit.page.locator("#tc-search-panel .tc-result").first
    first.locator("a[href$='provinces/nakhon-ratchasima.html']").wait_for(timeout=5000)
    assert first.locator("a.tc-result__title").inner_text() == "นครราชสีมา"
    assert first.locator(".tc-result__meta").inner_text() == "หน้าข้อมูล · จังหวัด"
    assert first.locator(".tc-result__snippet").inner_text() == "1 รายการ"
    with visit.page.expect_navigation(wait_until="load"):
        first.locator("a.tc-result__title").click()
    assert visit.page.url.endswith("/th/provinces/nakhon-ratchasima.html")
    assert "bag-biogas-digester" in visit.page.locator(".md-content").inner_html()
    assert visit.console_errors == [] and visit.page_errors == []


def test_a_province_result_names_the_clinics_serving_it(open_page: Any, catalog: Any) -> None:
    visit = open_page("th/search.html?q=เชียงใหม่")
    first = visit.page.locator(".tc-result").first
    first.locator("a[href$='provinces/chiang-mai.html']").wait_for(timeout=5000)
    clinics = ", ".join(i.short.th for i in catalog.clinics_serving("chiang-mai"))
    count = len(catalog.by_province["chiang-mai"])
    snippet = f"{count} รายการ · คลินิกเทคโนโลยีที่ให้บริการในจังหวัดนี้: {clinics}"
    assert first.locator(".tc-result__snippet").inner_text() == snippet


def test_enter_opens_the_results_page(open_page: Any) -> None:
    visit = open_page("en/index.html")
    box = visit.page.locator("#tc-search-input")
    box.fill("indigo")
    box.press("Enter")
    visit.page.wait_for_load_state("load")
    assert "/en/search.html?q=indigo" in visit.page.url
    results = visit.page.locator("#tc-search-page-panel .tc-result")
    results.first.wait_for(timeout=5000)
    assert results.count() >= 2
    assert visit.page.locator("#tc-search-page-input").input_value() == "indigo"
    assert visit.console_errors == [] and visit.page_errors == []


def test_nothing_found_says_so(open_page: Any) -> None:
    visit = open_page("th/search.html?q=คอมพิวเตอร์ควอนตัม")
    status = visit.page.locator("#tc-search-page-panel [data-status]")
    status.wait_for(timeout=5000)
    visit.page.wait_for_function("() => document.querySelector('#tc-search-page-panel [data-status]').textContent")
    assert status.inner_text() == "ไม่พบรายการที่ตรงกับคำค้น"
    assert visit.page.locator("#tc-search-page-panel .tc-result").count() == 0
    # and where to go next: browsing, or a clinic near the reader
    nxt = visit.page.locator("#tc-search-page-panel [data-none-next]")
    assert nxt.is_visible() and nxt.inner_text().startswith("ลองใช้คำที่สั้นลงหรือคำอื่น")
    assert [a.get_attribute("href") for a in nxt.locator("a").all()] == ["browse.html", "find-help.html"]


@pytest.mark.parametrize(
    ("query", "fixed", "entry"),
    [("indgo", "indigo", "sakon-nakhon-natural-indigo"), ("soalr dryer", "solar dryer", "solar-dome-dryer-banana")],
)
def test_a_typo_shows_what_its_correction_finds_and_says_so(open_page: Any, query: str, fixed: str, entry: str) -> None:
    visit = open_page(f"en/search.html?q={query}")
    status = visit.page.locator("#tc-search-page-panel [data-status]")
    visit.page.wait_for_function("() => document.querySelector('#tc-search-page-panel [data-status]').textContent")
    assert status.inner_text().startswith(f"Nothing for “{query}”; showing “{fixed}”. ")
    hrefs = visit.page.locator("#tc-search-page-panel a.tc-result__title").evaluate_all(
        "as => as.map(a => a.getAttribute('href'))"
    )
    assert f"./entries/{entry}.html" in hrefs
    assert not visit.page.locator("#tc-search-page-panel [data-none-next]").is_visible()


def test_the_header_box_offers_next_steps_only_when_nothing_is_found(open_page: Any) -> None:
    visit = open_page("en/entries/community-rice-mill.html")
    box, panel = visit.page.locator("#tc-search-input"), visit.page.locator("#tc-search-panel")
    nxt = panel.locator("[data-none-next]")
    box.click()
    box.press_sequentially("xylophone", delay=20)
    nxt.wait_for(state="visible", timeout=5000)
    assert panel.locator("[data-status]").inner_text() == "No matching entries."
    with visit.page.expect_navigation(wait_until="load"):
        nxt.locator("a", has_text="Find help in my province").click()
    assert visit.page.url.endswith("/en/find-help.html")
    visit.page.go_back(wait_until="load")
    box = visit.page.locator("#tc-search-input")
    box.fill("")
    box.press_sequentially("durian", delay=20)
    visit.page.locator("#tc-search-panel .tc-result").first.wait_for(timeout=5000)
    assert not visit.page.locator("#tc-search-panel [data-none-next]").is_visible()
    assert visit.console_errors == [] and visit.page_errors == []


@pytest.mark.parametrize(("query", "said"), [("histamine", "1 result"), ("durian", "2 results")])
def test_english_says_result_for_one(open_page: Any, query: str, said: str) -> None:
    visit = open_page(f"en/search.html?q={query}")
    status = visit.page.locator("#tc-search-page-panel [data-status]")
    visit.page.wait_for_function("() => document.querySelector('#tc-search-page-panel [data-status]').textContent")
    assert status.inner_text() == said
    assert visit.page.locator("#tc-search-page-panel .tc-result").count() == int(said.split()[0])


def test_titles_and_keywords_rank_above_body_text(open_page: Any, catalog: Any) -> None:
    visit = open_page("th/index.html")
    _load_index(visit)
    for query in ("ลำไย", "กล้วยตาก", "จิ้งหรีด"):
        urls = visit.page.evaluate(
            "q => window.tcSearch.search(q).results.map(r => window.__tcSearchIndex.docs[r[0]][0])", query
        )
        ids = [u.rsplit("/", 1)[-1].removesuffix(".html") for u in urls if u.startswith("entries/")]
        in_title = [i for i in ids if query in catalog.entries[i].title.th or query in catalog.entries[i].keywords.th]
        body_only = [i for i in ids if i not in in_title]
        assert in_title, query
        # every entry with the word in its title or keywords comes before every entry with it only in the text
        assert ids[: len(in_title)] == in_title, (query, ids)
        assert all(ids.index(b) > ids.index(t) for b in body_only for t in in_title)


def test_the_browser_folds_spellings_as_the_index_did(open_page: Any) -> None:
    """The rules travel in the index; JavaScript's regular expressions must read them as Python's did."""
    visit = open_page("en/index.html")
    _load_index(visit)
    visit.page.wait_for_function("() => window.__tcSearchIndex")
    words = [w for pair in SAME for w in pair] + KEPT + ["fertiliz", "colours", "flour", "propellers", "ploughs"]
    assert visit.page.evaluate("ws => ws.map(w => window.tcSearch.foldSpelling(w))", words) == [fold(w) for w in words]
    # and a reader typing American English finds the British entry
    found = visit.page.evaluate(RUN_QUERY, "fertilizer")
    assert found[0] == "entries/fish-waste-liquid-fertiliser.html"


def test_arrow_keys_walk_the_results_and_escape_returns_to_the_box(open_page: Any) -> None:
    visit = open_page("en/entries/community-rice-mill.html")
    page = visit.page
    box = page.locator("#tc-search-input")
    box.click()
    box.press_sequentially("indigo", delay=20)
    results = page.locator("#tc-search-panel a.tc-result__title")
    results.first.wait_for(timeout=5000)
    page.wait_for_timeout(200)  # the last keystroke's redraw
    hrefs = results.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    focused = "() => document.activeElement.getAttribute('href') || document.activeElement.id"
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == hrefs[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == hrefs[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate(focused) == "tc-search-input"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    assert page.evaluate(focused) == "tc-search-input"
    assert not page.locator("#tc-search-panel").is_visible()
    assert visit.console_errors == [] and visit.page_errors == []


def test_the_browser_normalises_a_query_as_the_index_did(open_page: Any) -> None:
    """Thai digits, sara am typed as two characters, เเ for แ, zero-width characters, capitals: both sides agree."""
    texts = ["มผช. ๑๒๓/๒๕๖๑", "ปี 2567", "น\u0e4d\u0e32ผึ้ง", "เเปรรูป", "มะ\u200bม่วง", "GMP Certified", "ผ้า\u00adไหม"]
    visit = open_page("th/index.html")
    assert visit.page.evaluate("ts => ts.map(t => window.tcSearch.normalize(t))", texts) == [
        normalize_for_search(t) for t in texts
    ]
    assert normalize_for_search("๒๕๖๗") == "2567"


@pytest.mark.parametrize(("lang", "query", "marked"), [("th", "ลำใย", "ลำไย"), ("en", "fertilizer", "fertiliser")])
def test_words_found_loosely_are_marked_as_the_page_writes_them(
    open_page: Any, lang: str, query: str, marked: str
) -> None:
    visit = open_page(f"{lang}/search.html?q={query}")
    visit.page.locator("#tc-search-page-panel mark").first.wait_for(timeout=5000)
    marks = visit.page.locator("#tc-search-page-panel mark").evaluate_all("ms => ms.map(m => m.textContent)")
    assert marked in marks
