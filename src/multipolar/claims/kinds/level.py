"""Claim kind `level`: an amount of trade ('Tajikistan's trade with China hit $1.9 billion in 2019', 'rose to $A
from $B', 'Kazakhstan traded $N worth of goods with China', 'EU exports to Kazakhstan were €X'), judged on each
source's figure for the year (trade_value, press figures, Eurostat in euros, monthly sums for part of a year)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging.every_year import every_year_window, judge_every_year
from ..judging.trade import judge_trade
from ..payloads import Figure, Period, TradeScope
from ..reading.clauses import time_for
from ..reading.frames import base_fields, regions, resolve_frame_period
from ..reading.numbers import YEAR, amounts
from ..reading.times import MONTH_RE
from ..registry import register_kind

# Words near an amount that make it a record ("a record $240 billion", "an all-time high").
RECORD_RE = re.compile(r"\brecord\b|all-time high|highest (?:ever|level)|historic high|than ever", re.IGNORECASE)
# An amount followed by its own partner ("$6.6 billion from Russia").
OWN_PARTNER = re.compile(r"\s+(?:from|to|with)\s+(?:the\s+)?(?P<p>⟨#*⟩)")
# A measure other than trade right before an amount ("GDP of $N", "population of"): the macro kind's.
OTHER_MEASURE = re.compile(r"\b(?:GDP|gross\s+domestic\s+product|per\s+capita|per\s+head|economy)\s*,?\s*(?:of|at|was|is|"
                           r"worth)?\s*(?:about|around|some|nearly|almost|over|more\s+than)?\s*$", re.IGNORECASE)
# An amount in brackets right after a percentage: that part's amount ("11% ($0.4bn)").
AFTER_PERCENT = re.compile(r"(?:%|percent|per\s+cent)\s*\(\s*(?:about\s+|some\s+|nearly\s+|over\s+)?$")
# Between an amount and its conversion in brackets: "1.2 trillion yuan (about $170 billion)".
CONVERSION = re.compile(r"\s*\(\s*(?:about|around|some|roughly|nearly|almost|over|approximately|or)?\s*")
# An amount that is the difference between two figures, never a level: "exceeded its exports by $N", "$N more than".
DIFFERENCE_BEFORE = re.compile(r"\b(?:exceed|surpass|outpac|outstripp?|top|overtak|overtook|trail|lagg?)\w*\b[^;$€]{0,80}?"
                               r"\bby\s+(?:about\s+|some\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|roughly\s+)?$",
                               re.IGNORECASE)
DIFFERENCE_AFTER = re.compile(r"\s+(?:more|less|larger|smaller|higher|lower|bigger|greater)\s+than\b", re.IGNORECASE)
# "from $A to $B" and "to $B from $A": two amounts of one series.
FROM_TO = re.compile(r"\bfrom\s+(?:(?:US)?\$|USD|€)(?:[^.;]|\.(?=\d)){0,30}?\bto\s+(?:(?:US)?\$|USD|€|a record\s+"
                     r"(?:(?:US)?\$|USD|€))", re.IGNORECASE)
TO_FROM = re.compile(r"\bto\s+(?:a record\s+)?(?:(?:US)?\$|USD|€)(?:[^.;]|\.(?=\d)){0,30}?\bfrom\s+(?:(?:US)?\$|USD|€)",
                     re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class LevelClaim(TradeScope, Period, Figure):
    """A trade amount: scope, period, figure, and whether the text calls it a record."""

    record: bool = False
    every_year: tuple[int, int] | None = None  # said to hold every year of (first, last); last 0: the data's latest


@register_kind("level", payload=LevelClaim, order=34, title="Trade amount",
               examples=("Tajikistan's trade with China hit a record $1.9 billion in 2019.",
                         "Uzbekistan traded $6 billion worth of goods with Russia last year.",
                         "Mongolia's exports to China rose to $5.1 billion in 2017 from $3.6 billion in 2016."))
class Level:
    def read(r) -> None:
        since = [c for c in r.claims if c.type == "multiple" and c.payload.base_year]
        for frame, region in regions(r):
            found = amounts(r.text, *region)
            text = r.text[region[0]:region[1]]
            pair = FROM_TO.search(text) or TO_FROM.search(text)
            reverse = pair is not None and pair.re is TO_FROM
            for k, a in enumerate(found):
                if r.overlaps_used(a.start, a.end) or OTHER_MEASURE.search(r.text, max(0, a.start - 30), a.start):
                    continue  # "..., half the country's GDP of $200 billion": not a trade amount
                if DIFFERENCE_BEFORE.search(r.text, max(0, a.start - 120), a.start) or \
                        DIFFERENCE_AFTER.match(r.text, a.end):
                    continue  # "exceeded its exports by $N", "$N larger than": a gap between two figures (unchecked)
                if _of_balance(r, a.start):
                    continue  # "with A's deficit at $N": a balance, never the pair's turnover (left unchecked)
                if AFTER_PERCENT.search(r.text, max(0, a.start - 20), a.start):
                    continue  # "cars 11% ($0.4bn)": the amount of a percentage's part, not the frame's total
                if k and found[k - 1].currency != a.currency and CONVERSION.fullmatch(r.text, found[k - 1].end, a.start):
                    r.take(a.start, a.end)  # "1.2 trillion yuan ($170 billion)": the text's conversion, not a record
                    continue
                fields = base_fields(r, frame)
                fields.update({"value": a.value, "unit": a.currency, "hedge": a.hedge, "half_unit": a.half_unit})
                part = FLOW_AFTER.match(r.text, a.end)  # "turnover of $9 billion: $3 billion of exports and ..."
                if part and frame.flow == "turnover":
                    fields["flow"] = "export" if part.group("f").lower().startswith(("export", "ship")) else "import"
                other = OWN_PARTNER.match(r.masked, a.end)  # "..., against $6.6 billion from Russia"
                if other and k > 0:
                    fields["partner"] = r.codes(other.start("p"), other.end("p")) or fields["partner"]
                window = r.text[max(0, a.start - 40):min(len(r.text), a.end + 30)]
                if RECORD_RE.search(window):
                    fields["record"] = True
                if frame.flow != "turnover" and OF_TURNOVER.match(r.text, a.end):
                    fields["flow"] = "turnover"  # "..., with $6.2 billion of total turnover the year before"
                position = (1 - k if reverse else k) if pair and len(found) >= 2 and k < 2 else None
                own_year = re.match(rf"\s+(?:in|for)\s+(?P<y>{YEAR})\b", r.text[a.end:a.end + 12])
                if own_year and (position is not None or k > 0):  # "..., up from $6.5 billion in 2021"
                    resolve_frame_period(r, frame, fields, a.start, (0, region[1]), change=False)
                    fields["year"] = int(own_year.group("y"))
                elif position is not None:
                    _pair_year(r, fields, position, since, a.start, region)
                else:
                    resolve_frame_period(r, frame, fields, a.start, (0, region[1]), change=False)
                window = every_year_window(r.text, r.ctx.date.year if r.ctx.date else None)
                if window and len(found) == 1:  # "has exceeded $X each year since 2019": every year of the window
                    fields.update({"every_year": window, "year": None, "since": False, "base_year": None})
                _own_base(r, a, fields)
                _one_month(r, a, fields)
                _bracketed_base(r, frame, a, fields, found[k - 1] if k else None)
                fiscal = OWN_FISCAL.match(r.text, a.end)
                if fiscal:  # "from $575 million (FY07) to $1.85 billion (FY19)": each amount of its fiscal year
                    for key in ("year", "base_year", "period_note"):
                        fields.pop(key, None)
                    fields["fiscal"] = fiscal.group("fy")
                r.add("level", frame.start if k == 0 else a.start, a.end, fields)
                r.take(a.start, a.end)

        _listed(r)
        _part_of_that(r)

    def judge(claim, evidence, as_of):
        if claim.payload.every_year:
            return judge_every_year(claim, judge_trade, evidence, as_of)
        return judge_trade(claim, evidence, as_of)


# A balance word and what may follow it up to its amount ("A's deficit exceeding $N for the first time at $M"): no
# word of a trade flow, no clause break in between.
BALANCE_BEFORE = re.compile(r"\b(?:deficit|surplus|trade\s+(?:gap|balance))\b(?:(?!\b(?:trade|turnover|exports?|imports?|"
                            r"shipments|while|whereas|but)\b)[^;])*$", re.IGNORECASE)


def _of_balance(r, at: int) -> bool:
    """Whether the amount at `at` is a trade balance's (a deficit or surplus named before it in its clause)."""
    from ..reading.clauses import clause_bounds

    start = max(clause_bounds(r.text, at)[0], at - 80)
    return BALANCE_BEFORE.search(r.text, start, at) is not None


# A fiscal year in brackets right after an amount ("$575 million (FY07)"): that amount's own period.
OWN_FISCAL = re.compile(r"\s*\(\s*(?P<fy>FY\s?\d{2,4}(?:\s*[-–/]\s*\d{2,4})?)\s*\)")
# "$6.2 billion of total turnover": an amount naming the pair's whole trade inside a flow's clause.
OF_TURNOVER = re.compile(r"\s+(?:of|in)\s+(?:total\s+)?(?:trade\s+)?turnover\b", re.IGNORECASE)


def _own_base(r, a, fields: dict) -> None:
    """An amount inside the base of a comparison ('compared with $3 billion in 2019') or followed closely by 'a year
    earlier' after a stated year ('$9 billion in 2021, up from $7 billion a year earlier'): that base's year."""
    base = next((tm for tm in r.times if tm.kind == "base" and tm.year and (tm.start <= a.start and a.end <= tm.end or
                 tm.text == "a year earlier" and a.end <= tm.start <= a.end + 30
                 and not re.search(r"[,;(]|\d", r.text[a.end:tm.start]))), None)
    if base is not None:
        for key in ("month", "partial", "months", "now", "unresolved"):
            fields.pop(key, None)
        fields["year"] = base.year
        fields["period_note"] = base.note or f"'{base.text}' = {base.year}"
        return
    # no year stated: "fell to $1.9 billion, against $2.1 billion a year earlier" (article of 2023): the amount compared
    # with is of 2022 (the relative words read against the article), the one followed by them of the year before
    rel = next((tm for tm in r.times if tm.kind == "relative" and tm.text == "a year earlier" and a.end <= tm.start <=
                a.end + 30 and not re.search(r"[,;(]|\d", r.text[a.end:tm.start])), None)
    if rel is not None and fields.get("year") and "'a year earlier' = " in (fields.get("period_note") or "") and \
            not any(fields.get(k) for k in ("partial", "unresolved", "month", "fiscal")):  # its year read from them
        fields["year"] -= 1
        fields["period_note"] = f"'a year earlier' than the figure it is compared with ({fields['year'] + 1})"


# "$4.2 million in March": an amount of one month (its year the one the sentence states).
IN_MONTH = re.compile(rf"\s+in\s+(?P<m>{MONTH_RE})(?![A-Za-z])(?!\s*[-–]|\s+(?:to|through|till|until)\b|\s+and\s+{MONTH_RE})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?",
                      re.IGNORECASE)


def _one_month(r, a, fields: dict) -> None:
    """A level of one month ('$4.2 million in March', '... in October 2021') is a part of a year: that month of the
    monthly tables, never the year's total nor the months of a range the sentence gave before it."""
    from ..reading.times import MONTHS

    m = IN_MONTH.match(r.text, a.end)  # only right after the amount: "by the end of August" is a cumulative figure
    if m is None:
        return
    month = MONTHS[m.group("m").lower().rstrip(".")]
    stated = [tm.year for tm in r.times if tm.end <= a.start and tm.year and tm.kind in ("partial", "year", "month",
                                                                                           "range")]
    year = int(m.group("y")) if m.group("y") else (stated[-1] if stated else None)
    said = m.group(0).strip().rstrip(".")
    for key in ("partial", "months", "now", "years", "unresolved", "period_note"):
        fields.pop(key, None)
    fields.update({"partial": said, "months": [month, month]})
    if year:
        fields["year"] = year
    else:
        fields.pop("year", None)
        fields["unresolved"] = f"the year of '{said}' is not stated"


# "at $40.2 billion (from $35.1 billion)", "(up from $X)": the earlier value of the amount before the bracket.
BRACKET_BASE = re.compile(r"\(\s*(?:up\s+|down\s+)?from\s+(?:about\s+|some\s+|nearly\s+|over\s+)?$", re.IGNORECASE)


def _bracketed_base(r, frame, a, fields: dict, before) -> None:
    """The years of 'X at $A (from $B)' in a sentence comparing two years ('rose to $N in 2022 from $M in 2021, with
    imports at $A (from $B)'): $A is of the comparison's later year, $B of its base; a year written as a base ('from $M
    in 2021') is never the year of a later clause's amount. No base stated: $B's year is unresolved (unverifiable)."""
    from ..reading.frames import CHANGE_BASE

    if fields.get("partial") or fields.get("fiscal"):
        return
    stated = [tm for tm in r.times if tm.kind == "year" and tm.year and tm.end <= frame.start]
    bases = [tm for tm in stated if CHANGE_BASE.search(r.text[max(0, tm.start - 40):tm.start])]
    ends = [tm for tm in stated if tm not in bases]
    own = [tm for tm in r.times if frame.start <= tm.start < a.start]
    bracket = before is not None and BRACKET_BASE.search(r.text, before.end, a.start)
    if bracket:
        base = (bases[-1].year if bases else None) or next((c.payload.base_year for c in reversed(r.claims)
                                                           if c.type == "change" and c.payload.base_year), None)
        for key in ("now", "unresolved", "month"):
            fields.pop(key, None)
        if base:
            fields["year"] = base
            fields["period_note"] = f"the earlier figure in brackets: the base year of the comparison ({base})"
        else:
            fields.pop("year", None)
            fields["unresolved"] = "the year of the earlier figure in brackets is not stated"
    elif bases and ends and not own and not fields.get("since") and (fields.get("year") == bases[-1].year or
                                                                     fields.get("now") and not fields.get("year")) \
            and not re.search(r"\b(?:when|then|that\s+year)\b", r.text[bases[-1].end:frame.start], re.IGNORECASE):
        fields["year"] = ends[-1].year  # "..., with imports at $A": the comparison's later year, not its base
        fields.pop("now", None)


# An amount naming its own flow inside a turnover frame: "$3 billion of exports", "$6.2 billion in imports".
FLOW_AFTER = re.compile(r"\s+(?:worth\s+)?(?:of|in)\s+(?:its\s+|their\s+)?(?P<f>exports|imports|shipments|purchases)\b",
                        re.IGNORECASE)


def _pair_year(r, fields: dict, position: int, since, at: int, region) -> None:
    """The year of one amount of 'from $A to $B': the base of a 'since' in the sentence, or the range's ends."""
    base = since[-1].payload if since else None
    times = time_for(r, at, region=region)
    if position == 0:
        year = (base.base_year if base else None) or next((tm.year for tm in times if tm.kind == "range"), None)
        if year:
            fields["year"] = year
        return
    year = (base.year if base else None) or next((tm.year2 for tm in times if tm.kind == "range"), None)
    if not year:  # "In 2022, A's exports rose to $B from $A a year earlier": the one year the clause (or its front) states
        from ..reading.frames import CHANGE_BASE, FRONTED

        stated = {tm.year for tm in r.times if tm.kind == "year" and tm.year and (tm in times or FRONTED.match(
            r.text[:tm.start])) and not CHANGE_BASE.search(r.text[max(0, tm.start - 40):tm.start])}
        year = stated.pop() if len(stated) == 1 else None
    if year:
        fields["year"] = year
    else:
        fields["now"] = True
    if base is not None and base.period_note:
        fields["period_note"] = base.period_note


# "Kazakhstan alone accounted for $41 billion of that": a partner's part of the total the text just gave.
PART_OF = re.compile(r"(?P<b>⟨#*⟩)\s+(?:alone\s+)?(?:accounted\s+for|made\s+up|represented|took|contributed)\s+(?P<amt>"
                     r"(?:about\s+|some\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?(?:US\$|\$|USD|€)\s?[\d.,]+\s?"
                     r"(?:trillion|billion|million|tn|bn|mn)?)\s+of\s+(?:that|this|the\s+total|it|the\s+sum)\b")


def _part_of_that(r) -> None:
    base = r.ctx.last_trade if not r.claims else next((c.payload for c in reversed(r.claims)
                                                       if c.type in ("level", "change", "multiple")), r.ctx.last_trade)
    if base is None:
        return
    for m in PART_OF.finditer(r.masked):
        partner = r.codes(m.start("b"), m.end("b"))
        found = amounts(r.text, m.start("amt"), m.end("amt"))
        if not partner or not found or r.overlaps_used(found[0].start, found[0].end):
            continue
        a = found[0]
        fields = {"country": list(base.country), "partner": partner, "flow": base.flow, "value": a.value,
                  "unit": a.currency, "hedge": a.hedge, "half_unit": a.half_unit, "year": base.year,
                  "reporter": list(base.reporter)}
        r.add("level", m.start(), m.end(), fields)
        r.take(a.start, a.end)


# "ahead of Tajikistan ($3.1bn), Mongolia ($2.4bn)": amounts listed after partners, of a rank or frame's country.
LISTED = re.compile(r"(?P<x>⟨#*⟩)\s*\(\s*(?P<amt>(?:US\$|\$|USD|€)\s?[\d.,]+\s?(?:trillion|billion|million|tn|bn|mn)?)"
                    r"\s*\)")


# "..., ahead of the United States at $75.9 billion", "followed by Russia with $27 billion": the same, in words.
LISTED_AT = re.compile(r"\b(?:ahead\s+of|followed\s+by|behind|then)\s+(?:the\s+)?(?P<x>⟨#*⟩)\s+(?:at|with)\s+(?P<amt>"
                       r"(?:about\s+|some\s+|nearly\s+|over\s+)?(?:US\$|\$|USD|€)\s?[\d.,]+\s?(?:trillion|billion|million|"
                       r"tn|bn|mn)?)", re.IGNORECASE)


def _listed(r) -> None:
    context = [c for c in r.claims if c.type == "rank"] or [c for c in r.claims if c.type == "level"]
    if not context:
        return
    base = context[-1].payload
    common = base.country
    for m in [*LISTED.finditer(r.masked), *LISTED_AT.finditer(r.masked)]:
        partner = r.codes(m.start("x"), m.end("x"))
        found = amounts(r.text, m.start("amt"), m.end("amt"))
        if not partner or not found or r.overlaps_used(found[0].start, found[0].end) or set(partner) & set(common):
            continue
        a = found[0]
        fields = {"country": list(common), "partner": partner, "flow": base.flow, "value": a.value,
                  "unit": a.currency, "hedge": a.hedge, "half_unit": a.half_unit, "year": base.year,
                  "reporter": list(base.reporter)}
        r.add("level", m.start(), m.end(), fields)
        r.take(a.start, a.end)
