"""Turn candidate sentences into typed claims: who (countries, groups), what (flow, statistic), when (periods,
relative dates), how much (amounts, shares, multiples, ranks), how hedged, and according to whom."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .detect import Sentence, candidates, sentences
from .lexicon import (CITIES, FRACTIONS, MONEY_RE, MONTHS, NUMBER_WORDS, ORDINALS, PERCENT_RE, SCALES, WEEKDAYS,
                      YEAR, Mention, find_mentions, hedge_before, parse_number)
from .model import Claim

# Events articles date changes from ("since the invasion"): the year they happened. Annual comparisons use the last
# full year before it as the base (2022's figures already contain the post-invasion months).
EVENTS = {"invasion": 2022, "full-scale invasion": 2022, "war": 2022, "war in ukraine": 2022, "sanctions": 2022,
          "pandemic": 2020, "covid": 2020, "covid-19": 2020, "the start of the war": 2022}
MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|" \
           r"Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
# Placeholder of a masked mention: same length as the mention so offsets stay valid.
E = r"⟨#*⟩"
EL = rf"{E}(?:(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s*&\s*|\s+as well as\s+){E})*"
# Any character but a sentence stop or the start of another mention (keeps "X ... verb" patterns on the nearest X).
GAP = r"(?:(?!⟨)(?:[^.;]|\.(?=\d)))"
RANKWORD = (r"(?P<rk>main|largest|biggest|top|leading|principal|primary|key|number[- ]one|No\.\s?1|first|"
            r"(?:second|third|fourth|fifth|2nd|3rd|4th|5th)[- ](?:largest|biggest)|second|third)")
PARTNER = r"(?:(?:trade|trading|trade and economic|economic|commercial|export|import|foreign trade)\s+)?partners?"
BE = r"(?:is|was|has been|remains|remained|became|has become|had become|is now|is still|will remain|stays|stayed)"
CHANGE_UP = r"rose|risen|rise|rising|increased|increase|increases|increasing|grew|grown|grow|growing|jumped|jump|" \
            r"climbed|climb|surged|surge|soared|soar|expanded|expand|gained|gain|went up|up|picked up|doubled"
CHANGE_DOWN = r"fell|fallen|fall|falling|decreased|decrease|declined|decline|declining|dropped|drop|dipped|dip|" \
              r"shrank|shrunk|shrink|contracted|contract|plunged|plunge|slumped|slump|tumbled|slid|down|sank|sunk"
MULTIPLE_RE = re.compile(
    r"\b(?P<word>doubled|doubling|tripled|trebled|tripling|quadrupled|quadrupling|halved|halving|"
    r"(?P<fold>\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)[- ]?fold|"
    r"(?:increased|grown|grew|risen|rose|expanded|multiplied)\s+(?:by\s+)?(?P<times>\d+(?:\.\d+)?|two|three|four|"
    r"five|six|seven|eight|nine|ten)\s+times)\b", re.IGNORECASE)
MULTIPLE_WORDS = {"doubl": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0, "halv": 0.5}
DIRECTION_RE = re.compile(rf"\b(?P<up>{CHANGE_UP})\b|\b(?P<down>{CHANGE_DOWN})\b", re.IGNORECASE)
GROWTH_RE = re.compile(
    rf"(?:\b(?P<up>{CHANGE_UP}|a rise of|an increase of|growth of|a jump of|a gain of)|"
    rf"\b(?P<down>{CHANGE_DOWN}|a fall of|a drop of|a decline of|a decrease of))"
    rf"\s+(?:by\s+|some\s+)?(?:(?P<h>more than|over|nearly|almost|about|around|roughly|just over|just under|"
    rf"some|at least|less than)\s+)?(?P<n>\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)"
    rf"|(?P<n2>\d+(?:\.\d+)?)\s?(?:%|percent|per cent)\s+(?:(?P<up2>increase|rise|growth|jump|gain|higher|more)|"
    rf"(?P<down2>decrease|decline|drop|fall|lower|less))", re.IGNORECASE)
REPORTER_PHRASES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\bGACC\b|General Administration of Customs|Chinese customs|China['’]s customs|customs data from "
                r"(?:China|Beijing)|Chinese (?:official )?(?:data|statistics|figures)|China['’]s (?:official )?"
                r"(?:data|statistics|figures)|Beijing['’]s (?:data|figures)|MOFCOM", re.IGNORECASE), "CHN"),
    (re.compile(r"\bFCS\b|Federal Customs Service|Russian customs|Russia['’]s customs|Rosstat|Russian (?:official )?"
                r"(?:data|statistics|figures|officials|government)|Kremlin", re.IGNORECASE), "RUS"),
    (re.compile(r"\bIMF\b|International Monetary Fund|Direction of Trade", re.IGNORECASE), "IMF"),
]
STAT_WORDS = r"(?:official\s+)?(?:customs|statistics|statistical|statistic|data|figures|reports?|numbers|government)"


@dataclass
class Time:
    """A time expression: kind ('year', 'since', 'range', 'month', 'partial', 'relative', 'yoy', 'base', 'now',
    'event', 'then', 'date'), its span in the sentence and what it resolves to."""

    start: int
    end: int
    kind: str
    year: int | None = None
    year2: int | None = None
    month: int | None = None
    day: int | None = None
    text: str = ""
    note: str = ""


@dataclass
class Context:
    """What earlier sentences established: the article date, the last year or time named, the country a pronoun
    refers to, the organization and the summits under discussion."""

    date: dt.date | None = None
    last_time: Time | None = None
    focus: str | None = None
    org: str | None = None
    summits: list[tuple[int, str]] = field(default_factory=list)
    summit_city: str | None = None


# --- times ------------------------------------------------------------------------------------------------------

_TIME_RE = re.compile(
    rf"\bsince\s+(?:(?P<s_then>then|that time)|(?:the\s+(?:start|beginning|end)\s+of\s+)?(?:(?P<s_month>{MONTH_RE})\s+"
    rf"(?:of\s+)?)?(?P<s_year>{YEAR})|(?:the\s+)?(?:start\s+of\s+the\s+|beginning\s+of\s+the\s+)?"
    rf"(?P<s_event>full-scale invasion|invasion|war in Ukraine|war|sanctions|pandemic|COVID-19|COVID))"
    rf"|\b(?:from|between)\s+(?P<r1>{YEAR})\s+(?:to|and|until|till|through)\s+(?P<r2>{YEAR})"
    rf"|\b(?P<rb1>{YEAR})\s*[-–—]\s*(?P<rb2>{YEAR})\b"
    rf"|\b(?:in\s+|during\s+|for\s+|over\s+)?(?:the\s+)?(?P<p>(?:first|second|third|last)\s+(?:half|quarter|"
    rf"(?:\w+\s+)?months?|nine months|six months)|H[12]|Q[1-4]|(?:{MONTH_RE})\s*[-–]\s*(?:{MONTH_RE})|"
    rf"(?:from\s+)?(?:{MONTH_RE})\s+(?:to|through|till|until)\s+(?:{MONTH_RE})|(?:through|until|up\s+to)\s+"
    rf"(?:the\s+end\s+of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November))"
    rf"(?:\s+(?:of\s+)?(?P<p_year>{YEAR}))?"
    rf"|\b(?:(?P<m_day>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<m_month>{MONTH_RE})\s+(?:(?P<m_day2>\d{{1,2}})"
    rf"(?:[-–/]\d{{1,2}})?,?\s+)?(?:of\s+)?(?P<m_year>{YEAR})"
    rf"|\b(?P<rel>last year|this year|the previous year|the past year|a year earlier|a year ago|last month|"
    rf"last week|yesterday|last (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    rf"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
    rf"|\b(?P<yoy>year[- ]on[- ]year|y/y|yoy|from a year earlier|from the previous year|over the previous year|"
    rf"compared (?:with|to) (?:a year earlier|the previous year|last year))"
    rf"|\b(?:compared (?:with|to)|versus|vs\.?|up from|down from|against)\s+(?:(?:US)?\$?[\d.,]+\s*\w*\s+)?"
    rf"(?:in\s+)?(?P<c_year>{YEAR})"
    rf"|\b(?P<y>{YEAR})(?![\d-])"
    rf"|\b(?P<now>now|currently|today|at present|these days|nowadays)\b"
    rf"|\b(?:because of|after|amid|following|due to|since)\s+(?:the\s+|Western\s+|international\s+)?"
    rf"(?P<event>sanctions|invasion|war in Ukraine|full-scale invasion|pandemic)",
    re.IGNORECASE)


def find_times(text: str) -> list[Time]:
    """The time expressions of a sentence, left to right."""
    out = []
    for m in _TIME_RE.finditer(text):
        g = m.groupdict()
        span = (m.start(), m.end())
        if g["s_then"]:
            out.append(Time(*span, "then", text=m.group(0)))
        elif g["s_year"]:
            month = MONTHS.get(g["s_month"].lower().rstrip(".")) if g["s_month"] else None
            out.append(Time(*span, "since", int(g["s_year"]), month=month, text=m.group(0)))
        elif g["s_event"]:
            year = EVENTS.get(g["s_event"].lower(), 2022)
            out.append(Time(*span, "since", year, text=m.group(0), note=f"'{g['s_event']}' dated {year}"))
        elif g["r1"] or g["rb1"]:
            a, b = int(g["r1"] or g["rb1"]), int(g["r2"] or g["rb2"])
            if a < b:
                out.append(Time(*span, "range", a, b, text=m.group(0)))
        elif g["p"] is not None:
            out.append(Time(*span, "partial", int(g["p_year"]) if g["p_year"] else None, text=m.group(0)))
        elif g["m_month"]:
            day = g["m_day"] or g["m_day2"]
            out.append(Time(*span, "month", int(g["m_year"]), month=MONTHS[g["m_month"].lower().rstrip(".")],
                            day=int(day) if day else None, text=m.group(0)))
        elif g["rel"]:
            out.append(Time(*span, "relative", text=g["rel"].lower().replace("on ", "")))
        elif g["yoy"]:
            out.append(Time(*span, "yoy", text=m.group(0)))
        elif g["c_year"]:
            out.append(Time(*span, "base", int(g["c_year"]), text=m.group(0)))
        elif g["y"]:
            out.append(Time(*span, "year", int(g["y"]), text=m.group(0)))
        elif g["now"]:
            out.append(Time(*span, "now", text=m.group(0)))
        elif g["event"]:
            year = EVENTS.get(g["event"].lower(), 2022)
            out.append(Time(*span, "event", year, text=m.group(0), note=f"'{g['event']}' dated {year}"))
    return out


def resolve_relative(word: str, date: dt.date | None) -> tuple[int | None, dt.date | None, str]:
    """'last year', 'last Thursday' relative to the article date: (year, day, note). Without a date: (None, None, why)."""
    if date is None:
        return None, None, f"'{word}' is relative and no article date was given (--date)"
    if word in ("last year", "the previous year", "the past year", "a year earlier", "a year ago"):
        return date.year - 1, None, f"'{word}' = {date.year - 1} (article dated {date.isoformat()})"
    if word == "this year":
        return date.year, None, f"'this year' = {date.year} (article dated {date.isoformat()})"
    if word == "yesterday":
        day = date - dt.timedelta(days=1)
        return day.year, day, f"'yesterday' = {day.isoformat()}"
    name = word.replace("last ", "")
    if name in WEEKDAYS:
        back = (date.weekday() - WEEKDAYS[name]) % 7
        if word.startswith("last") or back == 0:
            back = back or 7
        day = date - dt.timedelta(days=back)
        return day.year, day, f"'{word}' = {day.isoformat()} (article dated {date.isoformat()})"
    return None, None, f"'{word}' cannot be resolved to a year"


# --- the parser ---------------------------------------------------------------------------------------------------


class _Sentence:
    """One sentence under parsing: its text, the mentions masked out, times, numbers, and the claims found."""

    def __init__(self, sentence: Sentence, ctx: Context):
        self.s = sentence
        self.text = sentence.text
        self.ctx = ctx
        self.mentions = find_mentions(self.text)
        self.by_start = {m.start: m for m in self.mentions}
        chars = list(self.text)
        for m in self.mentions:
            length = m.end - m.start
            chars[m.start:m.end] = list("⟨" + "#" * (length - 2) + "⟩")
        self.masked = "".join(chars)
        self.times = find_times(self.text)
        self.claims: list[Claim] = []
        self.used: list[tuple[int, int]] = []  # spans of figures already turned into claims
        self.reporter = self._reporter()

    # helpers
    def ents(self, start: int, end: int, kinds=("country", "group")) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end and m.kind in kinds]

    def codes(self, start: int, end: int, kinds=("country", "group")) -> list[str]:
        """Codes of the mentions in [start, end) read as one list: "A, B and C" ends at C (a following ", D" starts
        something else, as in "reports from Uzbekistan and Kazakhstan, China makes up ...")."""
        out = []
        anded = False
        last_end = None
        for m in self.ents(start, end, kinds):
            if last_end is not None:
                gap = self.text[last_end:m.start]
                if anded and "," in gap:
                    break
                if re.search(r"\band\b|&|as well as", gap):
                    anded = True
            if m.code not in out:
                out.append(m.code)
            last_end = m.end
        return out

    def add(self, type_: str, start: int, end: int, parsed: dict) -> Claim:
        start, end = max(0, start), min(len(self.text), end)
        claim = Claim(text=self.text[start:end], span=(self.s.start + start, self.s.start + end), type=type_,
                      parsed={k: v for k, v in parsed.items() if v is not None and v != [] and v != ""},
                      sentence_span=(self.s.start, self.s.end))
        if self.ctx.date is not None:
            claim.parsed.setdefault("as_of", self.ctx.date.isoformat())
        self.claims.append(claim)
        return claim

    def org_default(self, start: int = 0, end: int | None = None) -> str | None:
        orgs = [m.code for m in self.ents(start, len(self.text) if end is None else end, ("org", "group"))
                if m.kind == "org" or m.code in ("SCO", "EAEU")]
        return orgs[-1] if orgs else self.ctx.org

    def _reporter(self) -> dict | None:
        """The statistics a sentence names ('according to Chinese customs', 'official reports from Kazakhstan')."""
        countries: list[str] = []
        spans = []
        for pattern, code in REPORTER_PHRASES:
            for m in pattern.finditer(self.text):
                if code not in countries:
                    countries.append(code)
                spans.append((m.start(), m.end()))
        for m in re.finditer(rf"(?P<who>{E})\s+(?:national\s+|own\s+|official\s+)*{STAT_WORDS}\b", self.masked):
            ment = self.by_start.get(m.start("who"))
            if ment and ment.kind == "country" and ment.code not in countries:
                countries.append(ment.code)
                spans.append((m.start(), m.end()))
        for m in re.finditer(rf"\b(?:according to|citing|per|as reported by|reported by|data from|figures from|"
                             rf"statistics from|reports from|data of|figures of)\s+(?:the\s+)?(?:official\s+)?"
                             rf"(?:(?:national\s+)?{STAT_WORDS}\s+(?:from|of|by)\s+)?(?P<who>{EL})", self.masked):
            listed = self.codes(m.start("who"), m.end("who"), ("country",))
            for code in listed:
                if code not in countries:
                    countries.append(code)
            last = [x for x in self.ents(m.start("who"), m.end("who"), ("country",)) if x.code in listed]
            spans.append((m.start(), last[-1].end if last else m.end()))
        if not countries:
            return None
        return {"countries": countries, "spans": spans}

    def in_reporter(self, mention: Mention) -> bool:
        return bool(self.reporter) and any(a <= mention.start < b for a, b in self.reporter["spans"])

    def overlaps_used(self, start: int, end: int) -> bool:
        return any(start < b and a < end for a, b in self.used)

    def times_between(self, start: int, end: int) -> list[Time]:
        return [t for t in self.times if start <= t.start and t.end <= end]


def parse(text: str, date: dt.date | None = None) -> list[Claim]:
    """Every typed claim in text, in order of position. date: the article's date, for 'last year' and 'now'."""
    ctx = Context(date=date)
    flagged = {c.index for c in candidates(text)}
    claims: list[Claim] = []
    for index, sentence in enumerate(sentences(text)):
        ps = _Sentence(sentence, ctx)
        if index in flagged:
            for builder in (_membership, _founding, _summits, _quotes, _trade, _leftover_figures):
                builder(ps)
            claims.extend(ps.claims)
        _update_context(ps, ctx)
    claims.sort(key=lambda c: (c.span[0], c.span[1]))
    return claims


def _update_context(ps: _Sentence, ctx: Context) -> None:
    dated = [t for t in ps.times if t.kind in ("year", "month", "since", "range", "base")]
    if dated:
        ctx.last_time = dated[-1]
    orgs = [m.code for m in ps.mentions if m.kind == "org"]
    if orgs:
        ctx.org = orgs[-1]
    focus = [c.parsed.get("partner") for c in ps.claims if c.type in ("share", "rank") and c.parsed.get("partner")]
    countries = [m for m in ps.mentions if m.kind == "country" and not ps.in_reporter(m)]
    if focus:
        p = focus[-1]
        ctx.focus = p[0] if isinstance(p, list) else p
    elif countries:
        ctx.focus = countries[0].code
    for m in re.finditer(rf"(?P<c1>{E})\s+[Ss]ummit|[Ss]ummit\s+(?:was\s+)?(?:held\s+)?in\s+(?P<c2>{E})", ps.masked):
        ment = ps.by_start.get(m.start("c1") if m.group("c1") else m.start("c2"))
        if ment and ment.kind == "city" and ctx.summit_city is None:
            ctx.summit_city = ment.code  # the first summit an article names is the one it is about


# --- membership and founding ------------------------------------------------------------------------------------

_WHEN = rf"(?P<when>(?:(?:\d{{1,2}}\s+)?{MONTH_RE}\s+(?:\d{{1,2}},?\s+)?(?:of\s+)?)?{YEAR})"


def _date_of(text: str) -> tuple[int, int | None, int | None]:
    m = re.search(rf"(?:(?P<d>\d{{1,2}})\s+)?(?:(?P<mo>{MONTH_RE})\s+(?:(?P<d2>\d{{1,2}}),?\s+)?(?:of\s+)?)?"
                  rf"(?P<y>{YEAR})", text)
    if not m:
        return 0, None, None
    month = MONTHS.get(m.group("mo").lower().rstrip(".")) if m.group("mo") else None
    day = m.group("d") or m.group("d2")
    return int(m.group("y")), month, int(day) if day else None


def _membership(ps: _Sentence) -> None:
    t, mk = ps.text, ps.masked
    # "Iran joined in 2023", "India and Pakistan joined the SCO in 2017", "Belarus became a full member in July 2024"
    for m in re.finditer(rf"(?P<who>{EL})\s+(?:(?:also|officially|formally|finally|only|both|then)\s+)?"
                         rf"(?:joined|acceded to|became\s+(?:a\s+|an\s+|the\s+[\w-]+\s+|its\s+[\w-]+\s+)?"
                         rf"(?:full(?:[- ]fledged)?,?\s+)?(?:[\w-]+\s+)?(?P<role>member|members|member state|observer|"
                         rf"observer state|dialogue partner)(?:\s+(?:of|in))?|"
                         rf"(?:was|were)\s+admitted(?:\s+(?:to|into))?|gained\s+(?:full\s+)?membership(?:\s+in)?)"
                         rf"(?:\s+(?:the\s+)?(?P<org>{E}))?(?P<mid>[^.;()]{{0,40}}?)\b(?:in|on)\s+{_WHEN}", mk):
        who = [x for x in ps.codes(m.start("who"), m.end("who"), ("country",))]
        org = _org_at(ps, m.start("org")) if m.group("org") else ps.org_default()
        if not who or not org:
            continue
        year, month, day = _date_of(t[m.start("when"):m.end("when")])
        ord_re = r"(?P<o>\d+)(?:st|nd|rd|th)|(?P<w>" + "|".join(ORDINALS) + r")\b"
        head = t[m.start():m.start("org") if m.group("org") else m.start("mid")]
        ordinal = re.search(ord_re, head, re.IGNORECASE)
        if not ordinal and re.search(r"\bmember", m.group("mid") or ""):
            ordinal = re.search(ord_re + r"(?=\s+(?:full\s+)?member)", m.group("mid") or "", re.IGNORECASE)
        role = m.group("role") or "member"
        role = "observer" if "observer" in role else "dialogue partner" if "dialogue" in role else "member"
        ps.add("membership", m.start(), m.end(), {
            "relation": "joined", "org": org, "country": who, "year": year, "month": month, "day": day,
            "role": None if role == "member" else role,
            "ordinal": _ordinal(ordinal.group(0)) if ordinal else None})
    # "Belarus is the latest new member"
    for m in re.finditer(rf"(?P<who>{E})\s+(?:is|was|became|has become|becomes)\s+(?:the\s+)?(?:(?P<org>{E})\s+)?"
                         rf"(?:latest|newest|most recent|youngest)\s+(?:new\s+)?(?:full\s+)?member", mk):
        who = ps.codes(m.start("who"), m.end("who"), ("country",))
        org = _org_at(ps, m.start("org")) if m.group("org") else ps.org_default()
        if who and org:
            ps.add("membership", m.start(), m.end(), {"relation": "latest", "org": org, "country": who})
    # "Turkmenistan ... has never joined", "Turkmenistan is not a member of the SCO"
    for m in re.finditer(rf"(?P<who>{E}){GAP}{{0,90}}?\b(?:has|have|had)\s+never\s+(?:joined|been\s+a\s+member|"
                         rf"applied)(?:\s+(?:the\s+|of\s+the\s+)?(?P<org>{E}))?"
                         rf"|(?P<who2>{E})\s+(?:is|was|remains)\s+not\s+(?:a\s+)?(?:full\s+)?member\s+of\s+(?:the\s+)?"
                         rf"(?P<org2>{E})", mk):
        who_start = m.start("who") if m.group("who") else m.start("who2")
        who_m = ps.by_start.get(who_start)
        if not who_m or who_m.kind != "country":
            continue
        org_start = m.start("org") if m.group("org") else (m.start("org2") if m.group("org2") else -1)
        org = _org_at(ps, org_start) if org_start >= 0 else ps.org_default()
        if org:
            relation = "never" if "never" in m.group(0) else "not member"
            ps.add("membership", m.start(), m.end(), {"relation": relation, "org": org, "country": [who_m.code]})
    # "fellow SCO member Uzbekistan", "Uzbekistan, an SCO member", "Mongolia is an observer of the SCO"
    for m in re.finditer(rf"(?:fellow\s+)?(?P<org>{E})\s+(?:full\s+)?(?:member|member state|member country)\s+"
                         rf"(?P<who>{E})", mk):
        org_m, who_m = ps.by_start.get(m.start("org")), ps.by_start.get(m.start("who"))
        if org_m and org_m.kind == "org" and who_m and who_m.kind == "country":
            ps.add("membership", m.start(), m.end(), {"relation": "member", "org": org_m.code,
                                                      "country": [who_m.code]})
    for m in re.finditer(rf"(?P<who>{EL})\s+(?:is|are|was|were|remains|remain)\s+(?:now\s+|also\s+|still\s+)?"
                         rf"(?:a\s+|an\s+)?(?:full\s+)?(?P<role>member|members|member state|member states|observer|"
                         rf"observers|observer state|observer states|dialogue partner|dialogue partners)\s+"
                         rf"(?:of|in|to)\s+(?:the\s+)?(?P<org>{E})", mk):
        who = ps.codes(m.start("who"), m.end("who"), ("country",))
        org_m = ps.by_start.get(m.start("org"))
        if who and org_m and org_m.kind == "org":
            role = "observer" if "observer" in m.group("role") else (
                "dialogue partner" if "dialogue" in m.group("role") else "member")
            year = _year_in(ps, m.end(), m.end() + 25)
            ps.add("membership", m.start(), m.end(), {"relation": role, "org": org_m.code, "country": who,
                                                      "year": year})
    # "all five Central Asian states, four of which are SCO members"
    for m in re.finditer(rf"(?P<n>\w+)\s+of\s+(?:which|whom|them|these)\s+(?:are|were)\s+(?:full\s+)?"
                         rf"(?:(?P<org>{E})\s+members|members\s+of\s+(?:the\s+)?(?P<org2>{E})|(?P<grp>{E}))", mk):
        n = _count(m.group("n"))
        org = None
        for key in ("grp", "org", "org2"):
            if m.group(key):
                ment = ps.by_start.get(m.start(key))
                if ment and ment.code in ("SCO", "EAEU", "CSTO", "CIS", "BRICS"):
                    org = ment.code
        groups = [x for x in ps.mentions if x.kind == "group" and x.end <= m.start()]
        if n and org and groups:
            ps.add("membership", groups[-1].start, m.end(), {"relation": "count", "org": org,
                                                             "country": [groups[-1].code], "count": n})
    # "The SCO now has 10 members, two observer states and 14 dialogue partners", "Currently, the SCO has nine members"
    for m in re.finditer(rf"(?P<org>{E})\s+(?:now\s+|currently\s+)?(?:has|had|comprises|comprised|consists\s+of|"
                         rf"counts|counted|includes|included)\s+(?P<list>(?:\w+\s+(?:full\s+)?(?:members?|member\s+states?|"
                         rf"observer\s+states?|observers?|dialogue\s+partners?)(?:\s*,\s*|\s+and\s+|,\s+and\s+)?)+)", mk):
        org = _org_at(ps, m.start("org"))
        if not org:
            continue
        for part in re.finditer(r"(?P<n>\w+)\s+(?:full\s+)?(?P<role>members?|member\s+states?|observer\s+states?|"
                                r"observers?|dialogue\s+partners?)", m.group("list")):
            n = _count(part.group("n"))
            if not n:
                continue
            role = "observer" if "observer" in part.group("role") else (
                "dialogue partner" if "dialogue" in part.group("role") else "member")
            ps.add("membership", m.start(), m.start("list") + part.end(),
                   {"relation": "count", "org": org, "role": role, "count": n})
    for m in re.finditer(rf"(?P<org>{E})\s+(?:also\s+)?(?:includes|included|counts|has)\s+(?P<who>{EL})\s+as\s+"
                         rf"(?P<role>observers?|members?|dialogue\s+partners?|observer\s+states)", mk):
        org = _org_at(ps, m.start("org"))
        who = ps.codes(m.start("who"), m.end("who"), ("country",))
        if org and who:
            role = "observer" if "observer" in m.group("role") else (
                "dialogue partner" if "dialogue" in m.group("role") else "member")
            ps.add("membership", m.start(), m.end(), {"relation": role, "org": org, "country": who})
    # "the SCO has expanded since 2001"
    for m in re.finditer(rf"(?P<org>{E})\s+(?:has|had)\s+(?:since\s+)?(?:expanded|grown|enlarged|widened)", mk):
        org_m = ps.by_start.get(m.start("org"))
        if not org_m or org_m.kind != "org":
            continue
        base = None
        for tm in ps.times:
            if tm.kind == "since":
                base = tm.year
            elif tm.kind == "then" and ps.ctx.last_time is not None:
                base = ps.ctx.last_time.year
        if base:
            ps.add("membership", m.start(), m.end(), {"relation": "expanded", "org": org_m.code, "base_year": base})


def _org_at(ps: _Sentence, start: int) -> str | None:
    ment = ps.by_start.get(start)
    if ment and (ment.kind == "org" or ment.code in ("SCO", "EAEU")):
        return ment.code
    return None


def _count(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word) if word not in ("a", "an") else None


def _ordinal(word: str) -> int | None:
    word = word.lower()
    m = re.match(r"(\d+)", word)
    return int(m.group(1)) if m else ORDINALS.get(word)


def _year_in(ps: _Sentence, start: int, end: int) -> int | None:
    for tm in ps.times:
        if start <= tm.start <= end and tm.year:
            return tm.year
    return None


def _founding(ps: _Sentence) -> None:
    mk = ps.masked
    for m in re.finditer(rf"(?P<org>{E})\s+(?:was|were|had been)\s+(?:formally\s+|officially\s+|first\s+)?"
                         rf"(?:formed|founded|established|created|set up|launched|born)\s+(?:(?:[^.;]|\.(?=\d)){{0,40}}?\s)?"
                         rf"(?:in|on)\s+{_WHEN}"
                         rf"|(?:Founded|Established|Created|Formed|Set up)\s+in\s+{_WHEN.replace('when', 'when2')},?\s+"
                         rf"(?:the\s+)?(?P<org2>{E})"
                         rf"|(?P<org3>{E}),\s+(?:which\s+was\s+)?(?:created|founded|established|formed|set\s+up)\s+"
                         rf"(?:in|on)\s+{_WHEN.replace('when', 'when3')}", mk):
        key = next(k for k in ("org", "org2", "org3") if m.group(k))
        org = _org_at(ps, m.start(key))
        if not org:
            continue
        wkey = next(k for k in ("when", "when2", "when3") if m.group(k))
        year, month, day = _date_of(ps.text[m.start(wkey):m.end(wkey)])
        ps.add("founding", m.start(), m.end(), {"org": org, "year": year, "month": month, "day": day})


# --- summits -----------------------------------------------------------------------------------------------------

def _summits(ps: _Sentence) -> None:
    t, mk = ps.text, ps.masked
    if not re.search(r"summit|Council of Heads|meeting of the|declaration|\bhost", t, re.IGNORECASE):
        return
    # "the Astana Summit, which concluded last Thursday", "the summit in Astana ended on 4 July 2024"
    for m in re.finditer(rf"(?:(?P<city>{E})\s+[Ss]ummit|[Ss]ummit\s+in\s+(?P<city2>{E}))(?:[^.;]|\.(?=\d)){{0,60}}?\b"
                         rf"(?:concluded|ended|closed|wrapped up|was held|took place|convened|opened|began)\b", mk):
        key = "city" if m.group("city") else "city2"
        ment = ps.by_start.get(m.start(key))
        if not ment or ment.kind != "city":
            continue
        after = [tm for tm in ps.times if tm.start >= m.end() - 2 and tm.start - m.end() < 25]
        if not after:
            continue
        tm = after[0]
        parsed = {"relation": "date", "city": ment.code, "phrase": tm.text}
        if tm.kind == "relative":
            year, day, note = resolve_relative(tm.text, ps.ctx.date)
            parsed.update({"date": day.isoformat() if day else None, "year": year, "period_note": note})
        elif tm.kind in ("month", "year"):
            parsed.update({"year": tm.year, "month": tm.month, "day": tm.day})
        else:
            continue
        ps.add("summit", m.start(), tm.end, parsed)
    # "the 18th meeting of the Council of Heads of Member States of the SCO in 2018", "the 24th SCO summit"
    ords = "|".join(sorted(ORDINALS, key=len, reverse=True))
    for m in re.finditer(rf"\b(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ords})\s+(?:(?:meeting|session)\s+of\s+the\s+"
                         rf"(?:(?:{E})\s+)?Council\s+of\s+(?:the\s+)?Heads\s+of\s+(?:Member\s+)?States?|(?:{E}\s+)?"
                         rf"[Ss]ummit)(?P<rest>(?:[^.;]|\.(?=\d)){{0,120}}?)\bin\s+(?P<year>{YEAR})", mk, re.IGNORECASE):
        ps.add("summit", m.start(), m.end(), {"relation": "ordinal", "ordinal": _ordinal(m.group("ord")),
                                              "year": int(m.group("year"))})
    # "In 2022 and 2023, communications from the Samarkand and New Delhi summits"
    ylist = rf"(?P<years>{YEAR}(?:\s*(?:,|and|,\s*and)\s*{YEAR})+)"
    clist = rf"(?P<cities>{E}(?:\s*(?:,|and|,\s*and)\s*{E})+)"
    for m in re.finditer(rf"\b{ylist}(?:[^.;]|\.(?=\d)){{0,80}}?\b(?:the\s+)?{clist}\s+[Ss]ummits", mk):
        years = [int(y) for y in re.findall(YEAR, m.group("years"))]
        cs = [x for x in ps.ents(m.start("cities"), m.end("cities"), ("city",))]
        if len(years) == len(cs) >= 2:
            pairs = [(y, c.code) for y, c in zip(years, cs)]
            ps.add("summit", m.start(), m.end(), {"relation": "hosts", "summits": [list(p) for p in pairs]})
            ps.ctx.summits = pairs
    # "the 2024 SCO summit in Astana", "the SCO summit held in Samarkand in September 2022", "Astana hosted ... 2024"
    for m in re.finditer(rf"\b(?:the\s+)?(?P<y1>{YEAR})\s+(?:{E}\s+)?[Ss]ummit\s+(?:was\s+)?(?:held\s+)?in\s+(?P<c1>{E})"
                         rf"|(?:{E}\s+)?[Ss]ummit\s+(?:was\s+)?(?:held\s+)?in\s+(?P<c2>{E})\s+(?:(?:on|in)\s+)?"
                         rf"(?:(?:\d{{1,2}}[-–]?\d{{0,2}}\s+)?{MONTH_RE}\s+(?:\d{{1,2}}[-–]?\d{{0,2}},?\s+)?)?"
                         rf"(?P<y2>{YEAR})"
                         rf"|(?P<c3>{E})\s+hosted\s+the\s+(?:(?P<y3>{YEAR})\s+)?(?:{E}\s+)?[Ss]ummit(?:\s+in\s+"
                         rf"(?:{MONTH_RE}\s+)?(?P<y4>{YEAR}))?", mk):
        ckey = next(k for k in ("c1", "c2", "c3") if m.group(k))
        ykey = next((k for k in ("y1", "y2", "y3", "y4") if m.group(k)), None)
        ment = ps.by_start.get(m.start(ckey))
        if not ment or not ykey or ps.overlaps_used(m.start(), m.end()):
            continue
        year = int(m.group(ykey))
        if ment.kind == "city":
            ps.add("summit", m.start(), m.end(), {"relation": "hosts", "summits": [[year, ment.code]]})
        elif ment.kind == "country":
            ps.add("summit", m.start(), m.end(), {"relation": "host", "country": [ment.code], "year": year})
        ps.used.append((m.start(), m.end()))
    # "host Kazakhstan"
    for m in re.finditer(rf"\bhost(?:\s+(?:country|nation|state))?\s+(?P<who>{E})", mk):
        ment = ps.by_start.get(m.start("who"))
        if not ment or ment.kind != "country":
            continue
        year = ps.ctx.date.year if ps.ctx.date else None
        ps.add("summit", m.start(), m.end(), {"relation": "host", "country": [ment.code], "year": year,
                                              "city": ps.ctx.summit_city})


# --- quotations -------------------------------------------------------------------------------------------------

_QUOTE_RE = re.compile(r"[“\"](?P<q>[^”\"]{10,600})[”\"]")


def _quotes(ps: _Sentence) -> None:
    t = ps.text
    if not re.search(r"[Dd]eclaration", t):
        return
    docs: list[tuple[int, str | None]] = []
    for m in re.finditer(rf"(?P<city>[A-Z][\w .-]{{2,20}}?)\s+Declaration(?:\s+of\s+(?:the\s+)?(?P<y>{YEAR}))?", t):
        city = next((c for c in CITIES if m.group("city").endswith(c)), None)
        year = int(m.group("y")) if m.group("y") else None
        if city or year:
            docs.append((year or 0, city))
    if not docs and re.search(r"(?:those|these|the)\s+summits['’]?\s+declarations", t) and ps.ctx.summits:
        docs = list(ps.ctx.summits)
    if not docs:
        return
    for m in _QUOTE_RE.finditer(t):
        quote = m.group("q").strip(" ,.;")
        if len(quote.split()) < 4:
            continue
        ps.add("quote", m.start(), m.end(), {"quote": quote, "documents": [list(d) for d in docs]})


# --- trade ------------------------------------------------------------------------------------------------------

@dataclass
class Frame:
    """Whose trade with whom: countries (or group ids), partners, flow, and the span that named them."""

    country: list[str]
    partner: list[str]
    flow: str
    start: int
    end: int


_TRADE = r"(?:bilateral\s+|mutual\s+|total\s+|overall\s+|foreign\s+|two-way\s+|goods\s+)*(?:trade(?:\s+turnover)?|" \
         r"turnover|commerce|trade\s+volume)"
_FRAME_PATTERNS: list[tuple[str, str]] = [
    (rf"(?:{_TRADE})(?:[^.;]|\.(?=\d)){{0,25}}?\bbetween\s+(?:the\s+)?(?P<a>{EL})\s+and\s+(?P<b>{EL})", "turnover"),
    (rf"(?P<a>{E})\s*[-–—/]\s*(?P<b>{E})\s+(?:{_TRADE})", "turnover"),
    (rf"(?P<a>{EL})\s+(?:{_TRADE})\s+(?:turnover\s+)?with\s+(?:the\s+)?(?P<b>{EL})", "turnover"),
    (rf"(?:{_TRADE})\s+(?:turnover\s+)?of\s+(?P<a>{E})\s+with\s+(?P<b>{EL})", "turnover"),
    (rf"(?P<a>{E})\s+and\s+(?P<b>{E})\s+(?:{_TRADE})", "turnover"),
    (rf"(?P<a>{EL})\s+(?:total\s+|overall\s+)?(?:exports?|shipments|sales|deliveries|supplies)\s+(?:of\s+[\w\s]{{1,30}}?\s+)?"
     rf"(?:to|into|for)\s+(?:the\s+|parts\s+of\s+)?(?P<b>{EL})", "export"),
    (rf"(?:exports?|shipments|exporting|deliveries)\s+(?:of\s+[\w\s]{{1,30}}?\s+)?from\s+(?:the\s+)?(?P<a>{EL})\s+"
     rf"(?:in)?to\s+(?:the\s+|parts\s+of\s+)?(?P<b>{EL})", "export"),
    (rf"(?P<a>{E})\s+(?:exported|shipped|sold)\b{GAP}{{0,60}}?\bto\s+(?P<b>{EL})", "export"),
    (rf"(?P<a>{EL})\s+(?:total\s+)?(?:imports?|purchases)\s+(?:of\s+[\w\s]{{1,30}}?\s+)?from\s+(?:the\s+)?(?P<b>{EL})",
     "import"),
    (rf"(?:imports?|purchases)\s+(?:of\s+[\w\s]{{1,30}}?\s+)?from\s+(?P<b>{EL})\s+(?:in)?to\s+(?P<a>{EL})", "import"),
    (rf"(?P<a>{E})\s+(?:imported|bought|purchased)\b{GAP}{{0,60}}?\bfrom\s+(?P<b>{EL})", "import"),
    (rf"(?:imported|bought|purchased)\s+by\s+(?P<a>{E})\s+from\s+(?P<b>{EL})", "import"),
    (rf"(?P<a>{E}){GAP}{{0,40}}?\b(?:traded|trade|trades)\s+(?:turnover\s+)?with\s+(?:the\s+)?(?P<b>{EL})", "turnover"),
]


def _frames(ps: _Sentence) -> list[Frame]:
    frames: list[Frame] = []
    for pattern, flow in _FRAME_PATTERNS:
        for m in re.finditer(pattern, ps.masked, re.IGNORECASE):
            if any(m.start() < f.end and f.start < m.end() for f in frames):
                continue
            a = [x.code for x in ps.ents(m.start("a"), m.end("a")) if not ps.in_reporter(x)]
            b = [x.code for x in ps.ents(m.start("b"), m.end("b")) if not ps.in_reporter(x)]
            if not a or not b or set(a) & set(b) and len(a) == len(b) == 1:
                continue
            frames.append(Frame(_uniq(a), _uniq(b), flow, m.start(), m.end()))
    frames.sort(key=lambda f: f.start)
    return frames


def _uniq(items):
    out = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


def _clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """The clause around pos: between separators ';', ', but', ', while', ', whereas' and ', so too'."""
    seps = [m for m in re.finditer(r";|,\s+but\b|,\s+while\b|,\s+whereas\b|,\s+so\s+too\b|\bbut\s+since\b|\(", text)]
    start, end = 0, len(text)
    for m in seps:
        if m.end() <= pos:
            start = m.start()
        elif m.start() > pos:
            end = m.start()
            break
    return start, end


def _trade(ps: _Sentence) -> None:
    frames = _frames(ps)
    _shares(ps)
    _ranks(ps)
    _comparisons(ps)
    _reliance(ps)
    if not frames:
        return
    made_by: list[list[Claim]] = []
    for i, frame in enumerate(frames):
        region_end = frames[i + 1].start if i + 1 < len(frames) else len(ps.text)
        before_count = len(ps.claims)
        _figures_for_frame(ps, frame, (frame.start, region_end))
        made = ps.claims[before_count:]
        # "..., so too have X's exports": a frame with no verb of its own takes the previous frame's change
        gap = ps.text[frames[i - 1].end if i else 0:frame.start]
        if not made and i and re.search(r"\bso\s+(?:too|also)\s+(?:have|has|had|did|were|was)\b", gap):
            for c in made_by[i - 1]:
                if c.type == "change":
                    parsed = dict(c.parsed)
                    parsed.update({"country": frame.country, "partner": frame.partner, "flow": frame.flow})
                    made.append(ps.add("change", frame.start, frame.end, parsed))
        made_by.append(made)


def _base_parsed(ps: _Sentence, frame: Frame) -> dict:
    parsed = {"country": frame.country, "partner": frame.partner, "flow": frame.flow}
    if ps.reporter:
        parsed["reporter"] = ps.reporter["countries"]
    return parsed


def _time_for(ps: _Sentence, pos: int, *, region: tuple[int, int] | None = None) -> list[Time]:
    """Times in the clause of pos (closest first)."""
    c0, c1 = _clause_bounds(ps.text, pos)
    if region:
        c0, c1 = max(c0, min(region[0], pos)), min(c1, max(region[1], pos))
    times = [tm for tm in ps.times if c0 <= tm.start < c1]
    return sorted(times, key=lambda tm: abs(tm.start - pos))


def _resolve_years(ps: _Sentence, times: list[Time], parsed: dict, *, change: bool) -> None:
    """Fill year / base_year / period notes into parsed from the clause's time expressions."""
    notes = []
    for tm in times:
        if tm.kind == "partial":
            parsed["partial"] = tm.text
            if tm.year and "year" not in parsed:
                parsed["year"] = tm.year
        elif tm.kind == "relative":
            year, _, note = resolve_relative(tm.text, ps.ctx.date)
            notes.append(note)
            if year and "year" not in parsed:
                parsed["year"] = year
            elif year is None:
                parsed["unresolved"] = tm.text
        elif tm.kind in ("since", "then", "event") and change and "base_year" not in parsed:
            src = tm
            if tm.kind == "then":
                earlier = [x for x in ps.times if x.end <= tm.start and x.kind in ("month", "year", "since", "event")]
                src = earlier[-1] if earlier else ps.ctx.last_time
                if src is None:
                    continue
            if src.year is None:
                continue
            if src.month and src.month > 1:
                # a month-level start: compare annual figures with the last full year before it
                parsed["base_year"] = src.year - 1
                notes.append(f"base '{src.text.strip()}' is within {src.year}: annual data compared with "
                             f"{src.year - 1}, the last full year before it")
                parsed["base_month"] = f"{src.year}-{src.month:02d}"
            elif src.note:  # an event ("since the invasion", "because of sanctions")
                parsed["base_year"] = src.year - 1
                notes.append(f"{src.note}: compared with {src.year - 1}, the last full year before it")
            else:
                parsed["base_year"] = src.year
            parsed["since"] = True
        elif tm.kind == "range":
            if change:
                parsed.setdefault("base_year", tm.year)
                parsed.setdefault("year", tm.year2)
            else:
                parsed.setdefault("years", [tm.year, tm.year2])
        elif tm.kind == "yoy" and change:
            parsed["yoy"] = True
        elif tm.kind == "base" and change:
            parsed.setdefault("base_year", tm.year)
        elif tm.kind == "month":
            parsed.setdefault("month", f"{tm.year}-{tm.month:02d}")
            parsed.setdefault("year", tm.year)
        elif tm.kind == "year":
            parsed.setdefault("year", tm.year)
        elif tm.kind == "now":
            parsed["now"] = True
    if change and parsed.get("yoy") and parsed.get("year") and "base_year" not in parsed:
        parsed["base_year"] = parsed["year"] - 1
    if change and parsed.get("base_year") and parsed.get("year") == parsed.get("base_year"):
        parsed.pop("year")
    if notes:
        parsed["period_note"] = "; ".join(n for n in notes if n)


def _money(ps: _Sentence, start: int, end: int) -> list[dict]:
    out = []
    for m in MONEY_RE.finditer(ps.text, start, end):
        g = m.groupdict()
        number = g["n1"] or g["n2"]
        scale_word = (g["s1"] or g["s2"] or "").lower()
        cur = (g["cur1"] or g["cur1b"] or g["cur2"] or "").lower()
        cur_b = (g.get("cur1b") or "").lower()
        currency = {"$": "USD", "us$": "USD", "usd": "USD", "dollars": "USD", "€": "EUR", "eur": "EUR",
                    "euros": "EUR", "yuan": "CNY", "rmb": "CNY", "renminbi": "CNY", "rubles": "RUB",
                    "roubles": "RUB", "tenge": "KZT", "rupees": "INR"}.get(cur_b or cur, "USD")
        value, decimals = parse_number(number)
        scale = SCALES.get(scale_word, 1.0)
        if scale == 1.0 and currency == "USD" and value < 1000 and not scale_word:
            continue  # "$5" alone: not a trade figure
        out.append({"start": m.start(), "end": m.end(), "value": value * scale, "currency": currency,
                    "half_unit": 0.5 * 10 ** (-decimals) * scale, "hedge": hedge_before(ps.text, m.start()),
                    "text": m.group(0)})
    return out


def _record_near(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 40):min(len(text), end + 30)]
    return bool(re.search(r"\brecord\b|all-time high|highest (?:ever|level)|historic high|than ever", window,
                          re.IGNORECASE))


def _figures_for_frame(ps: _Sentence, frame: Frame, region: tuple[int, int]) -> bool:
    """Claims from the figures and change words that follow a frame (up to the next frame)."""
    made = False
    r0, r1 = region
    text = ps.text
    # growth rates: "rose 26.3%", "up 27 percent year on year"
    for m in GROWTH_RE.finditer(text, r0, r1):
        if ps.overlaps_used(m.start(), m.end()):
            continue
        up = bool(m.group("up") or m.group("up2"))
        number = m.group("n") or m.group("n2")
        value, decimals = parse_number(number)
        parsed = _base_parsed(ps, frame)
        parsed.update({"value": value if up else -value, "unit": "percent_change",
                       "hedge": _hedge_id(m.group("h")), "half_unit": 0.5 * 10 ** (-decimals)})
        _resolve_years(ps, _time_for(ps, m.start(), region=(0, r1)), parsed, change=True)
        if "base_year" not in parsed and "year" in parsed and not parsed.get("partial"):
            parsed["base_year"] = parsed["year"] - 1
            parsed["yoy"] = True
        ps.add("change", frame.start, m.end(), parsed)
        ps.used.append((m.start(), m.end()))
        made = True
    # multiples: "more than doubled since 2020", "nearly tripled"
    for m in MULTIPLE_RE.finditer(text, r0, r1):
        if ps.overlaps_used(m.start(), m.end()):
            continue
        word = m.group("word").lower()
        value = None
        for stem, v in MULTIPLE_WORDS.items():
            if word.startswith(stem):
                value = v
        if value is None:
            raw = (m.group("fold") or m.group("times") or "").lower()
            value = float(raw) if raw.replace(".", "").isdigit() else float(NUMBER_WORDS.get(raw, 0))
        if not value:
            continue
        parsed = _base_parsed(ps, frame)
        parsed.update({"value": value, "unit": "multiple", "hedge": hedge_before(text, m.start(), 25)})
        _resolve_years(ps, _time_for(ps, m.start(), region=region), parsed, change=True)
        if "base_year" not in parsed and parsed.get("year") and not parsed.get("partial"):
            parsed["base_year"] = parsed["year"] - 1  # "tripled in 2022": during 2022, against 2021
            parsed["yoy"] = True
        ps.add("multiple", frame.start, m.end(), parsed)
        ps.used.append((m.start(), m.end()))
        made = True
    # amounts: "$240 billion in 2023", "from $108 billion to $240 billion"
    amounts = _money(ps, r0, r1)
    since = [c for c in ps.claims if c.type == "multiple" and c.parsed.get("base_year")]
    from_to = re.search(r"\bfrom\s+(?:(?:US)?\$|USD)(?:[^.;]|\.(?=\d)){0,25}?\bto\s+(?:(?:US)?\$|USD|a record\s+(?:(?:US)?\$|USD))",
                        text[r0:r1])
    for k, a in enumerate(amounts):
        if ps.overlaps_used(a["start"], a["end"]):
            continue
        parsed = _base_parsed(ps, frame)
        parsed.update({"value": a["value"], "unit": a["currency"], "hedge": a["hedge"], "half_unit": a["half_unit"]})
        if _record_near(text, a["start"], a["end"]):
            parsed["record"] = True
        own_year = re.match(rf"\s+(?:in|for)\s+(?P<y>{YEAR})\b", text[a["end"]:a["end"] + 12])
        if from_to and len(amounts) >= 2 and k < 2 and own_year:
            parsed["year"] = int(own_year.group("y"))
        elif from_to and len(amounts) >= 2 and k < 2:
            base = since[-1].parsed if since else {}
            times = _time_for(ps, a["start"], region=region)
            if k == 0:
                year = base.get("base_year") or next((tm.year for tm in times if tm.kind in ("range",)), None)
                parsed["year"] = year
            else:
                year = base.get("year") or next((tm.year2 for tm in times if tm.kind == "range"), None)
                if year:
                    parsed["year"] = year
                else:
                    parsed["now"] = True
                if base.get("period_note"):
                    parsed["period_note"] = base["period_note"]
            if parsed.get("year") is None:
                parsed.pop("year", None)
        else:
            _resolve_years(ps, _time_for(ps, a["start"], region=(0, r1)), parsed, change=False)
        ps.add("level", frame.start if k == 0 else a["start"], a["end"], parsed)
        ps.used.append((a["start"], a["end"]))
        made = True
    # direction-only changes: "have increased", "dipped at the beginning of the invasion in February 2022"
    for m in DIRECTION_RE.finditer(text, frame.end, r1):
        if ps.overlaps_used(m.start(), m.end() + 12) or re.match(r"\s+(?:by|to)\s+[\d$]", text[m.end():m.end() + 6]):
            continue
        if re.match(r"\w+\s+(?:doubled|tripled|trebled|quadrupled)", text[m.start():m.end() + 12]):
            continue
        direction = "up" if m.group("up") else "down"
        if m.group(0).lower() in ("up", "down", "rise", "fall", "drop", "dip", "increase", "decrease", "decline",
                                  "growth", "gain", "contract", "expand", "grow", "shrink", "jump", "climb",
                                  "surge", "soar", "slump", "plunge"):
            continue  # nouns and bare particles ("up", "the fall of"): too ambiguous without a figure
        parsed = _base_parsed(ps, frame)
        parsed.update({"direction": direction, "unit": "direction"})
        times = _time_for(ps, m.start(), region=(0, r1))
        _resolve_years(ps, times, parsed, change=True)
        months = [tm for tm in times if tm.kind == "month"]
        if months and "since" not in parsed:
            parsed["month"] = f"{months[0].year}-{months[0].month:02d}"
        ps.add("change", frame.start, m.end() + _trail(text, m.end(), r1), parsed)
        ps.used.append((m.start(), m.end()))
        made = True
    return made


def _trail(text: str, pos: int, limit: int) -> int:
    """Length of the time phrase that completes a change verb ("dipped at the beginning of ... February 2022")."""
    m = re.match(rf"[^.;,]{{0,70}}?{YEAR}", text[pos:limit])
    return m.end() if m else 0


def _hedge_id(phrase: str | None) -> str | None:
    if not phrase:
        return None
    return hedge_before(phrase + " ", len(phrase) + 1)


def _pct(ps: _Sentence, start: int, end: int) -> dict | None:
    m = PERCENT_RE.search(ps.text, start, end)
    if m:
        number = m.group("n") or m.group("n2")
        value, decimals = parse_number(number)
        return {"value": value / 100, "half_unit": 0.5 * 10 ** (-decimals) / 100, "start": m.start(), "end": m.end(),
                "hedge": hedge_before(ps.text, m.start())}
    m = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, FRACTIONS), key=len, reverse=True)) + r")\b",
                   re.IGNORECASE).search(ps.text, start, end)
    if m:
        return {"value": FRACTIONS[m.group(0).lower()], "half_unit": 0.0, "start": m.start(), "end": m.end(),
                "hedge": hedge_before(ps.text, m.start()) or "about"}
    return None


_SHARE_NUM = r"(?:(?:more than|over|nearly|almost|about|around|roughly|some|just over|just under|less than)\s+)?" \
             r"(?:\d+(?:\.\d+)?\s?(?:%|percent|per cent)|(?:a|one|two|three)[- ](?:half|third|thirds|quarter|quarters|" \
             r"fifth|tenth)|half)"
_WHAT = r"(?P<what>(?:international\s+|foreign\s+|external\s+)?trade(?:\s+turnover)?|turnover|exports|imports|" \
        r"trade volume|commercial turnover)"


def _shares(ps: _Sentence) -> None:
    mk = ps.masked
    patterns = [
        rf"(?:[Tt]rade\s+with\s+)?(?P<b>{E}|It|it)\s+(?:now\s+|still\s+|alone\s+|already\s+)?(?:makes?\s+up|made\s+up|"
        rf"accounts?\s+for|accounted\s+for|accounting\s+for|represents?|represented|comprises?|constitutes?|took|"
        rf"takes|had|has|held|holds|"
        rf"was\s+responsible\s+for|is\s+responsible\s+for)\s+(?:(?:a\s+share\s+of|a|an)\s+)?(?P<num>{_SHARE_NUM})\s+"
        rf"(?:share\s+)?of\s+(?P<whose>{EL}|their|its|the\s+country['’]s|the\s+region['’]s|the)\s+"
        rf"(?:combined\s+|total\s+|overall\s+|entire\s+)?(?:foreign\s+|external\s+)?{_WHAT}",
        rf"[Tt]rade\s+with\s+(?P<b>{E})\s+(?:accounted|accounts|accounting|made\s+up|makes\s+up|represented|"
        rf"represents)\s+(?:for\s+)?(?P<num>{_SHARE_NUM})\s+of\s+(?P<whose>{EL})\s+(?:total\s+|overall\s+)?"
        rf"(?:foreign\s+|external\s+)?{_WHAT}",
        rf"(?P<b>{E})\s+share\s+(?:of|in)\s+(?P<whose>{EL})\s+(?:total\s+|overall\s+)?(?:foreign\s+|external\s+)?"
        rf"{_WHAT}(?:[^.;]|\.(?=\d)){{0,40}}?(?P<num>{_SHARE_NUM})",
        rf"(?P<num>{_SHARE_NUM})\s+of\s+(?P<whose>{EL})\s+(?:total\s+|overall\s+)?(?:foreign\s+|external\s+)?"
        rf"{_WHAT}\s+(?:is\s+|was\s+|went\s+|goes\s+|came\s+|comes\s+)?(?:with|to|from)\s+(?P<b>{E})",
    ]
    for pattern in patterns:
        for m in re.finditer(pattern, mk, re.IGNORECASE):
            if ps.overlaps_used(m.start("num"), m.end("num")):
                continue
            b_text = m.group("b")
            if b_text in ("It", "it"):
                partner = [ps.ctx.focus] if ps.ctx.focus else []
            else:
                partner = ps.codes(m.start("b"), m.end("b"))
            whose_text = m.group("whose")
            if whose_text in ("their", "its"):
                prior = [x for x in ps.mentions if x.end <= m.start() and x.kind in ("country", "group")
                         and x.code not in partner]
                whose = _uniq([x.code for x in prior])
            elif whose_text.startswith("the"):
                whose = []
            else:
                whose = ps.codes(m.start("whose"), m.end("whose"))
            pct = _pct(ps, m.start("num"), m.end("num"))
            if not partner or not whose or not pct:
                continue
            what = m.group("what")
            flow = "export" if what.endswith("exports") else "import" if what.endswith("imports") else "turnover"
            parsed = {"country": whose, "partner": partner, "flow": flow, "value": pct["value"], "unit": "share",
                      "hedge": pct["hedge"], "half_unit": pct["half_unit"]}
            if ps.reporter:
                parsed["reporter"] = ps.reporter["countries"]
            _resolve_years(ps, _time_for(ps, m.start()), parsed, change=False)
            ps.add("share", m.start(), m.end(), parsed)
            ps.used.append((pct["start"], pct["end"]))


def _rank_of(word: str) -> int:
    word = word.lower()
    for k, v in (("second", 2), ("2nd", 2), ("third", 3), ("3rd", 3), ("fourth", 4), ("4th", 4), ("fifth", 5),
                 ("5th", 5)):
        if word.startswith(k):
            return v
    return 1


def _ranks(ps: _Sentence) -> None:
    mk = ps.masked
    subj = rf"(?P<b>{E}|It|it)"
    patterns = [
        rf"{subj}\s+(?:{BE}|is|was)\s+(?:now\s+|still\s+|already\s+|again\s+|also\s+)?(?:the\s+)?{RANKWORD}\s+"
        rf"{PARTNER}\s+(?:of|for|to)\s+(?:both\s+|each\s+of\s+)?(?:the\s+)?(?P<whose>{EL})",
        rf"{subj}\s+(?:{BE}|is|was)\s+(?:now\s+|still\s+|already\s+|again\s+|also\s+)?(?P<whose>{EL})\s+"
        rf"{RANKWORD}\s+{PARTNER}",
        rf"(?P<whose>{E})\s+{RANKWORD}\s+{PARTNER}\s+(?:{BE}|is|was)\s+(?P<b2>{E})",
        rf"(?P<b3>{E})\s+(?:overtook|has\s+overtaken|had\s+overtaken|overtaking|surpassed|has\s+surpassed|"
        rf"replaced|has\s+replaced|displaced|has\s+displaced|outstripped|overtakes|eclipsed|has\s+eclipsed|"
        rf"eclipsing)\s+(?P<c>{E})\s+(?:to\s+become|as)\s+(?:the\s+)?(?:(?P<whose>{E})\s+)?{RANKWORD}\s+{PARTNER}"
        rf"(?:\s+(?:of|for)\s+(?:all\s+|both\s+|each\s+of\s+)?(?:the\s+)?(?P<whose2>{EL}))?",
        rf"{subj}\s+(?:ranks?|ranked|occupies|occupied|takes|took|holds|held|is\s+in|was\s+in)\s+"
        rf"(?:a\s+)?(?:confident\s+|clear\s+)?(?P<rk>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+"
        rf"(?:place\s+)?(?:among|in|on\s+the\s+list\s+of)\s+(?P<whose>{E})\s+(?:(?:main|foreign|leading)\s+)?"
        rf"(?:trade\s+|trading\s+|foreign\s+trade\s+|economic\s+)?(?:partners|turnover)",
    ]
    for pattern in patterns:
        for m in re.finditer(pattern, mk, re.IGNORECASE):
            if ps.overlaps_used(m.start(), m.end()):
                continue
            gd = m.groupdict()
            key = next(k for k in ("b", "b2", "b3") if gd.get(k))
            if gd[key] in ("It", "it"):
                partner = [ps.ctx.focus] if ps.ctx.focus else []
            else:
                partner = ps.codes(m.start(key), m.end(key))
            if gd.get("whose"):
                whose = ps.codes(m.start("whose"), m.end("whose"))
            elif gd.get("whose2"):
                whose = ps.codes(m.start("whose2"), m.end("whose2"))
            else:
                whose = []
            if not partner or not whose:
                continue
            text = m.group(0)
            flow = "export" if re.search(r"\bexport", text) else "import" if re.search(r"\bimport", text) else \
                "turnover"
            parsed = {"country": whose, "partner": partner, "flow": flow, "value": _rank_of(gd["rk"]),
                      "unit": "rank"}
            if re.search(r"\ball\b|\beach\b|\bevery\b|\bboth\b", ps.text[m.start():m.end()], re.IGNORECASE):
                parsed["all"] = True
            if ps.reporter:
                parsed["reporter"] = ps.reporter["countries"]
            _resolve_years(ps, _time_for(ps, m.start()), parsed, change=False)
            ps.add("rank", m.start(), m.end(), parsed)
            ps.used.append((m.start(), m.end()))
            # "..., overtaking Russia": the rank came with a crossover
            after = re.match(rf",?\s+(?:overtaking|surpassing|displacing|replacing|ahead\s+of|eclipsing)\s+(?P<c>{E})",
                             mk[m.end():])
            rival_at = (m.start("c"), m.end("c")) if gd.get("c") else (
                (m.end() + after.start("c"), m.end() + after.end("c")) if after else None)
            if rival_at:
                rival = ps.codes(*rival_at)
                cmp_parsed = {"country": whose, "leader": partner, "laggard": rival, "flow": flow,
                              "relation": "overtook", "year": parsed.get("year")}
                if ps.reporter:
                    cmp_parsed["reporter"] = ps.reporter["countries"]
                ps.add("comparison", m.start(), m.end(), cmp_parsed)


def _comparisons(ps: _Sentence) -> None:
    mk = ps.masked
    for m in re.finditer(rf"(?P<a>{E})\s+(?:has\s+|have\s+)?(?:(?P<adv1>consistently|always|still|far|well)\s+)?"
                         rf"(?:lagged|lags|lagging|trailed|trails|trailing|fell\s+behind|falls\s+behind|was\s+behind|"
                         rf"is\s+behind|remained\s+behind|came\s+second)(?:\s+behind\s+(?P<b>{E}))?"
                         rf"(?:\s+(?P<adv2>consistently|far\s+behind|well\s+behind|every\s+year|throughout))?", mk):
        laggard = ps.codes(m.start("a"), m.end("a"))
        leader = ps.codes(m.start("b"), m.end("b")) if m.group("b") else []
        # the frame of the sentence's share or rank claim: whose trade, and who leads
        frame_claims = [c for c in ps.claims if c.type in ("share", "rank")]
        if not leader and frame_claims:
            leader = frame_claims[-1].parsed["partner"]
        if not leader and ps.ctx.focus:
            leader = [ps.ctx.focus]
        whose = frame_claims[-1].parsed["country"] if frame_claims else []
        if not laggard or not leader or not whose:
            continue
        consistently = bool(re.search(r"consistently|always|every year|throughout", m.group(0)))
        parsed = {"country": whose, "leader": leader, "laggard": laggard,
                  "flow": frame_claims[-1].parsed.get("flow", "turnover"), "relation": "lagged",
                  "consistently": consistently}
        if frame_claims and frame_claims[-1].parsed.get("year"):
            parsed["year"] = frame_claims[-1].parsed["year"]
        if ps.reporter:
            parsed["reporter"] = ps.reporter["countries"]
        ps.add("comparison", m.start(), m.end(), parsed)
        ps.used.append((m.start(), m.end()))


def _reliance(ps: _Sentence) -> None:
    """'Russia is now more reliant on China than ever': China's share of Russia's trade at a record."""
    for m in re.finditer(rf"(?P<a>{E})\s+(?:is|has\s+become|became)\s+(?:now\s+)?(?:more|increasingly)\s+"
                         rf"(?:reliant|dependent)\s+(?:up)?on\s+(?P<b>{E})(?P<ever>\s+than\s+ever(?:\s+before)?)?",
                         ps.masked):
        a, b = ps.codes(m.start("a"), m.end("a")), ps.codes(m.start("b"), m.end("b"))
        if not a or not b or not m.group("ever"):
            continue
        parsed = {"country": a, "partner": b, "flow": "turnover", "unit": "share", "record": True,
                  "reading": "reliance read as the partner's share of the country's goods trade"}
        _resolve_years(ps, _time_for(ps, m.start()), parsed, change=False)
        ps.add("share", m.start(), m.end(), parsed)
        ps.used.append((m.start(), m.end()))


def _leftover_figures(ps: _Sentence) -> None:
    """Amounts no trade frame took: listed as unverifiable with what they are about (never silently dropped)."""
    for a in _money(ps, 0, len(ps.text)):
        if ps.overlaps_used(a["start"], a["end"]):
            continue
        if any(c.span[0] - ps.s.start <= a["start"] < c.span[1] - ps.s.start for c in ps.claims):
            continue
        c0, c1 = _clause_bounds(ps.text, a["start"])
        parsed = {"value": a["value"], "unit": a["currency"], "hedge": a["hedge"],
                  "about": ps.text[c0:c1].strip(" ,;(")}
        year = _year_in(ps, c0, c1)
        if year:
            parsed["year"] = year
        ps.add("other", max(c0, a["start"] - 60 if a["start"] - 60 > c0 else c0), a["end"] + 40 if a["end"] + 40 < c1
               else c1, parsed)
        ps.used.append((a["start"], a["end"]))
