"""Reading a summit's city and calendar date together ('the summit took place in Ufa on 9-10 July 2015', 'leaders met
for their summit in Bishkek on 13 and 14 June 2019', 'the summit held in Dushanbe in September 2014'): one `summit`
claim of relation 'date' with the city, the year, the month and the days the text gives."""

from __future__ import annotations

import re

from .numbers import YEAR
from .sentence import E
from .times import MONTH_RE, MONTHS

_DAYS = r"(?P<days>\d{1,2}(?:\s*(?:[-–]|and|to)\s*\d{1,2})?)"
_WHEN = rf"(?:on\s+{_DAYS}\s+(?P<month>{MONTH_RE})|in\s+(?P<month2>{MONTH_RE})|on\s+(?P<month3>{MONTH_RE})\s+" \
        rf"(?P<days2>\d{{1,2}}(?:\s*(?:[-–]|and|to)\s*\d{{1,2}})?),?)\s+(?P<year>{YEAR})"
SUMMIT_DATE = [re.compile(p) for p in (
    rf"\b[Ss]ummit\s+(?:was\s+)?(?:held\s+|took\s+place\s+|convened\s+|opened\s+|met\s+|was\s+hosted\s+)?in\s+"
    rf"(?P<city>{E})\s*,?\s+{_WHEN}",
    rf"\b(?:met|gathered|convened)\s+(?:for\s+(?:their|its|the)\s+(?:annual\s+)?[Ss]ummit\s+)?in\s+(?P<city>{E})"
    rf"(?:\s+for\s+(?:their|its|the)\s+(?:annual\s+)?[Ss]ummit)?\s*,?\s+{_WHEN}")]


def read_summit_dates(r) -> None:
    """Add a 'date' summit claim for each city named with a month (and days) of a year."""
    for m in (m for pattern in SUMMIT_DATE for m in pattern.finditer(r.masked)):
        ment = r.by_start.get(m.start("city"))
        if ment is None or ment.kind != "city" or r.overlaps_used(m.start(), m.end()):
            continue
        month = next(m.group(k) for k in ("month", "month2", "month3") if m.group(k))
        days = m.group("days") or m.group("days2")
        fields = {"relation": "date", "city": ment.code, "year": int(m.group("year")),
                  "month": MONTHS.get(month.lower(), MONTHS.get(month.lower()[:3])),
                  "days": [int(d) for d in re.findall(r"\d{1,2}", days)] if days else [],
                  "org": r.org_before(m.start())}
        r.add("summit", m.start(), m.end(), fields)
        r.take(m.start(), m.end())
