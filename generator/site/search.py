"""The search index of one language: Thai segmented into words, a compact inverted index, as a script.

The index is a plain script (`search/index.js`) so it loads from file:// as well as over HTTP. The
browser matches query words against the index's own vocabulary (see assets/js/search.js), so a Thai
word is found inside a compound or in the middle of a sentence whatever the query segmentation.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..database.catalog import Catalog
from ..database.model import Entry
from ..thai import THAI_RUN, Segmenter
from ..uitext import fill
from .pages import page_url
from .spelling import RULES, fold

INDEX_PATH = "search/index.js"
FORMAT_VERSION = 1

# Weight classes (4 bits): what kind of text a word was found in. Higher ranks first.
W_TITLE = 15
W_KEYWORD = 12
W_LABEL = 8  # category, kind, institution, province names (and the other names of a province: โคราช, Lopburi)
W_SUMMARY = 6
W_AUDIENCE = 4
W_BODY = (1, 2, 2, 3)  # by how often the word occurs in the description: 1, 2, 3, 4+ times

_VLQ = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
SNIPPET_LENGTH = 160
KIND_CODES = {"technology": 0, "local-wisdom": 1, "page": 2, "village": 3}


@dataclass(frozen=True)
class ContentPage:
    """A hand-written page to include in the index."""

    path: str
    title: str
    text: str


def encode_postings(postings: list[tuple[int, int]]) -> str:
    """Doc ids (ascending) and weights as base64 VLQ: each value is (id delta << 4 | weight)."""
    out: list[str] = []
    previous = 0
    for doc, weight in postings:
        value = ((doc - previous) << 4) | weight
        previous = doc
        while True:
            digit = value & 31
            value >>= 5
            if value:
                out.append(_VLQ[digit | 32])
            else:
                out.append(_VLQ[digit])
                break
    return "".join(out)


def decode_postings(text: str) -> list[tuple[int, int]]:
    """The inverse of encode_postings (used by tests; the browser has its own copy)."""
    result: list[tuple[int, int]] = []
    value = shift = doc = 0
    for ch in text:
        digit = _VLQ.index(ch)
        value |= (digit & 31) << shift
        if digit & 32:
            shift += 5
            continue
        doc += value >> 4
        result.append((doc, value & 15))
        value = shift = 0
    return result


def strip_markdown(text: str) -> str:
    """Readable text of a hand-written Markdown page (headings, emphasis and link targets removed)."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(?m)^\s{0,3}(?:#{1,6}|[-*+]|\d+\.)\s+", "", text)
    return re.sub(r"[*_`>|]", "", text)


def _snippet(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= SNIPPET_LENGTH else text[: SNIPPET_LENGTH - 1].rstrip() + "…"


def dictionary_words(catalog: Catalog) -> set[str]:
    """Words the segmenter must keep whole: keywords and every label the site shows."""
    ref = catalog.reference
    words: set[str] = set()
    for entry in catalog.entries.values():
        words.update(entry.keywords.th)
    for terms in ref.taxonomies.values():
        words.update(t.label.th for t in terms.values())
    words.update(name for p in ref.provinces.values() for name in p.names("th"))
    words.update(i.short.th for i in ref.institutions.values())
    # Thai runs only: the abbreviation of "มทร.ล้านนา" is a word of its own ("มทร", not "มท" + "ร").
    return {w for word in words for w in THAI_RUN.findall(word)}


class IndexBuilder:
    """Collects documents and their weighted words, then writes the compact index."""

    def __init__(self, segmenter: Segmenter) -> None:
        self.segmenter = segmenter
        self.docs: list[list[object]] = []
        self.postings: dict[str, dict[int, int]] = defaultdict(dict)

    def add(self, url: str, title: str, kind: int, by: str, snippet: str, fields: Iterable[tuple[int, str]]) -> None:
        """Add one document; `fields` are (weight, text) pairs, `W_BODY` text counted by frequency."""
        doc = len(self.docs)
        self.docs.append([url, title, kind, by, _snippet(snippet)])
        weights: dict[str, int] = {}
        body_counts: dict[str, int] = defaultdict(int)
        for weight, text in fields:
            for word in map(fold, self.segmenter.words(text)):
                if weight == 0:
                    body_counts[word] += 1
                elif weights.get(word, 0) < weight:
                    weights[word] = weight
        for word, count in body_counts.items():
            weight = W_BODY[min(count, len(W_BODY)) - 1]
            if weights.get(word, 0) < weight:
                weights[word] = weight
        for word, weight in weights.items():
            self.postings[word][doc] = weight

    def script(self) -> str:
        """The index as a deterministic script that assigns `window.__tcSearchIndex`."""
        terms = sorted(self.postings)
        data = {
            "v": FORMAT_VERSION,
            "docs": self.docs,
            "terms": "\n".join(terms),
            "postings": [encode_postings(sorted(self.postings[t].items())) for t in terms],
            "fold": [list(rule) for rule in RULES],  # English spellings, folded in the browser as here
        }
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return f"window.__tcSearchIndex={body};\n"


def _entry_fields(catalog: Catalog, entry: Entry, lang: str) -> list[tuple[int, str]]:
    ref = catalog.reference
    inst = ref.institutions[entry.institution]
    fields: list[tuple[int, str]] = [
        (W_TITLE, entry.title.get(lang)),
        (W_KEYWORD, " ".join(entry.keywords.get(lang))),
        (W_LABEL, ref.taxonomies["categories"][entry.category].label.get(lang)),
        (W_LABEL, ref.taxonomies["kinds"][entry.kind].label.get(lang)),
        (W_LABEL, f"{inst.short.get(lang)} {inst.name.get(lang)}"),
        (W_LABEL, " ".join(name for p in catalog.places(entry) for name in ref.provinces[p].names(lang))),
        (W_SUMMARY, entry.summary.get(lang)),
        (W_AUDIENCE, " ".join(ref.taxonomies["audiences"][a].label.get(lang) for a in entry.audiences)),
        (0, entry.description.get(lang)),
    ]
    if entry.community:
        c = entry.community
        where = (name for name in (c.village, c.subdistrict, c.district) if name)
        fields.append((W_LABEL, " ".join([c.name.get(lang), *where])))
    if entry.village:  # the official names of the village's subdistrict and district: สันกำแพง, San Kamphaeng
        p = entry.village.place
        fields.append((W_LABEL, f"{p.village.get(lang)} {p.subdistrict.get(lang)} {p.district.get(lang)}"))
    # The other language's title and keywords, weighted low: Thai readers type "QR" or "GMP", and
    # English readers sometimes paste a Thai name.
    other = "en" if lang == "th" else "th"
    if entry.title.has(other) and entry.keywords.en is not None:
        fields.append((W_AUDIENCE, f"{entry.title.get(other)} {' '.join(entry.keywords.get(other))}"))
    return fields


def _listings(catalog: Catalog, lang: str) -> Iterable[tuple[str, str, str, str, list[str]]]:
    """The listing pages readers look for by name: (path, title, section, snippet, other names) of each province,
    region, category and institution, so that "เชียงใหม่" or "Korat" also offers the page of all its entries."""
    ref, ui = catalog.reference, catalog.reference.ui

    def count(n: int) -> str:
        return fill(ui["entries_count"].get(lang), count=n)

    for p in ref.provinces.values():
        clinics = ", ".join(i.short.get(lang) for i in catalog.clinics_serving(p.id))
        snippet = count(len(catalog.by_province.get(p.id, [])))
        if clinics:
            snippet += f" · {ui['clinics_in_province'].get(lang)}: {clinics}"
        yield f"provinces/{p.id}.md", p.name.get(lang), ui["province"].get(lang), snippet, list(p.names(lang)[1:])
    for r in ref.regions.values():
        n = count(len(catalog.by_region.get(r.id, [])))
        yield f"regions/{r.id}.md", r.name.get(lang), ui["regions"].get(lang), n, []
    for t in ref.taxonomies["categories"].values():
        n = count(len(catalog.by_category.get(t.id, [])))
        yield f"categories/{t.id}.md", t.label.get(lang), ui["categories"].get(lang), n, []
    for i in ref.institutions.values():
        n = count(len(catalog.by_institution.get(i.id, [])))
        yield f"institutions/{i.id}.md", i.name.get(lang), ui["institutions"].get(lang), n, [i.short.get(lang)]


def build_index(catalog: Catalog, lang: str, content: Iterable[ContentPage], segmenter: Segmenter) -> str:
    """The search index script of one language: every entry, the listing pages, then the hand-written pages."""
    builder = IndexBuilder(segmenter)
    ref = catalog.reference
    for entry in catalog.sorted(catalog.entries.values(), lang):
        builder.add(
            page_url(f"entries/{entry.id}.md"),
            entry.title.get(lang),
            KIND_CODES[entry.kind],
            ref.institutions[entry.institution].short.get(lang),
            entry.summary.get(lang),
            _entry_fields(catalog, entry, lang),
        )
    for path, title, section, snippet, also in _listings(catalog, lang):
        builder.add(page_url(path), title, KIND_CODES["page"], section, snippet, [(W_TITLE, " ".join([title, *also]))])
    for page in content:
        builder.add(
            page_url(page.path), page.title, KIND_CODES["page"], "", page.text, [(W_TITLE, page.title), (0, page.text)]
        )
    return builder.script()
