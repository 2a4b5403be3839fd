"""One pair's trade as a multiple of another pair's, both written as trade frames sharing one state: 'Sino-Saudi
trade is three times as large as China's trade with Iran', 'the UAE's trade with China is twice as large as Chinese
trade with Tehran', 'A's exports to B were about twice the size of its exports to C'. The shared state is the country,
the other state of the first frame the partner, that of the second the rival."""

from __future__ import annotations

import re

from .frames import frames
from .numbers import HEDGE, RATIO

_BE = r"(?:is|was|are|were|stood\s+at|equals?|equalled|remains?|remained)\s+(?:now\s+|still\s+|about\s+|roughly\s+)?"
# Between the two frames: the verb, the multiple and the words that compare ("as large as", "the size of").
BETWEEN = re.compile(rf"\s+(?:in\s+(?:19|20)\d\d\s+)?{_BE}{HEDGE}{RATIO}\s+(?:as\s+(?:large|big|high|much)\s+as|"
                     rf"the\s+size\s+of|that\s+of|of)?\s*(?:the\s+)?", re.IGNORECASE)


def frame_ratios(r):
    """(country, partner, rival, flow, ratio text, start, end) for each two adjacent frames compared by a multiple."""
    found = frames(r)
    out = []
    for first, second in zip(found, found[1:]):
        m = BETWEEN.fullmatch(r.masked, first.end, second.start)
        if not m or first.flow != second.flow or len(first.country + first.partner) != 2 or \
                len(second.country + second.partner) != 2:
            continue
        one, two = set(first.country + first.partner), set(second.country + second.partner)
        shared = one & two
        if len(shared) != 1 or one == two:
            continue
        country = shared.pop()
        flow = first.flow if first.flow == "turnover" or country in first.country else \
            {"export": "import", "import": "export"}[first.flow]
        out.append((country, (one - {country}).pop(), (two - {country}).pop(), flow, m.group("ratio"),
                    first.start, second.end))
    return out
