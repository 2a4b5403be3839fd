"""Split a text into sentences with their character spans, and say which sentences carry something checkable (a
figure, a rank word, a country pair or an institution)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .entities import find_mentions
from .numbers import MONEY_RE, PERCENT_RE, YEAR
from .statements import RANK as STATEMENT_RANK, TRIGGER as STATEMENT
from .prefilter import finditer, search

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = {"u.s", "u.k", "e.u", "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "e.g", "i.e", "etc", "inc",
                 "ltd", "co", "corp", "gen", "gov", "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                 "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig", "bln", "mln", "bn", "mn", "p.m", "a.m",
                 "u.n", "jr", "sr"}
# A full stop, question or exclamation mark (with closing quotes or brackets) followed by space and a capital,
# digit or opening quote: a sentence boundary unless the word before it is an abbreviation or an initial.
_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
# A scale word written right after a figure ("$5.1bn.", "EUR 300 mln."): its full stop ends the sentence when a
# capital follows, as a figure never continues after its scale abbreviation.
_SCALE_AFTER_FIGURE = re.compile(r"\d\s?(?:bn|mn|bln|mln)$", re.IGNORECASE)

# Trigger families: a sentence with one of these (and a named country, group, organization or year) is read.
TRIGGERS: dict[str, re.Pattern] = {
    "amount": re.compile(MONEY_RE.pattern, re.IGNORECASE),
    "percent": re.compile(PERCENT_RE.pattern, re.IGNORECASE),
    "change": re.compile(r"\b(?:doubl|tripl|trebl|quadrupl|halv|\w+-fold|fold\b|times\b|increas|grew\b|grow|rose\b|"
                         r"rise|risen|declin|fell\b|fall|drop|dipp|dip\b|surg|soar|jump|climb|expand|shr[aui]nk|"
                         r"contract|record|plung|slump|tumbl|up by|down by|year[- ]on[- ]year|traded|worth)",
                         re.IGNORECASE),
    "rank": re.compile(r"\b(?:main|largest|biggest|top|leading|principal|primary|number[- ]one|no\.\s?1|"
                       r"second[- ]largest|third[- ]largest|\w+[- ]largest|\w+[- ]biggest|first place|bulk)\b",
                       re.IGNORECASE),
    "comparison": re.compile(r"\b(?:lag|lagg|overt[ao]ok|overtak|surpass|outstrip|outpac|exceed|eclips|ahead of|"
                             r"behind|more than|less than|larger than|bigger than|smaller than|twice as|than ever|"
                             r"reliant|dependent|passed|together|half of|times (?:what|as|more|larger)|than)",
                             re.IGNORECASE),
    "membership": re.compile(r"\b(?:join|rejoin|member|accession|acced|admitted|observer|dialogue partner|found|formed|"
                             r"establish|created|never joined|expanded|enlarg|withdr|suspend|refused to extend|(?:not|declined) to (?:extend|renew|prolong)|"
                             r"not (?:extend|renew|prolong)|refused to (?:renew|prolong)|"
                             r"restored|returned to|associate|granted|grant|froze|frozen|freez|left the|quit|accession|admission|"
                             r"leave|leaving|exit|terminat|revok|becom|became|accepted as|partner (?:state|countr|nation)|came into (?:being|existence)|"
                             r"inaugurat|began operat|started operat|set up|took effect|came into (?:force|effect)|"
                             r"withdrawal|made up of|composed of|compris|consists? of|consisted of|entered|enters?|entry|inducted)",
                             re.IGNORECASE),
    "summit": re.compile(r"\b(?:summit|meeting of the (?:SCO )?Council|Council of Heads|Heads of States?|declaration|host|called for|"
                         r"mention|noted|welcomed|condemned|expressed|stressed|reaffirmed|underlined)", re.IGNORECASE),
    "trade": re.compile(r"\b(?:trade[sd]?|trading|turnover|exports?|imports?|exported|imported)\b", re.IGNORECASE),
    "macro": re.compile(r"\b(?:GDP|gross domestic product|population|populous|poorest|richest|wealthiest|economy|economies|(?:million|billion)\s+(?:people|inhabitants|"
                        r"residents))\b", re.IGNORECASE),
    "share": re.compile(r"\b(?:share|accounts? for|accounted for|makes? up|made up|represents?|percent of|% of|"
                        r"proportion)\b", re.IGNORECASE),
    "security": re.compile(r"\b(?:arms|weapons?|weaponry|military (?:equipment|hardware|supplies|imports)|suppliers?|"
                           r"defen[cs]e (?:equipment|imports|purchases|hardware)|"
                           r"alliance|allies|ally|defen[cs]e (?:pact|treaty|agreement)|mutual[- ]defen[cs]e|military (?:pact|"
                           r"treaty|alliance))\b", re.IGNORECASE),
    "votes": re.compile(r"\b(?:[Vv]ot(?:e|es|ed|ing)|[Aa]bst(?:ain|ention)\w*|[Rr]esolutions?|[Vv]eto\w*|General Assembly|UNGA|UN)\b"),
    "finance": re.compile(r"\b(?:lending|loans?|lent|committed|pledged|development finance|financ\w+|credit|commitments?|AidData|"
                          r"borrow\w*|owe[sd]?|debts?|repa(?:id|y\w*)|default\w*|ODA|OOF|official development assistance|concessional|"
                          r"commercially[- ]oriented|portfolio)\b",
                          re.IGNORECASE),
    # an event or practice, or a superlative rank of anything: read so that the fallback lists it as unverifiable
    "statement": STATEMENT,
    # a count of things in digits ("11 packages", "17,000 test kits"; never a year): read as a count no table holds
    "count": re.compile(r"(?<![\w$€.,-])(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d+)?)\s+(?:[A-Za-z][a-z-]+\s+){0,2}[a-z][a-z-]+|"
                        r"\bnumber\s+of\b"),
}
_YEAR_RE = re.compile(rf"\b{YEAR}\b")
_COLLECTIVE = re.compile(r"\s*(?:the\s+)?(?:(?:SCO\s+)?member\s+(?:states|countries)|leaders|heads\s+of\s+state)\b",
                         re.IGNORECASE)


_ANAPHOR = re.compile(r"\b(?:the|this|that)\s+(?:bloc|organi[sz]ation|union|alliance|grouping|government|commission)\b",
                      re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    """A sentence of the input: its character span, its text and whether it starts a paragraph."""

    start: int
    end: int
    text: str
    paragraph_start: bool = False


def sentences(text: str) -> list[Sentence]:
    """Split text into sentences (paragraph breaks always split), keeping each sentence's span in text."""
    out: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        chunk = para.group(0)
        first = len(out)
        cut = 0
        for m in finditer(_BOUNDARY, chunk):
            before = search(_WORD_BEFORE, chunk[cut:m.start()])
            if before and not search(_SCALE_AFTER_FIGURE, chunk[cut:m.start()]):
                word = before.group(1).lower().rstrip(".")
                if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha() and chunk[m.start()] == "."):
                    continue
            end = m.start() + 1
            while end < len(chunk) and chunk[end] in "\"”’')]":
                end += 1
            _add(out, text, start + cut, start + end)
            cut = m.end()
        _add(out, text, start + cut, start + len(chunk))
        if len(out) > first:
            s = out[first]
            out[first] = Sentence(s.start, s.end, s.text, True)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


def triggers(text: str) -> set[str]:
    """The trigger families found in a sentence."""
    return {name for name, pattern in TRIGGERS.items() if search(pattern, text)}


def is_candidate(text: str, found: set[str] | None = None) -> bool:
    """A sentence worth reading: a trigger and a named country, group, organization, city or year (an amount or a
    percentage counts on its own)."""
    found = triggers(text) if found is None else found
    if not found:
        return False
    if "votes" in found and re.search(r"\d", text):  # a tally ("passed 100-11 with 58 abstentions")
        return True
    if "statement" in found and search(STATEMENT_RANK, text):  # 'X is the largest Y in the world'
        return True
    if "statement" in found and search(_ANAPHOR, text):  # 'the bloc is now working on a 12th package'
        return True
    if found & {"summit", "membership"} and _COLLECTIVE.match(text):  # "The member states noted ...": a declaration's
        return True
    return bool(found & {"amount", "percent"} or find_mentions(text) or search(_YEAR_RE, text))
