"""Reading ranks and shares among all the world's arms importers and exporters ('India, the world's largest arms
importer, ...', 'Russia is the world's second-largest arms exporter', 'France accounted for 11% of global arms
exports'): judged on every state's deliveries in SIPRI's whole register (judging/arms_world.py)."""

from __future__ import annotations

import re

from .clauses import window_of
from .numbers import share_at
from .ranks import rank_of
from .sentence import E
from .shares import ARMS, RANK, SHARE
from .prefilter import finditer

_WORLD = r"(?:(?:the\s+)?(?:world['’]s|globe['’]s)|(?:the\s+)?global)"
_SIDE = r"(?P<side>importer|buyer|recipient|purchaser|exporter|supplier|seller|vendor)s?"
_TAIL = r"(?:\s+of\s+(?:major\s+)?(?:arms|weapons))?(?:\s+(?:in\s+the\s+world|worldwide|globally))?"
# "India, the world's largest arms importer, ...": an apposition after the state (read on the unmasked text).
# "India, the world's largest arms importer in 2018-22, ...": a window of its own may close the apposition.
_OWN_WINDOW = r"(?:\s+(?:in|during|over|for)\s+(?:the\s+(?:period\s+)?)?\d{4}\s*[-–/]\s*\d{2,4})?"
APPOSITION = re.compile(rf",\s+(?:now\s+|still\s+|then\s+)?{_WORLD}\s+(?:single\s+)?{RANK}\s+(?:{ARMS}\s+)?{_SIDE}{_TAIL}"
                        rf"{_OWN_WINDOW}(?=\s*[,;.)])", re.IGNORECASE)
# "Russia is the world's second-largest arms exporter", "China was the fifth-largest arms exporter in the world".
_BE = r"(?:is|was|are|were|has\s+been|remains|remained|became|has\s+become|ranks?|ranked)\s+(?:now\s+|still\s+|also\s+)?"
STATED = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?P<who>{E})\s+{_BE}(?:as\s+)?{_WORLD}\s+(?:single\s+)?{RANK}\s+(?:{ARMS}\s+)?{_SIDE}{_TAIL}",
    rf"(?P<who>{E})\s+{_BE}(?:as\s+)?(?:the\s+)?(?:single\s+)?{RANK}\s+(?:{ARMS}\s+)?{_SIDE}(?:\s+of\s+(?:major\s+)?"
    rf"(?:arms|weapons))?\s+(?:in\s+the\s+world|worldwide|globally)")]
# "France accounted for 11% of global arms exports", "Russia's share of the world's arms exports fell to 11%".
SHARE_OF_WORLD = re.compile(rf"(?P<who>{E})\s+(?:accounted\s+for|accounts\s+for|account\s+for|made\s+up|makes\s+up|"
                            rf"represented|represents|had|has|held|holds)\s+(?P<num>{SHARE})\s+of\s+(?:all\s+)?{_WORLD}\s+"
                            rf"(?:{ARMS}\s+)?(?P<flow>exports|imports|transfers|sales|deliveries)|"
                            rf"(?P<who2>{E})(?:['’]s)?\s+share\s+of\s+{_WORLD}\s+(?:{ARMS}\s+)?(?P<flow2>exports|imports|"
                            rf"transfers|sales|deliveries)\s+(?:was|is|stood\s+at|reached|rose\s+to|fell\s+to|of)\s+"
                            rf"(?P<num2>{SHARE})", re.IGNORECASE)
_IMPORTING = ("importer", "buyer", "recipient", "purchaser")
# "the five largest arms exporters in 2018-22 were the US, Russia, France, China and Germany", "the world's three
# biggest importers of arms were A, B and C": the top n as a list (read on the masked text, states after the verb).
_COUNT = r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
TOP_LIST = re.compile(rf"\b(?:(?P<world>{_WORLD})\s+)?(?:the\s+)?{_COUNT}\s+(?:largest|biggest|top|leading|main)\s+"
                      rf"(?P<arms>{ARMS}\s+)?{_SIDE}(?P<of>\s+of\s+(?:major\s+)?(?:arms|weapons))?"
                      rf"(?:\s+(?:in\s+the\s+world|worldwide|globally))?[^.;:]{{0,40}}?\s+(?:were|are|was)\s+"
                      rf"(?P<list>[^.;:(]+)", re.IGNORECASE)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def read_world_ranks(r) -> None:
    """Add `arms` claims for ranks and shares among the world's importers or exporters (see the module docstring)."""
    read_world_top(r)
    for m in finditer(APPOSITION, r.text):
        before = [x for x in r.mentions if x.kind == "country" and x.end <= m.start()
                  and not r.text[x.end:m.start()].strip(" ’'s")]
        ranked = {getattr(c.payload, "relation", None) for c in r.claims}
        if not before or r.overlaps_used(m.start(), m.end()) and {"importer rank", "exporter rank"} & ranked:
            continue  # the apposition is a statement of its own even inside another claim's words
        _add_rank(r, before[-1].code, m, before[-1].start)
    for pattern in STATED:
        for m in finditer(pattern, r.masked):
            who = r.codes(m.start("who"), m.end("who"), ("country",))
            if len(who) == 1 and not r.overlaps_used(m.start(), m.end()):
                _add_rank(r, who[0], m, m.start())
    for m in finditer(SHARE_OF_WORLD, r.masked):
        key, num, flow = ("who", "num", "flow") if m.group("who") else ("who2", "num2", "flow2")
        who = r.codes(m.start(key), m.end(key), ("country",))
        pct = share_at(r.text, m.start(num), m.end(num))
        if len(who) != 1 or pct is None or r.overlaps_used(m.start(), m.end()):
            continue
        imports = m.group(flow).lower() == "imports"
        r.add("arms", m.start(), m.end(), {"supplier": ["WLD"] if imports else who, "recipient": who if imports
                                           else ["WLD"], "relation": "world share", "value": pct.value,
                                           "hedge": pct.hedge, "half_unit": pct.half_unit,
                                           "side": "imports" if imports else "exports", **window_of(r, m.start())})
        r.take(m.start(), m.end())


def read_world_top(r) -> None:
    """Add an `arms` claim (relation 'world top') for the top n of the world's importers or exporters as a list."""
    for m in TOP_LIST.finditer(r.masked):
        if not (m.group("world") or m.group("arms") or m.group("of")):
            continue  # "the five largest exporters" with neither 'world' nor 'arms': another kind's ranking
        who = r.codes(m.start("list"), m.end("list"), ("country",))
        n = _NUMBERS.get(m.group("n").lower()) or int(m.group("n"))
        if len(who) < 2 or len(who) > n or r.overlaps_used(m.start(), m.end()):
            continue
        importing = m.group("side").lower() in _IMPORTING
        r.add("arms", m.start(), m.end(), {"supplier": ["WLD"] if importing else who,
                                           "recipient": who if importing else ["WLD"], "relation": "world top",
                                           "value": n, "side": "imports" if importing else "exports",
                                           **window_of(r, m.start())})
        r.take(m.start(), m.end())


def _add_rank(r, code: str, m, start: int) -> None:
    importing = m.group("side").lower() in _IMPORTING
    fields = {"value": rank_of(m.group("rk")), "words": "world", **window_of(r, m.start())}
    if importing:
        r.add("arms", start, m.end(), {"supplier": ["WLD"], "recipient": [code], "relation": "importer rank", **fields})
    else:
        r.add("arms", start, m.end(), {"supplier": [code], "recipient": ["WLD"], "relation": "exporter rank",
                                       "side": "exports", **fields})
    r.take(m.start(), m.end())
