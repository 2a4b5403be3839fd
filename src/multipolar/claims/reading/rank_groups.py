"""A partner placed among a country's first few partners rather than at one rank: 'B is one of A's main trading
partners', 'B is among its top five export markets', 'one of the three largest suppliers of A' (a `rank` claim with
`within`: supported when B ranks no lower than that; 'main', 'largest', 'key' without a number read as the first
five, said in the claim)."""

from __future__ import annotations

import re

from .clauses import resolve_period, time_for
from .numbers import number_word
from .sentence import E
from .prefilter import finditer

# How many places "one of the main partners" spans when the text gives no number.
MAIN_FEW = 5
_N = r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
_WORDS = r"(?:main|largest|biggest|top|leading|key|major|principal|most\s+important|chief)"
_WHAT = r"(?:(?P<pn>(?:trade|trading|economic|commercial)\s+partners)|(?P<xn>export\s+(?:markets|destinations|partners)|" \
        r"markets\s+for\s+(?:its|their)\s+exports)|(?P<mn>suppliers|import\s+(?:sources|partners)|sources\s+of\s+" \
        r"(?:its|their)\s+imports))"
GROUP = re.compile(rf"(?P<b>{E})\s+(?:is|was|are|were|remains|remained|has\s+been|had\s+been|became|has\s+become)\s+"
                   rf"(?:(?:still|now|also|already|firmly|long)\s+)*(?:one\s+of|among)\s+(?:the\s+)?(?:(?P<whose>{E})\s+)?"
                   rf"(?:(?:top\s+)?{_N}\s+)?(?P<w>{_WORDS}\s+)?{_WHAT}(?:\s+(?:of|for)\s+(?P<whose2>{E}))?",
                   re.IGNORECASE)


def read_rank_groups(r) -> None:
    """Add a `rank` claim (value 1, within N) for each partner placed among a country's first N partners."""
    for m in finditer(GROUP, r.masked):
        if r.overlaps_used(m.start(), m.end()) or not (m.group("n") or m.group("w")):
            continue
        partner = r.codes(m.start("b"), m.end("b"))
        key = "whose" if m.group("whose") else "whose2" if m.group("whose2") else None
        country = r.codes(m.start(key), m.end(key)) if key else []
        if not partner or not country or set(partner) & set(country):
            continue
        within = int(number_word(m.group("n")) or MAIN_FEW) if m.group("n") else MAIN_FEW
        flow = "export" if m.group("xn") else "import" if m.group("mn") else "turnover"
        fields = {"country": country, "partner": partner, "flow": flow, "value": 1, "unit": "rank", "within": within}
        if not m.group("n"):
            fields["period_note"] = f"'one of the main partners' read as among the first {MAIN_FEW}"
        if r.reporter:
            fields["reporter"] = r.reporter_codes
        note = fields.pop("period_note", None)
        resolve_period(r, time_for(r, m.start()), fields, change=False)
        if note:
            fields["period_note"] = "; ".join(x for x in (fields.get("period_note"), note) if x)
        r.add("rank", m.start(), m.end(), fields)
        r.take(m.start(), m.end())
