"""Shared fixtures: the repository root and throw-away repositories built from real files."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
# Check results are cached between runs (generator/database/checkcache.py): tests keep theirs apart from the user's.
os.environ.setdefault("TC_CHECK_CACHE", tempfile.mkdtemp(prefix="tc-check-cache-"))
# Fixed "today" for tests, so dates in the corpus never drift into the future or the past.
TODAY = dt.date(2026, 11, 1)


def make_repo(target: Path, *, with_valid: bool = True) -> Path:
    """A minimal repository: the real site_config/ plus (optionally) the small valid database."""
    shutil.copytree(REPO / "site_config", target / "site_config")
    (target / "technologies").mkdir()
    if with_valid:
        shutil.copytree(DATA / "valid" / "technologies", target / "technologies", dirs_exist_ok=True)
    return target


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A throw-away repository holding the valid test database."""
    return make_repo(tmp_path / "repo")
