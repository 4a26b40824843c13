"""Entry pages and fact sheets without a theme render each: the themed page is rendered once, then filled in.

At 10,000 entries the site has 40,000 such pages, and MkDocs + Material spend milliseconds on each one. All of
them share their theme shell: the same nav (entries are in no nav), the same relative depth, the same scripts.
So MkDocs renders one prototype page per folder whose title, description, image, id and body are markers; every
real page is that output with the markers replaced by the page's own (escaped) values. A test builds the site
both ways and requires byte-identical pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import escape

from .pages import SitePage

PROTOTYPE_ID = "tc-shell-prototype"
FOLDERS = ("entries", "sheets")  # pages in these folders are filled in from a shell
TITLE, DESCRIPTION, IMAGE = "@@TC-TITLE@@", "@@TC-DESCRIPTION@@", "@@TC-IMAGE@@"
BODY = "<h1 data-tc-body></h1>"  # an h1, as every page body has one: Material adds its own only when there is none
_MARKERS = re.compile(
    f"({re.escape(TITLE)}|{re.escape(DESCRIPTION)}|{re.escape(IMAGE)}|{re.escape(BODY)}|{PROTOTYPE_ID})"
)
_OG_IMAGE = re.compile(r'\s*<meta property="og:image" content="[^"]*' + re.escape(IMAGE) + r'">')


def is_filled(path: str) -> bool:
    """Whether a generated page is written from a shell rather than rendered by MkDocs."""
    folder, _, name = path.partition("/")
    return folder in FOLDERS and "/" not in name and name != f"{PROTOTYPE_ID}.md"


def prototype(folder: str, page_type: str) -> SitePage:
    """The page MkDocs renders for a folder: markers wherever a page's own values go."""
    return SitePage(f"{folder}/{PROTOTYPE_ID}.md", TITLE, DESCRIPTION, BODY, page_type, image=IMAGE)


@dataclass(frozen=True)
class Shell:
    """A rendered prototype split at its markers, with and without an og:image line."""

    with_image: list[str]
    without_image: list[str]

    @classmethod
    def of(cls, html: str) -> Shell:
        """Split the prototype's output once; filling a page is then a join."""
        for marker in (TITLE, DESCRIPTION, BODY):
            if marker not in html:
                raise ValueError(f"the theme dropped the {marker} marker; shells cannot be used")
        return cls(_MARKERS.split(html), _MARKERS.split(_OG_IMAGE.sub("", html)))

    def fill(self, page: SitePage, page_id: str) -> str:
        """The page's HTML: the shell with this page's values, escaped as the theme escapes them."""
        values = {
            TITLE: str(escape(page.title)),
            DESCRIPTION: str(escape(page.description)),
            IMAGE: str(escape(page.image)),
            BODY: page.html,
            PROTOTYPE_ID: page_id,
        }
        parts = self.with_image if page.image else self.without_image
        return "".join(values.get(part, part) if n % 2 else part for n, part in enumerate(parts))
