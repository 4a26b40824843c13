"""Every web address written in the database (entries and site_config/), with the place it is written."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from . import yamlio
from .load import discover
from .yamlio import Node, Scalar, Sequence

SITE_CONFIG_DIR = "site_config"
# An http(s) address in plain text or Markdown; one level of balanced parentheses is kept (Wikipedia-style).
_URL = re.compile(r"""https?://(?:[^\s<>"'()\[\]{}`]|\([^\s<>"'()]*\))+""")
_TRAILING = ".,;:!?*_~"


@dataclass(frozen=True, order=True)
class WebLink:
    """One address at one place: file, 1-based line and column, field path."""

    path: str
    line: int
    column: int
    field: str
    url: str


def find_urls(text: str) -> list[tuple[int, str]]:
    """(offset, address) of each http(s) address in text, without trailing punctuation."""
    found = []
    for match in _URL.finditer(text):
        url = match.group().rstrip(_TRAILING)
        if len(url) > len("https://"):
            found.append((match.start(), url))
    return found


def _offset(starts: list[int], pos: yamlio.Pos) -> int:
    return starts[pos.line - 1] + pos.column - 1 if pos.line - 1 < len(starts) else 0


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


def _walk(node: Node, field: str, out: list[tuple[str, Scalar]]) -> None:
    if isinstance(node, Scalar):
        out.append((field, node))
    elif isinstance(node, Sequence):
        for index, item in enumerate(node.items):
            _walk(item, f"{field}[{index}]", out)
    else:
        for key, child in node.items.items():
            _walk(child, f"{field}.{key}" if field else key, out)


def links_in_file(file: Path, display: str) -> list[WebLink]:
    """Addresses in one YAML file; a file that does not load is skipped (`check` reports why)."""
    root, problems, text = yamlio.load_file(file, display)
    if root is None or text is None or any(p.is_error for p in problems):
        return []
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    scalars: list[tuple[str, Scalar]] = []
    _walk(root, "", scalars)
    links = []
    for field, scalar in scalars:
        cursor, end = _offset(starts, scalar.start), _offset(starts, scalar.end)
        for _, url in find_urls(scalar.value):
            # Point at the address itself where it is written as is (plain, quoted or block text);
            # an address spelled with escapes in a quoted string points at the string.
            at = text.find(url, cursor, max(end, cursor + len(url)))
            if at >= 0:
                cursor = at + len(url)
                line, column = _position(starts, at)
            else:
                line, column = scalar.start.line, scalar.start.column
            links.append(WebLink(display, line, column, field, url))
    return links


def collect_links(root: Path) -> list[WebLink]:
    """Every address in the entry files and in site_config/*.yaml, in file and position order."""
    links: list[WebLink] = []
    for config in sorted((root / SITE_CONFIG_DIR).glob("*.yaml")):
        links.extend(links_in_file(config, f"{SITE_CONFIG_DIR}/{config.name}"))
    files, _, _ = discover(root)
    for entry_file in files:
        links.extend(links_in_file(entry_file.path, entry_file.display))
    return sorted(links)
