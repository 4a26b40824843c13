"""Related entries: those an entry names first, then the most similar by category, keywords and province."""

from __future__ import annotations

from ..database.catalog import Catalog
from ..database.model import Entry

MAX_RELATED = 6


def _similarity(a: Entry, b: Entry, a_keywords: set[str]) -> int:
    score = 3 if a.category == b.category else 0
    score += 2 * len(a_keywords & {k.casefold() for k in b.keywords.th})
    score += len(set(a.provinces) & set(b.provinces))
    return score


def related_entries(catalog: Catalog, entry: Entry) -> list[Entry]:
    """Up to six related entries: named ones first, then the most similar (ties by id, for stable output)."""
    named = [catalog.entries[i] for i in entry.related if i in catalog.entries]
    taken = {entry.id, *(e.id for e in named)}
    keywords = {k.casefold() for k in entry.keywords.th}
    candidates = {e.id: e for e in catalog.by_category.get(entry.category, [])}
    for province in entry.provinces:
        for other in catalog.by_province.get(province, []):
            candidates.setdefault(other.id, other)
    scored = sorted(
        (
            (-_similarity(entry, other, keywords), other.id, other)
            for other in candidates.values()
            if other.id not in taken
        ),
        key=lambda row: (row[0], row[1]),
    )
    similar = [other for score, _, other in scored if score < 0]
    return (named + similar)[:MAX_RELATED]
