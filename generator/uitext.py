"""Filling the site's texts (site_config/ui.yaml): `{name}` placeholders, and English plurals.

A text may choose its words by a number, in ICU MessageFormat's plural form, which translators know:
`{count, plural, one {# entry} other {# entries}}` ("1 entry", "5 entries"; `#` is the number). Only the
`one` and `other` forms exist: Thai has no plural and writes `{count} รายการ`. When the number is not known at
build time (a template the browser fills: `count="{count}"`), the choice is kept for the browser to make
(generator/theme/assets/js/search.js and browse.js apply the same rule).
"""

from __future__ import annotations

import re
import string
from typing import Any

PLURAL = re.compile(r"\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}")


def _number(value: Any) -> int | None:
    """The value as a whole number (1, "1", "1,234"), or None when it is not one (a placeholder for the browser)."""
    if isinstance(value, int):
        return value
    digits = str(value).replace(",", "")
    return int(digits) if digits.isdigit() else None


def fill(text: str, **values: Any) -> str:
    """The text with its plurals chosen and its `{placeholders}` filled from `values`."""

    def choose(match: re.Match[str]) -> str:
        name, one, other = match.groups()
        number = _number(values[name])
        if number is None:
            return match.group(0).replace("{", "{{").replace("}", "}}")  # kept for the browser
        return (one if number == 1 else other).replace("#", "{" + name + "}")

    return PLURAL.sub(choose, text).format(**values) if values else text


def placeholders(text: str) -> set[str] | None:
    """The names a text fills in (plurals included), or None when its braces do not parse."""
    names = {name for name, _, _ in PLURAL.findall(text)}
    plain = PLURAL.sub(lambda m: "{" + m.group(1) + "}" + m.group(2) + m.group(3), text)
    try:
        parsed = list(string.Formatter().parse(plain))
    except ValueError:
        return None
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            return None
        names.add(name)
    return names
