"""Districts and subdistricts from the `geothai` package (DOPA codes, data CC-BY-4.0), to check village places.

Entries write place names as people do (Thai or English, with or without "อำเภอ"/"ตำบล"); this module finds the
official district and subdistrict they mean, so pages can show both languages and the codes can be published.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import geothai

from .geography import province_slug
from .suggest import did_you_mean

# Prefixes people write before a name; the official names carry none (Bangkok's districts carry "เขต").
_PREFIXES = re.compile(
    r"^(?:อำเภอ|อ\.|ตำบล|ต\.|แขวง|เขต|กิ่งอำเภอ|(?:amphoe|tambon|khet|khwaeng|district|subdistrict)\s)\s*"
)


@dataclass(frozen=True)
class Area:
    """One official district or subdistrict."""

    code: str
    th: str
    en: str


def normalize(name: str) -> str:
    """A name reduced for matching: NFC, no administrative prefix, no spaces, case-folded."""
    text = unicodedata.normalize("NFC", name).strip().casefold()
    text = _PREFIXES.sub("", text)
    text = re.sub(r"\s*(?:district|subdistrict)$", "", text)
    return re.sub(r"[\s\-']+", "", text)


def _key_names(area_th: str, area_en: str) -> set[str]:
    return {normalize(area_th), normalize(area_en)}


@functools.cache
def _province_codes() -> dict[str, str]:
    return {province_slug(p.name_en): p.code for p in geothai.provinces()}


def province_code(province_id: str) -> str | None:
    """The DOPA code of a province id used in entries."""
    return _province_codes().get(province_id)


@functools.cache
def districts(province_id: str) -> tuple[Area, ...]:
    """The districts of a province."""
    code = province_code(province_id)
    if code is None:
        return ()
    return tuple(Area(d.code, d.name_th, d.name_en) for d in geothai.districts(code))


@functools.cache
def subdistricts(district_code: str) -> tuple[Area, ...]:
    """The subdistricts of a district."""
    return tuple(Area(s.code, s.name_th, s.name_en) for s in geothai.subdistricts(district_code))


def find(areas: tuple[Area, ...], name: str) -> Area | None:
    """The area whose Thai or English name matches `name`."""
    key = normalize(name)
    for area in areas:
        if key in _key_names(area.th, area.en):
            return area
    return None


def subdistrict_elsewhere(province_id: str, name: str) -> list[Area]:
    """The districts of the province that have a subdistrict called `name` (names repeat), for a helpful hint."""
    return [d for d in districts(province_id) if find(subdistricts(d.code), name) is not None]


def district_elsewhere(name: str) -> list[tuple[str, str]]:
    """(Thai, English) names of the other provinces that have a district called `name`."""
    found = []
    for province in geothai.provinces():
        slug = province_slug(province.name_en)
        if find(districts(slug), name) is not None:
            found.append((province.name_th, province.name_en))
    return found


def suggestion(areas: tuple[Area, ...], name: str) -> str | None:
    """The official name closest to a misspelt Thai or English one."""
    key = normalize(name)
    by_key = {normalize(a.th): a.th for a in areas} | {normalize(a.en): a.en for a in areas}
    guess = did_you_mean(key, list(by_key))
    return by_key[guess] if guess else None


def resolve(province_id: str, district: str, subdistrict: str) -> tuple[Area, Area] | None:
    """The official (district, subdistrict) named, or None when they do not exist together in that province."""
    found_district = find(districts(province_id), district)
    if found_district is None:
        return None
    found_sub = find(subdistricts(found_district.code), subdistrict)
    return (found_district, found_sub) if found_sub else None
