"""Reading a state's main arms suppliers or buyers listed after 'were', each with its share ('X's main arms suppliers
in 2010-14 were A, with 60% of its imports, and B, with 9%'; 'X's top arms buyers in 2016-20 were A (23%),
B (18%) and C (15%)'): the list is the top n, and every share given is a claim of its own."""

from __future__ import annotations

import re

from .clauses import window_of
from .numbers import amounts, number_word
from .numbers import share_at
from .sentence import E
from .shares import ARMS, ARMS_EXPORTS, ARMS_IMPORTS, SHARE
from .prefilter import finditer, search

LISTED = re.compile(
    rf"(?P<x>{E})(?:['’]s)?\s+(?:(?P<n>two|three|four|five|[2-5])\s+)?(?:main|largest|biggest|top|leading|principal|"
    rf"major|chief)\s+(?:(?P<arms>arms|weapons?)\s+)?(?P<role>suppliers|export\s+markets|markets|buyers|customers|clients|"
    rf"importers|recipients)(?:\s+(?:in|over|during)\s+[^,;.]{{4,12}}?)?\s+(?:were|are|was)\s+(?P<list>(?:[^.;]|\.(?=\d))+)",
    re.IGNORECASE)
# "the main buyers of French arms in 2014-2018 were A with 25%, B with 12% and C with 8%" (the supplier after 'of')
LISTED_OF = re.compile(
    rf"\b(?:the\s+)?(?:(?P<n>two|three|four|five|[2-5])\s+)?(?:main|largest|biggest|top|leading|principal|major|chief)\s+"
    rf"(?P<role>suppliers|buyers|customers|clients|importers|recipients)\s+of\s+(?P<x>{E})\s+(?:arms|weapons?|weaponry)"
    rf"(?:\s+(?:in|over|during)\s+[^,;.]{{4,12}}?)?\s+(?:were|are|was)\s+(?P<list>(?:[^.;]|\.(?=\d))+?)"
    rf"(?=\s*,\s*(?:and\s+)?⟨[^⟩]*⟩\s+(?!with\b|\()|\s*(?:;|\.(?!\d))|$)", re.IGNORECASE)
_PCT = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)")


def read_listed(r) -> None:
    """Add a 'top' (suppliers) or rank (buyers) claim per listed state, and a share claim for each share given."""
    for m in [*finditer(LISTED, r.masked), *finditer(LISTED_OF, r.masked)]:
        x = r.codes(m.start("x"), m.end("x"), ("country",))
        items = [e for e in r.ents(m.start("list"), m.end("list"), ("country",)) if e.code not in x]
        if len(x) != 1 or len(items) < 2 or r.overlaps_used(m.start(), m.end()):
            continue
        exports = not m.group("role").lower().startswith("supplier")
        if m.re is LISTED and not m.group("arms") and not re.search(ARMS_EXPORTS if exports else ARMS_IMPORTS,
                                                                    r.text[:m.start()]):
            continue  # "its largest customers were A, B and C" is about arms only after arms exports were named
        when = window_of(r, m.start())
        before = [t for t in r.times if t.kind == "range" and t.start < m.start()]
        if len(before) >= 2 and not any(m.start() <= t.start < m.end() for t in r.times):
            # "X's arms exports fell 8% in W2 compared with W1, and its largest customers were ...": the later window
            latest = max(before, key=lambda t: t.year2)
            when = {"years": (latest.year, latest.year2)}
        shares = []
        for i, item in enumerate(items):
            stop = items[i + 1].start if i + 1 < len(items) else m.end("list")
            pct = search(_PCT, r.text, item.end, stop)
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


# "two thirds of its exports went to A (34%), B (21%) and C (7.5%)": the share of the buyers together, and each one's
WENT_TO = re.compile(rf"(?P<num>{SHARE})\s+of\s+(?P<sup>{E})\s+(?:total\s+)?(?:{ARMS}\s+)?(?:exports|deliveries|sales)\s+"
                     rf"(?:went|go|goes|were\s+delivered|were\s+sold)\s+to\s+(?P<list>{E}\s*\(\s*\d[^()]*\)"
                     rf"(?:\s*(?:,\s*(?:and\s+)?|and\s+){E}\s*\(\s*\d[^()]*\))+)", re.IGNORECASE)


def read_went_to(r, arms_named: bool) -> None:
    """A share of a supplier's (arms) exports going to buyers listed each with its share in brackets; a bare
    'exports' only once arms exports were named. The window: one in the phrase, else the range the sentence named
    before it (the window of the arms exports), else the clause's."""
    for m in finditer(WENT_TO, r.masked):
        sup = r.codes(m.start("sup"), m.end("sup"), ("country",))
        items = r.ents(m.start("list"), m.end("list"), ("country",))
        arms = re.search(r"arms|weapon|military|defen", m.group(0), re.IGNORECASE)
        if len(sup) != 1 or len(items) < 2 or not (arms or arms_named) or r.overlaps_used(m.start(), m.end()):
            continue
        ranges = [t for t in r.times if t.kind == "range" and t.start < m.end()]
        when = {"years": (ranges[-1].year, ranges[-1].year2)} if ranges else window_of(r, m.start())
        share = share_at(r.text, m.start("num"), m.end("num"))
        if share is not None:
            r.add("arms", m.start(), m.end("num"), {"supplier": sup, "recipient": [e.code for e in items],
                                                    "relation": "share", "value": share.value, "hedge": share.hedge,
                                                    "half_unit": share.half_unit, "side": "exports", **when})
        for i, item in enumerate(items):
            stop = items[i + 1].start if i + 1 < len(items) else m.end("list")
            pct = search(_PCT, r.text, item.end, stop)
            if pct is not None:
                decimals = len(pct.group("n").split(".")[1]) if "." in pct.group("n") else 0
                r.add("arms", item.start, pct.end(), {"supplier": sup, "recipient": [item.code], "relation": "share",
                                                      "value": float(pct.group("n")) / 100, "side": "exports",
                                                      "half_unit": 0.5 * 10 ** (-decimals) / 100, **when})
        r.take(m.start(), m.end())


# "..., $40 million of it in 2008, and $60 million in 2015-2017": the same total for another period.
MORE_TOTAL = re.compile(r"(?:\s+(?:in|over|during)\s+[^,;.]{4,20}?)?\s*,\s*(?:and\s+)?(?P<amt>(?:about\s+|some\s+|"
                        r"around\s+|nearly\s+|more\s+than\s+)?(?:US\$|\$|USD)\s?[\d.,]+\s?(?:billion|million|bn|mn)?)"
                        r"(?:\s+of\s+(?:it|them|this|which))?\s+in\s+(?P<when>(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?)"
                        r"(?![\d])")


def read_more_totals(r, end: int, fields: dict) -> None:
    """The totals that continue a first one, each with its own year or window."""
    while (m := MORE_TOTAL.match(r.text, end)) is not None:
        got = amounts(r.text, m.start("amt"), m.end("amt"))
        years = [int(y) for y in re.findall(r"(?:19|20)\d\d", m.group("when"))]
        if not got or not years:
            return
        short = re.search(r"[-–]\s*(\d\d)$", m.group("when"))
        if len(years) == 1 and short:  # '2018-20'
            years.append(years[0] // 100 * 100 + int(short.group(1)))
        when = {"years": [years[0], years[-1]]} if len(years) > 1 else {"year": years[0]}
        base = {k: v for k, v in fields.items() if k not in ("years", "span", "base_year", "year")}
        r.add("arms", m.start("amt"), m.end(), {**base, "value": got[0].value, "hedge": got[0].hedge,
                                                "half_unit": got[0].half_unit, **when})
        r.take(m.start("amt"), m.end())
        end = m.end()


# "Vietnam imported $2.3 billion worth of arms" and "Russia ($1.9 billion)": SIPRI trend-indicator values, which the
# press writes as dollars.
TOTAL = re.compile(rf"(?P<rec>{E})\s+(?:imported|received|bought|purchased|acquired)\s+(?P<amt>(?:about\s+|some\s+|"
                   rf"around\s+|nearly\s+|more\s+than\s+)?(?:US\$|\$|USD)\s?[\d.,]+\s?(?:billion|million|bn|mn)?)\s+"
                   rf"(?:worth\s+of\s+|in\s+)?{ARMS}", re.IGNORECASE)
SUPPLIER_AMOUNT = re.compile(rf"(?P<sup>{E})\s*\((?P<amt>(?:US\$|\$|USD)\s?[\d.,]+\s?(?:billion|million|bn|mn)?)\)")


def read_totals(r) -> None:
    """'Mongolia imported $300 million worth of arms in 2010-2019, with Russia ($250 million) ...'."""
    for m in TOTAL.finditer(r.masked):
        rec = r.codes(m.start("rec"), m.end("rec"))
        found = amounts(r.text, m.start("amt"), m.end("amt"))
        if not rec or not found or r.overlaps_used(m.start(), m.end()):
            continue
        window = window_of(r, m.start())
        fields = {"supplier": ["WLD"], "recipient": rec, "relation": "total", "amount": True}
        r.add("arms", m.start(), m.end(), {**fields, "value": found[0].value, "hedge": found[0].hedge,
                                           "half_unit": found[0].half_unit, **window})
        r.take(m.start(), m.end())
        read_more_totals(r, m.end(), fields)
        for s in SUPPLIER_AMOUNT.finditer(r.masked, m.end()):
            sup = r.codes(s.start("sup"), s.end("sup"))
            got = amounts(r.text, s.start("amt"), s.end("amt"))
            if sup and got:
                r.add("arms", s.start(), s.end(), {"supplier": sup, "recipient": rec, "relation": "total",
                                                   "value": got[0].value, "hedge": got[0].hedge, "amount": True,
                                                   "half_unit": got[0].half_unit, **window})
                r.take(s.start(), s.end())
