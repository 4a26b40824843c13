"""A background page in content/th/ needs its twin in content/en/ (and the other way): `check` says so, where the
build used to stop only on the language switch's broken link."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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


UNSAFE = [
    ("<script>alert(1)</script>", "<script"),
    ('<img src="x.png" onerror="alert(1)">', '<img src="x.png" onerror='),
    ("[click](javascript:alert(1))", "](javascript:"),
    ('<a href="JavaScript:alert(1)">x</a>', '="JavaScript:'),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "<meta"),
    ('<iframe src="https://evil.example"></iframe>', "<iframe"),
    ("<SCRIPT SRC=ours.js></SCRIPT>", "<SCRIPT"),
]


@pytest.mark.parametrize(("html", "found"), UNSAFE, ids=[u[1] for u in UNSAFE])
def test_html_that_runs_code_or_redirects_is_refused_where_it_stands(tmp_path: Path, html: str, found: str) -> None:
    repo = make_repo(tmp_path / "repo")
    shutil.copytree(REPO / "content", repo / "content")
    page = repo / "content/en/about/technology-clinic.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("\n\n", f"\n\nA line before it: {html}\n\n", 1)
    page.write_text(text, encoding="utf-8")
    at = text.index(found, text.index(html))
    line, column = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
    catalog, _, problems = check_database(repo, today=TODAY)
    unsafe = [p for p in problems if p.code == "content-unsafe-html"]
    assert catalog is None and len(unsafe) >= 1
    first = unsafe[0]
    assert (first.path, first.line, first.column) == ("content/en/about/technology-clinic.md", line, column)
    assert first.message_en.startswith(f'"{found}"') and "Markdown" in first.message_en and "โค้ด" in first.message_th


def test_html_shown_as_code_is_fine_and_only_pages_and_pictures_are_published(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    shutil.copytree(REPO / "content", repo / "content")
    for lang in ("th", "en"):
        page = repo / f"content/{lang}/help/contribute.md"
        page.write_text(
            page.read_text(encoding="utf-8")
            + "\n\nNever write `<script>` or `onclick=` in an entry. Without JavaScript: lists."
            + " [Guide](javascript-guide.md)"
            + "\n\n```html\n<iframe src=x></iframe>\n```\n",
            encoding="utf-8",
        )
        (repo / f"content/{lang}/help/diagram.png").write_bytes(
            (REPO / "tests/data/valid/technologies/rmutt/solar-dryer-sample/dryer.png").read_bytes()
        )
    assert check_database(repo, today=TODAY)[0] is not None
    (repo / "content/en/help/helper.js").write_text("alert(1)", encoding="utf-8")
    (repo / "content/th/about/logo.svg").write_text("<svg onload=alert(1)/>", encoding="utf-8")
    _, _, problems = check_database(repo, today=TODAY)
    assert sorted((p.code, p.path) for p in problems if p.is_error) == [
        ("content-file-type", "content/en/help/helper.js"),
        ("content-file-type", "content/th/about/logo.svg"),
    ]


def test_pages_live_in_the_menus_two_sections(tmp_path: Path) -> None:
    """A page at content/th/index.md would hide the generated home page; one in entries/ an entry page."""
    repo = make_repo(tmp_path / "repo")
    shutil.copytree(REPO / "content", repo / "content")
    for rel in ("index.md", "entries/solar-dryer-sample.md", "about/more/deep.md"):
        for lang in ("th", "en"):
            (repo / "content" / lang / rel).parent.mkdir(parents=True, exist_ok=True)
            (repo / "content" / lang / rel).write_text("# x\n", encoding="utf-8")
    _, _, problems = check_database(repo, today=TODAY)
    outside = sorted(p.path for p in problems if p.code == "content-outside-sections")
    assert outside == sorted(
        f"content/{lang}/{rel}"
        for lang in ("th", "en")
        for rel in ("index.md", "entries/solar-dryer-sample.md", "about/more/deep.md")
    )
    message = next(p for p in problems if p.path == "content/en/index.md").message_en
    assert "live directly in content/en/about/ or content/en/help/" in message


def test_a_symbolic_link_in_content_is_refused(tmp_path: Path) -> None:
    """MkDocs follows links in its docs folder and publishes what they point to (a file outside the repository)."""
    repo = make_repo(tmp_path / "repo")
    shutil.copytree(REPO / "content", repo / "content")
    secret = tmp_path / "secret.md"
    secret.write_text("# not for the site\n", encoding="utf-8")
    for lang in ("th", "en"):
        (repo / f"content/{lang}/about/linked.md").symlink_to(secret)
    (repo / "content/th/help/elsewhere").symlink_to(tmp_path, target_is_directory=True)
    catalog, _, problems = check_database(repo, today=TODAY)
    links = sorted(p.path for p in problems if p.code == "file-symlink")
    assert catalog is None
    assert links == ["content/en/about/linked.md", "content/th/about/linked.md", "content/th/help/elsewhere"]
