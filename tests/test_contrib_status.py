"""Review freshness (check warnings) and translation status (command and maintainers' page) on real
repositories: a temporary git history with fixed commit dates, a copy without git, a shallow clone."""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.database.freshness import cutoff, first_stale_day, today
from generator.database.validate import check_database
from generator.site.pages import render_site_pages

from .conftest import REPO, TODAY, make_repo

ENV = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
DRYER = "technologies/rmutt/solar-dryer-sample.yaml"


def run(repo: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(repo), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env or ENV,
    )


def epoch(date: dt.date) -> str:
    return str(calendar.timegm(date.timetuple()))


def test_check_warns_about_entries_not_reviewed_for_two_years(repo: Path) -> None:
    result = run(repo, "check", "--today", TODAY.isoformat())
    assert result.returncode == 0  # a warning, not an error
    assert re.search(r"^checked 2 valid entries in \d+\.\d\d s$", result.stderr, re.MULTILINE), result.stderr
    assert (
        "technologies/rmutt/indigo-sample.yaml:35:1: warning[review-stale] date_reviewed: Last reviewed on 2023-07-01, "
        "more than two years ago." in result.stdout
    )
    assert "ตรวจทานครั้งล่าสุดเมื่อ 2023-07-01 ซึ่งนานกว่าสองปีแล้ว" in result.stdout
    assert "solar-dryer-sample.yaml:50:1: warning[review-stale]" not in result.stdout  # reviewed 2025-01-10
    # without --today, SOURCE_DATE_EPOCH decides what "today" is
    later = run(repo, "check", env={**ENV, "SOURCE_DATE_EPOCH": epoch(dt.date(2023, 7, 2) + dt.timedelta(days=731))})
    assert "indigo-sample.yaml:35:1: warning[review-stale]" in later.stdout
    sooner = run(repo, "check", env={**ENV, "SOURCE_DATE_EPOCH": epoch(dt.date(2025, 6, 30))})
    assert "review-stale" not in sooner.stdout
    github = run(repo, "check", "--format", "github", "--today", TODAY.isoformat())
    assert (
        "::warning file=technologies/rmutt/indigo-sample.yaml,line=35,col=1,title=review-stale date_reviewed::"
        in github.stdout
    )


def test_the_build_check_takes_today_from_source_date_epoch(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # build and serve call check_database without a date: the same day as `check` (and the maintainers' page)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(dt.date(2025, 6, 30)))
    _, _, sooner = check_database(repo)
    assert [p for p in sooner if p.code == "review-stale"] == []
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(dt.date(2023, 7, 2) + dt.timedelta(days=731)))
    _, _, later = check_database(repo)
    assert [p.path for p in later if p.code == "review-stale"] == ["technologies/rmutt/indigo-sample.yaml"]


def test_freshness_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    assert cutoff(dt.date(2028, 2, 29)) == dt.date(2026, 2, 28)
    assert cutoff(dt.date(2026, 11, 1)) == dt.date(2024, 11, 1)
    # The day a review turns stale (the check cache trusts it), over leap years and every month end.
    last = dt.date(2022, 1, 1)
    while last < dt.date(2029, 1, 1):
        first = first_stale_day(last)
        assert cutoff(first) > last >= cutoff(first - dt.timedelta(days=1)), last
        last += dt.timedelta(days=1)
    assert first_stale_day(dt.date(2024, 2, 29)) == dt.date(2026, 3, 1)
    assert first_stale_day(dt.date(9998, 1, 1)) == dt.date.max
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(dt.date(2025, 6, 3)))
    assert today() == dt.date(2025, 6, 3)
    assert today(dt.date(2020, 1, 1)) == dt.date(2020, 1, 1)


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = dict(ENV)
    if date:
        env.update(GIT_AUTHOR_DATE=f"{date}T12:00:00+07:00", GIT_COMMITTER_DATE=f"{date}T12:00:00+07:00")
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """Three commits on main with fixed dates, plus an uncommitted edit."""
    repo = make_repo(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "config", "user.name", "Test")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "first", date="2025-01-10")
    dryer = repo / DRYER
    edit(dryer, "  th: โรงอบแห้งทรงโดมที่ใช้แสงแดด", "  th: โรงอบแห้งทรงโดมขนาดใหญ่ที่ใช้แสงแดด")  # summary: Thai only
    git(repo, "commit", "-q", "-am", "summary in Thai", date="2025-03-01")
    edit(dryer, "  th: เครื่องอบแห้งพลังงานแสงอาทิตย์แบบโดม", "  th: เครื่องอบแห้งแสงอาทิตย์แบบโดม")  # title: both
    edit(dryer, "  en: Dome solar dryer", "  en: Solar dome dryer")
    git(repo, "commit", "-q", "-am", "title in both languages", date="2025-04-01")
    edit(dryer, "ช่วยให้มะม่วงและกล้วยแห้งภายใน 3 วัน", "ช่วยให้มะม่วงและกล้วยแห้งภายใน 2 วัน")  # not committed
    return repo


EXPECTED = """\
1 entries lack English, 1 have English older than the Thai
    ยังไม่มีภาษาอังกฤษ 1 รายการ ภาษาอังกฤษเก่ากว่าภาษาไทย 1 รายการ

rmutt — มทร.ธัญบุรี / RMUTT (2 entries · รายการ)
  technologies/rmutt/indigo-sample.yaml
    no English · ไม่มีภาษาอังกฤษ: title, summary, description, keywords, community.name, holders.name, consent.given_by, consent.attribution
  technologies/rmutt/solar-dryer-sample.yaml
    English older · ภาษาอังกฤษเก่ากว่า: summary (Thai · ไทย 2025-03-01, English · อังกฤษ 2025-01-10)
    English older · ภาษาอังกฤษเก่ากว่า: description (Thai · ไทย uncommitted, English · อังกฤษ 2025-01-10)
"""  # noqa: E501


def test_translation_status_from_git_history(history: Path) -> None:
    result = run(history, "translations")
    assert result.returncode == 0, result.stderr
    assert result.stdout == EXPECTED
    git(history, "commit", "-q", "-am", "description", date="2025-05-01")
    assert "description (Thai · ไทย 2025-05-01, English · อังกฤษ 2025-01-10)" in run(history, "translations").stdout


def test_translation_status_without_history(history: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(history, copy, ignore=shutil.ignore_patterns(".git"))
    plain = run(copy, "translations").stdout
    assert plain.startswith("Age of English texts unknown · ไม่ทราบอายุของข้อความภาษาอังกฤษ: no git repository")
    assert "no English · ไม่มีภาษาอังกฤษ: title, summary" in plain and "English older ·" not in plain
    assert "1 entries lack English, ? have English older than the Thai" in plain
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{history}", str(shallow))
    assert "shallow clone" in run(shallow, "translations").stdout


def test_maintainers_page_in_both_languages(history: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(dt.date(2026, 11, 1)))
    catalog, _, problems = check_database(history, today=TODAY)
    assert catalog is not None, problems
    pages = {lang: {p.path: p for p in render_site_pages(catalog, lang)} for lang in ("th", "en")}
    th, en = pages["th"]["maintainers.md"].html, pages["en"]["maintainers.md"].html
    assert "<h1>สำหรับผู้ดูแลข้อมูล</h1>" in th and "<h1>For maintainers</h1>" in en
    assert "as of 1 November 2026" in en and "1 พฤศจิกายน 2569" in th  # Buddhist Era on the Thai page
    assert "1 entry last reviewed before 1 November 2024." in en
    # the overview counts per institution and links to the institution's own page, which lists the entries
    row = re.search(r"<tr>\s*<th scope=\"row\"><a href=\"maintainers/rmutt.html\">.*?</tr>", en, re.DOTALL)
    assert row is not None
    cells = re.findall(r"<td>(.*?)</td>", row.group(0), re.DOTALL)
    assert cells == ["2", "1", "1", "1"]  # entries, not reviewed in two years, without English, English older
    assert "entries/indigo-sample.html" not in en  # the overview stays small: entries are on the institution pages
    rmutt = pages["en"]["maintainers/rmutt.md"].html
    assert "1 entry last reviewed before 1 November 2024." in rmutt
    assert '<a href="../entries/indigo-sample.html">' in rmutt and "<code>indigo-sample</code>" in rmutt
    assert "summary: Thai changed 1 March 2025, English changed 10 January 2025" in rmutt
    assert "description: Thai changed not yet committed, English changed 10 January 2025" in rmutt
    assert "No English for: title, summary, description" in rmutt
    assert "ภาษาไทยแก้เมื่อ 1 มีนาคม 2568" in pages["th"]["maintainers/rmutt.md"].html
    assert not any(p.startswith("maintainers/") and p != "maintainers/rmutt.md" for p in pages["en"])
    # the same repository state gives the same page
    again = {p.path: p for p in render_site_pages(catalog, "en")}
    assert again["maintainers.md"].html == en and again["maintainers/rmutt.md"].html == rmutt
