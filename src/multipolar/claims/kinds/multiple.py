"""Claim kind `multiple`: trade multiplied ('more than doubled since 2020', 'nearly tripled', 'grew 2.5 times in
2022' — against the year before), judged on trade_growth per source view."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging.trade import judge_trade
from ..payloads import Figure, Period, TradeScope
from ..reading.frames import base_fields, regions, resolve_frame_period
from ..reading.numbers import MULTIPLE_RE, hedge_before, hedge_id, multiple_value
from ..registry import register_kind

_INNER_HEDGE = re.compile(r"\b(more than|over|nearly|almost|about|around|roughly|some|at least)\s+(?=[\d\w.]+\s+times)",
                          re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class MultipleClaim(TradeScope, Period, Figure):
    """A multiple of trade between a base year and a year (unit 'multiple')."""


@register_kind("multiple", payload=MultipleClaim, order=32, title="Multiple of trade",
               examples=("China's trade with Russia has more than doubled since 2020.",
                         "Kyrgyzstan's exports to Russia grew 2.5 times in 2022."))
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
                resolve_frame_period(r, frame, fields, m.start(), region, change=True)
                if "base_year" not in fields and fields.get("year") and not fields.get("partial"):
                    fields["base_year"] = fields["year"] - 1  # "tripled in 2022": during 2022, against 2021
                    fields["yoy"] = True
                r.add("multiple", frame.start, m.end(), fields)
                r.take(m.start(), m.end())

    def judge(claim, evidence, as_of):
        return judge_trade(claim, evidence, as_of)
