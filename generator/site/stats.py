"""The statistics page: counts of entries by kind, category, region, institution, readiness and year added.

Each count becomes a Chart that templates/stats.html draws as a horizontal bar chart in SVG (at
build time, no JavaScript) and prints again as a table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..database.catalog import Catalog
from ..database.model import Entry
from ..thai import collation_key, format_year

if TYPE_CHECKING:
    from .pages import PageRenderer, SitePage

NOT_STATED = "-"  # key of the readiness bar for technologies without a readiness
BAR_AREA = 85.0  # percent of the chart width the longest bar takes; the rest holds its count
ROW_HEIGHT = 44  # px per bar: a label line (room for Thai vowels below the line) above a bar


@dataclass(frozen=True)
class Bar:
    """One bar: what it counts, its label, the count and the page that lists those entries."""

    key: str
    label: str  # short, for the chart
    name: str  # in full, for the table
    count: int
    href: str | None
    width: float  # percent of the chart width


@dataclass(frozen=True)
class Chart:
    """One chart of the statistics page."""

    id: str
    title: str
    column: str  # the table's first column heading
    note: str
    bars: tuple[Bar, ...]

    row_height = ROW_HEIGHT

    @property
    def height(self) -> int:
        """The chart's height in px."""
        return self.row_height * len(self.bars)

    @property
    def top(self) -> Bar | None:
        """The largest bar (first of equals)."""
        return max(self.bars, key=lambda b: b.count, default=None)


def counts(catalog: Catalog) -> dict[str, Counter[str]]:
    """Entry counts for every chart, keyed by term, region, institution or year (as text)."""
    entries = list(catalog.entries.values())
    technologies = [e for e in entries if e.kind == "technology"]
    return {
        "kind": Counter(e.kind for e in entries),
        "category": Counter(e.category for e in entries),
        "region": Counter({r: len(v) for r, v in catalog.by_region.items()}),
        "institution": Counter(e.institution for e in entries),
        "readiness": Counter(e.readiness or NOT_STATED for e in technologies),
        "year": Counter(str(e.date_added.year) for e in entries),
    }


def _years(entries: Iterable[Entry]) -> list[str]:
    """Every year from the first entry to the last, gaps included, so the chart reads as a time line."""
    years = sorted({e.date_added.year for e in entries})
    return [str(y) for y in range(years[0], years[-1] + 1)] if years else []


def charts(r: PageRenderer) -> list[Chart]:
    """The charts in the page's language, with links relative to the statistics page."""
    c, ref, lang = r.catalog, r.ref, r.lang
    n = counts(c)

    def by_count(chart: str, labels: dict[str, str], folder: str) -> list[tuple[str, str, str | None]]:
        # Largest first; equal counts in the reader's alphabetical order.
        keys = sorted(labels, key=lambda k: (-n[chart][k], collation_key(labels[k]), k))
        return [(k, labels[k], f"{folder}/{k}.md") for k in keys]

    specs: list[tuple[str, list[tuple[str, str, str | None]]]] = [
        ("kind", [(k, t.label.get(lang), f"kinds/{k}.md") for k, t in ref.taxonomies["kinds"].items()]),
        (
            "category",
            by_count("category", {k: t.label.get(lang) for k, t in ref.taxonomies["categories"].items()}, "categories"),
        ),
        ("region", by_count("region", {k: g.name.get(lang) for k, g in ref.regions.items()}, "regions")),
        (
            "institution",
            by_count("institution", {k: i.short.get(lang) for k, i in ref.institutions.items()}, "institutions"),
        ),
    ]
    readiness: list[tuple[str, str, str | None]] = [
        (k, t.label.get(lang), None) for k, t in ref.taxonomies["readiness"].items()
    ]
    if n["readiness"][NOT_STATED]:
        readiness.append((NOT_STATED, r.t("stats_not_stated"), None))
    specs.append(("readiness", readiness))
    specs.append(("year", [(y, format_year(int(y), lang), None) for y in _years(c.entries.values())]))

    notes = {"region": r.t("stats_region_note"), "readiness": r.t("stats_readiness_note")}
    out = []
    for chart_id, rows in specs:
        values = n[chart_id]
        top = max((values[k] for k, _, _ in rows), default=0)
        bars = tuple(
            Bar(
                k,
                label,
                ref.institutions[k].name.get(lang) if chart_id == "institution" else label,
                values[k],
                r.link(href) if href else None,
                round(BAR_AREA * values[k] / top, 2) if top else 0.0,
            )
            for k, label, href in rows
        )
        out.append(
            Chart(
                chart_id,
                r.t(f"stats_{chart_id}"),
                r.t(f"stats_{chart_id}_col"),
                notes.get(chart_id, ""),
                bars,
            )
        )
    return out


def stats_pages(r: PageRenderer) -> list[SitePage]:
    """The statistics page of this language (`stats.md`)."""
    r.current = "stats.md"  # charts hold links relative to the page
    return [r._render("stats.md", "stats.html", r.t("stats_title"), r.t("stats_intro"), "stats", charts=charts(r))]
