"""Claim kind `change`: a growth rate or a direction of trade ('rose 14% in 2017', 'fell by 3.4%', 'exports from
the EU into Central Asia have risen since the sanctions'), judged on trade_growth per source view, or on the sum
over a group's pairs for a direction."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging.trade import judge_trade
from ..payloads import Figure, Period, TradeScope
from ..reading.clauses import resolve_period, time_for
from ..reading.frames import base_fields, end_year_after, regions, resolve_frame_period, terms_for
from ..reading.year_gaps import year_gaps
from ..reading.numbers import HEDGES, MULTIPLE_RE, YEAR, amounts, hedge_id, parse_number
from ..reading.shares import PERCENT_SIGN
from ..registry import register_kind

CHANGE_UP = r"rose|risen|rise|rising|increased|increase|increases|increasing|grew|grown|grow|growing|jumped|jump|" \
            r"climbed|climb|surged|surge|soared|soar|expanded|expand|gained|gain|went up|up|picked up|doubled"
CHANGE_DOWN = r"fell|fallen|fall|falling|decreased|decrease|declined|decline|declining|dropped|drop|dipped|dip|" \
              r"shrank|shrunk|shrink|contracted|contract|plunged|plunge|slumped|slump|tumbled|slid|down|sank|sunk"
# "falls on Russia" (a share that goes to a partner) is no fall.
DIRECTION_RE = re.compile(rf"\b(?P<up>{CHANGE_UP})\b|\b(?P<down>{CHANGE_DOWN})\b(?!\s+on\s)", re.IGNORECASE)
# Every hedge phrase numbers.py knows ('slightly more than', 'just shy of', 'roughly'), longest first.
_HEDGE_WORDS = "|".join(sorted((w for p, _ in HEDGES for w in p.split("|") if "." not in w and "~" not in w),
                               key=len, reverse=True))
# "12% less than the year before", "17% more than a year earlier": a change on the previous year.
_YEAR_BEFORE = r"(?:the\s+(?:year\s+before|previous\s+year|prior\s+year|preceding\s+year)|a\s+year\s+(?:earlier|before|" \
               r"ago)|last\s+year)\b"
GROWTH_RE = re.compile(
    rf"(?:\b(?P<up>{CHANGE_UP}|a rise of|an increase of|growth of|a jump of|a gain of)|"
    rf"\b(?P<down>{CHANGE_DOWN}|a fall of|a drop of|a decline of|a decrease of))"
    rf"\s+(?:\w+ly\s+)?(?:by\s+)?(?:another\s+|a\s+further\s+|further\s+)?(?:(?P<h>{_HEDGE_WORDS})\s+)?(?P<n>\d+(?:\.\d+)?)"
    rf"\s?{PERCENT_SIGN}"
    rf"|(?P<n2>\d+(?:\.\d+)?)\s?{PERCENT_SIGN}\s+(?:(?P<up2>increase|rise|growth|jump|gain|higher|more)|"
    rf"(?P<down2>decrease|decline|drop|fall|lower|less))(?!\s+than\b(?!\s+(?:in\s+)?(?:(?:19|20)\d\d\b|{_YEAR_BEFORE})))"
    rf"|(?P<n3>\d+(?:\.\d+)?)\s?{PERCENT_SIGN}\s+(?:(?P<up4>above|up\s+on)|(?P<down4>below|down\s+on))"
    rf"(?=\s+(?:the\s+|its\s+)?(?:(?:19|20)\d\d\b|{_YEAR_BEFORE}))"
    rf"|(?:\b(?P<up3>{CHANGE_UP})|\b(?P<down3>{CHANGE_DOWN}))\s+by\s+(?P<frac>a\s+quarter|a\s+third|half|a\s+fifth|"
    rf"a\s+tenth|two-thirds|two\s+thirds|three-quarters)\b", re.IGNORECASE)
THAN_YEAR = re.compile(r"\s+than\s+(?:in\s+)?((?:19|20)\d\d)\b")
# A rate with its own year ("growth of 9% in 2016"), and the rates that continue it ("... and 12% in 2017").
IN_YEAR = re.compile(r"\s+in\s+((?:19|20)\d\d)\b(?!\s*[-–/])")
CONTINUED = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:then\s+)?(?:by\s+)?(?P<n>\d+(?:\.\d+)?)\s?(?:%|percent\b|"
                       r"per cent\b)\s+in\s+(?P<y>(?:19|20)\d\d)\b(?!\s*[-–/])")
# Fractions of a change in percent ("fell by a quarter").
FRACTION_PCT = {"a quarter": 25.0, "a third": 100 / 3, "half": 50.0, "a fifth": 20.0, "a tenth": 10.0,
                "two-thirds": 200 / 3, "two thirds": 200 / 3, "three-quarters": 75.0}
# An absolute change: "an increase of EUR 1.2 billion", "rose by $2 billion", "up $500 million".
ABSOLUTE_RE = re.compile(r"\b(?:(?P<up>an\s+increase|a\s+rise|a\s+gain|a\s+jump|growth|rose|increased|grew|climbed|"
                         r"jumped|up)|(?P<down>a\s+decrease|a\s+fall|a\s+drop|a\s+decline|fell|decreased|declined|"
                         r"dropped|down))\s+(?:of|by)?\s*(?=(?:more\s+than\s+|about\s+|some\s+|nearly\s+|almost\s+|"
                         r"around\s+|over\s+)?(?:US\$|USD|\$|€|EUR)\s?\d)", re.IGNORECASE)
# Nouns and bare particles that name a change without stating it ("the fall of", "up"): not read alone.
AMBIGUOUS = {"up", "down", "rise", "fall", "drop", "dip", "increase", "decrease", "decline", "growth", "gain",
             "contract", "expand", "grow", "shrink", "jump", "climb", "surge", "soar", "slump", "plunge"}


@dataclass(frozen=True, kw_only=True)
class ChangeClaim(TradeScope, Period, Figure):
    """A change in trade: a growth rate (value in percent, unit percent_change) or a direction (unit direction)."""

    direction: str | None = None  # 'up' | 'down' for a direction-only change


@register_kind("change", payload=ChangeClaim, order=30, title="Change in trade",
               examples=("Tajikistan's trade with China rose 14% in 2017 from the year before.",
                         "Exports from the EU into Central Asia have risen since the sanctions.",
                         "Uzbekistan's exports to Russia fell 9 percent in the first half of 2016."))
class Change:
    def read(r) -> None:
        made: dict[int, list] = {}
        for i, (frame, region) in enumerate(regions(r)):
            before = len(r.claims)
            _growth_rates(r, frame, region)
            _gapped(r, frame, region)
            _transitive(r, frame, region)
            _absolute(r, frame, region)
            _year_gaps(r, frame, region)
            _directions(r, frame, region)
            made[i] = r.claims[before:]
        _so_too(r, made)

    def judge(claim, evidence, as_of):
        return judge_trade(claim, evidence, as_of)


def _growth_rates(r, frame, region) -> None:
    """'rose 14.6%', 'up 27 percent year on year', 'a 5% decline'."""
    r0, r1 = region
    for m in GROWTH_RE.finditer(r.text, r0, r1):
        if r.overlaps_used(m.start(), m.end()):
            continue
        if m.group("up") and re.search(r"\b(?:make|makes|made|making)\s+$", r.text[max(0, m.start() - 8):m.start()]):
            continue  # "this trade makes up 92 percent of ...": a share, never a rise
        up = bool(m.group("up") or m.group("up2") or m.group("up3") or m.group("up4"))
        if m.group("frac"):
            value, half = FRACTION_PCT[re.sub(r"\s+", " ", m.group("frac").lower())], 5.0
            hedge = "about"
        else:
            value, decimals = parse_number(m.group("n") or m.group("n2") or m.group("n3"))
            half, hedge = 0.5 * 10 ** (-decimals), hedge_id(m.group("h"))
        fields = base_fields(r, frame)
        fields.update({"value": value if up else -value, "unit": "percent_change", "hedge": hedge,
                       "half_unit": half})
        fields["terms"] = terms_for(r, region, m.start())
        # the times after the next rate of the frame are that rate's ('rose 36% in 2021, having grown 50% since 2014')
        after = GROWTH_RE.search(r.text, m.end(), r1)
        resolve_frame_period(r, frame, fields, m.start(), (0, after.start() if after else r1), change=True)
        than = THAN_YEAR.match(r.text, m.end())
        if than:  # "$23 billion in 2019, 34% less than in 2018": the base is the year after 'than'
            base = int(than.group(1))
            other = [t.year for t in r.times if t.year and t.year != base and t.end <= m.start()]
            fields.update({"base_year": base, **({"year": other[-1]} if other else {})})
            fields.pop("yoy", None)
        own = IN_YEAR.match(r.text, m.end()) if not than and not m.group("frac") else None
        if own:  # the year written right after the rate is its year, whatever the frame's time
            fields.update({"year": int(own.group(1)), "base_year": int(own.group(1)) - 1, "yoy": True})
            fields.pop("partial", None)
        elif not than:  # "rose 9% to $5 billion in 2023": the end value's year is the change's
            end_year_after(r, m.end(), region, fields)
        if "base_year" not in fields and "year" in fields and not fields.get("partial"):
            fields["base_year"] = fields["year"] - 1
            fields["yoy"] = True
        r.add("change", frame.start, m.end(), fields)
        r.take(m.start(), m.end())
        end = own.end() if own else m.end()
        while own and (more := CONTINUED.match(r.text, end)) and more.end() <= r1:  # "..., and 12% in 2017"
            value, decimals = parse_number(more.group("n"))
            year = int(more.group("y"))
            r.add("change", frame.start, more.end(), {**fields, "value": value if up else -value, "year": year,
                                                      "base_year": year - 1, "half_unit": 0.5 * 10 ** (-decimals),
                                                      "hedge": None})
            r.take(more.start("n"), more.end())
            end = more.end()


# A rate right after a continuing clause's flow, its verb left out: "exports rose 31.8% and imports 32.5%".
GAPPED = re.compile(rf"\s+(?:by\s+)?(?:(?P<h>{_HEDGE_WORDS})\s+)?(?P<n>\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)"
                    rf"(?!\s*(?:of|share)\b)", re.IGNORECASE)


def _gapped(r, frame, region) -> None:
    """'..., exports rose 31.8% to $5 billion and imports 32.5% to $12 billion': the second rate takes the verb (its
    direction) of the rate the sentence gave before it, and the clause's period."""
    m = GAPPED.match(r.text, frame.end) if frame.parent is not None else None
    before = [c for c in r.claims if c.type == "change" and c.payload.unit == "percent_change" and c.span[0] < frame.start]
    if m is None or not before or r.overlaps_used(m.start("n"), m.end()):
        return
    up = before[-1].payload.value >= 0
    value, decimals = parse_number(m.group("n"))
    fields = base_fields(r, frame)
    fields.update({"value": value if up else -value, "unit": "percent_change", "hedge": hedge_id(m.group("h")),
                   "half_unit": 0.5 * 10 ** (-decimals), "terms": terms_for(r, region, m.start())})
    resolve_frame_period(r, frame, fields, m.start(), (0, region[1]), change=True)
    end_year_after(r, m.end(), region, fields)
    if "base_year" not in fields and "year" in fields and not fields.get("partial"):
        fields.update({"base_year": fields["year"] - 1, "yoy": True})
    r.add("change", frame.start, m.end(), fields)
    r.take(m.start("n"), m.end())


# A transitive verb of change before the frame, its rate after it: "A increased its exports to B by 22%", "A cut its
# imports from B by a third" (the verb's subject is the frame's first party).
TRANSITIVE = re.compile(r"\b(?:(?P<up>increased|raised|boosted|expanded|lifted|grew|doubled)|(?P<down>cut|reduced|"
                        r"decreased|lowered|slashed|curbed|halved))\s+(?:its\s+|their\s+|the\s+)?$", re.IGNORECASE)
BY_RATE = re.compile(rf"(?:\s+in\s+{YEAR}|\s+last\s+year|\s+this\s+year)?\s+by\s+(?:(?P<h>{_HEDGE_WORDS})\s+)?"
                     rf"(?P<n>\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)", re.IGNORECASE)


def _transitive(r, frame, region) -> None:
    """'A increased its exports to B by more than 22% in 2022': the rate after the frame, the direction of the verb
    before it."""
    verb = TRANSITIVE.search(r.text, max(0, frame.start - 30), frame.start)
    rate = BY_RATE.match(r.text, frame.end)
    if verb is None or rate is None or r.overlaps_used(rate.start("n"), rate.end()):
        return
    value, decimals = parse_number(rate.group("n"))
    fields = base_fields(r, frame)
    fields.update({"value": value if verb.group("up") else -value, "unit": "percent_change",
                   "hedge": hedge_id(rate.group("h")), "half_unit": 0.5 * 10 ** (-decimals)})
    fields["terms"] = terms_for(r, region, rate.start("n"))
    resolve_frame_period(r, frame, fields, rate.start("n"), (0, region[1]), change=True)
    if "base_year" not in fields and "year" in fields and not fields.get("partial"):
        fields.update({"base_year": fields["year"] - 1, "yoy": True})
    r.add("change", verb.start(), rate.end(), fields)
    r.take(rate.start("n"), rate.end())


def _absolute(r, frame, region) -> None:
    """'an increase of EUR 1.2 billion', 'fell by $300 million': the difference between two years."""
    r0, r1 = region
    for m in ABSOLUTE_RE.finditer(r.text, r0, r1):
        found = amounts(r.text, m.end(), min(r1, m.end() + 40))
        if not found or found[0].start - m.end() > 15 or r.overlaps_used(found[0].start, found[0].end):
            continue
        a = found[0]
        fields = base_fields(r, frame)
        fields.update({"value": a.value if m.group("up") else -a.value, "unit": a.currency, "hedge": a.hedge,
                       "half_unit": a.half_unit})
        resolve_frame_period(r, frame, fields, m.start(), (0, r1), change=True)
        if "base_year" not in fields and "year" in fields and not fields.get("partial"):
            fields["base_year"] = fields["year"] - 1
            fields["yoy"] = True
        r.add("change", frame.start, a.end, fields)
        r.take(m.start(), a.end)


def _reserved(r, region) -> list[tuple[int, int]]:
    """Spans the multiple and level readers will take (read after this one): a direction verb next to them is
    part of their claim ('soared from $393 million', 'more than doubled')."""
    spans = [(m.start(), m.end()) for m in MULTIPLE_RE.finditer(r.text, *region)]
    spans += [(a.start, a.end) for a in amounts(r.text, *region)]
    return spans


def _directions(r, frame, region) -> None:
    """'have increased', 'dipped at the beginning of the invasion in February 2022'."""
    r0, r1 = region
    reserved = _reserved(r, region)
    for m in DIRECTION_RE.finditer(r.text, frame.end, r1):
        if r.overlaps_used(m.start(), m.end() + 12) or re.match(r"\s+(?:by|to)\s+[\d$€]", r.text[m.end():m.end() + 6]):
            continue
        if any(m.start() < b and a < m.end() + 12 for a, b in reserved):
            continue
        if re.match(r"\w+\s+(?:doubled|tripled|trebled|quadrupled)", r.text[m.start():m.end() + 12]):
            continue
        if m.group(0).lower() in AMBIGUOUS:
            continue
        fields = base_fields(r, frame)
        fields.update({"direction": "up" if m.group("up") else "down", "unit": "direction"})
        times = time_for(r, m.start(), region=(0, r1))
        resolve_frame_period(r, frame, fields, m.start(), (0, r1), change=True)
        months = [tm for tm in times if tm.kind == "month"]
        if months and "since" not in fields:
            fields["month"] = f"{months[0].year}-{months[0].month:02d}"
        elif "base_year" not in fields and fields.get("year") and not fields.get("partial"):
            fields.update({"base_year": fields["year"] - 1, "yoy": True})  # "fell in 2021": against 2020
        trail = re.match(rf"[^.;,]{{0,70}}?{YEAR}", r.text[m.end():r1])
        r.add("change", frame.start, m.end() + (trail.end() if trail else 0), fields)
        r.take(m.start(), m.end())


def _so_too(r, made: dict[int, list]) -> None:
    """'..., so too have X's exports': a frame with no figure or verb of its own takes the previous frame's change."""
    found = regions(r)
    for i, (frame, region) in enumerate(found):
        if i == 0 or made.get(i) or _reserved(r, region):
            continue
        gap = r.text[found[i - 1][0].end:frame.start]
        if not re.search(r"\bso\s+(?:too|also)\s+(?:have|has|had|did|were|was)\b", gap):
            continue
        for c in made.get(i - 1, []):
            if c.type == "change":
                fields = c.payload.to_dict()
                fields.update({"country": frame.country, "partner": frame.partner, "flow": frame.flow})
                made.setdefault(i, []).append(r.add("change", frame.start, frame.end, fields))


def _year_gaps(r, frame, region) -> None:
    """'about $3 billion below 2018's', '$2bn more than a year earlier': the unit change between the two years."""
    for a, sign, base, end in year_gaps(r.text, *region):
        if r.overlaps_used(a.start, a.end):
            continue
        fields = base_fields(r, frame)
        fields.update({"value": sign * a.value, "unit": a.currency, "hedge": a.hedge, "half_unit": a.half_unit})
        resolve_frame_period(r, frame, fields, frame.start, (0, a.start), change=True)
        year = fields.get("year")
        if not year or fields.get("partial") or (base or year - 1) >= year:
            continue
        fields.update({"base_year": base or year - 1, "yoy": base is None})
        r.add("change", frame.start, end, fields)
        r.take(a.start, end)
