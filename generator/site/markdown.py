"""The one safe Markdown renderer for entry text: no raw HTML, safe links, local images, sanitised output."""

from __future__ import annotations

import threading
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
    def __init__(self) -> None:
        super().__init__()
        self.tree: _SafeTree | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        self.tree = _SafeTree(md, _no_images)
        md.treeprocessors.register(self.tree, "techclinic-safe", 0)


def _no_images(_name: str) -> str | None:
    return None


class _Renderer:
    """One configured Markdown instance, reset between texts: building one costs more than a short text."""

    def __init__(self) -> None:
        self.safe = _SafeExtension()
        self.md = markdown.Markdown(extensions=["sane_lists", self.safe], output_format="html")

    def convert(self, text: str, image_url: Callable[[str], str | None]) -> str:
        assert self.safe.tree is not None
        self.safe.tree.image_url = image_url
        try:
            return self.md.reset().convert(text)
        finally:
            self.safe.tree.image_url = _no_images


_RENDERER = threading.local()


def render_markdown(text: str, image_url: Callable[[str], str | None] = _no_images) -> str:
    """Render untrusted Markdown to sanitised HTML; `image_url` maps an entry image name to its URL."""
    renderer = getattr(_RENDERER, "value", None)
    if renderer is None:  # one per thread: a Markdown instance keeps state while it converts
        renderer = _RENDERER.value = _Renderer()
    html = renderer.convert(text, image_url)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
