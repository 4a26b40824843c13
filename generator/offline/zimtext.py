"""Text for Kiwix's full-text index: Thai cut into words the way libzim's query side can match them.

Measured with python-libzim 3.13.1 (libzim 9, Xapian 1.4); tests/test_offline.py checks it on a real ZIM:
- libzim's own HTML indexer gives Xapian raw Thai text. Xapian splits words at spaces and punctuation only, so a
  Thai run between spaces (often a whole clause) becomes one term, and terms over 64 bytes (~21 Thai letters) are
  dropped: no Thai word is findable.
- libzim passes every query through ICU's "Lower; NFD; [:M:] remove; NFC" (it strips accents), which also strips
  Thai vowel and tone marks (ั ิ ี ึ ื ุ ู ็ ่ ้ ๊ ๋ ์ are Unicode marks): `มะม่วง` is looked up as `มะมวง`. Index data
  that an item supplies is NOT passed through that step, so pre-segmented text alone finds only words without marks.
- Older readers do not strip: Debian's kiwix-serve 3.3 (libkiwix 11, libzim 8.1) finds `สนม` but not `สนิม` in an
  index of stripped terms.
So the index text here is: Thai runs cut into words by the site's own segmenter (the one the site search uses),
the parts of compound words that the site's dictionary keeps whole (`สนิมเหล็ก` → `สนิม`, `เหล็ก`), the joins of
2 and 3 neighbouring words (so `ถ่านแกลบ` typed without a space is found); every term stripped of marks exactly as
libzim 9 strips queries, and also as written when that differs, for readers on libzim 8. Kiwix cannot segment a
query, so a longer unspaced query is one term that finds only a title or keyword typed whole: the README tells
readers to put spaces between Thai words.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from ..thai import BASE_DICTIONARY, THAI_RUN, Segmenter, normalize_for_search

MAX_NGRAM = 3
# Shortest pieces worth indexing on their own: 2 letters in the site's own compounds (`อบ` in `อบแห้ง`), 3 in
# dictionary words, which would otherwise shed syllables such as `มะ` in `มะม่วง`.
MIN_PART_COMPOUND = 2
MIN_PART_DICTIONARY = 3
_TO_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def strip_marks(text: str) -> str:
    """What libzim does to every query before Xapian sees it (ICU "Lower; NFD; [:M:] remove; NFC")."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    kept = "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M"))
    return unicodedata.normalize("NFC", kept)


class IndexSegmenter:
    """The site's segmenter plus its vocabulary, to split compound words into their known parts."""

    def __init__(self, site_words: Iterable[str]) -> None:
        words = [normalize_for_search(w).strip() for w in site_words]
        self.segmenter = Segmenter(words)
        self.vocabulary = frozenset(_base_vocabulary() | {w for w in words if w})

    def parts(self, word: str, depth: int = 2) -> list[str]:
        """Known words that make up `word` (fewest pieces, longest first piece), and their own parts."""
        min_part = MIN_PART_DICTIONARY if word in _base_vocabulary() else MIN_PART_COMPOUND
        if depth == 0 or len(word) < 2 * min_part:
            return []
        split = self._fewest_pieces(word, min_part)
        if split is None:
            return []
        out = list(split)
        for piece in split:
            out.extend(self.parts(piece, depth - 1))
        return out

    def _fewest_pieces(self, word: str, min_part: int) -> list[str] | None:
        n = len(word)
        best: list[list[str] | None] = [None] * (n + 1)
        best[n] = []
        for start in range(n - min_part, -1, -1):
            for end in range(n, start + min_part - 1, -1):  # longest piece first wins ties
                piece = word[start:end]
                rest = best[end]
                if rest is None or piece == word or piece not in self.vocabulary:
                    continue
                candidate = [piece, *rest]
                current = best[start]
                if current is None or len(candidate) < len(current):
                    best[start] = candidate
        return best[0]

    def index_text(self, text: str, *, whole_runs: bool = False) -> str:
        """Text as Xapian should index it (see the module docstring); `whole_runs` adds each Thai run unsplit."""
        out: list[str] = []
        position = 0
        text = normalize_for_search(text)
        for match in THAI_RUN.finditer(text):
            out.append(text[position : match.start()])
            words = self.segmenter.words(match.group())
            terms = list(words)
            for word in words:
                terms.extend(self.parts(word))
            for n in range(2, MAX_NGRAM + 1):
                terms.extend("".join(words[i : i + n]) for i in range(len(words) - n + 1))
            if whole_runs and len(words) > MAX_NGRAM:
                terms.append(match.group())
            out.append(" " + " ".join(terms) + " ")
            position = match.end()
        out.append(text[position:])
        terms = []
        for term in " ".join(out).split():
            bare = strip_marks(term)
            terms.append(bare)
            if bare != term.lower():
                terms.append(term.lower())  # for readers whose libzim leaves marks in the query
            if term.isascii() and term.isdigit():
                terms.append(term.translate(_TO_THAI_DIGITS))  # Kiwix leaves ๒๕๖๗ in a query as typed
        return " ".join(terms)


@lru_cache(maxsize=1)
def _base_vocabulary() -> frozenset[str]:
    text = BASE_DICTIONARY.read_text(encoding="utf-8")
    return frozenset(w for w in (normalize_for_search(line).strip() for line in text.splitlines()) if w)
