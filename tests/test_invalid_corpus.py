"""Every file in tests/data/invalid/ must produce exactly the problems its header promises.

A header line `# expect: CODE FIELD LINE:COL` names one expected error (FIELD may be `-` for none).
`# folder: INST` places the file in technologies/INST/ (default rmutt). The file is copied in as
`<stem with _ → ->.yaml`, so its `id` should be that name.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.database.validate import check_database

from .conftest import DATA, TODAY, make_repo

INVALID = DATA / "invalid"
FILES = sorted(p for p in INVALID.iterdir() if p.is_file() and p.suffix in (".yaml", ".yml"))
_EXPECT = re.compile(rb"^# expect: (\S+) (\S+) (\d+):(\d+)\s*$", re.MULTILINE)
_FOLDER = re.compile(rb"^# folder: (\S+)\s*$", re.MULTILINE)


def test_corpus_is_large_enough() -> None:
    assert len(FILES) >= 60


@pytest.mark.parametrize("source", FILES, ids=[p.name for p in FILES])
def test_invalid_file_reports_exactly_what_it_expects(source: Path, tmp_path: Path) -> None:
    data = source.read_bytes()
    expected = {
        (code.decode(), field.decode().replace("-", "") if field == b"-" else field.decode(), int(line), int(col))
        for code, field, line, col in _EXPECT.findall(data)
    }
    assert expected, f"{source.name} has no '# expect:' header"
    folder = _FOLDER.search(data)
    repo = make_repo(tmp_path / "repo")
    name = source.stem.replace("_", "-").lower() + source.suffix
    target = repo / "technologies" / (folder.group(1).decode() if folder else "rmutt") / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)

    catalog, _, problems = check_database(repo, today=TODAY)

    shown = target.relative_to(repo).as_posix()
    got = {(p.code, p.field, p.line, p.column) for p in problems if p.is_error and p.path.startswith(shown)}
    others = [p for p in problems if p.is_error and not p.path.startswith(shown)]
    assert catalog is None
    assert got == expected
    assert not others, f"errors outside the file under test: {others}"
    for problem in problems:
        assert problem.message_en and problem.message_th
        assert re.search("[\u0e00-\u0e7f]", problem.message_th), "the Thai message must be in Thai"
