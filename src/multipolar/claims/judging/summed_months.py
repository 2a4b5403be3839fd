"""A year's figure for a reporter the pack holds by month only: its twelve monthly figures summed, when all twelve
months are present; else the months missing are named (never a year from part of its months)."""

from __future__ import annotations

import calendar
import dataclasses

from ..evidence import Evidence, Series


def summed_years(ev: Evidence, pair: tuple[str, str], flow: str, year: int,
                 annual: list[Series]) -> tuple[list[Series], str | None]:
    """(annual series built from a monthly source's twelve months of `year`, the months missing from a source that
    has only some of them) for one pair and flow; a reporter with a full annual figure for the year is skipped."""
    full = {s.reporter for s in annual if year in s.values and year not in s.months}
    built, gaps = [], []
    for s in ev.monthly_series(pair[0], pair[1], flow):
        if s.reporter in full:
            continue
        months = sorted(m for (y, m) in s.values if y == year)
        if len(months) == 12:
            built.append(dataclasses.replace(s, label=f"{s.label} (12 monthly figures summed)",
                                             values={year: sum(s.values[(year, m)] for m in months)}, months={},
                                             estimates=set(), urls={}, notes={}, quality={}, extra={}))
        elif months:
            missing = [calendar.month_name[m] for m in range(1, 13) if m not in months]
            gaps.append(f"{s.label} has {len(months)} monthly figures for {year}; missing: {', '.join(missing)}")
    return built, "; ".join(gaps) or None
