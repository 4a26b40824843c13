"""Review freshness: entries whose facts nobody has checked for more than two years."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable

from ..diagnostics import Problem
from .messages import make_problem
from .model import Entry

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


def first_stale_day(last: dt.date) -> dt.date:
    """The first day on which an entry last checked on `last` is stale (cutoff() of that day is after it)."""
    if last.year + STALE_YEARS >= dt.MAXYEAR:
        return dt.date.max  # never, within the calendar
    day = dt.date(last.year + STALE_YEARS, last.month, min(last.day, 28))
    while cutoff(day) <= last:  # at most a few steps: cutoff() moves with the day, except on 29 February
        day += dt.timedelta(days=1)
    return day


def stale_problem(entry: Entry) -> Problem:
    """The warning on the `date_reviewed` line of an entry not reviewed for more than two years.

    It does not name today's date: the same warning holds on every later day (the check cache keeps it).
    """
    return make_problem(
        "review-stale", entry.source, entry.review_line, 1, "date_reviewed", reviewed=entry.date_reviewed.isoformat()
    )


def stale_entries(entries: Iterable[Entry], as_of: dt.date) -> list[Entry]:
    """Entries last checked more than two years before `as_of`, longest unchecked first."""
    limit = cutoff(as_of)
    stale = [e for e in entries if last_checked(e) < limit]
    return sorted(stale, key=lambda e: (last_checked(e), e.id))
