"""A pair's trade total split into its flows: 'trade reached $542 million, made up of $210 million of Russian
exports and $332 million of imports', '$939 million of trade: $207 million of exports and $732 million of imports',
'of which exports were $1.2 billion'. Each part is a flow of one party of the pair, never a change of the total:
its party is the one named with it ('Russian exports', 'A's imports'), else the party of the part before, else the
reporter the sentence cites when it is one of the pair, else the pair's first party."""

from __future__ import annotations

import re

from .sentence import E

AMOUNT = r"(?:US\$|\$|€|USD|EUR)\s?\d[\d.,]*(?:\s?(?:trillion|billion|million|bn|mn|m|b)\b)?"
# What opens the list of parts: "of which", "made up of", "consisting of", "split into", a colon after the total.
_LEAD = (r"(?:\b(?:of\s+which|including|with|made\s+up\s+of|consisting\s+of|comprising|compris(?:ed|ing)\s+of|"
         r"composed\s+of|split\s+(?:between|into)|divided\s+(?:between|into)|broken\s+down\s+into)\s+|:\s*)")
_OWNER = rf"(?:(?P<a{{n}}>{E})(?:['’]s)?\s+)?"
_FLOW = r"(?P<flow{n}>imports|exports)\b"
# "$210 million of Russian exports", "$0.7 billion were A's imports", "$61 million in exports", "$207 million worth of exports"
_PART = rf"(?P<amt{{n}}>{AMOUNT})\s+(?:(?:worth\s+of|of|in|as|were|was|are|is)\s+)?{_OWNER}{_FLOW}(?:\s*\([^)]*\))?"
# "exports were $1.2 billion", "A's imports came to $0.7 billion": the flow first
_VERB = r"(?:were|was|are|is|amounted\s+to|came\s+to|totall?ed|stood\s+at|reached|made\s+up|of|at)"
_PART_FLOW_FIRST = rf"{_OWNER}{_FLOW}\s+{_VERB}\s+(?:(?:about|around|nearly|almost|some|over|just\s+over)\s+)?(?P<amt{{n}}>{AMOUNT})"
_NEXT = r"(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s*;\s*)"
PARTS = re.compile(rf"{_LEAD}(?:{_PART.format(n=1)}(?:{_NEXT}{_PART.format(n=2)})?|"
                   rf"{_PART_FLOW_FIRST.format(n=3)}(?:{_NEXT}(?:{_PART_FLOW_FIRST.format(n=4)}|{_PART.format(n=5)}))?)",
                   re.IGNORECASE)
FLOWS = {"exports": "export", "imports": "import"}


def flow_parts(r, pairs) -> list[tuple[str, str, str, int, int, object]]:
    """(party, other party, flow, start, end, pair frame) for each part of a pair's total split by flow; pairs are the
    sentence's frames naming one party each side, left to right. A part starts at its figure (or its flow word when
    the flow comes first), so the figure is read in the part, not in the total's clause."""
    out = []
    for m in PARTS.finditer(r.masked):
        pair = next((f for f in reversed(pairs) if f.end <= m.start() and len(f.country) == 1 and len(f.partner) == 1),
                    None)
        if pair is None:
            continue
        sides = (*pair.country, *pair.partner)
        if m.group(0).startswith(":") and not re.search(AMOUNT, r.masked[pair.end:m.start()]):
            continue  # a colon opens the parts only after the total's figure ('$939 million of trade: ...')
        owner = None
        for n in range(1, 6):
            if not m.group(f"flow{n}"):
                continue
            named = m.group(f"a{n}")
            if named:
                codes = [x.code for x in r.ents(m.start(f"a{n}"), m.end(f"a{n}"))]
                if len(codes) != 1 or codes[0] not in sides:
                    break  # a third party's flow: not a part of this pair's total
                owner = codes[0]
            elif owner is None:
                owner = _default_owner(r, pair, sides)
            other = pair.partner[0] if owner in pair.country else pair.country[0]
            first = min(m.start(f"amt{n}"), m.start(f"flow{n}"), m.start(f"a{n}") if named else m.end())
            last = max(m.end(f"amt{n}"), m.end(f"flow{n}"))
            out.append((owner, other, FLOWS[m.group(f"flow{n}").lower()], first, last, pair))
    return out


def _default_owner(r, pair, sides) -> str:
    """Whose flow a bare 'exports' is: the cited reporter's when it is one of the pair, else the pair's first party."""
    reporters = [c for c in r.reporter_codes if c in sides]
    return reporters[0] if len(reporters) == 1 else pair.country[0]
