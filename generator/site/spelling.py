"""English spelling variants folded to one form, so "fertilizer" finds "fertiliser" and "color" finds "colour".

Entries are written by Thai staff in British or American English, and readers type either. The same rules fold
the words of the search index here and the words of a query in the browser: they travel in the index
(`fold`), so generator/theme/assets/js/search.js applies exactly these. A rule is a regular expression over
one lower-case word that both Python and JavaScript read the same way, and a replacement with `$1`-style
groups (a group that did not take part stands for nothing). The first rule that matches a word applies, and only it.
"""

from __future__ import annotations

import functools
import re

# (pattern, replacement): American -ize/-yze to British -ise/-yse, where the database mostly writes British;
# British -our and -tre/-bre to American -or/-ter/-ber, where no rule could tell which -or words take -our.
RULES: tuple[tuple[str, str], ...] = (
    (r"^(\w{3,})iz(e|es|ed|er|ers|ing|ation|ations)$", "$1is$2"),  # fertilizer, organization
    (r"^(\w{2,})yz(e|es|ed|er|ers|ing)$", "$1ys$2"),  # analyze
    (r"^(\w{3,})iz$", "$1is"),  # "fertiliz", half typed, still finds what "fertilis" finds
    (r"^(\w{2,})yz$", "$1ys"),
    (r"^(\w{2,})our(s|ed|ing|er|ers|ful|less|fast|able|ant|ants|ist|ists|ite|ites|y)?$", "$1or$2"),  # colour
    (r"^(\w{2,})(t|b)re(s|d)?$", "$1$2er$3"),  # centre, litre, fibre
    (r"^(\w{3,})ogue(s)?$", "$1og$2"),  # catalogue
    (r"^(\w{2,})ell(ed|ing|er|ers)$", "$1el$2"),  # travelled, labelling, fuelled
    (r"^mould(s|ed|ing|y)?$", "mold$1"),
    (r"^sulph(\w*)$", "sulf$1"),  # sulphur, sulphate
    (r"^aluminium$", "aluminum"),
    (r"^grey(s|ish)?$", "gray$1"),
    (r"^programme(s)?$", "program$1"),
    (r"^(licen|defen|offen)ce(s|d)?$", "$1se$2"),
    (r"^tyre(s)?$", "tire$1"),
    (r"^ageing$", "aging"),
    (r"^drier(s)?$", "dryer$1"),
    (r"^practis(e|es|ed|ing)$", "practic$1"),
    (r"^plough(s|ed|ing)?$", "plow$1"),
    (r"^yogh?o?u?rt(s)?$", "yogurt$1"),  # yoghurt, yoghourt
    (r"^chilli(s|es)?$", "chili$1"),
)

# JavaScript's "$1" is Python's "\g<1>"; both put nothing for a group that did not take part.
_COMPILED = tuple((re.compile(p, re.ASCII), re.sub(r"\$(\d)", r"\\g<\1>", r)) for p, r in RULES)


@functools.cache  # the index folds every word of every page: its vocabulary is small
def fold(word: str) -> str:
    """One lower-case Latin word in its folded spelling (other words are returned as they are)."""
    if not ("a" <= word[:1] <= "z"):
        return word
    for pattern, replacement in _COMPILED:
        match = pattern.match(word)
        if match:
            return match.expand(replacement)
    return word
