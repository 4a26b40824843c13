"""`python -m generator links`: do the web addresses written in the database still answer?

Maintainers run it now and then; it needs the network, so it is never part of `check` or `build`.
Each distinct address is asked once (HEAD, then GET when HEAD is refused), a few at a time and at
most `per_host` at a time per host, with a polite User-Agent and a timeout. Redirects are followed
and reported so the address can be updated.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from email.message import Message
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .database.messages import make_problem
from .database.weblinks import WebLink, collect_links
from .diagnostics import Problem

USER_AGENT = "TechClinicLinkCheck/1.0 (link check of the Technology Clinic knowledge base, run by its maintainers)"
MAX_REDIRECTS = 10
REDIRECTS = (301, 302, 303, 307, 308)


@dataclass
class LinkResult:
    """What one address answered: the final status (None when nothing answered) and the redirects on the way."""

    url: str
    status: int | None = None
    error: str = ""
    hops: list[tuple[int, str]] = field(default_factory=list)  # (status, next address) per redirect

    @property
    def ok(self) -> bool:
        """The address (after any redirects) answered with a success status."""
        return self.status is not None and 200 <= self.status < 300

    @property
    def final_url(self) -> str:
        """Where the redirects ended."""
        return self.hops[-1][1] if self.hops else self.url


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand every redirect back to the caller, which follows it itself and records it."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def _status_text(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


NO_NAME = "the host name does not resolve"


def _error_text(exc: BaseException, timeout: float) -> str:
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return NO_NAME
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"bad certificate: {reason.verify_message}"
    return str(reason) or type(reason).__name__


class Checker:
    """Asks addresses with per-host limits; safe to call from several threads."""

    def __init__(self, timeout: float = 15.0, per_host: int = 2) -> None:
        self.timeout = timeout
        self._per_host: defaultdict[str, threading.Semaphore] = defaultdict(lambda: threading.Semaphore(per_host))
        self._lock = threading.Lock()

    def _slot(self, url: str) -> threading.Semaphore:
        with self._lock:
            return self._per_host[(urlsplit(url).hostname or "").lower()]

    def _ask(self, url: str, method: str) -> tuple[int, Message]:
        """One request; returns (status, headers) for any HTTP answer, raises when nothing answers."""
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        with self._slot(url):
            try:
                with _OPENER.open(request, timeout=self.timeout) as response:
                    if method == "GET":
                        response.read(1024)  # a taste is enough; never the whole page
                    return int(response.status), response.headers
            except urllib.error.HTTPError as exc:
                exc.close()
                return int(exc.code), exc.headers

    def check(self, url: str) -> LinkResult:
        """Follow `url` through its redirects; HEAD first, GET when a server will not answer HEAD properly."""
        result = LinkResult(url)
        current = url
        try:
            for _ in range(MAX_REDIRECTS + 1):
                status, headers = self._ask(current, "HEAD")
                if status >= 400:  # many servers refuse or mishandle HEAD; GET is the real test
                    status, headers = self._ask(current, "GET")
                location = headers.get("Location")
                if status in REDIRECTS and location:
                    current = urljoin(current, location)
                    result.hops.append((status, current))
                    continue
                result.status = status
                return result
            result.error = f"more than {MAX_REDIRECTS} redirects"
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            result.error = _error_text(exc, self.timeout)
        return result


def problems_for(links: list[WebLink], results: dict[str, LinkResult]) -> list[Problem]:
    """A warning at every place a broken, unreachable or moved address is written."""
    problems = []
    for link in links:
        res = results[link.url]
        where = (link.path, link.line, link.column, link.field)
        if res.status is None:
            problems.append(make_problem("link-unreachable", *where, url=link.url, reason=res.error))
        elif not res.ok:
            status = _status_text(res.status)
            if res.hops:
                status = " → ".join([*(str(code) for code, _ in res.hops), res.final_url, status])
            problems.append(make_problem("link-broken", *where, url=link.url, status=status))
        elif res.hops:
            codes = " → ".join(str(code) for code, _ in res.hops)
            problems.append(make_problem("link-redirect", *where, url=link.url, status=codes, target=res.final_url))
    return problems


def check_external_links(
    root: Path,
    *,
    timeout: float = 15.0,
    workers: int = 8,
    per_host: int = 2,
    progress: Callable[[str], None] | None = None,
) -> tuple[list[WebLink], dict[str, LinkResult], list[Problem]]:
    """Collect every address in the database, ask each once, and return the problems found."""
    links = collect_links(root)
    urls = sorted({link.url for link in links})
    if progress:
        progress(f"checking {len(urls)} addresses written in {len(links)} places …")
    checker = Checker(timeout=timeout, per_host=per_host)
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="linkcheck") as pool:
        results = dict(zip(urls, pool.map(checker.check, urls), strict=True))
    return links, results, problems_for(links, results)


def seems_offline(results: dict[str, LinkResult]) -> bool:
    """No host name resolved at all: this machine has no network (or no DNS), so no link can be judged."""
    return bool(results) and all(r.status is None and r.error == NO_NAME for r in results.values())


def is_failure(problem: Problem) -> bool:
    """Broken and unreachable addresses fail the command; moved ones are only reported."""
    return problem.code in ("link-broken", "link-unreachable")
