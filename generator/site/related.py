"""Related entries: those an entry names first, then the most similar by category, keywords and province."""

from __future__ import annotations

import heapq
import itertools
import weakref
from collections import Counter, defaultdict
from collections.abc import Sequence

from ..database.catalog import Catalog
from ..database.model import Entry
from ..parallel import fork_map

MAX_RELATED = 6
CATEGORY_SCORE, KEYWORD_SCORE, PROVINCE_SCORE = 3, 2, 1
PARALLEL_ENTRIES = 2000  # below this, one process is quicker than starting workers


class _Index:
    """Posting lists of one catalog, built once: scores are counted in C (Counter.update) over the lists."""

    def __init__(self, catalog: Catalog) -> None:
        self.keywords: dict[str, frozenset[str]] = {
            e.id: frozenset(k.casefold() for k in e.keywords.th) for e in catalog.entries.values()
        }
        by_keyword: dict[str, list[str]] = defaultdict(list)
        by_province: dict[str, list[str]] = defaultdict(list)  # `provinces` only, as the score counts them
        for entry in catalog.entries.values():
            for keyword in sorted(self.keywords[entry.id]):
                by_keyword[keyword].append(entry.id)
            for province in sorted(set(entry.provinces)):
                by_province[province].append(entry.id)
        self.by_keyword = dict(by_keyword)
        self.by_province = dict(by_province)
        self.category: dict[str, list[str]] = {c: [e.id for e in es] for c, es in catalog.by_category.items()}
        self.category_set = {c: frozenset(ids) for c, ids in self.category.items()}
        self.places = {p: frozenset(e.id for e in es) for p, es in catalog.by_province.items()}


_INDEXES: weakref.WeakKeyDictionary[Catalog, _Index] = weakref.WeakKeyDictionary()


def _index(catalog: Catalog) -> _Index:
    index = _INDEXES.get(catalog)
    if index is None:
        index = _INDEXES[catalog] = _Index(catalog)
    return index


def related_entries(catalog: Catalog, entry: Entry) -> list[Entry]:
    """Up to six related entries: named ones first, then the most similar (ties by id, for stable output)."""
    ids = catalog.related.get(entry.id)
    if ids is not None:  # computed once for both languages by precompute()
        return [catalog.entries[i] for i in ids]
    return _compute(catalog, entry)


_SHARED: Catalog | None = None  # the catalog forked workers compute from


def _compute_chunk(ids: Sequence[str]) -> list[tuple[str, tuple[str, ...]]]:
    assert _SHARED is not None
    return [(i, tuple(e.id for e in _compute(_SHARED, _SHARED.entries[i]))) for i in ids]


def precompute(catalog: Catalog) -> None:
    """Fill `catalog.related` for every entry, on every core: the two language builds then share the result."""
    global _SHARED
    _SHARED = catalog
    try:
        catalog.related = dict(fork_map(_compute_chunk, list(catalog.entries), min_items=PARALLEL_ENTRIES))
    finally:
        _SHARED = None


def _compute(catalog: Catalog, entry: Entry) -> list[Entry]:
    """Related entries of one entry, from the catalog's posting lists.

    Candidates share the category or a province (where used, or a community's own); the score is
    3 for the same category, 2 per shared keyword and 1 per shared province where used.
    """
    index = _index(catalog)
    named = [catalog.entries[i] for i in entry.related if i in catalog.entries]
    taken = {entry.id, *(e.id for e in named)}
    same_category = index.category_set.get(entry.category, frozenset())
    boost: Counter[str] = Counter()
    for province in set(entry.provinces):
        for _ in range(PROVINCE_SCORE):  # Counter.update counts in C: one pass per point
            boost.update(index.by_province.get(province, ()))
    for keyword in index.keywords[entry.id]:
        for _ in range(KEYWORD_SCORE):
            boost.update(index.by_keyword.get(keyword, ()))
    # Entries of another category count only when they share a province (where used, or their community's).
    elsewhere = frozenset().union(*(index.places.get(p, frozenset()) for p in entry.provinces)) - same_category
    scored = [(-(CATEGORY_SCORE + b), i) for i, b in boost.items() if i in same_category]
    scored += [(-b, i) for i, b in boost.items() if i in elsewhere]
    # Same-category entries without a shared keyword or province all score 3: the smallest ids among them.
    want = MAX_RELATED + len(taken)
    plain = list(itertools.islice((i for i in index.category.get(entry.category, ()) if i not in boost), want))
    best = heapq.nsmallest(want, scored + [(-CATEGORY_SCORE, i) for i in plain])
    similar = [catalog.entries[i] for _, i in best if i not in taken]
    return (named + similar)[:MAX_RELATED]
