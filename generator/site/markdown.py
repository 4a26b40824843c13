"""The one safe Markdown renderer for entry text: no raw HTML, safe links, local images, sanitised output."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..database import images, urls
from ..database.markdown_rules import LINK_SCHEMES

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "code", "pre", "blockquote",
    "ul", "ol", "li", "h3", "h4", "h5", "h6", "a", "img", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title", "loading", "decoding"}}


class _SafeTree(Treeprocessor):
    """Demote headings, keep only safe links, and point images at their published copies."""

    def __init__(self, md: markdown.Markdown, image_url: Callable[[str], str | None]) -> None:
        super().__init__(md)
        self.image_url = image_url

    def run(self, root: ET.Element) -> None:
        for el in root.iter():
            if el.tag in ("h1", "h2"):
                el.tag = "h3"
            elif el.tag == "a":
                href = el.get("href", "")
                if not (href.startswith("#") or urls.check_url(href, schemes=LINK_SCHEMES).error is None):
                    el.tag = "span"
                    el.attrib.clear()
            elif el.tag == "img":
                src = el.get("src", "")
                url = self.image_url(src) if images.path_problem(src) is None else None
                if url is None:
                    el.tag = "span"
                    el.text = el.get("alt", "")
                    el.attrib.clear()
                else:
                    el.set("src", url)
                    el.set("loading", "lazy")
                    el.set("decoding", "async")


class _SafeExtension(Extension):
    def __init__(self, image_url: Callable[[str], str | None]) -> None:
        super().__init__()
        self.image_url = image_url

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeTree(md, self.image_url), "techclinic-safe", 0)


def render_markdown(text: str, image_url: Callable[[str], str | None] = lambda _: None) -> str:
    """Render untrusted Markdown to sanitised HTML; `image_url` maps an entry image name to its URL."""
    md = markdown.Markdown(extensions=["sane_lists", _SafeExtension(image_url)], output_format="html")
    html = md.convert(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
