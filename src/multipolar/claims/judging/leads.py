"""Who leads between two values in a claim (trade, arms shares, UN agreement, lending): the one no-clear-lead rule
of multipolar.indicators.leads, read with the unit of the values compared, so claims never re-decide a lead."""

from __future__ import annotations

from ...indicators import leads as rule

NO_CLEAR_LEAD = rule.NO_CLEAR_LEAD
# The unit a claim kind compares in → the rule of indicators.leads for it.
UNITS = {"share": rule.SHARE, "agreement": rule.SHARE, "index": rule.INDEX, "USD": rule.USD}


def leader(a: float, b: float, unit: str, names: tuple[str, str] = ("China", "Russia")) -> str:
    """names[0] when a leads b clearly, names[1] when b leads a, else 'no clear lead' (rule of the unit)."""
    found = rule.leader(a, b, UNITS[unit])
    return {rule.CHINA: names[0], rule.RUSSIA: names[1]}.get(found, NO_CLEAR_LEAD)


def describe_rule() -> str:
    """The rule in one paragraph, for a verdict's arithmetic."""
    return rule.describe()
