"""A site built from entries full of XSS payloads runs no injected script on any page (issue: untrusted input).

Every text field an entry can hold carries a payload from tests/data/xss_payloads.txt (after the OWASP
filter-evasion list). Every generated page is opened in Chromium from file://; no dialog may open, no
injected global may appear, no request may leave the site, and the Content-Security-Policy must report
no violation — so nothing of the site's own is blocked, and nothing hostile even reached the policy.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.site.build import build_site

from .conftest import REPO, Opener

pytestmark = pytest.mark.browser

PAYLOADS = [p for p in (REPO / "tests/data/xss_payloads.txt").read_text("utf-8").splitlines() if p.strip()]
RECORD = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def _entry(n: int, payload: str) -> str:
    local = n % 4 == 3
    lines = [
        f"id: xss-{n:02d}",
        f"kind: {'local-wisdom' if local else 'technology'}",
        "institution: rmutt",
        f"title:\n  th: {_q('ทดสอบ ' + payload)}\n  en: {_q('Test ' + payload)}",
        f"summary:\n  th: {_q(payload)}\n  en: {_q(payload)}",
        "description:",
        f"  th: {_q('รายละเอียด `' + payload.replace('`', '') + '` จบ')}",
        f"  en: {_q('Details `' + payload.replace('`', '') + '` end')}",
        "category: food-processing",
        f"keywords:\n  th: [{_q(payload[:40])}, ทดสอบ]\n  en: [{_q(payload[:40])}, test]",
        "audiences: [general-public]",
        "value_chain: [midstream]",
        "provinces: [pathum-thani]",
        f"ip:\n  status: {'community-owned' if local else 'open'}\n  number: {_q(payload[:40])}",
        f"researchers:\n  - th: {_q(payload[:120])}\n    en: {_q(payload[:120])}",
        f'contact:\n  name:\n    th: {_q(payload[:120])}\n    en: {_q(payload[:120])}\n  phone: "02 549 3000"',
        "date_added: 2024-01-01",
        "date_reviewed: 2024-01-02",
    ]
    if local:
        lines += [
            f"community:\n  name:\n    th: {_q(payload[:120])}",
            f"  village: {_q(payload[:120])}\n  province: pathum-thani",
            f"holders:\n  - name:\n      th: {_q(payload[:120])}\n    role:\n      th: {_q(payload[:120])}",
            "consent:\n  method: written\n  date: 2023-12-01",
            f"  given_by:\n    th: {_q(payload[:120])}\n  attribution:\n    th: {_q(payload)}",
        ]
    else:
        lines += ["readiness: ready"]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("xss")
    for name in ("site_config", "content"):
        shutil.copytree(REPO / name, root / "data" / name)
    folder = root / "data" / "technologies" / "rmutt"
    folder.mkdir(parents=True)
    for n, payload in enumerate(PAYLOADS):
        (folder / f"xss-{n:02d}.yaml").write_text(_entry(n, payload), encoding="utf-8")
    out = root / "site"
    assert build_site(root / "data", out) == 0, "the hostile database must be valid, so that it is built"
    return out


def test_no_payload_runs_on_any_page(browser: Any, hostile_site: Path) -> None:
    base = hostile_site.as_uri() + "/"
    opener = Opener(browser, base)
    ctx = opener.context()
    ctx.add_init_script(RECORD)
    dialogs: list[str] = []
    page = ctx.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    # every page generated from the database (the two root pages are fixed text; index.html redirects)
    pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.glob("*/**/*.html"))
    assert len(pages) > 200
    try:
        for path in pages:
            page.goto(base + path, wait_until="load")
            state = page.evaluate("() => ({xss: window.__xss, violations: window.__violations})")
            assert state["xss"] is None, f"{path}: payload ran ({state['xss']})"
            assert state["violations"] == [], f"{path}: CSP violations {state['violations']}"
        # search results are built from index text: type a payload into the box
        page.goto(base + "th/index.html")
        page.locator("#tc-search-input").fill("ทดสอบ")
        page.locator("#tc-search-panel .tc-result").first.wait_for(timeout=5000)
        page.wait_for_timeout(200)
        assert page.evaluate("() => window.__xss") is None
        assert page.evaluate("() => window.__violations") == []
    finally:
        opener.close()
    assert dialogs == [] and errors == []
    assert opener.net.foreign == [], opener.net.foreign[:5]


def test_payloads_are_shown_as_text(hostile_site: Path) -> None:
    html = (hostile_site / "en/entries/xss-00.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__xss=" in html
    assert "<script>window.__xss" not in html
