"""Real builds of the site: both languages, deterministic, atomic, escaped, offline-safe."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest

from generator.site.build import SITE_TOP, build_site
from generator.site.search import decode_postings

from .conftest import REPO

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)


def _data_root(target: Path) -> Path:
    """A data-only copy of the repository (the generator's own mkdocs.yml and theme are used)."""
    for name in ("site_config", "technologies", "content"):
        shutil.copytree(REPO / name, target / name)
    return target


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    assert build_site(REPO, out) == 0
    return out


SITE_URL = "https://techclinic.example.org/db"


@pytest.fixture(scope="module")
def built_with_url(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site-url") / "site"
    assert build_site(REPO, out, base_url=SITE_URL) == 0
    return out


def test_both_languages_have_the_same_pages(built: Path) -> None:
    th = {p.relative_to(built / "th").as_posix() for p in (built / "th").rglob("*.html")}
    en = {p.relative_to(built / "en").as_posix() for p in (built / "en").rglob("*.html")}
    assert th == en
    assert "entries/solar-dome-dryer-banana.html" in th
    assert "about/technology-clinic.html" in th and "help/get-help.html" in th
    assert (built / "index.html").is_file()


def test_html_lang_and_switch(built: Path) -> None:
    th = (built / "th/entries/solar-dome-dryer-banana.html").read_text(encoding="utf-8")
    en = (built / "en/entries/solar-dome-dryer-banana.html").read_text(encoding="utf-8")
    assert '<html lang="th"' in th and '<html lang="en"' in en
    assert 'href="../../en/entries/solar-dome-dryer-banana.html" hreflang="en"' in th
    assert 'href="../../th/entries/solar-dome-dryer-banana.html" hreflang="th"' in en


def test_thai_dates_are_buddhist_era(built: Path) -> None:
    th = (built / "th/entries/indigo-dye-natural-mordant.html").read_text(encoding="utf-8")
    en = (built / "en/entries/indigo-dye-natural-mordant.html").read_text(encoding="utf-8")
    years_th = {int(y) for y in re.findall(r"(?:เพิ่มเมื่อ|ตรวจทานล่าสุด) \d+ \S+ (\d{4})", th)}
    years_en = {int(y) for y in re.findall(r"(?:Added|Last reviewed) \d+ \w+ (\d{4})", en)}
    assert years_th and all(y > 2500 for y in years_th)
    assert years_en and all(y < 2100 for y in years_en)
    assert {y - 543 for y in years_th} == years_en


def test_no_reference_to_other_hosts_in_assets_or_pages(built: Path) -> None:
    for page in built.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        # only <a href> may point elsewhere (links a reader chooses to follow); nothing is loaded from elsewhere
        for tag in re.findall(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>", html):
            assert not EXTERNAL.search(tag), f"{page}: {tag}"
    for css in built.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8")


def test_site_is_readable_like_any_new_folder(built: Path, tmp_path: Path) -> None:
    """The site folder was made private by mkdtemp (0o700): a web server running as another user got 403s."""
    (tmp_path / "probe").mkdir()
    (tmp_path / "probe.txt").write_text("x")
    folder_mode = stat.S_IMODE((tmp_path / "probe").stat().st_mode)
    file_mode = stat.S_IMODE((tmp_path / "probe.txt").stat().st_mode)
    assert stat.S_IMODE(built.stat().st_mode) == folder_mode
    odd = [
        (p.relative_to(built).as_posix(), oct(stat.S_IMODE(p.stat().st_mode)))
        for p in built.rglob("*")
        if stat.S_IMODE(p.stat().st_mode) != (folder_mode if p.is_dir() else file_mode)
    ]
    assert odd == []


def test_build_is_deterministic(built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert build_site(REPO, again) == 0
    assert _digest(again) == _digest(built)


def test_failed_build_leaves_previous_site_untouched(tmp_path: Path) -> None:
    root = _data_root(tmp_path / "data")
    out = tmp_path / "out"
    assert build_site(root, out) == 0
    before = _digest(out)
    (root / "technologies" / "rmutt" / "broken.yaml").write_text("id: broken\ntitle: [\n", encoding="utf-8")
    assert build_site(root, out) == 1
    assert _digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "out"]  # no half-written folders left


def test_a_folder_holding_other_files_or_a_file_is_never_replaced(tmp_path: Path, capsys: Any) -> None:
    """`build --out .` used to move the repository aside and delete it once the site was in its place."""
    mine = tmp_path / "work"
    (mine / "notes").mkdir(parents=True)
    (mine / "notes" / "plan.txt").write_text("keep me", encoding="utf-8")
    (mine / "index.html").write_text("mine", encoding="utf-8")
    before = _digest(mine)
    assert build_site(REPO, mine) == 2
    assert _digest(mine) == before
    err = capsys.readouterr().err
    assert "holds files that a build does not make (notes)" in err and "กรุณาใช้โฟลเดอร์ใหม่หรือโฟลเดอร์ว่าง" in err
    a_file = tmp_path / "site.txt"
    a_file.write_text("a file", encoding="utf-8")
    assert build_site(REPO, a_file) == 2 and a_file.read_text(encoding="utf-8") == "a file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site.txt", "work"]  # nothing made beside them


@pytest.mark.parametrize("url", ["not a url", "example.org/techclinic", "ftp://example.org/", "https://x.org/?a=1"])
def test_a_base_url_that_is_not_a_web_address_is_refused_at_once(tmp_path: Path, capsys: Any, url: str) -> None:
    """MkDocs refused it only after the check and the picture copies, once per language."""
    assert build_site(REPO, tmp_path / "site", base_url=url) == 2
    assert "is not a web address" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_rebuild_replaces_only_the_site(built: Path, built_with_url: Path, tmp_path: Path) -> None:
    """A previous site is replaced; a neighbour named like the old temporary folder (site.old) is left alone."""
    for site in (built, built_with_url):  # what output_problem accepts covers a whole build (sitemap.xml too)
        assert {p.name for p in site.iterdir()} <= SITE_TOP
    assert "sitemap.xml" in {p.name for p in built_with_url.iterdir()}
    out = tmp_path / "site"
    shutil.copytree(built, out)
    (out / "th" / "stale.html").write_text("from an older build", encoding="utf-8")
    (out / ".DS_Store").write_bytes(b"\0")  # macOS Finder was opened on the site
    (tmp_path / "site.old").mkdir()
    (tmp_path / "site.old" / "mine.txt").write_text("keep me", encoding="utf-8")
    assert build_site(REPO, out) == 0
    assert not (out / "th" / "stale.html").exists() and _digest(out) == _digest(built)
    assert (tmp_path / "site.old" / "mine.txt").read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "site.old"]


def test_hostile_text_is_escaped_everywhere(tmp_path: Path) -> None:
    root = _data_root(tmp_path / "data")
    entry = root / "technologies" / "rmutt" / "pasteurised-marian-plum-juice.yaml"
    text = entry.read_text(encoding="utf-8")
    payload = '</title><script>alert(1)</script><img src=x onerror=alert(2)>"'
    text = re.sub(r"(?m)^(title:\n  th: )(.*)$", lambda m: m.group(1) + "'" + payload + "'", text, count=1)
    text = re.sub(
        r"(?m)^(summary:\n  th: )(.*)$", lambda m: m.group(1) + "'\" onmouseover=alert(3) x=\"'", text, count=1
    )
    entry.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert build_site(root, out) == 0
    page = (out / "th/entries/pasteurised-marian-plum-juice.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page
    markup = re.sub(r'<script type="application/ld\+json">.*?</script>', "", page, flags=re.DOTALL)
    assert '" onmouseover=alert(3)' not in markup  # the quote never closes an attribute (JSON-LD escapes it)
    title = re.search(r"<title>(.*?)</title>", page, re.DOTALL)
    assert title and "&lt;/title&gt;&lt;script&gt;" in title.group(1)
    for other in (out / "th").rglob("*.html"):
        assert "<script>alert(1)" not in other.read_text(encoding="utf-8"), other
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
    assert ld and "</" not in ld.group(1)  # no text can close the JSON-LD block
    import json

    assert json.loads(ld.group(1))["name"] == payload


def test_a_wide_picture_is_shown_as_a_lighter_copy_linked_to_the_original(tmp_path: Path) -> None:
    image = pytest.importorskip("PIL.Image")
    from generator.site.imagesize import image_size

    root = _data_root(tmp_path / "data")
    picture = root / "technologies/cmu/bo-sang-paper-umbrella/paper-umbrellas.jpg"
    noise = image.frombytes("RGB", (200, 125), (bytes(range(256)) * 293)[:75_000])
    noise.resize((1600, 1000), image.Resampling.BICUBIC).save(picture, quality=90)  # as a contributor's photo
    shutil.copy(picture, picture.with_name("inline.jpg"))  # a picture shown only inside the description
    entry = root / "technologies/cmu/bo-sang-paper-umbrella.yaml"
    text = entry.read_text(encoding="utf-8").replace("\n    ### ", "\n    ![ร่มกระดาษสา](inline.jpg)\n\n    ### ", 1)
    entry.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert build_site(root, out) == 0
    for lang in ("th", "en"):
        page = (out / lang / "entries/bo-sang-paper-umbrella.html").read_text(encoding="utf-8")
        assert re.search(
            r'<a href="../media/bo-sang-paper-umbrella/paper-umbrellas.jpg">'
            r'<img src="../media/bo-sang-paper-umbrella/960/paper-umbrellas.jpg" alt="[^"]+" width="960" height="600"',
            page,
        ), page[page.find("tc-gallery") :][:600]
        original = out / lang / "media/bo-sang-paper-umbrella/paper-umbrellas.jpg"
        smaller = out / lang / "media/bo-sang-paper-umbrella/960/paper-umbrellas.jpg"
        assert original.read_bytes() == picture.read_bytes()
        assert image_size(smaller) == (960, 600) and smaller.stat().st_size < original.stat().st_size / 2
    page = (out / "th/entries/bo-sang-paper-umbrella.html").read_text(encoding="utf-8")
    assert (
        '<img alt="ร่มกระดาษสา" decoding="async" loading="lazy" src="../media/bo-sang-paper-umbrella/960/inline.jpg">'
        in page
    )
    assert (out / "th/media/bo-sang-paper-umbrella/960/inline.jpg").is_file()
    assert (out / "th/media/bo-sang-paper-umbrella/inline.jpg").is_file()
    # The other pictures (800 px wide) are shown as they are, unlinked.
    page = (out / "th/entries/sakon-nakhon-natural-indigo.html").read_text(encoding="utf-8")
    assert '<img src="../media/sakon-nakhon-natural-indigo/indigo-cloth.jpg"' in page and "/960/" not in page
    again = tmp_path / "again"
    assert build_site(root, again) == 0
    assert _digest(again) == _digest(out)


def test_long_listings_are_split_into_pages(tmp_path: Path) -> None:
    from generator.site.pages import PAGE_SIZE
    from generator.synth import synthesize

    data = tmp_path / "synth"
    synthesize(REPO, data, 130)
    out = tmp_path / "out"
    assert build_site(data, out) == 0
    technology = (out / "th/kinds/technology.html").read_text(encoding="utf-8")
    second = (out / "th/kinds/technology.p2.html").read_text(encoding="utf-8")
    assert technology.count('class="tc-card"') == PAGE_SIZE
    assert 'href="technology.p2.html"' in technology and 'rel="next"' in technology
    assert 'href="technology.html"' in second and 'rel="prev"' in second
    total = sum(
        (out / "th/kinds" / f"technology{s}.html").read_text(encoding="utf-8").count('class="tc-card"')
        for s in ("", ".p2")
    )
    assert total == sum(
        1 for p in (data / "technologies").rglob("*.yaml") if "kind: technology" in p.read_text("utf-8")
    )
    assert not (out / "th/kinds/technology.p3.html").exists() or total > 2 * PAGE_SIZE


def test_base_url_gives_canonical_hreflang_alternates(built_with_url: Path) -> None:
    out = built_with_url
    page = (out / "en/entries/solar-dome-dryer-banana.html").read_text(encoding="utf-8")
    base = "https://techclinic.example.org/db"
    assert f'<link rel="canonical" href="{base}/en/entries/solar-dome-dryer-banana.html">' in page
    assert f'hreflang="th" href="{base}/th/entries/solar-dome-dryer-banana.html"' in page
    assert f'hreflang="en" href="{base}/en/entries/solar-dome-dryer-banana.html"' in page
    assert f'hreflang="x-default" href="{base}/th/entries/solar-dome-dryer-banana.html"' in page
    not_found = (out / "404.html").read_text(encoding="utf-8")
    assert f'href="{base}/th/index.html"' in not_found
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ET.parse(out / "sitemap.xml").getroot().findall("s:url", ns)
    pages = list((out / "th").rglob("*.html"))
    assert len(urls) == 2 * len(pages)
    for url in urls:
        loc = url.find("s:loc", ns).text
        alternates = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", ns)}
        assert loc in (alternates["th"], alternates["en"]) and alternates["x-default"] == alternates["th"]
        assert (out / loc.removeprefix(base + "/")).is_file()


def test_internal_links_and_anchors_resolve(built: Path) -> None:
    from generator.site.links import check_links

    assert check_links(built) == []


def test_link_checker_finds_broken_links(tmp_path: Path) -> None:
    from generator.site.links import check_links

    (tmp_path / "th").mkdir()
    (tmp_path / "th" / "a.html").write_text('<p id="top"><a href="b.html">b</a></p>', encoding="utf-8")
    (tmp_path / "th" / "b.html").write_text(
        '<a href="a.html#top">ok</a> <a href="a.html#nowhere">x</a> <a href="missing.html">y</a>'
        ' <a href="/th/a.html">z</a> <a href="../../etc/passwd">w</a> <a href="https://example.org/">ext</a>',
        encoding="utf-8",
    )
    found = {(b.page, b.target, b.reason) for b in check_links(tmp_path)}
    assert found == {
        ("th/b.html", "a.html#nowhere", "no such anchor"),
        ("th/b.html", "missing.html", "no such file"),
        ("th/b.html", "/th/a.html", "absolute path: breaks under a sub-path and from file://"),
        ("th/b.html", "../../etc/passwd", "leads outside the site"),
    }


def test_external_links_do_not_leak_the_opener(built: Path) -> None:
    for page in [*built.glob("th/entries/*.html"), *built.glob("en/institutions/*.html")]:
        for tag in re.findall(r"<a\b[^>]*href=\"https?://[^>]*>", page.read_text(encoding="utf-8")):
            assert 'rel="noopener noreferrer"' in tag, f"{page}: {tag}"


SCHEMA_ORG_TYPES = {
    "CreativeWork",
    "CollegeOrUniversity",
    "Organization",
    "AdministrativeArea",
    "Country",
    "Person",
    "Place",
    "PostalAddress",
}


def _types(node: object) -> set[str]:
    if isinstance(node, dict):
        found = {node["@type"]} if "@type" in node else set()
        return found.union(*(_types(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_types(v) for v in node))
    return set()


def test_entry_pages_carry_schema_org_json_ld(built: Path) -> None:
    import json

    from generator.database.validate import check_database

    catalog, _, _ = check_database(REPO)
    assert catalog is not None
    for lang in ("th", "en"):
        for entry in catalog.entries.values():
            page = (built / lang / "entries" / f"{entry.id}.html").read_text(encoding="utf-8")
            blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
            assert len(blocks) == 1
            data = json.loads(blocks[0])
            assert data["@context"] == "https://schema.org" and data["@type"] == "CreativeWork"
            assert _types(data) <= SCHEMA_ORG_TYPES
            assert data["name"] == entry.title.get(lang)
            assert data["publisher"]["name"] == catalog.reference.institutions[entry.institution].name.get(lang)
            isos = {p["identifier"] for p in data["spatialCoverage"]}
            assert isos == {catalog.reference.provinces[p].iso for p in catalog.places(entry)}


def test_atom_feeds_parse_with_a_real_feed_parser(built: Path, built_with_url: Path) -> None:
    import feedparser

    from generator.database.validate import check_database

    catalog, _, _ = check_database(REPO)
    assert catalog is not None
    for lang in ("th", "en"):
        feed = feedparser.parse((built / lang / "feed.xml").read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.version == "atom10"
        assert feed.feed.title == catalog.reference.ui["site_name"].get(lang)
        newest = max(catalog.entries.values(), key=lambda e: (e.date_reviewed, e.id))
        assert len(feed.entries) == min(50, len(catalog.entries))
        titles = {e.title for e in feed.entries}
        assert newest.title.get(lang) in titles
        for item in feed.entries:
            assert (built / lang / item.link).is_file()  # relative links resolve inside the language folder
    feed = feedparser.parse((built_with_url / "en" / "feed.xml").read_bytes())
    assert not feed.bozo
    assert all(e.link.startswith("https://techclinic.example.org/db/en/entries/") for e in feed.entries)
    assert all(e.id == e.link for e in feed.entries)


def test_pages_filled_from_shells_equal_pages_rendered_by_mkdocs(
    built_with_url: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entry pages and sheets are written from one rendered shell per folder; MkDocs would write the same bytes."""
    monkeypatch.setenv("TC_SHELLS", "0")
    out = tmp_path / "out"
    assert build_site(REPO, out, base_url=SITE_URL) == 0
    filled, rendered = _digest(built_with_url), _digest(out)
    assert filled.keys() == rendered.keys()
    assert not any("tc-shell-prototype" in path for path in filled)
    different = [path for path in filled if filled[path] != rendered[path]]
    assert different == []
    entries = [p for p in filled if p.startswith(("th/entries/", "en/sheets/"))]
    assert len(entries) > 100


def _search_terms(built: Path, lang: str) -> dict[str, list[str]]:
    """Each word of the language's search index → the entry ids it is found in."""
    script = (built / lang / "search" / "index.js").read_text("utf-8")
    index = json.loads(script.removeprefix("window.__tcSearchIndex=").rstrip().removesuffix(";"))
    urls = [doc[0] for doc in index["docs"]]
    return {
        term: [urls[doc].removeprefix("entries/").removesuffix(".html") for doc, _ in decode_postings(postings)]
        for term, postings in zip(index["terms"].split("\n"), index["postings"], strict=True)
    }


def test_a_province_is_indexed_under_its_other_names(built: Path) -> None:
    """site_config/provinces.yaml's also_th / also_en: โคราช and Korat find the entries of Nakhon Ratchasima."""
    th, en = _search_terms(built, "th"), _search_terms(built, "en")
    # the entry, the province's page, and the help page that gives them as examples
    assert th["โคราช"] == en["korat"] == ["bag-biogas-digester", "provinces/nakhon-ratchasima", "help/get-help"]
    assert en["khorat"] == ["bag-biogas-digester", "provinces/nakhon-ratchasima"]
    assert "fish-waste-liquid-fertiliser" in en["suphanburi"]  # "Suphan Buri" run together
    assert "korat" not in th and "โคราช" not in en  # each language its own names


def test_abbreviations_of_labels_are_indexed_whole(built: Path) -> None:
    """มทร.ล้านนา is indexed as มทร + ล้านนา, not มท + ร: the query "มทร" is one word."""
    th = _search_terms(built, "th")
    assert "longan-pitting-machine" in th["มทร"]
    assert "มท" not in th


def test_a_province_page_gives_its_everyday_names(built: Path) -> None:
    """A reader who searched โคราช lands on นครราชสีมา: the page says it is the same place."""
    page = (built / "th" / "provinces" / "nakhon-ratchasima.html").read_text("utf-8")
    assert '<p class="tc-lead">ชื่อที่เรียกกัน: โคราช</p>' in page
    page = (built / "en" / "provinces" / "nakhon-ratchasima.html").read_text("utf-8")
    assert '<p class="tc-lead">Also called: Korat, Khorat</p>' in page
    # the official name run together (Lopburi) is for search, not worth saying
    assert "Also called" not in (built / "en" / "provinces" / "lop-buri.html").read_text("utf-8")
