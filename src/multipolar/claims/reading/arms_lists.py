"""Reading a state's main arms suppliers or buyers listed after 'were', each with its share ('X's main arms suppliers
in 2010-14 were A, with 60% of its imports, and B, with 9%'; 'X's three biggest arms export markets in 2015-19 were A
(30% of its sales), B (15%) and C (8%)'): the list is the top n, and every share given is a claim of its own."""

from __future__ import annotations

import re

from .clauses import window_of
from .numbers import number_word
from .sentence import E

LISTED = re.compile(
    rf"(?P<x>{E})(?:['’]s)?\s+(?:(?P<n>two|three|four|five|[2-5])\s+)?(?:main|largest|biggest|top|leading|principal|"
    rf"major|chief)\s+(?:arms|weapons?)\s+(?P<role>suppliers|export\s+markets|markets|buyers|customers|clients|"
    rf"importers|recipients)(?:\s+(?:in|over|during)\s+[^,;.]{{4,12}}?)?\s+(?:were|are|was)\s+(?P<list>(?:[^.;]|\.(?=\d))+)",
    re.IGNORECASE)
_PCT = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)")


def read_listed(r) -> None:
    """Add a 'top' (suppliers) or rank (buyers) claim per listed state, and a share claim for each share given."""
    for m in LISTED.finditer(r.masked):
        x = r.codes(m.start("x"), m.end("x"), ("country",))
        items = [e for e in r.ents(m.start("list"), m.end("list"), ("country",)) if e.code not in x]
        if len(x) != 1 or len(items) < 2 or r.overlaps_used(m.start(), m.end()):
            continue
        exports = not m.group("role").lower().startswith("supplier")
        when = window_of(r, m.start())
        shares = []
        for i, item in enumerate(items):
            stop = items[i + 1].start if i + 1 < len(items) else m.end("list")
            pct = _PCT.search(r.text, item.end, stop)
            shares.append((item, pct))
        codes = [e.code for e in items]
        if exports:  # the buyers, in the order given: each one's rank among the supplier's buyers
            for rank, (item, _) in enumerate(shares, 1):
                r.add("arms", m.start(), m.end(), {"supplier": x, "recipient": [item.code], "relation": "rank",
                                                   "value": rank, "side": "exports", **when})
        else:
            r.add("arms", m.start(), m.end(), {"supplier": codes, "recipient": x, "relation": "top",
                                               "value": float(number_word(m.group("n")) if m.group("n")
                                                              else len(codes)), "side": "imports", **when})
        for item, pct in shares:
            if pct is None:
                continue
            decimals = len(pct.group("n").split(".")[1]) if "." in pct.group("n") else 0
            pair = {"supplier": x, "recipient": [item.code]} if exports else \
                {"supplier": [item.code], "recipient": x}
            r.add("arms", item.start, pct.end(), {**pair, "relation": "share", "value": float(pct.group("n")) / 100,
                                                  "half_unit": 0.5 * 10 ** (-decimals) / 100,
                                                  "side": "exports" if exports else "imports", **when})
        r.take(m.start(), m.end())
