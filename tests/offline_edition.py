"""Helpers shared by the offline-edition tests: run the real command and find what it wrote."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHAINLP_OFFLINE": "1", "PYTHAINLP_READ_ONLY": "1", "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Edition:
    """One run of `python -m generator offline` and its outputs."""

    out: Path
    proc: subprocess.CompletedProcess[str]

    @property
    def zip(self) -> Path:
        (found,) = self.out.glob("*.zip")
        return found

    @property
    def zim(self) -> Path:
        (found,) = self.out.glob("*.zim")
        return found

    def unzip(self, target: Path) -> Path:
        """Unzip into `target` (a fresh folder, as a reader would) and return the edition's top folder."""
        target.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(self.zip) as archive:
            archive.extractall(target)
        (top,) = [p for p in target.iterdir() if p.is_dir()]
        return top


def run_generator(*args: str, root: Path = REPO) -> subprocess.CompletedProcess[str]:
    """`python -m generator --root ROOT ARGS…` as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), *args],
        cwd=REPO,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )


def build_edition(out: Path, *args: str, root: Path = REPO) -> Edition:
    """Build an edition into `out` with extra command-line arguments."""
    return Edition(out, run_generator("offline", "--out", str(out), *args, root=root))
