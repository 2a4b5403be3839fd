"""The one validated reading of every date a user gives (CLI --date, API date/on, Python date=): parse_as_of."""

from __future__ import annotations

import datetime as dt
import re

from .errors import UsageError

__all__ = ["EARLIEST", "LATEST", "parse_as_of", "check_year", "VALID_RANGE"]

# The dates a user may give. Wide enough for every series (UN votes from 1946, alliances from 1815) and far enough
# inside datetime's own limits (years 1-9999) that the checker's relative arithmetic ('last year', 'a decade ago',
# 'last Thursday', a year's end) can never overflow.
EARLIEST = dt.date(1800, 1, 1)
LATEST = dt.date(2100, 12, 31)
# How error messages state the range.
VALID_RANGE = f"from {EARLIEST.isoformat()} to {LATEST.isoformat()}"
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_as_of(value, *, field: str = "date") -> dt.date:
    """A date, a datetime or 'YYYY-MM-DD' as a date within EARLIEST..LATEST; a UsageError naming the valid range
    for anything else (another format, an impossible day, a date outside the range, None)."""
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str) and _ISO.match(value.strip()):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise UsageError(f"invalid date {value!r}: no such day; use YYYY-MM-DD {VALID_RANGE}",
                             field=field) from None
    else:
        shown = value if isinstance(value, str) else type(value).__name__ if value is None else value
        raise UsageError(f"invalid date {shown!r}; use YYYY-MM-DD {VALID_RANGE}", field=field)
    if not EARLIEST <= day <= LATEST:
        raise UsageError(f"date {day.isoformat()} is out of range; use a date {VALID_RANGE}", field=field)
    return day


def check_year(value, *, field: str = "year") -> int:
    """A year (int or 'YYYY') within the years of EARLIEST..LATEST; a UsageError naming the range otherwise."""
    text = str(value).strip()
    if isinstance(value, bool) or not re.fullmatch(r"\d{1,4}", text):
        raise UsageError(f"invalid year {value!r}; use a year from {EARLIEST.year} to {LATEST.year}", field=field)
    year = int(text)
    if not EARLIEST.year <= year <= LATEST.year:
        raise UsageError(f"year {year} is out of range; use a year from {EARLIEST.year} to {LATEST.year}",
                         field=field)
    return year
