"""Machine-readable descriptions of pages: schema.org JSON-LD for entries, and their Open Graph image."""

from __future__ import annotations

import json
from typing import Any

from ..database.catalog import Catalog
from ..database.model import Entry


def _script_safe(data: dict[str, Any]) -> str:
    """JSON for a <script type="application/ld+json"> block: `<`, `>` and `&` escaped so no text can close it."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def entry_jsonld(catalog: Catalog, entry: Entry, lang: str) -> str:
    """The entry as a schema.org CreativeWork: its institution as publisher, the provinces as places."""
    ref = catalog.reference
    inst = ref.institutions[entry.institution]
    contact = inst.contact
    publisher: dict[str, Any] = {
        "@type": "CollegeOrUniversity",
        "name": inst.name.get(lang),
        "department": {"@type": "Organization", "name": inst.clinic.get(lang)},
    }
    if contact.phone:
        publisher["telephone"] = contact.phone
    if contact.email:
        publisher["email"] = contact.email
    if contact.website:
        publisher["url"] = contact.website
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "identifier": entry.id,
        "name": entry.title.get(lang),
        "description": entry.summary.get(lang),
        "inLanguage": lang if entry.title.has(lang) else "th",
        "keywords": ", ".join(entry.keywords.get(lang)),
        "genre": ref.taxonomies["kinds"][entry.kind].label.get(lang),
        "about": ref.taxonomies["categories"][entry.category].label.get(lang),
        "dateCreated": entry.date_added.isoformat(),
        "dateModified": entry.date_reviewed.isoformat(),
        "publisher": publisher,
        "spatialCoverage": [
            {
                "@type": "AdministrativeArea",
                "name": ref.provinces[p].name.get(lang),
                "identifier": ref.provinces[p].iso,
                "containedInPlace": {"@type": "Country", "name": "Thailand", "identifier": "TH"},
            }
            for p in catalog.places(entry)
        ],
    }
    if entry.holders:
        data["creator"] = [{"@type": "Person", "name": h.name.get(lang)} for h in entry.holders]
    if entry.community:
        data["sourceOrganization"] = {"@type": "Organization", "name": entry.community.name.get(lang)}
    if entry.consent:
        data["creditText"] = entry.consent.attribution.get(lang)
    if entry.village:
        place = entry.village.place
        data["contentLocation"] = {
            "@type": "Place",
            "name": place.village.get(lang),
            "address": {
                "@type": "PostalAddress",
                "addressLocality": f"{place.subdistrict.get(lang)}, {place.district.get(lang)}",
                "addressRegion": ref.provinces[place.province].name.get(lang),
                "addressCountry": "TH",
            },
            "identifier": place.subdistrict_code,
        }
    return _script_safe(data)
