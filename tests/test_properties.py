"""Property-based tests: whatever the bytes or the YAML shape, the loader and validator only ever
return problems or a valid entry — never an exception, never more than a second per file."""

from __future__ import annotations

import time
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.database.fieldtypes import Context
from generator.database.load import EntryFile, load_entry
from generator.database.reference import load_reference
from generator.database.schema import ENTRY
from generator.database.yamlio import decode, load_text

from .conftest import REPO, TODAY

REFERENCE, _ = load_reference(REPO / "site_config")
CHOICES = REFERENCE.choices()
VALID = (REPO / "tests/data/valid/technologies/rmutt/solar-dryer-sample.yaml").read_bytes()
FIELDS = [f.name for f in ENTRY.fields] + ["th", "en", "status", "file", "alt", "<<", "1", "true"]

SETTINGS = settings(max_examples=300, deadline=1000, suppress_health_check=[HealthCheck.too_slow])


def _check_bytes(data: bytes, tmp: Path) -> None:
    folder = tmp / "technologies" / "rmutt"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "fuzzed.yaml"
    path.write_bytes(data)
    start = time.perf_counter()
    loaded, problems = load_entry(EntryFile(path, "technologies/rmutt/fuzzed.yaml", "rmutt"), CHOICES, TODAY)
    assert time.perf_counter() - start < 1.0
    assert loaded.entry is not None or any(p.is_error for p in problems)
    for p in problems:
        assert p.line >= 1 and p.column >= 1 and p.message_en and p.message_th


@SETTINGS
@given(st.binary(max_size=4000))
def test_any_bytes(tmp_path_factory, data: bytes) -> None:  # type: ignore[no-untyped-def]
    _check_bytes(data, tmp_path_factory.mktemp("b"))


@SETTINGS
@given(st.integers(0, len(VALID)), st.binary(min_size=1, max_size=40))
def test_valid_file_with_bytes_spliced_in(tmp_path_factory, at: int, junk: bytes) -> None:  # type: ignore[no-untyped-def]
    _check_bytes(VALID[:at] + junk + VALID[at:], tmp_path_factory.mktemp("s"))


_scalars = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["yes", "NO", "021234567", "16:9", "1.10", "2567-01-15", "2024-02-30", "~", "", "9" * 400]),
    st.integers(),
    st.booleans(),
    st.none(),
)
_yamlish = st.recursive(
    _scalars,
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), children, max_size=6)
    ),
    max_leaves=40,
)


@SETTINGS
@given(st.dictionaries(st.sampled_from(FIELDS), _yamlish, max_size=12))
def test_any_yaml_shaped_data(data: dict) -> None:  # type: ignore[type-arg]
    text = yaml.safe_dump(data, allow_unicode=True)
    start = time.perf_counter()
    root, problems = load_text(text, "x.yaml")
    if root is not None:
        ctx = Context(path="x.yaml", lines=text.split("\n"), choices=CHOICES, today=TODAY)
        ENTRY.check(root, ctx, "")
        problems += ctx.problems
    assert time.perf_counter() - start < 1.0
    for p in problems:
        assert p.message_en and p.message_th


@SETTINGS
@given(st.text(max_size=2000))
def test_any_text_decodes_or_explains(text: str) -> None:
    for encoding in ("utf-8", "utf-16", "cp874"):
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        decoded, problems = decode(data, "x.yaml")
        assert decoded is not None or problems
