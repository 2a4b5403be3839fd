"""Claim kind `alliance`: military alliances between states ('the treaty with North Korea is China's only formal
military alliance', 'Russia and Kazakhstan have a mutual defence treaty', 'China has no military alliance with
Russia'), judged on ATOP's alliance obligations (alliance_ties, to 2018): a defence or offence obligation in force
in the year. An agreement said to be secret, reported or unconfirmed, or after ATOP's last year, is unverifiable
with the reason."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging.common import unverifiable, verdict
from ..judging.trade import expanded
from ..judging.windows import latest_year
from ..model import CONTRADICTED, PARTLY, SUPPORTED, Call, Observation
from ..payloads import Payload
from ..reading.clauses import clause_bounds
from ..reading.entities import name, names
from ..reading.numbers import YEAR
from ..reading.sentence import E
from ..judging.sources import label
from ..registry import register_kind

SOURCE = label("atop")
_PACT = r"(?:formal\s+|treaty\s+|mutual[- ]|military\s+|collective\s+|binding\s+)*(?:alliance|defen[cs]e\s+(?:pact|treaty|" \
        r"agreement|alliance|commitment|obligation)|(?:defen[cs]e|military|security)\s+(?:pact|treaty)|ally|allies)" \
        r"(?:\s+(?:treaty|agreement|pact))?"
PATTERNS = [(re.compile(p, re.IGNORECASE), relation) for p, relation in (
    (rf"(?P<a>{E})\s+(?:sole\s+|single\s+)?only\s+{_PACT}\s+(?:is|remains|was|has\s+been)\s+(?:with\s+|the\s+one\s+with\s+)?"
     rf"(?:the\s+)?(?:[^.;]{{0,80}}?\bwith\s+)?(?P<b>{E})", "only"),
    (rf"(?:\bwith\s+)(?P<b>{E})(?:[^.;]|\.(?=\d)){{0,120}}?\b(?:is|remains|was)\s+(?:still\s+)?(?P<a>{E})\s+(?:sole\s+|single\s+)?only\s+"
     rf"{_PACT}", "only"),
    (rf"(?P<a>{E})\s+and\s+(?P<b>{E})\s+(?:have|had|maintain|keep|are\s+bound\s+by|signed|concluded|agreed|sealed)\s+"
     rf"(?:a\s+|an\s+)?(?:\w+\s+){{0,2}}?{_PACT}", "pact"),
    (rf"(?P<a>{E})\s+and\s+(?P<b>{E})\s+(?:(?:\w+ly|reportedly|secretly)\s+)?(?:signed|concluded|agreed)\s+(?:a\s+|an\s+)?"
     rf"(?:\w+\s+){{0,2}}?{_PACT}", "pact"),
    (rf"(?P<a>{E})\s+(?:is|was|remains)\s+(?:a\s+|an\s+)?(?:formal\s+|treaty\s+)?(?:military\s+)?ally\s+of\s+(?P<b>{E})",
     "pact"),
    (rf"(?P<a>{E})\s+(?:has|had|have)\s+no\s+(?:formal\s+)?(?:military\s+)?(?:alliance|defen[cs]e\s+(?:pact|treaty))\s+with\s+"
     rf"(?:any\s+(?:of\s+the\s+)?)?(?P<b>{E})", "none"),
    # "Russia and Kazakhstan are treaty allies", "Tajikistan has a mutual defence treaty with Russia"
    (rf"(?P<a>{E})\s+and\s+(?P<b>{E})\s+(?:are|were|remain|remained|have\s+been)\s+(?:close\s+|formal\s+)?(?:treaty\s+|"
     rf"military\s+|formal\s+)*allies", "pact"),
    (rf"(?P<a>{E})\s+(?:has|had|have|maintains|maintained|signed|concluded)\s+(?!no\b|not\b)(?:a\s+|an\s+)?(?:\w+\s+){{0,2}}?"
     rf"{_PACT}\s+with\s+(?P<b>{E})", "pact"),
)]
# Words that make an agreement unconfirmed: a secret deal, a report of one.
UNCONFIRMED = re.compile(r"\b(?:secret(?:ly)?|reportedly|reports?\s+(?:say|said|claim|suggest)|allegedly|rumou?red|"
                         r"unconfirmed|according\s+to\s+(?:media\s+)?reports)\b", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class AllianceClaim(Payload):
    """relation: 'pact' (a defence or offence obligation between the two), 'only' (the partner is the country's only
    one), 'none' (no such obligation); the year (the one stated, else the latest ATOP has before the article);
    unconfirmed: the text calls it secret or reported."""

    relation: str
    country: tuple[str, ...]
    partner: tuple[str, ...]
    year: int | None = None
    unconfirmed: str | None = None


@register_kind("alliance", payload=AllianceClaim, order=41, title="Military alliances (ATOP)",
               examples=("China's only formal military pact is its 1961 treaty with North Korea.",
                         "Russia and Tajikistan are bound by a mutual defence treaty."))
class Alliance:
    def read(r) -> None:
        if "security" not in r.triggers:
            return
        for pattern, relation in PATTERNS:
            for m in pattern.finditer(r.masked):
                a = r.codes(m.start("a"), m.end("a"), ("country",))
                b = r.codes(m.start("b"), m.end("b"), ("country", "group") if relation == "none" else ("country",))
                if not a or not b or set(a) & set(b) or r.overlaps_used(m.start(), m.end()):
                    continue
                c0, c1 = clause_bounds(r.text, m.start())
                doubt = UNCONFIRMED.search(r.text)
                # a past verb ('signed in 2001', 'had ... in 2010') dates the claim; 'is' means as of the article
                past = re.search(r"\b(?:signed|concluded|agreed|sealed|had|was|were)\b", m.group(0))
                years = [int(y) for y in re.findall(rf"\b({YEAR})\b", r.text[c0:c1])] if past else []
                r.add("alliance", m.start(), m.end(), {"relation": relation, "country": a, "partner": b,
                                                       "year": max(years) if years else None,
                                                       "unconfirmed": doubt.group(0) if doubt else None})
                r.take(m.start(), m.end())

    def judge(claim, evidence, as_of):
        p = claim.payload
        country, partner = expanded(p.country, evidence, as_of.day), expanded(p.partner, evidence, as_of.day)
        rows = evidence.alliances(country[0]) if len(country) == 1 else None
        if rows is None or rows.empty:
            return unverifiable(claim, f"no alliance records for {names(country)} in the pack")
        last = int(rows["year"].max())
        if p.unconfirmed:
            return unverifiable(claim, f"an agreement the text calls '{p.unconfirmed}': a secret or reported deal is "
                                       f"not a recorded obligation (ATOP records treaties to {last})")
        year = p.year
        if year is None:
            year, _ = latest_year(sorted({int(y) for y in rows["year"]}), as_of)
        if year is None or year > last:
            return unverifiable(claim, f"ATOP's alliance records end in {last}; the claim is about {year or 'now'}")
        now = rows[(rows["year"] == year) & (rows["defense"].astype(bool) | rows["offense"].astype(bool))]
        allies = sorted(set(now["partner"]))
        claimed = [c for c in partner]
        held = [c for c in claimed if c in allies]
        if p.relation == "none":
            outcome = SUPPORTED if not held else CONTRADICTED
        elif p.relation == "only":
            outcome = (SUPPORTED if set(allies) == set(claimed) else PARTLY) if held else CONTRADICTED
        else:
            outcome = SUPPORTED if len(held) == len(claimed) else CONTRADICTED
        reason = f"{name(country[0])}'s defence or offence obligations in {year} ({SOURCE}): {names(allies) or 'none'}"
        observed = [Observation(names(allies) or "none", "text", SOURCE, year, country[0])]
        return verdict(claim, outcome, reason, observed,
                       calls=[Call.indicator("alliance_ties", country=country[0], years=str(year))])
