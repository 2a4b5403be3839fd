"""Which year a claim is about when it states none: the last full year before the article (a year earlier when no
source has it yet, never older); without an article date, the latest year in the data."""

from __future__ import annotations

import datetime as dt

# A claim without a year may use data at most this many years older than the last full year before the article.
STALE_YEARS = 1


def target_year(year: int | None, years, article: dt.date | None) -> tuple[int | None, str]:
    """(the year to check, why) for a claim stating `year` (or None) given the years the data have."""
    if year:
        return int(year), ""
    years = sorted(set(years))
    if article is None:
        if not years:
            return None, "no year stated and no data"
        return years[-1], "no year stated and no article date: the latest year in the data"
    cap = article.year - 1
    usable = [y for y in years if cap - STALE_YEARS <= y <= cap]
    if not usable:
        latest = max((y for y in years if y <= cap), default=None)
        return None, f"no year stated: the last full year before the article is {cap}" + \
            (f", but the data end in {latest}" if latest else "")
    chosen = max(usable)
    why = f"no year stated: the last full year before the article ({cap})"
    if chosen != cap:
        why += f"; no source has {cap} yet, so {chosen}"
    return chosen, why


def common_article_date(year: int | None, year_sets: list[set]) -> dt.date | None:
    """Without an article date, claims about several countries are all checked as of the latest year any of them
    has (so one country's old data does not pass for 'now'): 1 January of the year after it."""
    if year:
        return None
    years = [int(y) for ys in year_sets for y in ys]
    return dt.date(max(years) + 1, 1, 1) if years and max(years) < 9999 else None
