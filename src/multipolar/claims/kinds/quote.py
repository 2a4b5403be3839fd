"""Claim kind `quote`: a quotation attributed to an SCO declaration ('In the New Delhi Declaration of 2023, the
signatories reaffirmed that "the world is undergoing unprecedented transformations"'), judged on the held English
texts (normalised: whitespace, PDF hyphenation, quotes): verbatim, spliced or reworded, or not there."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..evidence import normalise_text
from ..judging.common import combine, verdict
from ..judging.texts import documents, find_quote, held_declarations, wording_verdict
from ..model import Call, Observation
from ..payloads import Payload
from ..registry import register_kind

QUOTE_RE = re.compile(r"[“\"](?P<q>[^”\"]{10,600})[”\"]|(?:^|(?<=[\s:(]))[‘'](?P<q2>(?:[^‘’']|(?<=\w)['’](?=\w)){10,600})"
                      r"[’'](?=[\s.,;)]|$)")


@dataclass(frozen=True, kw_only=True)
class QuoteClaim(Payload):
    """The quoted words and the documents ((year, city) pairs; year 0 = the latest summit in that city)."""

    quote: str
    documents: tuple[tuple[int, str | None], ...] = ()


@register_kind("quote", payload=QuoteClaim, order=16, title="Quotation from a declaration",
               examples=('The 2023 New Delhi Declaration said "the world is undergoing unprecedented '
                         'transformations".',))
class Quote:
    def read(r) -> None:
        if not re.search(r"[Dd]eclaration|\b(?:final|outcome)\s+document", r.text):
            return
        docs = documents(r)
        if not docs:
            return
        for m in QUOTE_RE.finditer(r.text):
            quote = (m.group("q") or m.group("q2")).strip(" ,.;")
            if len(quote.split()) < 4:
                continue
            r.add("quote", m.start(), m.end(), {"quote": quote, "documents": [list(d) for d in docs]})
            r.take(m.start(), m.end())

    def judge(claim, evidence, as_of):
        p = claim.payload
        quote = normalise_text(p.quote).strip(" .,;")
        verdicts, parts, observed, calls = [], [], [], []
        for year, doc, text, url in held_declarations(evidence, p.documents, as_of, verdicts, parts):
            outcome, detail = wording_verdict(quote, text, *find_quote(quote, text), quoted=True)
            verdicts.append(outcome)
            parts.append(f"{doc}: {detail}")
            observed.append(Observation(detail, "text", f"{doc} (official English text)", year, url=url))
            calls.append(Call.load("declaration_texts", year=year))
        return verdict(claim, combine(verdicts), "; ".join(parts), observed, calls=calls)
