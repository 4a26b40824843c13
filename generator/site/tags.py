"""Keyword tags: every keyword of every entry becomes a page listing the entries that carry it.

Keywords are compared after Unicode NFC, case folding and collapsing spaces, so "Solar" and
"solar" are one tag. A tag's page has the same path in both languages (the language switch relies
on it), so the tags of both languages exist on both sides; each language's index lists its own.

File names must be short and safe on every file system (the offline edition goes on FAT32 USB
drives, which ignore case and refuse some names): a plain English keyword keeps a readable ASCII
name (`solar-dryer`); anything else gets its ASCII words, if any, and a hash (`k_3fa91c0b2d`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..database.catalog import Catalog
from ..thai import collation_key

if TYPE_CHECKING:
    from .pages import PageRenderer, SitePage

FOLDER = "tags"
DIGEST = 10  # hex digits of SHA-256 in a hashed name; lengthened where two names would clash
MAX_SLUG = 40  # characters of a readable name
MAX_PREFIX = 24  # characters of the ASCII words before a hash
_PLAIN = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")
_WORD = re.compile(r"[a-z0-9]+")
_THAI = re.compile(r"[\u0e00-\u0e7f]")
# Names Windows (and so FAT32 drives read on Windows) refuses, even with an extension; `index` is the tags index.
RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "index"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)


def normalize(keyword: str) -> str:
    """The form keywords are compared in: NFC, case-folded, single spaces, no spaces at the ends."""
    folded = unicodedata.normalize("NFC", keyword).casefold()
    return unicodedata.normalize("NFC", " ".join(folded.split()))


def _hashed(key: str, digits: int) -> str:
    prefix = "-".join(_WORD.findall(key))[:MAX_PREFIX].strip("-") or "k"
    return f"{prefix}_{hashlib.sha256(key.encode('utf-8')).hexdigest()[:digits]}"


def tag_names(keys: Iterable[str], digits: int = DIGEST) -> dict[str, str]:
    """A file name (without extension) for each normalised keyword: deterministic, lower-case ASCII, all different.

    Readable names contain no `_` and hashed ones always do, so the two kinds never meet; hashed
    names that would clash get longer hashes until none does.
    """
    names: dict[str, str] = {}
    hashed: list[str] = []
    for key in sorted(set(keys)):
        if _PLAIN.fullmatch(key) and len(key) <= MAX_SLUG and key not in RESERVED:
            names[key] = key.replace(" ", "-")  # injective: plain keys hold no "-"
        else:
            hashed.append(key)
    length = dict.fromkeys(hashed, digits)
    while True:
        groups: dict[str, list[str]] = defaultdict(list)
        for key in hashed:
            groups[_hashed(key, length[key])].append(key)
        clashes = [keys for keys in groups.values() if len(keys) > 1]
        if not clashes:
            break
        for clash in clashes:
            for key in clash:
                if length[key] >= 64:
                    raise ValueError(f"SHA-256 collision between keywords {clash!r}")
                length[key] += 2
    names.update({key: name for name, keys in groups.items() for key in keys})
    return names


# A keyword of a single entry would get a page listing that entry alone; in the sample, 9 keywords in 10 are such.
# At 10,000 entries that would be tens of thousands of pages, so only shared keywords get one.
MIN_ENTRIES = 2


@dataclass(frozen=True)
class Tag:
    """One tag: its normalised key, the spelling shown, its file name and its entries' ids."""

    key: str
    label: str
    name: str
    entries: tuple[str, ...]

    @property
    def has_page(self) -> bool:
        """Whether the tag has its own page: only keywords that entries share gather anything."""
        return len(self.entries) >= MIN_ENTRIES

    @property
    def path(self) -> str:
        """The page path of the tag."""
        return f"{FOLDER}/{self.name}.md"

    @property
    def script(self) -> str:
        """`th` when the keyword is written in Thai, else `en`: the `lang` of its label."""
        return "th" if _THAI.search(self.label) else "en"


class TagIndex:
    """Every tag of the catalog (keywords of both languages)."""

    def __init__(self, catalog: Catalog) -> None:
        spellings: dict[str, Counter[str]] = defaultdict(Counter)
        members: dict[str, set[str]] = defaultdict(set)
        self.by_lang: dict[str, set[str]] = {"th": set(), "en": set()}
        for entry in catalog.entries.values():
            for words in (entry.keywords.th, entry.keywords.en or ()):
                for word in words:
                    key = normalize(word)
                    if not key:
                        continue
                    spellings[key][" ".join(unicodedata.normalize("NFC", word).split())] += 1
                    members[key].add(entry.id)
            for lang in ("th", "en"):  # what each language's pages show (English falls back to Thai)
                self.by_lang[lang].update(k for k in map(normalize, entry.keywords.get(lang)) if k)
        names = tag_names(members)
        self.tags: dict[str, Tag] = {}
        for key in sorted(members):
            # The most used spelling is shown; among equals, the first in code-point order.
            label = min(spellings[key].items(), key=lambda kv: (-kv[1], kv[0]))[0]
            self.tags[key] = Tag(key, label, names[key], tuple(sorted(members[key])))

    def tag(self, keyword: str) -> Tag:
        """The tag of a keyword as an entry writes it."""
        return self.tags[normalize(keyword)]

    def in_language(self, lang: str) -> list[Tag]:
        """The tags that pages of `lang` show, by label in the reader's alphabetical order."""
        shown = (self.tags[k] for k in self.by_lang[lang] if self.tags[k].has_page)
        return sorted(shown, key=lambda t: (collation_key(t.label), t.key))


def tag_pages(r: PageRenderer) -> list[SitePage]:
    """The tags index and one paged listing per tag (both languages have every tag page)."""
    index = r.tags
    out = [r._render(f"{FOLDER}/index.md", "tags.html", r.t("tags_title"), r.t("tags_intro"), "tags")]
    for tag in (t for t in index.tags.values() if t.has_page):
        entries = r.sort(r.catalog.entries[i] for i in tag.entries)
        out += r._listing(
            tag.path, "tag.html", tag.label, f"{r.t('tag_heading')}: {tag.label}", "tag", entries, tag=tag
        )
    return out
