"""A Kiwix ZIM file of the built site, with a full-text index that finds Thai words.

Kiwix serves a ZIM's files by path, so the site goes in unchanged (both languages, assets, exports) and its relative
links and its own client-side search keep working in the Kiwix reader.

Kiwix's full-text search does not find Thai words in raw HTML; each page brings its own index data, made by
zimtext.py (the why is written there).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import html.parser
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from libzim.writer import Creator, FileProvider, Hint, IndexData, Item

from ..database.catalog import Catalog
from ..site.search import dictionary_words
from .reproducible_zim import ZimLayoutError, make_reproducible
from .zimtext import IndexSegmenter

# The site's favicon at 48×48: `rsvg-convert -w 48 -h 48 generator/theme/assets/images/favicon.svg`
ILLUSTRATION = Path(__file__).parent / "illustration-48.png"
MAIN_PAGE = "th/index.html"
# Pages with their own text for the full-text index; listings, printable sheets and the search page repeat
# entry text and would crowd the results.
_FULLTEXT = re.compile(r"^(th|en)/(index|data|entries/[^/]+|about/[^/]+|help/[^/]+)\.html$")
# Pages offered as title suggestions (Kiwix's search-as-you-type): all reading pages.
_NOT_ARTICLES = re.compile(r"^(index\.html|404\.html|(th|en)/(search\.html|sheets/.*))$")
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL | re.IGNORECASE)
_ENTRY_PAGE = re.compile(r"^(th|en)/entries/([^/]+)\.html$")
# A fixed table, not the mimetypes module: that one reads /etc/mime.types and differs between machines.
MIME_TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".json": "application/json",
    ".csv": "text/csv",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".woff2": "font/woff2",
    ".txt": "text/plain",
    ".gz": "application/gzip",
    ".pdf": "application/pdf",
}
_ALREADY_COMPRESSED = frozenset({".png", ".jpg", ".jpeg", ".webp", ".woff2", ".gz", ".pdf"})


class _PageText(html.parser.HTMLParser):
    """The <title> and the readable text of a page's main article.

    Left out: scripts, styles, pictures, and the cards of other entries (related entries, newest entries), whose
    summaries would make a page match words it is not about.
    """

    _SKIP = frozenset({"script", "style", "svg", "template", "noscript"})
    _SKIP_CLASSES = frozenset({"tc-cards"})
    _BLOCK = frozenset({"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "tr", "td", "th", "div", "section", "br"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.parts: list[str] = []
        self._in_title = False
        self._titled = False
        self._article_depth = 0  # >0 while inside Material's <article class="md-content__inner …">
        self._skip: list[str] = []  # the open elements whose text is left out (same-tag nesting included)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "title" and not self._titled:  # the page's own; SVG maps and charts have <title>s too
            self._in_title = True
        elif tag == "article" and (self._article_depth or "md-content__inner" in classes):
            self._article_depth += 1
        if (self._skip and tag == self._skip[0]) or tag in self._SKIP or classes & self._SKIP_CLASSES:
            self._skip.append(tag)
        if tag in self._BLOCK and self._article_depth:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._in_title:
            self._in_title, self._titled = False, True
        elif tag == "article" and self._article_depth:
            self._article_depth -= 1
        if self._skip and self._skip[-1] == tag:
            self._skip.pop()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif self._article_depth and not self._skip:
            self.parts.append(data)

    @property
    def text(self) -> str:
        """The article's text, whitespace collapsed."""
        return " ".join("".join(self.parts).split())


class PageIndex(IndexData):  # type: ignore[misc]
    """The full-text index data of one page (see the module docstring)."""

    def __init__(self, title: str, content: str, keywords: str) -> None:
        super().__init__()
        self.title, self.content, self.keywords = title, content, keywords

    def has_indexdata(self) -> bool:
        """Whether the page goes into the full-text index."""
        return bool(self.content)

    def get_title(self) -> str:
        """Segmented title."""
        return self.title

    def get_content(self) -> str:
        """Segmented text."""
        return self.content

    def get_keywords(self) -> str:
        """Segmented keywords."""
        return self.keywords

    def get_wordcount(self) -> int:
        """Words in the text."""
        return len(self.content.split())

    def get_geoposition(self) -> tuple[float, float] | None:
        """No map position."""
        return None


class SiteFile(Item):  # type: ignore[misc]
    """One file of the site as a ZIM item."""

    def __init__(self, path: str, source: Path, title: str, front: bool, index: PageIndex | None) -> None:
        super().__init__()
        self.path, self.source, self.title, self.front, self.index = path, source, title, front, index

    def get_path(self) -> str:
        """The file's path in the site."""
        return self.path

    def get_title(self) -> str:
        """The page title (empty for assets)."""
        return self.title

    def get_mimetype(self) -> str:
        """Content type from a fixed table."""
        return MIME_TYPES.get(self.source.suffix.lower(), "application/octet-stream")

    def get_contentprovider(self) -> FileProvider:
        """The file's bytes."""
        return FileProvider(str(self.source))

    def get_hints(self) -> dict[Hint, int]:
        """Reading pages are front articles (title suggestions); text is compressed, pictures and fonts not."""
        return {Hint.FRONT_ARTICLE: self.front, Hint.COMPRESS: self.source.suffix.lower() not in _ALREADY_COMPRESSED}

    def get_indexdata(self) -> PageIndex:
        """Our own index data, also for pages that are not indexed (else libzim indexes the raw HTML)."""
        return self.index or PageIndex("", "", "")


@dataclass(frozen=True)
class ZimInfo:
    """What goes into the ZIM's metadata."""

    name: str  # e.g. techclinic_mul_all (Kiwix's {project}_{language}_{selection})
    title: str
    description: str
    date: dt.date
    flavour: str


def _site_names(catalog: Catalog) -> tuple[str, ...]:
    name = catalog.reference.ui["site_name"]
    return tuple(n for n in (name.th, name.en) if n)


def _page_title(title: str, site_names: tuple[str, ...]) -> str:
    title = " ".join(html.unescape(title).split())
    for name in site_names:
        if title.endswith(" - " + name):
            return title[: -len(name) - 3]
    return title


def site_items(site: Path, catalog: Catalog, segmenter: IndexSegmenter) -> Iterator[SiteFile]:
    """Every file of the built site as a ZIM item, with titles and index data for the pages."""
    names = _site_names(catalog)
    for source in sorted(p for p in site.rglob("*") if p.is_file()):
        path = source.relative_to(site).as_posix()
        if not path.endswith(".html"):
            yield SiteFile(path, source, "", False, None)
            continue
        text = source.read_text(encoding="utf-8")
        if not _FULLTEXT.match(path):  # only the title is needed: skip parsing the whole page
            found = _TITLE.search(text)
            title = _page_title(found.group(1) if found else "", names)
            yield SiteFile(path, source, title, not _NOT_ARTICLES.match(path), None)
            continue
        parser = _PageText()
        parser.feed(text)
        title = _page_title(parser.title, names)
        keywords = ""
        entry_match = _ENTRY_PAGE.match(path)
        if entry_match and entry_match.group(2) in catalog.entries:
            entry = catalog.entries[entry_match.group(2)]
            keywords = " ".join(entry.keywords.get(entry_match.group(1)))
        index = PageIndex(
            segmenter.index_text(title, whole_runs=True),
            segmenter.index_text(parser.text),
            segmenter.index_text(keywords, whole_runs=True),
        )
        yield SiteFile(path, source, title, not _NOT_ARTICLES.match(path), index)


@contextlib.contextmanager
def _progress_to_stderr() -> Iterator[None]:
    """libzim's C++ code prints its progress on standard output; keep stdout for the command's own report."""
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def write_zim(site: Path, target: Path, catalog: Catalog, info: ZimInfo) -> int:
    """Write the site as a ZIM with a Thai full-text index, the same bytes for the same site; returns the item count."""
    segmenter = IndexSegmenter(dictionary_words(catalog))
    count = 0
    # One worker: with two, the indexes' documents are numbered in whichever order the workers finish, and the
    # ZIM differs between builds (it takes ~1.5x as long: 41 → 71 s at 1,000 entries, a release-time cost).
    creator = Creator(target).config_indexing(True, "tha").config_nbworkers(1).config_verbose(False)
    with _progress_to_stderr(), creator:
        creator.set_mainpath(MAIN_PAGE)
        creator.add_illustration(48, ILLUSTRATION.read_bytes())
        metadata = {
            "Name": info.name,
            "Title": info.title,
            # Both languages are inside; Thai first (the ZIM spec allows a comma-separated ISO 639-3 list).
            "Language": "tha,eng",
            "Creator": "เครือข่ายคลินิกเทคโนโลยี (Technology Clinic network)",
            "Publisher": "เครือข่ายคลินิกเทคโนโลยี (Technology Clinic network)",
            "Date": info.date.isoformat(),
            "Description": info.description,
            "LongDescription": catalog.reference.ui["site_description"].th,
            "Flavour": info.flavour,
            "Tags": "_category:other;_pictures:yes;_videos:no;_details:yes;thai;technology;agriculture",
            "Source": "python -m generator offline",
        }
        for key, value in metadata.items():
            creator.add_metadata(key, value)
        for item in site_items(site, catalog, segmenter):
            creator.add_item(item)
            count += 1
    try:
        make_reproducible(target)
    except ZimLayoutError as exc:  # a libzim that lays files out otherwise: the ZIM still works
        print(f"warning: the ZIM will differ between builds ({exc}) / ไฟล์ ZIM จะไม่เหมือนเดิมทุกไบต์", file=sys.stderr)
    return count
