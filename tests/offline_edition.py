"""Helpers shared by the offline-edition tests: run the real command and find what it wrote."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator
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


KIWIX_SERVE = shutil.which("kiwix-serve")


@contextlib.contextmanager
def kiwix_serve(zim: Path) -> Iterator[str]:
    """Serve a ZIM with Debian's kiwix-serve (a real Kiwix reader) on a free local port; yields its base URL."""
    assert KIWIX_SERVE
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen(
        [KIWIX_SERVE, "--address", "127.0.0.1", "--port", str(port), str(zim)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"{base}/catalog/v2/entries", timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("kiwix-serve did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def kiwix_search(base: str, zim: Path, query: str) -> list[str]:
    """Paths of the pages kiwix-serve's full-text search finds (the search the Kiwix apps run)."""
    params = urllib.parse.urlencode({"content": zim.stem, "pattern": query})
    with urllib.request.urlopen(f"{base}/search?{params}", timeout=30) as response:
        page = response.read().decode("utf-8")
    return [m.split("/", 2)[2] for m in re.findall(rf'href="(/{re.escape(zim.stem)}/[^"]+)"', page)]
