"""Arms claims stated in a with-clause after an arms figure: 'with Russia its main supplier at 36% of its arms
imports' (a rank and a share), 'with China supplying 82% of them' (a share of the arms imports just named, over the
same years)."""

from __future__ import annotations

import re

from .clauses import window_of
from .numbers import share_at
from .ranks import rank_of
from .sentence import E, EL
from .shares import ARMS, RANK, SHARE, SUPPLIER

_SHARE_VERB = r"(?:at|with|on|accounting\s+for|providing|supplying|making\s+up|delivering)"
WITH_RANKED = re.compile(
    rf"\bwith\s+(?P<sup>{E})\s+(?:as\s+)?(?:the\s+)?(?P<rec>{E})\s+{RANK}\s+(?:{ARMS}\s+)?{SUPPLIER}\s*,?\s+{_SHARE_VERB}\s+"
    rf"(?P<num>{SHARE})(?:\s+of\s+(?:{E}|the)\s+(?:total\s+)?(?:{ARMS}\s*)?(?:imports|purchases|acquisitions))?",
    re.IGNORECASE)
WITH_THEM = re.compile(rf"\bwith\s+(?P<sup>{EL})\s+(?:alone\s+)?(?:supplying|providing|accounting\s+for|delivering|"
                       rf"making\s+up|responsible\s+for)\s+(?P<num>{SHARE})\s+of\s+(?:them|those|these|the\s+total|"
                       rf"that\s+total|the\s+deliveries|all\s+of\s+them)\b", re.IGNORECASE)


def read_with_clauses(r) -> None:
    for m in WITH_RANKED.finditer(r.masked):
        sup, rec = r.codes(m.start("sup"), m.end("sup")), r.codes(m.start("rec"), m.end("rec"))
        rec = [c for c in rec if c not in sup]
        share = share_at(r.text, m.start("num"), m.end("num"))
        if not sup or not rec or share is None or r.overlaps_used(m.start(), m.end()):
            continue
        when = window_of(r, m.start())
        r.add("arms", m.start("sup"), m.end(), {"supplier": sup, "recipient": rec, "relation": "rank",
                                                "value": rank_of(m.group("rk")), **when})
        r.add("arms", m.start("sup"), m.end(), {"supplier": sup, "recipient": rec, "relation": "share",
                                                "value": share.value, "hedge": share.hedge,
                                                "half_unit": share.half_unit, **when})
        r.take(m.start(), m.end())
    for m in WITH_THEM.finditer(r.masked):
        before = [c for c in r.claims if c.type == "arms" and c.span[1] - r.s.start <= m.start()
                  and c.payload.side == "imports" and c.payload.recipient != ("WLD",)]
        sup = r.codes(m.start("sup"), m.end("sup"))
        share = share_at(r.text, m.start("num"), m.end("num"))
        if not before or not sup or share is None or r.overlaps_used(m.start(), m.end()):
            continue
        # "them": the arms imports the nearest claim before names, over its years
        first = max(before, key=lambda c: c.span[1]).payload
        when = {"years": first.years} if first.years else window_of(r, m.start())
        r.add("arms", m.start("sup"), m.end(), {"supplier": sup, "recipient": list(first.recipient),
                                                "relation": "share", "value": share.value, "hedge": share.hedge,
                                                "half_unit": share.half_unit, **when})
        r.take(m.start(), m.end())
