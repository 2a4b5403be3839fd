"""Claim kind `summit`: facts about SCO summits ('the Bishkek Summit, which ended on Friday', 'the 13th
SCO summit in 2013', 'the Samarkand and New Delhi summits' of 2022 and 2023, 'host
Kazakhstan'), judged on the summits list."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..judging.common import combine, unverifiable, verdict
from ..model import CONTRADICTED, SUPPORTED, UNVERIFIABLE, Call, Observation
from ..payloads import Payload
from ..reading.entities import ORG_NAMES, name, names
from ..reading.numbers import ORDINALS, YEAR, number_word, ordinal
from ..reading.sentence import E
from ..reading.summit_dates import read_attendance, read_chairs, read_summit_dates
from ..reading.times import MONTH_RE, resolve_relative
from ..judging.sources import label
from ..registry import register_kind

SOURCE = label("sco_declarations")
_ORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))
ENDED = re.compile(rf"(?:(?P<city>{E})\s+[Ss]ummit|[Ss]ummit\s+in\s+(?P<city2>{E}))(?:[^.;]|\.(?=\d)){{0,60}}?\b"
                   rf"(?:concluded|ended|closed|wrapped up|was held|took place|convened|opened|began)\b")
_DATE = rf"(?:(?:\d{{1,2}}(?:[-–]\d{{1,2}})?\s+)?{MONTH_RE}\s+(?:\d{{1,2}}(?:[-–]\d{{1,2}})?,?\s+)?)"
_ORDINAL_HEAD = rf"\b(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{_ORDS})\s+(?:(?:meeting|session)\s+of\s+the\s+(?:(?:{E})\s+)?" \
                rf"Council\s+of\s+(?:the\s+)?Heads\s+of\s+(?:Member\s+)?States?|(?:meeting|session)\s+of\s+the\s+(?:(?P<o2>{E})\s+)?" \
                rf"Heads\s+of\s+States?\s+Council|(?:meeting|session)\s+of\s+(?:the\s+)?(?:(?P<o3>{E})\s+)?Heads\s+of\s+" \
                rf"(?:Member\s+)?States?(?!\s+Council)|(?:(?P<o4>{E})\s+)?Heads[- ]of[- ]States?\s+Council(?:\s+(?:meeting|" \
                rf"session|summit))?|(?:(?P<o5>{E})\s+)?(?:Council\s+of\s+(?:the\s+)?)?Heads\s+of\s+States?\s+(?:meeting|session|" \
                rf"summit)|(?:annual\s+)?(?:(?P<o1>{E})\s+)?[Ss]ummit(?:\s+of\s+(?:the\s+)?{E})?)"
ORDINAL = re.compile(rf"{_ORDINAL_HEAD}(?P<rest>(?:[^.;,]|\.(?=\d)|,[^.;,]{{3,50}},|,(?=\s+(?:on|in)\s+\d)|"
                     rf",(?=\s+(?:which|that)\s+(?:was\s+held|took\s+place|met|convened|opened)\b))"
                     rf"{{0,120}}?)\b(?:in\s+|on\s+)?{_DATE}?(?P<year>{YEAR})",
                     re.IGNORECASE)
# "the 24th SCO summit in Astana" with no year: the summit in that city up to the as-of date.
ORDINAL_CITY = re.compile(rf"{_ORDINAL_HEAD}\s*,?\s+(?:(?:was|is|were)\s+)?(?:(?:being\s+)?held|opened|took\s+place|"
                          rf"convened|met|began|started|gathered|is\s+taking\s+place|hosted)?\s*in\s+(?:the\s+(?:[\w-]+\s+){{0,2}}"
                          rf"(?:city|capital)\s+of\s+)?(?P<city>{E})",
                          re.IGNORECASE)
HOSTING = re.compile(rf"(?P<who>{E})\s+(?:is\s+hosting|hosts|will\s+host|is\s+to\s+host)\s+the\s+(?:{_ORDS}|\d{{1,2}}"
                     rf"(?:st|nd|rd|th))?\s*(?:{E}\s+)?[Ss]ummit", re.IGNORECASE)
HOSTS = re.compile(rf"\b(?P<years>{YEAR}(?:\s*(?:,|and|,\s*and)\s*{YEAR})+)(?:[^.;]|\.(?=\d)){{0,80}}?\b(?:the\s+)?"
                   rf"(?P<cities>{E}(?:\s*(?:,|and|,\s*and)\s*{E})+)\s+[Ss]ummits")
HELD = re.compile(rf"(?:\b(?:the\s+)?|{E}\s+)(?P<y1>{YEAR})\s+(?:{E}\s+)?[Ss]ummit\s+(?:was\s+held|was\s+hosted|took\s+place|"
                  rf"held|convened|met|was)?\s*in\s+(?P<c1>{E})"
                  rf"|(?:{E}\s+)?[Ss]ummit\s+(?:was\s+)?(?:held\s+)?in\s+(?P<c2>{E})(?:,\s+[^,.;]{{3,50}},)?\s+(?:(?:on|in)\s+)?"
                  rf"(?:(?:\d{{1,2}}[-–]?\d{{0,2}}\s+)?{MONTH_RE}\s+(?:\d{{1,2}}[-–]?\d{{0,2}},?\s+)?)?(?P<y2>{YEAR})"
                  rf"|(?P<c3>{E})\s+hosted\s+the\s+(?:(?P<y3>{YEAR})\s+)?(?:{E}\s+)?[Ss]ummit(?:\s+in\s+"
                  rf"(?:{MONTH_RE}\s+)?(?P<y4>{YEAR}))?")
HOST = re.compile(rf"\bhost(?:\s+(?:country|nation|state))?\s+(?P<who>{E})")
# "The SCO's 20th summit, held by videoconference, was chaired by Russia": the n-th summit's host.
ORDINAL_HOST = re.compile(rf"{_ORDINAL_HEAD}(?:[^.;]|\.(?=\d)){{0,80}}?\b(?:was\s+)?(?:chaired|hosted|organi[sz]ed|"
                          rf"presided\s+over)\s+by\s+(?P<who>{E})", re.IGNORECASE)
# "The 2023 summit was hosted online by India"; "Kazakhstan has hosted the SCO summit four times".
HOSTED_BY = re.compile(rf"\b(?P<y>{YEAR})\s+(?:{E}\s+)?[Ss]ummit\s+(?:was\s+)?(?:hosted|held|organi[sz]ed|chaired)\s+"
                       rf"(?:online\s+|virtually\s+|remotely\s+|by\s+video(?:\s*conference|\s*link)\s+)?by\s+(?P<who>{E})")
HOST_COUNT = re.compile(rf"(?P<who>{E})\s+(?:has|had)\s+(?:now\s+)?hosted\s+(?:the\s+)?(?:{E}\s+)?[Ss]ummits?\s+"
                        rf"(?:(?P<n>\w+)\s+times|(?P<w>once|twice|thrice))", re.IGNORECASE)
# "met in Dushanbe in 2014, Ufa in 2015 and Astana in 2017", "summits in Ufa (2015) and Tashkent
# (2016)": cities with their years.
_CITY_YEAR = rf"{E}\s+(?:in\s+|\(\s*)?{YEAR}\)?"
CITY_YEARS = re.compile(rf"\b(?:summits?|meetings?)\s+(?:were\s+|was\s+)?(?:held\s+)?in\s+(?P<list>{_CITY_YEAR}(?:\s*(?:,|and|"
                        rf",\s*and)\s*{_CITY_YEAR})+)", re.IGNORECASE)


# "... the fifth time China hosted the meeting": a host's count of summits up to the one the sentence dates.
HOST_TIME = re.compile(rf"\bthe\s+(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{_ORDS})\s+time\s+(?:that\s+)?(?P<who>{E})\s+"
                       rf"(?:has\s+|had\s+|will\s+have\s+)?(?:hosted|hosts|held|organi[sz]ed)\b", re.IGNORECASE)
# "the declaration adopted at the 24th summit stressed ...": a participle naming the document, not a claim about the
# summit (with "was adopted at" the summit is what the sentence says).
PRESUPPOSED = re.compile(r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bis\s)\b(?:adopted|signed|approved|issued|agreed|"
                         r"endorsed)\s+(?:at|during|by)\s+(?:the\s+|their\s+|its\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)
# "the SCO Tianjin Summit 2025": a city's summit with its year after it.
CITY_SUMMIT_YEAR = re.compile(rf"(?P<c>{E})\s+[Ss]ummit\s+(?:of\s+)?(?P<y>{YEAR})\b")
# "... is the 14th annual summit of the organization": the ordinal after the summit's place and date.
ORDINAL_AFTER = re.compile(rf"(?:\b(?:is|was|will\s+be|marks?|marked)\s+|,\s+)the\s+{_ORDINAL_HEAD}", re.IGNORECASE)
# The Shanghai Five met five times (1996-2000) before the SCO's Council of Heads of State first met in 2001.
SHANGHAI_FIVE_MEETINGS = 5


@dataclass(frozen=True, kw_only=True)
class SummitClaim(Payload):
    """relation: date (when a summit ended), ordinal (the n-th meeting), hosts ((year, city) pairs), host (the
    host country of a year's summit)."""

    relation: str
    city: str | None = None
    phrase: str | None = None
    date: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    days: tuple[int, ...] = ()  # the days a date names ('13 and 14 June'): the held date must be one of them
    ordinal: int | None = None
    summits: tuple[tuple[int, str], ...] = ()
    country: tuple[str, ...] = ()
    org: str | None = None  # the organization whose summits are meant when the text names one other than the SCO
    period_note: str | None = None


@register_kind("summit", payload=SummitClaim, order=14, title="SCO summits",
               examples=("The Bishkek Summit, which ended on Friday, ...",
                         "the 13th SCO summit, held in Bishkek in 2013"))
class Summit:
    def read(r) -> None:
        if not re.search(r"summit|Council of Heads|Heads of State|meeting of the|declaration|\bhost|\bchair|\bpresid", r.text,
                         re.IGNORECASE):
            return
        _ended(r)
        read_summit_dates(r)
        read_attendance(r)
        read_chairs(r)
        for m in ORDINAL.finditer(r.masked):
            if PRESUPPOSED.search(r.text[:m.start()]) or _elsewhere(r, m):
                continue
            r.add("summit", m.start(), m.end(), {"relation": "ordinal", "ordinal": ordinal(m.group("ord")),
                                                 "year": int(m.group("year")), "org": _org_of(r, m)})
            r.take(m.start("ord"), m.end("ord"))
        for m in ORDINAL_CITY.finditer(r.masked):
            ment = r.by_start.get(m.start("city"))
            if ment and ment.kind == "city" and not r.overlaps_used(m.start("ord"), m.end("ord")) and \
                    not PRESUPPOSED.search(r.text[:m.start()]) and not _elsewhere(r, m):
                r.add("summit", m.start(), m.end(), {"relation": "ordinal", "ordinal": ordinal(m.group("ord")),
                                                     "city": ment.code, "org": _org_of(r, m)})
                r.take(m.start("ord"), m.end("ord"))
        _ordinal_after(r)
        _ordinal_anywhere(r)
        _host_times(r)
        for m in HOSTING.finditer(r.masked):
            ment = r.by_start.get(m.start("who"))
            year = r.year_in(m.end(), m.end() + 60)
            if ment and ment.kind == "city" and year and not r.overlaps_used(m.start(), m.end()):
                r.add("summit", m.start("who"), m.end(), {"relation": "hosts", "summits": [[year, ment.code]]})
                r.take(m.start(), m.end())
                continue
            if ment and ment.kind == "country" and r.ctx.date is not None:
                r.add("summit", m.start("who"), m.end(), {"relation": "host", "country": [ment.code],
                                                          "year": r.ctx.date.year})
        for m in HOSTS.finditer(r.masked):
            years = [int(y) for y in re.findall(YEAR, m.group("years"))]
            cities = r.ents(m.start("cities"), m.end("cities"), ("city",))
            if len(years) == len(cities) >= 2:
                pairs = [(y, c.code) for y, c in zip(years, cities)]
                r.add("summit", m.start(), m.end(), {"relation": "hosts", "summits": [list(x) for x in pairs]})
                r.ctx.summits = pairs
        _held(r)
        for m in HOSTED_BY.finditer(r.masked):
            ment = r.by_start.get(m.start("who"))
            if ment and ment.kind == "country" and not r.overlaps_used(m.start(), m.end()):
                r.add("summit", m.start(), m.end(), {"relation": "host", "country": [ment.code],
                                                     "year": int(m.group("y"))})
                r.take(m.start(), m.end())
        for m in HOST_COUNT.finditer(r.masked):
            ment = r.by_start.get(m.start("who"))
            n = number_word(m.group("n")) if m.group("n") else {"once": 1, "twice": 2, "thrice": 3}[m.group("w").lower()]
            if ment and ment.kind == "country" and n and not r.overlaps_used(m.start(), m.end()):
                r.add("summit", m.start(), m.end(), {"relation": "host count", "country": [ment.code],
                                                     "ordinal": int(n)})
                r.take(m.start(), m.end())
        for m in ORDINAL_HOST.finditer(r.masked):
            ment = r.by_start.get(m.start("who"))
            if ment and ment.kind == "country" and not r.overlaps_used(m.start("who"), m.end("who")):
                r.add("summit", m.start(), m.end(), {"relation": "host", "country": [ment.code],
                                                     "ordinal": ordinal(m.group("ord"))})
                r.take(m.start(), m.end())
        for m in CITY_YEARS.finditer(r.masked):
            if r.overlaps_used(m.start(), m.end()):
                continue
            pairs = []
            for part in re.finditer(rf"(?P<c>{E})\s+(?:in\s+|\(\s*)?(?P<y>{YEAR})", m.group("list")):
                ment = r.by_start.get(m.start("list") + part.start("c"))
                if ment is not None and ment.kind == "city":
                    pairs.append([int(part.group("y")), ment.code])
            if len(pairs) >= 2:
                r.add("summit", m.start(), m.end(), {"relation": "hosts", "summits": pairs,
                                                     "org": r.org_before(m.start())})
                r.take(m.start(), m.end())
        for m in HOST.finditer(r.masked):
            ment = r.by_start.get(m.start("who"))
            if ment and ment.kind == "country" and not ment.pronoun:
                r.add("summit", m.start(), m.end(), {"relation": "host", "country": [ment.code],
                                                     "year": r.ctx.date.year if r.ctx.date else None,
                                                     "city": r.ctx.summit_city})

    def judge(claim, evidence, as_of):
        return judge_summit(claim, evidence, as_of)


def _ended(r) -> None:
    """'the Astana Summit, which concluded last Thursday', 'the summit in Astana ended on 4 July 2024'."""
    for m in ENDED.finditer(r.masked):
        ment = r.by_start.get(m.start("city") if m.group("city") else m.start("city2"))
        if not ment or ment.kind != "city":
            continue
        after = [tm for tm in r.times if tm.start >= m.end() - 2 and tm.start - m.end() < 25]
        if not after:
            continue
        tm = after[0]
        fields = {"relation": "date", "city": ment.code, "phrase": tm.text}
        if tm.kind == "relative":
            year, day, note = resolve_relative(tm.text, r.ctx.date)
            fields.update({"date": day.isoformat() if day else None, "year": year, "period_note": note})
        elif tm.kind in ("month", "year"):
            fields.update({"year": tm.year, "month": tm.month, "day": tm.day})
        else:
            continue
        r.add("summit", m.start(), tm.end, fields)


def _claimed(p) -> str:
    days = "-".join(str(d) for d in sorted(set(p.days) | ({p.day} if p.day else set())))
    return " ".join(x for x in (days, dt.date(2000, p.month, 1).strftime("%B") if p.month else "", str(p.year)) if x)


def _org_of(r, m) -> str | None:
    """The organization named between an ordinal and 'summit' ('the seventh BRICS summit'), if any."""
    for key in ("o1", "o2", "o3", "o4", "o5"):
        ment = r.by_start.get(m.start(key)) if m.group(key) else None
        if ment is not None and ment.kind == "org":
            return ment.code
    return None


def _elsewhere(r, m) -> bool:
    """An ordinal naming no organization in a sentence that names organizations, none of them the SCO ('the group's
    15th summit ..., would become BRICS members'): that organization's meeting, never the SCO's."""
    orgs = {x.code for x in r.mentions if x.kind == "org"}
    return _org_of(r, m) is None and bool(orgs) and "SCO" not in orgs


def _ordinal_after(r) -> None:
    """'The summit opening in <city> in <year> is the nth (annual) summit': the ordinal of the one year named."""
    m = ORDINAL_AFTER.search(r.masked)
    years = {t.year for t in r.times if t.year}
    if m and len(years) == 1 and not r.overlaps_used(m.start("ord"), m.end("ord")):
        r.add("summit", m.start(), m.end(), {"relation": "ordinal", "ordinal": ordinal(m.group("ord")),
                                             "year": years.pop(), "org": _org_of(r, m)})
        r.take(m.start("ord"), m.end("ord"))


def _ordinal_anywhere(r) -> None:
    """An ordinal of the Council's meetings the patterns above left unread ('..., its 12th Heads of State Council
    meeting'): the summit of the one year the sentence names, else of the one city it names."""
    years = {t.year for t in r.times if t.year and t.kind in ("year", "month")}
    if any(t.kind not in ("year", "month") for t in r.times):
        return  # a range or a relative time: which year's meeting is meant is not said
    cities = {x.code for x in r.mentions if x.kind == "city"}
    for m in re.finditer(_ORDINAL_HEAD, r.masked, re.IGNORECASE):
        if r.overlaps_used(m.start("ord"), m.end("ord")) or not re.search(r"meeting|session|summit|council", m.group(0),
                                                                          re.IGNORECASE):
            continue
        owner = re.search(r"(⟨#+⟩)(?:['’]s)?\s+(?:own\s+)?$", r.masked[:m.start()])  # "the CIS's 12th summit"
        owner = r.org_at(owner.start(1)) if owner else None
        if _org_of(r, m) not in (None, "SCO") or owner not in (None, "SCO") or PRESUPPOSED.search(r.text[:m.start()]) \
                or _elsewhere(r, m):
            continue
        if len(years) == 1:
            fields = {"year": next(iter(years))}
        elif not years and len(cities) == 1:
            fields = {"city": next(iter(cities))}
        else:
            continue
        r.add("summit", m.start(), m.end(), {"relation": "ordinal", "ordinal": ordinal(m.group("ord")),
                                             "org": _org_of(r, m), **fields})
        r.take(m.start("ord"), m.end("ord"))


def _host_times(r) -> None:
    """'the fifth time China hosted the meeting' (the summit of the one year named), 'the city summit 2025'."""
    years = {t.year for t in r.times if t.year}
    for m in HOST_TIME.finditer(r.masked):
        ment = r.by_start.get(m.start("who"))
        if ment and ment.kind == "country" and not r.overlaps_used(m.start(), m.end()):
            r.add("summit", m.start(), m.end(), {"relation": "host count", "country": [ment.code],
                                                 "ordinal": ordinal(m.group("ord")),
                                                 "year": next(iter(years)) if len(years) == 1 else None})
            r.take(m.start(), m.end())
    for m in CITY_SUMMIT_YEAR.finditer(r.masked):
        ment = r.by_start.get(m.start("c"))
        if ment and ment.kind == "city" and not r.overlaps_used(m.start(), m.end()):
            r.add("summit", m.start(), m.end(), {"relation": "hosts", "summits": [[int(m.group("y")), ment.code]],
                                                 "org": r.org_before(m.start())})
            r.take(m.start(), m.end())


def _held(r) -> None:
    """'the 2024 SCO summit in Astana', 'the SCO summit held in Samarkand in September 2022', 'Astana hosted ...'."""
    for m in HELD.finditer(r.masked):
        ckey = next(k for k in ("c1", "c2", "c3") if m.group(k))
        ykey = next((k for k in ("y1", "y2", "y3", "y4") if m.group(k)), None)
        ment = r.by_start.get(m.start(ckey))
        if not ment or not ykey or r.overlaps_used(m.start(), m.end()):
            continue
        year = int(m.group(ykey))
        if ment.kind == "city":
            r.add("summit", m.start(), m.end(), {"relation": "hosts", "summits": [[year, ment.code]]})
        elif ment.kind == "country":
            r.add("summit", m.start(), m.end(), {"relation": "host", "country": [ment.code], "year": year})
        r.take(m.start(), m.end())


def judge_summit(claim, ev, as_of):
    p = claim.payload
    frame = ev.summits()
    if frame.empty:
        return unverifiable(claim, "no summits table in the data pack")
    calls = [Call.load("summits", year=p.year)]
    if p.relation == "attendance":
        return unverifiable(claim, "the summits list records each summit's date, host and declaration, not who "
                                   "attended it or in which role (member, observer, guest)")
    if p.relation == "date" and p.org and p.org != "SCO":
        return unverifiable(claim, f"the summits list holds only the SCO's meetings of heads of state, not "
                                   f"{ORG_NAMES.get(p.org, p.org)}'s")
    if p.relation == "date":
        if not p.year:
            return unverifiable(claim, p.period_note or "the summit's date could not be resolved")
        rows = frame[frame["host_city"].str.startswith(p.city) & (frame["year"] == p.year)]
        if rows.empty:
            return verdict(claim, CONTRADICTED, f"no SCO summit in {p.city} in {p.year}", calls=calls)
        held = rows.iloc[0]["date"]
        obs = [Observation(held.isoformat(), "date", SOURCE, held.year, note=rows.iloc[0]["host_city"])]
        if p.date:
            claimed = dt.date.fromisoformat(p.date)
            return verdict(claim, SUPPORTED if claimed == held else CONTRADICTED,
                           f"the {p.city} summit ended on {held.isoformat()}; the text's date resolves to "
                           f"{claimed.isoformat()} ({p.period_note or ''})", obs, calls=calls)
        days = set(p.days) | ({p.day} if p.day else set())
        if len(days) == 2:  # '9-10 July', '13 and 14 June': every day of the span
            days = set(range(min(days), max(days) + 1))
        ok = (not p.month or held.month == p.month) and (not days or held.day in days)
        why = f"the {p.city} summit: {held.isoformat()} (the summits list's date; claimed {_claimed(p)})"
        if not ok and held.month == p.month and any(abs(held.day - d) == 1 for d in days):
            return unverifiable(claim, why + "; the list keeps one day per summit, and a summit's other day is not "
                                             "held", obs, calls=calls)
        return verdict(claim, SUPPORTED if ok else CONTRADICTED, why, obs, calls=calls)
    if p.relation == "ordinal" and p.org and p.org != "SCO":
        return unverifiable(claim, f"the ordinal is {ORG_NAMES.get(p.org, p.org)}'s; the summits list holds only "
                                   f"the SCO's meetings of heads of state")
    if p.relation == "ordinal":
        if p.year:
            rows = frame[frame["year"] == p.year]
        else:  # a city without a year: any summit held there by the as-of date (the one with the ordinal, if any)
            rows = frame[frame["host_city"].str.startswith(p.city) & (frame["date"] <= as_of.day)]
            hits = [i for i, d in enumerate(rows["date"]) if int((frame["date"] <= d).sum()) == p.ordinal]
            rows = rows.iloc[hits[:1]] if hits else rows.iloc[-1:]
        if rows.empty:
            return unverifiable(claim, f"no summit recorded in {p.year or p.city} (by {as_of.day.isoformat()})")
        position = int((frame["date"] <= rows.iloc[0]["date"]).sum())
        # Two counts are in use: the Council's meetings from 2001, and the same counting the Shanghai Five's
        # meetings of 1996-2000 too. A claimed number matching either is supported; contradicted only when neither.
        outcome = SUPPORTED if p.ordinal in (position, position + SHANGHAI_FIVE_MEETINGS) else CONTRADICTED
        return verdict(claim, outcome,
                       f"the {int(rows.iloc[0]['year'])} summit ({rows.iloc[0]['host_city']}) is meeting number "
                       f"{position} of the Council of Heads of State counted from 2001, number "
                       f"{position + SHANGHAI_FIVE_MEETINGS} counting the Shanghai Five's meetings of 1996-2000",
                       [Observation(position, "count", SOURCE, int(rows.iloc[0]["year"]))],
                       [f"summits from {int(frame['year'].min())} to {int(rows.iloc[0]['year'])}: {position}"],
                       [Call.load("summits")])
    if p.org and p.org != "SCO":
        return unverifiable(claim, f"the summits list holds the SCO's meetings of heads of state from "
                                   f"{int(frame['year'].min())}; none of {ORG_NAMES.get(p.org, p.org)}")
    if p.relation == "hosts":
        verdicts, parts, observed = [], [], []
        for year, city in p.summits:
            rows = frame[frame["year"] == year]
            if rows.empty:
                verdicts.append(UNVERIFIABLE)
                parts.append(f"no summit recorded in {year}")
                continue
            host = rows.iloc[0]["host_city"]
            verdicts.append(SUPPORTED if str(host).startswith(city) else CONTRADICTED)
            parts.append(f"{year}: {host}")
            observed.append(Observation(host, "text", SOURCE, year))
        return verdict(claim, combine(verdicts), "; ".join(parts), observed, calls=[Call.load("summits")])
    if p.relation == "host count":  # by the as-of date, or up to the year's summit when the sentence dates it
        until = min(as_of.day, dt.date(p.year, 12, 31)) if p.year else as_of.day
        held = frame[frame["host_country"].isin(p.country) & (frame["date"] <= until)]
        return verdict(claim, SUPPORTED if len(held) == p.ordinal else CONTRADICTED,
                       f"{names(p.country)} hosted {len(held)} summits by {until.isoformat()}: " +
                       ", ".join(f"{d.year} {c}" for d, c in zip(held["date"], held["host_city"])),
                       [Observation(len(held), "count", SOURCE, as_of.day.year)], calls=[Call.load("summits")])
    if p.relation == "host" and p.ordinal and not p.year:  # "the 20th summit ... was chaired by Russia"
        if p.ordinal > len(frame):
            return unverifiable(claim, f"the summits list holds {len(frame)} meetings (to {int(frame['year'].max())})")
        row = frame.iloc[p.ordinal - 1]
        return verdict(claim, SUPPORTED if row["host_country"] in p.country else CONTRADICTED,
                       f"meeting number {p.ordinal} of the Council of Heads of State counted from 2001: "
                       f"{row['date']}, {row['host_city']}, {name(row['host_country'])}",
                       [Observation(row["host_country"], "country", SOURCE, int(row["year"]))],
                       calls=[Call.load("summits")])
    if p.relation == "host":
        year = p.year
        if year is None and p.city:
            rows = frame[frame["host_city"].str.startswith(p.city) & (frame["date"] <= as_of.day)]
            year = int(rows.iloc[-1]["year"]) if not rows.empty else None
        if year is None:
            return unverifiable(claim, "which summit is meant needs the article's date (--date)")
        rows = frame[frame["year"] == year]
        if rows.empty:
            return unverifiable(claim, f"no summit recorded in {year}")
        host = rows.iloc[0]["host_country"]
        return verdict(claim, SUPPORTED if host in p.country else CONTRADICTED,
                       f"the {year} summit was held in {rows.iloc[0]['host_city']}, {name(host)}",
                       [Observation(host, "country", SOURCE, year)], calls=[Call.load("summits", year=year)])
    return unverifiable(claim, f"summit relation '{p.relation}' is not checked")
