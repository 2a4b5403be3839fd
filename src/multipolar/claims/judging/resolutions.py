"""Which UN General Assembly roll call a claim means: a resolution symbol ('68/262', 'A/RES/68/262', 'ES-11/1'),
a well-known name ('the territorial integrity of Ukraine'), or words matched against the roll calls' descriptions."""

from __future__ import annotations

import re

SYMBOL = re.compile(r"\b(?:A/RES/)?(?P<session>ES-\d{1,2}|\d{1,2})/(?P<number>\d{1,3})(?P<part>[A-Z])?\b")
# Resolutions known by a name rather than their symbol, → symbol (adopted dates in the comment).
KNOWN = [
    (r"territorial integrity of Ukraine(?!: defending)|Crimea\w*\s+(?:\w+\s+)?(?:referendum|annexation|secession)|"
     r"annexation of Crimea", "68/262"),  # 27 March 2014
    (r"aggression against Ukraine(?! humanitarian)", "ES-11/1"),  # 2 March 2022
    (r"humanitarian consequences of the aggression against Ukraine", "ES-11/2"),  # 24 March 2022
    (r"suspen\w+ (?:of )?Russia\w* (?:from|in) the Human Rights Council|suspension of the rights of membership",
     "ES-11/3"),  # 7 April 2022
    (r"defending the principles of the Charter|illegal so-called referendums|annexation of (?:the\s+)?(?:four|4)\s+"
     r"(?:Ukrainian\s+)?regions|attempted annexation", "ES-11/4"),  # 12 October 2022
    (r"human rights in the Autonomous Republic of Crimea", "71/205"),  # 19 December 2016
]
_MONTHS = {"january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
           "december"}
_STOP = _MONTHS | {"resolution", "passed", "abstentions", "abstained", "countries", "states", "among", "including",
                   "along", "draft", "general", "assembly", "united", "nations", "which", "calling", "called", "that",
         "with", "from", "this", "those", "these", "their", "about", "against", "favour", "favor", "condemning",
         "condemned", "demanding", "demanded", "vote", "votes", "voted", "adopted", "over", "into", "under", "year"}


def resolution_of(text: str) -> tuple[str | None, str | None]:
    """(symbol or None, the descriptive words) of a resolution named in text."""
    m = SYMBOL.search(text)
    if m:
        return f"{m.group('session')}/{m.group('number')}{m.group('part') or ''}", None
    for pattern, symbol in KNOWN:
        if re.search(pattern, text, re.IGNORECASE):
            return symbol, None
    about = re.search(r"resolution\s+(?:on|against|condemning|calling\s+for|about|demanding|concerning|that\s+"
                      r"condemned)\s+(?P<w>[^,;.()]*?)(?=\s+(?:passed|which|that|was|were|adopted|with)\b|[,;.()]|$)", text,
                      re.IGNORECASE)
    if about:
        return None, about.group("w").strip() or None
    words = re.sub(r"^.*?resolution\s*", "", text, flags=re.IGNORECASE)
    return None, words.strip(" ,") or None


def find_roll_call(roll_calls, symbol: str | None, words: str | None, year: int | None):
    """(the roll call row, '') or (None, why)."""
    last_session, last_year = int(roll_calls["session"].max()), int(roll_calls["year"].max())
    if symbol:
        session, _, number = symbol.partition("/")
        if session.startswith("ES-") or int(session) > last_session:
            return None, f"resolution {symbol} is not in the roll calls the pack holds (they end with session " \
                         f"{last_session}, {last_year})"
        rows = roll_calls[roll_calls["unres"].fillna("").str.upper().str.endswith(f"/{session}/{number}".upper())]
        if rows.empty:
            return None, f"no roll call on resolution {symbol} in session {session} (a resolution adopted " \
                         "without a vote has none)"
        return rows.iloc[0], ""
    keys = [w for w in re.findall(r"[A-Za-z]{4,}", words or "") if w.lower() not in _STOP]
    if not keys:
        return None, "the resolution is not named (give its symbol, e.g. 68/262, or its subject)"
    found = roll_calls
    if year:
        found = found[found["year"] == year]
    text = found["short"].fillna("").str.lower()
    hit = found[[all(k.lower()[:6] in t for k in keys[:3]) for t in text]]
    if hit.empty:
        return None, f"no roll call{' in ' + str(year) if year else ''} matches '{' '.join(keys[:3])}' (roll " \
                     f"calls to {last_year})"
    if len(hit) > 1:
        return None, f"{len(hit)} roll calls match '{' '.join(keys[:3])}': name the resolution (e.g. " \
                     f"{hit.iloc[0]['unres']})"
    return hit.iloc[0], ""
