"""Open-data exports, loaded back and compared field by field with the entry files themselves."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml

from generator.database.validate import check_database
from generator.exports import _FORMULA_START, CSV_COLUMNS, database_csv, database_json, safe_cell, write_exports

from .conftest import REPO


@pytest.fixture(scope="module")
def catalog():  # type: ignore[no-untyped-def]
    cat, _, _ = check_database(REPO)
    assert cat is not None
    return cat


def _as_strings(value: object) -> object:
    """JSON values as YAML's base loader reads them (every scalar a string), for comparison."""
    if isinstance(value, dict):
        return {k: _as_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_strings(v) for v in value]
    return str(value)


def test_json_equals_the_entry_files(catalog) -> None:  # type: ignore[no-untyped-def]
    records = {r["id"]: r for r in json.loads(database_json(catalog))["entries"]}
    assert set(records) == set(catalog.entries)
    for entry in catalog.entries.values():
        source = yaml.load((REPO / entry.source).read_text("utf-8"), Loader=yaml.BaseLoader)
        # block scalars keep their final newline in the file; the model strips trailing blank lines only
        for field in ("description",):
            source[field] = {k: v.rstrip("\n") for k, v in source[field].items()}
        if "adoption" in source and "requirements" in source["adoption"]:
            source["adoption"]["requirements"] = {
                k: v.rstrip("\n") for k, v in source["adoption"]["requirements"].items()
            }
        assert _as_strings(records[entry.id]) == source, entry.id


def test_csv_round_trip(catalog) -> None:  # type: ignore[no-untyped-def]
    data = database_csv(catalog)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [c for c, _ in CSV_COLUMNS] == list(rows[0].keys())
    assert len(rows) == len(catalog.entries)

    def unguard(cell: str) -> str:
        return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_START) else cell

    for row in rows:
        row = {k: unguard(v) for k, v in row.items()}
        e = catalog.entries[row["id"]]
        assert row["title_th"] == e.title.th and row["title_en"] == (e.title.en or "")
        assert row["summary_th"] == e.summary.th and row["summary_en"] == (e.summary.en or "")
        assert row["description_th"] == e.description.th and row["description_en"] == (e.description.en or "")
        assert row["keywords_th"].split("; ") == list(e.keywords.th)
        assert row["audiences"] == "; ".join(e.audiences)
        assert row["provinces"].split("; ") == list(e.provinces)
        assert (row["kind"], row["institution"], row["category"], row["ip_status"]) == (
            e.kind,
            e.institution,
            e.category,
            e.ip_status or "",
        )
        if e.village:
            assert row["village_subdistrict_code"] == e.village.place.subdistrict_code
            assert row["village_technologies"].split("; ") == list(e.village.technologies)
            assert row["village_year_started"] == str(e.village.year_started)
        assert row["cost_min"] == ("" if not e.adoption or e.adoption.cost_min is None else str(e.adoption.cost_min))
        assert row["date_added"] == e.date_added.isoformat() and row["date_reviewed"] == e.date_reviewed.isoformat()


@pytest.mark.parametrize("value", ["=1+1", "+66 2 549 3000", "-5", "@SUM(A1)", "\tx", '=HYPERLINK("x")'])
def test_csv_cells_never_start_a_formula(value: str) -> None:
    assert safe_cell(value) == "'" + value
    assert safe_cell("ปกติ") == "ปกติ"


def test_exports_are_deterministic(catalog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = tmp_path / "a", tmp_path / "b"
    for target in (a, b):
        write_exports(catalog, target, "{}\n")
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert len(files) == 4 + len(catalog.entries)
    for rel in files:
        assert (a / rel).read_bytes() == (b / rel).read_bytes()
    package = json.loads((a / "data" / "datapackage.json").read_text("utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert [r["path"] for r in package["resources"]] == ["techclinic-entries.csv", "techclinic-entries.json"]


def test_data_package_validates_with_frictionless(catalog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import frictionless

    from generator.database.docs import json_schema_text

    schema = json_schema_text(REPO)
    assert schema is not None
    write_exports(catalog, tmp_path, schema)
    report = frictionless.validate(str(tmp_path / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    rows = {t.name: t.stats.get("rows") for t in report.tasks}
    assert rows["entries-csv"] == len(catalog.entries)
    # the JSON Schema published beside the data accepts every exported record
    import jsonschema

    validator = jsonschema.Draft7Validator(json.loads(schema))
    for record in json.loads(database_json(catalog))["entries"]:
        errors = [e.message for e in validator.iter_errors(record)]
        assert errors == [], (record["id"], errors[:3])
