"""Claim kind `macro`: the size of economies and populations ('Tajikistan's GDP totalled $8 billion in
2019, 3.2 times its 2004 level', 'Kazakhstan's population of 19 million is 1.2 times its 1999 level'), judged on
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
from ..judging.macro_compare import judge_difference, judge_ratio, judge_rank
from ..reading.economies import read_profile
from ..reading.measures import read_measures
from ..reading.economy_comparisons import read_difference_after, read_economy_comparisons, read_world_ranking
from ..reading.entities import name, names
from ..reading.numbers import MONEY, NUM, RATIO, YEAR, amounts, hedge_before, number_word, parse_number, ratio_value
from ..reading.sentence import E, EL
from ..reading.shares import SHARE
from ..judging.sources import label
from ..registry import register_kind

SOURCE = label("worldbank_wdi")
_MONEY = rf"(?:(?:an\s+)?estimated\s+)?{MONEY}"  # "a combined GDP of an estimated $N"
_WHO = rf"(?P<who>{EL}|(?:the\s+)?region['’]s|their)"
GDP = re.compile(rf"{_WHO}\s+(?:aggregate\s+|combined\s+|total\s+|nominal\s+)?(?:GDP|gross\s+domestic\s+product|"
                 rf"economic\s+output)\s+(?:totall?ed|was|were|reached|stood\s+at|amounted\s+to|came\s+to|of|hit|"
                 rf"exceeded|grew\s+to|rose\s+to)\s+(?P<amt>{_MONEY})(?P<tail>(?:\s+in\s+{YEAR})?,?\s+(?P<mult>{RATIO})\s+(?:{E}|its|the|"
                 rf"their)\s+(?P<base>{YEAR})\s+level)?", re.IGNORECASE)
# "The GDP of Mongolia, a landlocked state, was worth $17bn in 2021": the state after 'of', an
# apposition skipped; a change may follow ('an 11% increase from 2021', 'up 8% on the year before').
_VERB = r"(?:totall?ed|was\s+worth|is\s+worth|was\s+valued\s+at|was|were|is|reached|stood\s+at|amounted\s+to|came\s+to|" \
        r"hit|exceeded|grew\s+to|rose\s+to|fell\s+to|topped|surpassed)"
GDP_OF = re.compile(rf"(?:the\s+)?(?:aggregate\s+|combined\s+|total\s+|nominal\s+)?(?:GDP|gross\s+domestic\s+product|"
                    rf"economic\s+output)\s+of\s+(?P<who>{EL})(?:\s*,\s*[^,;()]{{3,70}},)?\s+{_VERB}\s+(?P<amt>{_MONEY})",
                    re.IGNORECASE)
GDP_CHANGE = re.compile(rf"^(?:\s+in\s+{YEAR})?,?\s+(?:(?:an?|which\s+(?:is|was)\s+an?)\s+)?(?:(?P<pct>{NUM})\s?(?:%|per\s?cent|"
                        rf"percent)\s+(?P<dir>increase|rise|growth|jump|gain|decrease|decline|drop|fall|contraction)|"
                        rf"(?P<dir2>up|down)\s+(?P<pct2>{NUM})\s?(?:%|per\s?cent|percent))\s+(?:from|over|on|compared\s+"
                        rf"(?:with|to))\s+(?:(?:the\s+)?(?:previous|prior|preceding)\s+year|a\s+year\s+(?:earlier|before)|"
                        rf"(?:in\s+)?(?P<base>{YEAR}))", re.IGNORECASE)
POPULATION = re.compile(rf"{_WHO}\s+population\s+(?:of\s+|(?P<verb>is|was|reached|stood\s+at|totall?ed|hit|rose\s+to|grew\s+"
                        rf"to|fell\s+to|exceeded|topped|surpassed|passed|crossed|amounted\s+to)\s+)(?P<n>(?:about\s+|"
                        rf"around\s+|some\s+|nearly\s+|over\s+|more\s+than\s+|almost\s+)?(?:{NUM})\s*(?:million|billion|m|bn))"
                        rf"(?:\s+(?:is|was)\s+(?:now\s+)?(?P<mult>{RATIO})\s+(?:larger|bigger|higher|greater|more)?\s*"
                        rf"than\s+(?:in\s+)?(?P<base>{YEAR}))?", re.IGNORECASE)
# "over two billion people live in the group", "Tajikistan is home to 10 million people"
_PEOPLE = r"(?P<n>(?:(?:about|around|some|nearly|almost|over|more\s+than)\s+)?(?:\d+(?:\.\d+)?|one|two|three|four|five|six|" \
          r"seven|eight|nine|ten)\s*(?:million|billion))\s+(?:people|inhabitants|residents|citizens)"
PEOPLE = re.compile(rf"{_PEOPLE}\s+(?:live|lived|living|reside|resided)\s+in\s+(?:the\s+)?(?P<who>{EL})|"
                    rf"(?P<who2>{EL})\s+(?:is|was|are|were)\s+home\s+to\s+{_PEOPLE.replace('(?P<n>', '(?P<n2>')}",
                    re.IGNORECASE)
# GDP per capita: "Mongolia's GDP per capita was $5,100 in 2021", "GDP per capita in 2021 was $1,300 in Kyrgyzstan, $900
# in Tajikistan and $2,000 in Uzbekistan".
_PC = r"(?:GDP|gross\s+domestic\s+product|income)\s+per\s+(?:capita|head|person)|per[- ]capita\s+(?:GDP|income)"
PER_CAPITA = re.compile(rf"{_WHO}\s+(?:{_PC})\s+(?:in\s+{YEAR}\s+)?(?:was|were|is|stood\s+at|reached|amounted\s+to|came\s+"
                        rf"to|of|rose\s+to|fell\s+to|hit)\s+(?P<amt>{_MONEY})", re.IGNORECASE)
PER_CAPITA_LIST = re.compile(rf"(?:{_PC})(?:\s+in\s+{YEAR})?\s+(?:was|were|stood\s+at|reached|amounted\s+to)\s+"
                             rf"(?P<list>{_MONEY}\s+in\s+{E}(?:\s*(?:,|and|,\s*and)\s*{_MONEY}\s+in\s+{E})+)", re.IGNORECASE)
# A share of the world's: "the SCO's combined GDP is about a quarter of the world's", "SCO members account for 40% of
# the world's population".
_WORLD = r"(?:of\s+(?:the\s+)?(?:world['’]s|global|world|planet['’]s)(?:\s+(?:GDP|population|total|output|economy|people))?)"
# "the people on earth", "the people in the world": the world's population
_EARTH = r"(?P<what3>people)\s+(?:on\s+(?:the\s+)?(?:earth|planet)|in\s+the\s+world)\b"
WORLD_SHARE = [re.compile(p, re.IGNORECASE) for p in (
    rf"{_WHO}\s+(?:combined\s+|aggregate\s+|total\s+|joint\s+)?(?P<what>GDP|gross\s+domestic\s+product|population|"
    rf"economic\s+output|economies|economy)\s+(?:is|was|are|were|makes?\s+up|made\s+up|accounts?\s+for|accounted\s+for|"
    rf"represents?|represented|equals?|amounts?\s+to|comprises?)\s+(?P<num>{SHARE})\s+{_WORLD}",
    rf"{_WHO}\s+(?:(?:together|combined|jointly|collectively|already|now|still|also)\s+)*(?:account(?:s|ed)?\s+for|make(?:s)?\s+up|made\s+up|"
    rf"represent(?:s|ed)?|(?:is|are|was|were)\s+(?:(?:now|still|also|already)\s+)?home\s+to|produce(?:s|d)?|generate(?:s|d)?|"
    rf"cover(?:s|ed)?|hold(?:s)?|held|comprise(?:s|d)?)\s+(?P<num>{SHARE})\s+(?:of\s+)?(?:the\s+)?"
    rf"(?:(?:world['’]s|global|world)\s+(?P<what2>GDP|population|people|economic\s+output|output|economy)|{_EARTH})",
    # "a tenth of the world's people live in group X", "a fifth of global output comes from X"
    rf"(?P<num>{SHARE})\s+of\s+(?:the\s+)?(?:world['’]s|global|world)\s+(?P<what>GDP|population|people|economic\s+"
    rf"output|output)\s+(?:lives?|lived|living|is\s+produced|was\s+produced|is\s+generated|comes?\s+from|came\s+"
    rf"from)\s+(?:in\s+)?(?:the\s+)?{_WHO}",
)]
# "..., which generate some 5% of the world's output" or "... and over 30% of global GDP": the same states, another
# share of the world's.
WHICH_SHARE = re.compile(rf",?\s+(?:(?:(?:which|that|who)\s+(?:together\s+|also\s+)?|and\s+)(?:produce[sd]?|generate[sd]?|cover(?:s|ed)?|account(?:s|ed)?"
                         rf"\s+for|make\s+up|makes\s+up|represent(?:s|ed)?)|and)\s+(?P<num>{SHARE})\s+of\s+(?:the\s+)?"
                         rf"(?:world['’]s|global|world)\s+(?P<what2>GDP|population|people|economic\s+output|output)",
                         re.IGNORECASE)
# "the SCO's member countries contribute over $23 trillion to global GDP": the group's summed GDP as an amount.
CONTRIBUTES = re.compile(rf"{_WHO}(?:\s+(?:member\s+)?(?:countries|states|nations|economies|members))?\s+(?:together\s+|"
                         rf"combined\s+|jointly\s+|collectively\s+)?(?:contribute[sd]?|add(?:s|ed)?|account(?:s|ed)?\s+"
                         rf"for|produce[sd]?|generate[sd]?)\s+(?:approximately\s+|roughly\s+)?(?P<amt>{_MONEY})\s+(?:to|of)\s+"
                         rf"(?:the\s+)?(?:world['’]s|global|world)\s+(?:GDP|gross\s+domestic\s+product|output|economy|"
                         rf"economic\s+output)", re.IGNORECASE)
MEASURES = {"gdp": ("gdp_usd", "USD"), "population": ("population", "people"), "gdp per capita": (None, "USD")}


@dataclass(frozen=True, kw_only=True)
class MacroClaim(Payload):
    """A country's (or a group's summed) GDP or population in a year (unit USD or people), its multiple of a base
    year (unit multiple), of other states' (unit ratio, with rival), its GDP minus others' (unit difference, with
    rival) or its rank in a group (unit rank, with region)."""

    country: tuple[str, ...]
    measure: str
    value: float
    unit: str
    hedge: str | None = None
    half_unit: float = 0.0
    year: int | None = None
    base_year: int | None = None
    rival: tuple[str, ...] = ()   # unit 'ratio': the states (or group) the value is a multiple of, summed
    region: tuple[str, ...] = ()  # unit 'rank': the group the state is ranked in
    lowest: bool = False          # unit 'rank': counted from the smallest ('the least populous')


@register_kind("macro", payload=MacroClaim, order=46, title="GDP and population (World Bank)",
               examples=("Tajikistan's GDP totalled $8 billion in 2019, 3.2 times its 2004 level.",
                         "Kazakhstan's population of 19 million is 1.2 times its 1999 level."))
class Macro:
    def read(r) -> None:
        if not re.search(r"\bGDP\b|gross domestic product|economic output|(?:world|global)\s+(?:output|economy)|"
                         r"\beconom(?:y|ies)\b|\bpopulous\b|\b(?:poorest|richest|wealthiest)\b|"
                         r"population|per capita|\b(?:people|"
                         r"inhabitants|residents)\b", r.text,
                         re.IGNORECASE):
            return
        bases = {int(b) for b in re.findall(rf"(?:than\s+(?:in\s+)?|its\s+|the\s+)({YEAR})", r.text)}
        year = next((t.year for t in r.times if t.kind in ("year", "month") and t.year and t.year not in bases), None)
        _per_capita(r, year)
        _world_share(r, year)
        read_world_ranking(r, year)
        read_economy_comparisons(r, year)
        read_profile(r, year)
        for m in [*GDP.finditer(r.masked), *GDP_OF.finditer(r.masked), *CONTRIBUTES.finditer(r.masked)]:
            if r.overlaps_used(m.start(), m.end()):
                continue
            who = _who(r, m)
            found = amounts(r.text, m.start("amt"), m.end("amt"))
            if not who or not found:
                continue
            a = found[0]
            r.add("macro", m.start(), m.end("amt"), {"country": who, "measure": "gdp", "value": a.value,
                                                     "unit": a.currency, "hedge": a.hedge, "half_unit": a.half_unit,
                                                     "year": year})
            if m.groupdict().get("mult"):
                r.add("macro", m.start("mult"), m.end(), {"country": who, "measure": "gdp", "unit": "multiple",
                                                          "value": ratio_value(m.group("mult")), "year": year,
                                                          "base_year": int(m.group("base"))})
            _change_after(r, m, who, year)
            read_difference_after(r, m.end("amt"), who, year)
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
                                                   "hedge": _inner_hedge(m.group("n")) or
                                                   hedge_before(r.text, m.start("n")) or _verb_hedge(m.group("verb")),
                                                   "year": year})
            if m.group("mult"):
                r.add("macro", m.start("mult"), m.end(), {"country": who, "measure": "population", "unit": "multiple",
                                                          "value": ratio_value(m.group("mult")), "year": year,
                                                          "base_year": int(m.group("base"))})
            r.take(m.start(), m.end())

        _people(r, year)
        read_measures(r, year)  # any construction: a measure the table holds next to a figure, about the clause's state

    def judge(claim, evidence, as_of):
        return judge_macro(claim, evidence, as_of)


def _people(r, year) -> None:
    """'N million people live in X', 'X is home to N million people': X's population."""
    for m in PEOPLE.finditer(r.masked):
        key, n = ("who", "n") if m.group("who") else ("who2", "n2")
        who = r.codes(m.start(key), m.end(key)) or ([r.org_at(m.start(key))] if r.org_at(m.start(key)) else [])
        number = re.search(r"([\d.]+|[a-z]+)\s*(million|billion)$", m.group(n).lower())
        value = number_word(number.group(1)) if number else None
        if not who or not value or r.overlaps_used(m.start(), m.end()):
            continue
        scale = 1e9 if number.group(2) == "billion" else 1e6
        decimals = len(number.group(1).split(".")[1]) if "." in number.group(1) else 0
        r.add("macro", m.start(), m.end(), {"country": who, "measure": "population", "value": value * scale,
                                            "unit": "people", "half_unit": 0.5 * 10 ** -decimals * scale,
                                            "hedge": _inner_hedge(m.group(n).lower()), "year": year})
        r.take(m.start(), m.end())


def _change_after(r, m, who, year) -> None:
    """'..., an 11% increase from 2021' after a GDP figure: its change from the base year (else the year before)."""
    c = GDP_CHANGE.match(r.masked[m.end("amt"):])
    if not c or not year:
        return
    value, decimals = parse_number(c.group("pct") or c.group("pct2"))
    down = (c.group("dir") or c.group("dir2") or "").lower() in ("decrease", "decline", "drop", "fall", "contraction",
                                                                   "down")
    base = int(c.group("base")) if c.group("base") else year - 1
    at = m.end("amt")
    r.add("macro", at + c.start(), at + c.end(), {"country": who, "measure": "gdp", "unit": "percent change",
                                                  "value": -value if down else value, "year": year, "base_year": base,
                                                  "half_unit": 0.5 * 10 ** -decimals,
                                                  "hedge": hedge_before(r.text, at + c.start("pct" if c.group("pct")
                                                                                             else "pct2"))})
    r.take(at + c.start(), at + c.end())


def _world_share(r, year) -> None:
    from ..reading.numbers import share_at

    for pattern in WORLD_SHARE:
        for m in pattern.finditer(r.masked):
            who = _who(r, m)
            pct = share_at(r.text, m.start("num"), m.end("num"))
            if not who or pct is None or r.overlaps_used(m.start(), m.end()):
                continue
            what = (m.groupdict().get("what") or m.groupdict().get("what2") or m.groupdict().get("what3") or "").lower()
            measure = "population" if what.startswith(("population", "people")) else "gdp"
            r.add("macro", m.start(), m.end(), {"country": who, "measure": measure, "value": pct.value,
                                                "unit": "share of world", "hedge": pct.hedge,
                                                "half_unit": pct.half_unit, "year": year})
            r.take(m.start(), m.end())
            more = WHICH_SHARE.match(r.masked, m.end())
            pct = share_at(r.text, more.start("num"), more.end("num")) if more else None
            if pct is not None:
                measure = "population" if more.group("what2").lower().startswith(("population", "people")) else "gdp"
                r.add("macro", more.start(), more.end(), {"country": who, "measure": measure, "value": pct.value,
                                                          "unit": "share of world", "hedge": pct.hedge,
                                                          "half_unit": pct.half_unit, "year": year})
                r.take(more.start(), more.end())


def _per_capita(r, year) -> None:
    for m in PER_CAPITA.finditer(r.masked):
        who, found = _who(r, m), amounts(r.text, m.start("amt"), m.end("amt"), small=True)
        if who and found:
            a = found[0]
            r.add("macro", m.start(), m.end("amt"), {"country": who, "measure": "gdp per capita", "value": a.value,
                                                     "unit": a.currency, "hedge": a.hedge, "half_unit": a.half_unit,
                                                     "year": year})
            r.take(m.start(), m.end())
    for m in PER_CAPITA_LIST.finditer(r.masked):
        for part in re.finditer(rf"(?P<amt>{_MONEY})\s+in\s+(?P<c>{E})", m.group("list")):
            at = m.start("list")
            who = r.codes(at + part.start("c"), at + part.end("c"))
            found = amounts(r.text, at + part.start("amt"), at + part.end("amt"), small=True)
            if who and found and not r.overlaps_used(found[0].start, found[0].end):
                a = found[0]
                r.add("macro", at + part.start(), at + part.end(), {"country": who, "measure": "gdp per capita",
                                                                   "value": a.value, "unit": a.currency,
                                                                   "hedge": a.hedge, "half_unit": a.half_unit,
                                                                   "year": year})
                r.take(a.start, a.end)
        r.take(m.start(), m.end())


def _verb_hedge(verb: str | None) -> str | None:
    """'exceeded 36 million' → more than."""
    return "more than" if verb and re.match(r"exceeded|topped|surpassed|passed|crossed", verb) else None


def _inner_hedge(text: str) -> str | None:
    m = re.match(r"(about|around|some|nearly|almost|over|more\s+than)\s", text)
    return {"about": "about", "around": "about", "some": "about", "nearly": "nearly", "almost": "nearly",
            "over": "more than", "more than": "more than"}.get(m.group(1)) if m else None


def _who(r, m) -> list[str]:
    text = m.group("who")
    if text.startswith("⟨"):
        codes = r.codes(m.start("who"), m.end("who"))
        org = r.org_at(m.start("who"))  # "the SCO's combined GDP": its members
        return codes or ([org] if org else [])
    groups = [x.code for x in r.mentions if x.kind == "group"]
    subject = groups[:1] or [c for c in [r.subject()] if c]
    return subject


def judge_macro(claim, ev, as_of: AsOf):
    p = claim.payload
    if p.unit == "ratio":
        return judge_ratio(claim, ev, as_of)
    if p.unit == "rank":
        return judge_rank(claim, ev, as_of)
    if p.unit == "difference":
        return judge_difference(claim, ev, as_of)
    if p.unit == "world rank":
        return unverifiable(claim, f"a place in the world's ranking of every economy by GDP: the checker compares "
                                   f"the states a text names, not all of the World Bank's {p.year or ''} economies")
    column, unit = MEASURES[p.measure]
    countries = expanded(p.country, ev, as_of.day)
    frames = {c: ev.macro(c) for c in countries}
    if p.measure == "gdp per capita":
        return judge_per_capita(claim, frames, as_of)
    if p.unit == "share of world":
        return judge_world_share(claim, frames, ev.macro("WLD"), column, as_of)
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
    if p.unit == "percent change":
        change = (total[year] / total[p.base_year] - 1) * 100
        j = tol.judge(p.value, change, p.hedge, kind="growth", half_unit=p.half_unit)
        arithmetic.append(f"{change:+.1f}% vs claimed {p.value:+g}% → accepted "
                          f"{tol.describe(j.low, j.high, lambda x: f'{x:+.1f}%')}")
        reason = f"{j.verdict} by {SOURCE}: {p.measure} of {where} {change:+.1f}% from {p.base_year} to {year} (the " \
                 "change of the current-dollar figures the text gives; real growth is not in the data)"
    elif p.unit == "multiple":
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


def judge_per_capita(claim, frames, as_of: AsOf):
    """GDP per head: the World Bank's GDP (current US dollars) over its population, summed first for a group."""
    p = claim.payload
    both = {c: {int(y): (float(g), float(n)) for y, g, n in zip(f["year"], f["gdp_usd"], f["population"])
                if g == g and n == n and n > 0} for c, f in frames.items() if not f.empty}
    if len(both) < len(frames) or not all(both.values()):
        return unverifiable(claim, f"no GDP and population for {names(list(frames))} in the pack")
    common = sorted(set.intersection(*(set(v) for v in both.values())))
    year = p.year or latest_year(common, as_of)[0]
    if year not in common:
        return unverifiable(claim, f"no GDP and population for {year} (figures {common[0]}-{common[-1]})")
    gdp, people = sum(v[year][0] for v in both.values()), sum(v[year][1] for v in both.values())
    value = gdp / people
    j = tol.judge(p.value, value, p.hedge, kind="level", half_unit=p.half_unit)
    arithmetic = [f"{year}: GDP {fmt(gdp, 'USD')} / population {people / 1e6:,.2f} million = ${value:,.0f} per head; "
                  f"claimed {hedged(p.value, 'USD', p.hedge)} → accepted "
                  f"{tol.describe(j.low, j.high, lambda x: f'${x:,.0f}')}"]
    reason = f"{j.verdict} by {SOURCE}: GDP per head of {names(p.country)} ${value:,.0f} in {year} (the World Bank's " \
             "GDP and population, the only GDP source the data hold)"
    return verdict(claim, j.verdict, reason, [Observation(value, "USD", SOURCE, year, ",".join(frames))], arithmetic,
                   [Call.load("macro", country=",".join(frames), year=str(year))])

def judge_world_share(claim, frames, world, column: str, as_of: AsOf):
    """A group's GDP or population as a share of the world's (the World Bank's 'World' row), in one year."""
    p = claim.payload
    values = {c: {int(y): float(v) for y, v in zip(f["year"], f[column]) if v == v} for c, f in frames.items()
              if not f.empty}
    totals = {int(y): float(v) for y, v in zip(world.get("year", []), world.get(column, [])) if v == v}
    if not totals or len(values) < len(frames) or not all(values.values()):
        return unverifiable(claim, f"no {p.measure} for {names(list(frames))} or the world in the pack")
    common = sorted(set.intersection(set(totals), *(set(v) for v in values.values())))
    year = p.year or latest_year(common, as_of)[0]
    if year not in common:
        return unverifiable(claim, f"no {p.measure} for every state and the world in {year}")
    part = sum(v[year] for v in values.values())
    share = part / totals[year]
    j = tol.judge(p.value, share, p.hedge, kind="share", half_unit=p.half_unit)
    unit = MEASURES[p.measure][1]
    arithmetic = [f"{year}: {names(list(frames))} {_show(part, unit)} / world {_show(totals[year], unit)} = "
                  f"{fmt(share, 'share')}; claimed {hedged(p.value, 'share', p.hedge)} → accepted "
                  f"{tol.describe(j.low, j.high, lambda x: fmt(x, 'share'))}"]
    reason = f"{j.verdict} by {SOURCE}: {names(p.country)} {fmt(share, 'share')} of the world's {p.measure} in {year}"
    return verdict(claim, j.verdict, reason, [Observation(share, "share", SOURCE, year, ",".join(frames))],
                   arithmetic, [Call.load("macro", country=",".join(list(frames) + ["WLD"]), year=str(year))])