"""A background page in content/th/ needs its twin in content/en/ (and the other way): `check` says so, where the
build used to stop only on the language switch's broken link."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.database.validate import check_database

from .conftest import REPO, TODAY, make_repo


def _content_errors(repo: Path) -> list[tuple[str, str]]:
    catalog, _, problems = check_database(repo, today=TODAY)
    found = [(p.path, p.message_en) for p in problems if p.code == "content-unpaired"]
    assert (catalog is None) == bool(found)
    return found


def test_a_page_without_its_twin_is_an_error(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    assert _content_errors(repo) == []  # no content/ at all: nothing to pair
    shutil.copytree(REPO / "content", repo / "content")
    assert _content_errors(repo) == []  # the sample's pages are all paired
    (repo / "content/th/about/new-page.md").write_text("# หน้าใหม่\n", encoding="utf-8")
    (repo / "content/en/help/english-only.md").write_text("# English only\n", encoding="utf-8")
    assert _content_errors(repo) == [
        (
            "content/en/help/english-only.md",
            "This page has no Thai twin at content/th/help/english-only.md, where the language switch leads. "
            "Add it (it may say that the page is not translated yet).",
        ),
        (
            "content/th/about/new-page.md",
            "This page has no English twin at content/en/about/new-page.md, where the language switch leads. "
            "Add it (it may say that the page is not translated yet).",
        ),
    ]
    (repo / "content/en/about/new-page.md").write_text("# New page\n", encoding="utf-8")
    (repo / "content/en/help/english-only.md").unlink()
    assert _content_errors(repo) == []
