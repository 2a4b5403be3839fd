"""Claim kind `declaration`: what an SCO declaration called for or mentioned ('The Samarkand Declaration called for a
multipolar world order', 'the 2023 declaration mentioned the "Shanghai spirit"'), judged on the held texts: the
notion (with its usual spellings) found, and for a call, a verb of calling near it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging.common import combine, verdict
from ..judging.texts import (documents, find_listed, find_notion, held_declarations, listed_notions,
                             wording_verdict)
from ..model import CONTRADICTED, SUPPORTED, UNVERIFIABLE, Call, Observation
from ..payloads import Payload
from ..reading.entities import CITIES
from ..reading.numbers import YEAR
from ..registry import register_kind

# "<declaration> called for / urged / mentioned / referred to / reaffirmed <notion>" up to the clause's end.
VERB = re.compile(r"\b(?P<verb>call(?:s|ed)?\s+for|urg(?:es|ed)|advocat(?:es|ed)|back(?:s|ed)|endors(?:es|ed)|mention(?:s|ed)?|"
                  r"support(?:s|ed)|(?:calls|called|describes|described|terms|termed)(?=\s+(?:a|an|the|[a-z]+ing)\s)|"
                  r"refer(?:s|red)\s+to|reaffirm(?:s|ed)?(?:\s+(?:their|its|the)\s+commitment\s+to)?|cite[sd]?|"
                  r"invoke[sd]?|emphasi[sz](?:es|ed)|stress(?:es|ed)|committed\s+(?:themselves\s+)?to|"
                  r"spoke\s+of|speaks\s+of|talk(?:s|ed)\s+(?:of|about)|express(?:es|ed)\s+(?:their\s+|its\s+)?support\s+for|"
                  r"not(?:es|ed)\s+(?:the\s+importance\s+of|that)|welcom(?:es|ed)|condemn(?:s|ed)|highlight(?:s|ed)|"
                  r"underlin(?:es|ed)|recogni[sz](?:es|ed)|express(?:es|ed)\s+(?:their\s+|its\s+)?(?:deep\s+|serious\s+|grave\s+)?"
                  r"concern\s+(?:about|over|at)|agreed\s+(?:to|on))\s+(?P<what>[^.;()]{3,400})", re.IGNORECASE)
# The collective subject of a declaration's words in a sentence that does not name it ("The member states expressed
# concern about ...", "The leaders welcomed ..."): the declaration the text named last.
COLLECTIVE = re.compile(r"^\s*(?:In\s+it,?\s+|There,?\s+)?(?:the\s+)?(?:(?:SCO\s+)?member\s+(?:states|countries)|leaders|heads\s+of\s+"
                        r"state|signatories|parties|participants|they)\b", re.IGNORECASE)
# "called for A, stressed B and denounced C": a new clause starts at a comma (or 'and') before a verb in the past.
CLAUSE = re.compile(r",\s+(?:and\s+)?(?=[a-z]+ed\s)|\s+and\s+(?=(?:stress|denounc|condemn|urg|welcom|reaffirm|"
                    r"emphasi[sz]|support|reject|oppos|call|back|endors)(?:ed|e?s)\s)")
CALLS = ("call", "urg", "advocat", "back", "endors")
# A negation before the verb ('does not mention', 'never referred to'), or a verb of omission ('makes no mention of',
# 'is silent on', 'omits'): the claim is the notion's absence.
NOT_BEFORE = re.compile(r"(?:\b(?:does|did|do|would|could)\s+not|\b(?:doesn['’]t|didn['’]t)|\bnever|\bfail(?:s|ed)\s+to)\s+$",
                        re.IGNORECASE)
OMITS = re.compile(r"\b(?:make[sd]?|made)\s+no\s+(?:mention|reference)\s+(?:of|to)\s+(?P<what>[^.;()]{3,200})|\b(?:is|was|"
                   r"remains|remained)\s+silent\s+(?:on|about)\s+(?P<what2>[^.;()]{3,200})|\bomit(?:s|ted)\s+"
                   r"(?:any\s+(?:mention\s+of|reference\s+to)\s+)?(?P<what3>[^.;()]{3,200})", re.IGNORECASE)
# Reported speech: "The Qingdao Declaration stated that ..." (the clause, judged on its words).
SAID = re.compile(r"[Dd]eclaration\s+(?:[\w-]+\s+){0,3}?(?:said|says|stated|states|declared|declares|noted|notes|"
                  r"stressed|stresses|affirmed|affirms|underlined|underlines|recognised|recognized)(?:\s+that)?\s+"
                  r"(?P<what>[^;]{10,300}?)(?=[;.](?:\s|$)|$)")

# A quoted term a declaration has ("the New Delhi Declaration has 'W1' where Samarkand had 'W2'", "uses the word 'W'"):
# each term is the declaration's named last before it (a city standing for its summit's declaration).
TERM = re.compile(r"\b(?:has|had|have|uses?|used|contains?|contained|includes?|included|keeps?|kept|retains?|retained)\s+"
                  r"(?:the\s+(?:word|term|phrase|expression|formula)s?\s+)?[‘'\"“](?P<what>[^'’\"”]{3,60})['’\"”]",
                  re.IGNORECASE)


# "At the Bishkek summit the eight SCO leaders condemned ...": the leaders' joint words are their summit's declaration
# (a word not in it may be in another of the summit's documents: never contradicted on its absence).
LEADERS_AT = re.compile(rf"\b[Aa]t\s+(?:the|their|its)\s+(?:(?P<y>{YEAR})\s+)?(?:SCO\s+)?(?P<city>[A-Z][\w'-]{{2,20}}"
                        rf"(?:\s[A-Z][\w'-]{{2,20}})?)\s+summit,?\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}(?:leaders|heads\s+of\s+"
                        rf"state|member\s+(?:states|countries))\b")


@dataclass(frozen=True, kw_only=True)
class DeclarationClaim(Payload):
    """A notion a declaration is said to call for (called = True) or to mention, and the documents."""

    notion: str
    called: bool = False
    reported: bool = False  # a reported clause ('said there is ...'): a paraphrase is never contradicted on wording
    negated: bool = False   # 'does not mention X', 'makes no mention of X': X's absence is what is claimed
    documents: tuple[tuple[int, str | None], ...] = ()
    at_summit: bool = False  # 'at the X summit the leaders ...': the declaration, but not the summit's only document


@register_kind("declaration", payload=DeclarationClaim, order=17, title="What a declaration says",
               examples=("The Samarkand Declaration called for a more representative, multipolar world order.",
                         "The New Delhi Declaration mentioned the Shanghai spirit."))
class Declaration:
    def read(r) -> None:
        docs = documents(r) if re.search(r"[Dd]eclaration|\bsummit\b", r.text) else []
        explicit = bool(docs) and re.search(r"[Dd]eclaration", r.text)
        leaders = LEADERS_AT.search(r.text) if not docs else None
        city = next((c for c in CITIES if leaders and leaders.group("city").endswith(c)), None)
        if city:
            docs = [(int(leaders.group("y") or 0), city)]
        if docs:
            r.ctx.declarations = docs  # the declaration a later sentence's "the member states noted ..." speaks of
        elif r.ctx.declarations and COLLECTIVE.match(r.text) and VERB.search(r.text):
            docs = r.ctx.declarations
        if not docs:
            return
        for m in TERM.finditer(r.text):
            if r.overlaps_used(m.start(), m.end()):
                continue
            # the verb's own subject: a declaration or summit city named right before it ('where Samarkand had'),
            # else the sentence's first declaration ('the X Declaration repeats ..., but has')
            names = [(year, city) for year, city in docs if city] + \
                [(0, x.code) for x in r.mentions if x.kind == "city" and x.end <= m.start()]
            own = [d for d in names if re.search(rf"\b{re.escape(d[1])}(?:['’]s)?(?:\s+[Dd]eclaration)?\s+(?:also\s+|still\s+|"
                                                 rf"only\s+|now\s+)?$", r.text[:m.start()])]
            which = own[:1] or docs[:1]
            r.add("declaration", m.start(), m.end(), {
                "notion": m.group("what").strip(), "negated": bool(NOT_BEFORE.search(r.text[max(0, m.start() - 30):
                                                                                             m.start()])),
                "documents": [list(d) for d in which]})
            r.take(m.start(), m.end())
        for m in SAID.finditer(r.text):
            notion = m.group("what").strip(" ,\"'“”")
            if len(notion.split()) >= 4 and not r.overlaps_used(m.start(), m.end()):
                r.add("declaration", m.start(), m.end(), {"notion": notion, "reported": True,
                                                          "documents": [list(d) for d in docs]})
                r.take(m.start(), m.end())
        for m in OMITS.finditer(r.text):
            key = next(k for k in ("what", "what2", "what3") if m.group(k))
            notion = re.sub(r"^(?:the|a|an|its|their)\s+", "", m.group(key).strip(), flags=re.IGNORECASE)
            notion = re.sub(r"(?:,\s+(?:and|but|while|which|as)\b|\s+(?:as|in|that|which|while)\b).*$", "",
                            notion).strip(" ,\"'“”")
            if len(notion) >= 3 and not r.overlaps_used(m.start(), m.end()):
                r.add("declaration", m.start(), m.end(), {"notion": notion, "negated": True,
                                                          "documents": [list(d) for d in docs]})
                r.take(m.start(), m.end())
        for m in VERB.finditer(r.text):
            if r.overlaps_used(m.start(), m.end()) or r.text.find("Declaration") > m.start() + 200 or \
                    re.match(r"(?:that|to)\b", m.group("what")) and not m.group("verb").lower().startswith(("not", "agreed")):
                continue
            negated = bool(NOT_BEFORE.search(r.text[max(0, m.start() - 30):m.start()]))
            # each clause is its own claim, with its own verb: never one verdict on the clauses run together
            verb, start, what = m.group("verb"), m.start(), m.group("what")
            cuts = [(b.start(), b.end()) for b in CLAUSE.finditer(what)]
            spans = [(0 if i == 0 else cuts[i - 1][1], cuts[i][0] if i < len(cuts) else len(what))
                     for i in range(len(cuts) + 1)]
            for i, (a, b) in enumerate(spans):
                clause, end = what[a:b], m.start("what") + b
                if i:
                    start = m.start("what") + a
                    verb, _, clause = clause.partition(" ")
                    if verb.lower() in ("called", "calls") and clause.startswith("for "):
                        verb, clause = f"{verb} for", clause[4:]
                notion = re.sub(r"^(?:the|a|an|its|their)\s+", "", clause.strip(), flags=re.IGNORECASE)
                notion = re.sub(r"(?:,\s+(?:and|but|while|which|as)\b|\s+(?:as|in|that|which|while|among|with)\b).*$",
                                "", notion).strip(" ,\"'“”")
                if len(notion) >= 3:
                    r.add("declaration", start, end, {"notion": notion, "called": verb.lower().startswith(CALLS)
                                                          and not re.fullmatch(r"call(?:s|ed)", verb.lower()),
                                                          "at_summit": bool(city),
                                                          "negated": negated and i == 0,
                                                          "documents": [list(d) for d in docs]})
            r.take(m.start(), m.end())

        if explicit and not any(c.type in ("declaration", "endorsement") for c in r.claims):
            _reported_rest(r, docs)

    def judge(claim, evidence, as_of):
        p = claim.payload
        verdicts, parts, observed, calls = [], [], [], []
        for year, doc, text, url in held_declarations(evidence, p.documents, as_of, verdicts, parts):
            outcome, detail = find_notion(p.notion, text, p.called)
            listed = find_listed(items, text) if outcome != SUPPORTED and not p.negated and \
                (items := listed_notions(p.notion)) else None  # a paraphrase listing notions: each one looked up
            outcome, detail = listed or wording_verdict(p.notion, text, outcome, detail)
            if p.negated:  # the notion's absence is claimed: clear absence supports, a clear presence contradicts
                outcome = {SUPPORTED: CONTRADICTED, CONTRADICTED: SUPPORTED}.get(outcome, UNVERIFIABLE)
                detail = f"claimed absent; {detail}"
            if p.at_summit and outcome == CONTRADICTED:
                outcome, detail = UNVERIFIABLE, f"{detail} (the leaders' words at the summit may be in another of " \
                                                f"its documents)"
            verdicts.append(outcome)
            parts.append(f"{doc}: {detail}")
            observed.append(Observation(detail, "text", f"{doc} (official English text)", year, url=url))
            calls.append(Call.load("declaration_texts", year=year))
        return verdict(claim, combine(verdicts), "; ".join(parts), observed, calls=calls)


# "the Dushanbe Declaration pledges ...", "... sets out ...": any other verb of a declaration's words; what follows it
REST = re.compile(r"[Dd]eclaration\b[^.;]{0,80}?\b(?:says|said|states|stated|calls|called|describes|described|"
                  r"declares|declared|proclaims|proclaimed|pledges|pledged|vows|vowed|sets\s+out|set\s+out|lays\s+out|"
                  r"commits|committed|promises|promised|puts\s+forward|proposes|proposed|envisages|envisaged)\s+"
                  r"(?P<what>[^;]{10,300}?)(?=[;.](?:\s|$)|$)")


def _reported_rest(r, docs) -> None:
    """A sentence naming a declaration and what it says in words no other rule read: the words after the verb,
    judged as a reported clause (never silently left out: a text not held makes it unverifiable, saying so)."""
    m = REST.search(r.text)
    if m and not r.overlaps_used(m.start("what"), m.end("what")):
        r.add("declaration", m.start(), m.end(), {"notion": m.group("what").strip(" ,\"'“”"), "reported": True,
                                                  "documents": [list(d) for d in docs]})
        r.take(m.start(), m.end())
