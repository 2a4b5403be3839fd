"""Which source decides a claim: a reporter the text names first, else the country's own figures, then the
partner's, each state's sources in their declared trust order (sources/*.py ORIGIN.identity); and whether a source
may contradict a claim at all (the safety rule: the matching reporter, flow, period and coverage)."""

from __future__ import annotations

from ..evidence import Series

# The press figures' trust among a state's own figures (after its national statistics, before the IMF's).
PRESS_TRUST = 20


def identity(source_id: str):
    """The declared identity of a source id (sources/*.py ORIGIN), or None."""
    from ...sources import identity as lookup

    return lookup(source_id)


def source_label(source: str) -> str:
    """A readable label for an indicator's source label ('national_kz', 'mirror:imf_dots', 'reconciled')."""
    raw = source.split(":", 1)[1] if source.startswith("mirror:") else source
    ident = identity(raw)
    label = ident.label if ident else raw
    return f"{label}, partners' mirror figures" if source.startswith("mirror:") else label


def source_trust(source: str) -> int:
    raw = source.split(":", 1)[1] if source.startswith("mirror:") else source
    if raw.startswith("press"):
        return PRESS_TRUST
    ident = identity(raw)
    return ident.trust if ident else 99


def label(source_id: str) -> str:
    """The readable label a source declares (its ORIGIN.identity), else its id."""
    ident = identity(source_id)
    return ident.label if ident else source_id

from ..model import CONTRADICTED, SUPPORTED, PARTLY
from .attribution import Attribution
from .quality import readable, weak


def order(series: list[Series], reporter: tuple[str, ...], country: str, partner: str) -> list[Series]:
    """Series in the order the verdict trusts them: a reporter the text names; the country's own figures; the
    partner's; the rest. The reconciled view only repeats one of these and is left out; so are Russian customs'
    monthly sums where its annual table exists."""
    chosen = [s for s in series if s.kind != "reconciled"]
    if any(s.source == "russia_fcs" for s in chosen):
        chosen = [s for s in chosen if s.source != "russia_fcs_monthly"]
    return sorted(chosen, key=lambda s: (*tier(s, reporter, country, partner), s.trust, s.source))


def tier(s: Series, reporter: tuple[str, ...], country: str, partner: str) -> tuple[int, int]:
    """(named reporter? 0 : 1, whose figures: the country's 0, the partner's 1, others 2): judging/attribution.py."""
    return Attribution(tuple(reporter or ())).tier(s, country, partner)


def pick(results: list, reporter: tuple[str, ...], country: str, partner: str) -> list:
    """Results (series, judgement...) with the deciding one first: within the most trusted tier (a named reporter,
    else the country's own figures), a source that supports the claim wins over one that does not, and one only close
    to it (partly) over one that contradicts it: two series of the same state that disagree never contradict."""
    if not results:
        return results
    top = tier(results[0][0], reporter, country, partner)
    same = [r for r in results if tier(r[0], reporter, country, partner) == top]
    best = next((r for r in same if r[1][0] == SUPPORTED), None) or \
        next((r for r in same if r[1][0] == PARTLY), None) or same[0]
    return [best] + [r for r in results if r is not best]


def mismatch(s: Series, years, reporter: tuple[str, ...], country: str, partner: str, flow: str) -> str | None:
    """Why a series may not contradict a claim on its own (None when it may): not the reporter the text names; for
    a one-way flow, only the partner's mirror of it; a partial year; a value the data flag as weak."""
    hint = set(reporter or ())
    cited = Attribution(tuple(reporter or ())).not_cited(s)
    if cited:
        return cited
    if not hint and flow != "turnover" and s.kind == "mirror" and s.reporter != country:
        return f"{s.label} is the partner's record of this flow, not {country}'s own"
    for year in years:
        if year in s.months:
            return f"{s.label} covers {s.months[year]} months of {year} only"
        flagged = readable("; ".join(weak(s.quality.get(year))))
        if year in s.estimates and not any("estimate" in f for f in flagged):
            flagged.append("an estimate" if s.kind != "press" else "derived on the page")
        if flagged:
            return f"{s.label} flags {year}: {'; '.join(flagged)}"
    return None


def guard(outcome: str, s: Series, years, reporter, country, partner, flow) -> tuple[str, str | None]:
    """The safety rule: a contradiction from a mismatched series becomes unverifiable, with the reason; so does a
    figure only close to the claim (partly) from a series that is not the reporter the text names."""
    if outcome == PARTLY and reporter:
        cited = Attribution(tuple(reporter)).not_cited(s)
        return (outcome, None) if cited is None else ("unverifiable", cited)
    if outcome != CONTRADICTED:
        return outcome, None
    why = mismatch(s, years, reporter, country, partner, flow)
    return (outcome, None) if why is None else ("unverifiable", why)
