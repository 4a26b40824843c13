"""Spreadsheet import end to end: real .xlsx (made with openpyxl from the committed template) and real .csv
files with good and bad rows give exactly the right entry files and exactly the expected errors."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl

from generator.contrib.fields import columns
from generator.database.validate import check_database

from .conftest import REPO, TODAY

ENV = {**os.environ, "PYTHAINLP_OFFLINE": "1", "PYTHAINLP_READ_ONLY": "1"}
KEYS = [c.key for c in columns()]
TEMPLATE = REPO / "docs/entries-template.xlsx"


def col(key: str) -> str:
    """The spreadsheet column letter of a field key (columns follow the schema, so letters move with it)."""
    return str(openpyxl.utils.get_column_letter(KEYS.index(key) + 1))


ERROR_LINE = re.compile(
    r"^(?P<where>\S+)!(?P<cell>[A-Z]*\d+): (?P<sev>error|warning)\[(?P<code>[a-z-]+)\](?: (?P<field>\S+):)?"
)


def run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(repo), "import", "--today", TODAY.isoformat(), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=ENV,
    )


def reported(out: str, severity: str = "error") -> list[tuple[str, str, str]]:
    found = [m for m in map(ERROR_LINE.match, out.splitlines()) if m and m["sev"] == severity]
    return [(m["cell"], m["code"], m["field"] or "") for m in found]


def new_files(repo: Path) -> set[str]:
    return {p.relative_to(repo).as_posix() for p in (repo / "technologies").rglob("*.yaml")} - {
        "technologies/rmutt/indigo-sample.yaml",
        "technologies/rmutt/solar-dryer-sample.yaml",
    }


def row(**cells: Any) -> list[Any]:
    """A sheet row from keyword cells (dots written as __)."""
    values = {k.replace("__", "."): v for k, v in cells.items()}
    unknown = set(values) - set(KEYS)
    assert not unknown, unknown
    return [values.get(k) for k in KEYS]


TECH = dict(
    kind="technology",
    institution="rmutt",
    summary__th="สรุปหนึ่งประโยค",
    description__th="ย่อหน้าแรก\n\n### หัวข้อ\n- ข้อหนึ่ง",
    category="food-processing",
    keywords__th="มะม่วง",
    audiences="community-enterprise",
    value_chain="midstream",
    provinces="pathum-thani",
    readiness="in-use",
    ip__status="open",
    date_added="2024-03-15",
    date_reviewed="2025-01-10",
)

GOOD_TECH = row(
    **{
        **TECH,
        "id": "mango-dryer",
        "kind": "เทคโนโลยี",  # a Thai label from the dropdown
        "title__th": "เครื่องอบมะม่วง",
        "title__en": "Mango dryer",
        "keywords__th": "มะม่วง\nอบแห้ง",  # one per line (Alt+Enter)
        "keywords__en": "mango; drying",
        "audiences": "community-enterprise, otop-startup",
        "provinces": "ปทุมธานี\nnonthaburi",  # a province by its Thai name
        "adoption__cost_min": 15000,  # a number cell
        "researchers__th": "ดร.หนึ่ง; ดร.สอง",
        "researchers__en": "Dr. One",  # the first researcher's English only
        "contact__phone": "0812345678",
        "related": "solar-dryer-sample; wisdom-row",  # an existing entry and a row of this sheet
        "date_added": dt.datetime(2024, 3, 15),  # a date cell
    }
)
GOOD_WISDOM = row(
    id="wisdom-row",
    kind="local-wisdom",
    institution="ม.บูรพา",  # an institution by its Thai short name
    title__th="ภูมิปัญญาการสานเสื่อกก",
    summary__th="การสานเสื่อกกลายโบราณ",
    description__th="เล่าเรื่องการสานเสื่อ",
    category="textiles-crafts",
    keywords__th="เสื่อกก",
    audiences="community-enterprise",
    value_chain="upstream",
    provinces="chon-buri",
    ip__status="community-owned",
    community__name__th="กลุ่มสานเสื่อบ้านตัวอย่าง",
    community__province="ชลบุรี",
    holders__name__th="ยายหนึ่ง\nตาสอง",
    holders__role__th="ผู้สอน",  # the first holder's role; the second has none
    consent__method="written",
    consent__date=dt.date(2023, 5, 1),
    consent__given_by__th="ยายหนึ่ง",
    consent__attribution__th="ภูมิปัญญาของกลุ่มสานเสื่อบ้านตัวอย่าง",
    date_added="2023-07-01",
    date_reviewed="2025-02-01",
)
BAD_ID_AND_CATEGORY = row(**{**TECH, "id": "Bad Id", "title__th": "ก", "category": "nope"})
DUPLICATE = row(**{**TECH, "id": "solar-dryer-sample", "title__th": "ซ้ำ"})
LEANS_ON_BAD = row(**{**TECH, "id": "leans-on-bad", "title__th": "พึ่งแถวที่ผิด", "related": "buddhist-year"})
BUDDHIST = row(**{**TECH, "id": "buddhist-year", "title__th": "ปีพุทธ", "date_added": "2567-03-15"})
WRONG_KIND_FIELD = row(**{**TECH, "id": "tech-with-community", "title__th": "ผิดประเภท", "community__name__th": "ชุมชน"})


def test_xlsx_good_and_bad_rows(repo: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(TEMPLATE)  # the committed template: Thai headers in row 1, keys in row 2
    ws = wb["entries"]
    for values in (GOOD_TECH, GOOD_WISDOM, BAD_ID_AND_CATEGORY, [None] * len(KEYS), DUPLICATE, LEANS_ON_BAD, BUDDHIST):
        ws.append(values)
    ws.append(WRONG_KIND_FIELD)
    sheet = tmp_path / "entries.xlsx"
    wb.save(sheet)
    result = run(repo, str(sheet))
    assert result.returncode == 1
    assert sorted(reported(result.stdout)) == sorted(
        [
            ("A5", "bad-id", "id"),
            (f"{col('category')}5", "not-in-list", "category"),
            ("A7", "duplicate-id", "id"),
            (f"{col('related')}8", "unknown-entry", "related[0]"),  # its related row failed, so it cannot stand
            (f"{col('date_added')}9", "date-buddhist-era", "date_added"),
            (f"{col('community.name.th')}10", "unknown-field", "community"),
        ]
    )
    assert f"{sheet}:entries!A7: error[duplicate-id] id:" in result.stdout
    assert "(แถว 7 คอลัมน์ A «รหัสรายการ ชื่อไฟล์ต้องเป็น <รหัส>.yaml»)" in result.stdout
    assert new_files(repo) == {"technologies/rmutt/mango-dryer.yaml", "technologies/buu/wisdom-row.yaml"}
    assert "2 file(s) written, 5 row(s) with errors" in result.stderr
    catalog, _, problems = check_database(repo, today=TODAY)
    assert [p for p in problems if p.is_error] == [] and catalog is not None
    mango = catalog.entries["mango-dryer"]
    assert mango.kind == "technology" and mango.provinces == ("pathum-thani", "nonthaburi")
    assert mango.keywords.th == ("มะม่วง", "อบแห้ง") and mango.keywords.en == ("mango", "drying")
    assert [(r.th, r.en) for r in mango.researchers] == [("ดร.หนึ่ง", "Dr. One"), ("ดร.สอง", None)]
    assert mango.adoption is not None and mango.adoption.cost_min == 15000
    assert mango.contact is not None and mango.contact.phone == "0812345678"
    assert mango.related == ("solar-dryer-sample", "wisdom-row") and mango.date_added == dt.date(2024, 3, 15)
    wisdom = catalog.entries["wisdom-row"]
    assert [(h.name.th, h.role.th if h.role else None) for h in wisdom.holders] == [("ยายหนึ่ง", "ผู้สอน"), ("ตาสอง", None)]
    text = (repo / "technologies/rmutt/mango-dryer.yaml").read_text(encoding="utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../../site_config/schema/entry.schema.json\nid: mango-dryer\n"
    )
    assert 'phone: "0812345678"' in text and "provinces: [pathum-thani, nonthaburi]" in text
    assert "  th: |\n    ย่อหน้าแรก\n\n    ### หัวข้อ\n    - ข้อหนึ่ง\n" in text
    # importing the same sheet again writes nothing new and overwrites nothing
    before = text
    again = run(repo, str(sheet))
    assert ("A3", "duplicate-id", "id") in reported(again.stdout)
    assert (repo / "technologies/rmutt/mango-dryer.yaml").read_text(encoding="utf-8") == before


def test_csv_utf8_with_bom_and_key_headers(repo: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "clinic.csv"
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(KEYS)
    writer.writerow(["" if v is None else v for v in row(**{**TECH, "id": "csv-good", "title__th": "จาก CSV"})])
    writer.writerow(
        ["" if v is None else v for v in row(**{**TECH, "id": "csv-bad", "title__th": "x", "provinces": "atlantis"})]
    )
    sheet.write_bytes(codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8"))
    result = run(repo, str(sheet))
    assert result.returncode == 1
    assert reported(result.stdout) == [("O3", "not-in-list", "provinces[0]")]
    assert f"{sheet}:clinic!O3:" in result.stdout
    assert new_files(repo) == {"technologies/rmutt/csv-good.yaml"}


def test_csv_thai_windows_874_is_read_and_said(repo: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "legacy.csv"
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(KEYS)
    writer.writerow(["" if v is None else v for v in row(**{**TECH, "id": "cp874-row", "title__th": "ภาษาไทยแบบเก่า"})])
    sheet.write_bytes(buffer.getvalue().encode("cp874"))
    result = run(repo, str(sheet))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "was read as Thai Windows-874" in result.stdout
    assert new_files(repo) == {"technologies/rmutt/cp874-row.yaml"}
    assert "title:\n  th: ภาษาไทยแบบเก่า\n" in (repo / "technologies/rmutt/cp874-row.yaml").read_text(encoding="utf-8")


def test_unusable_sheets_write_nothing(repo: Path, tmp_path: Path) -> None:
    utf16 = tmp_path / "unicode.csv"
    utf16.write_bytes(codecs.BOM_UTF16_LE + "id,kind\r\nx,y\r\n".encode("utf-16-le"))
    result = run(repo, str(utf16))
    assert result.returncode == 1 and "UTF-16" in result.stderr and "CSV UTF-8" in result.stderr
    typo = tmp_path / "typo.csv"
    typo.write_text("id,kind,instituton\nx-y,technology,rmutt\n", encoding="utf-8")
    result = run(repo, str(typo))
    assert result.returncode == 1
    assert f'{typo}:typo!C1: "instituton" is not a column of an entry. Did you mean "institution"?' in result.stderr
    stray = tmp_path / "stray.csv"
    stray.write_text("id,kind\nx-y,technology,oops\n", encoding="utf-8")
    assert "C2: a value in a column without a header" in run(repo, str(stray)).stderr
    not_a_workbook = tmp_path / "fake.xlsx"
    not_a_workbook.write_text("hello", encoding="utf-8")
    assert "cannot be read as an .xlsx workbook" in run(repo, str(not_a_workbook)).stderr
    assert new_files(repo) == set()


def test_dry_run_writes_nothing(repo: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(TEMPLATE)
    wb["entries"].append(GOOD_WISDOM)
    sheet = tmp_path / "dry.xlsx"
    wb.save(sheet)
    result = run(repo, "--dry-run", str(sheet))
    assert result.returncode == 0 and "would write technologies/buu/wisdom-row.yaml" in result.stdout
    assert new_files(repo) == set()


def test_template_command_writes_both_kinds(repo: Path, tmp_path: Path) -> None:
    assert run(repo, "--template", str(tmp_path / "t.xlsx")).returncode == 0
    wb = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert wb.sheetnames == ["entries", "choices", "help"]
    ws = wb["entries"]
    assert [c.value for c in ws[2]] == KEYS
    assert [c.value for c in ws[1]] == [c.label_th for c in columns()]
    assert ws["D1"].value == "ชื่อเรื่อง (ไทย)"
    validated = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
    assert validated["J3:J1000"].startswith("=choices!$")  # category dropdown
    help_keys = [r[0].value for r in wb["help"].iter_rows() if r and r[0].value in KEYS]
    assert help_keys == KEYS
    assert run(repo, "--template", str(tmp_path / "t.csv")).returncode == 0
    raw = (tmp_path / "t.csv").read_bytes()
    assert raw.startswith(codecs.BOM_UTF8) and raw.decode("utf-8-sig").splitlines()[1] == ",".join(KEYS)
