"""Coverage-guided fuzzing of the entry loader and validator with atheris (libFuzzer).

    .venv/bin/pip install atheris==3.0.0
    .venv/bin/python tests/fuzz/fuzz_loader.py -max_total_time=600 tests/data/invalid technologies/nu

Every input is written as an entry file and checked. The loader must return problems or a valid entry:
any exception, or more than one second for one file, is a crash that libFuzzer reports and saves.
"""

from __future__ import annotations

import datetime
import sys
import tempfile
import time
from pathlib import Path

import atheris

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

with atheris.instrument_imports():
    from generator.database.load import EntryFile, load_entry
    from generator.database.reference import load_reference

REFERENCE, _ = load_reference(REPO / "site_config")
CHOICES = REFERENCE.choices()
WORK = Path(tempfile.mkdtemp(prefix="fuzz-"))
FOLDER = WORK / "technologies" / "rmutt"
FOLDER.mkdir(parents=True)
TARGET = FOLDER / "fuzzed.yaml"
ENTRY = EntryFile(TARGET, "technologies/rmutt/fuzzed.yaml", "rmutt")
TODAY = datetime.date(2026, 11, 1)


def one_input(data: bytes) -> None:
    """Check one fuzzed file; raise on any invariant broken."""
    TARGET.write_bytes(data)
    start = time.perf_counter()
    loaded, problems = load_entry(ENTRY, CHOICES, TODAY)
    elapsed = time.perf_counter() - start
    if elapsed > 1.0:
        raise RuntimeError(f"slow input: {elapsed:.2f} s")
    if loaded.entry is None and not any(p.is_error for p in problems):
        raise RuntimeError("no entry and no error")
    for p in problems:
        if p.line < 1 or p.column < 1 or not p.message_en or not p.message_th:
            raise RuntimeError(f"bad problem: {p}")


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
