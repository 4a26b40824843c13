"""Review freshness: entries whose facts nobody has checked for more than two years."""

from __future__ import annotations

import datetime as dt
import os

from ..database.catalog import Catalog
from ..database.messages import make_problem
from ..database.model import Entry
from ..diagnostics import Problem

STALE_YEARS = 2


def today(override: dt.date | None = None) -> dt.date:
    """The date reports are made as of: `override`, else SOURCE_DATE_EPOCH (reproducible builds), else today."""
    if override is not None:
        return override
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def cutoff(as_of: dt.date) -> dt.date:
    """The same day `STALE_YEARS` years earlier (28 February for a 29 February)."""
    try:
        return as_of.replace(year=as_of.year - STALE_YEARS)
    except ValueError:
        return as_of.replace(year=as_of.year - STALE_YEARS, day=28)


def last_checked(entry: Entry) -> dt.date:
    """When the entry's facts were last checked: its review date, or the day it was added if later."""
    return max(entry.date_reviewed, entry.date_added)


def stale_entries(catalog: Catalog, as_of: dt.date) -> list[Entry]:
    """Entries last checked more than two years before `as_of`, longest unchecked first."""
    limit = cutoff(as_of)
    stale = [e for e in catalog.entries.values() if last_checked(e) < limit]
    return sorted(stale, key=lambda e: (last_checked(e), e.id))


def stale_problems(catalog: Catalog, as_of: dt.date) -> list[Problem]:
    """A warning on the `date_reviewed` line of every entry not reviewed for more than two years."""
    return [
        make_problem(
            "review-stale",
            entry.source,
            entry.review_line,
            1,
            "date_reviewed",
            reviewed=entry.date_reviewed.isoformat(),
            today=as_of.isoformat(),
        )
        for entry in stale_entries(catalog, as_of)
    ]
