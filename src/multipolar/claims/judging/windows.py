"""The window of years a cumulative claim covers (arms deliveries, lending, votes): stated years, a stated length
ending at the latest year, 'since' a year, one year; with no period, a default length ending at the last full year
before the article (or the latest year in the data)."""

from __future__ import annotations

from ..model import AsOf

# SIPRI presents arms transfers over five-year windows: a claim without a period is read that way.
DEFAULT_WINDOW = 5


def latest_year(data_years: list[int], as_of: AsOf) -> tuple[int | None, str]:
    """The last full year before the article that the data have (else the data's latest year)."""
    if not data_years:
        return None, "no data"
    last = max(data_years)
    if as_of.article is None:
        return last, ""
    cap = as_of.article.year - 1
    usable = [y for y in data_years if y <= cap]
    if not usable:
        return None, f"the data start in {min(data_years)}, after the article's last full year ({cap})"
    year = max(usable)
    return year, "" if year == cap else f"the data end in {year} (the article's last full year is {cap})"


def resolve_window(p, data_years: list[int], as_of: AsOf, default: int = DEFAULT_WINDOW) \
        -> tuple[int | None, int, str]:
    """(end year, number of years, note) of the claim's window; end None with the reason when out of the data."""
    if p.years:
        first, last = p.years
        end, window, why = last, last - first + 1, ""
    elif p.year and not p.span:
        end, window, why = p.year, 1, ""
    else:
        end, why = latest_year(data_years, as_of)
        if end is None:
            return None, 0, why
        if p.year:
            end = p.year
        if p.span:
            window = p.span
            why = "; ".join(x for x in (why, f"'{p.span} years' read as {end - p.span + 1}-{end}") if x)
        elif p.base_year:
            window = end - p.base_year + 1
            why = "; ".join(x for x in (why, f"'since {p.base_year}' read as {p.base_year}-{end}") if x)
        else:
            window = default
            why = "; ".join(x for x in (why, f"no period stated: the {default} years to {end}") if x)
    if not min(data_years) <= end <= max(data_years):
        return None, 0, f"no data for {end} (data cover {min(data_years)}-{max(data_years)})"
    return end, max(1, window), why
