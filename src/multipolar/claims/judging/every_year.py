"""A trade amount said of every year of a window ('has exceeded $X each year since 2019', 'above $X every year for
the past three years'): read as the window's years, judged year by year; all must hold."""

from __future__ import annotations

import dataclasses
import re

from ..model import CONTRADICTED, PARTLY, SUPPORTED, UNVERIFIABLE, Claim
from ..reading.numbers import NUMBER_WORDS
from .common import verdict

EVERY = re.compile(r"\b(?:every|each)\s+(?:single\s+)?year\b|\bannually\b|\byear\s+after\s+year\b|\bin\s+each\s+of\s+the\s+"
                   r"(?:past|last)\b", re.IGNORECASE)
SINCE = re.compile(r"\b(?:since|from)\s+(?P<y>(?:19|20)\d\d)\b(?!\s*(?:-|–|to)\s*(?:19|20)?\d\d)", re.IGNORECASE)
PAST = re.compile(r"\b(?:for|over|in|during)\s+(?:each\s+of\s+)?the\s+(?:past|last|previous)\s+(?P<n>\d+|[a-z]+)\s+years\b",
                  re.IGNORECASE)


def every_year_window(text: str, article_year: int | None) -> tuple[int, int] | None:
    """(first, last) years of a window a sentence says held every year, else None; the last is the last full year
    before the article (0 when the article is not dated: the latest year in the data)."""
    if not EVERY.search(text):
        return None
    last = article_year - 1 if article_year else 0
    since = SINCE.search(text)
    if since:
        return int(since.group("y")), last
    past = PAST.search(text)
    n = past and (int(past.group("n")) if past.group("n").isdigit() else NUMBER_WORDS.get(past.group("n").lower()))
    if n and last:
        return last - n + 1, last
    return None


def judge_every_year(claim: Claim, judge_one, ev, as_of):
    """Each year of the window judged as a claim of its own; supported only when every year is, contradicted when
    one year is, unverifiable naming the years without figures."""
    p = claim.payload
    first, last = p.every_year
    if not last:
        last = max((y for s in ev.trade_series(p.country[0], p.partner[0], p.flow) for y in s.values), default=0) \
            if len(p.country) == 1 and len(p.partner) == 1 else 0
    years = list(range(first, last + 1)) if last >= first else []
    parts = [(y, judge_one(dataclasses.replace(claim, payload=dataclasses.replace(p, year=y, every_year=None)), ev,
                           as_of)) for y in years]
    observed = [o for _, v in parts for o in v.observed]
    arithmetic = [f"{y}: {v.verdict}, {v.reason}" for y, v in parts]
    calls = [c for _, v in parts for c in v.calls]
    outcomes = [v.verdict for _, v in parts]
    missing = [y for y, v in parts if v.verdict == UNVERIFIABLE]
    if not parts:
        outcome, why = UNVERIFIABLE, "no year in the window said to hold every year"
    elif CONTRADICTED in outcomes:
        bad = [y for y, v in parts if v.verdict == CONTRADICTED]
        outcome, why = CONTRADICTED, f"not every year of {first}-{last}: contradicted in {', '.join(map(str, bad))}"
    elif missing:
        outcome, why = UNVERIFIABLE, f"every year of {first}-{last} claimed; no deciding figure for " \
                                     f"{', '.join(map(str, missing))}"
    elif all(o == SUPPORTED for o in outcomes):
        outcome, why = SUPPORTED, f"holds in every year {first}-{last}"
    else:
        outcome, why = PARTLY, f"only close in some years of {first}-{last}"
    return verdict(claim, outcome, why + " (" + "; ".join(f"{y}: {v.reason}" for y, v in parts)[:600] + ")",
                   observed, arithmetic, calls)
