"""A supplier's arms deliveries to the whole world over a window, whatever the verb: 'A exported some $15 billion worth
of weapons around the world in 2010-2020', 'A's arms exports totalled $8 billion over the past five years' (an
`arms` claim, side 'exports', recipient the world, the amount read as million TIV as the press writes SIPRI's
values)."""

from __future__ import annotations

import re

from .clauses import window_of
from .numbers import MONEY, amounts
from .sentence import E
from .prefilter import finditer

_AMT = rf"(?P<amt>{MONEY})"
_ARMS = r"(?:major\s+)?(?:arms|weapons|weaponry|military\s+equipment)"
PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?P<sup>{E})\s+(?:exported|sold|supplied|delivered)\s+{_AMT}\s+(?:worth\s+)?of\s+{_ARMS}"
    rf"(?!\s+to\s+⟨)",
    rf"(?P<sup>{E})(?:['’]s)?\s+(?:total\s+)?{_ARMS}\s+(?:exports|sales|deliveries)\s+(?:\w+\s+){{0,4}}?(?:totall?ed|were|"
    rf"reached|amounted\s+to|came\s+to|stood\s+at|were\s+worth)\s+{_AMT}",
)]


def read_arms_exports(r) -> None:
    """Add the supplier's worldwide total for each such phrase (a recipient named after 'to' is another reading's)."""
    for pattern in PATTERNS:
        for m in finditer(pattern, r.masked):
            sup = r.codes(m.start("sup"), m.end("sup"))
            found = amounts(r.text, m.start("amt"), m.end("amt"))
            if len(sup) != 1 or not found or r.overlaps_used(m.start(), m.end()):
                continue
            a = found[0]
            r.add("arms", m.start(), m.end(), {"supplier": sup, "recipient": ["WLD"], "relation": "total",
                                               "side": "exports", "amount": True, "value": a.value, "hedge": a.hedge,
                                               "half_unit": a.half_unit, **window_of(r, m.start())})
            r.take(m.start(), m.end())
