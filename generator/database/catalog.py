"""The validated, frozen database with the lookups pages need (by category, province, institution …)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ..thai import collation_key
from .model import Entry, Institution
from .reference import ReferenceData


class Catalog:
    """All valid entries plus the reference data, indexed for rendering."""

    def __init__(self, reference: ReferenceData, entries: Iterable[Entry]) -> None:
        self.reference = reference
        self.entries: dict[str, Entry] = {e.id: e for e in sorted(entries, key=lambda e: e.id)}
        self.by_category: dict[str, list[Entry]] = defaultdict(list)
        self.by_province: dict[str, list[Entry]] = defaultdict(list)
        self.by_region: dict[str, list[Entry]] = defaultdict(list)
        self.by_institution: dict[str, list[Entry]] = defaultdict(list)
        self.by_audience: dict[str, list[Entry]] = defaultdict(list)
        self.by_value_chain: dict[str, list[Entry]] = defaultdict(list)
        self.by_kind: dict[str, list[Entry]] = defaultdict(list)
        self.by_coupon_service: dict[str, list[Entry]] = defaultdict(list)
        self.villages_by_technology: dict[str, list[Entry]] = defaultdict(list)
        # Related entry ids by entry id, when the build computed them once for both languages (site/related.py).
        self.related: dict[str, tuple[str, ...]] = {}
        # The smaller copies of entry pictures by original path, when the build made them once (site/renditions.py).
        self.pictures: dict[str, Any] = {}
        for entry in self.entries.values():
            for service in entry.coupon_services:
                self.by_coupon_service[service].append(entry)
            if entry.village:
                for tech in entry.village.technologies:
                    self.villages_by_technology[tech].append(entry)
            self.by_category[entry.category].append(entry)
            self.by_institution[entry.institution].append(entry)
            self.by_kind[entry.kind].append(entry)
            for audience in entry.audiences:
                self.by_audience[audience].append(entry)
            for stage in entry.value_chain:
                self.by_value_chain[stage].append(entry)
            regions_seen: set[str] = set()
            for province in self.places(entry):
                self.by_province[province].append(entry)
                region = reference.provinces[province].region
                if region not in regions_seen:
                    regions_seen.add(region)
                    self.by_region[region].append(entry)

    @staticmethod
    def places(entry: Entry) -> list[str]:
        """Provinces an entry belongs to: where it is used, plus a local-wisdom community's own province."""
        places = list(entry.provinces)
        if entry.community and entry.community.province not in places:
            places.append(entry.community.province)
        return places

    def clinics_serving(self, province: str) -> list[Institution]:
        """Institutions whose clinics serve a province, by id."""
        return [i for i in self.reference.institutions.values() if province in i.provinces_served]

    def offering(self, service: str) -> list[Institution]:
        """Institutions that offer an STI-coupon service, by id."""
        return [i for i in self.reference.institutions.values() if service in i.coupon_services]

    def sorted(self, entries: Iterable[Entry], lang: str) -> list[Entry]:
        """Entries by title in the page's language: Thai collation on Thai pages."""
        return sorted(entries, key=lambda e: (collation_key(e.title.get(lang)), e.id))

    def newest(self, count: int) -> list[Entry]:
        """The most recently added entries, newest first (ties by id, for stable output)."""
        return sorted(self.entries.values(), key=lambda e: (-e.date_added.toordinal(), e.id))[:count]
