"""Find the sentences of a text that carry checkable content (amounts, changes, shares, ranks, comparisons,
institutional facts), with their character spans."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import MONEY_RE, PERCENT_RE, YEAR, find_mentions

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = {"u.s", "u.k", "e.u", "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "e.g", "i.e", "etc", "inc",
                 "ltd", "co", "corp", "gen", "gov", "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                 "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig", "bln", "mln", "bn", "mn", "p.m", "a.m",
                 "u.n", "jr", "sr"}
# A full stop, question or exclamation mark (with closing quotes or brackets) followed by space and a capital,
# digit or opening quote: a sentence boundary unless the word before it is an abbreviation or an initial.
_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")

# Trigger families: a sentence with one of these (and a named country, group, organization or year) is a candidate.
TRIGGERS: dict[str, re.Pattern] = {
    "amount": re.compile(MONEY_RE.pattern, re.IGNORECASE),
    "percent": re.compile(PERCENT_RE.pattern, re.IGNORECASE),
    "change": re.compile(r"\b(?:doubl|tripl|trebl|quadrupl|halv|\w+-fold|fold\b|times\b|increas|grew\b|grow|rose\b|"
                         r"rise|risen|declin|fell\b|fall|drop|dipp|dip\b|surg|soar|jump|climb|expand|shr[aui]nk|"
                         r"contract|record|plung|slump|tumbl|up by|down by|year[- ]on[- ]year)", re.IGNORECASE),
    "rank": re.compile(r"\b(?:main|largest|biggest|top|leading|principal|primary|number[- ]one|no\.\s?1|"
                       r"second[- ]largest|third[- ]largest|\w+[- ]largest|\w+[- ]biggest)\b.{0,40}?\bpartner",
                       re.IGNORECASE),
    "comparison": re.compile(r"\b(?:lag|lagg|overt[ao]ok|overtak|surpass|outstrip|outpac|exceed|eclips|ahead of|"
                             r"behind|more than|less than|larger than|bigger than|smaller than|twice as|than ever|reliant|dependent)",
                             re.IGNORECASE),
    "membership": re.compile(r"\b(?:join|member|accession|acced|admitted|observer|dialogue partner|found|formed|"
                             r"establish|created|never joined|expanded|enlarg)", re.IGNORECASE),
    "summit": re.compile(r"\b(?:summit|meeting of the (?:SCO )?Council|Council of Heads|declaration|host)",
                         re.IGNORECASE),
    "share": re.compile(r"\b(?:share|accounts? for|accounted for|makes? up|made up|represents?|percent of|% of|"
                        r"proportion)\b", re.IGNORECASE),
}
_YEAR_RE = re.compile(rf"\b{YEAR}\b")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the input: its character span and its text."""

    start: int
    end: int
    text: str


@dataclass
class Candidate:
    """A sentence with checkable content and the trigger families found in it."""

    sentence: Sentence
    index: int
    triggers: set[str] = field(default_factory=set)


def sentences(text: str) -> list[Sentence]:
    """Split text into sentences (paragraph breaks always split), keeping each sentence's span in text."""
    out: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        chunk = para.group(0)
        cut = 0
        for m in _BOUNDARY.finditer(chunk):
            before = _WORD_BEFORE.search(chunk[cut:m.start()])
            if before:
                word = before.group(1).lower().rstrip(".")
                if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha() and chunk[m.start()] == "."):
                    continue
            end = m.start() + 1
            while end < len(chunk) and chunk[end] in "\"”’')]":
                end += 1
            _add(out, text, start + cut, start + end)
            cut = m.end()
        _add(out, text, start + cut, start + len(chunk))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


def candidates(text: str) -> list[Candidate]:
    """The sentences with a trigger (amount, percent, change, rank, comparison, membership, summit, share) and a
    named country, group, organization, city or year: what the parser then reads."""
    out = []
    for index, sentence in enumerate(sentences(text)):
        triggers = {name for name, pattern in TRIGGERS.items() if pattern.search(sentence.text)}
        if not triggers:
            continue
        if find_mentions(sentence.text) or _YEAR_RE.search(sentence.text) or triggers & {"amount", "percent"}:
            out.append(Candidate(sentence, index, triggers))
    return out
