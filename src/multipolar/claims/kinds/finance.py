"""Claim kind `finance`: Chinese development finance ('China committed $X billion to Kazakhstan between 2000 and
2021', 'Chinese lending to Central Asia totalled $X', 'Tajikistan ranked as the second-largest recipient of Chinese development
finance across the region', 'Laos is the fifth-largest recipient worldwide', 'Angola received the largest sum of China's
loans on commercial terms of any single country', '12 per cent was official development assistance'),
judged on AidData's commitments summed over the window — face value and AidData's adjusted amounts, each named; ODA-
like and OOF-like flows when the text names one (judging/finance.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging.finance import judge_finance
from ..payloads import Payload
from ..reading.clauses import window_of
from ..reading.numbers import HEDGE, MONEY_RE, ORDINAL_RE, YEAR, amounts, ordinal, percent_at
from ..reading.ranks import rank_of
from ..reading.sentence import E, EL, GAP
from ..reading.shares import RANK
from ..registry import register_kind

_MONEY = re.sub(r"\(\?P<\w+>", "(?:", MONEY_RE.pattern)
# AidData's flow classes as the press names them.
ODA = r"official\s+development\s+assistance|ODA(?:-like)?|concessional\s+(?:loans|lending|finance|aid)|" \
      r"grants\s+and\s+(?:zero-interest|interest-free)\s+loans"
OOF = r"other\s+official\s+(?:sector\s+)?(?:loans|flows|finance|financing|credit)|OOF(?:-like)?|commercially[- ]" \
      r"oriented\s+(?:official\s+)?(?:financial\s+flows|finance|flows|loans|lending)|non-?concessional\s+(?:loans|" \
      r"lending|finance)|(?:loans|lending|credit)\s+(?:on|at)\s+(?:near-)?commercial\s+(?:terms|rates)"
_CLASS = rf"(?P<cls>(?P<oda>{ODA})|(?P<oof>{OOF}))"
_FIN = rf"(?:{ODA}|{OOF}|(?:grants|loans)\s+and\s+(?:loans|grants)|development\s+finance|financial\s+(?:support|" \
       rf"assistance|aid)|development\s+(?:assistance|aid)|(?:development\s+)?lending|loans?|financing|finance|credit|aid|" \
       rf"grants?|commitments|official\s+finance|infrastructure\s+loans)"
_HEDGE = HEDGE
_IS = r"(?:is|was|has\s+been|remains|remained|became|to\s+be|as|being)"
_TOP = r"(?:highest|largest|biggest|greatest|most)"
PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?P<lender>{E})\s+(?:(?:state\s+|policy\s+|development\s+)?(?:lenders|banks|creditors|institutions|government)\s+)?"
    rf"(?:has\s+|had\s+|have\s+)?(?:committed|lent|loaned|provided|extended|pledged|gave|granted|"
    rf"disbursed|invested|spent|poured|channell?ed|funnell?ed|put|sunk|sank|ploughed|plowed|directed|allocated)\s+"
    rf"(?:a\s+total\s+of\s+)?(?P<amt>{_HEDGE}{_MONEY})\s+"
    rf"(?:(?:in|of|worth\s+of|on)\s+)?"
    rf"(?:{_FIN}\s+)?(?:to|for|in|into)\s+(?:the\s+)?(?P<rec>{EL})",
    rf"(?P<lender>{E})\s+(?P<fin>{_FIN})\s+(?:to|in|for)\s+(?:the\s+)?(?P<rec>{EL})(?:[^.;]|\.(?=\d)){{0,40}}?"
    rf"(?:totall?ed|amounted\s+to|reached|was|were|came\s+to|stood\s+at|exceeded|topped|of)\s+(?P<amt>{_HEDGE}"
    rf"{_MONEY})",
    # "AidData puts Chinese development finance commitments to Laos over 2000-2017 at $12 billion"
    rf"\b(?:puts|put|places|placed|estimates|estimated|values|valued)\s+(?P<lender>{E})(?:['’]s)?\s+(?P<fin>{_FIN})"
    rf"(?:\s+(?:commitments|portfolio))?\s+(?:to|in|for)\s+(?:the\s+)?(?P<rec>{EL})(?:[^.;]|\.(?=\d)){{0,40}}?\s+at\s+"
    rf"(?P<amt>{_HEDGE}{_MONEY})",
    rf"(?P<lender>{E})\s+(?:has\s+|had\s+)?(?:lent|loaned|granted|gave|provided|extended|pledged|supplied)\s+(?P<rec>{EL})\s+"
    rf"(?:with\s+)?(?:a\s+total\s+of\s+)?(?P<amt>{_HEDGE}{_MONEY})",
    rf"(?P<rec>{E})\s+(?:has\s+|had\s+)?(?:received|got|borrowed|obtained|secured)\s+(?P<amt>{_HEDGE}{_MONEY})\s+"
    rf"(?:in\s+|of\s+)?(?:{_FIN}\s+)?from\s+(?P<lender>{E})",
    rf"(?P<rec>{E})\s+{_IS}\s+(?:the\s+)?{RANK}\s+(?:recipient|borrower|beneficiary)\s+of\s+(?P<lender>{E})\s+"
    rf"(?P<fin>{_FIN})(?:\s+(?:in|among|across)\s+(?:the\s+)?(?P<region>{EL})|"
    rf"\s+(?P<world>worldwide|globally|in\s+the\s+world))?",
    rf"(?P<rec>{E})\s+(?:has\s+)?received\s+(?:the\s+)?(?P<rk>{_TOP})\s+(?:amount|share|volume|sum|value)\s+of\s+"
    rf"(?P<lender>{E})\s+(?P<fin>{_FIN})\s+of\s+any\s+(?:single\s+)?(?P<world>country|recipient|state|nation)",
    # "$11 billion of Chinese commitments to Kazakhstan", "Pakistan received $27 billion in Chinese loans"
    rf"(?P<amt>{_HEDGE}{_MONEY})\s+(?:in|of|worth\s+of)\s+(?P<lender>{E})\s+(?P<fin>{_FIN})\s+(?:to|for|in)\s+(?:the\s+)?"
    rf"(?P<rec>{EL})",
    rf"(?P<rec>{E})\s+(?:has\s+|had\s+)?(?:received|got|borrowed|obtained|secured|took)\s+(?P<amt>{_HEDGE}{_MONEY})\s+"
    rf"(?:in|of|worth\s+of)\s+(?P<lender>{E})\s+(?P<fin>{_FIN})",
    # "Chinese lending to Uzbekistan averaged about $1 billion a year"
    rf"(?P<lender>{E})\s+(?P<fin>{_FIN})\s+(?:to|in|for)\s+(?:the\s+)?(?P<rec>{EL})\s+averaged\s+(?P<amt>{_HEDGE}{_MONEY})\s+"
    rf"(?P<per>a|per|each)\s+year",
    rf"(?P<lender>{E})\s+(?:total\s+)?(?P<fin>{_FIN}\s+)?(?:portfolio|commitments|lending|loans)\s+(?:of|worth|"
    rf"totall?ing)\s+(?P<amt>{_HEDGE}{_MONEY})\s+(?:\w+\s+)?(?:in|to|for)\s+(?P<rec>{EL})",
    # "the window Y1-Y2 drew the most of China's lending to X, $N": a window's total, its years in the clause
    rf"\b(?:drew|attracted|received|saw|brought\s+in|took\s+in|secured)\s+(?:the\s+(?:most|largest\s+(?:amount|share)\s+of|"
    rf"bulk\s+of)\s+)?(?P<lender>{E})\s+(?P<fin>{_FIN})\s+(?:for|to|in)\s+(?P<rec>{EL}),?\s+(?:with\s+|at\s+|"
    rf"totall?ing\s+)?(?P<amt>{_HEDGE}{_MONEY})",
    rf"(?P<rec>{E}){GAP}{{0,120}}?(?P<lender>{E})\s+(?P<fin>{_FIN}){GAP}{{0,80}}?\b(?:portfolio|total|sum|"
    rf"commitments|loans)\s+(?:of|worth|totall?ing|amounting\s+to)\s+(?P<amt>{_HEDGE}{_MONEY})",
)]
# Repayments and outstanding debt, which AidData's commitments do not record: "X has paid off its loans from China",
# "X owes China $N", "X's debt to China stands at $N", "X defaulted on its Chinese loans".
_OWED = rf"(?:\s+(?:stood\s+at|stands\s+at|of|totall?ing|is|was|amounts?\s+to|reached))?(?:\s*{_HEDGE}{_MONEY})?"
DEBT = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?P<rec>{E})\s+(?:[\w\s,]{{0,40}}?\b)?(?:has\s+|had\s+|have\s+)?(?:\w+ly\s+)?(?P<measure>repaid|paid\s+off|paid\s+back|"
    rf"settled|owes|owed|defaulted\s+on|restructured|rescheduled|written\s+off)\s+(?:(?:all|most|part)\s+of\s+)?"
    rf"(?:(?:its|their|the)\s+|⟨#+⟩\s+(?=⟨))?(?:(?P<lender>{E})\s+)?(?:debts?|loans?|borrowing|obligations)?"
    rf"(?:\s+to\s+(?P<lender2>{E}))?{_OWED}",
    rf"(?P<rec>{E})(?:['’]s)?\s+(?:external\s+|outstanding\s+|public\s+)?(?P<measure>debt)\s+to\s+(?P<lender>{E}){_OWED}",
)]
# A lender's total to every recipient: "China extended $900 billion in loans and grants between 2003 and 2019"
TO_ALL = re.compile(rf"(?P<lender>{E})\s+(?:(?:state\s+|policy\s+)?(?:lenders|banks|creditors)\s+)?(?:has\s+|had\s+|have\s+)?"
                    rf"(?:committed|lent|loaned|provided|extended|pledged|granted|disbursed)\s+(?:a\s+total\s+of\s+)?"
                    rf"(?P<amt>{_HEDGE}{_MONEY})\s+(?:(?:in|of|worth\s+of)\s+)?(?P<fin>{_FIN})"
                    rf"(?!\s+(?:to|for|in)\s+(?:the\s+)?⟨)(?=\s+(?:between|from|since|over|in\s+(?:19|20)\d\d|worldwide|"
                    rf"globally|around|across|to\s+(?:developing|low|middle|\d)|according|,|;|\.|$))", re.IGNORECASE)
# A rank with its amount before it, and the next ranks after it: "Angola, with some $40 billion, is the top
# recipient, followed by Ecuador with $25 billion and Laos with over $12 billion"
RANK_WITH = re.compile(rf"(?P<rec>{E}),\s+with\s+(?P<amt>{_HEDGE}{_MONEY}),\s+{_IS}\s+(?:the\s+)?{RANK}\s+"
                       rf"(?:recipient|borrower|beneficiary)", re.IGNORECASE)
FOLLOWED = re.compile(rf"\s*,?\s*(?:followed\s+by|then|ahead\s+of|and)\s+(?P<rec>{E})\s+(?:with\s+)?(?:\(\s*)?"
                      rf"(?P<amt>{_HEDGE}{_MONEY})\)?", re.IGNORECASE)
# An amount given with a rank: "..., with a portfolio of $12.4 billion", "..., $8.2 billion, according to AidData"
WITH_AMOUNT = re.compile(rf"[^.;$]{{0,40}}?,\s+(?:with\s+(?:a\s+(?:portfolio|total)\s+of\s+)?)?(?P<amt>{_HEDGE}{_MONEY})")
# "15 per cent was official development assistance and 80 per cent other official sector loans"
PART = re.compile(rf"(?P<num>\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent))\s+(?:(?:was|were|is|are|came\s+as|went\s+as|"
                  rf"consisted\s+of|took\s+the\s+form\s+of|in\s+the\s+form\s+of|in)\s+)?(?:the\s+form\s+of\s+)?{_CLASS}",
                  re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class FinanceClaim(Payload):
    """A lender's commitments to recipients (relation 'total', value in USD), a recipient's rank among a region's
    recipients or the world's (relation 'rank'), or a flow class's part of the commitments (relation 'share', value
    0-1); flow_class 'ODA-like' or 'OOF-like' when the text names one; stated: the amount the text gives with a rank;
    over a window (years, span, base_year or one year; all of AidData's years when none is stated)."""

    lender: tuple[str, ...]
    recipient: tuple[str, ...]
    relation: str = "total"
    value: float | None = None
    unit: str = "USD"
    hedge: str | None = None
    half_unit: float = 0.0
    region: tuple[str, ...] = ()
    worldwide: bool = False
    flow_class: str | None = None
    stated: float | None = None
    measure: str | None = None  # what AidData's commitments do not record ('repayment', 'debt'): unverifiable
    listed: tuple = ()          # a ranked list's (recipient, amount) pairs: the measure all of them fit ranks it
    per_year: bool = False      # an average a year over the window ('averaged $1 billion a year')
    amount: str | None = None   # the AidData amount the text names: 'adjusted' or 'nominal' (face value)
    years: tuple[int, int] | None = None
    span: int | None = None
    base_year: int | None = None
    year: int | None = None


@register_kind("finance", payload=FinanceClaim, order=44, title="Development finance (AidData)",
               examples=("China committed $4 billion in development finance to Kyrgyzstan between 2005 and 2015.",
                         "Kyrgyzstan is the fourth-largest recipient of Chinese development finance in Central Asia.",
                         "Angola is the largest recipient of Chinese development finance worldwide."))
class Finance:
    def read(r) -> None:
        if "finance" not in r.triggers and not re.search(rf"{ODA}|{OOF}", r.text, re.IGNORECASE):
            return
        for pattern in PATTERNS:
            for m in pattern.finditer(r.masked):
                _read(r, m)
        _to_all(r)
        _ranks_with_amounts(r)
        _bracketed_ranks(r)
        _peak_years(r)
        _debts(r)
        _parts(r)
        _of_it(r)
        _periods_after(r)

    def judge(claim, evidence, as_of):
        return judge_finance(claim, evidence, as_of)


# "..., ahead of the next government (2018-2021) with $M": another window's total, same lender and recipient.
AHEAD = re.compile(rf"\s*,?\s*(?:ahead\s+of|followed\s+by|against|compared\s+with)\s+[^,.;()$]{{0,60}}?\(\s*(?P<y1>{YEAR})\s*"
                   rf"[-–]\s*(?P<y2>{YEAR})\s*\),?\s+(?:with\s+|at\s+)?(?P<amt>{_HEDGE}{_MONEY})", re.IGNORECASE)


def _periods_after(r) -> None:
    for claim in [c for c in r.claims if c.type == "finance" and c.payload.relation == "total" and c.payload.years]:
        at = claim.span[1] - r.s.start
        m = AHEAD.match(r.text, at) or AHEAD.match(r.text, at + 1)
        found = amounts(r.text, m.start("amt"), m.end("amt")) if m else []
        if not found or r.overlaps_used(found[0].start, found[0].end):
            continue
        a, p = found[0], claim.payload
        r.add("finance", m.start(), m.end(), {"lender": list(p.lender), "recipient": list(p.recipient),
                                              "flow_class": p.flow_class, "amount": p.amount, "relation": "total",
                                              "years": (int(m.group("y1")), int(m.group("y2"))), "value": a.value,
                                              "unit": a.currency, "hedge": a.hedge, "half_unit": a.half_unit})
        r.take(a.start, a.end)


def _flow_class(words: str | None) -> str | None:
    if not words:
        return None
    if re.fullmatch(rf"\s*(?:{ODA})\s*", words, re.IGNORECASE):
        return "ODA-like"
    if re.fullmatch(rf"\s*(?:{OOF})\s*", words, re.IGNORECASE):
        return "OOF-like"
    return None


def _read(r, m) -> None:
    gd = m.groupdict()
    span = (m.start("amt"), m.end("amt")) if gd.get("amt") else (m.start(), m.end())
    if r.overlaps_used(*span):
        return
    lender, recipient = r.codes(m.start("lender"), m.end("lender")), r.codes(m.start("rec"), m.end("rec"))
    if not lender or not recipient:
        return
    named = re.search(r"\badjusted\b|\b(?P<face>face\s+value|nominal)\b", r.text, re.IGNORECASE)
    fields = {"lender": lender, "recipient": recipient, "flow_class": _flow_class(gd.get("fin")),
              "per_year": bool(gd.get("per")),
              "amount": ("nominal" if named.group("face") else "adjusted") if named else None,
              **window_of(r, m.start())}
    if gd.get("amt"):
        found = amounts(r.text, m.start("amt"), m.end("amt"))
        if not found:
            return
        a = found[0]
        fields.update({"relation": "total", "value": a.value, "unit": a.currency, "hedge": a.hedge,
                       "half_unit": a.half_unit})
        r.take(a.start, a.end)
        r.add("finance", m.start(), m.end(), fields)
        r.take(*span)
        return
    region = r.codes(m.start("region"), m.end("region")) if gd.get("region") else []
    fields.update({"relation": "rank", "value": rank_of(m.group("rk")), "region": region,
                   "worldwide": bool(gd.get("world"))})
    stated = WITH_AMOUNT.match(r.text, m.end())
    found = amounts(r.text, stated.start("amt"), stated.end("amt")) if stated else []
    if found and not r.overlaps_used(found[0].start, found[0].end):
        a = found[0]
        fields["stated"] = a.value
        r.add("finance", m.start(), m.end(), fields)
        total = {k: v for k, v in fields.items() if k not in ("region", "worldwide", "stated")}
        total.update({"relation": "total", "value": a.value, "unit": a.currency, "hedge": a.hedge,
                      "half_unit": a.half_unit})
        r.add("finance", a.start, a.end, total)
        r.take(a.start, a.end)
    else:
        r.add("finance", m.start(), m.end(), fields)
    r.take(*span)


def _parts(r) -> None:
    """Flow classes' parts of the commitments the sentence gives ('15 per cent was official development assistance')."""
    totals = [c for c in r.claims if c.type == "finance" and c.payload.relation == "total"]
    if not totals:
        return
    base = totals[-1].payload
    for m in PART.finditer(r.text):
        pct = percent_at(r.text, m.start("num"), m.end("num"))
        if pct is None or r.overlaps_used(m.start(), m.end()):
            continue
        fields = {k: v for k, v in base.to_dict().items() if k in ("lender", "recipient", "years", "span",
                                                                   "base_year", "year")}
        fields.update({"relation": "share", "value": pct.value, "unit": "share", "hedge": pct.hedge,
                       "half_unit": pct.half_unit, "flow_class": "ODA-like" if m.group("oda") else "OOF-like"})
        r.add("finance", m.start(), m.end(), fields)
        r.take(m.start(), m.end())


# "..., $18 billion of it in Uzbekistan": a part of the total just stated, for one of its recipients.
OF_IT = re.compile(rf"(?P<amt>{_HEDGE}{_MONEY})\s+of\s+(?:it|this|that|which|the\s+total|the\s+sum)\s+(?:(?:went|going|"
                   rf"was|were)\s+)?(?:to|in|for)\s+(?P<rec>{E})", re.IGNORECASE)


def _of_it(r) -> None:
    """A part of the total before it ('$N of it in X'): X's total from the same lender over the same window."""
    for m in OF_IT.finditer(r.masked):
        before = [c.payload for c in r.claims if c.type == "finance" and c.payload.relation == "total"
                  and c.span[1] - r.s.start <= m.start()]
        found, rec = amounts(r.text, m.start("amt"), m.end("amt")), r.codes(m.start("rec"), m.end("rec"))
        if not before or not found or not rec or r.overlaps_used(found[0].start, found[0].end):
            continue
        base = {k: v for k, v in before[-1].to_dict().items() if k in ("lender", "years", "span", "base_year", "year",
                                                                        "flow_class", "amount")}
        a = found[0]
        r.add("finance", m.start(), m.end(), {**base, "recipient": rec, "relation": "total", "value": a.value,
                                              "unit": a.currency, "hedge": a.hedge, "half_unit": a.half_unit})
        r.take(m.start(), m.end())


def _to_all(r) -> None:
    """A lender's commitments to every recipient AidData lists (recipient 'WLD')."""
    for m in TO_ALL.finditer(r.masked):
        found = amounts(r.text, m.start("amt"), m.end("amt"))
        lender = r.codes(m.start("lender"), m.end("lender"))
        if not found or not lender or r.overlaps_used(found[0].start, found[0].end):
            continue
        a = found[0]
        r.add("finance", m.start(), m.end(), {"lender": lender, "recipient": ["WLD"], "relation": "total",
                                              "value": a.value, "unit": a.currency, "hedge": a.hedge,
                                              "half_unit": a.half_unit, "flow_class": _flow_class(m.group("fin")),
                                              **window_of(r, m.start())})
        r.take(m.start(), m.end())


def _ranks_with_amounts(r) -> None:
    """'X, with $N, is the top recipient, followed by Y with $M and Z with $K': ranks 1, 2, 3 and their totals, for
    the lender and window of the finance claim before them in the sentence."""
    for m in RANK_WITH.finditer(r.masked):
        before = [c.payload for c in r.claims if c.type == "finance" and c.span[1] - r.s.start <= m.start()]
        if not before or r.overlaps_used(m.start("amt"), m.end("amt")):
            continue
        base = {k: v for k, v in before[-1].to_dict().items() if k in ("lender", "years", "span", "base_year", "year",
                                                                        "flow_class", "amount")}
        rank, end, match, items = rank_of(m.group("rk")), m.end(), m, []
        while match is not None and rank:
            rec = r.codes(match.start("rec"), match.end("rec"))
            found = amounts(r.text, match.start("amt"), match.end("amt"))
            if len(rec) != 1 or not found:
                break
            items.append((match, rec[0], found[0], rank))
            match, rank = FOLLOWED.match(r.masked, end), rank + 1
            end = match.end() if match else end
        listed = tuple((rec, a.value) for _, rec, a, _ in items)
        for match, rec, a, rank in items:
            r.add("finance", match.start("rec"), match.end(), {**base, "recipient": [rec], "relation": "rank",
                                                               "value": rank, "worldwide": True, "stated": a.value,
                                                               "listed": listed if len(listed) > 1 else ()})
            r.add("finance", a.start, a.end, {**base, "recipient": [rec], "relation": "total", "value": a.value,
                                              "unit": a.currency, "hedge": a.hedge, "half_unit": a.half_unit})
            r.take(match.start(), match.end())


def _debts(r) -> None:
    """Repayments, debts owed and defaults: read so that they are reported as not checkable (commitments only)."""
    for pattern in DEBT:
        for m in pattern.finditer(r.masked):
            rec = r.codes(m.start("rec"), m.end("rec"))
            lender = next((r.codes(m.start(k), m.end(k)) for k in ("lender2", "lender") if m.groupdict().get(k)
                           and not set(r.codes(m.start(k), m.end(k))) & set(rec)), [])
            if not lender or not rec or set(lender) & set(rec) or r.overlaps_used(m.start(), m.end()):
                continue
            r.add("finance", m.start(), m.end(), {"lender": lender, "recipient": rec, "relation": "total",
                                                  "measure": re.sub(r"\s+", " ", m.group("measure").lower())})
            r.take(m.start(), m.end())


# "Among the top recipients ... were A ($36 billion, first), B ($16 billion, second)": each recipient's rank and amount.
BRACKETED = re.compile(rf"(?P<rec>{E})\s*\(\s*(?P<amt>{_HEDGE}{_MONEY})\s*[,;]\s*(?:ranked\s+|in\s+)?(?P<ord>{ORDINAL_RE})"
                       rf"(?:\s+place)?\s*\)", re.IGNORECASE)
LENDER = re.compile(rf"(?P<lender>{E})(?:['’]s)?\s+(?:[\w-]+\s+){{0,3}}?(?:\(\w+\)\s+)?{_FIN}\b", re.IGNORECASE)


def _bracketed_ranks(r) -> None:
    """Recipients listed with their amount and rank in brackets: each a rank among all recipients (with the amount
    it fits) and a total, for the lender named with the finance and the sentence's window."""
    found = [m for m in BRACKETED.finditer(r.masked) if not r.overlaps_used(m.start("amt"), m.end("amt"))]
    lender = next((r.codes(m.start("lender"), m.end("lender")) for m in LENDER.finditer(r.masked)), [])
    if not found or not lender:
        return
    cls = re.search(rf"{ODA}|{OOF}", r.text, re.IGNORECASE)
    base = {"lender": lender, "flow_class": _flow_class(cls.group(0)) if cls else None, **window_of(r, found[0].start())}
    items = []
    for m in found:
        rec, amt = r.codes(m.start("rec"), m.end("rec")), amounts(r.text, m.start("amt"), m.end("amt"))
        if len(rec) == 1 and amt and rec != lender:
            items.append((m, rec[0], amt[0], ordinal(m.group("ord"))))
    listed = tuple((rec, a.value) for _, rec, a, _ in items)
    for m, rec, a, rank in items:
        r.add("finance", m.start(), m.end(), {**base, "recipient": [rec], "relation": "rank", "value": rank,
                                              "worldwide": True, "stated": a.value,
                                              "listed": listed if len(listed) > 1 else ()})
        r.add("finance", a.start, a.end, {**base, "recipient": [rec], "relation": "total", "value": a.value,
                                          "unit": a.currency, "hedge": a.hedge, "half_unit": a.half_unit})
        r.take(m.start(), m.end())


# "2012 was the record year for Chinese loans to Angola, at $9 billion"; "Chinese lending to Laos peaked in 2016 at
# $5 billion": the recipient's year of largest commitments.
PEAK = [re.compile(p, re.IGNORECASE) for p in (
    rf"\b(?P<year>(?:19|20)\d\d)\s+(?:was|marked|saw|remains|is)\s+(?:the\s+)?(?:top|peak|record|best|highest|biggest|"
    rf"strongest)\s+year\s+(?:for|of|in)\s+(?:the\s+)?(?P<lender>{E})\s+(?:[\w-]+\s+){{0,2}}?{_FIN}(?:\s+commitments)?"
    rf"\s+(?:to|for|in)\s+(?P<rec>{E})(?:,?\s+(?:at|with|of|totall?ing|reaching|worth)\s+(?P<amt>{_HEDGE}{_MONEY}))?",
    rf"(?P<lender>{E})\s+(?:[\w-]+\s+){{0,2}}?{_FIN}(?:\s+commitments)?\s+(?:to|for|in)\s+(?P<rec>{E})\s+(?:peaked|"
    rf"hit\s+(?:a\s+|its\s+)?(?:peak|record|high))\s+in\s+(?P<year>(?:19|20)\d\d)(?:,?\s+(?:at|with|of|reaching)\s+"
    rf"(?P<amt>{_HEDGE}{_MONEY}))?",
)]


# "...; 2016 was the peak year at $5 billion": the lender and recipient of the total the sentence gave before
PEAK_BARE = re.compile(rf"\b(?P<year>(?:19|20)\d\d)\s+(?:was|marked)\s+(?:the\s+)?(?:top|peak|record|highest|biggest)\s+"
                       rf"year(?!\s+(?:for|of|in)\s)(?:,?\s+(?:at|with|of|totall?ing|reaching|worth)\s+(?P<amt>{_HEDGE}"
                       rf"{_MONEY}))?", re.IGNORECASE)


def _peak_years(r) -> None:
    """The year a recipient's commitments from a lender were largest, with the amount stated for it, if any."""
    for pattern in [*PEAK, PEAK_BARE]:
        for m in pattern.finditer(r.masked):
            if pattern is PEAK_BARE:
                total = [c.payload for c in r.claims if c.type == "finance" and c.payload.relation == "total"][-1:]
                lender, rec = (list(total[0].lender), list(total[0].recipient)) if total else ([], [])
            else:
                lender, rec = r.codes(m.start("lender"), m.end("lender")), r.codes(m.start("rec"), m.end("rec"))
            if not lender or len(rec) != 1 or r.overlaps_used(m.start(), m.end()):
                continue
            fields = {"lender": lender, "recipient": rec, "relation": "peak year", "year": int(m.group("year")),
                      "flow_class": _flow_class(re.search(rf"{ODA}|{OOF}", m.group(0), re.IGNORECASE).group(0))
                      if re.search(rf"{ODA}|{OOF}", m.group(0), re.IGNORECASE) else None}
            found = amounts(r.text, m.start("amt"), m.end("amt")) if m.group("amt") else []
            if found:
                a = found[0]
                fields.update({"value": a.value, "unit": a.currency, "hedge": a.hedge, "half_unit": a.half_unit})
            r.add("finance", m.start(), m.end(), fields)
            r.take(m.start(), m.end())
