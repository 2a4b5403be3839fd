"""Pure selection for the report and the dashboard: frames in, records out, no data access (gathering.py reads).

Which crossover row heads each cell of the who-leads grid, the key findings' sentences, readable source names,
the years a state's charts span and which source view each chart highlights. Who leads is never decided here: the
crossover rows' `leader` column (one rule, `indicators/leads.py`) says it; this module only picks rows and words.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..countries import name_of
from ..indicators import leads
from ..indicators import quality as Q

# Dimensions in the order the report lists them.
DIMENSIONS = ("trade", "security", "diplomacy", "finance", "composite")
# What each dimension compares, in words (grid headers, findings).
DIMENSION_TITLES = {"trade": "Trade", "security": "Arms imports", "diplomacy": "UN votes", "finance": "Lending",
                    "composite": "Composite index"}
# The same inside a sentence.
DIMENSION_WORDS = {"trade": "trade", "security": "arms imports", "diplomacy": "UN votes", "finance": "lending",
                   "composite": "the composite index"}
# The source view judged first for each dimension's headline cell (the others are counted as agreeing or not);
# the heatmap keeps these rows' share measures so every cell is a difference of two 0-1 shares.
PRIMARY_SOURCES = {
    "trade": ("reconciled", "national_*", "mirror:imf_dots", "imf_dots"),
    "security": ("sipri_at",),
    "diplomacy": ("bsv_idealpoints", "unvotes_computed", "icews"),
    "finance": ("aiddata_gcdf3",),
    "composite": ("composite",),
}
# Measures whose value is a 0-1 share (so China-minus-Russia is in share points and can share one colour scale).
SHARE_MEASURES = ("trade_share:turnover", "trade_share:import", "trade_share:export", "arms_share_5y",
                  "un_agreement", "influence_score")
# Measures on a 0-1 index scale (shown as 0.66, not as a percentage).
INDEX_MEASURES = ("influence_score",)
# The series drawn for each state, one chart each: indicator → (dimension, chart subject, flows in order of
# preference or None, axis tick format (".2~%": whole percent where the ticks are whole, never two ticks
# rounded to one label), axis title with its unit).
STATE_SERIES = {
    "trade_share": ("trade", "goods trade", ("turnover", "import", "export"), ".2~%", "% of the state's goods trade"),
    "arms_share_5y": ("security", "arms imports", None, ".2~%", "% of its arms imports, 5-year sum"),
    "un_agreement": ("diplomacy", "UN votes", None, ".2~%", "% of UN General Assembly votes agreeing"),
    "influence_score": ("composite", "composite influence", None, ".2f", "index, 0 (none) to 1"),
}
# The first year a state's charts show: the Soviet Union ended in December 1991, and with it the states of Central
# Asia, so earlier years (UN votes go back to 1946) would squeeze the years the report is about.
FIRST_YEAR = 1992
# Organizations drawn on the membership timeline (the SCO and the blocs around it).
ORGANIZATIONS = ("SCO", "EAEU", "CSTO", "CIS", "BRICS")
# The two powers: ISO3 → the name the crossover's `leader` column uses.
POWER_NAMES = {"CHN": "China", "RUS": "Russia"}
# The crossover's reading when neither power clearly leads (indicators/leads.py).
NO_CLEAR_LEAD = leads.NO_CLEAR_LEAD
# Source labels the indicators make themselves (not a source module's id), in words.
DERIVED_LABELS = {"reconciled": "reconciled view",
                  "composite": "multipolar's composite influence index"}
# Quality flags (indicators.quality's vocabulary) drawn as a hollow marker: the figure is not a firm, full-year,
# published one. The dashboard's charts read the same lists (served with every page).
HOLLOW_FLAGS = ("estimate", "imputed", "preliminary", "partial_year", "implausible")
# Quality flag marking the year the reconciled view changes source view (drawn as a diamond).
SWITCH_FLAG = "source_switch"
assert set(HOLLOW_FLAGS) | {SWITCH_FLAG} <= set(Q.FLAGS), "marker flags outside indicators.quality's vocabulary"


def country_name(iso3: str) -> str:
    """Short English name of an ISO3 code."""
    return POWER_NAMES.get(iso3) or name_of(iso3)


# ---------------------------------------------------------------------------------------------------------------
# Source names


def source_name(label: str, names: dict[str, str]) -> str:
    """A source label in words: `names` holds each source id's declared label (sources' ORIGIN); the indicators'
    own views are described from it ('mirror:imf_dots' → partners' reports in the IMF's DOTS)."""
    label = str(label or "")
    if label in names:
        return names[label]
    if label.startswith("mirror:"):
        return f"partners' reports ({source_name(label.split(':', 1)[1], names)})"
    if label in DERIVED_LABELS:
        return DERIVED_LABELS[label]
    # An id the indicators derive from a source's (e.g. 'unvotes_computed', 'gdelt_annual'): that source's name.
    stem = max((k for k in names if label.startswith(k + "_") or label.startswith(k)), key=len, default=None)
    return names[stem] if stem else label


def source_line(labels, names: dict[str, str], highlight: str | None = None) -> str:
    """'Source: A; B; C' for the labels drawn in a chart, the highlighted one first."""
    seen = list(dict.fromkeys(str(x) for x in labels if x))
    if highlight in seen:
        seen.remove(highlight)
        seen.insert(0, highlight)
    words = list(dict.fromkeys(source_name(s, names) for s in seen))
    return "Source: " + ("; ".join(words) if words else "none in the data pack")


# ---------------------------------------------------------------------------------------------------------------
# Quality flags


def flags(quality) -> list[str]:
    """The flags of a `quality` value ('' or missing: none)."""
    if quality is None or quality is pd.NA:
        return []
    return Q.split(quality)


def flag_texts(quality) -> list[str]:
    """Readable sentences for a quality value's flags (indicators.quality's texts)."""
    return [Q.flag_text(f) for f in flags(quality)]


def flag_name(flag: str) -> str:
    """A flag's name ('partial_year:9m' → 'partial_year'; indicators.quality's vocabulary)."""
    return Q.name(flag)


def short_flag(flag: str) -> str:
    """A flag in two or three words for a grid cell: 'partial_year:9m' → 'partial year (9 months)'."""
    key, _, detail = flag.partition(":")
    word = key.replace("_", " ")
    if detail.endswith("m") and detail[:-1].isdigit():
        detail = f"{detail[:-1]} month{'s' if detail[:-1] != '1' else ''}"
    elif detail.endswith("y") and detail[:-1].isdigit():
        detail = f"{detail[:-1]} year{'s' if detail[:-1] != '1' else ''}"
    return f"{word} ({detail})" if detail else word


def chips(quality) -> list[str]:
    """A figure's flags in a few words each, as chips and after its source: 'partial year (9 months)'; the
    composite's carried-forward components in one ('carried forward (alliance 2018, igo 2014)'); no_comparison
    left out (said in words wherever it applies)."""
    found = [f for f in flags(quality) if flag_name(f) != "no_comparison"]
    carried = [f.split(":", 1)[1].replace("=", " ") for f in found if flag_name(f) == "carried_forward"]
    words = [short_flag(f) for f in found if flag_name(f) != "carried_forward"]
    if carried:
        words.insert(0, f"carried forward ({', '.join(carried)})")
    return words


def flag_words(quality, lead: str = "; flags: ") -> str:
    """'; flags: estimate, partial year (9 months)' for a figure's flags ('' for none), to follow its source."""
    words = chips(quality)
    return lead + ", ".join(words) if words else ""


def row_flags(frame: pd.DataFrame) -> pd.Series:
    """Each row's quality value ('' for none): every indicator frame has the `quality` column."""
    return frame["quality"].fillna("").astype(str)


def is_hollow(quality) -> bool:
    """Whether a figure with these flags is drawn hollow (not a firm, full-year, published figure)."""
    return any(flag_name(f) in HOLLOW_FLAGS for f in flags(quality))


def is_switch(quality) -> bool:
    """Whether the reconciled view changes source view at a figure with these flags (drawn as a diamond)."""
    return any(flag_name(f) == SWITCH_FLAG for f in flags(quality))


def has_flag(quality, name: str) -> bool:
    return any(flag_name(f) == name for f in flags(quality))


# ---------------------------------------------------------------------------------------------------------------
# The headline grid: who leads now, since when, by which source


def _matches(source: str, pattern: str) -> bool:
    return source.startswith(pattern[:-1]) if pattern.endswith("*") else source == pattern


def preference(dimension: str, source: str) -> int:
    """Rank of a source view in PRIMARY_SOURCES[dimension] (lower first; unlisted views last)."""
    for i, pattern in enumerate(PRIMARY_SOURCES.get(dimension, ())):
        if _matches(str(source), pattern):
            return i
    return len(PRIMARY_SOURCES.get(dimension, ()))


def leader_of(record: dict) -> str | None:
    """The crossover row's own reading (`leader`: 'China', 'Russia' or 'no clear lead'), or None where the row
    compared nothing (no year with both powers: only one has data, or no full year)."""
    lead = record.get("latest_lead")
    if lead is None or pd.isna(lead):
        return None
    return record["leader"]


def primary_rows(cross: pd.DataFrame) -> pd.DataFrame:
    """One crossover row per (country, dimension): the compared row of the most preferred source (then the most
    recent, then the longest); rows without a comparison only where no source compares."""
    if cross.empty:
        return cross
    c = cross.copy()
    c["_compared"] = c["latest_lead"].notna()
    c["_pref"] = [preference(d, s) for d, s in zip(c["dimension"], c["source"].fillna(""))]
    c["_latest"] = c["latest_year"].fillna(-1).astype(int)
    c["_n"] = c["n_years"].fillna(0).astype(int)
    c = c.sort_values(["country", "dimension", "_compared", "_pref", "_latest", "_n"],
                      ascending=[True, True, False, True, False, False], kind="stable")
    return c.groupby(["country", "dimension"], sort=False).head(1).drop(
        columns=["_compared", "_pref", "_latest", "_n"]).reset_index(drop=True)


def _int(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _num(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _text(value) -> str:
    """A text cell ('' for a missing one)."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def direction(lead: float | None, change: float | None, measure: str, source: str = "") -> str:
    """'china' / 'russia' / 'steady': which way China's lead moved over the crossover's trend window (lead_change),
    read with the one lead rule (indicators.leads): the latest lead against the lead at the window's start, a
    difference under the measure's threshold (or none: a single year compared) is steady."""
    if lead is None or change is None:
        return "steady"
    moved = leads.side(lead, lead - change, leads.rule_for(measure, source))
    return "china" if moved > 0 else "russia" if moved < 0 else "steady"


def headline(cross: pd.DataFrame, states: list[str], sources: dict[str, str] | None = None) -> pd.DataFrame:
    """Per state and dimension: the reading of the row judged first (its `leader`: China, Russia or no clear lead),
    the year, both values, since when, the source and its flags, the direction of China's lead and how many other
    source views read the same (all from the crossover rows: this only selects and labels them)."""
    sources = sources or {}
    rows = []
    prim = primary_rows(cross)
    for rec in prim.to_dict("records"):
        reading = leader_of(rec)
        row = {"country": rec["country"], "dimension": rec["dimension"], "source": rec.get("source") or "",
               "source_name": source_name(rec.get("source") or "", sources),
               "measure": rec.get("measure") or "", "latest_year": _int(rec.get("latest_year")),
               "lead": _num(rec.get("latest_lead")), "china": _num(rec.get("china_latest")),
               "russia": _num(rec.get("russia_latest")), "reading": reading,
               "leader": {"China": "CHN", "Russia": "RUS"}.get(reading or "", None),
               "since": None, "trend": None, "change": None, "agree": 0, "compared": 0,
               "quality": _text(rec.get("quality")),
               "latest_quality": _text(rec.get("latest_quality", rec.get("quality"))),
               "note": rec.get("note") or ""}
        if reading is not None:
            if row["leader"]:
                row["since"] = _int(rec.get("leader_since"))
            row["change"] = _num(rec.get("lead_change"))
            row["trend"] = direction(row["lead"], row["change"], row["measure"], row["source"])
            others = cross[(cross["country"] == rec["country"]) & (cross["dimension"] == rec["dimension"])
                           & cross["latest_lead"].notna()]
            readings = [leader_of(r) for r in others.to_dict("records")]
            row["agree"] = sum(1 for r in readings if r == reading)
            row["compared"] = len(readings)
        rows.append(row)
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    # Whole years stay whole (with None where missing) rather than turning into floats with NaN.
    for column in ("latest_year", "since"):
        frame[column] = frame[column].astype("Int64")
    frame = frame.astype({"leader": object, "trend": object, "reading": object}).replace({float("nan"): None})
    order = {c: i for i, c in enumerate(states)}
    dims = {d: i for i, d in enumerate(DIMENSIONS)}
    frame = frame.assign(_c=frame["country"].map(order), _d=frame["dimension"].map(dims))
    frame = frame[frame["_c"].notna()]
    return frame.sort_values(["_c", "_d"], kind="stable").drop(columns=["_c", "_d"]).reset_index(drop=True)


def fmt_pct(value, digits: int = 1) -> str:
    """0.2153 → '21.5%'; '' for missing."""
    return "" if value is None or pd.isna(value) else f"{float(value) * 100:.{digits}f}%"


def fmt_num(value, digits: int = 2) -> str:
    """A number with thousands separators; large dollar-like values in billions/millions; '' for missing."""
    if value is None or pd.isna(value):
        return ""
    value = float(value)
    if abs(value) >= 1e9:
        return f"{value / 1e9:,.2f} bn"
    if abs(value) >= 1e6:
        return f"{value / 1e6:,.1f} m"
    return f"{value:,.{digits}f}"


def fmt_measure(measure: str, value) -> str:
    """A measure's value in its unit: shares as percentages, dollars as $…, others as numbers; '–' when missing."""
    if value is None or pd.isna(value):
        return "–"
    if measure in INDEX_MEASURES:
        return f"{float(value):.2f}"
    if measure in SHARE_MEASURES:
        return fmt_pct(value)
    if str(measure).startswith("finance"):
        return "$" + fmt_num(value)
    return fmt_num(value)


def fmt_lead(measure: str, value) -> str:
    """China minus Russia in the measure's unit ('+2.2 pts' for shares, '+0.02 on the 0-1 index')."""
    if value is None or pd.isna(value):
        return ""
    if measure in INDEX_MEASURES:
        return f"{float(value):+.2f} on the 0-1 index"
    return f"{float(value) * 100:+.1f} pts" if measure in SHARE_MEASURES else f"{float(value):+,.2f}"


TREND_TEXT = {"china": ("▲", "toward China"), "russia": ("▼", "toward Russia"), "steady": ("▶", "steady")}


def grid(head: pd.DataFrame, states: list[str], countries: dict[str, str] | None = None,
         trend_years: int = 5) -> tuple[list, list]:
    """The who-leads grid as (rows, dimensions): one row per state, one cell per dimension, each cell with the
    reading, its year, both values, the source, the flags (short words and readable sentences) and the trend."""
    dims = [d for d in DIMENSIONS if not head.empty and (head["dimension"] == d).any()]
    rows = []
    for country in states:
        cells = []
        for dim in dims:
            hit = head[(head["country"] == country) & (head["dimension"] == dim)] if not head.empty else head
            if hit.empty:
                cells.append({"dimension": dim, "reading": None, "css": "none", "text": "no data",
                              "detail": "the data pack has no figure for this state and dimension"})
                continue
            r = hit.iloc[0].to_dict()
            found = flags(r["quality"])
            cell = {"dimension": dim, "reading": r["reading"], "source": r["source"],
                    "source_name": r["source_name"], "measure": r["measure"], "year": _int(r["latest_year"]),
                    "flags": chips(r["quality"]), "flag_texts": flag_texts(r["quality"]),
                    "flag_names": list(dict.fromkeys(flag_name(f) for f in found)),
                    "detail": r["note"]}
            year = _int(r["latest_year"])
            cell["year_text"] = str(year) if year else ""
            # Only one power has data (the crossover's own flag): nothing was compared, whatever the reading says.
            if r["reading"] is None or has_flag(r["quality"], "no_comparison"):
                shown = [f"{who} {fmt_measure(r['measure'], r[key])}" for who, key in (("China", "china"),
                                                                                       ("Russia", "russia"))
                         if r[key] is not None and not pd.isna(r[key])]
                cells.append({**cell, "css": "none", "text": "no comparison", "figures": " · ".join(shown)})
                continue
            arrow, trend = TREND_TEXT.get(r["trend"] or "steady", ("", ""))
            change = fmt_lead(r["measure"], r["change"]) if r["change"] is not None else ""
            cell.update({
                "css": r["leader"] or "unclear", "text": r["reading"],
                "since": f"since {int(r['since'])}" if r["leader"] and r["since"] is not None
                         and not pd.isna(r["since"]) else "",
                "figures": f"China {fmt_measure(r['measure'], r['china'])} · Russia "
                           f"{fmt_measure(r['measure'], r['russia'])}",
                "arrow": arrow, "trend": r["trend"] or "steady",
                "trend_text": f"{trend} over {trend_years} years" + (f" ({change})" if change else ""),
                "agree": f"{int(r['agree'])}/{int(r['compared'])} source views agree" if r["compared"] else ""})
            cells.append(cell)
        rows.append({"country": country, "name": (countries or {}).get(country) or country_name(country),
                     "cells": cells})
    return rows, dims


# ---------------------------------------------------------------------------------------------------------------
# Key findings: sentences written from the grid, each with its figure, year and source


# What a dimension's figures measure, after a value ("36.1% of its goods trade").
MEASURE_WORDS = {"trade": "of its goods trade", "security": "of its arms imports",
                 "diplomacy": "agreement in UN votes", "composite": "on the 0-1 index"}


def _example(r, sign: int, countries: dict[str, str]) -> str:
    """'Iran: 36.1% of its goods trade against Russia's 5.4% (2020, reconciled view)', with the flags of those two
    figures (the row's latest_quality; a flag of the lead's first year alone is the reading's, not theirs)."""
    lead, other = (("china", "Russia"), ("russia", "China")) if sign > 0 else (("russia", "China"), ("china", "Russia"))
    state = countries.get(r["country"]) or country_name(r["country"])
    back = "russia" if lead[0] == "china" else "china"
    return (f"{state}: {fmt_measure(r['measure'], r[lead[0]])} {MEASURE_WORDS.get(r['dimension'], '')} against "
            f"{lead[1]}'s {fmt_measure(r['measure'], r[back])} ({int(r['latest_year'])}, {r['source_name']}"
            f"{flag_words(r.get('latest_quality', r.get('quality')))})")


def _share_sentence(dim: str, part: pd.DataFrame, countries: dict[str, str]) -> str | None:
    """One sentence on a dimension: where China leads (largest lead first), where Russia does, where neither (the
    rows' readings only)."""
    china = part[part["reading"] == "China"]
    russia = part[part["reading"] == "Russia"]
    unclear = part[part["reading"] == NO_CLEAR_LEAD]
    if china.empty and russia.empty and unclear.empty:
        return None

    def top(rows: pd.DataFrame, sign: int):
        return rows.assign(_gap=rows["lead"] * sign).sort_values("_gap", ascending=False).iloc[0]

    total = len(part)
    clauses = []
    for rows, who, sign in ((china, "China", 1), (russia, "Russia", -1)):
        if rows.empty:
            continue
        count = f"{len(rows)} of the {total} states compared" if not clauses else str(len(rows))
        clauses.append(f"{who} leads in {count}, most clearly {_example(top(rows, sign), sign, countries)}")
    if not unclear.empty:
        listed = ", ".join(f"{countries.get(c) or country_name(c)} ({int(y)})"
                           for c, y in zip(unclear["country"], unclear["latest_year"]))
        clauses.append(f"no clear lead in {listed}")
    return f"{DIMENSION_TITLES.get(dim, dim)}: " + "; ".join(clauses) + "."


def _later_share(asymmetry: pd.DataFrame, best: pd.Series, sources: dict[str, str]) -> str:
    """', and by YEAR China's share of Russia's trade reached X (source, flags)' when the same source view has
    China's share for a later year than the ratio's (Russia's share of China's trade ends earlier), else ''."""
    same = asymmetry[(asymmetry["source"] == best["source"]) & asymmetry["country_share"].notna()
                     & (asymmetry["year"] > best["year"])]
    if "flow" in asymmetry.columns and "flow" in best.index:
        same = same[same["flow"] == best["flow"]]
    if same.empty:
        return ""
    last = same.sort_values("year").iloc[-1]
    return (f"; by {int(last['year'])} China's share of Russia's goods trade reached {fmt_pct(last['country_share'])}"
            f" ({source_name(last['source'], sources)}{flag_words(last.get('quality'))}), a year for which the pack "
            "has no share of Russia in China's trade, so no ratio")


def findings(head: pd.DataFrame, *, sources: dict[str, str], countries: dict[str, str] | None = None,
             asymmetry: pd.DataFrame | None = None, finance: pd.DataFrame | None = None,
             verdicts: list[dict] | None = None, article_date: str | None = None, unchecked: int | None = None,
             rerouting: str | None = None, limit: int = 8) -> list[str]:
    """The key findings as sentences (at most `limit`), each with its figure, year, source and the figure's flags:
    per dimension who leads where (the crossover rows' readings only, from `headline`), the junior-partner ratio,
    China's lending, the sanctions re-routing sentence given (report.rerouting.finding) and the seed article's
    verdicts. sources: source id → declared name; countries: ISO3 → name."""
    countries = countries or {}
    out: list[str] = []
    compared = head[head["reading"].notna()] if not head.empty else head
    if not compared.empty:  # a row where only one power has data compared nothing, whatever its reading
        compared = compared[~compared["quality"].map(lambda q: has_flag(q, "no_comparison"))]
    for dim in ("trade", "security", "diplomacy", "composite"):
        part = compared[compared["dimension"] == dim] if not compared.empty else compared
        if part.empty:
            continue
        sentence = _share_sentence(dim, part, countries)
        if sentence:
            out.append(sentence)
    if asymmetry is not None and not asymmetry.empty:
        rows = asymmetry[asymmetry["value"].notna()]
        if not rows.empty:
            best = latest_preferred(rows, "trade")
            out.append(f"Junior partner: China took {fmt_pct(best['country_share'])} of Russia's goods trade in "
                       f"{int(best['year'])} and Russia {fmt_pct(best['partner_share'])} of China's "
                       f"({source_name(best['source'], sources)}{flag_words(best.get('quality'))}): Russia depends "
                       "on China "
                       f"{float(best['value']):.1f} times as much as China on Russia"
                       + _later_share(asymmetry, best, sources) + ".")
    if finance is not None and not finance.empty:
        rows = finance[finance["value"].notna()]
        if not rows.empty:
            top = rows.sort_values(["year", "value"], ascending=[False, False]).iloc[0]
            out.append(f"Lending: in the latest year China's development finance commitments are recorded, "
                       f"{int(top['year'])}, the largest was ${fmt_num(top['value'])} to "
                       f"{countries.get(top['country']) or country_name(top['country'])} "
                       f"({source_name(top['source'], sources)}{flag_words(top.get('quality'))}); the data "
                       "pack has no comparable Russian lending, so this dimension names no leader.")
    if rerouting:
        out.append(rerouting)
    if verdicts:
        counts = pd.Series([v.get("verdict") for v in verdicts]).value_counts()
        parts = ", ".join(f"{n} {v}" for v, n in counts.items())
        out.append(f"Seed article: of the {len(verdicts)} checkable claims in the seed article"
                   + (f" (published {article_date})" if article_date else "")
                   + f", {parts}, checked against the data pack's sources cited with each verdict below"
                   + (f"; {unchecked} more sentences with checkable content gave no claim the checker reads "
                      "(listed below, never dropped silently)" if unchecked else "") + ".")
    return out[:limit]


# ---------------------------------------------------------------------------------------------------------------
# Charts: what each state's charts span and highlight, and titles that state the finding


def latest_preferred(frame: pd.DataFrame, dimension: str):
    """The row of the latest year, of the most preferred source view among those reaching it."""
    rows = frame.assign(_p=[preference(dimension, s) for s in frame["source"]])
    return rows.sort_values(["year", "_p"], ascending=[False, True]).iloc[0]


def year_range(frames, country: str | None = None, first: int = FIRST_YEAR) -> tuple[int, int] | None:
    """(first, last) year over every frame's rows with a value (for one country), starting no earlier than
    `first`; None when there is none."""
    years = []
    for frame in frames:
        if frame is None or frame.empty or "year" not in frame.columns:
            continue
        rows = frame[frame["country"] == country] if country is not None and "country" in frame.columns else frame
        rows = rows[rows["value"].notna()] if "value" in rows.columns else rows
        years += [int(y) for y in rows["year"].dropna()]
    if not years:
        return None
    return max(min(years), first), max(years)


def highlight_source(frame: pd.DataFrame, dimension: str, head_source: str | None = None) -> str | None:
    """The source view a chart highlights: the one heading the grid's cell, else the most preferred present."""
    if frame is None or frame.empty:
        return None
    present = list(dict.fromkeys(frame["source"].astype(str)))
    if head_source in present:
        return head_source
    return sorted(present, key=lambda s: (preference(dimension, s), s))[0]


def state_title(name: str, cells: list[dict]) -> str:
    """A state's charts' title stating the finding: 'Kazakhstan: China leads in trade (2023); Russia in arms
    imports (2023); no clear lead in UN votes (2023)'."""
    parts = []
    for cell in cells:
        reading, year = cell.get("reading"), cell.get("year")
        if not reading or cell.get("dimension") == "finance":
            continue
        subject = DIMENSION_WORDS.get(cell["dimension"], cell["dimension"])
        if reading == NO_CLEAR_LEAD:
            parts.append(f"no clear lead in {subject} ({year})")
        else:
            parts.append(f"{reading} leads in {subject} ({year})")
    return f"{name}: " + "; ".join(parts) if parts else f"{name}: no comparison of China and Russia in the data"


def chart_title(dimension: str, subject: str, name: str, cell: dict | None) -> str:
    """One state chart's title stating its finding, e.g. 'China leads in Kazakhstan's goods trade (2023)'."""
    if not cell or not cell.get("reading"):
        return f"{name}'s {subject}: no comparison of China and Russia"
    year = cell.get("year")
    if cell["reading"] == NO_CLEAR_LEAD:
        return f"No clear lead in {name}'s {subject} ({year})"
    return f"{cell['reading']} leads in {name}'s {subject} ({year})"


def members_title(organization: str, title: str, rows: pd.DataFrame, today: dt.date) -> str:
    """A membership timeline's title stating its finding: '… 10 members today, 6 at its founding (2001)'."""
    if rows is None or rows.empty:
        return title
    members = rows[rows["role"] == "member"]
    if members.empty:
        return title
    start = pd.to_datetime(members["start"])
    end = pd.to_datetime(members["end"])
    day = pd.Timestamp(today)
    first = start.min()
    now = int(((start <= day) & (end.isna() | (end > day))).sum())
    founders = int((start == first).sum())
    return f"{title}: {now} members today, {founders} at its founding ({first.year})"


def provenance(manifest: dict) -> tuple[list[dict], list[dict]]:
    """(tables, sources): one record per pack table (rows, years, countries, sources) and one per distinct source
    (producer, title, citation, licence, retrieved, URLs, files with checksums, steps, caveats, tables it feeds)."""
    tables, sources = [], {}
    for name, entry in sorted(manifest.get("tables", {}).items()):
        cover = entry.get("coverage", {})
        span = next((cover[k] for k in ("years", "periods", "sessions") if k in cover), None)
        tables.append({"name": name, "description": entry.get("description", ""), "rows": cover.get("rows", 0),
                       "span": f"{span[0]}–{span[1]}" if span else "", "countries": cover.get("countries", 0),
                       "sources": cover.get("sources", [s.get("id") for s in entry.get("sources", [])]),
                       "derivation": entry.get("derivation", ""), "sha256": entry.get("sha256", "")})
        for src in entry.get("sources", []):
            record = sources.setdefault(src["id"], {**src, "tables": []})
            record["tables"].append(name)
    return tables, sorted(sources.values(), key=lambda s: s["id"])


def heatmap_frame(cross: pd.DataFrame, states: list[str]) -> pd.DataFrame:
    """Latest China-minus-Russia lead per state × dimension, from the most preferred source whose measure is a 0-1
    share (so one colour scale fits every cell); NaN where no such comparison exists. attrs: 'labels' (source,
    year) and 'readings' (the row's leader) per cell."""
    shares = cross[cross["measure"].isin(SHARE_MEASURES)] if not cross.empty else cross
    prim = primary_rows(shares)
    dims = [d for d in DIMENSIONS if d != "finance" or (prim["dimension"] == d).any()] if not prim.empty else []
    table = pd.DataFrame(index=states, columns=dims, dtype=float)
    labels = pd.DataFrame(index=states, columns=dims, dtype=object)
    readings = pd.DataFrame(index=states, columns=dims, dtype=object)
    for rec in prim.to_dict("records"):
        if rec["country"] in table.index and rec["dimension"] in table.columns and pd.notna(rec["latest_lead"]):
            table.loc[rec["country"], rec["dimension"]] = float(rec["latest_lead"])
            labels.loc[rec["country"], rec["dimension"]] = f"{rec['source']}, {int(rec['latest_year'])}"
            readings.loc[rec["country"], rec["dimension"]] = leader_of(rec)
    table.attrs["labels"] = labels
    table.attrs["readings"] = readings
    return table


def trade_coverage(series: pd.DataFrame, states: list[str]) -> pd.DataFrame:
    """State × trade source view: the years with a share for both powers (e.g. '1994–2020'), blank where none."""
    if series.empty:
        return pd.DataFrame(index=states)
    both = series.groupby(["country", "source", "year"])["partner"].nunique()
    both = both[both >= 2].reset_index()
    cells = both.groupby(["country", "source"])["year"].agg(["min", "max", "count"]).reset_index()
    cells["text"] = [f"{a}–{b}" + ("" if n == b - a + 1 else f" ({n} yrs)") if a != b else str(a)
                     for a, b, n in zip(cells["min"], cells["max"], cells["count"])]
    wide = cells.pivot(index="country", columns="source", values="text").reindex(states).fillna("")
    return wide
