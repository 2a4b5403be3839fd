"""Reading the partner a sentence ranks after the one it ranks first ('China was X's main trading partner in 2019,
while Russia came second with $6 billion'): a rank claim for it in the same country, flow and year, and, when an
amount is given, that partner's trade in the year."""

from __future__ import annotations

import re

from .numbers import amounts
from .sentence import E
from .prefilter import finditer

_ORD = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}
FOLLOWER = re.compile(rf"(?:,\s*|\s+)(?:while|whereas|and|with)\s+(?P<b>{E})\s+(?:came|ranked|was|placed|stood|"
                      rf"finished|followed)\s+(?:in\s+)?(?P<ord>{'|'.join(_ORD)})(?:\s+place)?"
                      rf"(?:\s*,?\s+with\s+(?P<amt>(?:about\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+)?"
                      rf"(?:US\$|\$|USD)\s?[\d.,]+\s?(?:billion|million|bn|mn)?))?", re.IGNORECASE)


def read_followers(r) -> None:
    """For each rank claim of the sentence, the partner the text places after it."""
    ranks = [c for c in r.claims if c.type == "rank" and c.payload.to_dict().get("country")]
    if len(ranks) != 1:
        return
    first = ranks[0].payload.to_dict()
    for m in finditer(FOLLOWER, r.masked):
        b = r.codes(m.start("b"), m.end("b"), ("country",))
        if len(b) != 1 or b == first.get("partner") or r.overlaps_used(m.start("b"), m.end()):
            continue
        keep = {k: first[k] for k in ("country", "flow", "year") if first.get(k) is not None}
        r.add("rank", m.start("b"), m.end("ord"), {**keep, "partner": b, "value": _ORD[m.group("ord").lower()],
                                                    "unit": "rank"})
        found = amounts(r.text, m.start("amt"), m.end("amt")) if m.group("amt") else []
        if found:
            r.add("level", m.start("b"), m.end("amt"), {**keep, "partner": b, "value": found[0].value,
                                                         "unit": found[0].currency, "hedge": found[0].hedge,
                                                         "half_unit": found[0].half_unit})
        r.take(m.start("b"), m.end())
