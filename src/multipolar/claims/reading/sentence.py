"""The sentence under reading: its mentions masked out (so patterns read 'A's trade with B'), pronouns resolved to
the sentence's or the paragraph's subject, its times, the reporter it names, the claims read so far and the
figures they took; and the context earlier sentences leave for later ones."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..model import Claim
from .entities import MEMBER_GROUPS, Mention, find_mentions
from .reporters import Reporter, find_reporter
from .sentences import Sentence
from .times import Time, find_times
from .prefilter import finditer, search

# Placeholder of a masked mention: same length as the mention so offsets stay valid.
E = r"⟨#*⟩"
# A list of mentions: "A, B and C".
EL = rf"{E}(?:(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s*&\s*|\s+as well as\s+)(?:the\s+)?{E})*"
# Any character but a sentence stop or the start of another mention (keeps "X ... verb" patterns on the nearest X).
GAP = r"(?:(?!⟨)(?:[^.;]|\.(?=\d)))"
# Pronouns that stand for a country: possessive ("its trade") and subject ("It is now the main partner").
_PRONOUN = re.compile(r"\b(?:its|Its|It|it|the country['’]s|the country|the region['’]s|the region)\b")


@dataclass
class Context:
    """What earlier sentences established: the article date, the last time named, the country a pronoun refers to
    (the paragraph's subject), the organization and the summits under discussion."""

    date: dt.date | None = None
    last_time: Time | None = None
    focus: str | None = None
    org: str | None = None
    summits: list[tuple[int, str]] = field(default_factory=list)
    summit_city: str | None = None
    pair: tuple[str, str] | None = None  # the last two countries a sentence named ("the two countries")
    region: str | None = None            # the last group named ("the region")
    last_trade: object = None            # the payload of the last trade figure read ("$41 billion of that")
    trade_gap: int = 0                   # sentences read since the one that gave last_trade (0: the one before)
    resolution: tuple | None = None      # the UN resolution named last: (symbol, words, year) ("the resolution")
    declarations: list = field(default_factory=list)  # the declarations named last: [(year, city)] ("the leaders noted")
    named: dict = field(default_factory=dict)  # how often each country was named so far (the text's topic)

    def topic(self, exclude=()) -> str | None:
        """The country the text is about: named most often so far (at least twice, clearly more than any other)."""
        ranked = sorted(((n, c) for c, n in self.named.items() if c not in exclude), reverse=True)
        if not ranked or ranked[0][0] < 2 or (len(ranked) > 1 and ranked[1][0] * 1.5 > ranked[0][0]):
            return None
        return ranked[0][1]


class Reading:
    """One sentence under reading; claim kinds' read() functions take it and add claims with add()."""

    def __init__(self, sentence: Sentence, ctx: Context, triggers: set[str] | None = None):
        self.s = sentence
        self.text = sentence.text
        self.ctx = ctx
        self.triggers = triggers or set()
        if sentence.paragraph_start and not _continues(sentence.text):
            ctx.focus = None  # a new paragraph starts a new subject unless it opens with a pronoun
        named = [m for m in find_mentions(self.text) if not in_event(self.text, m)]
        self.mentions = sorted(named + self._pronouns(named), key=lambda m: m.start)
        self.by_start = {m.start: m for m in self.mentions}
        chars = list(self.text)
        for m in self.mentions:
            length = m.end - m.start
            chars[m.start:m.end] = list("⟨" + "#" * (length - 2) + "⟩")
        self.masked = BRACKETED.sub(lambda m: " " * len(m.group(0)),
                                    blank_appositions("".join(chars), {m.start for m in self.mentions if m.pronoun}))
        self.times = find_times(self.text)
        self.claims: list[Claim] = []
        self.used: list[tuple[int, int]] = []  # spans of figures already turned into claims
        self.cache: dict = {}  # what one kind's reader computed for the others (e.g. the trade frames)
        self.reporter: Reporter | None = find_reporter(self)

    # --- pronouns -------------------------------------------------------------------------------------------------

    def _pronouns(self, named: list[Mention]) -> list[Mention]:
        out = []
        for m in finditer(_PRONOUN, self.text):
            if any(x.start < m.end() and m.start() < x.end for x in named):
                continue
            word = m.group(0)
            after_preposition = word == "it" and re.search(r"\b(?:to|from|with|into|for)\s+$", self.text[:m.start()])
            if word in ("it", "It") and not after_preposition and not re.match(r"\s+(?:now\s+|still\s+|also\s+|alone\s+)?(?:is|was|has|had|"
                                                     r"became|remains|remained|ranks?|ranked|took|takes|holds|held|"
                                                     r"accounted|accounts|makes|made|represents?|represented|"
                                                     r"comprises?|constitutes?|overtook|supplied|supplies|provided|"
                                                     r"voted|joined|exported|imported|traded|bought|sold|suspended|"
                                                     r"left|withdrew|restored|rejoined|quit|refused|signed|ratified|"
                                                     r"received|gained|obtained)\b", self.text[m.end():]):
                continue  # "it said", "make it": not a country standing in a claim
            before = [x for x in named if x.end <= m.start() and x.kind in ("country", "group")]
            code = before[0].code if before and word not in ("It", "it", "Its") else self.ctx.focus
            if word.startswith("the region"):
                groups = [x.code for x in before if x.kind == "group"]
                code = groups[-1] if groups else self.ctx.region
            if word in ("it", "It") and before:
                code = before[-1].code  # "imported $X from A and exported $Y to it": A, the country named last
            elif after_preposition:
                continue
            if code is None:
                continue
            out.append(Mention(m.start(), m.end(), code, "country" if len(code) == 3 and code.isupper()
                               and code not in MEMBER_GROUPS else "group", word, word.endswith("s"), True))
        return out

    # --- helpers --------------------------------------------------------------------------------------------------

    def ents(self, start: int, end: int, kinds=("country", "group")) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end and m.kind in kinds]

    def codes(self, start: int, end: int, kinds=("country", "group")) -> list[str]:
        """Codes of the mentions in [start, end) read as one list: "A, B and C" ends at C (a following ", D" starts
        something else, as in "reports from Uzbekistan and Kazakhstan, China makes up ...")."""
        out: list[str] = []
        anded = False
        last_end = None
        found = self.ents(start, end, kinds)
        for m in found:
            if last_end is not None:
                gap = self.text[last_end:m.start]
                if anded and "," in gap:
                    break
                if re.search(r"\band\b|&|as well as", gap):
                    anded = True
            if m.code not in out:
                out.append(m.code)
            last_end = m.end
        if len(out) == 2 and not anded and len(found) == 2 and \
                re.fullmatch(r"\s*,\s*", self.text[found[0].end:found[1].start]):
            return out[1:]  # "hosted by India, Iran joined": two names and a comma are no list; the second acts
        return out

    def code_at(self, start: int, kinds=("country", "group")) -> str | None:
        m = self.by_start.get(start)
        return m.code if m is not None and m.kind in kinds else None

    def add(self, kind: str, start: int, end: int, fields: dict) -> Claim:
        """A claim of a registered kind from text[start:end] with the fields its payload declares."""
        from ..registry import get_kind, make

        start, end = max(0, start), min(len(self.text), end)
        payload = make(get_kind(kind).payload, fields)
        claim = Claim(text=self.text[start:end], span=(self.s.start + start, self.s.start + end), type=kind,
                      payload=payload, sentence_span=(self.s.start, self.s.end))
        self.claims.append(claim)
        return claim

    def take(self, start: int, end: int) -> None:
        """Mark text[start:end] as read (a figure a claim used)."""
        self.used.append((start, end))

    def org_default(self, start: int = 0, end: int | None = None) -> str | None:
        orgs = [m.code for m in self.ents(start, len(self.text) if end is None else end, ("org", "group"))
                if m.kind == "org" or m.code in MEMBER_GROUPS]
        return orgs[-1] if orgs else self.ctx.org

    def org_before(self, position: int) -> str | None:
        """The organization named last before position (else the one under discussion)."""
        orgs = [m.code for m in self.mentions if m.start < position and (m.kind == "org" or m.code in MEMBER_GROUPS)]
        return orgs[-1] if orgs else self.ctx.org

    def org_at(self, start: int) -> str | None:
        ment = self.by_start.get(start)
        if ment and (ment.kind == "org" or ment.code in MEMBER_GROUPS):
            return ment.code
        return None

    def in_reporter(self, mention: Mention) -> bool:
        return self.reporter is not None and self.reporter.covers(mention.start)

    @property
    def reporter_codes(self) -> list[str]:
        return list(self.reporter.codes) if self.reporter else []

    def overlaps_used(self, start: int, end: int) -> bool:
        return any(start < b and a < end for a, b in self.used)

    def times_between(self, start: int, end: int) -> list[Time]:
        return [t for t in self.times if start <= t.start and t.end <= end]

    def year_in(self, start: int, end: int) -> int | None:
        for tm in self.times:
            if start <= tm.start <= end and tm.year:
                return tm.year
        return None

    def subject(self) -> str | None:
        """The sentence's subject: its first country or group named outside a reporter phrase (else the paragraph's)."""
        for m in self.mentions:
            if m.kind in ("country", "group") and not self.in_reporter(m):
                return m.code
        return self.ctx.focus


# An apposition without a figure between a named subject and its verb ("Vietnam's arms imports from Russia, its
# traditional top supplier, dropped ...", "The GDP of X, the region's largest economy, was ..."): blanked in the masked
# text (same length, offsets kept) so that patterns read the subject with its verb.
APPOSITION = re.compile(r"(?<=⟩)(?:['’]s)?(?:\s+[a-z][a-z-]*){0,3}(?P<app>\s*,\s+(?:(?P<pron>⟨#+⟩)|the|a|an|one\s+of|once|now|then|long|"
                        r"already|formerly)\s(?:(?!\b(?:is|are|was|were|has|had|have|will|would|can|could|did|does|do)\b)[^,;:()\d%$€]){2,80}?,)(?=\s+(?!(?:and|or|but|which|who|whose|while|with|"
                        r"according|as|in|on|at|by|for|from|to|said|says|say|told|added|noted)\b)[a-z])")


# An amount in brackets right after a percentage ("21% ($4.1bn) of its trade"): blanked in the masked text so the
# share reads through it; the kind that reads the share reads the amount from the text.
BRACKETED = re.compile(r"(?:(?<=%)|(?<=percent)|(?<=per cent))\s*\(\s*(?:about\s+|some\s+|nearly\s+|over\s+)?(?:US\$|\$|€|USD|EUR)\s?\d[\d.,]*\s?"
                       r"(?:trillion|billion|million|tn|bn|mn|m|b)?\s*\)")


# A country inside an event phrase dates a claim and is never its party: "the invasion of Ukraine", "the war in
# Ukraine", "Russia's annexation of Crimea", "the conflict in Afghanistan".
_EVENT = r"(?:full-scale\s+)?(?:invasion|war|conflict|annexation|occupation|fighting|coup|unrest)"
EVENT_BEFORE = re.compile(rf"\b{_EVENT}\s+(?:of|in|on|against)\s+(?:the\s+)?$", re.IGNORECASE)
EVENT_AFTER = re.compile(rf"['’]s\s+{_EVENT}\b|\s+{_EVENT}\b(?!\s+(?:with|against|on)\b)", re.IGNORECASE)


def in_event(text: str, mention) -> bool:
    """Whether a named country stands inside an event phrase ('the invasion of Ukraine', "Russia's war")."""
    return bool(search(EVENT_BEFORE, text[max(0, mention.start - 40):mention.start])
                or EVENT_AFTER.match(text, mention.end))


def blank_appositions(masked: str, pronouns: set[int]) -> str:
    """masked with its appositions blanked (an apposition opening with a possessive must open with a pronoun)."""
    def blank(m):
        if m.group("pron") and m.start("pron") not in pronouns:
            return m.group(0)
        return m.group(0)[:m.start("app") - m.start()] + " " * len(m.group("app"))
    return APPOSITION.sub(blank, masked)


def _continues(text: str) -> bool:
    return bool(re.match(r"\s*(?:It|Its|The country|This|That|These|Those|Such)\b", text))


def update_context(r: Reading) -> None:
    """What this sentence leaves for the next: its last dated time, organization, subject and summit city."""
    ctx = r.ctx
    dated = [t for t in r.times if t.kind in ("year", "month", "since", "range", "base")]
    if dated:
        ctx.last_time = dated[-1]
    orgs = [m.code for m in r.mentions if m.kind == "org"]
    if orgs:
        ctx.org = orgs[-1]
    focus = [c.parsed.get("partner") for c in r.claims if c.type in ("share", "rank") and c.parsed.get("partner")]
    countries = [m for m in r.mentions if m.kind == "country" and not r.in_reporter(m) and not m.pronoun]
    groups = [m.code for m in r.mentions if m.kind == "group" and not m.pronoun]
    if groups:
        ctx.region = groups[-1]
    trade = [c for c in r.claims if c.type in ("level", "change", "multiple")]
    if trade:
        ctx.last_trade = trade[-1].payload
        ctx.trade_gap = 0
    else:
        ctx.trade_gap += 1
    for m in countries:
        ctx.named[m.code] = ctx.named.get(m.code, 0) + 1
    named = list(dict.fromkeys(m.code for m in countries))
    if len(named) >= 2:
        ctx.pair = (named[0], named[1])
    if focus:
        p = focus[-1]
        ctx.focus = p[0] if isinstance(p, list) else p
    elif countries:
        ctx.focus = countries[0].code
    for m in re.finditer(rf"(?P<c1>{E})\s+[Ss]ummit|[Ss]ummit\s+(?:was\s+)?(?:held\s+)?in\s+(?P<c2>{E})", r.masked):
        ment = r.by_start.get(m.start("c1") if m.group("c1") else m.start("c2"))
        if ment and ment.kind == "city" and ctx.summit_city is None:
            ctx.summit_city = ment.code  # the first summit an article names is the one it is about
