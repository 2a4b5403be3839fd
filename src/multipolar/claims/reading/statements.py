"""Reading the factual statements of a sentence no other reader explained, so that they are listed as claims the data
cannot decide (unverifiable, with what is missing) rather than dropped: an event or practice told of a named state,
organization or place ('X applied to join', 'an aircraft landed in Y', 'customs did not publish'), a rank of
something the data do not rank ('the largest advisory in the world'), an ordinal of a thing ('a 12th package'), a
treaty between two states the alliances table does not name, a currency swap line."""

from __future__ import annotations

import re

from .clauses import clause_bounds
from .prefilter import search

# Verbs of an event or a practice (past, present or progressive), and the nouns that name one.
EVENT = re.compile(
    r"\b(?:appl(?:ied|ies|ying)|apply\s+(?:to|for)|applications?|bids?\b|launch(?:ed|es|ing)?|built|"
    r"opened|donated|deliver(?:ed|s)|landed|arrived|(?:did|does|do)\s+not\s+publish|publish(?:ed|es)|meeting\s+in\s+"
    r"person|chair(?:ed|s|ing)|attend(?:ed|s|ing)|present\b(?!\s+(?:day|time))|deploy(?:ed|s|ing)|conduct(?:ed|s|ing)|"
    r"stag(?:ed|es|ing)|(?:air|drone|missile|lethal|military)\s+strikes?|exercises?|pending|working\s+on|ratif(?:ied|ies|y)|banned|imposed|"
    r"agreed\s+(?:on\s+(?:the\s+)?terms\s+(?:for\s+)?admitting|to\s+admit))\b",
    re.IGNORECASE)
# A superlative rank statement: 'is the largest X', 'describes itself as the second biggest Y'.
RANK = re.compile(r"\b(?:is|was|are|were|remains|remained|became|as|has|have|had)\s+(?:now\s+|still\s+|also\s+)?(?:the|its|their)\s+"
                  r"(?:(?:(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th))[- ]?)?(?:largest|biggest|smallest|leading|"
                  r"oldest|first|only|main|top|poorest|richest|most\s+\w+|least\s+\w+)|(?:second|third|fourth|fifth|"
                  r"\d+(?:st|nd|rd|th))[- ]\w+est)\b", re.IGNORECASE)
# An ordinal of a thing in digits ('a 12th package', 'its 5th round'), never a date, a century or an anniversary.
ORDINAL = re.compile(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+(?!century|centuries|anniversary|of\b|day\b|month\b|year\b|"
                     r"week\b)(?P<noun>[a-z][a-z-]+)", re.IGNORECASE)
# A treaty or agreement between states, and a central banks' currency swap line.
TREATY = re.compile(r"\b(?:treat(?:y|ies)|agreements?|accords?|pacts?|conventions?)\b", re.IGNORECASE)
SWAP = re.compile(r"\b(?:currency|bilateral|local[- ]currency|yuan|renminbi|RMB|ruble|rouble)[- ]?swaps?\b|\bswap\s+"
                  r"(?:line|agreement|arrangement|facility)s?\b", re.IGNORECASE)
# What makes a sentence worth reading for these statements (reading/sentences.py's trigger family 'statement').
TRIGGER = re.compile(f"{EVENT.pattern}|{RANK.pattern}|{ORDINAL.pattern}|{TREATY.pattern}|{SWAP.pattern}", re.IGNORECASE)
# A subject standing for a named body ('the bloc is now working on ...').
ANAPHOR = re.compile(r"\b(?:the|this|that)\s+(?:bloc|organi[sz]ation|union|alliance|grouping|government|commission)\b",
                     re.IGNORECASE)
STATEMENT_REASONS = {
    "event": "not covered: an event or practice no table in the data records (the pack holds trade, arms "
             "deliveries, votes, finance, memberships, summits and declarations, not this)",
    "rank statement": "not covered: a rank of something the data do not rank (they rank states by trade, arms, "
                      "finance, GDP and population only)",
    "ordinal": "not covered: an ordinal of a thing no table counts",
    "treaty": "not covered: a treaty or agreement between states; the data hold ATOP's alliances (defence, "
              "neutrality, non-aggression and consultation pacts) by member and years, not every treaty by name",
    "swap line": "not covered: a central banks' currency swap line; the data hold no swap agreements (AidData "
                 "records some drawdowns as lending in US dollars by recipient and year, not the lines themselves)",
}


def read_statements(r) -> None:
    """One unverifiable `other` claim for the first statement found in a sentence that gave no claim (see the
    module docstring); a sentence without a named actor gives one only for a rank statement."""
    actor = any(m.kind in ("country", "group", "org", "city") for m in r.mentions) or bool(search(ANAPHOR, r.text))
    states = {m.code for m in r.mentions if m.kind == "country"}
    found = None
    swap, treaty = search(SWAP, r.text), search(TREATY, r.text)
    if swap and actor:
        found = (swap.start(), "swap line", None)
    elif treaty and len(states) >= 2:
        found = (treaty.start(), "treaty", None)
    o = search(ORDINAL, r.text)
    if found is None and o and actor:
        found = (o.start(), "ordinal", float(o.group("n")))
    rank = search(RANK, r.text)
    if found is None and rank:
        found = (rank.start(), "rank statement", None)
    event = search(EVENT, r.text)
    if found is None and event and actor:
        found = (event.start(), "event", None)
    if found is None:
        return
    at, unit, value = found
    c0, c1 = clause_bounds(r.text, at)
    if c1 - c0 < 25:  # a clause too short to carry the statement alone: the sentence does
        c0, c1 = 0, len(r.text)
    r.add("other", c0, c1, {"unit": unit, "value": value, "about": r.text[c0:c1].strip(" ,;("),
                            "year": r.year_in(c0, c1)})
