"""First-load weight of pages in Chromium: every resource's transferred and uncompressed bytes (not a test).

    .venv/bin/python benchmarks/page_weight.py                  # build the sample site; home, entry, browse
    .venv/bin/python benchmarks/page_weight.py --site site th/entries/x.html en/entries/x.html

Each page opens in a fresh browser context (cold cache) on a 360 px phone viewport and is scrolled to
its end (so lazy images count), served by
benchmarks/gzserver.py (gzip and cache headers, like GitHub Pages). Bytes come from Chromium's
DevTools Network events: `encodedDataLength` (what crossed the wire, headers included) and the
decoded body length. The search index loads only when the search box gets focus; it is shown
on its own line and not counted in the first load. Then the bundled fonts are listed with their
glyph counts and Unicode ranges (fontTools), to show they are subset woff2 files.
Exit status 1 when a page's first load transfers more than --target KB.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gzserver import serving
from playwright.sync_api import sync_playwright
from sample_site import REPO, build_sample_site, check_pages, default_pages

CHROME = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
PHONE = {"width": 360, "height": 740}
FONTS = REPO / "generator" / "theme" / "assets" / "fonts"
OUT = REPO / "build" / "page-weight"


@dataclass
class Resource:
    """One response as Chromium saw it."""

    url: str
    kind: str = "Other"
    transferred: int = 0  # bytes on the wire, headers included
    body: int = 0  # decoded (uncompressed) body bytes
    done: bool = False


@dataclass
class Recorder:
    """Collects DevTools Network events of one page, keyed by request id."""

    resources: dict[str, Resource] = field(default_factory=dict)

    def attach(self, cdp: Any) -> None:
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.dataReceived", self._data)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", self._failed)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})

    def _sent(self, e: dict[str, Any]) -> None:
        self.resources.setdefault(e["requestId"], Resource(e["request"]["url"]))

    def _response(self, e: dict[str, Any]) -> None:
        res = self.resources.setdefault(e["requestId"], Resource(e["response"]["url"]))
        res.kind = e.get("type", "Other")

    def _data(self, e: dict[str, Any]) -> None:
        if e["requestId"] in self.resources:
            self.resources[e["requestId"]].body += e["dataLength"]

    def _finished(self, e: dict[str, Any]) -> None:
        if e["requestId"] in self.resources:
            res = self.resources[e["requestId"]]
            res.transferred, res.done = int(e["encodedDataLength"]), True

    def _failed(self, e: dict[str, Any]) -> None:
        if e["requestId"] in self.resources:
            self.resources[e["requestId"]].done = True

    def pending(self) -> int:
        """Requests still loading."""
        return sum(1 for r in self.resources.values() if not r.done)

    def take(self) -> list[Resource]:
        """The finished resources so far, and forget them (so a later step is counted apart)."""
        done = [r for r in self.resources.values() if r.done and not r.url.startswith("data:")]
        self.resources = {k: r for k, r in self.resources.items() if not r.done}
        return done


def settle(page: Any, recorder: Recorder, quiet_ms: int = 500, timeout_s: float = 20) -> None:
    """Wait until no request has been pending for `quiet_ms`."""
    quiet, start = 0, time.monotonic()
    while quiet < quiet_ms and time.monotonic() - start < timeout_s:
        page.wait_for_timeout(50)
        quiet = 0 if recorder.pending() else quiet + 50


def measure(browser: Any, url: str) -> tuple[list[Resource], list[Resource]]:
    """First load of `url` in a fresh context, then what focusing the search box adds."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        recorder = Recorder()
        recorder.attach(context.new_cdp_session(page))
        page.goto(url, wait_until="load")
        page.evaluate("async () => { await document.fonts.ready; }")
        settle(page, recorder)
        # A reader who reads to the end also loads the lazy images: scroll down in steps so each one starts.
        page.evaluate(
            """async () => { for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
                 scrollTo(0, y); await new Promise(r => setTimeout(r, 50)); } }"""
        )
        settle(page, recorder)
        first = recorder.take()
        search = page.locator("#tc-search-input")
        if search.count():
            search.focus()
            settle(page, recorder)
        return first, recorder.take()
    finally:
        context.close()


def kb(n: int) -> str:
    """Bytes as KB (1 KB = 1000 bytes) with one decimal."""
    return f"{n / 1000:.1f}"


def report(page: str, base: str, first: list[Resource], later: list[Resource], target_kb: int) -> bool:
    """Print one page's table; True when its first load is within the target."""
    print(f"\n{page}  (first load, cold cache, scrolled to the end)")
    print(f"  {'type':<11} {'transferred KB':>14} {'uncompressed KB':>16}  url")
    for res in sorted(first, key=lambda r: (-r.transferred, r.url)):
        print(f"  {res.kind:<11} {kb(res.transferred):>14} {kb(res.body):>16}  {res.url.removeprefix(base)}")
    wire, raw = sum(r.transferred for r in first), sum(r.body for r in first)
    ok = wire <= target_kb * 1000
    verdict = "within" if ok else "OVER"
    print(f"  {'total':<11} {kb(wire):>14} {kb(raw):>16}  {len(first)} requests; {verdict} the {target_kb} KB target")
    for res in later:
        print(f"  + on focusing the search box: {res.kind} {kb(res.transferred)} KB ({kb(res.body)} KB uncompressed)")
    return ok


def font_report() -> None:
    """Glyph count, code points and Unicode ranges of each bundled font (shows they are subset woff2)."""
    try:
        from fontTools.ttLib import TTFont
    except ImportError:
        print("\n(fontTools is not installed: bash scripts/setup.sh dev)")
        return
    print("\nbundled fonts")
    for file in sorted(FONTS.glob("*.woff2")):
        font = TTFont(file)
        cmap = font.getBestCmap()
        ranges = _ranges(sorted(cmap))
        print(
            f"  {file.name}: {font.flavor}, {file.stat().st_size / 1000:.1f} KB, "
            f"{len(font.getGlyphOrder())} glyphs, {len(cmap)} code points: {ranges}"
        )


def _ranges(points: list[int]) -> str:
    """`U+0E01-0E3A, U+0E3F-0E5B` style ranges of sorted code points."""
    spans: list[list[int]] = []
    for p in points:
        if spans and p == spans[-1][1] + 1:
            spans[-1][1] = p
        else:
            spans.append([p, p])
    return ", ".join(f"U+{a:04X}" + (f"-{b:04X}" if b != a else "") for a, b in spans)


def main() -> int:
    """Build or take a site, serve it, and print the first-load weight of each page."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("pages", nargs="*", help="page paths in the site (default: home, an entry, browse)")
    parser.add_argument("--site", type=Path, help="a built site (default: build the sample into build/page-weight/)")
    parser.add_argument("--target", type=int, default=300, help="first-load budget in KB (default 300)")
    args = parser.parse_args()

    site = args.site or build_sample_site(OUT / "site")
    pages = args.pages or default_pages(site)
    check_pages(site, pages)
    within = True
    with serving(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROME, args=ARGS)
        try:
            for page in pages:
                first, later = measure(browser, base + page)
                within = report(page, base, first, later, args.target) and within
        finally:
            browser.close()
    font_report()
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
