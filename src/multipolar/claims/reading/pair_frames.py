"""The two parties of a pair's trade said without naming them in the phrase ('bilateral trade', 'their countries'
trade turnover', 'trade between the two countries'): who they are and which of them is the first."""

from __future__ import annotations

import re

# "their countries' trade turnover", "the two countries' trade", "both sides' trade": the pair the sentence names.
THEIR_COUNTRIES = r"|\b(?:their\s+(?:two\s+)?|the\s+two\s+|both\s+)(?:countries|states|nations|sides)['’]\s*(?:(?:bilateral|" \
                  r"mutual|foreign)\s+)?(?:trade|commerce|turnover)(?:\s+turnover)?"
# "A's main trading partner", "A's largest export market": A is the party whose trade the sentence is about.
PARTNER_NOUN = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:trading\s+|trade\s+|export\s+|import\s+)?(?:partner|market|"
                          r"supplier|destination)\b", re.IGNORECASE)


def bilateral_parties(r) -> list[str]:
    """The sentence's two countries, first the one written with a possessive before a partner noun ('Turkey is
    Georgia's top trading partner, and their bilateral trade ...': Georgia's trade with Turkey); when fewer than two
    are named outside a reporter, the countries of the reporter's phrase count too ('Turkey's envoy in Georgia
    said bilateral trade ...': Turkey and Georgia); else the pair the text named last."""
    named = [x for x in r.mentions if x.kind == "country" and not x.pronoun]
    parties = list(dict.fromkeys(x.code for x in named if not r.in_reporter(x)))
    if len(parties) < 2:
        every = list(dict.fromkeys(x.code for x in named))
        if len(every) == 2:
            parties = every
    if len(parties) < 2 and r.ctx.pair:
        parties = list(r.ctx.pair)  # "Trade between the two countries": the pair the text named last
    if len(parties) != 2:
        return parties
    first = [x.code for x in named if x.code in parties and x.possessive and PARTNER_NOUN.match(r.text, x.end)]
    if len(set(first)) == 1 and first[0] != parties[0]:
        parties.reverse()
    return parties
