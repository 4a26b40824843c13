"""A sitemap of both languages with hreflang alternates (needs the site's public URL)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
LANGS = ("th", "en")


def sitemap_xml(site: Path, base_url: str) -> str:
    """Every page of both languages, each with its th, en and x-default (Thai) alternates."""
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    base = base_url.rstrip("/") + "/"
    paths = sorted({p.relative_to(site / "th").as_posix() for p in (site / "th").rglob("*.html")})
    urlset = ET.Element(f"{{{SITEMAP}}}urlset")
    for path in paths:
        for lang in LANGS:
            url = ET.SubElement(urlset, f"{{{SITEMAP}}}url")
            ET.SubElement(url, f"{{{SITEMAP}}}loc").text = f"{base}{lang}/{path}"
            for alt in (*LANGS, "x-default"):
                href = f"{base}{'th' if alt == 'x-default' else alt}/{path}"
                ET.SubElement(url, f"{{{XHTML}}}link", {"rel": "alternate", "hreflang": alt, "href": href})
    ET.indent(urlset)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(urlset, encoding="unicode") + "\n"
