"""Trade frames: whose trade with whom a sentence talks about ('China's trade with Russia', 'exports from the West
into Central Asia', 'Kazakhstan traded $N worth of goods with China'), with the flow seen from the first party's
side. A clause that names only a flow ('while imports fell') continues the previous frame."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sentence import E, EL, GAP

_TRADE = r"(?:bilateral\s+|mutual\s+|total\s+|overall\s+|foreign\s+|two-way\s+|goods\s+|merchandise\s+)*" \
         r"(?:trade(?:\s+turnover)?|turnover|commerce|trade\s+volume)"
_GOODS = r"(?:of\s+[\w\s-]{1,30}?\s+)?"
FRAME_PATTERNS: list[tuple[str, str]] = [
    (rf"(?:{_TRADE})(?:[^.;]|\.(?=\d)){{0,25}}?\bbetween\s+(?:the\s+)?(?P<a>{EL})\s+and\s+(?P<b>{EL})", "turnover"),
    (rf"(?P<a>{E})\s*[-–—/]\s*(?P<b>{E})\s+(?:{_TRADE})", "turnover"),
    (rf"(?P<a>{EL})\s+(?:{_TRADE})\s+(?:turnover\s+)?with\s+(?:the\s+)?(?P<b>{EL})", "turnover"),
    (rf"(?:{_TRADE})\s+(?:turnover\s+)?of\s+(?P<a>{E})\s+with\s+(?P<b>{EL})", "turnover"),
    (rf"(?P<a>{E})\s+and\s+(?P<b>{E})\s+(?:{_TRADE})", "turnover"),
    (rf"(?P<a>{EL})\s+(?:total\s+|overall\s+)?(?:exports?|shipments|sales|deliveries|supplies)\s+{_GOODS}"
     rf"(?:to|into|for)\s+(?:the\s+|parts\s+of\s+)?(?P<b>{EL})", "export"),
    (rf"(?:exports?|shipments|exporting|deliveries)\s+{_GOODS}from\s+(?:the\s+)?(?P<a>{EL})\s+"
     rf"(?:in)?to\s+(?:the\s+|parts\s+of\s+)?(?P<b>{EL})", "export"),
    (rf"(?P<a>{E})\s+(?:exported|shipped|sold)\b{GAP}{{0,60}}?\bto\s+(?P<b>{EL})", "export"),
    (rf"(?P<a>{EL})\s+(?:total\s+)?(?:imports?|purchases)\s+{_GOODS}from\s+(?:the\s+)?(?P<b>{EL})", "import"),
    (rf"(?:imports?|purchases)\s+{_GOODS}from\s+(?P<b>{EL})\s+(?:in)?to\s+(?P<a>{EL})", "import"),
    (rf"(?P<a>{E})\s+(?:imported|bought|purchased)\b{GAP}{{0,60}}?\bfrom\s+(?P<b>{EL})", "import"),
    (rf"(?:imported|bought|purchased)\s+by\s+(?P<a>{E})\s+from\s+(?P<b>{EL})", "import"),
    (rf"(?P<a>{E}){GAP}{{0,40}}?\b(?:traded|trade|trades)\s+(?:turnover\s+)?with\s+(?:the\s+)?(?P<b>{EL})", "turnover"),
]
_COMPILED = [(re.compile(p, re.IGNORECASE), flow) for p, flow in FRAME_PATTERNS]


@dataclass
class Frame:
    """Whose trade with whom: countries (or group ids), partners, flow, and the span that named them."""

    country: list[str]
    partner: list[str]
    flow: str
    start: int
    end: int


def frames(r) -> list[Frame]:
    """The trade frames of a sentence (a Reading), left to right, computed once per sentence."""
    if "frames" in r.cache:
        return r.cache["frames"]
    found: list[Frame] = []
    for pattern, flow in _COMPILED:
        for m in pattern.finditer(r.masked):
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            a = [x.code for x in r.ents(m.start("a"), m.end("a")) if not r.in_reporter(x)]
            b = [x.code for x in r.ents(m.start("b"), m.end("b")) if not r.in_reporter(x)]
            if not a or not b or set(a) & set(b) and len(a) == len(b) == 1:
                continue
            found.append(Frame(_uniq(a), _uniq(b), flow, m.start(), m.end()))
    found.sort(key=lambda f: f.start)
    r.cache["frames"] = found
    return found


def _uniq(items):
    out = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


def regions(r) -> list[tuple[Frame, tuple[int, int]]]:
    """Each frame with the part of the sentence its figures are read from: up to the next frame."""
    found = frames(r)
    return [(f, (f.start, found[i + 1].start if i + 1 < len(found) else len(r.text))) for i, f in enumerate(found)]


def base_fields(r, frame: Frame) -> dict:
    """The scope fields of a trade claim read in a frame: country, partner, flow, and the reporter the text cites."""
    fields = {"country": frame.country, "partner": frame.partner, "flow": frame.flow}
    if r.reporter:
        fields["reporter"] = r.reporter_codes
    return fields
