"""Reading claims about major arms transfers: a supplier's share of a state's (or a region's) arms imports, its rank,
the top suppliers as a list ('Russia, France and Israel were India's main arms suppliers'), a monopoly supplier,
totals written as dollars (SIPRI's trend-indicator values), a ratio between two states' imports ('9 times larger
than Pakistan's'), and the supplier's side: its buyers ('Pakistan was China's largest arms customer',
'Egypt took 12% of France's arms exports')."""

from __future__ import annotations

import re

from .arms_with import (read_displaced, read_elided_more, read_elided_share, read_possessive_only, read_ranked_among,
                        read_supplied_totals, read_trailing_shares, read_with_clauses)
from .arms_lists import read_listed, read_totals, read_went_to
from .arms_per_state import change_fields
from .clauses import window_of
from .numbers import RATIO, hedge_before, ratio_value, share_at
from .ranks import rank_of
from .sentence import E, EL
from .shares import ARMS, ARMS_EXPORTS, ARMS_FLOW, ARMS_IMPORTS, RANK, SHARE, SUPPLIER
from .prefilter import finditer, search

_VERB = r"(?:has\s+|have\s+|had\s+)?(?:supplied|supplies|supply|supplying|provided|provides|providing|delivered|" \
        r"delivers|accounted\s+for|accounts\s+for|account\s+for|accounting\s+for|made\s+up|makes\s+up|making\s+up|" \
        r"represented|represents|sold|sells|was\s+responsible\s+for|covered|covers)"
# A period between a noun and its verb: "Mongolia's arms imports in 2011-2015 came from ..."
# (never across another mention or a share: "bought 69% of its arms from A and 17% from B" has no period between)
_WHEN = r"(?:\s+(?:in|over|during|between|from)\s+(?:(?!⟨)[^,;.%]){4,25}?)?"
BE = r"(?:is|was|are|were|has\s+been|have\s+been|remains|remained|remain|became|has\s+become|is\s+still|is\s+now)"
ADV = r"(?:(?:still|now|by\s+far|also|practically|virtually|almost|nearly|effectively|essentially|de\s+facto)\s+)*"
# "of China's arms sales/exports" is the supplier's side (its buyers' shares, read by BUYER_SHARES)
_NOT_SOLD = r"(?!\s+(?:exports|sales|exported|sold)\b)"
SHARES = [re.compile(p, re.IGNORECASE) for p in (
    # ("China, now its principal supplier, providing 82% of what it imported": an apposition; the imports just named)
    rf"(?P<sup>{EL})(?:,[^,;.\d%]{{3,60}},)?\s+(?:together\s+|alone\s+|jointly\s+)?{_VERB}\s+(?:(?:a\s+share\s+of|a|an)\s+)?"
    rf"(?P<num>{SHARE})\s+(?:of\s+)?(?:all\s+(?:of\s+)?)?(?:the\s+)?(?:(?P<rec>{EL}|its|their)\s+(?:total\s+)?{ARMS}{ARMS_FLOW}{_NOT_SOLD}|"
    rf"what\s+(?P<what>⟨#*⟩|it|they)\s+(?:imported|imports|bought|buys|received|acquired))",
    rf"(?P<sup>{E})\s+(?:has\s+|had\s+)?(?:supplied|provided|furnished|equipped)\s+(?P<rec>{E})\s+with\s+(?P<num>{SHARE})"
    rf"\s+of\s+(?:its|their|{E})\s+(?:total\s+)?{ARMS}{ARMS_FLOW}",
    rf"(?P<sup>{E})\s+(?:{ARMS}|deliveries|supplies)\s+(?:made\s+up|accounted\s+for|represented|were)\s+(?P<num>{SHARE})"
    rf"\s+of\s+(?:all\s+)?(?:the\s+)?(?:{ARMS}\s+)?(?:deliveries|imports|supplies|transfers|purchases)\s+(?:to|of|by)\s+"
    rf"(?:the\s+)?(?P<rec>{EL})",
    rf"(?P<sup>{E})\s+{_VERB}\s+(?P<num>{SHARE})\s+of\s+(?:all\s+|the\s+)?(?:its\s+)?{ARMS}(?:\s+imports)?{_NOT_SOLD}(?P<rec>)",
    rf"(?P<rec>{E})\s+(?:imported|bought|received|sourced|obtained|purchased|got|acquired|imports|buys|receives|"
    rf"sources|gets|get|takes|took|procured|procures)\s+(?P<num>{SHARE})\s+of\s+(?:its|their|{E})\s+(?:total\s+)?{ARMS}{ARMS_FLOW}{_WHEN}\s+from\s+(?P<sup>{EL})",
    # "Russia, the source of 36% of India's arms imports, ...": the supplier named in an apposition
    rf"(?P<sup>{E}),\s+(?:the\s+|which\s+(?:was|is)\s+the\s+)?(?:source|supplier|provider|origin)\s+of\s+(?P<num>{SHARE})\s+of\s+"
    rf"(?:all\s+)?(?:the\s+)?(?P<rec>{EL}|its|their)\s+(?:total\s+)?{ARMS}{ARMS_FLOW}",
    rf"(?P<sup>{E})\s+share\s+(?:of|in)\s+(?P<rec>{EL})\s+(?:{ARMS}{ARMS_FLOW}|(?P<bare>imports|purchases))"
    rf"(?:[^.;]|\.(?=\d)){{0,40}}?(?P<num>{SHARE})",
    rf"(?P<num>{SHARE})\s+of\s+(?P<rec>{EL})\s+{ARMS}{ARMS_FLOW}{_WHEN}\s+(?:came|come|comes|originated|were|was)\s+from\s+"
    rf"(?P<sup>{EL})",
    # "China delivered drones to Turkmenistan, accounting for 40% of its arms imports"
    rf"(?P<sup>{E})\s+(?:has\s+|had\s+)?(?:delivered|supplied|sold|provided|shipped)\s+(?:(?!⟨)[^.;]){{0,80}}?\bto\s+"
    rf"(?P<rec>{E}),?\s+(?:accounting\s+for|making\s+up|representing|or|amounting\s+to)\s+(?P<num>{SHARE})\s+of\s+"
    rf"(?:its|their|{E}|all)\s+(?:total\s+)?(?:{ARMS}\s*)?(?:imports|purchases|acquisitions|deliveries)",
)]
RANKS = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?P<sup>{E})\s+{BE}\s+{ADV}(?:the\s+)?(?:single\s+)?{RANK}\s+(?:{ARMS}\s+)?{SUPPLIER}(?:\s+of\s+{ARMS})?\s+"
    rf"(?:to|of|for)\s+(?:the\s+)?(?P<rec>{EL})",
    rf"(?P<sup>{E})\s+{BE}\s+{ADV}(?P<rec>{E})\s+(?:single\s+)?{RANK}\s+{ARMS}\s+{SUPPLIER}",
    rf"(?P<rec>{E})\s+(?:single\s+)?{RANK}\s+{ARMS}\s+{SUPPLIER}\s+{BE}\s+(?P<sup>{E})",
    # "Russia remains Kyrgyzstan's biggest source of weapons"
    rf"(?P<sup>{E})\s+{BE}\s+{ADV}(?:the\s+)?(?P<rec>{E})\s+(?:single\s+)?{RANK}\s+{SUPPLIER}\s+of\s+{ARMS}",
    # "China sold drones to Turkmenistan, becoming its second-largest arms supplier": the state between the two is
    # the recipient
    rf"(?P<sup>{E})\s+(?:has\s+|had\s+)?(?:provided|supplied|sold|delivered|shipped|exported|furnished|equipped)\s+"
    rf"(?:[^.;⟨]{{0,40}}?\b(?:to|for)\s+)?(?P<rec>{E})(?:[^.;⟨]){{0,60}}?,\s+(?:becoming|to\s+become|making\s+it|"
    rf"emerging\s+as)\s+(?:the\s+)?(?:⟨#+⟩\s+)?(?:single\s+)?{RANK}\s+(?:{ARMS}\s+)?{SUPPLIER}",
)]
# "Russia, France and Israel were India's main arms suppliers", "the top three arms suppliers to X were A, B and C"
_COUNT = r"(?:(?:two|three|four|five|2|3|4|5)\s+)?"
_TOP = r"(?:main|largest|biggest|top|leading|principal|major|key|chief)"
TOP = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?P<sup>{EL})\s+{BE}\s+{ADV}(?:the\s+)?(?P<rec>{E})\s+{_COUNT}{_TOP}\s+{_COUNT}(?:{ARMS}\s+)?{SUPPLIER}",
    rf"(?P<sup>{EL})\s+{BE}\s+{ADV}(?:the\s+)?{_COUNT}{_TOP}\s+{_COUNT}(?:{ARMS}\s+)?{SUPPLIER}\s+(?:to|of|for)\s+"
    rf"(?:the\s+)?(?P<rec>{E})",
    rf"(?:the\s+)?(?P<rec>{E})\s+{_COUNT}{_TOP}\s+{_COUNT}(?:{ARMS}\s+)?{SUPPLIER}{_WHEN}\s+(?:were|are|have\s+been)\s+"
    rf"(?P<sup>{EL})",
    rf"(?:the\s+)?{_COUNT}{_TOP}\s+{_COUNT}(?:{ARMS}\s+)?{SUPPLIER}\s+(?:to|of|for)\s+(?:the\s+)?(?P<rec>{E}){_WHEN}\s+"
    rf"(?:were|are|have\s+been)\s+(?P<sup>{EL})",
)]
# "China is effectively the monopoly supplier of arms to Bangladesh", "Armenia's only arms supplier"
_ONLY = r"(?P<only>(?:near-|quasi-)?(?:monopoly|sole|only|exclusive))"
MONOPOLY = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?P<sup>{E})\s+{BE}\s+{ADV}(?:the\s+|a\s+)?{_ONLY}\s+(?:{ARMS}\s+)?{SUPPLIER}(?:\s+of\s+{ARMS})?\s+"
    rf"(?:to|of|for)\s+(?:the\s+)?(?P<rec>{E})",
    rf"(?P<sup>{E})\s+{BE}\s+{ADV}(?P<rec>{E})\s+{_ONLY}\s+(?:{ARMS}\s+)?{SUPPLIER}",
)]
QUALIFIED = re.compile(r"practically|virtually|almost|nearly|effectively|essentially|de\s+facto|near-|quasi-",
                       re.IGNORECASE)
# "India's arms imports in 2009-2013 were 9 times larger than Pakistan's", "X imported three times as many arms
# as Y": one recipient's total against another's.
_LARGER = r"(?:larger|bigger|higher|greater|more)"
RATIOS = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?P<a>{E})\s+(?:total\s+)?{ARMS}\s*(?:imports|purchases|acquisitions){_WHEN}\s+(?:were|was|are|is)\s+"
    rf"(?:(?P<h>about|around|roughly|nearly|almost|more\s+than|over|some)\s+)?{RATIO}\s+(?:{_LARGER}\s+than|as\s+"
    rf"(?:large|big|high)\s+as|the\s+size\s+of|those\s+of|that\s+of)?\s*(?P<b>{E})",
    rf"(?P<a>{E})\s+imported\s+(?:(?P<h>about|around|roughly|nearly|almost|more\s+than|over|some)\s+)?{RATIO}\s+"
    rf"(?:more|as\s+(?:many|much))\s+{ARMS}\s+(?:than|as)\s+(?P<b>{E})",
)]
# The supplier's side: "Pakistan was China's largest arms customer", "Vietnam is a main buyer of
# Russian arms", "Egypt took 12% of France's arms exports".
BUYER = r"(?:buyer|customer|client|importer|recipient|market|purchaser|destination)s?"
BUYER_RANKS = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?P<rec>{E})\s+{BE}\s+{ADV}(?:the\s+)?(?P<sup>{E})\s+(?:single\s+)?{RANK}\s+(?:{ARMS}\s+)?{BUYER}",
    rf"(?P<rec>{E})\s+{BE}\s+{ADV}(?:the\s+)?(?:single\s+)?{RANK}\s+{BUYER}\s+(?:of|for)\s+(?P<sup>{E})\s+{ARMS}",
)]
BUYER_SHARES = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?P<rec>{EL})\s+(?:received|took|bought|absorbed|accounted\s+for|accounts\s+for|made\s+up|took\s+in)\s+"
    rf"(?P<num>{SHARE})\s+of\s+(?:all\s+)?(?P<sup>{E})\s+(?:total\s+)?(?:{ARMS}\s+)?(?:exports|deliveries|sales|"
    rf"transfers)",
    rf"(?P<num>{SHARE})\s+of\s+(?P<sup>{E})\s+(?:total\s+)?(?:{ARMS}\s+)?(?:exports|deliveries|sales|transfers){_WHEN}\s+"
    rf"(?:went|go|goes|were\s+delivered|were\s+sold)\s+to\s+(?P<rec>{EL})",
    # "its purchases, helicopters among them, were worth 9 percent, by value, of all French arms exports"
    rf"(?P<rec>{E})(?:['’]s)?\s+(?:{ARMS}\s+)?(?:purchases|imports|acquisitions)(?:,[^;]{{3,80}}?,)?\s+(?:were|was)\s+"
    rf"(?:worth|equal\s+to)\s+(?P<num>{SHARE})(?:,\s*by\s+value,)?\s+of\s+(?:all\s+)?(?P<sup>{E})\s+(?:total\s+)?"
    rf"{ARMS}\s+(?:exports|deliveries|sales|transfers)",
)]
# A recipient's rank among importers: "Kazakhstan is the largest arms importer in Central Asia", "India was the world's
# largest arms importer".
IMPORTER = re.compile(rf"(?P<rec>{E})\s+{BE}\s+{ADV}(?:the\s+)?(?:(?P<world>world['’]s)\s+)?(?:single\s+)?{RANK}\s+"
                      rf"(?:{ARMS}\s+)?(?:importer|buyer|recipient|purchaser)s?(?:\s+of\s+{ARMS})?(?:\s+(?:in|among|across)\s+"
                      rf"(?:the\s+)?(?P<region>{EL})|\s+(?P<world2>in\s+the\s+world|worldwide|globally))?", re.IGNORECASE)
# A change between two windows: "Russia's arms exports to China fell by 40% between 2011-2015 and 2016-2020", "India's
# arms imports rose 11% between 2014-18 and 2019-23".
_DIR = r"(?:\w+ly\s+)?(?P<dir>fell|dropped|declined|decreased|shrank|slumped|plunged|tumbled|contracted|rose|increased|" \
       r"grew|jumped|climbed|surged|soared|expanded)(?:\s+\w+ly)?"
_PCT = r"(?P<num>\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent))"
_APPOS = r"(?:,(?:(?!⟨)[^,;.]){3,40},)?"  # "France's arms exports, third in the world in 2015-19, rose by 12%"
_OF_ARMS = r"(?:major\s+)?(?:conventional\s+)?(?:arms|weapons?)\b"  # "Belarus's exports of conventional weapons"
_NOUN = r"(?P<noun>rise|increase|growth|jump|surge|fall|drop|decline|decrease|reduction|contraction)"
CHANGES = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?P<sup>{E})(?:['’]s)?\s+(?:major\s+)?(?:arms|weapons?)\s+exports(?:\s+to\s+(?P<rec>{EL}))?{_APPOS}\s+{_DIR}\s+(?:by\s+)?"
    rf"(?:(?:some|about|around|nearly|almost|over|more\s+than)\s+)?{_PCT}",
    rf"(?P<rec>{E})(?:['’]s)?\s+(?:major\s+)?(?:arms|weapons?)\s+imports(?:\s+from\s+(?P<sup>{EL}))?{_APPOS}\s+{_DIR}\s+(?:by\s+)?"
    rf"(?:(?:some|about|around|nearly|almost|over|more\s+than)\s+)?{_PCT}",
    # "a 43% rise in Pakistan's arms imports (from China)", "a 53% fall in Russia's arms exports"
    rf"{_PCT}\s+{_NOUN}\s+in\s+(?:the\s+)?(?P<x>{E})(?:['’]s)?\s+(?:major\s+)?(?:arms|weapons?)\s+(?P<flow>exports|imports)"
    rf"(?:\s+(?:to|from)\s+(?P<y>{EL}))?",
    # "France's arms exports in 2014-2018 were 40% greater than over 2009-2013", "... than in the five years before"
    # (the later window first)
    rf"(?P<x>{E})(?:['’]s)?\s+(?=(?:major\s+)?(?:arms|weapons?)\s|(?:exports|imports)\s+of\s+{_OF_ARMS})(?:(?:major\s+)?"
    rf"(?:arms|weapons?)\s+)?(?P<flow>exports|imports)(?:\s+of\s+{_OF_ARMS})?(?:\s+(?:to|from)\s+(?P<y>{EL}))?"
    rf"(?:\s+in\s+[^,;.]{{4,25}}?)?\s+(?:were|was)\s+(?:(?:some|about|around|nearly|almost|over|more\s+than)\s+)?"
    rf"{_PCT}\s+(?P<cmp>higher|lower|more|less|larger|smaller|greater|bigger)\s+than",
    # "Armenia raised its arms imports by 50% in 2015-2019", "France cut its arms exports to Egypt by 20%"
    rf"(?P<x>{E})(?:,\s+(?:which|who)\b[^,;.]{{3,80}},)?\s+(?:has\s+|had\s+)?(?P<dir>raised|increased|boosted|expanded|grew|cut|reduced|slashed|lowered|"
    rf"decreased|curbed)\s+(?:its|their|{E})\s+(?:major\s+)?(?:arms|weapons?)\s+(?P<flow>exports|imports)(?:\s+(?:to|from)\s+"
    rf"(?P<y>{EL}))?\s+by\s+(?:(?:some|about|around|nearly|almost|over|more\s+than)\s+)?{_PCT}",
)]
# "its imports declined by 11%", "Pakistan's imports rose by 14%" in a sentence naming the state an arms importer (or its
# arms imports): the same arms flow (read only then)
BARE_CHANGES = [re.compile(rf"(?P<x>{E}|\bits|\btheir)(?:['’]s)?\s+(?P<flow>exports|imports){_APPOS}\s+{_DIR}\s+(?:by\s+)?"
                           rf"(?:(?:some|about|around|nearly|almost|over|more\s+than)\s+)?{_PCT}", re.IGNORECASE),
                re.compile(rf"(?P<x>{E})\s+(?:has\s+|had\s+)?(?P<dir>raised|increased|boosted|expanded|cut|reduced|slashed|"
                           rf"lowered|decreased|curbed)\s+(?:its|their|{E})\s+(?P<flow>exports|imports)\s+by\s+(?:(?:some|about|"
                           rf"around|nearly|almost|over|more\s+than)\s+)?{_PCT}", re.IGNORECASE)]
# Measures of arms relations SIPRI's delivery register does not hold (contracts, orders, cooperation).
OTHER_MEASURE = r"(?P<measure>military[- ]technical\s+cooperation|(?:arms|defen[cs]e|weapons?)\s+(?:contracts|orders|" \
                r"deals|market|spending|budget))"
MEASURES = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?P<num>{SHARE})\s+of\s+(?:the\s+)?(?P<rec>{E})\s+{OTHER_MEASURE}(?:[^.;]{{0,40}}?\b(?:was|were|came|went)\s+"
    rf"(?:with|from|to)\s+(?P<sup>{E}))?",
    rf"(?P<sup>{E})\s+share\s+of\s+(?:the\s+)?{OTHER_MEASURE}\s+(?:that\s+|which\s+)?(?P<rec>{E})(?:[^.;]|\.(?=\d))"
    rf"{{0,60}}?(?P<num>\d+(?:\.\d+)?\s?(?:%|percent))",
)]
# "..., and 55% in 2015-19" / "... and 31% from Russia": the same claim for another period or supplier.
CONTINUED = re.compile(rf"(?:\s+(?:in|over|during)\s+[^,;.]{{4,20}}?)?\s*,?\s*(?:and|while|but|whereas|to)\s+(?:just\s+|only\s+|a\s+mere\s+)?"
                       rf"(?P<num>{SHARE})\s+(?:(?:in|over|during)\s+(?P<when>[^,;.]{{4,20}}?)(?=[,;.]|\s+and\b|$)|"
                       rf"from\s+(?P<sup>{E}))", re.IGNORECASE)


def read_arms(r) -> None:
    """Every arms claim of a sentence (a Reading), most specific patterns first."""
    from .arms_exports import read_arms_exports
    from .arms_per_state import read_per_state

    read_listed(r)
    read_went_to(r, bool(re.search(ARMS_EXPORTS, r.text)))
    read_per_state(r)
    read_elided_share(r)
    read_arms_exports(r)
    _lists(r)
    _monopoly(r)
    for pattern in SHARES + RANKS:
        for m in finditer(pattern, r.masked):
            if r.overlaps_used(m.start(), m.end()):
                continue
            suppliers, recipients = _parties(r, m)
            if not suppliers or not recipients or m.groupdict().get("bare") and not re.search(ARMS_IMPORTS,
                                                                                              r.text[:m.start()]):
                continue
            fields = {"supplier": suppliers, "recipient": recipients, **window_of(r, m.start())}
            if m.groupdict().get("num"):
                share = share_at(r.text, m.start("num"), m.end("num"))
                if share is None:
                    continue
                fields.update({"relation": "share", "value": share.value, "hedge": share.hedge,
                               "half_unit": share.half_unit})
            else:
                fields.update({"relation": "rank", "value": rank_of(m.group("rk"))})
            claim = r.add("arms", m.start(), m.end(), fields)
            r.take(m.start(), m.end())
            if fields["relation"] == "share":
                _continued(r, m.end(), claim.payload)
                read_elided_more(r, m.end(), claim.payload)
    _changes(r)
    _changes(r, BARE_CHANGES)
    read_with_clauses(r)
    read_supplied_totals(r)
    _ratios(r)
    _buyers(r)
    _importers(r)
    read_ranked_among(r)
    read_displaced(r)
    read_trailing_shares(r)
    read_possessive_only(r)
    _other_measures(r)
    read_totals(r)


def _parties(r, m) -> tuple[list[str], list[str]]:
    suppliers = r.codes(m.start("sup"), m.end("sup"))
    if m.groupdict().get("what"):  # "... of what it imported": the arms imports the sentence named before
        return suppliers, [c for c in [r.subject()] if c and c not in suppliers] \
            if re.search(ARMS_IMPORTS, r.text[:m.start()]) else []
    rec_text = m.group("rec")
    recipients = r.codes(m.start("rec"), m.end("rec")) if rec_text not in ("its", "their") \
        else [c for c in [r.subject()] if c]
    ment = r.by_start.get(m.start("rec"))
    if ment is not None and ment.pronoun and set(recipients) & set(suppliers):
        recipients = [r.ctx.focus] if r.ctx.focus else []
    recipients = [c for c in recipients if c not in suppliers]
    if not rec_text and rec_text is not None:  # "In Kyrgyzstan, Russia supplied 70% of arms"
        recipients = [x.code for x in r.mentions if x.kind in ("country", "group") and x.code not in
                      suppliers][:1] or ([r.ctx.focus] if r.ctx.focus not in (None, *suppliers) else [])
    return suppliers, recipients


def _lists(r) -> None:
    """'Russia, France and Israel were India's main arms suppliers': the named states are the top n."""
    for pattern in TOP:
        for m in finditer(pattern, r.masked):
            suppliers = r.codes(m.start("sup"), m.end("sup"))
            recipients = [c for c in r.codes(m.start("rec"), m.end("rec")) if c not in suppliers]
            if len(suppliers) < 2 or not recipients or r.overlaps_used(m.start(), m.end()):
                continue
            r.add("arms", m.start(), m.end(), {"supplier": suppliers, "recipient": recipients, "relation": "top",
                                               "value": float(len(suppliers)), **window_of(r, m.start())})
            r.take(m.start(), m.end())


def _monopoly(r) -> None:
    """'China is effectively the monopoly supplier of arms to Bangladesh': a share of (nearly) all."""
    for pattern in MONOPOLY:
        for m in finditer(pattern, r.masked):
            suppliers, recipients = r.codes(m.start("sup"), m.end("sup")), r.codes(m.start("rec"), m.end("rec"))
            if not suppliers or not recipients or r.overlaps_used(m.start(), m.end()):
                continue
            qualified = search(QUALIFIED, m.group(0))
            r.add("arms", m.start(), m.end(), {"supplier": suppliers, "recipient": recipients, "relation": "share",
                                               "value": 1.0, "hedge": "nearly" if qualified else None,
                                               "words": m.group("only"), **window_of(r, m.start())})
            r.take(m.start(), m.end())


def _continued(r, end: int, first) -> None:
    """The same claim for another period or supplier: ', and 55% in 2015-19'; 'from 80% to 60% between W1 and W2'
    (the second share is the second window's)."""
    from .clauses import clause_bounds

    to = re.match(rf"\s+to\s+(?P<num>{SHARE})", r.masked[end:], re.IGNORECASE)
    c0, c1 = clause_bounds(r.text, end)
    ranges = [(t.year, t.year2) for t in r.times if c0 <= t.start < c1 and t.kind == "range"]
    if to and len(ranges) == 2 and first.to_dict().get("years") == list(ranges[0]):
        share = share_at(r.text, end + to.start("num"), end + to.end("num"))
        if share is not None:
            fields = {**first.to_dict(), "value": share.value, "hedge": share.hedge, "half_unit": share.half_unit,
                      "years": list(ranges[1])}
            r.add("arms", end + to.start("num"), end + to.end(), fields)
            r.take(end + to.start(), end + to.end())
            return
    m = CONTINUED.match(r.masked, end)
    if not m:
        return
    share = share_at(r.text, m.start("num"), m.end("num"))
    if share is None:
        return
    fields = first.to_dict()
    fields.update({"value": share.value, "hedge": share.hedge, "half_unit": share.half_unit})
    if m.group("sup"):
        fields["supplier"] = r.codes(m.start("sup"), m.end("sup"))
    else:
        for key in ("years", "span", "base_year", "year"):
            fields.pop(key, None)
        fields.update(window_of(r, m.start("when")))
    r.add("arms", m.start("num"), m.end(), fields)
    r.take(m.start(), m.end())


def _ratios(r) -> None:
    """'India's arms imports in 2009-2013 were 9 times larger than Pakistan's'."""
    for pattern in RATIOS:
        for m in finditer(pattern, r.masked):
            a, b = r.codes(m.start("a"), m.end("a")), r.codes(m.start("b"), m.end("b"))
            value = ratio_value(m.group("ratio"))
            if not a or not b or not value or set(a) & set(b) or r.overlaps_used(m.start(), m.end()):
                continue
            hedge = hedge_before(r.text, m.start("ratio"), 20)
            r.add("arms", m.start(), m.end(), {"supplier": ["WLD"], "recipient": a, "rival": b, "relation": "ratio",
                                               "value": value, "hedge": hedge, **window_of(r, m.start())})
            r.take(m.start(), m.end())


def _buyers(r) -> None:
    """The supplier's side: its buyers' ranks and shares of its deliveries."""
    for pattern in BUYER_RANKS + BUYER_SHARES:
        for m in finditer(pattern, r.masked):
            suppliers, buyers = r.codes(m.start("sup"), m.end("sup")), r.codes(m.start("rec"), m.end("rec"))
            buyers = [c for c in buyers if c not in suppliers]
            if len(suppliers) != 1 or not buyers or r.overlaps_used(m.start(), m.end()):
                continue
            fields = {"supplier": suppliers, "recipient": buyers, "side": "exports", **window_of(r, m.start())}
            if m.groupdict().get("num"):
                share = share_at(r.text, m.start("num"), m.end("num"))
                if share is None:
                    continue
                fields.update({"relation": "share", "value": share.value, "hedge": share.hedge,
                               "half_unit": share.half_unit})
            else:
                fields.update({"relation": "rank", "value": rank_of(m.group("rk"))})
            claim = r.add("arms", m.start(), m.end(), fields)
            r.take(m.start(), m.end())
            if fields["relation"] == "share":
                read_elided_more(r, m.end(), claim.payload)


def _changes(r, patterns=CHANGES) -> None:
    """A change of a supplier's exports or a recipient's imports between two windows (the two ranges the clause
    names; one range is compared with the one just before it, as SIPRI's fact sheets do)."""
    from .clauses import clause_bounds

    for pattern in patterns:
        for m in pattern.finditer(r.masked):
            if r.overlaps_used(m.start(), m.end()) or patterns is BARE_CHANGES and not re.search(
                    rf"\b(?:arms|weapons?)\s+{m.group('flow')[:-1]}(?:er|s)\b", r.text, re.IGNORECASE):
                continue
            exports = pattern is CHANGES[0] or (m.groupdict().get("flow") or "").lower() == "exports"
            if "x" in m.groupdict():  # the noun form: the state before the flow, the partner after it
                x = r.codes(m.start("x"), m.end("x")) or [c for c in [r.subject()] if c]
                y = r.codes(m.start("y"), m.end("y")) if m.groupdict().get("y") else ["WLD"]
                sup, rec = (x, y) if exports else (y, x)
            else:
                sup = r.codes(m.start("sup"), m.end("sup")) if m.group("sup") else ["WLD"]
                rec = r.codes(m.start("rec"), m.end("rec")) if m.group("rec") else ["WLD"]
            c0, c1 = clause_bounds(r.text, m.start())
            ranges = [(t.year, t.year2) for t in r.times if c0 <= t.start < c1 and t.kind == "range"] or [
                # none in the clause: the window the sentence named before it ('X was ... in 2019-23; Y's arms
                # imports rose by 43%') is the later one
                (t.year, t.year2) for t in r.times if t.start < m.start() and t.kind == "range"][-1:] or [
                (t.year, t.year2) for t in r.times if t.kind == "range"][:1]  # else the one named after it
            pct = share_at(r.text, m.start("num"), m.end("num"))
            if not ranges or pct is None or (sup == ["WLD"] and rec == ["WLD"]):
                continue
            later = ranges[0] if m.groupdict().get("cmp") else ranges[-1]  # "were N% higher in W2 than in W1"
            rest = [x for x in ranges if x != later]
            earlier = rest[-1] if rest else (2 * later[0] - later[1] - 1, later[0] - 1)
            if not m.groupdict().get("cmp"):  # "fell 8% in W2 compared with W1": the earlier window is the base
                earlier, later = min(earlier, later), max(earlier, later)
            down = (m.groupdict().get("dir") or m.groupdict().get("noun") or m.groupdict().get("cmp") or "").lower() in (
                "lower", "less", "smaller",
                "fell", "dropped", "declined", "decreased", "shrank", "slumped", "plunged", "tumbled", "contracted",
                "fall", "drop", "decline", "decrease", "reduction", "contraction", "cut", "reduced", "slashed",
                "lowered", "curbed")
            r.add("arms", m.start(), m.end(), change_fields(sup, rec, pct, down, later, earlier, exports))
            r.take(m.start(), m.end())


def _importers(r) -> None:
    """A recipient's rank among a region's arms importers (or the world's)."""
    for m in finditer(IMPORTER, r.masked):
        rec = r.codes(m.start("rec"), m.end("rec"))
        if not rec or r.overlaps_used(m.start(), m.end()) or not re.search(r"arms|weapon", m.group(0), re.IGNORECASE):
            continue
        region = r.codes(m.start("region"), m.end("region")) if m.group("region") else []
        r.add("arms", m.start(), m.end(), {"supplier": ["WLD"], "recipient": rec, "relation": "importer rank",
                                           "value": rank_of(m.group("rk")), "rival": region,
                                           "words": "world" if (m.group("world") or m.group("world2") or not region)
                                           else None, **window_of(r, m.start())})
        r.take(m.start(), m.end())


def _other_measures(r) -> None:
    for pattern in MEASURES:
        for m in finditer(pattern, r.masked):
            rec = r.codes(m.start("rec"), m.end("rec"))
            sup = r.codes(m.start("sup"), m.end("sup")) if m.group("sup") else []
            share = share_at(r.text, m.start("num"), m.end("num"))
            if rec and share and not r.overlaps_used(m.start(), m.end()):
                r.add("arms", m.start(), m.end(), {"supplier": sup or rec, "recipient": rec, "value": share.value,
                                                   "measure": m.group("measure"), **window_of(r, m.start())})
                r.take(m.start(), m.end())
