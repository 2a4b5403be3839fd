"""Who leads between two values (China's and Russia's trade, arms shares, UN agreement): the one documented
no-clear-lead rule of multipolar.indicators.leads when it is installed, so claims never re-decide a lead; until it
is, the same documented thresholds applied here (a gap below 2 points of a share, or below 2% of the larger value
for amounts, is no clear lead)."""

from __future__ import annotations

import math

NO_CLEAR_LEAD = "no clear lead"
# Fallback thresholds (the issue 9 rule): shares and agreement in points of 0-1, amounts relative to the larger.
SHARE_GAP, RELATIVE_GAP = 0.02, 0.02


def leader(a: float, b: float, unit: str, names: tuple[str, str] = ("China", "Russia")) -> str:
    """names[0] when a leads b clearly, names[1] when b leads a, else 'no clear lead'."""
    rule = _rule()
    if rule is not None:
        try:
            found = rule(a, b, unit)
        except TypeError:
            found = None
        if found in ("China", "Russia", NO_CLEAR_LEAD):
            return {"China": names[0], "Russia": names[1]}.get(found, NO_CLEAR_LEAD)
    if a is None or b is None or (isinstance(a, float) and math.isnan(a)) or (isinstance(b, float) and math.isnan(b)):
        return NO_CLEAR_LEAD
    gap = a - b
    if unit in ("share", "agreement", "index"):
        clear = abs(gap) >= SHARE_GAP
    else:
        clear = abs(gap) >= RELATIVE_GAP * max(abs(a), abs(b))
    if not clear:
        return NO_CLEAR_LEAD
    return names[0] if gap > 0 else names[1]


def describe_rule() -> str:
    if _rule() is not None:
        return "the no-clear-lead rule of multipolar.indicators.leads"
    return f"no clear lead when the gap is below {SHARE_GAP * 100:g} points of a share or {RELATIVE_GAP:.0%} of the " \
           "larger amount"


def _rule():
    try:
        from ...indicators import leads
    except ImportError:
        return None
    for attr in ("leader_of", "lead", "leader"):
        func = getattr(leads, attr, None)
        if callable(func):
            return func
    return None
