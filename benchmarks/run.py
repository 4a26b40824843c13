"""Scale benchmark (issue: 10,000 entries). Prints numbers; asserts nothing.

    .venv/bin/python benchmarks/run.py                    # N = 1000, 5000, 10000
    .venv/bin/python benchmarks/run.py --sizes 1000       # one size
    .venv/bin/python benchmarks/run.py --no-baseline      # skip the plain MkDocs comparison

For each N it writes a synthetic database (`python -m generator synth`), then measures `check`, the
full bilingual build (wall time and peak memory of the whole process tree), pages and ms per page,
site size and the largest page, search index bytes per entry, and, with `serve` running, how long a
changed entry takes to show and the full rebuild after it. It then builds a plain MkDocs + Material
site with the same pages and text (one Markdown page per page of ours, one process, only the home
pages in the nav) and prints our time as a ratio to it. The machine is noisy: the ratio is the figure
that counts. `check` is timed three times cold (an empty cache), warm (every file unchanged) and the next day
(`--today` tomorrow: kept results still hold): median and fastest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.database.checkcache import CACHE_ENV  # noqa: E402
from generator.database.validate import check_database  # noqa: E402

CHECK_RUNS = 3
SERVE_TIMEOUT = 900  # seconds; a change serve never shows is a failure, not a wait forever
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHAINLP_OFFLINE": "1", "PYTHAINLP_READ_ONLY": "1"}
# Commands run as on a contributor's machine, with Python's bytecode cache: where PYTHONDONTWRITEBYTECODE is set
# (as on the development machine), every command would compile the generator's sources first (0.12 s each).
ENV.pop("PYTHONDONTWRITEBYTECODE", None)


class PeakMemory:
    """Samples the summed RSS of a process and all its descendants (both language builds at once)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                children.setdefault(ppid, []).append(int(entry.name))
        out, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            out.append(pid)
            todo += children.get(pid, [])
        return out

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            for pid in self._tree():
                try:
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1]) * 1024
                except OSError:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.2)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def run(cmd: list[str], **kwargs: object) -> tuple[float, int]:
    """Run a command quietly; return (seconds, peak bytes of its process tree)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    memory = PeakMemory(proc.pid)
    _, err = proc.communicate()
    peak = memory.stop()
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{err[-2000:]}")
    return time.perf_counter() - start, peak


def plain_baseline(data: Path, site: Path, work: Path) -> tuple[float, int]:
    """A plain MkDocs + Material site with the same pages and text: one Markdown file per page of our site.

    Entry pages and fact sheets carry the entry's text; every other page (listings, tags, provinces …) its
    share of entry titles as links, 60 to a page as our listings have. One build, entry pages out of the nav.
    """
    catalog, _, _ = check_database(data)
    assert catalog is not None
    docs = work / "plain-docs"
    entries = list(catalog.entries.values())
    pages = 0
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site)
        if len(rel.parts) < 2 or rel.parts[0] not in ("th", "en"):
            continue  # the root redirect and 404 page
        lang, path = rel.parts[0], Path(*rel.parts[1:]).with_suffix(".md")
        target = docs / lang / path
        target.parent.mkdir(parents=True, exist_ok=True)
        entry = catalog.entries.get(path.stem) if path.parts[0] in ("entries", "sheets") else None
        if entry is not None:
            keywords = ", ".join(entry.keywords.get(lang))
            text = (
                f"# {entry.title.get(lang)}\n\n{entry.summary.get(lang)}\n\n- {entry.category}\n- {keywords}\n\n"
                f"## Description\n\n{entry.description.get(lang)}\n"
            )
        else:
            start = (pages * 60) % max(1, len(entries))
            depth = "../" * (len(path.parts) - 1)
            links = "\n".join(
                f"- [{e.title.get(lang)}]({depth}entries/{e.id}.md)" for e in (entries + entries)[start : start + 60]
            )
            text = f"# {path.stem}\n\n{links}\n"
        target.write_text(text, encoding="utf-8")
        pages += 1
    for lang in ("th", "en"):
        (docs / lang / "entries").mkdir(parents=True, exist_ok=True)
    config = work / "plain.yml"
    config.write_text(
        f"site_name: Plain\ndocs_dir: {docs}\nsite_dir: {work / 'plain-site'}\nuse_directory_urls: false\n"
        "theme:\n  name: material\n  language: th\n  font: false\n"
        "nav:\n  - th/index.md\n  - en/index.md\nnot_in_nav: |\n  /th/\n  /en/\n"
        "validation:\n  omitted_files: ignore\n  not_found: ignore\n  links:\n    not_found: ignore\n"
        "plugins: []\n",
        encoding="utf-8",
    )
    seconds, _ = run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)])
    return seconds, pages


def serve_update(data: Path, work: Path) -> tuple[float, float]:
    """Start `serve`, change one entry's title, and time until the served page shows it, then the full rebuild."""
    port = 8700 + os.getpid() % 200
    log = work / "serve.log"
    with log.open("w", encoding="utf-8") as stream:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "generator",
                "--root",
                str(data),
                "serve",
                "--out",
                str(work / "served"),
                "--port",
                str(port),
            ],
            cwd=REPO,
            env=ENV,
            stdout=stream,
            stderr=subprocess.STDOUT,
            text=True,
        )
    try:
        while "serving http" not in log.read_text("utf-8"):
            time.sleep(0.5)
        entry = sorted((data / "technologies").rglob("*.yaml"))[0]
        url = f"http://127.0.0.1:{port}/th/entries/{entry.stem}.html"
        entry.write_text(
            entry.read_text(encoding="utf-8").replace('title:\n  th: "', 'title:\n  th: "แก้ไขแล้ว ', 1), encoding="utf-8"
        )
        start = time.perf_counter()
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if "แก้ไขแล้ว" in response.read().decode("utf-8"):
                        break
            except OSError:
                pass
            if time.perf_counter() - start > SERVE_TIMEOUT:
                raise SystemExit(f"serve never showed the change:\n{log.read_text('utf-8')[-2000:]}")
            time.sleep(0.1)
        quick = time.perf_counter() - start
        while log.read_text("utf-8").count("built ") < 2:
            if time.perf_counter() - start > SERVE_TIMEOUT:
                raise SystemExit(f"serve never finished its rebuild:\n{log.read_text('utf-8')[-2000:]}")
            time.sleep(0.5)
        return quick, time.perf_counter() - start
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def measure(n: int, baseline: bool) -> None:
    with tempfile.TemporaryDirectory(prefix=f"bench-{n}-") as tmp:
        work = Path(tmp)
        data, site = work / "data", work / "site"
        run([sys.executable, "-m", "generator", "synth", "--entries", str(n), "--out", str(data)])
        os.sync()  # the synthetic files are on disk before anything is timed
        check = [sys.executable, "-m", "generator", "--root", str(data), "check", "--format", "json"]
        tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
        cold, warm, next_day = [], [], []
        for attempt in range(CHECK_RUNS):  # the machine is noisy: each check is timed several times
            ENV[CACHE_ENV] = str(work / f"check-cache-{attempt}")  # starts empty: the first check is cold
            cold.append(run(check)[0])
            warm.append(run(check)[0])
            next_day.append(run([*check, "--today", tomorrow])[0])  # kept results still hold the next day
            shutil.rmtree(work / f"check-cache-{attempt}")  # the build below checks cold, like a first CI build
        build_s, peak = run([sys.executable, "-m", "generator", "--root", str(data), "build", "--out", str(site)])
        html = list(site.rglob("*.html"))
        size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        largest = max(html, key=lambda p: p.stat().st_size)
        entry_pages = list((site / "th" / "entries").glob("*.html"))
        biggest_entry = max(p.stat().st_size for p in entry_pages)
        print(f"\n== N = {n:,} entries ==")
        cold_s, warm_s = statistics.median(cold), statistics.median(warm)
        print(
            f"check:            {cold_s:7.1f} s cold, {warm_s:.1f} s warm (unchanged), "
            f"{statistics.median(next_day):.1f} s the next day (target < 3 s at 10,000); "
            f"median of {CHECK_RUNS}, fastest {min(cold):.1f} / {min(warm):.1f} / {min(next_day):.1f} s"
        )
        print(
            f"full build:       {build_s:7.1f} s  (target < 120 s at 10,000), peak RSS {peak / 2**20:,.0f} MB "
            "(target < 2 GB)"
        )
        print(f"pages:            {len(html):,}  → {1000 * build_s / len(html):.1f} ms per page")
        print(
            f"site size:        {size / 2**20:,.0f} MB; largest page {largest.relative_to(site)} "
            f"{largest.stat().st_size / 1024:,.0f} KB; largest entry page {biggest_entry / 1024:.0f} KB "
            "(target < 40 KB)"
        )
        for lang in ("th", "en"):
            raw = (site / lang / "search" / "index.js").read_bytes()
            gz = len(gzip.compress(raw, 9))
            print(
                f"search index {lang}:  {len(raw) / n:,.0f} B/entry raw, {gz / n:,.0f} B/entry gzipped (target < 400)"
            )
        quick_s, full_s = serve_update(data, work)
        print(
            f"serve, after one entry changes: its pages show in {quick_s:.1f} s (target < 5 s at 10,000); "
            f"the full rebuild (listings, search) finishes after {full_s:.1f} s"
        )
        if baseline:
            plain_s, plain_pages = plain_baseline(data, site, work)
            ours = build_s / len(html)
            plain = plain_s / plain_pages
            print(
                f"plain MkDocs + Material: {plain_s:.1f} s for {plain_pages:,} pages → {1000 * plain:.1f} ms per page"
            )
            print(f"ratio (ours / plain, per page): {ours / plain:.2f}  (target ≤ 0.6)")
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    for n in args.sizes:
        measure(n, baseline=not args.no_baseline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
