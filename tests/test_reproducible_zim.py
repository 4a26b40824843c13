"""The ZIM file is the same bytes for the same site, and still a valid, searchable ZIM (python-libzim reads it)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.database.validate import check_database
from generator.offline.reproducible_zim import ZimLayoutError, make_reproducible
from generator.offline.zim import ZimInfo, write_zim

from .conftest import REPO

libzim_reader = pytest.importorskip("libzim.reader")
INFO = ZimInfo(name="techclinic_mul_test", title="ทดสอบ", description="test", date=dt.date(2026, 1, 2), flavour="test")
PAGE = (  # the parts of a page the ZIM's index reads: its title and Material's article
    '<html><head><title>{title}</title></head><body><article class="md-content__inner"><p>{text}</p></article></body>'
)


@pytest.fixture(scope="module")
def catalog():  # type: ignore[no-untyped-def]
    cat, _, _ = check_database(REPO)
    assert cat is not None
    return cat


def tiny_site(folder: Path, word: str) -> Path:
    """Two pages and a picture: enough for both of libzim's indexes."""
    for lang in ("th", "en"):
        page = folder / lang / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(PAGE.format(title=f"หน้าแรก {lang}", text=f"เครื่องอบแห้ง {word} solar dryer"), "utf-8")
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return folder


def zim_of(tmp_path: Path, name: str, word: str, catalog) -> Path:  # type: ignore[no-untyped-def]
    target = tmp_path / f"{name}.zim"
    write_zim(tiny_site(tmp_path / name, word), target, catalog, INFO)
    return target


def found(zim: Path, query: str) -> list[str]:
    from libzim.search import Query, Searcher

    search = Searcher(libzim_reader.Archive(zim)).search(Query().set_query(query))
    return list(search.getResults(0, 10))


def test_the_same_site_gives_the_same_zim_and_another_site_another_uuid(tmp_path: Path, catalog) -> None:  # type: ignore[no-untyped-def]
    one = zim_of(tmp_path, "one", "มะม่วง", catalog)
    two = zim_of(tmp_path, "two", "มะม่วง", catalog)
    other = zim_of(tmp_path, "other", "ทุเรียน", catalog)
    assert one.read_bytes() == two.read_bytes()
    archives = [libzim_reader.Archive(zim) for zim in (one, other)]
    assert archives[0].uuid != archives[1].uuid  # Kiwix libraries tell books apart by UUID
    for archive in archives:
        assert archive.has_fulltext_index and archive.has_title_index
        assert archive.check()  # the MD5 checksum matches the new UUIDs
    assert sorted(found(one, "มะม่วง")) == ["en/index.html", "th/index.html"]
    assert found(other, "มะม่วง") == []
    assert "th/index.html" in found(other, "ทุเรียน")


def test_a_file_that_is_not_a_libzim_zim_is_left_untouched(tmp_path: Path) -> None:
    from libzim.writer import Creator

    for name, data in (("empty.zim", b""), ("text.zim", b"not a zim file, though long enough to have a header" * 4)):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ZimLayoutError, match="not a ZIM file"):
            make_reproducible(path)
        assert path.read_bytes() == data
    unindexed = tmp_path / "unindexed.zim"
    with Creator(unindexed).config_indexing(False, "eng").config_verbose(False) as creator:
        creator.add_metadata("Title", "no index")
    before = unindexed.read_bytes()
    with pytest.raises(ZimLayoutError, match="no fulltext/xapian index"):
        make_reproducible(unindexed)
    assert unindexed.read_bytes() == before


def test_kiwix_finds_a_year_in_either_digits() -> None:
    """Our search reads Thai digits as 0–9; Kiwix's own box does not, so the ZIM's text holds numbers both ways."""
    from generator.offline.zimtext import IndexSegmenter

    terms = IndexSegmenter([]).index_text("ก่อตั้งเมื่อปี ๒๕๖๗ ผลิตได้ 120 กิโลกรัม").split()
    assert {"2567", "๒๕๖๗", "120", "๑๒๐"} <= set(terms)
