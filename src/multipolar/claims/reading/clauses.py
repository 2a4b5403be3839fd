"""Clauses and periods: where a clause of a sentence begins and ends, which time expressions belong to a figure,
and what period a claim is about (year, base year, 'since', partial months, fiscal year, relative dates)."""

from __future__ import annotations

import re

from .times import Time, resolve_relative
from .prefilter import finditer, search
from .year_gaps import is_base_year

# Separators between the clauses of a compound sentence.
# (a figure in brackets, "61% ($5.8 billion) of its trade", "fell by $3 billion (-20%)", "the year before (2020)",
# "$575 million (FY07)", is an aside within the clause)
CLAUSE_BREAK = re.compile(r";|,\s+but\b|,\s+while\b|,\s+whereas\b|,\s+so\s+too\b|\bbut\s+since\b|"
                          r"\((?!\s*(?:about\s+|some\s+|nearly\s+|over\s+)?(?:(?:US\$|\$|€|USD|EUR)\s?\d[\d.,]*\s?"
                          r"(?:trillion|billion|million|tn|bn|mn|m|b)?|[-+−]?\d[\d.,]*\s?(?:%|percent)|(?:19|20)\d\d|FY\s?\d{2,4}(?:[-–/]\d{2,4})?)\s*\))|,\s+and\s+(?=\w+\s+"
                          r"(?:its|their|the)\b)|,\s+(?:although|though|yet)\b|\s+—\s+|\s+–\s+|,\s+and\s+that\b")  # "said X, and that Y"


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """The clause around pos: between separators (';', ', but', ', while', ', whereas', a dash...)."""
    start, end = 0, len(text)
    for m in finditer(CLAUSE_BREAK, text):
        if m.end() <= pos:
            start = m.start()
        elif m.start() > pos:
            end = m.start()
            break
    return start, end


THIS_YEAR = re.compile(r"\s+of\s+(?:the|this)\s+(?:current\s+)?year\b", re.IGNORECASE)
# "the lowest since", "its highest in years since": a ranking of the year, not a period's start.
LOWEST_SINCE = re.compile(r"\b(?:lowest|highest|weakest|strongest|smallest|largest|biggest|best|worst)\b(?:\s+\w+){0,2}"
                          r"\s*$", re.IGNORECASE)


def time_for(r, pos: int, *, region: tuple[int, int] | None = None) -> list[Time]:
    """Times in the clause of pos (closest first), within region when given."""
    c0, c1 = clause_bounds(r.text, pos)
    if region:
        c0, c1 = max(c0, min(region[0], pos)), min(c1, max(region[1], pos))
    times = [tm for tm in r.times if c0 <= tm.start < c1]
    own = [tm for tm in times if not (is_base_year(r.text, tm) and tm.end + 25 < pos)]
    if own:  # "$92.7 billion in 2019, $3 billion below 2018's $95.7 billion, with exports at $X": X is 2019's
        times = own
    return sorted(times, key=lambda tm: abs(tm.start - pos))


def resolve_period(r, times: list[Time], parsed: dict, *, change: bool) -> None:
    """Fill the period fields of parsed (year, base_year, years, since, yoy, now, partial, months, fiscal, month,
    base_month, unresolved, period_note) from the clause's time expressions (closest first)."""
    notes = []
    for tm in times:
        if tm.kind == "partial":
            parsed["partial"] = tm.text
            if tm.months:
                parsed["months"] = tm.months
            if tm.year and "year" not in parsed:
                parsed["year"] = tm.year
            elif not tm.year and "year" not in parsed and r.ctx.date is not None and \
                    THIS_YEAR.match(r.text, tm.end):  # "the first five months of the year": the article's year
                parsed["year"] = r.ctx.date.year
                notes.append(f"'of the year' read as the article's year ({r.ctx.date.year})")
        elif tm.kind == "fiscal":
            parsed["fiscal"] = tm.text.strip()
            notes.append(tm.note)
        elif tm.kind == "relative":
            year, _, note = resolve_relative(tm.text, r.ctx.date)
            notes.append(note)
            if year and "year" not in parsed:
                parsed["year"] = year
            elif year is None:
                parsed["unresolved"] = tm.text
        elif tm.kind == "since" and search(LOWEST_SINCE, r.text[max(0, tm.start - 40):tm.start]):
            continue  # "the lowest since 2015" says where the year stands, not the base of a change
        elif tm.kind in ("since", "then", "event") and change and "base_year" not in parsed:
            src = tm
            if tm.kind == "then":
                earlier = [x for x in r.times if x.end <= tm.start and x.kind in ("month", "year", "since", "event")]
                src = earlier[-1] if earlier else r.ctx.last_time
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
        elif tm.kind == "same":  # "that year": the year named before it (in the sentence, else the text)
            year = tm.year or (r.ctx.last_time.year if r.ctx.last_time is not None else None)
            if year:
                parsed.setdefault("year", year)
                notes.append(f"'{tm.text}' = {year}")
            else:
                parsed["unresolved"] = tm.text
        elif tm.kind == "now":
            parsed["now"] = True
    if change and parsed.get("yoy") and parsed.get("year") and "base_year" not in parsed:
        parsed["base_year"] = parsed["year"] - 1
    if change and parsed.get("base_year") and parsed.get("year") == parsed.get("base_year"):
        parsed.pop("year")
    if notes:
        parsed["period_note"] = "; ".join(n for n in notes if n)


# "over the past five years", "in the last decade", "the five years to 2023".
_SPAN_RE = re.compile(r"\b(?:over|in|during|for)\s+the\s+(?P<n5>\w+)\s+years\s+(?:to|through|until|ending(?:\s+in)?)\s+"
                      r"(?P<end>(?:19|20)\d\d)\b"
                      r"|\b(?:over|in|during|for)\s+the\s+(?:past|last|previous|preceding)\s+(?P<n>\w+)\s+years?"
                      r"|\b(?:over|in|during|for)\s+the\s+(?:past|last)\s+decade|\b(?P<n2>\w+)[- ]years?\s+(?:period|"
                      r"window|span)|\bover\s+(?P<n3>\w+)\s+years", re.IGNORECASE)
_N = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
      "fifteen": 15, "twenty": 20}


def window_of(r, pos: int) -> dict:
    """The years a cumulative claim covers ('in 2019-2023', 'over the past five years', 'since 2015', 'in 2022'):
    {'years': (first, last)} when both are stated, {'span': n} for a stated length ending at the latest year,
    {'base_year': y} for 'since y', {'year': y} for one year; {} when nothing is said."""
    c0, c1 = clause_bounds(r.text, pos)
    region = r.text[c0:c1]
    m = search(_SPAN_RE, region)
    # the times nearest the position first (those after it before those before it)
    times = sorted((tm for tm in r.times if c0 <= tm.start < c1),
                   key=lambda tm: (tm.start < pos, abs(tm.start - pos)))
    for tm in times:
        if tm.kind == "range":
            return {"years": (tm.year, tm.year2)}
    if m and m.group("end"):  # "in the five years to 2023": 2019-2023
        word = m.group("n5").lower()
        n = int(word) if word.isdigit() else _N.get(word)
        if n:
            return {"years": (int(m.group("end")) - n + 1, int(m.group("end")))}
    same = re.search(r"\b(?:that|the\s+same)\s+(?:period|time|window|span|years)\b", region)
    if same:
        # "in the same period": a window the sentence named before this clause, else the previous sentence's period
        before = [tm for tm in r.times if tm.start < c0 and tm.kind == "range"]
        if before:
            return {"years": (before[-1].year, before[-1].year2)}
    if same and r.ctx.last_time is not None:
        last = r.ctx.last_time  # "over that period": the period the previous sentence named
        if last.kind == "range":
            return {"years": (last.year, last.year2)}
        if last.year:
            return {"year": last.year}
    if m:
        word = (m.group("n") or m.group("n2") or m.group("n3") or "").lower()
        n = 10 if "decade" in m.group(0).lower() else (int(word) if word.isdigit() else _N.get(word))
        if n:
            out = {"span": n}
            ends = [tm.year for tm in times if tm.kind == "year" and tm.year]
            if ends:
                out["year"] = max(ends)
            return out
    for tm in times:
        if tm.kind == "since" and tm.year:
            return {"base_year": tm.year}
    for tm in times:
        if tm.kind in ("year", "month") and tm.year:
            return {"year": tm.year}
    return {}
