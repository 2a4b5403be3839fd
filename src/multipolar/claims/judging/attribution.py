"""Whose figure a trade-like claim gives and how its sources' verdicts combine: the attribution the text makes (a
reporter it names — a statistics office, customs, a minister, an embassy, a consul, 'according to <country>' —, an
outlet's own sum, or none: country A's own statistics), and the combiner that never contradicts a claim another
official source supports (then: partly supported, naming both)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import CONTRADICTED, PARTLY, SUPPORTED, UNVERIFIABLE

# The reporter code of figures an outlet computed itself ('by Sputnik's calculation'): no source in the data is it.
OUTLET = "OUTLET"
# Series kinds whose figures are a state's official ones (its own, a partner's mirror of them, or an official figure
# the press reported); sums and reconciled views only repeat them.
OFFICIAL_KINDS = ("own", "mirror", "press")
# Declared roles (sources/*.py ORIGIN.identity) that are not official statistics: a model's estimate, a record.
NOT_OFFICIAL_ROLES = ("estimate", "record")


@dataclass(frozen=True)
class Attribution:
    """The reporters the text names for a claim's figure (ISO3, EUU, IMF, or OUTLET), in the order named; none: the
    figure is read as country A's own (then its partner's mirror)."""

    reporters: tuple[str, ...] = ()

    @property
    def role(self) -> str:
        """'outlet' (the outlet's own calculation), 'named' (a reporter the text names) or 'own' (none named)."""
        if OUTLET in self.reporters:
            return "outlet"
        return "named" if self.reporters else "own"

    def names(self, s) -> bool:
        """Whether a series holds the figures of a reporter the text names."""
        hint = set(self.reporters)
        return bool(hint) and (s.reporter in hint or ("IMF" in hint and "imf" in s.source))

    def tier(self, s, country: str, partner: str) -> tuple[int, int]:
        """(named reporter? 0 : 1, whose figures: the country's 0, the partner's 1, others 2); when the text names
        both states' officials ('the presidents of A and B said'), both are the text's figures: one tier."""
        side = 0 if s.reporter == country else 1 if s.reporter == partner else 2
        if self.names(s) and {country, partner} <= set(self.reporters):
            side = 0
        return (0 if self.names(s) else 1), side

    def not_cited(self, s) -> str | None:
        """Why a series is not the figure the text gives (None when it is, or when the text names no reporter)."""
        if not self.reporters or self.names(s):
            return None
        if self.role == "outlet":
            return f"the figure is the outlet's own calculation, which {s.label} is not"
        return f"{s.label} is not the source the text cites ({', '.join(sorted(self.reporters))})"


def official(s, years=()) -> bool:
    """Whether a series gives a state's official figures for these years: its own, a partner's mirror or a
    press-reported official figure (not a model's estimate), none of the years estimated, partial or flagged weak."""
    from .quality import weak
    from .sources import identity

    if s.kind not in OFFICIAL_KINDS:
        return False
    raw = s.source.split(":", 1)[1] if s.source.startswith("mirror:") else s.source
    ident = identity(raw)
    if ident is not None and ident.role in NOT_OFFICIAL_ROLES:
        return False
    return not any(y in s.estimates or y in s.months or weak(s.quality.get(y)) for y in years)


def settle(outcome: str, deciding, results: list, att: Attribution, verdict_of=lambda r: r[1][0],
           years_of=lambda r: r[1][4]):
    """The combined verdict of a claim's sources: (outcome, backer or None). `outcome` is the deciding source's
    verdict after the safety rule; `results` hold (series, ...) with the deciding one first.

    The rule: when the deciding figure contradicts the claim (or, no reporter being named, only partly supports it
    or may not decide) and another official source supports it within tolerance, the claim is partly supported —
    never contradicted —, the reason naming both sources. A figure that may not contradict (an estimate, part of a
    year, a value the data flag as weak) may not overrule the deciding one either, and one that only partly fits
    does not lower a claim an official figure supports (then supported, naming both)."""
    if outcome == SUPPORTED or verdict_of(results[0]) == SUPPORTED:
        return outcome, None
    if outcome != CONTRADICTED and att.reporters:
        return outcome, None  # a named reporter's figure that only partly fits, or is missing: not overruled
    if outcome == UNVERIFIABLE and verdict_of(results[0]) != CONTRADICTED:
        return outcome, None
    backer = next((r for r in results if r is not deciding and verdict_of(r) == SUPPORTED
                   and official(r[0], years_of(r))), None)
    if backer is None:
        return outcome, None
    if outcome == PARTLY and not official(deciding[0], years_of(deciding)):
        return SUPPORTED, backer  # an estimate that only partly fits may not lower what an official figure supports
    return PARTLY, backer
