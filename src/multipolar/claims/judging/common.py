"""Wording and combining verdicts: figures formatted for reasons, several parts combined into one verdict, the
observation of a series' year with the data's own flags."""

from __future__ import annotations

import math

from ..evidence import Series
from ..model import CONTRADICTED, PARTLY, SUPPORTED, UNVERIFIABLE, Claim, Observation, Verdict


def verdict(claim: Claim, outcome: str, reason: str, observed=(), arithmetic=(), calls=()) -> Verdict:
    """A Verdict with its lists copied."""
    return Verdict(claim, outcome, list(observed), reason, list(arithmetic), [c for c in calls if c is not None])


def unverifiable(claim: Claim, reason: str, observed=(), arithmetic=(), calls=()) -> Verdict:
    return verdict(claim, UNVERIFIABLE, reason, observed, arithmetic, calls)


def combine(verdicts: list[str]) -> str:
    """Several parts (countries, documents): all supported → supported; none → contradicted; mixed → partly."""
    checked = [v for v in verdicts if v != UNVERIFIABLE]
    if not checked:
        return UNVERIFIABLE
    if all(v == SUPPORTED for v in checked):
        return SUPPORTED if len(checked) == len(verdicts) else PARTLY
    if all(v == CONTRADICTED for v in checked):
        return CONTRADICTED
    return PARTLY


def statement_verdict(verdicts) -> str:
    """One verdict for a statement from its claims' verdicts: all supported → supported, all contradicted →
    contradicted, all unverifiable → unverifiable, otherwise partly supported; 'none' when no claim was found."""
    kinds = [v.verdict for v in verdicts]
    if not kinds:
        return "none"
    if all(k == UNVERIFIABLE for k in kinds):
        return UNVERIFIABLE
    return combine(kinds)


def fmt(value, unit: str) -> str:
    """A figure for a reason: $240.11 bn, €3.10 bn, 21.54%, ×2.23, +26.2%."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if unit in ("USD", "EUR"):
        sign = "$" if unit == "USD" else "€"
        if abs(value) >= 1e9:
            return f"{sign}{value / 1e9:,.2f} bn"
        if abs(value) >= 1e6:
            return f"{sign}{value / 1e6:,.1f} mn"
        return f"{sign}{value:,.0f}"
    if unit == "share":
        return f"{value * 100:.2f}%"
    if unit == "multiple":
        return f"×{value:.2f}"
    if unit == "percent_change":
        return f"{value:+.1f}%"
    if unit == "TIV":
        return f"{value:,.1f} mn TIV"
    return f"{value:g}" if isinstance(value, (int, float)) else str(value)


def hedged(value, unit: str, hedge: str | None) -> str:
    """A claimed figure with its hedge: 'more than ×2', 'about $9.00 bn'."""
    text = fmt(value, unit) if value is not None else ""
    if unit == "multiple" and value is not None:
        text = f"×{value:g}"
    return f"{hedge} {text}" if hedge else text


def quality_note(series: Series, year) -> str | None:
    """The data's own flags for one value: estimate, months covered, reconciliation, the indicator's quality."""
    note = []
    if year in series.estimates:
        note.append("estimate" if series.kind != "press" else "derived on the page")
    if year in series.months:
        note.append(f"{series.months[year]} months only")
    if year in series.notes and series.kind != "press":
        note.append(series.notes[year])
    flags = series.quality.get(year)
    if flags:
        from .quality import readable

        for flag in readable(flags):
            if flag not in note:
                note.append(flag)
    return "; ".join(note) or None


def observe(series: Series, year, unit: str | None = None, value=None) -> Observation:
    """The observation of a series' year (value, unit, label, its flags, its URL)."""
    v = series.values.get(year) if value is None else value
    return Observation(v, unit or series.unit, series.label, year, series.country, series.partner, series.flow,
                       series.urls.get(year), quality_note(series, year))


def parts_and(verdicts: list[str], parts: list[str]) -> tuple[str, str]:
    """(combined verdict, reasons joined with '; ')."""
    return combine(verdicts), "; ".join(parts)


__all__ = ["verdict", "unverifiable", "combine", "statement_verdict", "fmt", "hedged", "observe", "quality_note",
           "SUPPORTED", "PARTLY", "CONTRADICTED", "UNVERIFIABLE"]
