"""The Thai toolbox: collation and Buddhist Era dates (segmentation joins it with search)."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import nlpo3
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


@lru_cache(maxsize=200_000)  # every listing sorts the same titles again; pyuca costs ~1 ms a title
def collation_key(text: str) -> tuple[int, ...]:
    """A sort key that orders Thai as a dictionary does (leading vowels เ แ โ ใ ไ sort by consonant)."""
    return tuple(_collator().sort_key(text.casefold()))


def format_date(date: dt.date, lang: str) -> str:
    """`7 มีนาคม 2568` on Thai pages (Buddhist Era), `7 March 2025` on English pages."""
    if lang == "th":
        return f"{date.day} {THAI_MONTHS[date.month - 1]} {date.year + BUDDHIST_ERA_OFFSET}"
    return f"{date.day} {ENGLISH_MONTHS[date.month - 1]} {date.year}"


def format_year(year: int, lang: str) -> str:
    """A year as readers of this language count it: `2568` (Buddhist Era) on Thai pages, `2025` on English ones."""
    return str(year + BUDDHIST_ERA_OFFSET if lang == "th" else year)


# --- text normalisation and word segmentation for search ---

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_RUNS = re.compile(r"[\u0e00-\u0e7f]+|[0-9a-z]+(?:[.'][0-9a-z]+)*")
THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")  # a run of Thai script, without spaces or punctuation
# PyThaiNLP's word list, found without importing the package (50 ms that every `check` would pay).
_PYTHAINLP = importlib.util.find_spec("pythainlp")
assert _PYTHAINLP is not None and _PYTHAINLP.submodule_search_locations, "PyThaiNLP is not installed"
BASE_DICTIONARY = Path(next(iter(_PYTHAINLP.submodule_search_locations))) / "corpus" / "words_th.txt"


def normalize_for_search(text: str) -> str:
    """NFC, no zero-width characters, sara am as one character, `เเ` as `แ`, Thai digits as 0–9, lower case.

    The browser applies the same steps to queries (generator/theme/assets/js/search.js).
    """
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH).translate(_THAI_DIGITS)
    text = text.replace("\u0e4d\u0e32", "\u0e33").replace("\u0e40\u0e40", "\u0e41")
    return text.casefold()


class Segmenter:
    """Thai word segmentation (newmm, via nlpo3) with the project's own words added to the dictionary."""

    def __init__(self, extra_words: Iterable[str] = ()) -> None:
        words = set(BASE_DICTIONARY.read_text(encoding="utf-8").split())
        words.update(w for w in (normalize_for_search(x).strip() for x in extra_words) if _is_thai_word(w))
        payload = "\n".join(sorted(words)) + "\n"
        self.name = "tc-" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "words.txt"
            path.write_text(payload, encoding="utf-8")
            nlpo3.load_dict(str(path), self.name)
        self._short: dict[str, list[str]] = {}

    SHORT = 120  # labels, names and keywords repeat across entries: their words are remembered

    def words(self, text: str) -> list[str]:
        """Search terms of a text: Thai words and lower-case Latin words, normalised, in order."""
        if len(text) > self.SHORT:
            return self._words(text)
        found = self._short.get(text)
        if found is None:
            found = self._short[text] = self._words(text)
        return list(found)

    def _words(self, text: str) -> list[str]:
        out: list[str] = []
        for run in _RUNS.findall(normalize_for_search(text)):
            if "\u0e00" <= run[0] <= "\u0e7f":
                out.extend(w for w in nlpo3.segment(run, self.name) if w.strip())
            else:
                out.append(run)
        return out


def _is_thai_word(word: str) -> bool:
    return bool(word) and all("\u0e00" <= ch <= "\u0e7f" for ch in word)
