"""Fixtures for the real-browser tests: the sample site built once, served over HTTP and file://,
and headless Debian Chromium driven by Playwright with the network effectively off.

Every test gets its own browser context; `open_page` records console errors, page errors and every
request that leaves the site's own origin (such requests are also aborted, so nothing reaches the net).
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from generator.site.serve import LocalServer

playwright_sync = pytest.importorskip("playwright.sync_api")

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = REPO / "tests" / "artifacts"
# Schemes that never touch the network (inline data, in-page objects, blank documents).
LOCAL_SCHEMES = ("data:", "blob:", "about:")


# --------------------------------------------------------------------------- the site
@dataclass(frozen=True)
class Site:
    """The built sample site and the two ways the browser reaches it."""

    root: Path
    http_base: str  # http://127.0.0.1:PORT/
    file_base: str  # file:///…/

    def base(self, kind: str) -> str:
        return self.http_base if kind == "http" else self.file_base


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """Build the real sample site once per test process (each xdist worker has its own basetemp)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    out = tmp_path_factory.mktemp("browser-site") / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, f"site build failed:\n{proc.stdout}\n{proc.stderr}"
    server = LocalServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, name="site-http", daemon=True)
    thread.start()
    port = server.server_address[1]
    try:
        yield Site(root=out, http_base=f"http://127.0.0.1:{port}/", file_base=out.as_uri() + "/")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def catalog() -> Any:
    """The sample database, as the generator sees it."""
    from generator.database.validate import check_database

    cat, _ref, problems = check_database(REPO)
    assert cat is not None, [str(p) for p in problems if p.is_error]
    return cat


@pytest.fixture(params=["http", "file"])
def base_kind(request: pytest.FixtureRequest) -> str:
    """Run a test once over HTTP and once from file://."""
    return str(request.param)


@pytest.fixture
def base(site: Site, base_kind: str) -> str:
    """The site's root URL for this run (ends with a slash)."""
    return site.base(base_kind)


# --------------------------------------------------------------------------- the browser
@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium (never a downloaded browser)."""
    with playwright_sync.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@dataclass
class Visit:
    """One opened page and what happened while it loaded."""

    page: Any
    url: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


@dataclass
class NetLog:
    """Requests seen by one browser context."""

    is_local: Callable[[str], bool]
    requests: list[str] = field(default_factory=list)
    finished: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    responses: dict[str, int] = field(default_factory=dict)
    in_flight: set[Any] = field(default_factory=set)

    def on_request(self, request: Any) -> None:
        self.requests.append(request.url)
        self.in_flight.add(request)
        if not self.is_local(request.url):
            self.foreign.append(request.url)

    def on_finished(self, request: Any) -> None:
        self.finished.append(request.url)
        self.in_flight.discard(request)

    def on_response(self, response: Any) -> None:
        self.responses[response.url] = response.status

    def on_failed(self, request: Any) -> None:
        self.failed.append((request.url, str(request.failure)))
        self.in_flight.discard(request)


def origin_check(base: str) -> Callable[[str], bool]:
    """Whether a URL stays on the site's own origin (file: for file://, 127.0.0.1:PORT for HTTP)."""
    if base.startswith("file:"):
        prefix = "file:"
    else:
        scheme, _, host, _ = base.split("/", 3)
        prefix = f"{scheme}//{host}/"

    def is_local(url: str) -> bool:
        return url.startswith(prefix) or url.startswith(LOCAL_SCHEMES)

    return is_local


class Opener:
    """Opens pages of the site in one browser context with the network cut off."""

    def __init__(self, browser: Any, base: str) -> None:
        self.base = base
        self.browser = browser
        self.net = NetLog(origin_check(base))
        self._contexts: list[Any] = []

    def context(self, **options: Any) -> Any:
        ctx = self.browser.new_context(**options)
        self._contexts.append(ctx)
        ctx.on("request", self.net.on_request)
        ctx.on("requestfinished", self.net.on_finished)
        ctx.on("requestfailed", self.net.on_failed)
        ctx.on("response", self.net.on_response)

        def route(route: Any) -> None:
            if self.net.is_local(route.request.url):
                route.continue_()
            else:
                route.abort("internetdisconnected")

        ctx.route("**/*", route)
        return ctx

    def __call__(self, path: str, *, settle: bool = False, context: Any = None, **options: Any) -> Visit:
        """Open `path` (relative to the site root); with settle, wait until the network is idle."""
        ctx = context or self.context(**options)
        page = ctx.new_page()
        url = self.base + path
        visit = Visit(page, url)
        page.on("console", lambda m: visit.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: visit.page_errors.append(str(e)))
        response = page.goto(url, wait_until="load")
        if url.startswith("http"):
            assert response is not None and response.ok, f"{url}: HTTP {response.status if response else '—'}"
        if settle:
            self.settle(page)
        return visit

    def settle(self, page: Any, quiet_ms: int = 200, timeout_ms: int = 15_000) -> None:
        """Wait until no request of the context has been in flight for `quiet_ms` (late requests: search index …).

        Like Playwright's "networkidle", but with a shorter quiet window, which keeps the suite fast.
        """
        quiet = waited = 0
        step = 50
        while quiet < quiet_ms:
            page.wait_for_timeout(step)  # lets Playwright dispatch the request events
            waited += step
            quiet = 0 if self.net.in_flight else quiet + step
            assert waited < timeout_ms, f"requests still in flight: {[r.url for r in self.net.in_flight]}"

    def close(self) -> None:
        for ctx in self._contexts:
            ctx.close()


@pytest.fixture
def open_page(browser: Any, base: str) -> Iterator[Opener]:
    """`open_page("th/entries/x.html")` → Visit; `open_page.net` holds the context's requests."""
    opener = Opener(browser, base)
    try:
        yield opener
    finally:
        opener.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go (gitignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
