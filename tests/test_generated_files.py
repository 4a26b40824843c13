"""Files generated from the schema declaration must match it: a stale copy fails here."""

from __future__ import annotations

import json

from generator.database import docs, geography
from generator.database.reference import load_reference
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


def test_provinces_file_is_fresh() -> None:
    current = (REPO / "site_config" / "provinces.yaml").read_text(encoding="utf-8")
    assert current == geography.provinces_yaml(), "run `python -m generator geography` and commit the result"


def test_no_two_provinces_share_a_name() -> None:
    """Search and `check` find a province by any of its names (โคราช, Lopburi): each must point at one province."""
    owners: dict[str, set[str]] = {}
    for ident, province in load_reference(REPO / "site_config")[0].provinces.items():
        for lang in ("th", "en"):
            for name in province.names(lang):
                owners.setdefault(name.casefold(), set()).add(ident)
    assert {n: o for n, o in owners.items() if len(o) > 1} == {}
    assert owners["โคราช"] == {"nakhon-ratchasima"} and owners["lopburi"] == {"lop-buri"}


def test_english_names_run_together_as_signs_spell_them() -> None:
    assert [geography.run_together(n) for n in ("Lop Buri", "Phang-nga", "Nakhon Si Thammarat", "Trat")] == [
        "Lopburi",
        "Phangnga",
        "Nakhonsithammarat",
        None,
    ]


def test_editors_show_the_name_beside_each_id() -> None:
    """VS Code's YAML extension shows enumDescriptions in completion: staff pick chiang-mai by seeing เชียงใหม่."""
    schema = json.loads((REPO / docs.JSON_SCHEMA_PATH).read_text(encoding="utf-8"))
    provinces = schema["properties"]["provinces"]["items"]
    described = dict(zip(provinces["enum"], provinces["enumDescriptions"], strict=True))
    assert described["chiang-mai"] == "เชียงใหม่ · Chiang Mai"
    institution = schema["properties"]["institution"]
    assert len(institution["enumDescriptions"]) == len(institution["enum"])
