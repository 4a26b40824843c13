"""The Thai toolbox: collation and Buddhist Era dates (segmentation joins it with search)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pyuca

THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
BUDDHIST_ERA_OFFSET = 543


@lru_cache(maxsize=1)
def _collator() -> pyuca.Collator:
    return pyuca.Collator()


def collation_key(text: str) -> tuple[int, ...]:
    """A sort key that orders Thai as a dictionary does (leading vowels เ แ โ ใ ไ sort by consonant)."""
    return tuple(_collator().sort_key(text.casefold()))


def format_date(date: dt.date, lang: str) -> str:
    """`7 มีนาคม 2568` on Thai pages (Buddhist Era), `7 March 2025` on English pages."""
    if lang == "th":
        return f"{date.day} {THAI_MONTHS[date.month - 1]} {date.year + BUDDHIST_ERA_OFFSET}"
    return f"{date.day} {ENGLISH_MONTHS[date.month - 1]} {date.year}"
