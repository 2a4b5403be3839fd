"""A difference between two years stated as an amount: 'about $3 billion below 2018's $95.7 billion', '$2bn more
than a year earlier', '$500 million up on 2019'. It is a change between the years in the currency (the unit
difference), never a level of that amount."""

from __future__ import annotations

import re

from .numbers import amounts

_YEAR_BEFORE = (r"(?:the\s+(?:year\s+before|previous\s+year|prior\s+year|preceding\s+year)|a\s+year\s+(?:earlier|before|"
                r"ago)|last\s+year)\b")
# What follows the amount: a comparison word and the base year ('below 2018's', 'more than in 2018', 'up on 2019').
YEAR_GAP = re.compile(rf"\s+(?:(?P<up>more|higher|greater|above|up\s+on|up\s+from)|(?P<down>less|lower|smaller|below|under|"
                      rf"down\s+on|down\s+from))\s+(?:than\s+)?(?:(?:in|that\s+of|the\s+level\s+of|the\s+figure\s+(?:of|"
                      rf"for))\s+)?(?:(?P<y>(?:19|20)\d\d)(?:['’]s)?\b|{_YEAR_BEFORE})", re.IGNORECASE)
# A possessive base year after a comparison word ('below 2018's $95.7 billion'): the base of that comparison only.
BASE_YEAR_BEFORE = re.compile(r"\b(?:below|above|than|under|on|compared\s+(?:with|to)|against|versus)\s+(?:in\s+)?$",
                              re.IGNORECASE)


def year_gaps(text: str, start: int, end: int):
    """(amount, +1 or -1, base year or None for 'the year before', end of the phrase) for each amount in
    text[start:end] followed by a comparison with a year."""
    out = []
    for a in amounts(text, start, end):
        m = YEAR_GAP.match(text, a.end)
        if m:
            out.append((a, 1 if m.group("up") else -1, int(m.group("y")) if m.group("y") else None, m.end()))
    return out


def is_base_year(text: str, time) -> bool:
    """Whether a time is a possessive year a comparison is made against ('below 2018's'), not a figure's period."""
    return bool(re.match(r"['’]s\b", text[time.end:time.end + 2])) and \
        bool(BASE_YEAR_BEFORE.search(text[max(0, time.start - 30):time.start]))
