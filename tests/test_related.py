"""Related entries (generator/site/related.py): the posting-list scoring gives exactly what the rule says,
computed the slow, obvious way; the once-per-build table gives the same lists."""

from __future__ import annotations

from pathlib import Path

from generator.database.catalog import Catalog
from generator.database.model import Entry
from generator.database.validate import check_database
from generator.site import related
from generator.synth import synthesize

from .conftest import REPO


def _rule(catalog: Catalog, entry: Entry) -> list[str]:
    """Named first; then entries sharing the category or a province, by score 3·category + 2·keywords +
    1·provinces where used (score > 0), ties by id; six in all."""
    named = [i for i in entry.related if i in catalog.entries]
    keywords = {k.casefold() for k in entry.keywords.th}
    candidates = {e.id for e in catalog.by_category.get(entry.category, [])}
    for province in entry.provinces:
        candidates |= {e.id for e in catalog.by_province.get(province, [])}
    scored = []
    for other_id in candidates - {entry.id, *named}:
        other = catalog.entries[other_id]
        score = 3 * (other.category == entry.category)
        score += 2 * len(keywords & {k.casefold() for k in other.keywords.th})
        score += len(set(entry.provinces) & set(other.provinces))
        if score > 0:
            scored.append((-score, other_id))
    return (named + [i for _, i in sorted(scored)])[: related.MAX_RELATED]


def test_related_entries_follow_the_rule(tmp_path: Path) -> None:
    synthesize(REPO, tmp_path / "synth", 400)
    for root in (REPO, tmp_path / "synth"):
        catalog, _, problems = check_database(root)
        assert catalog is not None, problems
        fast = {e.id: [r.id for r in related.related_entries(catalog, e)] for e in catalog.entries.values()}
        assert fast == {e.id: _rule(catalog, e) for e in catalog.entries.values()}
        assert any(len(ids) == related.MAX_RELATED for ids in fast.values())
        related.precompute(catalog)  # the table both language builds share
        assert catalog.related.keys() == catalog.entries.keys()
        assert {i: [r.id for r in related.related_entries(catalog, catalog.entries[i])] for i in fast} == fast
