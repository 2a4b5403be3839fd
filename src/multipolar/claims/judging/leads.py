"""Who leads between two values (China's and Russia's trade, arms shares, UN agreement, a first and a second place):
the one documented no-clear-lead rule of multipolar.indicators.leads, so claims never re-decide a lead. Claims name
the unit of what they compare; the rule of that unit decides."""

from __future__ import annotations

from ...indicators import leads as rule

NO_CLEAR_LEAD = rule.NO_CLEAR_LEAD
# The units claims compare, → the rule of multipolar.indicators.leads that reads them.
UNITS = {"share": rule.SHARE, "agreement": rule.SHARE, "index": rule.INDEX, "USD": rule.USD, "EUR": rule.USD,
         "TIV": rule.USD}


def leader(a: float, b: float, unit: str, names: tuple[str, str] = ("China", "Russia")) -> str:
    """names[0] when a leads b clearly, names[1] when b leads a, else 'no clear lead' (indicators.leads.leader with
    the unit's rule)."""
    found = rule.leader(a, b, UNITS.get(unit, rule.SHARE))
    return {rule.CHINA: names[0], rule.RUSSIA: names[1]}.get(found, NO_CLEAR_LEAD)


def describe_rule() -> str:
    """The rule as the indicators state it."""
    return rule.describe()


def trade_totals(ev, series) -> dict:
    """{year: the country's total trade} in the same source as a partner's series (from trade_share), for reading a
    lead between two partners the way indicators.crossover does: as shares of the country's trade."""
    for s in ev.share_series(series.country, series.partner, series.flow):
        if s.source == series.source or s.source.split(":", 1)[-1] == series.source.split(":", 1)[-1] and \
                s.kind == series.kind:
            return {y: e["total_value"] for y, e in s.extra.items() if e.get("total_value")}
    return {}


def trade_leader(a: float, b: float, total: float | None, names: tuple[str, str]) -> str:
    """Who leads between two partners' trade with one country: on their shares of its trade (the share rule, as
    the indicators read trade) when the total is known, else on the amounts (the dollar rule)."""
    if total:
        return leader(a / total, b / total, "share", names)
    return leader(a, b, "USD", names)
