"""Claim kind `multiple`: trade multiplied ('more than doubled since 2020', 'nearly tripled', 'grew 2.5 times in
2022' — against the year before), judged on trade_growth per source view."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging.trade import judge_trade
from ..payloads import Figure, Period, TradeScope
from ..reading.frames import base_fields, end_year_after, regions, resolve_frame_period, terms_for
from ..reading.numbers import MULTIPLE_RE, hedge_before, hedge_id, multiple_value, number_word
from ..registry import register_kind

_INNER_HEDGE = re.compile(r"\b(more than|over|nearly|almost|about|around|roughly|some|at least)\s+(?=[\d\w.]+\s+times)",
                          re.IGNORECASE)


# "more than double the 2019 level", "twice its 2015 figure"
LEVEL_OF = re.compile(r"\b(?P<word>double|twice|triple|treble|(?:\d+(?:\.\d+)?|two|three|four|five)\s+times|half)\s+(?:the|its|"
                      r"their|⟨#*⟩)\s+(?P<base>(?:19|20)\d\d)\s+(?:level|figure|total|value|volume|amount)", re.IGNORECASE)
_WORDS = {"double": 2.0, "twice": 2.0, "triple": 3.0, "treble": 3.0, "half": 0.5}


@dataclass(frozen=True, kw_only=True)
class MultipleClaim(TradeScope, Period, Figure):
    """A multiple of trade between a base year and a year (unit 'multiple')."""


@register_kind("multiple", payload=MultipleClaim, order=32, title="Multiple of trade",
               examples=("Uzbekistan's trade with China has more than tripled since 2010.",
                         "Tajikistan's imports from China grew 1.8 times in 2017."))
class Multiple:
    def read(r) -> None:
        for frame, region in regions(r):
            for m in MULTIPLE_RE.finditer(r.text, *region):
                if r.overlaps_used(m.start(), m.end()):
                    continue
                value = multiple_value(m)
                if not value:
                    continue
                inner = _INNER_HEDGE.search(m.group(0))
                fields = base_fields(r, frame)
                fields.update({"value": value, "unit": "multiple",
                               "hedge": hedge_id(inner.group(1)) if inner else hedge_before(r.text, m.start(), 25)})
                fields["terms"] = terms_for(r, region, m.start())
                resolve_frame_period(r, frame, fields, m.start(), (0, region[1]), change=True)
                end_year_after(r, m.end(), region, fields)  # "doubled to $N in 2022": that year's change
                if "base_year" not in fields and fields.get("year") and not fields.get("partial"):
                    fields["base_year"] = fields["year"] - 1  # "tripled in 2022": during 2022, against 2021
                    fields["yoy"] = True
                r.add("multiple", frame.start, m.end(), fields)
                r.take(m.start(), m.end())
            for m in LEVEL_OF.finditer(r.masked, *region):
                if r.overlaps_used(m.start(), m.end()):
                    continue
                word = m.group("word").lower()
                value = _WORDS.get(word) or number_word(word.split()[0])
                fields = base_fields(r, frame)
                fields.update({"value": value, "unit": "multiple", "hedge": hedge_before(r.text, m.start(), 25),
                               "base_year": int(m.group("base"))})
                resolve_frame_period(r, frame, fields, frame.start, region, change=False)
                fields.pop("years", None)
                if fields.get("year") == fields["base_year"]:
                    fields.pop("year")
                r.add("multiple", frame.start, m.end(), fields)
                r.take(m.start(), m.end())

    def judge(claim, evidence, as_of):
        return judge_trade(claim, evidence, as_of)
