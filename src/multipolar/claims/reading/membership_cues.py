"""Reading a joining that no membership pattern read, from its cues in one clause: the states, one organization, a word
of joining ('admitted', 'accession', 'enter'), a role word and a date or a summit in a city ('At the Astana summit
Belarus was formally admitted as a full member of the SCO', 'Kyrgyzstan and Armenia will officially enter the
Eurasian union on 1 January 2015'). Read only when every cue is unambiguous; a condition, a wish, an application or a
departure in the clause leaves it to the other readers (or to the unchecked list)."""

from __future__ import annotations

import re

from .compositions import role_word

# A word of joining: the clause states that a state became part of an organization.
JOINING = re.compile(r"\b(?:admitted|admission|accession|acceded|accedes|accede|joined|joins|joining|entered|enters|"
                     r"enter|entry|inducted|accepted)\b", re.IGNORECASE)
# A role named in the clause ('as an observer', 'dialogue partner', 'full member'); none: full membership.
ROLE = re.compile(r"\b(?:observer|dialogue\s+partner|partner\s+(?:country|state)|associate\s+member|full(?:[- ]fledged)?"
                  r"\s+member|member)", re.IGNORECASE)
# What makes a clause no plain statement of a joining: a condition, a wish or plan, an application, a negation, a
# departure, or a joining of something else than the organization (a treaty, a programme).
NOT_A_JOINING = re.compile(
    r"\b(?:if|unless|would|could|might|(?-i:may)|should|hopes?|hoped|hoping|wants?|wanted|wish\w*|plans?|planned|planning|"
    r"intends?|intended|seeks?|sought|seeking|bids?|appl(?:y|ies|ied|ying|ication|icant)|candidacy|candidates?|"
    r"talks?|negotiat\w+|process|roadmap|not|never|no\s+longer|without|left|leaves?|leaving|withdr\w+|quit\w*|exit\w*|"
    r"suspend\w*|expel\w*|treaty|agreement|convention|protocol|programme|program|initiative|WTO|talks|support\w*|"
    r"back(?:s|ed|ing)|welcom\w*|endors\w*|approv\w*|oppos\w*|discuss\w*|block\w*|veto\w*|push\w*|lobb\w*|"
    r"urg\w*|call\w*)\b",
    re.IGNORECASE)
# A state named only to qualify something else: 'the Russia-led union', 'the India-hosted summit'.
# A joining announced for later ('will enter on 1 January 2015'): its month is the plan, its day may not be the day
# the joining took effect.
ANNOUNCED = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:set\s+|due\s+|scheduled\s+)?to)\s+(?:\w+\s+)?(?:enter|join|accede|become)\b",
                       re.IGNORECASE)
QUALIFIER = re.compile(r"[-‐](?:led|hosted|backed|dominated|brokered|based|chaired|sponsored)\b")
# What separates the states of one list: 'A, B and C'.
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)")
# A summit in a city: 'at the Astana summit', 'at the summit in Ufa', 'at the 2024 Astana summit'.
SUMMIT = re.compile(r"\b(?:the|its)\s+(?:\d{4}\s+)?(?P<c1>⟨#*⟩)\s+(?:\w+\s+)?summit\b|\bsummit\s+in\s+(?P<c2>⟨#*⟩)",
                    re.IGNORECASE)


def _clause(text: str, pos: int) -> tuple[int, int]:
    """The clause around pos: between ';', ':', a dash or a sentence end."""
    bounds = [m.end() for m in re.finditer(r"[;:]|\s[–—-]\s", text[:pos])]
    start = bounds[-1] if bounds else 0
    end = re.search(r"[;:]|\s[–—-]\s", text[pos:])
    return start, pos + end.start() if end else len(text)


def read_membership_cues(r, clause_date) -> None:
    """Add a `joined` membership claim for a clause with a word of joining whose cues are unambiguous, when no other
    membership reading came from the sentence."""
    if any(c.type == "membership" for c in r.claims):
        return
    for cue in JOINING.finditer(r.text):
        start, end = _clause(r.text, cue.start())
        clause = r.text[start:end]
        if NOT_A_JOINING.search(clause) or r.overlaps_used(start, end):
            continue
        orgs = {m.code for m in r.mentions if start <= m.start < end and r.org_at(m.start)}
        states = [m for m in r.mentions if start <= m.start < end and m.kind == "country" and not m.pronoun
                  and not QUALIFIER.match(r.text, m.end) and not r.in_reporter(m)]
        if len(orgs) != 1 or not states:
            continue
        if any(not LIST_GAP.fullmatch(r.text[a.end:b.start]) for a, b in zip(states, states[1:])):
            continue  # two lists of states in one clause ('A welcomed B's accession'): whose joining is unclear
        who = list(dict.fromkeys(m.code for m in states))
        summit = SUMMIT.search(r.masked, start, end)
        city = r.by_start.get(summit.start("c1") if summit and summit.group("c1") else
                              summit.start("c2") if summit else -1)
        year, month, day = clause_date(r, cue.start())
        if city is not None and city.kind == "city":
            when = {"city": city.code}
        elif year and any(start <= tm.start < end for tm in r.times):
            when = {"year": year, "month": month, "day": None if ANNOUNCED.search(clause) else day}
        else:
            continue  # no date and no summit in the clause: nothing to judge the joining on
        roles = {role_word(m.group(0)) for m in ROLE.finditer(clause)}
        if len(roles) > 1:
            continue
        role = roles.pop() if roles else "member"
        org = orgs.pop()
        r.add("membership", start + len(clause) - len(clause.lstrip()), end, {
            "relation": "joined", "org": org, "country": who, "role": None if role == "member" else role,
            "note": "an announced joining: read to its month" if ANNOUNCED.search(clause) and "year" in when else
                    "read from the clause's cues (a word of joining, the organization, the states and the date)",
            **when})
        r.take(start, end)
        return
