"""The claim checker's records: a typed claim, one observed figure, and a verdict with its evidence."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

# The four verdicts, in the order the renderers list them.
SUPPORTED, PARTLY, CONTRADICTED, UNVERIFIABLE = "supported", "partly supported", "contradicted", "unverifiable"
VERDICTS = (SUPPORTED, PARTLY, CONTRADICTED, UNVERIFIABLE)
# Claim types (DESIGN.md: level, change, multiple, share, rank, comparison, membership) plus the institutional
# facts we can also check: organization founding dates, summits, and quotations from SCO declarations.
CLAIM_TYPES = ("level", "change", "multiple", "share", "rank", "comparison", "membership", "founding", "summit",
               "quote", "other")


@dataclass
class Claim:
    """One checkable statement: its text and position in the input, its type and what the parser read in it."""

    text: str
    span: tuple[int, int]
    type: str
    parsed: dict[str, Any] = field(default_factory=dict)
    sentence_span: tuple[int, int] | None = None


@dataclass
class Observation:
    """A figure the data give: value, unit ('USD', 'share', 'multiple', 'rank', 'date', 'count', 'text'), source
    (a readable label), year, and where to look it up."""

    value: Any
    unit: str
    source: str
    year: int | str | None = None
    country: str | None = None
    partner: str | None = None
    flow: str | None = None
    url: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {"value": _plain(self.value), "unit": self.unit, "source": self.source, "year": _plain(self.year)}
        for key in ("country", "partner", "flow", "url", "note"):
            value = getattr(self, key)
            if value is not None:
                out[key] = _plain(value)
        return out


@dataclass
class Verdict:
    """The checker's answer for one claim: verdict, the observed figures, the arithmetic and the reason."""

    claim: Claim
    verdict: str
    observed: list[Observation] = field(default_factory=list)
    reason: str = ""
    arithmetic: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.claim.text

    @property
    def type(self) -> str:
        return self.claim.type

    def to_dict(self) -> dict[str, Any]:
        """The JSON form documented in docs/claims.md."""
        return {
            "text": self.claim.text,
            "span": list(self.claim.span),
            "type": self.claim.type,
            "parsed": {k: _plain(v) for k, v in self.claim.parsed.items()},
            "verdict": self.verdict,
            "observed": [o.to_dict() for o in self.observed],
            "arithmetic": list(self.arithmetic),
            "reason": self.reason,
        }


def _plain(value):
    """JSON-ready: numpy scalars to Python, NaN to None, tuples and sets to lists, dates to ISO strings."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        try:
            value = value.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
