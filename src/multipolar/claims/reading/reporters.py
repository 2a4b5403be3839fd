"""Whose figures a sentence cites: a named statistics office or customs service ('China's General Administration of
Customs', 'Rosstat', 'Eurostat'), '<country> statistics/customs/data', or 'according to <country>'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from .prefilter import finditer

# Named bodies whose figures a text may cite → the reporter code the evidence knows (ISO3, EUU for the EU, IMF).
BODIES: list[tuple[str, str]] = [
    (r"\bGACC\b|General Administration of Customs|Chinese customs|China['’]s customs|customs data from "
     r"(?:China|Beijing)|Chinese (?:official )?(?:data|statistics|figures)|China['’]s (?:official )?"
     r"(?:data|statistics|figures)|Beijing['’]s (?:data|figures)|MOFCOM|China['’]s (?:Ministry|Commerce Ministry)", "CHN"),
    (r"\bFCS\b|Federal Customs Service|Russian customs|Russia['’]s customs|Rosstat|Russian (?:official )?"
     r"(?:data|statistics|figures|officials|government)|Kremlin", "RUS"),
    (r"Bureau of National Statistics|Kazakh(?:stan['’]s)? (?:official )?(?:statistics|customs|statistical)|"
     r"Kazakhstan['’]s State Revenue Committee", "KAZ"),
    (r"National Statistical Committee|Kyrgyz(?:stan['’]s)? (?:official )?(?:statistics|customs|statistical)|"
     r"NSC of Kyrgyzstan", "KGZ"),
    (r"Uzbek(?:istan['’]s)? (?:official )?(?:statistics|customs|statistical)|Statistics Agency under the President"
     r"|Uzstat|Statistics Agency of Uzbekistan", "UZB"),
    (r"Tajik(?:istan['’]s)? (?:official )?(?:statistics|customs|statistical)|Tajikistan['’]s statistics agency", "TJK"),
    (r"Armstat|Armenia['’]s Statistical Committee", "ARM"),
    (r"Geostat|Georgia['’]s (?:National )?Statistics Office", "GEO"),
    (r"\bDestatis\b", "DEU"),
    (r"\bEurostat\b|EU statistics|Comext", "EUU"),
    (r"\bIMF\b|International Monetary Fund|Direction of Trade", "IMF"),
]
_BODY_RES = [(re.compile(p, re.IGNORECASE), code) for p, code in BODIES]
STAT_WORDS = r"(?:official\s+)?(?:customs|statistics|statistical|statistic|data|figures|reports?|numbers|government)"
# An official or body of a state speaking for it ('a Kyrgyz deputy prime minister said', 'China's ambassador wrote',
# 'said Kazakhstan's ambassador'): the figures they give are that state's own.
OFFICIAL = r"(?:(?:first\s+|former\s+|acting\s+)?(?:deputy\s+|vice[- ])?(?:prime\s+minister|premier|PM|president|" \
           r"presidency|ambassador|envoy|embassy|consul(?:ate)?|(?:\w+\s+){0,2}minister|(?:\w+\s+)?ministry|" \
           r"cabinet(?:\s+of\s+ministers)?|authorities|officials?|trade\s+representative|customs\s+service|" \
           r"(?:national\s+)?(?:statistics|statistical)\s+(?:agency|committee|office|service|bureau))|" \
           r"state\s+(?:statistics|statistical)\s+\w+)\b"

# "By <Outlet>'s calculation/estimate", "<Outlet>'s own calculations show": figures the outlet computed itself (a
# country named there is masked, so its own official figures never match this).
OWN_CALCULATION = re.compile(r"\b(?:[Bb]y|[Aa]ccording\s+to|[Pp]er)\s+(?:the\s+)?[A-Z][\w.&-]+(?:\s+[A-Z][\w.&-]+)*['’]s?\s+"
                             r"(?:own\s+)?(?:calculations?|estimates?|reckoning|count|analysis)\b")


@dataclass
class Reporter:
    """The statistics a sentence names: reporter codes in the order named, and the spans that name them."""

    codes: list[str]
    spans: list[tuple[int, int]]

    def covers(self, position: int) -> bool:
        return any(a <= position < b for a, b in self.spans)


def find_reporter(sentence) -> Reporter | None:
    """The reporters a sentence (a Reading) names, or None."""
    from .sentence import E, EL  # the masked-mention placeholders

    codes: list[str] = []
    spans: list[tuple[int, int]] = []
    for pattern, code in _BODY_RES:
        for m in finditer(pattern, sentence.text):
            owner = _owner(sentence, m.start())
            start = m.start() if owner is None else owner[1]
            code = code if owner is None else owner[0]  # "Tajikistan's National Statistical Committee": Tajikistan's
            if code not in codes:
                codes.append(code)
            spans.append((start, m.end()))
    for m in re.finditer(rf"(?P<who>{E})\s+(?:national\s+|own\s+|official\s+)*{STAT_WORDS}\b", sentence.masked):
        ment = sentence.by_start.get(m.start("who"))
        if ment and ment.kind == "country" and not ment.pronoun and ment.code not in codes:
            codes.append(ment.code)
            spans.append((m.start(), m.end()))
    for m in re.finditer(rf"(?P<who>{E})\s+{OFFICIAL}", sentence.masked, re.IGNORECASE):
        ment = sentence.by_start.get(m.start("who"))
        if ment and ment.kind == "country" and not ment.pronoun:
            if ment.code not in codes:
                codes.append(ment.code)
            spans.append((m.start(), m.end()))
    for m in re.finditer(rf"\b(?:according to|citing|per|as reported by|reported by|data from|figures from|"
                         rf"statistics from|reports from|data of|figures of)\s+(?:the\s+)?(?:official\s+)?"
                         rf"(?:(?:national\s+)?{STAT_WORDS}\s+(?:from|of|by)\s+)?(?P<who>{EL})", sentence.masked):
        listed = sentence.codes(m.start("who"), m.end("who"), ("country",))
        for code in listed:
            if code not in codes:
                codes.append(code)
        last = [x for x in sentence.ents(m.start("who"), m.end("who"), ("country",)) if x.code in listed]
        spans.append((m.start(), last[-1].end if last else m.end()))
    # "By Sputnik's calculation": an outlet's own arithmetic, which no source in the data is (code OUTLET)
    for m in finditer(OWN_CALCULATION, sentence.masked):
        if "OUTLET" not in codes:
            codes.append("OUTLET")
        spans.append((m.start(), m.end()))
    return Reporter(codes, spans) if codes else None


def _owner(sentence, position: int) -> tuple[str, int] | None:
    """The country whose possessive stands right before a named body ('Tajikistan's National Statistical Committee'):
    a body's usual country never overrides the one the text names (code, start of the possessive)."""
    m = re.search(r"⟨#*⟩(?:['’]s)?\s+(?:own\s+|official\s+)?$", sentence.masked[max(0, position - 80):position])
    if not m:
        return None
    start = max(0, position - 80) + m.start()
    ment = sentence.by_start.get(start)
    if ment is None or ment.kind != "country" or ment.pronoun or not ment.possessive:
        return None
    return ment.code, start
