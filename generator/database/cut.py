"""Cutting the database down to one region or province, for small regional editions.

An entry belongs to a province when
- it names the province (its `provinces`, or a local-wisdom community's province: Catalog.places), or
- its institution stands in the province or lists it in `provinces_served`: readers there can ask that clinic for
  help with the technology, so a provincial copy should carry it.
An entry belongs to a region when it belongs to one of the region's provinces.

The cut is applied to the catalog before anything is rendered, so listings, search, exports, counts and related
links all see the same smaller database. Links to a dropped entry (`related`) are removed with it; the
technologies that a kept S&T village applies are kept with it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .catalog import Catalog
from .model import Entry, LText
from .reference import ReferenceData
from .suggest import Options, choice_hint, suggest_choice

CUT_ENV = "TC_CUT"  # how `build` tells its MkDocs processes about the cut: "province:<id>" or "region:<id>"
KINDS = ("region", "province")


class CutError(ValueError):
    """An unknown region or province (a usage error), with a bilingual message."""


@dataclass(frozen=True)
class Cut:
    """A region or a province that an edition is limited to."""

    kind: str  # "region" | "province"
    id: str

    def spec(self) -> str:
        """The `kind:id` form passed between processes."""
        return f"{self.kind}:{self.id}"

    def name(self, reference: ReferenceData) -> LText:
        """The region's or province's name in Thai and English."""
        if self.kind == "region":
            return reference.regions[self.id].name
        return reference.provinces[self.id].name

    def provinces(self, reference: ReferenceData) -> frozenset[str]:
        """The province ids the cut covers."""
        if self.kind == "region":
            return frozenset(reference.regions[self.id].provinces)
        return frozenset({self.id})


def make_cut(reference: ReferenceData, kind: str, value: str) -> Cut:
    """Check a region or province id against site_config/; unknown ids raise CutError with a did-you-mean."""
    if kind not in KINDS:
        raise CutError(f"unknown cut kind {kind!r} / ไม่รู้จักการตัดแบบ {kind!r}")
    known = reference.regions if kind == "region" else reference.provinces
    if value in known:
        return Cut(kind, value)
    # Readers may type a name instead of the id (เชียงใหม่, โคราช): accept none silently, but suggest the id.
    options = (
        reference.choices()["provinces"]
        if kind == "province"
        else Options(known, {i: (r.name.th, r.name.en) for i, r in reference.regions.items()})
    )
    hint_en, hint_th = choice_hint(suggest_choice(value, options), options)
    thai = "ภาค" if kind == "region" else "จังหวัด"
    listing = (
        " ".join(sorted(known)) if kind == "region" else "see site_config/provinces.yaml / ดู site_config/provinces.yaml"
    )
    raise CutError(f'unknown {kind} "{value}".{hint_en} Known ids: {listing}\nไม่รู้จักรหัส{thai} "{value}"{hint_th}')


def parse_spec(reference: ReferenceData, spec: str) -> Cut:
    """A Cut from its `kind:id` form (see Cut.spec)."""
    kind, _, value = spec.partition(":")
    return make_cut(reference, kind, value)


def belongs(catalog: Catalog, entry: Entry, provinces: frozenset[str]) -> bool:
    """Whether an entry belongs to any of the provinces (the rule in the module docstring)."""
    institution = catalog.reference.institutions[entry.institution]
    return bool(
        provinces.intersection(Catalog.places(entry))
        or institution.province in provinces
        or provinces.intersection(institution.provinces_served)
    )


def apply_cut(catalog: Catalog, cut: Cut | None) -> Catalog:
    """The catalog limited to the cut (the whole catalog when there is none)."""
    if cut is None:
        return catalog
    provinces = cut.provinces(catalog.reference)
    kept = {e.id: e for e in catalog.entries.values() if belongs(catalog, e, provinces)}
    # A village's technologies are in use where the village is, so they stay with it.
    for village in [e.village for e in kept.values() if e.village]:
        kept.update((t, catalog.entries[t]) for t in village.technologies)
    kept = {k: kept[k] for k in sorted(kept)}
    entries = [
        dataclasses.replace(e, related=tuple(r for r in e.related if r in kept)) if set(e.related) - set(kept) else e
        for e in kept.values()
    ]
    return Catalog(catalog.reference, entries)
