"""The offline edition: path rules, the real zip (deterministic, verifiable), region/province cuts, the Kiwix ZIM."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
import yaml

from generator.database.validate import check_database
from generator.offline import paths
from generator.offline.checksums import SUMS_NAME, parse_sums
from generator.offline.edition import write_zip
from generator.site.build import source_date_epoch

from .conftest import REPO, make_repo
from .offline_edition import KIWIX_SERVE, Edition, build_edition, kiwix_search, kiwix_serve, run_generator

SAMPLE_ENTRY = "village-slow-sand-filter"  # has Thai words inside long runs: สนิม in สนิมเหล็ก


@pytest.fixture(scope="module")
def catalog():  # type: ignore[no-untyped-def]
    cat, _, _ = check_database(REPO)
    assert cat is not None
    return cat


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Edition:
    """The whole sample database as an offline edition, with its ZIM (built once for this module)."""
    built = build_edition(tmp_path_factory.mktemp("edition"))
    assert built.proc.returncode == 0, built.proc.stderr
    return built


@pytest.fixture(scope="module")
def unzipped(edition: Edition, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return edition.unzip(tmp_path_factory.mktemp("unzipped"))


# --------------------------------------------------------------------------- path rules
@pytest.mark.parametrize(
    "path",
    [
        "edition/index.html",
        "edition/th/entries/solar-dome-dryer-banana.html",
        "edition/th/media/ภาพ-คราม.jpg",  # Thai names are fine when NFC and short enough
        "edition/con-artist.html",  # a reserved name only when it is the whole stem
        "edition/console.txt",
        "edition/COM10.txt",  # only COM0-9 are devices
        "edition/.hidden",
        "edition/a b/c d.txt",
        "edition/" + "a" * 150,  # 157 characters: within the budget
    ],
)
def test_safe_paths_pass(path: str) -> None:
    assert paths.path_problems(path) == []


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("e/a<b.html", "characters Windows and FAT refuse: <"),
        ("e/what?.html", "characters Windows and FAT refuse: ?"),
        ('e/say "hi".txt', 'characters Windows and FAT refuse: "'),
        ("e/a:b", "characters Windows and FAT refuse: :"),
        ("e/a|b", "characters Windows and FAT refuse: |"),
        ("e/star*.css", "characters Windows and FAT refuse: *"),
        ("e/back\\slash", "characters Windows and FAT refuse: \\"),
        ("e/tab\there", "control character"),
        ("e/bell\x07", "control character"),
        ("e/del\x7f", "control character"),
        ("e/trailing.", "ends with a dot or a space"),
        ("e/trailing ", "ends with a dot or a space"),
        ("e/folder./x.html", "ends with a dot or a space"),
        ("e/CON", "reserved device name CON"),
        ("e/con.html", "reserved device name CON"),
        ("e/nul.tar.gz", "reserved device name NUL"),
        ("e/Aux .txt", "reserved device name AUX"),
        ("e/prn", "reserved device name PRN"),
        ("e/com1.js", "reserved device name COM1"),
        ("e/COM0", "reserved device name COM0"),
        ("e/lpt9.txt", "reserved device name LPT9"),
        ("e/COM\u00b9.txt", "reserved device name COM\u00b9"),
        ("e/lpt\u00b3", "reserved device name LPT\u00b3"),
        ("e/conin$", "reserved device name CONIN$"),
        ("e/" + unicodedata.normalize("NFD", "café.html"), "not in Unicode NFC form"),
        ("e/" + "a" * 256, "longer than 255 UTF-16 units"),
        ("e/" + "ก" * 90, "longer than 255 UTF-8 bytes"),  # 90 Thai letters = 270 bytes, only 90 UTF-16 units
        ("e/" + "a" * 100 + "/" + "b" * 60, "path longer than 160 characters"),
        ("/etc/passwd", "absolute path"),
        ("C:/Windows/x", "absolute path"),
        ("e/../x", "empty, '.' or '..' name"),
        ("e//x", "empty, '.' or '..' name"),
    ],
)
def test_unsafe_paths_are_named_with_a_reason(path: str, reason: str) -> None:
    problems = paths.path_problems(path)
    assert problems, path
    assert any(reason in p.reason_en for p in problems), [p.reason_en for p in problems]
    assert all(p.path == path and p.reason_th for p in problems)


@pytest.mark.parametrize(
    ("names", "collides"),
    [
        (["e/Index.html", "e/index.html"], True),
        (["e/TH/a.html", "e/th/b.html"], True),  # folders collide too
        (["e/x/A", "e/x/a/b.txt"], True),  # a file and a folder
        (["e/" + unicodedata.normalize("NFC", "café"), "e/" + unicodedata.normalize("NFD", "café")], True),
        (["e/straße", "e/STRASSE"], False),  # NTFS upper-cases one character at a time: ß stays ß
        (["e/a.html", "e/b.html", "e/a/b.html"], False),
    ],
)
def test_case_and_normalisation_collisions(names: list[str], collides: bool) -> None:
    found = paths.collisions(names)
    assert bool(found) == collides, found
    if collides:
        assert "same name as" in found[0].reason_en and "ชื่อซ้ำกับ" in found[0].reason_th


def test_the_real_edition_passes_the_path_rules(unzipped: Path) -> None:
    listed = [f"{unzipped.name}/{p.relative_to(unzipped).as_posix()}" for p in unzipped.rglob("*") if p.is_file()]
    assert len(listed) > 500
    assert paths.check_paths(listed) == []


def test_an_unsafe_file_name_fails_the_build_and_writes_nothing(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    shutil.copytree(REPO / "content", root / "content")
    for lang in ("th", "en"):  # a background page whose published name is Windows' AUX device
        shutil.copy(root / "content" / lang / "about" / "sti-coupon.md", root / "content" / lang / "about" / "aux.md")
    out = tmp_path / "out"
    built = build_edition(out, "--no-zim", root=root)
    assert built.proc.returncode == 1, built.proc.stdout + built.proc.stderr
    assert "th/about/aux.html: reserved device name AUX" in built.proc.stderr
    assert "ชื่ออุปกรณ์ที่ Windows สงวนไว้" in built.proc.stderr
    assert "Traceback" not in built.proc.stderr
    assert list(out.iterdir()) == []  # no zip, no leftover staging folder


# --------------------------------------------------------------------------- the zip
def test_the_build_reports_files_sizes_largest_and_entries(edition: Edition, catalog) -> None:  # type: ignore[no-untyped-def]
    out = edition.proc.stdout
    for output in (edition.zip, edition.zim):
        assert f"wrote {output}  {output.stat().st_size:,} bytes" in out
    with zipfile.ZipFile(edition.zip) as archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
    largest = max(infos, key=lambda i: i.file_size)
    total = sum(i.file_size for i in infos)
    assert f"{len(catalog.entries)} entries, {len(infos)} files, {total:,} bytes" in out
    assert f"largest file {largest.filename.split('/', 1)[1]} {largest.file_size:,} bytes" in out


def test_zip_has_one_top_folder_fixed_times_and_permissions(edition: Edition, catalog) -> None:  # type: ignore[no-untyped-def]
    date = dt.datetime.fromtimestamp(source_date_epoch(catalog), dt.UTC).date()
    with zipfile.ZipFile(edition.zip) as archive:
        infos = archive.infolist()
    names = [i.filename for i in infos]
    top = f"techclinic-offline-all-{date.isoformat()}"
    assert edition.zip.name == f"{top}.zip" and edition.zim.name == f"{top}.zim"
    assert all(n.startswith(top + "/") for n in names)
    assert names == sorted(names)
    assert {f"{top}/index.html", f"{top}/{SUMS_NAME}", f"{top}/th/index.html", f"{top}/en/index.html"} <= set(names)
    assert {i.date_time for i in infos} == {(date.year, date.month, date.day, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o100644}
    assert {i.create_system for i in infos} == {3}


def test_same_input_gives_a_byte_identical_zip_and_zim(edition: Edition, tmp_path: Path) -> None:
    again = build_edition(tmp_path / "again")
    assert again.proc.returncode == 0, again.proc.stderr
    assert again.zip.name == edition.zip.name
    assert again.zip.read_bytes() == edition.zip.read_bytes()
    assert again.zim.read_bytes() == edition.zim.read_bytes()
    assert "warning: the ZIM will differ" not in again.proc.stderr


def test_write_zip_depends_only_on_the_files(tmp_path: Path) -> None:
    for name, order in (("one", ["b.txt", "a/c.txt"]), ("two", ["a/c.txt", "b.txt"])):
        folder = tmp_path / name / "top"
        for rel in order:  # created in another order, with other times and permissions
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_text(rel)
        (folder / order[0]).chmod(0o600)
        write_zip(folder, tmp_path / f"{name}.zip", 1_700_000_000)
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()


def test_start_page_says_what_when_how_many(unzipped: Path, catalog) -> None:  # type: ignore[no-untyped-def]
    page = (unzipped / "index.html").read_text(encoding="utf-8")
    date = dt.datetime.fromtimestamp(source_date_epoch(catalog), dt.UTC).date()
    assert f"{date.year + 543}</strong>" in page  # Buddhist Era on the Thai side
    assert f"{date.year}</strong>" in page
    assert f"<strong>{len(catalog.entries)}</strong> รายการ" in page
    assert f"<strong>{len(catalog.entries)}</strong> entries" in page
    assert 'href="th/index.html"' in page and 'href="en/index.html"' in page
    assert "ทั้งประเทศ" in page and "the whole country" in page
    assert "sha256sum -c" in page and "Extract All" in page and "Kiwix" in page
    for link in re.findall(r'(?:href|src)="([^"]+)"', page):
        assert (unzipped / link).is_file(), link


# --------------------------------------------------------------------------- checksums and verify
def test_checksum_file_lists_every_file_and_sha256sum_agrees(unzipped: Path) -> None:
    sums = parse_sums((unzipped / SUMS_NAME).read_text(encoding="utf-8"))
    files = {p.relative_to(unzipped).as_posix() for p in unzipped.rglob("*") if p.is_file()} - {SUMS_NAME}
    assert set(sums) == files
    if shutil.which("sha256sum"):
        proc = subprocess.run(["sha256sum", "-c", "--quiet", SUMS_NAME], cwd=unzipped, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout + proc.stderr


def test_verify_passes_on_a_good_copy(edition: Edition, unzipped: Path) -> None:
    count = len(parse_sums((unzipped / SUMS_NAME).read_text(encoding="utf-8")))
    for target in (unzipped, unzipped.parent, edition.zip):  # the folder, where it was unzipped, the zip
        proc = run_generator("verify", str(target))
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert f"OK: all {count} files" in proc.stdout


def test_verify_names_changed_missing_and_extra_files(edition: Edition, tmp_path: Path) -> None:
    top = edition.unzip(tmp_path / "copy")
    entry = top / "th" / "entries" / f"{SAMPLE_ENTRY}.html"
    entry.write_bytes(entry.read_bytes().replace("สนิม".encode(), "สนิท".encode(), 1))
    (top / "en" / "index.html").unlink()
    (top / "th" / "extra.html").write_text("<p>added</p>")
    (top / ".DS_Store").write_bytes(b"\0")  # what macOS adds by itself is not a change
    (top / "th" / "Thumbs.db").write_bytes(b"\0")
    proc = run_generator("verify", str(top))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines == [
        "missing / ไฟล์หายไป: en/index.html",
        f"changed / ไฟล์ถูกแก้ไข: th/entries/{SAMPLE_ENTRY}.html",
        "extra / ไฟล์เกินมา: th/extra.html",
    ]
    assert "FAILED: 1 missing, 1 changed, 1 extra" in proc.stderr and "ไม่ผ่าน" in proc.stderr


def test_verify_finds_a_changed_file_inside_the_zip(edition: Edition, tmp_path: Path) -> None:
    tampered = tmp_path / edition.zip.name
    with zipfile.ZipFile(edition.zip) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("/th/index.html"):
                data += b"<!-- changed -->"
            target.writestr(info, data)
    proc = run_generator("verify", str(tampered))
    assert proc.returncode == 1
    assert "changed / ไฟล์ถูกแก้ไข: th/index.html" in proc.stdout


def test_verify_reports_a_damaged_member_of_the_zip(edition: Edition, tmp_path: Path) -> None:
    data = bytearray(edition.zip.read_bytes())
    with zipfile.ZipFile(edition.zip) as archive:
        info = archive.getinfo(f"{edition.zip.stem}/th/entries/{SAMPLE_ENTRY}.html")
    # flip one byte in the middle of that member's compressed data (a bad sector on the USB stick)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    damaged = tmp_path / edition.zip.name
    damaged.write_bytes(bytes(data))
    proc = run_generator("verify", str(damaged))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert f"changed / ไฟล์ถูกแก้ไข: th/entries/{SAMPLE_ENTRY}.html" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_verify_refuses_something_that_is_not_an_edition(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    proc = run_generator("verify", str(tmp_path))
    assert proc.returncode == 1 and SUMS_NAME in proc.stderr and "Traceback" not in proc.stderr
    (tmp_path / "SHA256SUMS").write_bytes(b"\xff\xfe not text")
    proc = run_generator("verify", str(tmp_path))
    assert proc.returncode == 1 and "UTF-8" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_generator("verify", str(tmp_path / "nothing-here"))
    assert proc.returncode == 2


# --------------------------------------------------------------------------- cuts by region or province
def _belongs(record: dict, province: str, institutions: dict[str, dict]) -> bool:  # type: ignore[type-arg]
    """The documented rule, written again from the YAML files (not the generator's code)."""
    inst = institutions[record["institution"]]
    named = set(record.get("provinces", []))
    named |= {record[part]["province"] for part in ("community", "place") if part in record}
    return province in named or inst["province"] == province or province in inst.get("provinces_served", [])


def _with_village_technologies(kept: set[str], records: dict[str, dict]) -> set[str]:  # type: ignore[type-arg]
    """Kept villages keep the technologies they apply."""
    return kept | {t for i in kept for t in records[i].get("technologies", [])}


def test_a_province_edition_has_only_its_entries_and_no_link_to_others(tmp_path: Path, catalog) -> None:  # type: ignore[no-untyped-def]
    province = "sakon-nakhon"
    built = build_edition(tmp_path / "out", "--province", province, "--no-zim")
    assert built.proc.returncode == 0, built.proc.stderr
    assert built.zip.name.startswith(f"techclinic-offline-province-{province}-")
    assert list(built.out.glob("*.zim")) == []  # --no-zim
    top = built.unzip(tmp_path / "copy")
    institutions = {
        i["id"]: i for i in yaml.safe_load((REPO / "site_config/institutions.yaml").read_text("utf-8"))["institutions"]
    }
    entries = {}
    for source in sorted((REPO / "technologies").glob("*/*.yaml")):
        record = yaml.safe_load(source.read_text("utf-8"))
        entries[record["id"]] = record
    expected = _with_village_technologies(
        {i for i, r in entries.items() if _belongs(r, province, institutions)}, entries
    )
    dropped = set(entries) - expected
    assert expected and dropped  # the cut is neither everything nor nothing
    exported = {r["id"] for r in json.loads((top / "data/techclinic-entries.json").read_text("utf-8"))["entries"]}
    assert exported == expected
    for lang in ("th", "en"):
        pages = {p.stem for p in (top / lang / "entries").glob("*.html")}
        assert pages == expected
        index = (top / lang / "search" / "index.js").read_text("utf-8")
        assert not [d for d in dropped if f"entries/{d}.html" in index]
    mentions = [
        (p.name, d) for p in top.rglob("*.html") for d in dropped if f"entries/{d}.html" in p.read_text("utf-8")
    ]
    assert mentions == []
    start = (top / "index.html").read_text("utf-8")
    assert f"<strong>{len(expected)}</strong> รายการ" in start and "จังหวัดสกลนคร" in start
    assert "Sakon Nakhon province" in start
    assert ".zim" not in start  # no ZIM was made, so the start page does not point to one
    assert len(expected) < len(catalog.entries)


def test_a_region_edition_has_the_entries_of_its_provinces(tmp_path: Path) -> None:
    built = build_edition(tmp_path / "out", "--region", "south", "--no-zim")
    assert built.proc.returncode == 0, built.proc.stderr
    regions = yaml.safe_load((REPO / "site_config/regions.yaml").read_text("utf-8"))["regions"]
    provinces = yaml.safe_load((REPO / "site_config/provinces.yaml").read_text("utf-8"))["provinces"]
    codes = next(r["provinces"] for r in regions if r["id"] == "south")
    south = {p["id"] for p in provinces if p["code"] in codes}
    institutions = {
        i["id"]: i for i in yaml.safe_load((REPO / "site_config/institutions.yaml").read_text("utf-8"))["institutions"]
    }
    records = [yaml.safe_load(p.read_text("utf-8")) for p in (REPO / "technologies").glob("*/*.yaml")]
    by_id = {r["id"]: r for r in records}
    expected = _with_village_technologies(
        {r["id"] for r in records if any(_belongs(r, p, institutions) for p in south)}, by_id
    )
    with zipfile.ZipFile(built.zip) as archive:
        pages = {n.rsplit("/", 1)[1][:-5] for n in archive.namelist() if "/th/entries/" in n}
    assert pages == expected and 0 < len(expected) < len(records)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--province", "chiang-mia"], 'Did you mean "chiang-mai" (Chiang Mai)?'),
        (["--province", "เชียงใหม่"], 'หมายถึง "chiang-mai" (เชียงใหม่) หรือไม่'),  # the Thai name leads to the id
        (["--province", "Chiang Mai"], 'Did you mean "chiang-mai" (Chiang Mai)?'),
        (["--province", "โคราช"], 'Did you mean "nakhon-ratchasima" (Nakhon Ratchasima)?'),  # an everyday name
        (["--region", "nort"], 'Did you mean "north" (North) or "northeast" (North-East)?'),
        (["--region", "atlantis"], "Known ids: central east north northeast south west"),
    ],
)
def test_an_unknown_province_or_region_is_a_usage_error(tmp_path: Path, args: list[str], needle: str) -> None:
    out = tmp_path / "out"
    built = build_edition(out, *args, "--no-zim")
    assert built.proc.returncode == 2
    assert needle in built.proc.stderr
    assert "ไม่รู้จักรหัส" in built.proc.stderr and "Traceback" not in built.proc.stderr
    assert not out.exists() or list(out.iterdir()) == []


def test_region_and_province_together_is_a_usage_error(tmp_path: Path) -> None:
    built = build_edition(tmp_path / "out", "--region", "north", "--province", "chiang-mai")
    assert built.proc.returncode == 2 and "not allowed with" in built.proc.stderr


# --------------------------------------------------------------------------- the ZIM
libzim_reader = pytest.importorskip("libzim.reader")


def _search(zim: Path, query: str, count: int = 10) -> list[str]:
    from libzim.search import Query, Searcher

    archive = libzim_reader.Archive(zim)
    return list(Searcher(archive).search(Query().set_query(query)).getResults(0, count))


def test_zim_entry_page_by_path_is_whole(edition: Edition, catalog) -> None:  # type: ignore[no-untyped-def]
    archive = libzim_reader.Archive(edition.zim)
    entry = catalog.entries[SAMPLE_ENTRY]
    item = archive.get_entry_by_path(f"th/entries/{SAMPLE_ENTRY}.html").get_item()
    html = bytes(item.content).decode("utf-8")
    assert item.mimetype == "text/html"
    assert item.title == entry.title.th
    assert f"<h1>{entry.title.th}</h1>" in html
    assert entry.summary.th in html
    last_paragraph = entry.description.th.strip().split("\n")[-1]
    assert last_paragraph in html
    assert html.rstrip().endswith("</html>")
    # its assets are in the ZIM under the paths its relative links name
    links = re.findall(r'(?:src|href)="(\.\./[^"#?]+)"', html)
    assert any(link.endswith(".woff2") or link.endswith(".css") for link in links)
    for link in links:
        resolved = posixpath.normpath(posixpath.join("th/entries", link))
        assert archive.has_entry_by_path(resolved), resolved
    en = bytes(archive.get_entry_by_path(f"en/entries/{SAMPLE_ENTRY}.html").get_item().content).decode("utf-8")
    assert '<html lang="en"' in en


def test_zim_metadata_main_page_and_illustration(edition: Edition) -> None:
    archive = libzim_reader.Archive(edition.zim)
    assert archive.main_entry.get_item().path == "th/index.html"
    meta = {k: archive.get_metadata(k).decode("utf-8") for k in archive.metadata_keys if "Illustration" not in k}
    for key in ("Title", "Language", "Creator", "Publisher", "Date", "Description", "Name"):
        assert meta.get(key), key
    assert meta["Language"].split(",")[0] == "tha"
    assert meta["Name"] == "techclinic_mul_all"
    assert len(meta["Title"]) <= 30 and len(meta["Description"]) <= 80  # the ZIM metadata limits
    dt.date.fromisoformat(meta["Date"])
    png = bytes(archive.get_illustration_item(48).content)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(png[16:20], "big") == 48 and int.from_bytes(png[20:24], "big") == 48
    assert archive.has_fulltext_index and archive.has_title_index


THAI_WORDS = [
    ("สนิม", "village-slow-sand-filter"),  # in สนิมเหล็ก: a compound the site dictionary keeps whole
    ("แกลบ", "village-slow-sand-filter"),  # in ถ่านแกลบ
    ("เห็ดฟาง", "straw-mushroom-basket"),  # vowel and tone marks: libzim strips them from queries
    ("กล้วย", "bang-krathum-sun-dried-banana"),  # in กล้วยตาก
    ("ถ่านแกลบ", "village-slow-sand-filter"),  # two words typed without a space
]


@pytest.mark.parametrize(("word", "entry"), THAI_WORDS)
def test_zim_thai_full_text_search_finds_a_word_inside_a_longer_run(
    edition: Edition, catalog, word: str, entry: str
) -> None:  # type: ignore[no-untyped-def]
    source = (REPO / catalog.entries[entry].source).read_text("utf-8")
    assert re.search(f"[\u0e00-\u0e7f]{word}|{word}[\u0e00-\u0e7f]", source), "the word must sit inside a Thai run"
    found = _search(edition.zim, word)
    assert f"th/entries/{entry}.html" in found[:5], found


def test_zim_english_search_and_thai_title_suggestion(edition: Edition) -> None:
    from libzim.suggestion import SuggestionSearcher

    assert "en/entries/sakon-nakhon-natural-indigo.html" in _search(edition.zim, "indigo")[:5]
    archive = libzim_reader.Archive(edition.zim)
    found = list(SuggestionSearcher(archive).suggest("ระบบกรองน้ำ").getResults(0, 5))
    assert f"th/entries/{SAMPLE_ENTRY}.html" in found


@pytest.mark.skipif(KIWIX_SERVE is None, reason="kiwix-serve (Debian kiwix-tools) is not installed")
def test_kiwix_serve_finds_the_same_thai_words(edition: Edition) -> None:
    """Debian's kiwix-serve runs an older libzim (8.1) that leaves marks in queries: the index serves both."""
    with kiwix_serve(edition.zim) as base:
        for word, entry in [*THAI_WORDS, ("indigo", "sakon-nakhon-natural-indigo")]:
            found = kiwix_search(base, edition.zim, word)
            lang = "en" if word.isascii() else "th"
            assert f"{lang}/entries/{entry}.html" in found[:5], (word, found)


def test_page_title_is_the_documents_not_an_svg_title() -> None:
    """Maps and charts carry <title> elements; the ZIM title must be the page's own (libzim refused the sum)."""
    from generator.offline.zim import _PageText

    parser = _PageText()
    parser.feed(
        "<html><head><title>Home - Site</title></head><body><article class='md-content__inner'>"
        "<svg><title>Map of Thailand</title></svg><p>Text</p></article></body></html>"
    )
    assert parser.title == "Home - Site"
    assert "Text" in parser.text


def test_out_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "dist"
    target.write_text("not a folder", encoding="utf-8")
    result = run_generator("offline", "--out", str(target), "--no-zim")
    assert result.returncode == 2 and "is a file, not a folder" in result.stderr
    assert "internal error" not in result.stderr and target.read_text(encoding="utf-8") == "not a folder"
