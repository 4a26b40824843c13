"""Internal link check over a built site: every relative link and anchor must resolve to a file and an id."""

from __future__ import annotations

import html
import os
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..parallel import fork_map

_HREF = re.compile(
    r"""<(?:a|link|img|script|source)\b[^>]*?\s(?:href|src)\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL
)
_ID = re.compile(r"""\sid\s*=\s*(["'])(.*?)\1""", re.IGNORECASE)
_SKIP_SCHEMES = ("http:", "https:", "mailto:", "tel:", "data:", "javascript:")


@dataclass(frozen=True)
class BrokenLink:
    """A link on a page that leads nowhere."""

    page: str
    target: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.target} ({self.reason})"


def _ids(text: str) -> set[str]:
    return {html.unescape(m.group(2)) for m in _ID.finditer(text)}


PARALLEL_PAGES = 4000  # below this, starting worker processes costs more than it saves


class _Checker:
    """Resolves links against the set of files in the site; pages of one folder share most links, so
    each (folder, link) is resolved once."""

    def __init__(self, site: Path, files: frozenset[str]) -> None:
        self.site = site
        self.files = files
        self.ids: dict[str, set[str]] = {}
        self.resolved: dict[tuple[str, str], tuple[str, str, str]] = {}  # → (dest, fragment, problem)

    def _resolve(self, folder: str, rel: str, raw: str) -> tuple[str, str, str]:
        target = html.unescape(raw).strip()
        if not target or target.lower().startswith(_SKIP_SCHEMES):
            return "", "", ""
        parts = urlsplit(target)
        if parts.scheme or parts.netloc:
            return "", "", "not a relative link"
        if target.startswith("/") and rel != "404.html":
            return "", "", "absolute path: breaks under a sub-path and from file://"
        dest = posixpath.normpath(posixpath.join(folder, unquote(parts.path))) if parts.path else rel
        if dest.startswith("../") or dest == "..":
            return "", "", "leads outside the site"
        if dest not in self.files:
            return "", "", "no such file"
        return dest, unquote(parts.fragment) if dest.endswith(".html") else "", ""

    def page(self, rel: str) -> list[BrokenLink]:
        """The broken links of one page."""
        folder = posixpath.dirname(rel)
        text = (self.site / rel).read_text(encoding="utf-8")
        broken: list[BrokenLink] = []
        for match in _HREF.finditer(text):
            raw = match.group(2)
            # A link that starts with a path resolves the same on every page of the folder; others (#x, ?q, /x)
            # depend on the page itself.
            key = (folder, raw) if raw[:1].isalnum() or raw[:1] == "." else (rel, raw)
            found = self.resolved.get(key)
            if found is None:
                found = self.resolved[key] = self._resolve(folder, rel, raw)
            dest, fragment, problem = found
            if problem:
                broken.append(BrokenLink(rel, html.unescape(raw).strip(), problem))
            elif fragment:
                # Every page links to its own skip target: a literal id attribute in the text at hand settles it.
                if dest == rel and "&" not in fragment and f' id="{fragment}"' in text:
                    continue
                if dest not in self.ids:
                    self.ids[dest] = _ids(text if dest == rel else (self.site / dest).read_text(encoding="utf-8"))
                if fragment not in self.ids[dest]:
                    broken.append(BrokenLink(rel, html.unescape(raw).strip(), "no such anchor"))
        return broken


def _site_files(site: Path) -> frozenset[str]:
    found = []
    for folder, _dirs, names in os.walk(site):
        prefix = Path(folder).relative_to(site).as_posix()
        prefix = "" if prefix == "." else prefix + "/"
        found += [prefix + name for name in names if os.path.isfile(os.path.join(folder, name))]
    return frozenset(found)


_WORKER: _Checker | None = None


def _check_chunk(pages: Sequence[str]) -> list[BrokenLink]:
    assert _WORKER is not None
    return [link for rel in pages for link in _WORKER.page(rel)]


def check_links(site: Path) -> list[BrokenLink]:
    """Broken internal links and anchors in every HTML page under `site`."""
    global _WORKER
    files = _site_files(site)
    pages = sorted(f for f in files if f.endswith(".html"))
    _WORKER = _Checker(site, files)
    try:
        # Contiguous chunks keep a folder's pages together, so each worker's cache is warm for them.
        return fork_map(_check_chunk, pages, min_items=PARALLEL_PAGES)
    finally:
        _WORKER = None
