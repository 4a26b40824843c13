"""The bilingual start page at the top of the edition: what it is, its date and size, how to open and verify it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2

from ..database.catalog import Catalog
from ..database.cut import Cut
from ..exports import LICENCE
from ..thai import format_date

TEMPLATES = Path(__file__).parent / "templates"
# Checks every line of SHA256SUMS with Windows' built-in PowerShell; prints only failures, like `sha256sum --quiet`.
POWERSHELL_CHECK = (
    "Get-Content SHA256SUMS -Encoding UTF8 | ForEach-Object { $h, $p = $_ -split '  ', 2; "
    "if (-not (Test-Path -LiteralPath $p) -or (Get-FileHash -Algorithm SHA256 -LiteralPath $p).Hash -ne $h) "
    '{ "FAILED: $p" } }'
)


def start_page(catalog: Catalog, cut: Cut | None, date: dt.date, zim_name: str) -> str:
    """The start page's HTML (every value escaped by Jinja's autoescape); `zim_name` is empty without a ZIM."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
    )
    env.filters["thousands"] = lambda n: f"{n:,}"
    ref = catalog.reference
    if cut is None:
        scope_th, scope_en = "ทั้งประเทศ", "the whole country"
    else:
        name = cut.name(ref)
        # Region names already start with ภาค; Bangkok is not a จังหวัด but a special administrative area.
        prefix_th = "" if cut.kind == "region" or cut.id == "bangkok" else "จังหวัด"
        scope_th = f"{prefix_th}{name.th}"
        scope_en = f"{name.get('en')} {'region' if cut.kind == 'region' else 'province'}"
    return env.get_template("start.html").render(
        site_th=ref.ui["site_name"].th,
        site_en=ref.ui["site_name"].get("en"),
        scope_th=scope_th,
        scope_en=scope_en,
        date_th=format_date(date, "th"),
        date_en=format_date(date, "en"),
        count=len(catalog.entries),
        zim_name=zim_name,
        powershell=POWERSHELL_CHECK,
        licence=LICENCE["name"],
    )
