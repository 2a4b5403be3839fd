"""When a text says something happened: years, ranges, 'since' phrases, months, partial periods ('the first nine
months', 'January-November'), fiscal years, relative dates ('last year', 'last Thursday') and events ('since the
invasion'). Relative dates resolve against the article's date only, with no arithmetic that can overflow."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .numbers import YEAR
from .prefilter import finditer

# Events articles date changes from ("since the invasion"): the year they happened. Annual comparisons use the last
# full year before it as the base (2022's figures already contain the post-invasion months).
EVENTS = {"invasion": 2022, "full-scale invasion": 2022, "war": 2022, "war in ukraine": 2022, "sanctions": 2022,
          "pandemic": 2020, "covid": 2020, "covid-19": 2020, "the start of the war": 2022}
MONTHS = {m: i + 1 for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                          "september", "october", "november", "december"])}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                        "sunday"])}
MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|" \
           r"Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
# Words for a count of months in "the first nine months", "the first 10 months".
_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12}
# A date the checker treats as a relative date's reference must leave room for the arithmetic (no overflow).
SAFE_DAYS = 14


@dataclass
class Time:
    """A time expression: kind ('year', 'since', 'range', 'month', 'partial', 'fiscal', 'relative', 'yoy', 'base',
    'now', 'event', 'then', 'same': 'that year', the year named before it), its span in the sentence and what it resolves to. A partial period carries its months
    (first, last) when the words say them."""

    start: int
    end: int
    kind: str
    year: int | None = None
    year2: int | None = None
    month: int | None = None
    day: int | None = None
    text: str = ""
    note: str = ""
    months: tuple[int, int] | None = None


_TIME_RE = re.compile(
    rf"\bsince\s+(?:(?P<s_then>then|that time)|(?:the\s+)?(?:(?:start|beginning|end)\s+of\s+)?(?:(?P<s_month>{MONTH_RE})\s+"
    rf"(?:of\s+)?)?(?P<s_year>{YEAR})|(?:the\s+)?(?:start\s+of\s+the\s+|beginning\s+of\s+the\s+)?"
    rf"(?P<s_event>full-scale invasion|invasion|war in Ukraine|war|sanctions|pandemic|COVID-19|COVID))"
    rf"|\b(?P<fy>(?:fiscal|financial)\s+year\s+(?:(?:from\s+)?{MONTH_RE}\s+)?{YEAR}\s*(?:[-–/]|to|through)\s*(?:{MONTH_RE}\s+)?"
    rf"{YEAR}|(?:FY|fiscal(?:\s+year)?|financial\s+year)\s*(?:{YEAR}|\d{{2}})(?:\s*[-–/]\s*(?:{YEAR}|\d{{2}}))?|"
    rf"{YEAR}\s*[-–/]\s*\d{{2}}(?![\d])\s+(?:fiscal|financial)\s+year)"
    rf"|\b(?P<sy1>{YEAR})\s*[-–/]\s*(?P<sy2>\d{{2}})(?![\d])"
    rf"|\b(?:from|between)\s+(?P<r1>{YEAR})\s+(?:to|and|until|till|through)\s+(?P<r2>{YEAR})"
    rf"|\b(?P<rb1>{YEAR})\s*[-–—]\s*(?P<rb2>{YEAR})\b"
    rf"|\b(?:in\s+|during\s+|for\s+|over\s+)?(?:the\s+)?(?P<p>(?:first|second|third|fourth|last)[\s-]+(?:half|quarter|"
    rf"(?:\w+[\s-]+)?months?|nine[\s-]months?|six[\s-]months?|(?:two|three|2|3)[\s-]+quarters)|H[12]|Q[1-4]|9M|(?P<pm1>{MONTH_RE})\s*[-–]\s*(?P<pm2>{MONTH_RE})|"
    rf"(?:from\s+)?(?P<pm3>{MONTH_RE})\s+(?:to|through|till|until)\s+(?P<pm4>{MONTH_RE})|(?:through|until|up\s+to)\s+"
    rf"(?:the\s+end\s+of\s+)?(?P<pm5>January|February|March|April|May|June|July|August|September|October|November))"
    rf"(?:\s+(?:of\s+)?(?P<p_year>{YEAR}))?"
    rf"|\b(?:(?P<m_day>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<m_month>{MONTH_RE})\s+(?:(?P<m_day2>\d{{1,2}})"
    rf"(?:[-–/]\d{{1,2}})?,?\s+)?(?:of\s+)?(?P<m_year>{YEAR})"
    rf"|\b(?P<rel>in recent years|in the past few years|over the past few years|last year|this year|the previous year|the past year|a year earlier|a year ago|last month|"
    rf"last week|yesterday|last (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    rf"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
    rf"|\b(?P<yoy>year[- ]on[- ]year|y/y|yoy|from a year earlier|than (?:a year (?:earlier|before|ago)|the "
    rf"(?:previous|prior|preceding) year)|from the previous year|over the previous year|"
    rf"compared (?:with|to) (?:a year earlier|the previous year|last year))"
    rf"|\b(?:compared (?:with|to)|versus|vs\.?|up from|down from|against|than(?=\s+in\s+{YEAR}))\s+(?:(?:US)?\$?[\d.,]+\s*\w*\s+)?"
    rf"(?:in\s+)?(?P<c_year>{YEAR})"
    rf"|(?:(?<=%)|(?<=\bpercent)|(?<=\bper cent))\s+(?:on|over|above|below)\s+(?:the\s+|its\s+)?(?:level\s+of\s+)?"
    rf"(?:in\s+)?(?P<c_year2>{YEAR})(?![\d-])(?:\s+(?:level|figure|total))?"
    rf"|\b(?P<same>that\s+(?:same\s+)?year|the\s+same\s+year|in\s+the\s+same\s+period)\b"
    rf"|\bfrom\s+(?P<f_year>{YEAR})(?=\s+to\s+(?!(?:19|20)\d\d\b)(?:a\s+record\s+|about\s+|around\s+|some\s+|nearly\s+|"
    rf"almost\s+|over\s+|more\s+than\s+)?(?:US\$|\$|€|USD|EUR|\d))"  # "rose 40% from 2019 to $1 billion": since 2019
    rf"|\b(?P<y>{YEAR})(?![\d-])"
    rf"|\b(?P<now>now|currently|today|at present|these days|nowadays)\b"
    rf"|\b(?:because of|after|amid|following|due to|since)\s+(?:the\s+|Western\s+|international\s+)?"
    rf"(?P<event>sanctions|invasion|war in Ukraine|full-scale invasion|pandemic)",
    re.IGNORECASE)


def _month(word: str | None) -> int | None:
    return MONTHS.get(word.lower().rstrip(".")) if word else None


def partial_months(text: str, groups: dict) -> tuple[int, int] | None:
    """The (first, last) months of a partial period when its words say them: 'first nine months' → (1, 9),
    'January-November' → (1, 11), 'H1' → (1, 6), 'third quarter' → (7, 9); None for 'the last six months'."""
    words = text.lower().replace("-", " ")  # "first-quarter", "nine-month"
    pairs = [(groups.get("pm1"), groups.get("pm2")), (groups.get("pm3"), groups.get("pm4"))]
    for a, b in pairs:
        if a and b:
            first, last = _month(a), _month(b)
            return (first, last) if first and last and first <= last else None
    if groups.get("pm5"):
        return (1, _month(groups["pm5"]))
    if re.search(r"\bh1\b|first half", words):
        return (1, 6)
    if re.search(r"\bh2\b|second half", words):
        return (7, 12)
    if "9m" in words:
        return (1, 9)
    quarter = re.search(r"\bq([1-4])\b|(first|second|third|fourth) quarter", words)
    if quarter:
        n = int(quarter.group(1)) if quarter.group(1) else ("first", "second", "third", "fourth").index(
            quarter.group(2)) + 1
        return (3 * n - 2, 3 * n)
    quarters = re.search(r"first\s+(two|three|2|3)\s+quarters", words)  # "the first three quarters": January-September
    if quarters:
        return (1, 3 * {"two": 2, "three": 3}.get(quarters.group(1), int(quarters.group(1)) if quarters.group(1).isdigit()
                                                   else 0))
    count = re.search(r"first\s+(\w+)\s+months?", words)
    if count:
        n = _COUNT.get(count.group(1)) or (int(count.group(1)) if count.group(1).isdigit() else None)
        return (1, n) if n and 1 <= n <= 12 else None
    return None


def find_times(text: str) -> list[Time]:
    """The time expressions of a sentence, left to right."""
    out = []
    for m in finditer(_TIME_RE, text):
        g = m.groupdict()
        span = (m.start(), m.end())
        if g["s_then"]:
            out.append(Time(*span, "then", text=m.group(0)))
        elif g["s_year"]:
            out.append(Time(*span, "since", int(g["s_year"]), month=_month(g["s_month"]), text=m.group(0)))
        elif g["s_event"]:
            year = EVENTS.get(g["s_event"].lower(), 2022)
            out.append(Time(*span, "since", year, text=m.group(0), note=f"'{g['s_event']}' dated {year}"))
        elif g["fy"]:
            years = [int(y) for y in re.findall(YEAR, g["fy"])]
            out.append(Time(*span, "fiscal", years[0] if years else None, text=m.group(0),
                            note=f"'{g['fy'].strip()}' is a fiscal year, not a calendar year"))
        elif g["sy1"]:
            first = int(g["sy1"])
            last = first - first % 100 + int(g["sy2"])
            if last == first + 1 and re.search(r"\b(?:India|Indian|Pakistan|Pakistani)\b", text):
                out.append(Time(*span, "fiscal", first, text=m.group(0),
                                note=f"'{m.group(0)}' is read as a fiscal year (India's and Pakistan's run April-"
                                     f"March or July-June), not a calendar year"))
            elif last > first:
                out.append(Time(*span, "range", first, last, text=m.group(0)))
        elif g["r1"] or g["rb1"]:
            a, b = int(g["r1"] or g["rb1"]), int(g["r2"] or g["rb2"])
            if a < b:
                out.append(Time(*span, "range", a, b, text=m.group(0)))
        elif g["p"] is not None:
            months = partial_months(m.group(0), g)
            if months == (1, 12) and g["p_year"]:  # "January-December 2020", "the first twelve months of 2020": the year
                out.append(Time(*span, "year", int(g["p_year"]), text=m.group(0),
                                note=f"'{m.group(0)}' covers all twelve months: the calendar year"))
                continue
            out.append(Time(*span, "partial", int(g["p_year"]) if g["p_year"] else None, text=m.group(0),
                            months=months))
        elif g["m_month"]:
            day = g["m_day"] or g["m_day2"]
            out.append(Time(*span, "month", int(g["m_year"]), month=_month(g["m_month"]),
                            day=int(day) if day else None, text=m.group(0)))
        elif g["rel"]:
            out.append(Time(*span, "relative", text=g["rel"].lower().replace("on ", "")))
        elif g["yoy"]:
            out.append(Time(*span, "yoy", text=m.group(0)))
        elif g["c_year"] or g["c_year2"]:  # "compared with 2019", "a rise of 26% on 2022", "8% above 2021"
            out.append(Time(*span, "base", int(g["c_year"] or g["c_year2"]), text=m.group(0)))
        elif g["same"]:
            earlier = [t for t in out if t.kind in ("year", "month") and t.year]
            out.append(Time(*span, "same", earlier[-1].year if earlier else None, text=m.group(0),
                            note=f"'{m.group(0)}' = {earlier[-1].year}" if earlier else ""))
        elif g["f_year"]:
            out.append(Time(*span, "since", int(g["f_year"]), text=m.group(0)))
        elif g["y"]:
            out.append(Time(*span, "year", int(g["y"]), text=m.group(0)))
        elif g["now"]:
            out.append(Time(*span, "now", text=m.group(0)))
        elif g["event"]:
            year = EVENTS.get(g["event"].lower(), 2022)
            out.append(Time(*span, "event", year, text=m.group(0), note=f"'{g['event']}' dated {year}"))
    # "a year earlier (2020)": the year in brackets says which, the relative words do not decide
    out = [t for t in out if not (t.kind == "relative" and re.match(rf"\s*\(\s*{YEAR}\s*\)", text[t.end:]))]
    return [_year_earlier(t, out) for t in out]


def _year_earlier(t: Time, times: list[Time]) -> Time:
    """'a year earlier' after a year the sentence states ('$14.1 billion in 2022, against $8.4 billion a year
    earlier') is the base year before it, not a date relative to the article."""
    if t.kind != "relative" or t.text != "a year earlier":
        return t
    stated = [x for x in times if x.end <= t.start and x.kind == "year" and x.year]
    if not stated:
        return t
    year = stated[-1].year - 1
    return Time(t.start, t.end, "base", year, text=t.text, note=f"'{t.text}' = {year}, the year before {year + 1}")


def resolve_relative(word: str, date: dt.date | None) -> tuple[int | None, dt.date | None, str]:
    """'last year', 'last Thursday' relative to the article date: (year, day, note). Without a date, or with one
    too close to the calendar's ends for the arithmetic: (None, None, why)."""
    if word.endswith("few years") or word.endswith("recent years"):  # "climbed to $N in recent years": no year said
        return None, None, f"'{word}' names no year (a figure reached at some unstated point)"
    if date is None:
        return None, None, f"'{word}' is relative and no article date was given (--date)"
    if not (dt.date.min + dt.timedelta(days=SAFE_DAYS) <= date <= dt.date.max - dt.timedelta(days=SAFE_DAYS)) \
            or date.year < 2:
        return None, None, f"'{word}' cannot be resolved against the article date {date.isoformat()}"
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


def date_in(text: str) -> tuple[int, int | None, int | None]:
    """(year, month, day) of the first date in text ('15 June 2001', 'June 15, 2001', 'June of 2001', '2001');
    (0, None, None) when none."""
    m = re.search(rf"(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?:(?P<mo>{MONTH_RE})\s+(?:(?P<d2>\d{{1,2}}),?\s+)?"
                  rf"(?:of\s+)?)?(?P<y>{YEAR})", text)
    if not m:
        return 0, None, None
    day = m.group("d") or m.group("d2")
    return int(m.group("y")), _month(m.group("mo")), int(day) if day else None
