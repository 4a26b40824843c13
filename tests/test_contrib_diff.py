"""`python -m generator diff` between two commits of a real temporary git repository: adds, changes,
removals, a move, images and an unreadable file, described exactly."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO, make_repo


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def diff(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(repo), "diff", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """A repository with two commits: the second adds, changes, removes and moves entries."""
    repo = make_repo(tmp_path / "repo")
    rmutt = repo / "technologies/rmutt"
    extra = (rmutt / "solar-dryer-sample.yaml").read_text(encoding="utf-8").replace("solar-dryer-sample", "old-entry")
    (rmutt / "old-entry.yaml").write_text(extra.replace("แบบโดม", "รุ่นเก่า"), encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "config", "user.name", "Test")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "one")
    # removed
    (rmutt / "old-entry.yaml").unlink()
    # added
    (rmutt / "new-entry.yaml").write_text(extra.replace("old-entry", "new-entry"), encoding="utf-8")
    # changed: a short text, a long text, a list, a field added, an image file added
    indigo = rmutt / "indigo-sample.yaml"
    edit(indigo, "  th: การย้อมครามด้วยน้ำด่างจากขี้เถ้า\n", "  th: การย้อมคราม\n  en: Indigo dyeing\n")
    edit(indigo, "    ชุมชนใช้น้ำด่างจากขี้เถ้าไม้ก่อหม้อคราม\n", "    ชุมชนใช้น้ำด่างจากขี้เถ้าไม้ก่อหม้อครามและหมักไว้เจ็ดวัน\n")
    edit(indigo, "provinces: [sakon-nakhon]", "provinces: [sakon-nakhon, udon-thani]")
    edit(indigo, "  th: |\n", "  th: |\n" + "    ความรู้เรื่องการก่อหม้อครามที่ส่งต่อกันมาในชุมชนหลายชั่วอายุคน\n\n")
    (rmutt / "indigo-sample").mkdir()
    shutil.copy(rmutt / "solar-dryer-sample/dryer.png", rmutt / "indigo-sample/vat.png")
    # moved to another institution, with its image folder
    nu = repo / "technologies/nu"
    nu.mkdir()
    (rmutt / "solar-dryer-sample.yaml").rename(nu / "solar-dryer-sample.yaml")
    (rmutt / "solar-dryer-sample").rename(nu / "solar-dryer-sample")
    edit(nu / "solar-dryer-sample.yaml", "institution: rmutt", "institution: nu")
    # unreadable
    (rmutt / "broken.yaml").write_text("id: broken\nkind: [\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "two")
    return repo


EXPECTED = """\
Entries / รายการ (HEAD~1 → HEAD): 1 added, 1 removed, 1 moved, 1 changed
    เพิ่ม 1 ลบ 1 ย้าย 1 แก้ไข 1

Added · เพิ่ม
  + new-entry (rmutt) เครื่องอบแห้งพลังงานแสงอาทิตย์แบบโดม / Dome solar dryer
      technologies/rmutt/new-entry.yaml

Removed · ลบ
  - old-entry (rmutt) เครื่องอบแห้งพลังงานแสงอาทิตย์รุ่นเก่า / Dome solar dryer
      technologies/rmutt/old-entry.yaml

Moved · ย้าย
  > solar-dryer-sample: technologies/rmutt/solar-dryer-sample.yaml → technologies/nu/solar-dryer-sample.yaml
      institution: "rmutt" → "nu"

Changed · แก้ไข
  ~ indigo-sample (rmutt) การย้อมคราม / Indigo dyeing
      title.th: "การย้อมครามด้วยน้ำด่างจากขี้เถ้า" → "การย้อมคราม"
      title.en: added "Indigo dyeing" · เพิ่ม "Indigo dyeing"
      description.th: changed (28 → 90 characters) · แก้ไข (28 → 90 ตัวอักษร)
      provinces: added "udon-thani" · เพิ่ม "udon-thani"
      images (files): added vat.png · เพิ่ม vat.png

Files that cannot be read · ไฟล์ที่อ่านไม่ได้
  ! technologies/rmutt/broken.yaml:3 (HEAD): yaml-syntax: """


def test_diff_between_two_commits(history: Path) -> None:
    result = diff(history, "HEAD~1", "HEAD")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(EXPECTED), result.stdout
    assert result.stdout.count("\n") == EXPECTED.count("\n") + 2  # the syntax message and its Thai line


def test_diff_against_the_working_tree(history: Path) -> None:
    clean = diff(history, "HEAD")
    assert "(HEAD → working tree): 0 added, 0 removed, 0 moved, 0 changed" in clean.stdout
    assert "technologies/rmutt/broken.yaml:3 (working tree)" in clean.stdout  # still broken, still said
    assert clean.stdout.endswith("No entry changed. · ไม่มีรายการที่เปลี่ยนแปลง\n")
    edit(history / "technologies/nu/solar-dryer-sample.yaml", "cost_max: 45000", "cost_max: 50000")
    edited = diff(history, "HEAD")
    assert "  ~ solar-dryer-sample (nu) เครื่องอบแห้งพลังงานแสงอาทิตย์แบบโดม / Dome solar dryer" in edited.stdout
    assert '      adoption.cost_max: "45000" → "50000"' in edited.stdout
    assert "(HEAD → working tree)" in edited.stdout


def test_diff_markdown_is_escaped(history: Path) -> None:
    edit(
        history / "technologies/nu/solar-dryer-sample.yaml",
        "  en: Dome solar dryer",
        '  en: "<img src=x onerror=alert(1)> *bold* | pipe"',
    )
    result = diff(history, "HEAD~1", "--format", "markdown")
    out = result.stdout
    assert out.startswith("### Entries changed / รายการที่เปลี่ยนแปลง\n")
    assert (
        "| new\\-entry | เครื่องอบแห้งพลังงานแสงอาทิตย์แบบโดม / Dome solar dryer | rmutt | "
        "technologies/rmutt/new\\-entry\\.yaml |" in out
    )
    assert not re.search(r"(?<!\\)[<>]", out)  # no raw HTML can reach the job summary
    assert "\\<img src=x onerror=alert\\(1\\)\\> \\*bold\\* \\| pipe" in out


def test_diff_of_an_unknown_revision_is_a_usage_error(history: Path) -> None:
    result = diff(history, "no-such-branch")
    assert result.returncode == 2 and "unknown revision 'no-such-branch'" in result.stderr
    assert "Traceback" not in result.stderr
    option = diff(history, "--", "--output=/tmp/x")
    assert option.returncode == 2


def test_diff_outside_git_says_so(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "plain")
    result = diff(repo, "HEAD")
    assert result.returncode == 2 and "is not in a git repository" in result.stderr
