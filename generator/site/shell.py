"""Generated pages without a theme render each: the themed page is rendered once per folder, then filled in.

At 10,000 entries the site has over 45,000 pages, and MkDocs + Material spend milliseconds on each one. The pages
of one folder that are in no nav (entries, sheets, the listings of a category, province, tag …) share their theme
shell: the same nav, the same relative depth, the same scripts. So MkDocs renders one prototype page per folder
whose title, description, image, id and body are markers; every real page is that output with the markers
replaced by the page's own (escaped) values. A test builds the site both ways and requires byte-identical pages.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import escape

from .pages import SitePage

PROTOTYPE_ID = "tc-shell-prototype"
MIN_PAGES = 2  # a shell pays for its prototype from a folder's second page
TITLE, DESCRIPTION, IMAGE = "@@TC-TITLE@@", "@@TC-DESCRIPTION@@", "@@TC-IMAGE@@"
BODY = "<h1 data-tc-body></h1>"  # an h1, as every page body has one: Material adds its own only when there is none
_MARKERS = re.compile(
    f"({re.escape(TITLE)}|{re.escape(DESCRIPTION)}|{re.escape(IMAGE)}|{re.escape(BODY)}|{PROTOTYPE_ID})"
)
_OG_IMAGE = re.compile(r'\s*<meta property="og:image" content="[^"]*' + re.escape(IMAGE) + r'">')


def _folder_and_name(path: str) -> tuple[str, str]:
    folder, _, name = path.partition("/")
    return (folder, name) if name and "/" not in name else ("", "")


def plan(pages: Iterable[SitePage], nav: set[str]) -> dict[str, str]:
    """Folders whose pages are filled from a shell, each with its prototype's page type (the folder's usual one).

    Pages in the nav are left to MkDocs: Material marks the nav item of the page it renders.
    """
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for page in pages:
        folder, _ = _folder_and_name(page.path)
        if folder and page.path not in nav:
            types[folder][page.page_type] += 1
    return {
        folder: counts.most_common(1)[0][0]
        for folder, counts in sorted(types.items())
        if sum(counts.values()) >= MIN_PAGES
    }


def is_filled(page: SitePage, folders: dict[str, str], nav: set[str]) -> bool:
    """Whether a generated page is written from its folder's shell rather than rendered by MkDocs."""
    folder, name = _folder_and_name(page.path)
    return folders.get(folder) == page.page_type and page.path not in nav and name != f"{PROTOTYPE_ID}.md"


def prototype(folder: str, page_type: str) -> SitePage:
    """The page MkDocs renders for a folder: markers wherever a page's own values go."""
    return SitePage(f"{folder}/{PROTOTYPE_ID}.md", TITLE, DESCRIPTION, BODY, page_type, image=IMAGE)


@dataclass(frozen=True)
class Shell:
    """A rendered prototype split at its markers, with and without an og:image line."""

    with_image: list[str]
    without_image: list[str]
    default_description: str  # what the theme writes for a page without a description

    @classmethod
    def of(cls, html: str, default_description: str) -> Shell:
        """Split the prototype's output once; filling a page is then a join."""
        for marker in (TITLE, DESCRIPTION, BODY):
            if marker not in html:
                raise ValueError(f"the theme dropped the {marker} marker; shells cannot be used")
        return cls(_MARKERS.split(html), _MARKERS.split(_OG_IMAGE.sub("", html)), default_description)

    def fill(self, page: SitePage, page_id: str) -> str:
        """The page's HTML: the shell with this page's values, escaped as the theme escapes them."""
        values = {
            TITLE: str(escape(page.title)),
            DESCRIPTION: str(escape(page.description or self.default_description)),
            IMAGE: str(escape(page.image)),
            BODY: page.html,
            PROTOTYPE_ID: page_id,
        }
        parts = self.with_image if page.image else self.without_image
        return "".join(values.get(part, part) if n % 2 else part for n, part in enumerate(parts))
