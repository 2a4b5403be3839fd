"""The one no-clear-lead rule: when a difference between China's and Russia's measure counts as a lead.

Crossover, report, dashboard and claims all call `leader()` / `side()` (and `across_sources()` to combine sources);
none of them decides a lead on its own.

The rule, per unit of the measure compared:

1. **Threshold.** China (Russia) leads in a year only when its measure exceeds the other's by at least the unit's
   threshold (RULES): 2 points on every 0-1 scale (shares of trade or arms imports, UN vote agreement, the
   composite index; ICEWS' -1..1 net cooperation share: 2 points too), 10% of the larger value on unbounded scales
   (GDELT's summed scores, US dollars). A smaller gap is "no clear lead".
2. **Spread of the sources.** Sources measuring the same thing for the same state and year can disagree: when one
   source shows a clear China lead and another a clear Russia lead in that year, the lead lies within the spread
   of the sources and none is named ("no clear lead"); `across_sources()` applies it.

Thresholds are a reading convention, documented here so a reader can re-decide with another one: the gaps behind
every verdict are always given next to it (crossover: latest_lead, china_latest, russia_latest).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

# The three readings of a comparison.
CHINA, RUSSIA, NO_CLEAR_LEAD = "China", "Russia", "no clear lead"
LEADERS = (CHINA, RUSSIA, NO_CLEAR_LEAD)


@dataclass(frozen=True)
class Rule:
    """The least gap that counts as a lead on one unit: absolute (in the unit) or relative (to the larger
    absolute value of the two)."""

    unit: str
    absolute: float | None = None
    relative: float | None = None

    def threshold(self, china: float, russia: float) -> float:
        if self.absolute is not None:
            return self.absolute
        return (self.relative or 0.0) * max(abs(china), abs(russia))

    def describe(self) -> str:
        if self.absolute is not None:
            return f"a gap below {self.absolute * 100:g} points ({self.unit}) is no clear lead"
        return f"a gap below {self.relative * 100:g}% of the larger value ({self.unit}) is no clear lead"


# Units and their rules.
SHARE = Rule("0-1 share", absolute=0.02)
INDEX = Rule("0-1 index", absolute=0.02)
NET_SHARE = Rule("-1..1 net share", absolute=0.02)
SCORE = Rule("summed score", relative=0.10)
USD = Rule("US dollars", relative=0.10)
# Which rule a measure (indicator name, optionally ':source') is read with; the first matching key wins.
RULES = {
    "trade_share": SHARE,
    "arms_share": SHARE,
    "arms_share_5y": SHARE,
    "un_agreement": SHARE,
    "influence_score": INDEX,
    "event_balance:icews": NET_SHARE,
    "event_balance": SCORE,
    "finance_commitments": USD,
}


def rule_for(indicator: str, source: str = "") -> Rule:
    """The rule of an indicator (and source, where units differ by source: event_balance); shares by default."""
    name = indicator.split(":", 1)[0]
    return RULES.get(f"{name}:{source}") or RULES.get(name) or SHARE


def side(china, russia, rule: Rule = SHARE) -> int:
    """1 China leads, -1 Russia leads, 0 no clear lead (or a value missing)."""
    if china is None or russia is None or _nan(china) or _nan(russia):
        return 0
    gap = float(china) - float(russia)
    if abs(gap) < rule.threshold(float(china), float(russia)) or gap == 0:
        return 0
    return 1 if gap > 0 else -1


def leader(china, russia, rule: Rule = SHARE) -> str:
    """'China', 'Russia' or 'no clear lead' for one comparison (threshold rule only)."""
    return {1: CHINA, -1: RUSSIA, 0: NO_CLEAR_LEAD}[side(china, russia, rule)]


def across_sources(leaders: Iterable[str]) -> str:
    """The reading of several sources' leaders for the same state, measure and year: a leader only when no source
    names the other power (a clear lead each way = the lead lies within the spread of the sources); sources
    without a clear lead do not veto one that has it."""
    named = {x for x in leaders if x in (CHINA, RUSSIA)}
    return named.pop() if len(named) == 1 else NO_CLEAR_LEAD


def sign_of(name: str) -> int:
    """1 for 'China', -1 for 'Russia', 0 otherwise."""
    return 1 if name == CHINA else -1 if name == RUSSIA else 0


def name_of(sign: int) -> str:
    return CHINA if sign > 0 else RUSSIA if sign < 0 else NO_CLEAR_LEAD


def _nan(value) -> bool:
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return True


def describe() -> str:
    """The rule in one paragraph (for --help, docs and notes)."""
    units = "; ".join(sorted({f"{r.unit}: {r.describe().split(' is ')[0].replace('a gap below ', 'under ')}"
                              for r in RULES.values()}))
    return ("A lead counts only when the gap reaches the unit's threshold (" + units + "), and no other source for "
            "the same state, measure and year shows a clear lead the other way (then the lead lies within the "
            "spread of the sources). Otherwise: no clear lead.")
