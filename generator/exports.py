"""Open data: the whole database as JSON (one file and one per entry), CSV and a Frictionless data package.

Written once per build to `data/` at the site root, deterministically (sorted, fixed formatting).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from .database.catalog import Catalog
from .database.model import Entry, LList, LText

DATA_DIR = "data"
JSON_NAME = "techclinic-entries.json"
CSV_NAME = "techclinic-entries.csv"
PACKAGE_NAME = "datapackage.json"
SCHEMA_NAME = "entry.schema.json"
LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
_INTEGER_COLUMNS = ("cost_min", "cost_max", "training_days", "village_year_started")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_INTERNAL = {"source", "missing_english", "image_folder", "review_line"}  # build-machine facts, not data


def _plain(value: Any) -> Any:
    """Model objects as JSON-ready values (dates as ISO strings, texts as {th, en}); empty values left out."""
    if isinstance(value, LText | LList):
        out = {"th": _plain(value.th)}
        if value.en is not None:
            out["en"] = _plain(value.en)
        return out
    if is_dataclass(value):
        items = ((f.name, _plain(getattr(value, f.name))) for f in fields(value) if f.name not in _INTERNAL)
        return {k: v for k, v in items if v not in (None, [], {})}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def entry_record(entry: Entry) -> dict[str, Any]:
    """One entry as an open-data record, shaped exactly like its entry file (see entry.schema.json).

    Image files are published at th/media/<id>/<file> (and en/media/…); no path of the build machine.
    """
    record: dict[str, Any] = _plain(entry)
    if entry.ip_status is not None:
        record["ip"] = {k: v for k, v in (("status", entry.ip_status), ("number", entry.ip_number)) if v is not None}
    record.pop("ip_status", None)
    record.pop("ip_number", None)
    if entry.village is not None:  # a village's fields sit at the top level of its file; its province is its place's
        record.pop("provinces", None)
        record.pop("village", None)
        record.update(_village_record(entry))
    if entry.images:
        record["images"] = [{k: v for k, v in _plain(i).items() if k != "source"} for i in entry.images]
    return record


def _village_record(entry: Entry) -> dict[str, Any]:
    """A village's own fields as in its entry file, with the official Thai names of its district and subdistrict."""
    v = entry.village
    assert v is not None
    place: dict[str, Any] = {
        "village": _plain(v.place.village),
        "subdistrict": v.place.subdistrict.th,
        "district": v.place.district.th,
        "province": v.place.province,
    }
    if v.place.moo is not None:
        place["moo"] = v.place.moo
    return {
        "place": place,
        "occupation": _plain(v.occupation),
        "products": _plain(v.products),
        "technologies": list(v.technologies),
        "stage": v.stage,
        "year_started": v.year_started,
    }


def database_json(catalog: Catalog) -> str:
    """Every entry, sorted by id, as one JSON document."""
    records = [entry_record(e) for e in catalog.entries.values()]
    return json.dumps({"entries": records}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# --- CSV: one row per entry; lists joined with "; " ---

CSV_COLUMNS: list[tuple[str, str]] = [
    ("id", "Entry id; its pages are th/entries/<id>.html and en/entries/<id>.html"),
    ("kind", "technology, local-wisdom or village"),
    ("institution", "Institution id (site_config/institutions.yaml)"),
    ("title_th", "Title in Thai"),
    ("title_en", "Title in English (empty when not translated)"),
    ("summary_th", "Summary in Thai"),
    ("summary_en", "Summary in English"),
    ("description_th", "Description in Thai (Markdown)"),
    ("description_en", "Description in English (Markdown)"),
    ("category", "Category id"),
    ("keywords_th", "Thai keywords, separated by '; '"),
    ("keywords_en", "English keywords, separated by '; '"),
    ("audiences", "Audience ids, separated by '; '"),
    ("value_chain", "Value-chain stages, separated by '; '"),
    ("provinces", "Province ids where it has been used, separated by '; '"),
    ("readiness", "Readiness level id"),
    ("ip_status", "Intellectual-property status id"),
    ("ip_number", "Registration or application number"),
    ("cost_min", "Lowest adoption cost, baht"),
    ("cost_max", "Highest adoption cost, baht"),
    ("training_days", "Days of training"),
    ("contact_phone", "Contact phone"),
    ("contact_email", "Contact e-mail"),
    ("community_province", "Local wisdom: the community's province id"),
    ("coupon_services", "Technology: STI-coupon service ids (taxonomies.yaml coupon_services), separated by '; '"),
    ("village_subdistrict_code", "Village: official DOPA code of its subdistrict (its first 4 digits: the district)"),
    ("village_stage", "Village: stage id (taxonomies.yaml village_stage)"),
    ("village_year_started", "Village: year it joined the programme"),
    ("village_technologies", "Village: ids of the technologies it applies, separated by '; '"),
    ("related", "Related entry ids, separated by '; '"),
    ("date_added", "Date added (YYYY-MM-DD)"),
    ("date_reviewed", "Date last reviewed (YYYY-MM-DD)"),
]


def safe_cell(value: str) -> str:
    """Guard a cell against spreadsheet formulas: a leading = + - @ tab or CR gets an apostrophe."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _row(entry: Entry) -> list[str]:
    def opt(value: object) -> str:
        return "" if value is None else str(value)

    adoption, village = entry.adoption, entry.village
    values = {
        "id": entry.id,
        "kind": entry.kind,
        "institution": entry.institution,
        "title_th": entry.title.th,
        "title_en": opt(entry.title.en),
        "summary_th": entry.summary.th,
        "summary_en": opt(entry.summary.en),
        "description_th": entry.description.th,
        "description_en": opt(entry.description.en),
        "category": entry.category,
        "keywords_th": "; ".join(entry.keywords.th),
        "keywords_en": "; ".join(entry.keywords.en or ()),
        "audiences": "; ".join(entry.audiences),
        "value_chain": "; ".join(entry.value_chain),
        "provinces": "; ".join(entry.provinces),
        "readiness": opt(entry.readiness),
        "ip_status": opt(entry.ip_status),
        "ip_number": opt(entry.ip_number),
        "cost_min": opt(adoption.cost_min if adoption else None),
        "cost_max": opt(adoption.cost_max if adoption else None),
        "training_days": opt(adoption.training_days if adoption else None),
        "contact_phone": opt(entry.contact.phone if entry.contact else None),
        "contact_email": opt(entry.contact.email if entry.contact else None),
        "community_province": opt(entry.community.province if entry.community else None),
        "coupon_services": "; ".join(entry.coupon_services),
        "village_subdistrict_code": village.place.subdistrict_code if village else "",
        "village_stage": village.stage if village else "",
        "village_year_started": opt(village.year_started if village else None),
        "village_technologies": "; ".join(village.technologies) if village else "",
        "related": "; ".join(entry.related),
        "date_added": entry.date_added.isoformat(),
        "date_reviewed": entry.date_reviewed.isoformat(),
    }
    return [safe_cell(values[name]) for name, _ in CSV_COLUMNS]


def database_csv(catalog: Catalog) -> bytes:
    """UTF-8 CSV with a byte-order mark, so Excel opens Thai correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([name for name, _ in CSV_COLUMNS])
    for entry in catalog.entries.values():
        writer.writerow(_row(entry))
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def data_package(catalog: Catalog) -> str:
    """A Frictionless Data Package descriptor for the CSV and JSON files."""
    ui = catalog.reference.ui
    descriptor = {
        "name": "techclinic-entries",
        "title": f"{ui['site_name'].th} / {ui['site_name'].en}",
        "description": ui["site_description"].en,
        "licenses": [LICENCE],
        "sources": [{"title": "Technology Clinic network (คลินิกเทคโนโลยี), member universities"}],
        "resources": [
            {
                "name": "entries-csv",
                "path": CSV_NAME,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "schema": {
                    "fields": [
                        {
                            "name": name,
                            "type": "integer" if name in _INTEGER_COLUMNS else "string",
                            "description": doc,
                        }
                        for name, doc in CSV_COLUMNS
                    ],
                    "primaryKey": ["id"],
                },
            },
            {
                "name": "entries-json",
                "path": JSON_NAME,
                "format": "json",
                "mediatype": "application/json",
                "description": f"Every entry, shaped like the entry files; their JSON Schema is {SCHEMA_NAME}.",
            },
        ],
    }
    return json.dumps(descriptor, ensure_ascii=False, indent=1) + "\n"


def write_exports(catalog: Catalog, site: Path, json_schema: str) -> list[Path]:
    """Write every open-data file into `site/data/`; returns the paths written."""
    folder = site / DATA_DIR
    (folder / "entries").mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in (
        (JSON_NAME, database_json(catalog).encode("utf-8")),
        (CSV_NAME, database_csv(catalog)),
        (PACKAGE_NAME, data_package(catalog).encode("utf-8")),
        (SCHEMA_NAME, json_schema.encode("utf-8")),
    ):
        (folder / name).write_bytes(content)
        written.append(folder / name)
    for entry in catalog.entries.values():
        path = folder / "entries" / f"{entry.id}.json"
        path.write_text(json.dumps(entry_record(entry), ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")
        written.append(path)
    return written
