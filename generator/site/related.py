"""Related entries: those an entry names first, then the most similar by category, keywords and province."""

from __future__ import annotations

import heapq
import weakref
from collections import defaultdict

from ..database.catalog import Catalog
from ..database.model import Entry

MAX_RELATED = 6
CATEGORY_SCORE, KEYWORD_SCORE, PROVINCE_SCORE = 3, 2, 1


class _Index:
    """Posting lists of one catalog, built once: scoring by accumulation visits each candidate a few times."""

    def __init__(self, catalog: Catalog) -> None:
        self.keywords: dict[str, frozenset[str]] = {
            e.id: frozenset(k.casefold() for k in e.keywords.th) for e in catalog.entries.values()
        }
        self.by_keyword: dict[str, list[str]] = defaultdict(list)
        self.by_province: dict[str, list[str]] = defaultdict(list)  # `provinces` only, as the score counts them
        for entry in catalog.entries.values():
            for keyword in self.keywords[entry.id]:
                self.by_keyword[keyword].append(entry.id)
            for province in set(entry.provinces):
                self.by_province[province].append(entry.id)


_INDEXES: weakref.WeakKeyDictionary[Catalog, _Index] = weakref.WeakKeyDictionary()


def _index(catalog: Catalog) -> _Index:
    index = _INDEXES.get(catalog)
    if index is None:
        index = _INDEXES[catalog] = _Index(catalog)
    return index


def related_entries(catalog: Catalog, entry: Entry) -> list[Entry]:
    """Up to six related entries: named ones first, then the most similar (ties by id, for stable output).

    Candidates share the category or a province (where used, or a community's own); the score is
    3 for the same category, 2 per shared keyword and 1 per shared province where used.
    """
    index = _index(catalog)
    named = [catalog.entries[i] for i in entry.related if i in catalog.entries]
    taken = {entry.id, *(e.id for e in named)}
    score: dict[str, int] = {}
    for other in catalog.by_category.get(entry.category, []):
        score[other.id] = CATEGORY_SCORE
    for province in entry.provinces:
        for other in catalog.by_province.get(province, []):
            score.setdefault(other.id, 0)
    for province in set(entry.provinces):
        for other_id in index.by_province.get(province, []):
            if other_id in score:
                score[other_id] += PROVINCE_SCORE
    for keyword in index.keywords[entry.id]:
        for other_id in index.by_keyword.get(keyword, []):
            if other_id in score:
                score[other_id] += KEYWORD_SCORE
    best = heapq.nsmallest(
        MAX_RELATED, ((-s, other_id) for other_id, s in score.items() if s > 0 and other_id not in taken)
    )
    return (named + [catalog.entries[other_id] for _, other_id in best])[:MAX_RELATED]
