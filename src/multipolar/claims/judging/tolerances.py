"""How far a figure may be from the data and still count: the documented tolerance of each hedge.

A claimed figure c with a hedge becomes an interval of accepted values; the observed value v inside it is
*supported*, within a further margin outside it *partly supported*, beyond that *contradicted*.

| hedge (examples) | accepted interval | why |
|---|---|---|
| none ("$240 billion", "17.4 percent") | c ± max(3% of c, half a unit of the last digit written) | revisions and FOB/CIF or rounding differences of a few percent are normal between releases; "240" written without decimals already means 239.5-240.5 |
| about, around, roughly, approximately, some, estimated | c ± max(10% of c, half a unit) | a writer who hedges rounds to one or two significant figures |
| more than, over, above, exceeded, topped, surpassed | [c, ∞) | literally true for anything larger; a value over 1.5 c is flagged as understated; a threshold is a bound, not a rounded figure: only 0.5% slack, never half a unit of its last digit |
| just over, slightly more than | [c, 1.05 c] | |
| at least, no less than | [c, ∞) | |
| nearly, almost, close to, approaching | [0.90 c, c] | "nearly tripled" accepts a multiple from 2.7 to 3.0 |
| just under, slightly less than | [0.95 c, c] | |
| less than, under, below, up to | (-∞, c] | |
| record, highest ever, "than ever" | the value is the largest of the series up to that year (at least 3 years of history) | |

Multiples ("doubled", "tripled", "3-fold") without a hedge accept c ± 10% (journalists write "doubled" for 1.8-2.2).
Growth rates ("up 14.6%") compare in percentage points: ± max(1 pp, half a unit) without a hedge; "just over" and
"just under" accept up to 1 pp on their side (never looser than an unhedged rate); "nearly" accepts 3 pp below, or
10% of the rate when that is more ("almost 50%" accepts 45-50%, like [0.90 c, c] for an amount).
Direction-only changes ("increased", "fell") are supported when the change exceeds 1% in the stated direction,
partly supported when it is within ±1% (flat), contradicted otherwise.
A negative figure (a fall, a deficit) is hedged by its size: "fell more than 20%" accepts -20% and below, never a
rise. Ranks are exact (rank 1 means rank 1). Rounding of every input is half a unit of the last digit written.

Outside the interval: within a further 10% of c (15% for multiples; for growth rates, up to 3 pp from the claimed
rate in all) the verdict is *partly supported*; beyond it, *contradicted*.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import CONTRADICTED, PARTLY, SUPPORTED

# Relative tolerance of an unhedged level or share (3%).
EXACT_REL = 0.03
# Relative tolerance of "about", "around", "roughly" (10%).
ABOUT_REL = 0.10
# Relative tolerance of an unhedged multiple ("doubled": 1.8-2.2).
MULTIPLE_REL = 0.10
# Lower bound of "nearly", "almost": 90% of the figure.
NEARLY_LOW = 0.90
# Lower bound of "just under" (95%) and upper bound of "just over" (105%).
JUST_UNDER_LOW, JUST_OVER_HIGH = 0.95, 1.05
# Slack for the writer's own rounding on open-ended hedges ("more than $42 billion" when the data say 41.9).
ROUNDING_SLACK = 0.005
# Beyond the accepted interval, how much further counts as partly supported (relative to c; multiples use 15%).
PARTLY_REL, PARTLY_REL_MULTIPLE = 0.10, 0.15
# Growth rates in percentage points: accepted ± 1 pp, partly ± 3 pp.
GROWTH_PP, GROWTH_PP_PARTLY = 1.0, 3.0
# Direction-only changes: |change| below 1% counts as flat.
FLAT = 0.01
# "More than" a value beyond this multiple of it is flagged as an understatement (still supported).
UNDERSTATED = 1.5
# "Record": the series must have at least this many earlier years to call a value the highest.
RECORD_MIN_HISTORY = 3
# Documented hedge ids (reading/numbers.HEDGES maps phrases to them; "record" is handled separately).
HEDGES = ("exact", "about", "more than", "just over", "at least", "nearly", "just under", "less than", "record")


@dataclass(frozen=True)
class Judgement:
    """The outcome of comparing one observed value with a claimed figure."""

    verdict: str
    low: float
    high: float
    note: str = ""


def interval(claimed: float, hedge: str | None, *, kind: str = "level", half_unit: float = 0.0) -> tuple[float, float]:
    """The accepted interval for a claimed figure under a hedge (see the module table)."""
    c = float(claimed)
    hedge = hedge or "exact"
    if c < 0:  # a hedge speaks of the size: "fell more than 20%" is a change of -20% or below, never above
        low, high = interval(-c, hedge, kind=kind, half_unit=half_unit)
        return -high, -low
    if kind == "growth":
        tol = max(GROWTH_PP, half_unit)
        about = max(2 * GROWTH_PP, half_unit)
        table = {"exact": (c - tol, c + tol), "about": (c - about, c + about), "more than": (c - half_unit, math.inf),
                 "at least": (c - half_unit, math.inf), "just over": (c - half_unit, c + GROWTH_PP),
                 "nearly": (c - max(3 * GROWTH_PP, (1 - NEARLY_LOW) * c), c + half_unit), "just under": (c - GROWTH_PP, c + half_unit),
                 "less than": (-math.inf, c + half_unit)}
        return table.get(hedge, table["exact"])
    rel = MULTIPLE_REL if kind == "multiple" else EXACT_REL
    tol = max(rel * abs(c), half_unit)
    slack = max(ROUNDING_SLACK * abs(c), half_unit)
    # A threshold ("more than $10 billion", "under $5 billion") is a bound, not a rounded figure: only the 0.5%
    # rounding slack applies, never half a unit of its last digit (which makes "exceeding 10" accept 9.5).
    bound = ROUNDING_SLACK * abs(c)
    table = {
        "exact": (c - tol, c + tol),
        "about": (c - max(ABOUT_REL * abs(c), half_unit), c + max(ABOUT_REL * abs(c), half_unit)),
        "more than": (c - bound, math.inf),
        "at least": (c - bound, math.inf),
        "just over": (c - bound, c * JUST_OVER_HIGH + half_unit),
        "nearly": (c * NEARLY_LOW - half_unit, c + slack),
        "just under": (c * JUST_UNDER_LOW - half_unit, c + slack),
        "less than": (-math.inf, c + bound),
    }
    return table.get(hedge, table["exact"])


def judge(claimed: float, observed: float, hedge: str | None = None, *, kind: str = "level",
          half_unit: float = 0.0) -> Judgement:
    """Supported inside the hedge's interval, partly supported within the further margin, else contradicted."""
    low, high = interval(claimed, hedge, kind=kind, half_unit=half_unit)
    v = float(observed)
    if low <= v <= high:
        note = ""
        if hedge in ("more than", "at least") and claimed > 0 and v > UNDERSTATED * claimed:
            note = "the claim understates it"
        return Judgement(SUPPORTED, low, high, note)
    if kind == "growth":
        margin = GROWTH_PP_PARTLY - GROWTH_PP
    else:
        margin = (PARTLY_REL_MULTIPLE if kind == "multiple" else PARTLY_REL) * abs(claimed)
    if low - margin <= v <= high + margin:
        return Judgement(PARTLY, low, high, "close to the claimed figure but outside its tolerance")
    return Judgement(CONTRADICTED, low, high)


def judge_direction(ratio: float, direction: str) -> Judgement:
    """A direction-only change: ratio end/base against 'up' or 'down' (flat within ±1%)."""
    if abs(ratio - 1) <= FLAT:
        return Judgement(PARTLY, 1 - FLAT, 1 + FLAT, "roughly flat")
    up = ratio > 1
    return Judgement(SUPPORTED if up == (direction == "up") else CONTRADICTED, 1 - FLAT, 1 + FLAT)


def describe(low: float, high: float, fmt) -> str:
    """The accepted interval in words, values formatted by fmt."""
    if math.isinf(high) and math.isinf(low):
        return "any value"
    if math.isinf(high):
        return f"at least {fmt(low)}"
    if math.isinf(low):
        return f"at most {fmt(high)}"
    return f"{fmt(low)} to {fmt(high)}"
