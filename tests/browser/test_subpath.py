"""The same built folder works when a server publishes it under a sub-path (e.g. a GitHub Pages project site)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import Opener, Site, _QuietHandler

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def subpath_base(site: Site) -> Iterator[str]:
    """Serve the folder that holds the site, so the site lives at /<name>/ on the server."""
    handler = functools.partial(_QuietHandler, directory=str(site.root.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{site.root.name}/"
    finally:
        server.shutdown()
        server.server_close()


def test_site_works_under_a_sub_path(browser: Any, subpath_base: str) -> None:
    opener = Opener(browser, subpath_base)
    try:
        visit = opener("index.html", settle=True)
        assert visit.page.url == subpath_base + "th/index.html"
        visit.page.locator("a[href$='kinds/technology.html']").first.click()
        visit.page.wait_for_load_state("load")
        visit.page.locator(".tc-card a").first.click()
        visit.page.wait_for_load_state("load")
        entry_url = visit.page.url
        assert entry_url.startswith(subpath_base + "th/entries/")
        visit.page.locator("a[data-tc-switch]").click()
        visit.page.wait_for_load_state("load")
        assert visit.page.url == entry_url.replace("/th/", "/en/")
        box = visit.page.locator("#tc-search-input")
        box.fill("mango")
        visit.page.locator("#tc-search-panel .tc-result").first.wait_for(timeout=5000)
        opener.settle(visit.page)
        failed = [url for url, status in opener.net.responses.items() if status >= 400]
        assert failed == [] and opener.net.foreign == []
        assert visit.console_errors == [] and visit.page_errors == []
    finally:
        opener.close()
