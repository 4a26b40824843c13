"""An Atom feed per language of the newest and most recently reviewed entries."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from ..database.catalog import Catalog

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "feed.xml"
FEED_SIZE = 50


def _stamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def atom_feed(catalog: Catalog, lang: str, site_url: str = "") -> str:
    """The feed as XML text; links are absolute under `site_url` (…/<lang>/) when given, else relative."""
    ET.register_namespace("", ATOM)
    ui = catalog.reference.ui
    entries = sorted(catalog.entries.values(), key=lambda e: (-e.date_reviewed.toordinal(), e.id))[:FEED_SIZE]
    base = site_url.rstrip("/") + "/" if site_url else ""
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"{base}{FEED_PATH}" if base else f"urn:techclinic:{lang}:feed"
    ET.SubElement(feed, f"{{{ATOM}}}title").text = ui["site_name"].get(lang)
    ET.SubElement(feed, f"{{{ATOM}}}subtitle").text = ui["site_description"].get(lang)
    newest = max((e.date_reviewed for e in entries), default=dt.date(2020, 1, 1))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(newest)
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": f"{base}{FEED_PATH}"})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": f"{base}index.html"})
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = ui["site_name"].get(lang)
    for e in entries:
        item = ET.SubElement(feed, f"{{{ATOM}}}entry")
        url = f"{base}entries/{e.id}.html"
        ET.SubElement(item, f"{{{ATOM}}}id").text = url if base else f"urn:techclinic:{lang}:entry:{e.id}"
        ET.SubElement(item, f"{{{ATOM}}}title").text = e.title.get(lang)
        ET.SubElement(item, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": url})
        ET.SubElement(item, f"{{{ATOM}}}published").text = _stamp(e.date_added)
        ET.SubElement(item, f"{{{ATOM}}}updated").text = _stamp(e.date_reviewed)
        ET.SubElement(item, f"{{{ATOM}}}summary").text = e.summary.get(lang)
        category = catalog.reference.taxonomies["categories"][e.category]
        ET.SubElement(item, f"{{{ATOM}}}category", {"term": e.category, "label": category.label.get(lang)})
        who = ET.SubElement(item, f"{{{ATOM}}}author")
        ET.SubElement(who, f"{{{ATOM}}}name").text = catalog.reference.institutions[e.institution].name.get(lang)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
