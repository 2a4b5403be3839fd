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
    rf"(?:in|on)\s+{_WHEN.replace('when', 'when3')}"
    # "the EAEU came into being on 1 January 2015", "the bank began operating in 2016"
    rf"|(?P<org4>{E})\s+(?:officially\s+|formally\s+)?(?:came\s+into\s+(?:being|existence)|was\s+(?:inaugurated|"
    rf"constituted|instituted)|began\s+(?:operating|operations|work(?:ing)?|to\s+operate)|started\s+(?:operating|work(?:ing)?))"
    rf"\s+(?:(?:[^.;]|\.(?=\d)){{0,40}}?\s)?(?:in|on)\s+{_WHEN.replace('when', 'when4')}")
# The founding acts a registry note names besides the founding date ('treaty signed 29 May 2014'): a founding dated by
# another act of the same founding is that act's date, said so.
OTHER_ACT = re.compile(rf"(?P<act>(?:treaty|agreement|charter|declaration)?\s*(?:signed|signature|opened|in\s+force|"
                       rf"entered\s+into\s+force|operational\s+from|launched))\s+(?:[^;,.\d]{{0,25}}?\b(?:in|on)\s+)?"
                       rf"(?:on\s+)?(?P<date>(?:\d{{1,2}}\s+)?(?:{MONTH_RE}\s+)?{YEAR})", re.IGNORECASE)


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
            key = next(k for k in ("org", "org2", "org3", "org4") if m.group(k))
            org = r.org_at(m.start(key))
            if not org:
                continue
            wkey = next(k for k in ("when", "when2", "when3", "when4") if m.group(k))
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
        for act in ([] if ok else OTHER_ACT.finditer(str(row.get("note") or ""))):
            year, month, day = date_in(act.group("date"))
            if year == p.year and (not p.month or not month or month == p.month) and (not p.day or day == p.day):
                return verdict(claim, SUPPORTED, f"{org_name(p.org)}: the date of its founding act "
                                                 f"('{act.group(0).strip()}', the registry's note); the registry dates "
                                                 f"the founding {founded.isoformat()} ({row.get('note')})", [obs],
                               calls=[Call.load("organizations")])
        return verdict(claim, SUPPORTED if ok else CONTRADICTED,
                       f"{org_name(p.org)} was founded on {founded.isoformat()} ({row.get('citation', '')})".strip(),
                       [obs], calls=[Call.load("organizations")])
