"""Claim kind `macro`: the size of economies and populations ('Central Asia's aggregate GDP totalled $397 billion in
2022, 8.6 times its 2000 level', 'the region's population of 79 million is 1.4 times larger than in 2000'), judged on
the World Bank's GDP (current US dollars) and population in the pack's macro table, summed over a group."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging import tolerances as tol
from ..judging.common import fmt, hedged, unverifiable, verdict
from ..judging.trade import expanded
from ..judging.windows import latest_year
from ..model import AsOf, Call, Observation
from ..payloads import Payload
from ..reading.entities import name, names
from ..reading.numbers import NUM, RATIO, YEAR, amounts, hedge_before, parse_number, ratio_value
from ..reading.sentence import E, EL
from ..judging.sources import label
from ..registry import register_kind

SOURCE = label("worldbank_wdi")
_MONEY = r"(?:(?:about|around|roughly|some|nearly|almost|more\s+than|over|just\s+over|just\s+under)\s+)?(?:US\$|\$|USD)" \
         r"\s?[\d.,]+\s?(?:trillion|billion|million|tn|bn|mn)?"
_WHO = rf"(?P<who>{EL}|(?:the\s+)?region['’]s|their)"
GDP = re.compile(rf"{_WHO}\s+(?:aggregate\s+|combined\s+|total\s+|nominal\s+)?(?:GDP|gross\s+domestic\s+product|"
                 rf"economic\s+output)\s+(?:totall?ed|was|were|reached|stood\s+at|amounted\s+to|came\s+to|of|hit|"
                 rf"exceeded|grew\s+to|rose\s+to)\s+(?P<amt>{_MONEY})(?P<tail>(?:\s+in\s+{YEAR})?,?\s+(?P<mult>{RATIO})\s+(?:{E}|its|the|"
                 rf"their)\s+(?P<base>{YEAR})\s+level)?", re.IGNORECASE)
POPULATION = re.compile(rf"{_WHO}\s+population\s+(?:of\s+|(?:is|was|reached|stood\s+at|totall?ed)\s+)(?P<n>(?:about\s+|"
                        rf"around\s+|some\s+|nearly\s+|over\s+|more\s+than\s+)?(?:{NUM})\s*(?:million|billion|m|bn))"
                        rf"(?:\s+(?:is|was)\s+(?:now\s+)?(?P<mult>{RATIO})\s+(?:larger|bigger|higher|greater|more)?\s*"
                        rf"than\s+(?:in\s+)?(?P<base>{YEAR}))?", re.IGNORECASE)
MEASURES = {"gdp": ("gdp_usd", "USD"), "population": ("population", "people")}


@dataclass(frozen=True, kw_only=True)
class MacroClaim(Payload):
    """A country's (or a group's summed) GDP or population in a year (unit USD or people), or its multiple of a
    base year (unit multiple)."""

    country: tuple[str, ...]
    measure: str
    value: float
    unit: str
    hedge: str | None = None
    half_unit: float = 0.0
    year: int | None = None
    base_year: int | None = None


@register_kind("macro", payload=MacroClaim, order=46, title="GDP and population (World Bank)",
               examples=("Central Asia's aggregate GDP totalled $397 billion in 2022, 8.6 times its 2000 level.",
                         "The region's population of 79 million is 1.4 times larger than in 2000."))
class Macro:
    def read(r) -> None:
        if not re.search(r"\bGDP\b|gross domestic product|economic output|population", r.text, re.IGNORECASE):
            return
        bases = {int(b) for b in re.findall(rf"(?:than\s+(?:in\s+)?|its\s+|the\s+)({YEAR})", r.text)}
        year = next((t.year for t in r.times if t.kind in ("year", "month") and t.year and t.year not in bases), None)
        for m in GDP.finditer(r.masked):
            who = _who(r, m)
            found = amounts(r.text, m.start("amt"), m.end("amt"))
            if not who or not found:
                continue
            a = found[0]
            r.add("macro", m.start(), m.end("amt"), {"country": who, "measure": "gdp", "value": a.value,
                                                     "unit": a.currency, "hedge": a.hedge, "half_unit": a.half_unit,
                                                     "year": year})
            if m.group("mult"):
                r.add("macro", m.start("mult"), m.end(), {"country": who, "measure": "gdp", "unit": "multiple",
                                                          "value": ratio_value(m.group("mult")), "year": year,
                                                          "base_year": int(m.group("base"))})
            r.take(m.start(), m.end())
        for m in POPULATION.finditer(r.masked):
            who = _who(r, m)
            number = re.search(rf"({NUM})\s*(million|billion|m|bn)", m.group("n"))
            if not who or not number:
                continue
            value, decimals = parse_number(number.group(1))
            scale = 1e9 if number.group(2).startswith("b") else 1e6
            r.add("macro", m.start(), m.end("n"), {"country": who, "measure": "population", "value": value * scale,
                                                   "unit": "people", "half_unit": 0.5 * 10 ** -decimals * scale,
                                                   "hedge": _inner_hedge(m.group("n")) or hedge_before(r.text, m.start("n")),
                                                   "year": year})
            if m.group("mult"):
                r.add("macro", m.start("mult"), m.end(), {"country": who, "measure": "population", "unit": "multiple",
                                                          "value": ratio_value(m.group("mult")), "year": year,
                                                          "base_year": int(m.group("base"))})
            r.take(m.start(), m.end())

    def judge(claim, evidence, as_of):
        return judge_macro(claim, evidence, as_of)


def _inner_hedge(text: str) -> str | None:
    m = re.match(r"(about|around|some|nearly|over|more\s+than)\s", text)
    return {"about": "about", "around": "about", "some": "about", "nearly": "nearly", "over": "more than",
            "more than": "more than"}.get(m.group(1)) if m else None


def _who(r, m) -> list[str]:
    text = m.group("who")
    if text.startswith("⟨"):
        return r.codes(m.start("who"), m.end("who"))
    groups = [x.code for x in r.mentions if x.kind == "group"]
    subject = groups[:1] or [c for c in [r.subject()] if c]
    return subject


def judge_macro(claim, ev, as_of: AsOf):
    p = claim.payload
    column, unit = MEASURES[p.measure]
    countries = expanded(p.country, ev, as_of.day)
    frames = {c: ev.macro(c) for c in countries}
    values = {c: {int(y): float(v) for y, v in zip(f["year"], f[column]) if v == v} for c, f in frames.items()
              if not f.empty}
    missing = [c for c in countries if not values.get(c)]
    if missing:
        return unverifiable(claim, f"no {p.measure} figures for {names(missing)} in the pack")
    common = sorted(set.intersection(*(set(v) for v in values.values())))
    year = p.year
    if year is None:
        year, _ = latest_year(common, as_of)
    years = [y for y in (p.base_year, year) if y]
    gaps = [y for y in years if y not in common]
    if year is None or gaps:
        return unverifiable(claim, f"no {p.measure} for every country in {', '.join(map(str, gaps or ['the year']))} "
                                   f"(figures {common[0]}-{common[-1]})")
    total = {y: sum(v[y] for v in values.values()) for y in years}
    calls = [Call.load("macro", country=",".join(countries), year=f"{min(years)}-{max(years)}")]
    where = names(p.country)
    observed = [Observation(total[y], unit, SOURCE, y, ",".join(countries)) for y in years]
    listed = {y: " + ".join(f"{name(c)} {_show(v[y], unit)}" for c, v in values.items()) for y in years}
    arithmetic = [f"{y}: {listed[y]} = {_show(total[y], unit)}" for y in years]
    if p.unit == "multiple":
        ratio = total[year] / total[p.base_year]
        j = tol.judge(p.value, ratio, p.hedge, kind="multiple")
        arithmetic.append(f"×{ratio:.2f} vs claimed {hedged(p.value, 'multiple', p.hedge)} → accepted "
                          f"{tol.describe(j.low, j.high, lambda x: f'×{x:.2f}')}")
        reason = f"{j.verdict} by {SOURCE}: {p.measure} of {where} ×{ratio:.2f} from {p.base_year} to {year}"
    else:
        j = tol.judge(p.value, total[year], p.hedge, kind="level", half_unit=p.half_unit)
        arithmetic.append(f"claimed {_show(p.value, unit)} → accepted "
                          f"{tol.describe(j.low, j.high, lambda x: _show(x, unit))}")
        reason = f"{j.verdict} by {SOURCE}: {p.measure} of {where} {_show(total[year], unit)} in {year}"
    return verdict(claim, j.verdict, reason, observed, arithmetic, calls)


def _show(value: float, unit: str) -> str:
    return fmt(value, "USD") if unit == "USD" else f"{value / 1e6:,.1f} million"
