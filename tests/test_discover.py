"""The province map's join and markup, tag names and tag pages, the statistics counts (rendered, no browser)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from generator.database.validate import check_database
from generator.site import map_simplify
from generator.site.pages import render_site_pages
from generator.site.tags import RESERVED, TagIndex, normalize, tag_names
from generator.site.thailand_map import MAP_TO_PROVINCE, WATER, bucket_of, buckets, load_map, render_map

from .conftest import REPO

SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")
# The package's spellings that differ from GeoThai's (ours); every other name must match letter for letter.
SPELLING_VARIANTS = {"Buriram": "Buri Ram", "Phangnga": "Phang-nga"}


@pytest.fixture(scope="module")
def catalog() -> Any:
    cat, _ref, problems = check_database(REPO)
    assert cat is not None, [str(p) for p in problems if p.is_error]
    return cat


def _letters(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


# --------------------------------------------------------------------------- the map
def test_every_province_has_exactly_one_shape_and_every_shape_one_province(catalog: Any) -> None:
    shapes = [s.id for s in load_map().shapes]
    assert len(shapes) == len(set(shapes)), "duplicate shape ids in thailand.json"
    provinces = set(catalog.reference.provinces)
    assert len(provinces) == 77
    joined = [MAP_TO_PROVINCE[s] for s in shapes if s not in WATER]
    assert sorted(joined) == sorted(provinces), "each of our 77 provinces must have exactly one shape"
    assert set(shapes) == set(MAP_TO_PROVINCE) | WATER, "every shape is a province or water, nothing else"
    assert not WATER & set(MAP_TO_PROVINCE)


def test_the_join_pairs_the_same_names(catalog: Any) -> None:
    """No two provinces are swapped: the package's English name matches ours, bar two known spellings."""
    for shape in load_map().shapes:
        if shape.id in WATER:
            continue
        ours = catalog.reference.provinces[MAP_TO_PROVINCE[shape.id]].name.en
        assert _letters(SPELLING_VARIANTS.get(shape.name, shape.name)) == _letters(ours), (shape.id, shape.name, ours)


def test_map_paths_are_small_and_closed() -> None:
    data = load_map()
    raw = (REPO / "generator/site/mapdata/thailand.json").read_bytes()
    assert len(raw) < 40_000
    for shape in data.shapes:
        assert re.fullmatch(r"(m[-\d ]+z)+", shape.path), shape.id
        assert map_simplify.parse_rings(shape.path), shape.id


def test_map_markup_links_every_province_with_its_count(catalog: Any) -> None:
    counts = {p: len(v) for p, v in catalog.by_province.items()}
    for lang in ("th", "en"):
        result = render_map(catalog.reference, counts, lang, lambda path: "../" + path.replace(".md", ".html"))
        svg = str(result.svg)
        assert len(svg.encode("utf-8")) < 60_000
        assert svg.startswith('<svg class="tc-map__svg"') and 'role="group" aria-labelledby="tc-map-title"' in svg
        links = re.findall(r'<a class="tc-map__p tc-map__p--(\d)" href="([^"]+)" aria-label="([^"]+)"', svg)
        assert len(links) == 77
        for shade, href, label in links:
            pid = href.removeprefix("../provinces/").removesuffix(".html")
            name = catalog.reference.provinces[pid].name.get(lang)
            n = counts.get(pid, 0)
            english = f"{n} entry" if n == 1 else f"{n} entries"
            assert label == (f"{name}: {n} รายการ" if lang == "th" else f"{name}: {english}")
            assert int(shade) == bucket_of(n, result.legend)
        assert svg.count("<title") == 78  # the map's own title and one per province
        assert sorted(r.id for r in result.rows) == sorted(catalog.reference.provinces)
        assert sum(r.count for r in result.rows) == sum(counts.values())


@pytest.mark.parametrize("top", [0, 1, 2, 3, 7, 16, 150, 10_000])
def test_buckets_cover_every_count_once(top: int) -> None:
    scale = buckets({"a": top, "b": 0})
    assert scale[0].low == scale[0].high == 0
    for n in range(top + 1):
        assert sum(1 for b in scale if b.low <= n <= b.high) == 1
    assert scale[-1].high == top
    assert len(scale) <= 5


def test_simplified_borders_are_shared_exactly() -> None:
    """Neighbours keep one common line: inland provinces' points are (nearly all) points of a neighbour too."""
    rings = {s.id: map_simplify.parse_rings(s.path) for s in load_map().shapes}
    owners: dict[tuple[int, int], set[str]] = {}
    for sid, rs in rings.items():
        for ring in rs:
            for p in ring:
                owners.setdefault(p, set()).add(sid)
    inland = ["kpt", "ksn", "pct", "atg"]  # no coast, no foreign border
    for sid in inland:
        points = [p for ring in rings[sid] for p in ring]
        alone = [p for p in points if len(owners[p]) == 1]
        assert len(alone) <= 1, (sid, alone)  # the source itself has a few slivers (Phichit: 4 points)


def test_simplifier_gives_both_neighbours_the_same_line() -> None:
    """Two squares share a zigzag edge with one big bump; after simplification both hold the same points on it."""
    edge = [(100 + (2 if y % 20 else 0), y) for y in range(10, 100, 10)]  # zigzag of 2 (snap units): dropped
    edge[4] = (160, 50)  # a bump of 60: kept
    left = [(0, 0), (100, 0), *edge, (100, 100), (0, 100)]
    right = [(100, 0), (200, 0), (200, 100), (100, 100), *edge[::-1]]
    out = map_simplify.simplify({"l": [left], "r": [right]}, tolerance=1.0)  # 1.0 output unit = 5 snap units
    shared_l = [p for p in out["l"][0] if p not in {(0, 0), (0, 100)}]
    shared_r = [p for p in out["r"][0] if p not in {(200, 0), (200, 100)}]
    assert set(shared_l) == set(shared_r) == {(100, 0), (100, 40), (160, 50), (100, 60), (100, 100)}


# --------------------------------------------------------------------------- tag names
def test_tag_keys_fold_case_and_unicode_forms() -> None:
    assert normalize("Solar") == normalize("solar") == normalize("  SOLAR ")
    assert normalize("Solar  dryer") == "solar dryer"
    composed, decomposed = "café", unicodedata.normalize("NFD", "café")
    assert composed != decomposed and normalize(composed) == normalize(decomposed)
    assert normalize("กล้วยตาก") == "กล้วยตาก"


def test_tag_names_are_safe_short_distinct_and_stable(catalog: Any) -> None:
    keys = {normalize(k) for e in catalog.entries.values() for k in (*e.keywords.th, *(e.keywords.en or ()))}
    tricky = {
        "solar dryer", "solar-dryer", "solar_dryer", "solar  dryer", "Solar Dryer", "café", "cafe", "con", "aux",
        "index", "com1", "a" * 40, "a" * 41, "x.p2", "ภาษาไทย", "ภาษา ไทย", "GAP มะม่วง", "gap", "1", "-", "—",
    }  # fmt: skip
    keys |= {normalize(k) for k in tricky}
    names = tag_names(keys)
    assert len(set(names.values())) == len(names) == len(keys), "two keywords share a file name"
    assert len({n.casefold() for n in names.values()}) == len(names), "names differ only by case (FAT32)"
    for key, name in names.items():
        assert SAFE_NAME.fullmatch(name), (key, name)
        assert len(name) <= 40 + 1 + 10 and name not in RESERVED and "." not in name
    assert names["solar dryer"] == "solar-dryer" and names["biogas"] == "biogas"
    assert names["solar-dryer"] != names["solar dryer"]
    assert re.fullmatch(r"k_[0-9a-f]{10}", names[normalize("ภาษาไทย")])
    assert names[normalize("GAP มะม่วง")].startswith("gap_")
    assert tag_names(sorted(keys, reverse=True)) == names  # order of input does not matter
    assert tag_names(keys) == names  # deterministic across calls (no per-process hash seed)


def test_tag_names_never_collide_even_with_tiny_hashes() -> None:
    """With 1-hex-digit hashes nearly every Thai keyword clashes; clashing names grow until all differ."""
    keys = [f"คำสำคัญ{i}" for i in range(300)]
    names = tag_names(keys, digits=1)
    assert len(set(names.values())) == 300
    assert all(SAFE_NAME.fullmatch(n) for n in names.values())
    # A keyword that clashes with nothing keeps the short name.
    assert min(len(n) for n in names.values()) >= len("k_0")


# --------------------------------------------------------------------------- pages
@pytest.fixture(scope="module")
def pages(catalog: Any) -> dict[str, dict[str, Any]]:
    return {lang: {p.path: p for p in render_site_pages(catalog, lang)} for lang in ("th", "en")}


def test_tag_pages_list_exactly_the_entries_with_the_keyword(catalog: Any, pages: dict[str, dict[str, Any]]) -> None:
    index = TagIndex(catalog)
    assert set(pages["th"]) == set(pages["en"])  # the language switch lands on the same page
    for lang in ("th", "en"):
        tag_paths = {p for p in pages[lang] if p.startswith("tags/") and p != "tags/index.md"}
        shared = {t.path for t in index.tags.values() if len(t.entries) >= 2}
        assert tag_paths == shared and shared  # only keywords that entries share get a page; none paged here
        for entry in catalog.entries.values():
            html = pages[lang][f"entries/{entry.id}.md"].html
            for keyword in entry.keywords.get(lang):
                tag = index.tag(keyword)
                if len(tag.entries) >= 2:
                    assert f'href="../{tag.path[:-3]}.html"' in html
                    assert f'href="../entries/{entry.id}.html"' in pages[lang][tag.path].html
                else:  # shown, not linked
                    assert f'href="../{tag.path[:-3]}.html"' not in html
    for tag in (t for t in index.tags.values() if len(t.entries) >= 2):
        expected = {
            e.id
            for e in catalog.entries.values()
            if tag.key in {normalize(k) for k in (*e.keywords.th, *(e.keywords.en or ()))}
        }
        listed = set(re.findall(r'href="\.\./entries/([^"]+)\.html"', pages["th"][tag.path].html))
        assert listed == expected == set(tag.entries)


def test_tags_index_lists_each_languages_keywords_with_counts(catalog: Any, pages: dict[str, dict[str, Any]]) -> None:
    index = TagIndex(catalog)
    for lang in ("th", "en"):
        html = pages[lang]["tags/index.md"].html
        shown = re.findall(r'<a class="tc-tag" href="([^"]+)"[^>]*>[^<]*</a> <span class="tc-count">(\d+)</span>', html)
        keys = {normalize(k) for e in catalog.entries.values() for k in e.keywords.get(lang)}
        keys = {k for k in keys if len(index.tags[k].entries) >= 2}
        assert len(shown) == len(keys)
        by_path = {f"{t.path[5:-3]}.html": t for t in index.tags.values()}
        assert {by_path[href].key for href, _ in shown} == keys
        assert all(int(n) == len(by_path[href].entries) for href, n in shown)


def test_case_variants_of_a_keyword_are_one_tag(tmp_path: Path) -> None:
    """Two entries writing "Biogas" and "biogas" meet on one tag page."""
    import shutil

    root = tmp_path / "data"
    for name in ("site_config", "technologies"):
        shutil.copytree(REPO / name, root / name)
    first, second = sorted((root / "technologies").glob("*/*.yaml"))[:2]
    for path, word in ((first, "Solar Dryer"), (second, "solar  dryer")):
        text = path.read_text(encoding="utf-8")
        head = "\nkeywords:\n  th: ["
        assert head in text, path
        path.write_text(text.replace(head, head + json.dumps(word) + ", ", 1), encoding="utf-8")
    cat, _ref, problems = check_database(root)
    assert cat is not None, [str(p) for p in problems if p.is_error]
    tag = TagIndex(cat).tag("SOLAR DRYER")
    assert tag.name == "solar-dryer" and {first.stem, second.stem} <= set(tag.entries)
    assert tag.label in {"Solar Dryer", "solar dryer"}


# --------------------------------------------------------------------------- statistics
def test_stats_tables_hold_the_database_counts(catalog: Any, pages: dict[str, dict[str, Any]]) -> None:
    entries = list(catalog.entries.values())
    regions: Counter[str] = Counter()
    for e in entries:
        regions.update({catalog.reference.provinces[p].region for p in catalog.places(e)})
    years = [e.date_added.year for e in entries]
    expected = {
        "kind": Counter(e.kind for e in entries),
        "category": Counter(e.category for e in entries),
        "region": regions,
        "institution": Counter(e.institution for e in entries),
        "readiness": Counter(e.readiness or "-" for e in entries if e.kind == "technology"),
        "year": Counter(str(y) for y in years),
    }
    for lang in ("th", "en"):
        html = pages[lang]["stats.md"].html
        tables = dict(re.findall(r'<table class="tc-stats-table" data-chart="(\w+)">(.*?)</table>', html, re.S))
        assert set(tables) == set(expected)
        for chart, body in tables.items():
            rows = re.findall(r'<tr data-key="([^"]+)"><th scope="row">.*?</th><td>([\d,]+)</td></tr>', body)
            got = {k: int(n.replace(",", "")) for k, n in rows}
            assert {k: n for k, n in got.items() if n} == dict(expected[chart]), (lang, chart)
        year_rows = re.findall(r'<tr data-key="(\d{4})"><th scope="row">(\d{4})</th>', tables["year"])
        assert year_rows and all(int(shown) - int(key) == (543 if lang == "th" else 0) for key, shown in year_rows)
        assert [int(k) for k, _ in year_rows] == list(range(min(years), max(years) + 1))


def test_stats_charts_are_labelled_images_with_one_bar_per_row(pages: dict[str, dict[str, Any]]) -> None:
    for lang in ("th", "en"):
        html = pages[lang]["stats.md"].html
        charts = re.findall(r'<svg class="tc-chart"[^>]*role="img"[^>]*>(.*?)</svg>', html, re.S)
        assert len(charts) == 6
        for svg, table in zip(charts, re.findall(r"<tbody>(.*?)</tbody>", html, re.S), strict=True):
            assert re.search(r"<title id=[^>]+>[^<]+</title>", svg) and re.search(r"<desc id=[^>]+>[^<]+</desc>", svg)
            values = re.findall(r'class="tc-chart__value"[^>]*>([\d,]+)<', svg)
            assert values == re.findall(r"<td>([\d,]+)</td>", table)


def test_home_and_regions_show_the_map_and_the_stats_link(pages: dict[str, dict[str, Any]]) -> None:
    for lang in ("th", "en"):
        home = pages[lang]["index.md"].html
        assert home.count('class="tc-map__p ') == 77
        assert 'href="stats.html"' in home and 'href="tags/index.html"' in home
        assert 'class="tc-map__table"' in home  # the text alternative
        regions = pages[lang]["regions/index.md"].html
        assert 'href="../provinces/chiang-mai.html" aria-label=' in regions
