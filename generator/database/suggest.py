"""What someone most likely meant by an unknown id: a close id, or a name people type (`เชียงใหม่`, `Ayutthaya`)."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Mapping as TMapping
from collections.abc import Sequence as TSequence
from typing import Any


def did_you_mean(value: str, options: TSequence[str]) -> str | None:
    """The closest known option to a mistyped value, if one is close enough."""
    match = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    return match[0] if match else None


class Options(list[str]):
    """The ids a Choice field may take, in file order, with each id's names: Thai, English, then other names.

    A list, so that everything reading ids reads it as before; the names only serve suggestions.
    """

    def __init__(self, ids: TSequence[str] | TMapping[str, Any], names: TMapping[str, TSequence[str | None]]) -> None:
        super().__init__(ids)
        self.names = {i: tuple(n or "" for n in found) for i, found in names.items()}


MAX_SUGGESTIONS = 3


def _folded(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split())).casefold()


def _folded_names(options: TSequence[str]) -> dict[str, list[str]]:
    """Each id's names, folded like what people type (none for a plain list of ids)."""
    names: TMapping[str, tuple[str, ...]] = getattr(options, "names", {})
    return {i: [_folded(n) for n in found if n] for i, found in names.items()}


def named_choice(value: str, options: TSequence[str]) -> str | None:
    """The id whose name is exactly `value` (case, spacing and Unicode form aside), when only one has it."""
    wanted = _folded(value)
    hits = [i for i, found in _folded_names(options).items() if wanted and wanted in found]
    return hits[0] if len(hits) == 1 else None


def suggest_choice(value: str, options: TSequence[str]) -> list[str]:
    """The ids someone most likely meant (at most 3): people type names (`เชียงใหม่`, `Ayutthaya`) as often as ids."""
    wanted = _folded(value)
    if not wanted:
        return []
    folded = _folded_names(options)
    for test in (
        lambda name: name == wanted,  # a name written out
        lambda name: len(wanted) >= 3 and wanted in name,  # part of one: อยุธยา, Ayutthaya
        lambda name: len(name) >= 3 and name in wanted,  # one with more around it: จ.เชียงใหม่
    ):
        hits = [i for i, found in folded.items() if any(test(n) for n in found)]
        if hits:
            return hits if len(hits) <= MAX_SUGGESTIONS else []  # too many fit: any guess would mislead
    guess = did_you_mean(value, options)
    if guess is None:
        by_name = {n: i for i, found in folded.items() for n in found}
        close = difflib.get_close_matches(wanted, list(by_name), n=1, cutoff=0.6)
        guess = by_name[close[0]] if close else None
    return [guess] if guess else []


def guess_hint(guess: str | None) -> tuple[str, str]:
    """` Did you mean "x"?` in English and Thai for one guess (a field, a column, an entry id); nothing without."""
    return choice_hint([guess] if guess else [], [])


def choice_hint(guesses: TSequence[str], options: TSequence[str]) -> tuple[str, str]:
    """` Did you mean "id" (name)?` (or `… "a" (…) or "b" (…)?`) in English and Thai; nothing without a guess."""
    if not guesses:
        return "", ""
    names: TMapping[str, tuple[str, ...]] = getattr(options, "names", {})

    def shown(ident: str, lang: int) -> str:
        found = names.get(ident, ())
        name = (found[lang] if len(found) > lang else "") or (found[0] if found else "")
        return f'"{ident}" ({name})' if name else f'"{ident}"'

    return (
        f" Did you mean {' or '.join(shown(g, 1) for g in guesses)}?",
        f" หมายถึง {' หรือ '.join(shown(g, 0) for g in guesses)} หรือไม่",
    )
