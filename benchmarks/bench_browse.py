"""The browse page's filters at scale: page size and response times in Chromium (not a test).

    .venv/bin/python benchmarks/bench_browse.py --entries 10000 [--cpu-slowdown 4]

It writes a synthetic database (python -m generator synth), renders its Thai browse page and browse/data.js from
the model, and puts them into a built copy of the sample site, so the page has the real theme, CSS and browse.js.
Then it opens it from file:// and measures, per step, the time from a click to the next painted frame:
three filters one after the other, the "newest" order, a shared URL reload, and clearing. With
--cpu-slowdown N Chromium runs N times slower (DevTools CPU throttling), roughly a cheap phone.
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.database.validate import check_database  # noqa: E402
from generator.site.browse import DATA_PATH, browse_data  # noqa: E402
from generator.site.pages import PageRenderer  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
BODY = re.compile(r'<div class="tc-browse-page".*?<script src="[^"]*browse\.js" defer></script>', re.S)
# Runs in the page: click, then wait for the next frame to be painted (rAF + a task after it).
CLICK = """async (selector) => {
  const el = document.querySelector(selector);
  const details = el.closest('details'); if (details) details.open = true;
  const t0 = performance.now();
  el.click();
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0;
}"""
SORT = """async () => {
  const s = document.querySelector('#tc-browse-sort'); s.value = 'new';
  const t0 = performance.now();
  s.dispatchEvent(new Event('change', {bubbles: true}));
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0;
}"""
STATUS = "() => document.querySelector('[data-tc-browse] [data-status]').textContent"


def _run(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "generator", *args], cwd=REPO, check=True, stdout=subprocess.DEVNULL)


def _busiest(catalog: object) -> tuple[str, str, str]:
    combos: dict[tuple[str, str, str], int] = {}
    ref = catalog.reference  # type: ignore[attr-defined]
    for e in catalog.entries.values():  # type: ignore[attr-defined]
        regions = {ref.provinces[p].region for p in catalog.places(e)}  # type: ignore[attr-defined]
        for region in regions:
            for audience in e.audiences:
                combos[(e.category, region, audience)] = combos.get((e.category, region, audience), 0) + 1
    return max(combos, key=lambda k: (combos[k], k))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--cpu-slowdown", type=float, default=1.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        _run("synth", "--entries", str(args.entries), "--out", str(work / "data"))
        catalog, _, problems = check_database(work / "data")
        assert catalog is not None, [p for p in problems if p.is_error][:3]
        renderer = PageRenderer(catalog, "th")
        body = renderer.browse_page().html
        data = browse_data(catalog, "th", renderer.t)
        _run("build", "--out", str(work / "site"))
        page_file = work / "site" / "th" / "browse.html"
        html = BODY.sub(lambda _: body, page_file.read_text(encoding="utf-8"), count=1)
        page_file.write_text(html, encoding="utf-8")
        (work / "site" / "th" / DATA_PATH).write_text(data, encoding="utf-8")
        for name, text in (("page", html), (DATA_PATH, data)):
            raw = text.encode()
            print(
                f"browse {name} for {len(catalog.entries):,} entries: {len(raw) / 1e3:,.0f} KB raw, "
                f"{len(gzip.compress(raw, 6)) / 1e3:,.0f} KB gzipped"
            )
        category, region, audience = _busiest(catalog)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 360, "height": 760})
            if args.cpu_slowdown > 1:
                cdp = page.context.new_cdp_session(page)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": args.cpu_slowdown})
            start = time.perf_counter()
            page.goto(page_file.as_uri(), wait_until="load")
            page.wait_for_selector("[data-tc-facets]:not([hidden])")
            ready = (time.perf_counter() - start) * 1000
            timing = page.evaluate(
                "() => { const n = performance.getEntriesByType('navigation')[0];"
                " return [n.domContentLoadedEventEnd, n.loadEventEnd]; }"
            )
            print(
                f"cpu slowdown ×{args.cpu_slowdown:g}: DOMContentLoaded {timing[0]:.0f} ms, load {timing[1]:.0f} ms, "
                f"filters ready {ready:.0f} ms"
            )
            steps = [
                ("category", f"input[name=category][value='{category}']"),
                ("+ region", f"input[name=region][value='{region}']"),
                ("+ audience", f"input[name=audience][value='{audience}']"),
            ]
            for label, selector in steps:
                ms = page.evaluate(CLICK, selector)
                print(f"  {label:<12} {ms:7.1f} ms → {page.evaluate(STATUS)}")
            print(f"  {'newest':<12} {page.evaluate(SORT):7.1f} ms → {page.evaluate(STATUS)}")
            shared = page.url
            start = time.perf_counter()
            page.goto("about:blank")
            page.goto(shared, wait_until="load")
            page.wait_for_selector("[data-tc-facets]:not([hidden])")
            print(
                f"  shared URL reload to filtered view: {(time.perf_counter() - start) * 1000:.0f} ms "
                f"→ {page.evaluate(STATUS)}"
            )
            ms = page.evaluate(CLICK, "button[type=reset]")
            page.wait_for_timeout(50)
            print(f"  {'clear':<12} {ms:7.1f} ms → {page.evaluate(STATUS)}")
            browser.close()


if __name__ == "__main__":
    main()
