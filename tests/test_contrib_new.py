"""`python -m generator new` end to end: the file it writes fails `check` exactly on its placeholders, and
passes once they are filled in by editing the YAML text (the way a contributor would)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.atomic import create_text as write_new_file
from generator.contrib.new import suggest_id

from .conftest import REPO, TODAY

ENV = {**os.environ, "PYTHAINLP_OFFLINE": "1", "PYTHAINLP_READ_ONLY": "1", "NO_MKDOCS_2_WARNING": "1"}
ENV.pop("SOURCE_DATE_EPOCH", None)
PROBLEM = re.compile(
    r"^(?P<path>\S+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning)\[(?P<code>[a-z-]+)\] (?P<field>\S+):"
)


def run(repo: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(repo), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        input=stdin,
        env=ENV,
    )


def problems(repo: Path, *paths: str) -> list[dict[str, str]]:
    out = run(repo, "check", "--today", TODAY.isoformat(), *paths).stdout
    return [m.groupdict() for m in map(PROBLEM.match, out.splitlines()) if m]


def errors_in(repo: Path, rel: str) -> dict[str, tuple[str, int, int]]:
    """field → (code, line, column) of every error in one file."""
    return {
        p["field"]: (p["code"], int(p["line"]), int(p["col"]))
        for p in problems(repo)
        if p["sev"] == "error" and p["path"] == rel
    }


TECHNOLOGY_PLACEHOLDERS = {
    "summary.th",
    "summary.en",
    "description.th",
    "description.en",
    "keywords.th[0]",
    "keywords.en[0]",
    "audiences[0]",
    "value_chain[0]",
    "provinces[0]",
    "readiness",
    "ip.status",
}

FILL = {
    "summary.th": "เครื่องอบแห้งพลังแสงอาทิตย์ขนาดเล็กสำหรับวิสาหกิจชุมชนที่แปรรูปมะม่วง",
    "summary.en": None,  # no English yet: the contributor deletes the line, as the message says
    "description.th": "เครื่องอบแห้งที่ใช้แสงอาทิตย์\n\n### วิธีใช้\n- ตากมะม่วงบนถาด",
    "description.en": "A small solar dryer.\n\n### How to use\n- Spread the mango slices on the trays",
    "keywords.th[0]": "มะม่วงอบแห้ง",
    "keywords.en[0]": "dried mango",
    "audiences[0]": "community-enterprise",
    "value_chain[0]": "midstream",
    "provinces[0]": "pathum-thani",
    "readiness": "in-use",
    "ip.status": "open",
    "title.en": "Community solar dryer",
    "category": "food-processing",
    "community.name.th": "กลุ่มทอผ้าบ้านนาข่า",
    "community.name.en": None,
    "community.province": "udon-thani",
    "holders[0].name.th": "นางคำปุน ศรีใส",
    "holders[0].name.en": "Mrs. Khampun Srisai",
    "consent.method": "written",
    "consent.date": "2026-01-05",
    "consent.given_by.th": "นางคำปุน ศรีใส",
    "consent.given_by.en": None,
    "consent.attribution.th": "ลายผ้าของกลุ่มทอผ้าบ้านนาข่า",
    "consent.attribution.en": "Patterns of the Ban Na Kha weavers",
}


def fill_in(path: Path, errors: dict[str, tuple[str, int, int]]) -> None:
    """Replace each reported TODO in the text (or delete an English line), bottom up so positions hold."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for field, (code, line, col) in sorted(errors.items(), key=lambda e: -e[1][1]):
        assert code == "placeholder", (field, code)
        value = FILL[field]
        index = line - 1
        if lines[index][col - 1] == "|":  # a Markdown block: the TODO is on the next line
            indent = re.match(r" *", lines[index + 1]).group()  # type: ignore[union-attr]
            assert lines[index + 1].strip() == "TODO"
            assert value is not None
            lines[index + 1 : index + 2] = [indent + part if part else "" for part in value.split("\n")]
        elif value is None:
            assert lines[index].strip() in ("en: TODO", "en: |"), lines[index]
            del lines[index]
        else:
            assert lines[index][col - 1 : col + 3] == "TODO", (field, lines[index])
            lines[index] = lines[index][: col - 1] + value + lines[index][col + 3 :]
    path.write_text("\n".join(lines), encoding="utf-8")


def test_new_non_interactive_then_filled_in_passes(repo: Path) -> None:
    result = run(
        repo,
        "new",
        "--yes",
        "--kind=technology",
        "--institution=rmutt",
        "--title-th=เครื่องอบแห้งมะม่วงพลังแสงอาทิตย์",
        "--title-en=Solar dryer for mango",
        "--category=food-processing",
        f"--today={TODAY.isoformat()}",
    )
    assert result.returncode == 0, result.stderr
    rel = "technologies/rmutt/solar-dryer-for-mango.yaml"
    assert f"wrote {rel}" in result.stdout
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../site_config/schema/entry.schema.json\n")
    assert f"date_added: {TODAY.isoformat()}" in text and "# ชื่อเรื่อง · Title (ต้องมี · required)" in text
    assert "# adoption:" in text and "consent" not in text  # optional commented out; local-wisdom fields left out
    errors = errors_in(repo, rel)
    assert set(errors) == TECHNOLOGY_PLACEHOLDERS
    assert {code for code, _, _ in errors.values()} == {"placeholder"}
    fill_in(path, errors)
    after = run(repo, "check", "--today", TODAY.isoformat(), rel)
    assert after.returncode == 0, after.stdout
    assert [(p["code"], p["field"]) for p in problems(repo, rel)] == [("missing-translation", "en")]


def test_new_interactive_with_wrong_answers_first(repo: Path) -> None:
    answers = [
        "9",  # kind: no such number
        "local-wisdom",  # an id works too
        "มทร.",  # institution: part of a name fits several
        "ธัญบุรี",  # part of one name: suggested, not taken
        "RMUTT",  # a name in full is taken
        "",  # category: later
        "ผ้าทอลายขิดบ้านนาข่า",
        "",  # no English title: no id to suggest
        "Bad Id",  # refused like `check` refuses it
        "solar-dryer-sample",  # already used
        "na-kha-weaving",
    ]
    result = run(repo, "new", "--lang", "en", "--today", TODAY.isoformat(), stdin="\n".join(answers) + "\n")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    kinds = len(yaml.safe_load((repo / "site_config/taxonomies.yaml").read_text("utf-8"))["kinds"])
    assert f"No such choice: type a number from 1 to {kinds}" in out
    assert 'Did you mean "rmutt" (Rajamangala University of Technology Thanyaburi) or "rmutl"' in out
    assert 'Did you mean "rmutt" (Rajamangala University of Technology Thanyaburi)?' in out and "→ rmutt" in out
    assert '"Bad Id" is not a valid id' in out
    assert 'The id "solar-dryer-sample" is also used by technologies/rmutt/solar-dryer-sample.yaml' in out
    rel = "technologies/rmutt/na-kha-weaving.yaml"
    errors = errors_in(repo, rel)
    assert set(errors) == {
        "title.en",
        "summary.th",
        "summary.en",
        "description.th",
        "description.en",
        "category",
        "keywords.th[0]",
        "keywords.en[0]",
        "audiences[0]",
        "value_chain[0]",
        "provinces[0]",
        "ip.status",
        "community.name.th",
        "community.name.en",
        "community.province",
        "holders[0].name.th",
        "holders[0].name.en",
        "consent.method",
        "consent.date",
        "consent.given_by.th",
        "consent.given_by.en",
        "consent.attribution.th",
        "consent.attribution.en",
    }
    fill_in(repo / rel, errors)
    assert run(repo, "check", "--today", TODAY.isoformat(), rel).returncode == 0


def test_new_thai_questions_and_cancel(repo: Path) -> None:
    result = run(repo, "new", stdin="1\n")  # then the input ends
    assert result.returncode == 1
    assert "ประเภทรายการ" in result.stdout and "หน่วยงานของคุณ" in result.stdout
    assert "ไม่ได้สร้างไฟล์" in result.stderr
    assert sorted(p.name for p in (repo / "technologies" / "rmutt").glob("*.yaml")) == [
        "indigo-sample.yaml",
        "solar-dryer-sample.yaml",
    ]


def test_new_refuses_used_ids_and_bad_flags(repo: Path) -> None:
    before = (repo / "technologies/rmutt/solar-dryer-sample.yaml").read_bytes()
    used = run(repo, "new", "--yes", "--kind=technology", "--institution=rmutt", "--id=solar-dryer-sample")
    assert used.returncode == 2
    assert "also used by technologies/rmutt/solar-dryer-sample.yaml" in used.stderr and "ซ้ำกับ" in used.stderr
    assert (repo / "technologies/rmutt/solar-dryer-sample.yaml").read_bytes() == before
    other_folder = run(repo, "new", "--yes", "--kind=technology", "--institution=nu", "--id=solar-dryer-sample")
    assert other_folder.returncode == 2 and not (repo / "technologies/nu").exists()
    missing = run(repo, "new", "--yes", "--institution=rmutt", "--id=x-y")
    assert missing.returncode == 2 and "--kind is required with --yes" in missing.stderr
    unknown = run(repo, "new", "--yes", "--kind=technology", "--institution=rmut", "--id=x-y")
    assert unknown.returncode == 2 and "'rmut' is not one of" in unknown.stderr
    part = run(repo, "new", "--yes", "--kind=technology", "--institution=ธัญบุรี", "--id=x-y")
    assert part.returncode == 2 and 'Did you mean "rmutt"' in part.stderr and 'หมายถึง "rmutt"' in part.stderr
    named = run(repo, "new", "--yes", "--kind=เทคโนโลยี", "--institution=มทร.ธัญบุรี", "--id=named-choices")
    assert named.returncode == 0, named.stderr
    assert "institution: rmutt" in (repo / "technologies/rmutt/named-choices.yaml").read_text(encoding="utf-8")


def test_write_new_file_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "a" / "x.yaml"
    write_new_file(target, "one\n")
    with pytest.raises(FileExistsError):
        write_new_file(target, "two\n")
    assert target.read_text(encoding="utf-8") == "one\n"
    assert [p.name for p in target.parent.iterdir()] == ["x.yaml"]  # no temporary file left behind


def test_suggest_id() -> None:
    assert suggest_id("Solar Dryer for Mango (v2)") == "solar-dryer-for-mango-v2"
    assert suggest_id("Café crème") == "cafe-creme"
    assert suggest_id("ไม่มีอักษรอังกฤษ") is None
    long = suggest_id(" ".join(["word"] * 30))
    assert long is not None and len(long) <= 60 and not long.endswith("-")


def test_contributor_path_new_fill_check_build(tmp_path: Path) -> None:
    """The whole path once: new → fill in → check → a real build that shows the entry."""
    repo = tmp_path / "repo"
    for name in ("site_config", "content"):
        shutil.copytree(REPO / name, repo / name)
    shutil.copytree(REPO / "tests/data/valid/technologies", repo / "technologies")
    made = run(
        repo, "new", "--yes", "--kind=technology", "--institution=rmutt", "--title-th=เครื่องอบแห้งชุมชน",
        "--title-en=Community solar dryer", "--category=food-processing", f"--today={TODAY.isoformat()}",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    rel = "technologies/rmutt/community-solar-dryer.yaml"
    fill_in(repo / rel, errors_in(repo, rel))
    assert run(repo, "check", "--today", TODAY.isoformat()).returncode == 0
    built = run(repo, "build", "--out", str(tmp_path / "site"))
    assert built.returncode == 0, built.stderr
    page = (tmp_path / "site/th/entries/community-solar-dryer.html").read_text(encoding="utf-8")
    assert "เครื่องอบแห้งชุมชน" in page and "TODO" not in page
