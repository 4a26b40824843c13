"""Property-based tests: whatever the bytes or the YAML shape, the loader and validator only ever
return problems or a valid entry — never an exception, never more than a second per file."""

from __future__ import annotations

import copy
import shutil
import time
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.database.fieldtypes import Context
from generator.database.load import EntryFile, load_entry
from generator.database.reference import load_reference
from generator.database.schema import ENTRY
from generator.database.yamlio import (
    MAX_PROBLEMS_PER_FILE,
    Mapping,
    Node,
    Scalar,
    Sequence,
    decode,
    load_text,
    parse,
    scan_characters,
)

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
        ctx = Context(path="x.yaml", text=text, choices=CHOICES, today=TODAY)
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


def _same_tree(ours: Node, theirs: yaml.Node) -> None:
    """Our tree holds what PyYAML's own composer reads: the same values, styles and positions."""
    assert (ours.start.line, ours.start.column) == (theirs.start_mark.line + 1, theirs.start_mark.column + 1)
    if isinstance(ours, Scalar):
        assert isinstance(theirs, yaml.ScalarNode)
        assert (ours.value, ours.style) == (theirs.value, theirs.style or None)
        assert (ours.end.line, ours.end.column) == (theirs.end_mark.line + 1, theirs.end_mark.column + 1)
    elif isinstance(ours, Sequence):
        assert isinstance(theirs, yaml.SequenceNode) and len(ours.items) == len(theirs.value)
        for mine, other in zip(ours.items, theirs.value, strict=True):
            _same_tree(mine, other)
    else:
        assert isinstance(ours, Mapping) and isinstance(theirs, yaml.MappingNode)
        assert list(ours.items) == [key.value for key, _ in theirs.value]
        for (key, other), name in zip(theirs.value, ours.items, strict=True):
            assert ours.key_pos[name] == (key.start_mark.line + 1, key.start_mark.column + 1)
            _same_tree(ours.items[name], other)
    if not isinstance(ours, Scalar):
        assert (ours.end.line, ours.end.column) == (theirs.end_mark.line + 1, theirs.end_mark.column + 1)


@SETTINGS
@given(_yamlish, st.sampled_from([None, True, False]))
def test_tree_builder_agrees_with_pyyaml(data: object, flow: bool | None) -> None:
    """The hand-tuned event loop builds the tree PyYAML's composer builds (for YAML without anchors or tags)."""
    text = yaml.safe_dump({"root": data, "other": [copy.deepcopy(data)]}, allow_unicode=True, default_flow_style=flow)
    ours, problems = parse(text, "x.yaml")
    theirs = yaml.compose(text, Loader=yaml.BaseLoader)
    if any(p.code == "yaml-duplicate-key" for p in problems) or any(p.code == "yaml-too-deep" for p in problems):
        return  # refused on purpose; PyYAML keeps both keys or any depth
    assert ours is not None and theirs is not None and not problems
    _same_tree(ours, theirs)


def test_tree_builder_agrees_with_pyyaml_on_every_file_in_the_repository() -> None:
    """Every YAML file of the sample database and the valid test data parses as PyYAML's composer reads it."""
    files = sorted(REPO.glob("technologies/**/*.yaml")) + sorted(REPO.glob("tests/data/valid/**/*.yaml"))
    assert len(files) > 50
    for file in files:
        text = file.read_text(encoding="utf-8")
        ours, problems = parse(text, file.name)
        theirs = yaml.compose(text, Loader=yaml.BaseLoader)
        assert ours is not None and theirs is not None and not problems, file
        _same_tree(ours, theirs)


_REFUSED_ANYWHERE = "\t\x00\x85\u2028\u200b\u202e"  # a sample of the characters refused anywhere in a file


@given(st.text(alphabet="a\u0e01\n\r" + _REFUSED_ANYWHERE, max_size=80))
@SETTINGS
def test_refused_characters_and_lone_carriage_returns_are_found_in_order(text: str) -> None:
    """Every refused character and every CR not followed by LF is reported where it stands, first to last."""
    expected = []
    line, column = 1, 1
    for index, ch in enumerate(text):
        if ch in _REFUSED_ANYWHERE or (ch == "\r" and text[index + 1 : index + 2] != "\n"):
            expected.append((line, column))
        line, column = (line + 1, 1) if ch == "\n" else (line, column + 1)
    found = [(p.line, p.column) for p in scan_characters(text, "x.yaml") if p.code.startswith(("char-", "text-zero"))]
    assert found == expected[:MAX_PROBLEMS_PER_FILE]


def test_a_file_with_windows_line_endings_is_a_valid_entry(tmp_path: Path) -> None:
    """CRLF is how Notepad saves: it is accepted as it is, with no problem at all."""
    folder = tmp_path / "technologies" / "rmutt"
    folder.mkdir(parents=True)
    path = folder / "solar-dryer-sample.yaml"
    path.write_bytes(VALID.replace(b"\n", b"\r\n"))
    shutil.copytree(REPO / "tests/data/valid/technologies/rmutt/solar-dryer-sample", folder / "solar-dryer-sample")
    loaded, problems = load_entry(
        EntryFile(path, "technologies/rmutt/solar-dryer-sample.yaml", "rmutt"), CHOICES, TODAY
    )
    assert problems == [] and loaded.entry is not None
