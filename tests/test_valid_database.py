"""The valid test database and the bundled sample database load without errors."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from generator.database.validate import check_database

from .conftest import REPO, TODAY


def test_valid_test_database(repo: Path) -> None:
    catalog, _, problems = check_database(repo, today=TODAY)
    assert [p for p in problems if p.is_error] == []
    assert catalog is not None
    assert set(catalog.entries) == {"solar-dryer-sample", "indigo-sample"}
    dryer = catalog.entries["solar-dryer-sample"]
    # YAML 1.1 would turn these into numbers; they must stay exactly as written.
    assert dryer.contact is not None and dryer.contact.phone == "021234567"
    assert dryer.ip_number == "1803001234"
    assert dryer.date_added == dt.date(2024, 3, 15)
    assert dryer.adoption is not None and dryer.adoption.cost_max == 45000
    wisdom = catalog.entries["indigo-sample"]
    assert wisdom.title.en is None and wisdom.title.get("en") == wisdom.title.th
    warnings = [p for p in problems if not p.is_error]
    assert [(p.code, p.path, p.line) for p in warnings] == [
        ("missing-translation", "technologies/rmutt/indigo-sample.yaml", 1),
        ("review-stale", "technologies/rmutt/indigo-sample.yaml", 35),  # reviewed 2023-07-01
    ]


def test_sample_database_is_valid_and_large_enough() -> None:
    catalog, reference, problems = check_database(REPO)
    assert [p for p in problems if p.is_error] == []
    assert catalog is not None
    kinds = {k: len(v) for k, v in catalog.by_kind.items()}
    assert kinds["technology"] >= 40
    assert kinds["local-wisdom"] >= 15
    assert len(catalog.by_institution) >= 10
    assert set(catalog.by_category) == set(reference.taxonomies["categories"])
    assert set(catalog.by_region) == set(reference.regions)
    without_english = [e for e in catalog.entries.values() if not e.has_english]
    assert 0 < len(without_english) < len(catalog.entries) / 4


def test_check_command_exit_codes(repo: Path) -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(repo), "check"], capture_output=True, text=True, cwd=REPO
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    (repo / "technologies" / "rmutt" / "broken.yaml").write_text("id: broken\nkind: [\n", encoding="utf-8")
    bad = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(repo), "check"], capture_output=True, text=True, cwd=REPO
    )
    assert bad.returncode == 1
    assert "technologies/rmutt/broken.yaml:3:1: error[yaml-syntax]" in bad.stdout
    usage = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--format", "xml"], capture_output=True, text=True, cwd=REPO
    )
    assert usage.returncode == 2
    # Run from the wrong folder: one clear sentence, not five unreadable site_config files.
    elsewhere = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(repo / "technologies"), "check"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert elsewhere.returncode == 2 and elsewhere.stdout == ""
    assert "no database here (no site_config/ folder)" in elsewhere.stderr and "ไม่พบฐานข้อมูล" in elsewhere.stderr


def test_github_and_json_formats(repo: Path) -> None:
    (repo / "technologies" / "rmutt" / "typo.yaml").write_text("id: typo\ndesciption: x\n", encoding="utf-8")
    gh = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(repo), "check", "--format", "github"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert gh.returncode == 1
    line = next(ln for ln in gh.stdout.splitlines() if "desciption" in ln)
    assert line.startswith("::error file=technologies/rmutt/typo.yaml,line=2,col=1,title=unknown-field desciption::")
    assert 'Did you mean "description"?' in line
    js = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(repo), "check", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    import json

    rows = json.loads(js.stdout)
    assert {"path", "line", "column", "code", "severity", "field", "message_en", "message_th"} <= set(rows[0])
    assert any(r["code"] == "unknown-field" and r["field"] == "desciption" for r in rows)


def test_search_postings_round_trip() -> None:
    from generator.site.search import decode_postings, encode_postings

    postings = [(0, 15), (1, 1), (7, 12), (1000, 3), (1001, 8), (250_000, 2)]
    assert decode_postings(encode_postings(postings)) == postings
