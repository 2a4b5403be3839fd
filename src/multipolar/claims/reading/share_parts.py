"""What a share may carry with it: the partner's amount in brackets right after the percentage ("21% ($4.1bn) of
Kazakhstan's trade": a `level` claim of the same scope and period), and further partners with the verb left out
("..., and B for 12%": each a `share` of the same country, flow and period)."""

from __future__ import annotations

import re

from .numbers import amounts, percent_at
from .shares import PERCENT_SIGN

BRACKET = re.compile(r"\s*\(\s*(?P<inner>[^()]{1,30})\)")
# "..., and B for 18.6% (...)", "... in 2023 and B 18.6%", ", and B took 12.9%": a partner of the same share.
GAPPED = re.compile(r"(?:\s+(?:in|during|for)\s+(?:19|20)\d\d|\s+last\s+year)?\s*(?:,\s*)?(?:and|while|with)\s+(?:the\s+)?(?P<b>⟨#*⟩)\s+"
                    r"(?:(?:took|had|supplied|bought|received|accounted\s+for|made\s+up)\s+)?(?:for\s+|with\s+|at\s+)?(?P<num>(?:about\s+|nearly\s+|"
                    r"almost\s+|over\s+|more\s+than\s+|just\s+over\s+|just\s+under\s+)?\d+(?:\.\d+)?\s?"
                    rf"{PERCENT_SIGN})(?!\s*(?:of|in)\s(?!(?:19|20)\d\d\b))")


def bracketed_amount(r, share: dict, after: int) -> None:
    """A `level` claim for the amount in brackets right after a share's percentage: the partner's trade with the
    country (the share's flow and period)."""
    m = BRACKET.match(r.text, after)
    found = amounts(r.text, m.start("inner"), m.end("inner")) if m else []
    if not found or r.overlaps_used(found[0].start, found[0].end):
        return
    a = found[0]
    keys = ("country", "partner", "flow", "reporter", "basis", "goods", "year", "years", "partial", "months", "fiscal",
            "since", "unresolved", "period_note")
    fields = {k: share[k] for k in keys if share.get(k) is not None}
    fields.update({"value": a.value, "unit": a.currency, "hedge": a.hedge, "half_unit": a.half_unit})
    r.add("level", a.start, a.end, fields)
    r.take(a.start, a.end)


def gapped_shares(r, share: dict, end: int) -> None:
    """Further partners of the same share with the verb left out ("..., and B for 12% ($3bn)")."""
    position = end
    while (m := GAPPED.match(r.masked, position)) is not None:
        partner = r.codes(m.start("b"), m.end("b"))
        pct = percent_at(r.text, m.start("num"), m.end("num"))
        if not partner or pct is None or r.overlaps_used(pct.start, pct.end) or set(partner) & set(share["country"]):
            return
        fields = dict(share, partner=partner, value=pct.value, hedge=pct.hedge, half_unit=pct.half_unit)
        r.add("share", m.start("b"), m.end(), fields)
        r.take(pct.start, pct.end)
        bracketed_amount(r, fields, pct.end)
        position = m.end()
        bracket = BRACKET.match(r.text, position)
        if bracket:
            position = bracket.end()
