"""Files generated from the schema declaration must match it: a stale copy fails here."""

from __future__ import annotations

import json

from generator.database import docs
from generator.database.schema import ENTRY_FIELDS, KINDS

from .conftest import REPO


def test_json_schema_is_fresh() -> None:
    expected = docs.json_schema_text(REPO)
    assert expected is not None
    current = (REPO / docs.JSON_SCHEMA_PATH).read_text(encoding="utf-8")
    assert current == expected, "run `python -m generator schema` and commit the result"


def test_field_reference_is_fresh() -> None:
    current = (REPO / docs.FIELD_REFERENCE_PATH).read_text(encoding="utf-8")
    assert current == docs.field_reference(), "run `python -m generator schema` and commit the result"


def test_every_field_is_in_json_schema_and_docs() -> None:
    schema = json.loads((REPO / docs.JSON_SCHEMA_PATH).read_text(encoding="utf-8"))
    reference = (REPO / docs.FIELD_REFERENCE_PATH).read_text(encoding="utf-8")
    for field in ENTRY_FIELDS:
        assert field.name in schema["properties"]
        assert f"| `{field.name}`" in reference
        assert field.doc_en and field.doc_th, f"{field.name} needs documentation in both languages"
    # kind-specific requirements reach the editor schema too
    conditions = {c["if"]["properties"]["kind"]["const"]: c["then"] for c in schema["allOf"]}
    assert set(conditions) == set(KINDS)
    assert "consent" in conditions["local-wisdom"]["required"]
    assert conditions["technology"]["properties"]["consent"] is False


def test_sample_entries_use_the_schema_modeline() -> None:
    for path in (REPO / "technologies").glob("*/*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../site_config/schema/entry.schema.json", path
