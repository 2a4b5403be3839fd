"""Reading a summit's city and calendar date together ('the summit took place in Ufa on 9-10 July 2015', 'leaders met
for their summit in Bishkek on 13 and 14 June 2019', 'the summit held in Dushanbe in September 2014'): one `summit`
claim of relation 'date' with the city, the year, the month and the days the text gives; and who attended a summit
('the summit was attended by ...', 'Turkmenistan took part in the summit as a guest'), which no table records; and who
chairs the year's summit ('X's President ... is chairing the meeting': its host)."""

from __future__ import annotations

import re

from .numbers import YEAR
from .sentence import E
from .times import MONTH_RE, MONTHS
from .prefilter import finditer

_DAYS = r"(?P<days>\d{1,2}(?:\s*(?:[-–]|and|to)\s*\d{1,2})?)"
_WHEN = rf"(?:on\s+{_DAYS}\s+(?P<month>{MONTH_RE})|in\s+(?P<month2>{MONTH_RE})|on\s+(?P<month3>{MONTH_RE})\s+" \
        rf"(?P<days2>\d{{1,2}}(?:\s*(?:[-–]|and|to)\s*\d{{1,2}})?),?)\s+(?P<year>{YEAR})"
SUMMIT_DATE = [re.compile(p) for p in (
    rf"\b[Ss]ummit\s+(?:was\s+)?(?:held\s+|took\s+place\s+|convened\s+|opened\s+|met\s+|was\s+hosted\s+)?in\s+"
    rf"(?P<city>{E})\s*,?\s+{_WHEN}",
    rf"\b(?:met|gathered|convened)\s+(?:for\s+(?:their|its|the)\s+(?:annual\s+)?[Ss]ummit\s+)?in\s+(?P<city>{E})"
    rf"(?:\s+for\s+(?:their|its|the)\s+(?:annual\s+)?[Ss]ummit)?\s*,?\s+{_WHEN}",
    # the city before the verb: "the SCO summit in Astana took place on 3-4 July", "the Ufa summit was held in July"
    rf"(?:\b[Ss]ummit\s+in\s+(?P<city>{E})|(?P<cityb>{E})\s+[Ss]ummit)\s+(?:was\s+|is\s+|will\s+be\s+)?(?:held|took\s+"
    rf"place|takes\s+place|convened|opened|met|began|started|hosted|staged|organi[sz]ed)\s+{_WHEN}")]


ATTENDED = re.compile(r"\b[Ss]ummit\b[^.;]{0,60}?\b(?:was\s+|were\s+)?attended\s+by\b|\battended\s+the\s+(?:[^\s.;]+\s+)"
                      r"{0,4}?[Ss]ummit\b|\b(?:took\s+part|participated)\s+in\s+the\s+(?:[^\s.;]+\s+){0,4}?[Ss]ummit\b")


def read_attendance(r) -> None:
    """'The summit was attended by A, B and C', 'A attended the SCO summit as a guest': attendance claims."""
    for m in finditer(ATTENDED, r.masked):
        if not r.overlaps_used(m.start(), m.end()):
            r.add("summit", m.start(), m.end(), {"relation": "attendance", "org": r.org_before(m.start())})


def read_summit_dates(r) -> None:
    """Add a 'date' summit claim for each city named with a month (and days) of a year."""
    for m in (m for pattern in SUMMIT_DATE for m in finditer(pattern, r.masked)):
        ment = r.by_start.get(m.start("city") if m.group("city") else m.start("cityb"))
        if ment is None or ment.kind != "city" or r.overlaps_used(m.start(), m.end()):
            continue
        if any(c.type == "summit" and c.payload.relation == "date" and c.payload.city == ment.code and
               c.payload.year == int(m.group("year")) for c in r.claims):
            continue  # read already with the verb of ending ('the Ufa summit, which was held in July 2015')
        month = next(m.group(k) for k in ("month", "month2", "month3") if m.group(k))
        days = m.group("days") or m.group("days2")
        fields = {"relation": "date", "city": ment.code, "year": int(m.group("year")),
                  "month": MONTHS.get(month.lower(), MONTHS.get(month.lower()[:3])),
                  "days": [int(d) for d in re.findall(r"\d{1,2}", days)] if days else [],
                  "org": r.org_before(m.start())}
        r.add("summit", m.start(), m.end(), fields)
        r.take(m.start(), m.end())


# "Uzbekistan's President ... is chairing the meeting", "Kazakhstan chaired the summit": the host of the year's summit
# (the Council of Heads of State is chaired by the head of state of the host country).
CHAIRING = re.compile(rf"(?P<who>{E})(?:['’]s?)?(?:\s+(?:President|Prime\s+Minister|leader|head\s+of\s+state)(?:\s+[A-Z][\w'-]+)"
                      rf"{{0,3}})?\s+(?:is\s+|was\s+|has\s+been\s+)?(?:chairing|chaired|chairs|presiding\s+over|presided\s+over|"
                      rf"presides\s+over)\s+(?:the|this|this\s+year['’]s|its)\s+(?:[\w-]+\s+){{0,3}}?(?P<what>summit|"
                      rf"meeting|session|council)\b")


def read_chairs(r) -> None:
    """A state chairing the summit (or the meeting of the heads of state) of the sentence's year, else the article's:
    a 'host' claim; another organization's meeting named in the sentence is left unread."""
    if any(m.kind == "org" and m.code != "SCO" for m in r.mentions):
        return
    for m in finditer(CHAIRING, r.masked):
        ment = r.by_start.get(m.start("who"))
        year = next((t.year for t in r.times if t.year), None) or (r.ctx.date.year if r.ctx.date else None)
        if ment is None or ment.kind != "country" or year is None or r.overlaps_used(m.start(), m.end()):
            continue
        r.add("summit", m.start(), m.end(), {"relation": "host", "country": [ment.code], "year": year})
        r.take(m.start(), m.end())
