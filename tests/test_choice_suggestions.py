"""An unknown id gets a suggestion from the ids and also from the names people actually type (Thai or English).

Real entry files in a real database: the message must name the id to write, with its name, in both languages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.database.reference import load_reference
from generator.database.suggest import suggest_choice
from generator.database.validate import check_database

from .conftest import REPO, TODAY, make_repo

CHOICES = load_reference(REPO / "site_config")[0].choices()


@pytest.mark.parametrize(
    ("source", "typed", "meant"),
    [
        ("provinces", "เชียงใหม่", "chiang-mai"),  # the Thai name
        ("provinces", "Chiang Mai", "chiang-mai"),  # the English name
        ("provinces", "อยุธยา", "phra-nakhon-si-ayutthaya"),  # the everyday short form
        ("provinces", "ayutthaya", "phra-nakhon-si-ayutthaya"),
        ("provinces", "จ.เชียงใหม่", "chiang-mai"),  # with the abbreviation for จังหวัด
        ("provinces", "กรุงเทพฯ", "bangkok"),  # close to the name
        ("provinces", "pathumthani", "pathum-thani"),  # a mistyped id, as before
        ("provinces", "โคราช", "nakhon-ratchasima"),  # another name (site_config/provinces.yaml: also_th)
        ("provinces", "กทม.", "bangkok"),
        ("provinces", "Korat", "nakhon-ratchasima"),  # also_en
        ("provinces", "Lopburi", "lop-buri"),  # the name run together, as signs spell it
        ("institutions", "มทร.ธัญบุรี", "rmutt"),  # the short name
        ("categories", "สมุนไพร", "herbs-health"),  # part of a label
        ("provinces", "นคร", None),  # more than three provinces: no guess
        ("categories", "mushrooms", None),
        ("provinces", "  ", None),
    ],
)
def test_suggestion(source: str, typed: str, meant: str | None) -> None:
    assert suggest_choice(typed, CHOICES[source]) == ([meant] if meant else [])


def test_two_that_fit_equally_are_both_named() -> None:
    assert suggest_choice("rmut", CHOICES["institutions"]) == ["rmutt", "rmutl"]


def test_the_message_names_the_id_and_the_place_in_both_languages(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    entry = repo / "technologies" / "rmutt" / "solar-dryer-sample.yaml"
    text = re.sub(r"(?m)^provinces: \[.*\]$", "provinces: [อยุธยา]", entry.read_text(encoding="utf-8"), count=1)
    assert "provinces: [อยุธยา]" in text
    entry.write_text(text, encoding="utf-8")
    catalog, _, problems = check_database(repo, today=TODAY)
    assert catalog is None
    [problem] = [p for p in problems if p.is_error]
    assert (problem.code, problem.field) == ("not-in-list", "provinces[0]")
    assert 'Did you mean "phra-nakhon-si-ayutthaya" (Phra Nakhon Si Ayutthaya)?' in problem.message_en
    assert 'หมายถึง "phra-nakhon-si-ayutthaya" (พระนครศรีอยุธยา) หรือไม่' in problem.message_th
