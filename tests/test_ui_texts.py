"""site_config/ui.yaml holds every text the site shows: `check` refuses one without a needed text (the build used to
stop with a KeyError traceback), and UI_KEYS stays equal to the texts the code and templates ask for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.database.content import SECTIONS
from generator.database.uikeys import FILLED_IN, UI_KEYS
from generator.database.validate import check_database
from generator.uitext import fill, placeholders

from .conftest import REPO, TODAY, make_repo

# How the code and templates ask for a text: t("…"), r.t("…"), self.t("…"), label("…"), ui["…"], ref.ui["…"].
ASKED = re.compile(
    r"(?<![\w.])(?:[\w.]*\.)?(?:t|label)\(\s*(['\"])([a-z][a-z0-9_]*)\1|\bui\[(['\"])([a-z][a-z0-9_]*)\3"
)
# Files with texts of their own: `new`'s questions, and Material's theme strings (lang.t).
OWN_TEXTS = {"generator/contrib/new.py"}


def asked_for() -> set[str]:
    found: set[str] = set()
    for path in sorted((REPO / "generator").rglob("*")):
        rel = path.relative_to(REPO).as_posix()
        if path.suffix not in (".py", ".html", ".js") or rel in OWN_TEXTS or rel.startswith("generator/theme/"):
            continue
        for match in ASKED.finditer(path.read_text(encoding="utf-8")):
            found.add(match.group(2) or match.group(4))
    found |= set(SECTIONS)  # the menu names each section of background pages with the text of that name
    stats = (REPO / "generator/site/stats.py").read_text(encoding="utf-8")
    assert 'r.t(f"stats_{chart_id}")' in stats and 'r.t(f"stats_{chart_id}_col")' in stats
    for chart in re.findall(r'^\s+"(\w+)": Counter\(', stats, flags=re.MULTILINE):  # the charts, by their ids
        found |= {f"stats_{chart}", f"stats_{chart}_col"}
    return found


def test_ui_keys_are_the_texts_the_site_asks_for() -> None:
    asked = asked_for()
    assert asked - UI_KEYS == set(), "asked for but not in generator/database/uikeys.py (and site_config/ui.yaml)"
    assert UI_KEYS - asked == set(), "in uikeys.py but no longer asked for: remove it there and from ui.yaml"


def test_the_sample_ui_yaml_has_exactly_these_texts() -> None:
    texts = yaml.safe_load((REPO / "site_config/ui.yaml").read_text(encoding="utf-8"))
    assert set(texts) == UI_KEYS


def _check(repo: Path) -> list[tuple[str, str, str, int, int]]:
    _, _, problems = check_database(repo, today=TODAY)
    return [(p.code, p.severity.value, p.field, p.line, p.column) for p in problems if p.path == "site_config/ui.yaml"]


def test_a_missing_or_misspelt_text_is_found_by_check(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    ui = repo / "site_config" / "ui.yaml"
    text = ui.read_text(encoding="utf-8")
    assert "\nstats_title:\n" in text
    text = text.replace("\nstats_title:\n", "\nstats_titel:\n")
    ui.write_text(text, encoding="utf-8")
    lines = text.count("\n")
    typo_line = text.split("\n").index("stats_titel:") + 1
    catalog, _, problems = check_database(repo, today=TODAY)
    assert catalog is None  # an error: the build is never reached
    assert _check(repo) == [
        ("ui-text-unused", "warning", "stats_titel", typo_line, 1),
        ("ui-text-missing", "error", "stats_title", lines + 1, 1),  # the end of the file, where a text is added
    ]
    unused = next(p for p in problems if p.code == "ui-text-unused")
    assert 'Did you mean "stats_title"?' in unused.message_en and 'หมายถึง "stats_title"' in unused.message_th


def test_no_ui_yaml_or_one_of_the_wrong_shape(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    ui = repo / "site_config" / "ui.yaml"
    ui.unlink()
    assert [c[0] for c in _check(repo)] == ["file-unreadable"]
    ui.write_text("- site_name\n- site_description\n", encoding="utf-8")
    assert [c[0] for c in _check(repo)] == ["config-invalid"]


@pytest.mark.parametrize(
    ("values", "said"),
    [
        ({"count": 1}, "1 entry in 1 province"),
        ({"count": 5}, "5 entries in 1 province"),
        ({"count": "1,234"}, "1,234 entries in 1 province"),  # the stats page passes numbers with separators
        ({"count": "{count}"}, "{count, plural, one {# entry} other {# entries}} in 1 province"),  # for the browser
    ],
)
def test_english_words_follow_the_number(values: dict[str, object], said: str) -> None:
    text = "{count, plural, one {# entry} other {# entries}} in {n, plural, one {# province} other {# provinces}}"
    assert fill(text, n=1, **values) == said
    assert placeholders(text) == {"count", "n"}


def test_braces_that_are_no_placeholder_or_that_differ_between_languages(tmp_path: Path) -> None:
    """Both would stop the build with a traceback (a KeyError or ValueError from str.format)."""
    repo = make_repo(tmp_path / "repo")
    ui = repo / "site_config" / "ui.yaml"
    text = ui.read_text(encoding="utf-8")
    days = '  en: "{count, plural, one {# day} other {# days}}"'
    results = '  en: "{count, plural, one {# result} other {# results}}"'
    assert days in text and results in text
    text = text.replace(days, '  en: "{count, plural, one {# day} other {# days}"')  # a brace short
    text = text.replace(results, '  en: "{n} results"')  # the site gives {count}
    text = text.replace('  th: "{count} วัน"', '  th: "{cout} วัน"')
    ui.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    days_line = lines.index('  en: "{count, plural, one {# day} other {# days}"') + 1
    results_line = lines.index('  en: "{n} results"') + 1
    assert sorted(_check(repo)) == [
        ("ui-text-braces", "error", "days.en", days_line, 7),
        ("ui-text-placeholders", "error", "days.th", days_line - 1, 7),
        ("ui-text-placeholders", "error", "search_count.en", results_line, 7),
    ]
    _, _, problems = check_database(repo, today=TODAY)
    differ = next(p for p in problems if p.field == "search_count.en")
    assert 'The en text of "search_count" fills in {n}, but the site gives it {count}.' in differ.message_en
    assert "มีช่องเติมค่า {n} แต่เว็บไซต์เติมให้ {count}" in differ.message_th


def test_the_values_filled_in_are_texts_of_the_site() -> None:
    assert FILLED_IN.keys() <= UI_KEYS
