"""Lighthouse scores (mobile) of the home, an entry and the browse page, served like GitHub Pages (not a test).

    .venv/bin/python benchmarks/lighthouse.py                       # build the sample site, score 3 pages
    .venv/bin/python benchmarks/lighthouse.py --site site th/index.html en/index.html --runs 3

Lighthouse (npm, pinned in benchmarks/lighthouse/package-lock.json) is installed on first use with
`npm ci`; it drives Debian's /usr/bin/chromium with its default mobile settings (Moto G-class phone,
simulated slow 4G, 4× CPU slowdown). The site is served by benchmarks/gzserver.py (gzip, cache
headers). JSON reports go to build/lighthouse/. Exit status 1 when a score is under --target.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from gzserver import serving
from sample_site import REPO, build_sample_site, check_pages, default_pages

TOOL = REPO / "benchmarks" / "lighthouse"
CLI = TOOL / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
OUT = REPO / "build" / "lighthouse"


def install() -> None:
    """`npm ci` in benchmarks/lighthouse/ when Lighthouse is missing or the lock file changed."""
    stamp = TOOL / "node_modules" / ".package-lock.json"
    if CLI.is_file() and stamp.is_file() and stamp.stat().st_mtime >= (TOOL / "package-lock.json").stat().st_mtime:
        return
    if shutil.which("npm") is None:
        raise SystemExit("npm is needed for Lighthouse: apt-get install npm (Node.js 18.20 or newer)")
    print("installing Lighthouse (npm ci in benchmarks/lighthouse) …", file=sys.stderr)
    subprocess.run(["npm", "ci", "--prefix", str(TOOL), "--silent", "--no-audit", "--no-fund"], check=True)


def run_lighthouse(url: str, report: Path) -> dict[str, object]:
    """One Lighthouse run on `url`; returns the parsed report (also written to `report`)."""
    report.parent.mkdir(parents=True, exist_ok=True)
    cmd = [
        "node",
        str(CLI),
        url,
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        "--quiet",
    ]
    proc = subprocess.run(cmd, env={**os.environ, "CHROME_PATH": CHROME}, capture_output=True, text=True)
    if proc.returncode != 0 or not report.is_file():
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"lighthouse failed on {url}")
    result: dict[str, object] = json.loads(report.read_text(encoding="utf-8"))
    return result


def scores(lhr: dict[str, object]) -> dict[str, int]:
    """Category scores out of 100 (a category Lighthouse could not score counts as 0)."""
    categories = lhr["categories"]
    assert isinstance(categories, dict)
    return {c: round((categories[c]["score"] or 0) * 100) for c in CATEGORIES}


def failed_audits(lhr: dict[str, object], category: str) -> list[str]:
    """Titles (with Lighthouse's short value) of the category's audits that did not pass."""
    categories, audits = lhr["categories"], lhr["audits"]
    assert isinstance(categories, dict) and isinstance(audits, dict)
    failed = []
    for ref in categories[category]["auditRefs"]:
        audit = audits[ref["id"]]
        if audit["scoreDisplayMode"] in ("binary", "numeric", "metricSavings") and (audit["score"] or 0) < 0.9:
            value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            failed.append(f"{audit['title']}{value} [{ref['id']}]")
    return failed


def slug(page: str) -> str:
    """A file name for a page path: th/entries/x.html → th-entries-x."""
    return re.sub(r"[^A-Za-z0-9]+", "-", page.removesuffix(".html")).strip("-")


def main() -> int:
    """Build or take a site, serve it, run Lighthouse on each page and print the scores."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("pages", nargs="*", help="page paths in the site (default: home, an entry, browse)")
    parser.add_argument("--site", type=Path, help="a built site (default: build the sample into build/lighthouse/)")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median score is shown")
    parser.add_argument("--target", type=int, default=95, help="score every category must reach (default 95)")
    args = parser.parse_args()

    install()
    site = args.site or build_sample_site(OUT / "site")
    pages = args.pages or default_pages(site)
    check_pages(site, pages)
    rows: list[tuple[str, dict[str, int], list[str]]] = []
    with serving(site) as base:
        for page in pages:
            runs = [run_lighthouse(base + page, OUT / f"{slug(page)}.{i + 1}.json") for i in range(args.runs)]
            per_run = [scores(lhr) for lhr in runs]
            median = {c: round(statistics.median(s[c] for s in per_run)) for c in CATEGORIES}
            notes = [
                f"{c}: {title}" for c in CATEGORIES if median[c] < args.target for title in failed_audits(runs[-1], c)
            ]
            rows.append((page, median, notes))
            print(f"  {page}: " + ", ".join(f"{c} {median[c]}" for c in CATEGORIES), file=sys.stderr)

    width = max(len(p) for p, _, _ in rows)
    print(f"\nLighthouse {lighthouse_version()} (mobile, median of {args.runs}), reports in {OUT}")
    print(f"{'page':<{width}}  " + "  ".join(f"{c:>14}" for c in CATEGORIES))
    for page, median, _ in rows:
        print(f"{page:<{width}}  " + "  ".join(f"{median[c]:>14}" for c in CATEGORIES))
    low = [(page, notes) for page, median, notes in rows if min(median.values()) < args.target]
    for page, notes in low:
        print(f"\nbelow {args.target} on {page}:")
        for note in notes:
            print(f"  - {note}")
    return 1 if low else 0


def lighthouse_version() -> str:
    """The installed Lighthouse version."""
    meta = json.loads((TOOL / "node_modules" / "lighthouse" / "package.json").read_text(encoding="utf-8"))
    return str(meta["version"])


if __name__ == "__main__":
    sys.exit(main())
