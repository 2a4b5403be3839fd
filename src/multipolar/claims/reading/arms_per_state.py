"""Reading arms figures stated per state after one shared verb: a change between two windows given for several
states ('between W1 and W2 arms imports fell by 30% for A and 40% for B'), and suppliers each with its share in
brackets after the recipient's imports ('..., with its purchases coming mostly from A (60%), B (20%) and C (5%)')."""

from __future__ import annotations

import re

from .clauses import clause_bounds, window_of
from .numbers import share_at
from .sentence import E, EL
from .prefilter import finditer, search

_PCT = r"\d+(?:\.\d+)?\s?(?:%|percent\b|per\s+cent\b)"
_HEDGE = r"(?:(?:some|about|around|roughly|nearly|almost|over|more\s+than|just\s+over|just\s+under)\s+)?"
_DOWN = {"fell", "dropped", "declined", "decreased", "shrank", "slumped", "plunged", "tumbled", "contracted"}
_DIRS = r"fell|dropped|declined|decreased|shrank|slumped|plunged|tumbled|contracted|rose|increased|grew|jumped|" \
        r"climbed|surged|soared|expanded"
# "(the) arms imports (of the two) fell by 32% for A and 39% for B"
CHANGE_FOR = re.compile(
    rf"(?:major\s+)?(?:arms|weapons?)\s+(?P<flow>imports|exports)\s+(?:\w+ly\s+)?(?P<dir>fell|dropped|declined|"
    rf"decreased|shrank|slumped|plunged|tumbled|contracted|rose|increased|grew|jumped|climbed|surged|soared|expanded)"
    rf"\s+(?:by\s+)?(?P<items>{_HEDGE}{_PCT}\s+(?:for|in)\s+{E}(?:\s*(?:,\s*and|,|and)\s+(?:by\s+)?{_HEDGE}{_PCT}\s+"
    rf"(?:for|in)\s+{E})*)", re.IGNORECASE)
# "arms imports by A and B shrank by 32% and 39% respectively between W1 and W2", "A's and B's arms exports rose ..."
RESPECTIVELY = re.compile(
    rf"(?:(?:major\s+)?(?:arms|weapons?)\s+(?P<flow>imports|exports)\s+(?:by|of)\s+(?P<who>{EL})|(?P<who2>{EL})(?:['’]s?)?"
    rf"\s+(?:major\s+)?(?:arms|weapons?)\s+(?P<flow2>imports|exports))\s+(?:\w+ly\s+)?(?P<dir>{_DIRS})\s+(?:by\s+)?"
    rf"(?P<nums>{_HEDGE}{_PCT}(?:\s*(?:,\s*and|,|and)\s+{_HEDGE}{_PCT})+)\s*,?\s+respectively", re.IGNORECASE)
_ITEM = re.compile(rf"(?P<num>{_HEDGE}{_PCT})\s+(?:for|in)\s+(?P<x>{E})", re.IGNORECASE)
# "with its purchases coming mostly from A (61%), B (22%) and C (6.6%)", "its arms imports came from A (40%) and B"
FROM_LIST = re.compile(
    rf"(?:(?<!\w)(?P<rec>its|their|{E}(?:['’]s)?)\s+(?:(?:major\s+)?(?:arms|weapons?)\s+)?(?:imports|purchases|acquisitions|"
    rf"supplies)|\b(?:major\s+)?(?:arms|weapons?)\s+(?:imports|purchases|acquisitions|supplies)\s+of\s+(?P<rec2>{E}))\s+(?:(?:came|come|coming|originated|originating)\s+)?(?:(?:mostly|mainly|largely|chiefly|primarily)\s+)?"
    rf"from\s+(?P<items>{E}\s*\(\s*{_PCT}\s*\)(?:\s*(?:,\s*and|,|and)\s+{E}\s*\(\s*{_PCT}\s*\))+)", re.IGNORECASE)
_BRACKET = re.compile(rf"(?P<x>{E})\s*\(\s*(?P<num>{_PCT})\s*\)", re.IGNORECASE)
_ARMS = re.compile(r"\b(?:arms|weapons?|weaponry|military\s+(?:equipment|hardware))\b", re.IGNORECASE)


def read_per_state(r) -> None:
    """Add an arms claim per state of each list."""
    _changes_for(r)
    _respectively(r)
    _from_list(r)


def _changes_for(r) -> None:
    for m in finditer(CHANGE_FOR, r.masked):
        if r.overlaps_used(m.start(), m.end()):
            continue
        c0, _ = clause_bounds(r.text, m.start())
        # the two windows the clause (or the sentence up to the figures) names, the later one last
        ranges = [(t.year, t.year2) for t in r.times if t.kind == "range" and t.start < m.end()]
        ranges = ranges[-2:]
        if len(ranges) != 2:
            continue
        earlier, later = sorted(ranges)
        down = m.group("dir").lower() in _DOWN
        exports = m.group("flow").lower() == "exports"
        for it in finditer(_ITEM, r.masked, m.start("items"), m.end("items")):
            x = r.codes(it.start("x"), it.end("x"), ("country", "group"))
            pct = share_at(r.text, it.start("num"), it.end("num"))
            if not x or pct is None:
                continue
            sup, rec = (x, ["WLD"]) if exports else (["WLD"], x)
            r.add("arms", it.start(), it.end(), change_fields(sup, rec, pct, down, later, earlier, exports))
        r.take(m.start(), m.end())


def change_fields(sup, rec, pct, down: bool, later, earlier, exports: bool) -> dict:
    """The fields of an arms claim of a change between two windows ('arms imports fell by 30% between W1 and W2'):
    the rate signed by its direction, the later window and its base, and the side (exports or imports)."""
    return {"supplier": sup, "recipient": rec, "relation": "change",
            "value": -pct.value * 100 if down else pct.value * 100, "hedge": pct.hedge, "years": later,
            "base_years": earlier, "side": "exports" if exports else "imports"}


def _respectively(r) -> None:
    for m in finditer(RESPECTIVELY, r.masked):
        key = "who" if m.group("who") else "who2"
        states = [e.code for e in r.ents(m.start(key), m.end(key), ("country",))]
        nums = list(re.finditer(rf"{_HEDGE}{_PCT}", r.text[m.start("nums"):m.end("nums")], re.IGNORECASE))
        if len(states) != len(nums) or len(states) < 2 or r.overlaps_used(m.start(), m.end()):
            continue
        _, c1 = clause_bounds(r.text, m.start())
        after = [(t.year, t.year2) for t in r.times if t.kind == "range" and m.end() <= t.start < c1][:2]
        ranges = after if len(after) == 2 else [(t.year, t.year2) for t in r.times if t.kind == "range" and
                                                 t.start < m.end()][-2:]
        if len(ranges) != 2:
            continue
        earlier, later = sorted(ranges)
        exports = (m.group("flow") or m.group("flow2")).lower() == "exports"
        for code, num in zip(states, nums):
            pct = share_at(r.text, m.start("nums") + num.start(), m.start("nums") + num.end())
            if pct is None:
                continue
            sup, rec = ([code], ["WLD"]) if exports else (["WLD"], [code])
            r.add("arms", m.start(), m.end(), change_fields(sup, rec, pct, m.group("dir").lower() in _DOWN, later,
                                                            earlier, exports))
        r.take(m.start(), m.end())


def _from_list(r) -> None:
    if not search(_ARMS, r.text):
        return  # "its imports came from A (40%) ..." is an arms claim only in a sentence about arms
    for m in finditer(FROM_LIST, r.masked):
        if r.overlaps_used(m.start(), m.end()):
            continue
        if m.group("rec2"):
            rec = r.codes(m.start("rec2"), m.end("rec2"))
        elif m.group("rec").lower() in ("its", "their"):
            subject = r.subject()
            rec = [subject] if subject else []
        else:
            rec = r.codes(m.start("rec"), m.end("rec"))
        if not rec:
            continue
        when = window_of(r, m.start())
        if not when:  # the window the sentence named before the list
            before = [t for t in r.times if t.kind == "range" and t.start < m.start()]
            when = {"years": (before[-1].year, before[-1].year2)} if before else {}
        for it in finditer(_BRACKET, r.masked, m.start("items"), m.end("items")):
            sup = r.codes(it.start("x"), it.end("x"), ("country",))
            share = share_at(r.text, it.start("num"), it.end("num"))
            if not sup or share is None or sup == rec:
                continue
            r.add("arms", it.start(), it.end(), {"supplier": sup, "recipient": rec, "relation": "share",
                                                 "value": share.value, "hedge": share.hedge,
                                                 "half_unit": share.half_unit, **when})
        r.take(m.start(), m.end())
