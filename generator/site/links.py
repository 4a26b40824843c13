"""Internal link check over a built site: every relative link and anchor must resolve to a file and an id."""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

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


def check_links(site: Path) -> list[BrokenLink]:
    """Broken internal links and anchors in every HTML page under `site`."""
    pages = {p.relative_to(site).as_posix(): p for p in site.rglob("*.html")}
    id_cache: dict[str, set[str]] = {}
    broken: list[BrokenLink] = []
    for rel, path in sorted(pages.items()):
        text = path.read_text(encoding="utf-8")
        for match in _HREF.finditer(text):
            target = html.unescape(match.group(2)).strip()
            if not target or target.lower().startswith(_SKIP_SCHEMES):
                continue
            parts = urlsplit(target)
            if parts.scheme or parts.netloc:
                broken.append(BrokenLink(rel, target, "not a relative link"))
                continue
            if target.startswith("/") and rel != "404.html":
                broken.append(BrokenLink(rel, target, "absolute path: breaks under a sub-path and from file://"))
                continue
            if not parts.path:
                dest = rel
            else:
                dest = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path)))
            if dest.startswith("../") or dest == "..":
                broken.append(BrokenLink(rel, target, "leads outside the site"))
                continue
            file = site / dest
            if not file.is_file():
                broken.append(BrokenLink(rel, target, "no such file"))
                continue
            if parts.fragment and dest.endswith(".html"):
                if dest not in id_cache:
                    id_cache[dest] = _ids(file.read_text(encoding="utf-8"))
                if unquote(parts.fragment) not in id_cache[dest]:
                    broken.append(BrokenLink(rel, target, "no such anchor"))
    return broken
