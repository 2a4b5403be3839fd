"""Claim kind `founding`: when an organization was founded ('The SCO was formed in June of 2001', 'Founded in
1996, the Shanghai Five ...'), judged on the curated organizations registry."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..judging.common import unverifiable, verdict
from ..model import CONTRADICTED, SUPPORTED, Call, Observation
from ..payloads import Payload
from ..reading.numbers import YEAR
from ..reading.sentence import E
from ..reading.times import MONTH_RE, date_in
from ..judging.sources import label
from ..registry import register_kind
from .membership import org_name

_WHEN = rf"(?P<when>(?:(?:\d{{1,2}}\s+)?{MONTH_RE}\s+(?:\d{{1,2}},?\s+)?(?:of\s+)?)?{YEAR})"
FOUNDED = re.compile(
    rf"(?P<org>{E})\s+(?:was|were|had been)\s+(?:formally\s+|officially\s+|first\s+)?"
    rf"(?:formed|founded|established|created|set up|launched|born)\s+(?:(?:[^.;]|\.(?=\d)){{0,40}}?\s)?"
    rf"(?:in|on)\s+{_WHEN}"
    rf"|(?:Founded|Established|Created|Formed|Set up)\s+in\s+{_WHEN.replace('when', 'when2')},?\s+"
    rf"(?:the\s+)?(?P<org2>{E})"
    rf"|(?P<org3>{E}),\s+(?:which\s+was\s+)?(?:created|founded|established|formed|set\s+up)\s+"
    rf"(?:in|on)\s+{_WHEN.replace('when', 'when3')}")


@dataclass(frozen=True, kw_only=True)
class FoundingClaim(Payload):
    """An organization's founding date as far as the text gives it."""

    org: str
    year: int
    month: int | None = None
    day: int | None = None


@register_kind("founding", payload=FoundingClaim, order=12, title="Founding date",
               examples=("The SCO was established in 2001 in Shanghai.", "Created in 1996, the Shanghai Five grew into a larger body."))
class Founding:
    def read(r) -> None:
        for m in FOUNDED.finditer(r.masked):
            key = next(k for k in ("org", "org2", "org3") if m.group(k))
            org = r.org_at(m.start(key))
            if not org:
                continue
            wkey = next(k for k in ("when", "when2", "when3") if m.group(k))
            year, month, day = date_in(r.text[m.start(wkey):m.end(wkey)])
            r.add("founding", m.start(), m.end(), {"org": org, "year": year, "month": month, "day": day})

    def judge(claim, evidence, as_of):
        p = claim.payload
        row = evidence.organization(p.org)
        if not row or row.get("founded") is None:
            return unverifiable(claim, f"no founding date recorded for {org_name(p.org)}")
        founded = row["founded"]
        if isinstance(founded, str):
            founded = dt.date.fromisoformat(founded[:10])
        elif hasattr(founded, "date") and not isinstance(founded, dt.date):
            founded = founded.date()
        ok = founded.year == p.year and (not p.month or founded.month == p.month) and \
            (not p.day or founded.day == p.day)
        obs = Observation(founded.isoformat(), "date", label("multipolar_registry"), founded.year,
                          note=str(row.get("citation") or "")[:200] or None)
        return verdict(claim, SUPPORTED if ok else CONTRADICTED,
                       f"{org_name(p.org)} was founded on {founded.isoformat()} ({row.get('citation', '')})".strip(),
                       [obs], calls=[Call.load("organizations")])
