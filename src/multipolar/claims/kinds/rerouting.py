"""Claim kind `rerouting`: sanctions re-routing claims about sanctioned (or high-priority) goods ('EU exports of
sanctioned goods to Kyrgyzstan rose sevenfold', 'the exporting of sanctioned goods into Russia'), judged on the
re-routing indicators (rerouting_growth: the EU's exports of the sanction-annex CN8 codes, same months a year
earlier). The data hold only the EU's exports of these goods to Russia and its neighbours: a claim about the
neighbours' own exports of them to Russia, or about other exporters, is said to be unverifiable or only partly
checked, with the EU's figures shown."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging import tolerances as tol
from ..judging.common import CONTRADICTED, PARTLY, SUPPORTED, UNVERIFIABLE, combine, fmt, hedged, unverifiable, verdict
from ..judging.quality import readable, weak
from ..model import Call, Observation
from ..payloads import Figure, Period
from ..reading.numbers import MULTIPLE_RE, hedge_before, hedge_id, multiple_value
from ..registry import register_kind
from .change import DIRECTION_RE, GROWTH_RE

# The goods a claim is about: the EU's sanction annexes, or the Common High Priority Items List.
GOODS_RE = re.compile(
    r"\b(?:(?P<sanctioned>sanction(?:ed|s[- ]listed)|EU[- ]sanctioned|embargoed)\s+(?:goods|items|products|"
    r"technolog(?:y|ies)|components|exports?|machinery)"
    r"|(?P<chpl>(?:common\s+)?high[- ]priority(?:\s+battlefield)?\s+(?:items|goods|products))"
    r"|(?P<dual>dual[- ]use\s+(?:goods|items|products|technolog(?:y|ies))))", re.IGNORECASE)
# Which product set of the indicators each kind of goods is judged on (dual-use goods: the annexes hold them).
PRODUCTS = {"sanctioned": "sanctioned", "chpl": "chpl", "dual": "sanctioned"}
# Exporters whose figures the data hold, and groups that contain them.
EU, WEST = "EUU", "WEST"
TARGET = "RUS"


@dataclass(frozen=True, kw_only=True)
class ReroutingClaim(Period, Figure):
    """Exports of sanctioned goods: exporter (EUU, WEST, or None when the sentence names none), partners (the
    destinations; for leg 'to_russia' the exporting states), the goods ('sanctioned', 'chpl', 'dual') and a figure
    (a multiple, a percent change, or a direction)."""

    exporter: str | None = None
    partner: tuple[str, ...] = ()
    goods: str = "sanctioned"
    leg: str = "from_eu"           # 'from_eu': the EU's (West's) exports to partner; 'to_russia': partner -> Russia
    direction: str | None = None   # 'up' | 'down' for a direction-only claim


def _figure(r, start: int, end: int) -> tuple[dict, tuple[int, int] | None]:
    """The claim's figure in [start, end) (a multiple, a growth rate, or a direction) and its span."""
    text = r.text
    m = MULTIPLE_RE.search(text, start, end)
    if m and multiple_value(m):
        return ({"value": multiple_value(m), "unit": "multiple", "hedge": hedge_before(text, m.start(), 25)},
                m.span())
    g = GROWTH_RE.search(text, start, end)
    if g and (g.group("n") or g.group("n2")):
        value = float(g.group("n") or g.group("n2"))
        down = g.group("down") or g.group("down2")
        return ({"value": -value if down else value, "unit": "percent_change", "hedge": hedge_id(g.group("h"))},
                g.span())
    d = DIRECTION_RE.search(text, start, end)
    if d:
        return {"direction": "up" if d.group("up") else "down", "unit": "direction"}, d.span()
    return {}, None


@register_kind("rerouting", payload=ReroutingClaim, order=25, title="Sanctions re-routing (sanctioned goods)",
               examples=("EU exports of sanctioned goods to Kyrgyzstan rose sevenfold.",
                         "SCO member states' exports into Russia rose, including the exporting of sanctioned goods."))
class Rerouting:
    def read(r) -> None:
        text = r.text
        cuts = [0] + [i + 1 for i, ch in enumerate(text) if ch in ",;"] + [len(text)]
        for m in GOODS_RE.finditer(text):
            if r.overlaps_used(m.start(), m.end()):
                continue
            goods = next(k for k in ("sanctioned", "chpl", "dual") if m.group(k))
            # The clause of the goods, and the clauses before it until one names countries ('..., so too have SCO
            # member states' exports into Russia, including the exporting of sanctioned goods').
            k = max(i for i, c in enumerate(cuts[:-1]) if c <= m.start())
            end = cuts[k + 1]
            start, codes = cuts[k], []
            for j in range(k, -1, -1):
                start = cuts[j]
                codes = r.codes(start, end)
                if codes:
                    break
            exporter = next((c for c in codes if c in (EU, WEST)), None)
            if exporter is None and re.search(r"\b(?:Western|the West)\b", text[start:end]):
                exporter = WEST
            others = [c for c in codes if c not in (EU, WEST)]
            into_russia = any(x.code == TARGET and re.search(r"\b(?:to|into)\s+(?:the\s+)?$", text[start:x.start])
                              for x in r.ents(start, end))
            fields = {"goods": goods}
            if exporter is None and into_russia:
                fields.update(leg="to_russia", partner=tuple(c for c in others if c != TARGET))
            else:
                fields.update(leg="from_eu", exporter=exporter, partner=tuple(others))
            if not fields["partner"]:
                continue
            figure, at = _figure(r, start, end)
            if figure and fields["leg"] == "from_eu":
                r.take(*at)  # the figure is this claim's: no all-goods kind reads it again
            elif not figure:
                figure, _ = _figure(r, 0, len(text))
            fields.update(figure)
            times = r.times_between(start, end) or r.times_between(start, len(text))
            years = [t.year for t in times if t.year]
            if years:
                fields["year"] = years[-1]
            months = [t.text for t in times if t.kind == "month"]
            if months:
                fields["month"] = months[-1]  # one month ('in November 2022'), not months summed from January
            span_start = start + len(text[start:end]) - len(text[start:end].lstrip())
            r.add("rerouting", span_start, end - (1 if text[end - 1:end] in (",", ";") else 0), fields)
            r.take(m.start(), m.end())

    def judge(claim, evidence, as_of):
        p = claim.payload
        products = PRODUCTS[p.goods]
        partners = [c for code in p.partner for c in evidence.expand(code, as_of.day)]
        if p.leg == "to_russia":
            partners = [c for c in partners if c != TARGET]
        growth = evidence.rerouting_growth(products)
        call = Call.indicator("rerouting_growth", partner=sorted(set(partners)) or None, products=products)
        if growth is None or growth.empty:
            return unverifiable(claim, "no product-level trade in the data (rerouting_growth is empty)",
                                calls=[call])
        latest = int(growth["year"].max())
        year = p.year if p.year in set(growth["year"]) else latest
        rows = growth[(growth["year"] == year) & growth["partner"].isin(partners)]
        observed = [Observation(float(r.value), "multiple", f"Eurostat Comext (EU exports of {products} goods, "
                                f"CN8)", int(r.year), "EUU", r.partner, "export",
                                note="; ".join(filter(None, [f"{_months(r)} {r.year} vs {_months(r)} "
                                                            f"{r.base_year}", r.quality]))) for r in rows.itertuples()]
        missing = sorted(set(partners) - set(rows["partner"]))
        if p.leg == "to_russia":
            seen = ", ".join(f"{r.partner} {fmt(r.value, 'multiple')}" for r in rows.itertuples())
            return unverifiable(claim, "the data hold no product-level figures of these states' own exports to "
                                       "Russia (only the EU's exports of sanctioned goods to them"
                                + (f": {seen}, {_months(rows.iloc[0])} {year} against {rows.iloc[0].base_year}"
                                   if len(rows) else "") + ")", observed, calls=[call])
        if rows.empty:
            return unverifiable(claim, f"no EU exports of {products} goods to {', '.join(partners)} in the data "
                                       "(the extract covers ARM, BLR, GEO, KAZ, KGZ, RUS, UZB)", calls=[call])
        if p.year is not None and p.year != year:
            last = int(growth.loc[growth["year"] == latest, "last_month"].max())
            return unverifiable(claim, f"the data of sanctioned goods cover {int(growth['base_year'].min())}-"
                                       f"{latest} (the extract ends in {latest}-{last:02d}), not {p.year}",
                                observed, calls=[call])
        base, end = float(rows["base_value"].sum()), float(rows["end_value"].sum())
        ratio = end / base if base > 0 else float("nan")
        span = f"{_months(rows.iloc[0])} {year} against {_months(rows.iloc[0])} {int(rows.iloc[0].base_year)}"
        arithmetic = [f"EU exports of {products} goods to {', '.join(rows['partner'])}: {fmt(base, 'EUR')} → "
                      f"{fmt(end, 'EUR')} ({span}) = {fmt(ratio, 'multiple')}"]
        if p.unit == "multiple" and p.value:
            j = tol.judge(p.value, ratio, p.hedge, kind="multiple")
            arithmetic.append(f"claimed {hedged(p.value, 'multiple', p.hedge)} → accepted "
                              f"{tol.describe(j.low, j.high, lambda x: fmt(x, 'multiple'))}")
        elif p.unit == "percent_change" and p.value is not None:
            j = tol.judge(p.value, (ratio - 1) * 100, p.hedge, kind="growth")
            arithmetic.append(f"claimed {p.value:+g}% → accepted {j.low:+.1f}% to {j.high:+.1f}%")
        elif p.direction:
            j = tol.judge_direction(ratio, p.direction)
        else:
            return unverifiable(claim, "no figure or direction to check", observed, arithmetic, [call])
        outcome, reasons = j.verdict, [f"{fmt(ratio, 'multiple')} ({span}, the extract ends there; "
                                       f"{rows.iloc[0].quality or 'full year'})"]
        period = _period_mismatch(p, span)
        if period and outcome != SUPPORTED:
            # the safety rule: figures for another period neither contradict nor partly support the claim
            return unverifiable(claim, f"not checkable on matching figures: {period}; the data give {reasons[0]}",
                                observed, arithmetic, [call])
        flagged = sorted({f for q in rows["quality"] if isinstance(q, str) for f in weak(q)})
        if outcome == CONTRADICTED and flagged and p.year is not None:
            # the safety rule: a claim about a whole year is not contradicted by part of it (or a flagged figure)
            return unverifiable(claim, "not checkable on matching figures: the data flag them as "
                                       f"{', '.join(readable('; '.join(flagged)))}; they give {reasons[0]}",
                                observed, arithmetic, [call])
        if missing:
            reasons.append(f"no data for {', '.join(missing)}")
            outcome = combine([outcome, UNVERIFIABLE])
        if p.exporter != EU and outcome == SUPPORTED:
            outcome = PARTLY
            reasons.append("the data hold the EU's exports only" + (" (not the US or the UK)" if p.exporter == WEST
                                                                     else ": the claim names no exporter"))
        return verdict(claim, outcome, "; ".join(reasons), observed, arithmetic, [call])


def _period_mismatch(p, span: str) -> str | None:
    """Why the data's period (months summed from January of the latest year) is not the claim's, or None."""
    if p.month:
        return f"the claim is about one month ('{p.month}'); the data sum the months from January ({span})"
    if p.year is None:
        return f"the text states no period; the data's latest span is {span}"
    return None


def _months(row) -> str:
    names = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    first, last = int(row.first_month), int(row.last_month)
    return "" if (first, last) == (1, 12) else f"{names[first - 1]}-{names[last - 1]}"
