"""The site the quality scripts measure: build the sample database, and pick the pages to open."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# An entry with an illustration: the heaviest ordinary kind of page.
ENTRY = "th/entries/solar-dome-dryer-banana.html"


def build_sample_site(out: Path) -> Path:
    """Build the repository's sample database into `out` (exits with the build's status on failure)."""
    env = {**os.environ, "PYTHAINLP_OFFLINE": "1", "PYTHAINLP_READ_ONLY": "1", "NO_MKDOCS_2_WARNING": "1"}
    print(f"building the sample site into {out} …", file=sys.stderr)
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--out", str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(proc.returncode)
    return out


def default_pages(site: Path) -> list[str]:
    """Home, an entry and the browse page (the categories index while the site has no browse page)."""
    entry = ENTRY
    if not (site / entry).is_file():
        entry = min(p.relative_to(site).as_posix() for p in (site / "th" / "entries").glob("*.html"))
    browse = "th/browse.html" if (site / "th" / "browse.html").is_file() else "th/categories/index.html"
    return ["th/index.html", entry, browse]


def check_pages(site: Path, pages: list[str]) -> None:
    """Stop with a clear message when a requested page is not in the site."""
    missing = [p for p in pages if not (site / p.split("?", 1)[0].split("#", 1)[0]).is_file()]
    if missing:
        raise SystemExit(f"not in {site}: {', '.join(missing)}")
