"""The browse page's facets and its data file (`browse/data.js`), one per language.

The page itself carries the filter form and a short no-JavaScript list; the entries' facet values live in a
compact script file, so a 10,000-entry database does not make a 6 MB page. It is a script (not JSON fetched
with XHR) because browsers refuse fetch() from file://.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from ..database.catalog import Catalog
from ..database.model import Entry
from ..thai import collation_key

DATA_PATH = "browse/data.js"


@dataclass(frozen=True)
class Facet:
    """One filter: its name in the URL, its label and its choices as (id, label)."""

    name: str
    label: str
    options: list[tuple[str, str]]
    values: Callable[[Entry], list[str]]
    open: bool = False


def facets(catalog: Catalog, lang: str, t: Callable[[str], str]) -> list[Facet]:
    """The browse page's filters in the order they are shown; `t` gives UI strings of this language."""
    ref = catalog.reference

    def terms(taxonomy: str) -> list[tuple[str, str]]:
        return [(term.id, term.label.get(lang)) for term in ref.taxonomies[taxonomy].values()]

    def by_name(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return sorted(items, key=lambda kv: collation_key(kv[1]))

    def regions(e: Entry) -> list[str]:
        return list(dict.fromkeys(ref.provinces[p].region for p in catalog.places(e)))

    return [
        Facet("kind", t("kinds"), terms("kinds"), lambda e: [e.kind], open=True),
        Facet("category", t("categories"), terms("categories"), lambda e: [e.category], open=True),
        Facet("region", t("regions"), [(g.id, g.name.get(lang)) for g in ref.regions.values()], regions),
        Facet(
            "province",
            t("province"),
            by_name([(p.id, p.name.get(lang)) for p in ref.provinces.values()]),
            catalog.places,
        ),
        Facet(
            "institution",
            t("institutions"),
            by_name([(i.id, i.short.get(lang)) for i in ref.institutions.values()]),
            lambda e: [e.institution],
        ),
        Facet("audience", t("audiences"), terms("audiences"), lambda e: list(e.audiences)),
        Facet("stage", t("value_chain"), terms("value_chain"), lambda e: list(e.value_chain)),
        Facet("readiness", t("readiness"), terms("readiness"), lambda e: [e.readiness] if e.readiness else []),
        Facet(
            "english",
            t("browse_english"),
            [("yes", t("browse_english_yes")), ("no", t("browse_english_no"))],
            lambda e: ["yes" if e.has_english else "no"],
        ),
    ]


def browse_data(catalog: Catalog, lang: str, t: Callable[[str], str]) -> str:
    """`window.TC_BROWSE`: the facets' value ids and labels, and per entry (in title order) its id, title,
    whether the title fell back to Thai, its date as YYYYMMDD and the index of each of its facet values."""
    shown = facets(catalog, lang, t)
    index = [{value: n for n, (value, _) in enumerate(f.options)} for f in shown]
    rows = []
    for entry in catalog.sorted(catalog.entries.values(), lang):
        fallback = lang == "en" and entry.title.en is None
        rows.append(
            [
                entry.id,
                entry.title.get(lang),
                1 if fallback else 0,
                int(entry.date_added.strftime("%Y%m%d")),
                [[index[n][v] for v in f.values(entry)] for n, f in enumerate(shown)],
            ]
        )
    data = {
        "facets": [f.name for f in shown],
        "labels": [[label for _, label in f.options] for f in shown],
        "entries": rows,
    }
    return "window.TC_BROWSE=" + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n"
