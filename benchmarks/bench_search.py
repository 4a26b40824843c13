"""Search at scale: index size per entry and time to first results in Chromium (not a test).

    .venv/bin/python benchmarks/bench_search.py --entries 10000
    .venv/bin/python benchmarks/bench_search.py --site /path/to/built/site   # reuse a build

It builds a synthetic database (python -m generator synth) and the site, then opens the Thai and
English home pages from file:// (nothing gzipped, as on a USB drive) and over HTTP, types a query the
way a reader does, and reports how long the first results took.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
QUERIES = {"th": ["มะม่วง", "อบแห้ง", "ย้อมคราม ธรรมชาติ"], "en": ["mango", "drying", "indigo dye"]}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def build(entries: int, work: Path) -> Path:
    data, out = work / "data", work / "site"
    subprocess.run(
        [sys.executable, "-m", "generator", "synth", "--entries", str(entries), "--out", str(data)],
        cwd=REPO,
        check=True,
    )
    subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(data), "build", "--out", str(out)],
        cwd=REPO,
        check=True,
        stderr=subprocess.DEVNULL,
    )
    return out


def count_entries(site: Path) -> int:
    return sum(1 for _ in (site / "th" / "entries").glob("*.html"))


def index_sizes(site: Path, entries: int) -> None:
    for lang in ("th", "en"):
        raw = (site / lang / "search" / "index.js").read_bytes()
        gz = len(gzip.compress(raw, 9))
        print(
            f"index {lang}: {len(raw):,} B raw ({len(raw) / entries:.0f} B/entry), "
            f"{gz:,} B gzipped ({gz / entries:.0f} B/entry)"
        )


def time_to_first_results(base: str, label: str) -> None:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for lang, queries in QUERIES.items():
            for query in queries:
                page = browser.new_page()
                page.goto(f"{base}{lang}/index.html")
                start = time.perf_counter()
                box = page.locator("#tc-search-input")
                box.click()
                box.press_sequentially(query, delay=30)
                typed = time.perf_counter()
                page.locator("#tc-search-panel [data-status]:not(:empty)").wait_for(timeout=60_000)
                done = time.perf_counter()
                hits = page.locator("#tc-search-panel .tc-result").count()
                status = page.inner_text("#tc-search-panel [data-status]")
                print(
                    f"{label} {lang} {query!r}: first results {done - typed:.2f} s after the last key "
                    f"({done - start:.2f} s after focus); {hits} shown, {status}"
                )
                page.close()
        browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--site", type=Path, help="an already built site to measure")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build(args.entries, Path(tmp))
        entries = count_entries(site)
        print(f"entries: {entries}")
        index_sizes(site, entries)
        time_to_first_results(site.resolve().as_uri() + "/", "file://")
        handler = functools.partial(_Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        time_to_first_results(f"http://127.0.0.1:{server.server_address[1]}/", "http")
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
