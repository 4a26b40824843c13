"""`synth --out` replaces only a folder that holds nothing but an earlier synthetic database."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import REPO


def synth(out: Path, entries: int = 12) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "synth", "--entries", str(entries), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )


def test_an_earlier_synthetic_database_is_replaced(tmp_path: Path) -> None:
    out = tmp_path / "synth"
    assert synth(out, 20).returncode == 0
    assert synth(out, 12).returncode == 0
    assert len(list((out / "technologies").rglob("*.yaml"))) == 12


def test_a_real_database_or_any_other_folder_is_left_alone(tmp_path: Path) -> None:
    real = tmp_path / "real"
    shutil.copytree(REPO / "site_config", real / "site_config")
    shutil.copytree(REPO / "technologies" / "rmutt", real / "technologies" / "rmutt")
    files = sorted(p.relative_to(real) for p in real.rglob("*"))
    refused = synth(real)
    assert refused.returncode == 2 and "holds more than a synthetic database (technologies/rmutt/" in refused.stderr
    assert sorted(p.relative_to(real) for p in real.rglob("*")) == files
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    assert synth(home).returncode == 2 and (home / "Documents").is_dir()
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    assert synth(tmp_path / "a-file").returncode == 2
