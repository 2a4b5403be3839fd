"""Reading membership events in any phrasing, clause by clause: a verb of joining or leaving from one lexicon, the
states before it (and those added 'along with' them), the role and organization around it ('accepted as a permanent
member of X', 'admitted as X observers', 'will become X partner states', 'the bloc'), the clause's date or summit;
'X's membership ended on DATE'; 'the memberships of A and B took effect on DATE'; 'holding observer status since YEAR'. The fallback for clauses the specific patterns
of `memberships` left unread."""

from __future__ import annotations

import re

from .clauses import clause_bounds
from .numbers import YEAR
from .sentence import E, EL
from .times import MONTH_RE
from .prefilter import finditer, search

_ADV = r"(?:(?:also|officially|formally|finally|eventually|later|then|subsequently|only|both|all)\s+)?"
JOIN = (rf"(?:joined|acceded\s+to|(?:was|were|been|being|is|are)\s+{_ADV}(?:admitted|accepted|inducted|welcomed|"
        rf"upgraded|granted|given)|became|becomes|becoming|(?:has|have|had)\s+become|(?:will|would|shall|is\s+to|are\s+to"
        rf"|was\s+to|were\s+to)\s+{_ADV}become|having\s+joined|gained|obtained|received|acquired|secured)")
LEAVE = (rf"(?:withdrew|(?<!is\s)(?<!was\s)(?<!are\s)(?<!were\s)(?<!be\s)(?<!been\s)left(?!\s+(?:with|behind|out)\b)|quit|exited|pulled\s+out|(?:finali[sz]ed|completed|formali[sz]ed|concluded)\s+(?:its|their|{E})\s+"
         rf"withdrawal|having\s+(?:left|withdrawn)|"
         # "became the first country to withdraw from X": the leaving, and its rank among the states that left
         rf"(?:the\s+)?(?:first|second|third)\s+(?:country|state|member(?:\s+state)?|nation)\s+(?:ever\s+)?to\s+"
         rf"(?:withdraw|leave|quit|exit|pull\s+out))")
VERB = re.compile(rf"\b{_ADV}(?:(?P<join>{JOIN})|(?P<leave>{LEAVE}))\b", re.IGNORECASE)
# "became the first member (state) to leave": a departure, never a joining.
LEAVER = re.compile(r"[^,;.]{0,40}?\bbec(?:ame|omes|oming|ome)\s+the\s+\w+\s+(?:member|state|country|nation)(?:\s+state)?\s+"
                    r"(?:ever\s+)?to\s+(?:withdraw|leave|quit|exit|pull\s+out)\b", re.IGNORECASE)
# "Georgia's (formal) membership (in the CIS) ended on 18 August 2009"
ENDED = re.compile(rf"(?P<who>{EL})(?:['’]s?)?\s+(?:(?:formal|full|official)\s+)?(?:(?P<org0>{E})\s+)?membership(?:\s+(?:in|of)\s+"
                   rf"(?:the\s+)?(?P<org>{E}))?\s+(?:officially\s+|formally\s+)?(?:ended|expired|ceased|terminated|lapsed|"
                   rf"came\s+to\s+an\s+end)")
# "The BRICS memberships of A and B took effect on DATE", "A's SCO membership became effective in YEAR": joined then.
_EFFECT = r"(?:officially\s+|formally\s+)?(?:took\s+effect|came\s+into\s+(?:force|effect)|became\s+effective|began|started)"
EFFECT = re.compile(rf"(?:(?P<org0>{E})\s+)?(?:full\s+)?(?P<role>membership|observer\s+status|dialogue\s+partner\s+status)s?\s+"
                    rf"of\s+(?P<who>{EL})(?:\s+(?:in|of)\s+(?:the\s+)?(?P<org>{E}))?\s+{_EFFECT}"
                    rf"|(?P<who2>{EL})(?:['’]s?)?\s+(?:(?P<org2>{E})\s+)?(?:full\s+)?(?P<role2>membership|observer\s+status|dialogue"
                    rf"\s+partner\s+status)(?:\s+(?:in|of)\s+(?:the\s+)?(?P<org3>{E}))?\s+{_EFFECT}", re.IGNORECASE)
ROLE = re.compile(r"\b(?:(?:full(?:[- ]fledged)?|permanent)\s+)?(?P<role>dialogue[- ]partner|observer|associate\s+member|"
                  r"partner(?:\s+(?:state|country|countries|nation))?|member)s?\b(?:\s+(?:state|country|nation)s?)?"
                  r"(?:\s+status)?|\b(?P<ship>(?:full\s+)?membership)\b", re.IGNORECASE)
# "after holding observer status since 2005", "having been an observer since 2012"
HELD_SINCE = re.compile(rf"\b(?:holding|having\s+held|having\s+had|having\s+been|with)\s+(?:an?\s+)?(?:(?P<org0>{E})\s+)?"
                        rf"(?P<role>observer|dialogue[- ]partner|associate|partner)(?:\s+state)?(?:\s+status)?(?:\s+(?:in|at|"
                        rf"of|within)\s+(?:the\s+)?(?P<org>{E}))?\s+since\s+(?:{MONTH_RE}\s+)?(?P<since>{YEAR})",
                        re.IGNORECASE)
ALONG = re.compile(rf"[^.;]{{0,60}}?\b(?:along\s+with|together\s+with|alongside|as\s+well\s+as)\s+(?P<list>{EL})")
ANAPHOR = re.compile(r"\s*(?:the|this|that)\s+(?:\w+\s+)?(?:bloc|organi[sz]ation|grouping|group|alliance|union|body|club|"
                     r"forum|community|commonwealth)\b", re.IGNORECASE)
SUMMIT = re.compile(rf"\bat\s+(?:the|its|their|⟨#⟩)\s+(?:(?P<y>{YEAR})\s+)?(?:(?P<c1>{E})\s+)?(?:{E}\s+)?summit(?:\s+in\s+(?P<c2>{E}))?",
                    re.IGNORECASE)


def _fronted_summit(r, pos: int):
    """A summit fronting the sentence ('At the Astana summit, A and B became ...'): its city dates the event."""
    summit = SUMMIT.match(r.masked, len(r.masked[:pos]) - len(r.masked[:pos].lstrip()))
    return summit if summit and re.fullmatch(rf"(?:\s+in\s+{YEAR})?\s*,[^,;]*", r.masked[summit.end():pos]) else None


# "Georgia was a member of the CIS from 1993 to 2009": a membership's start and end.
SPAN = re.compile(rf"(?P<who>{EL})\s+(?:was|were|had\s+been|has\s+been|remained)\s+(?:an?\s+)?(?:full\s+)?(?P<role>member|"
                  rf"observer|dialogue\s+partner|associate\s+member)s?(?:\s+state)?\s+(?:of|in|to)\s+(?:the\s+)?(?P<org>{E})\s+"
                  rf"(?:from|between)\s+(?P<y1>{YEAR})\s*(?:to|and|until|till|through|[-–])\s*(?P<y2>{YEAR})", re.IGNORECASE)
# "..., followed by Kyrgyzstan in August 2015": the next state to join, in the same organization and role.
FOLLOWED = re.compile(rf",?\s+(?:followed|joined)\s+by\s+(?P<who>{EL})\s+(?:in|on)\s+(?P<when>(?:\d{{1,2}}\s+)?(?:{MONTH_RE}\s+)?"
                      rf"{YEAR})", re.IGNORECASE)
# "The 2024 summit in Astana admitted Belarus as a full member": the organization's act, the summit's date.
# Also the organization accepting a state's own step: "leaders approved A's request to take part in X as an associate
# member", "accepted neutral A's move to stay in the bloc as an observer".
_STEP = (r"(?:(?:['’]s?)?\s+(?:\w+\s+){0,2}?(?:move|request|bid|application|decision|wish|proposal)\s+to\s+(?:take\s+part|"
         r"participate|remain|stay|continue|be)\s+(?:in\s+(?:the\s+)?[^,.;]{2,40}?\s+)?)")
ADMITTED = re.compile(rf"\b(?:admitted|accepted|welcomed|granted|approved|endorsed)\s+(?:[a-z]+\s+)?(?P<who>{EL})(?:{_STEP}|\s+)"
                      rf"(?:as\s+(?:an?\s+)?|the\s+status\s+of\s+(?:an?\s+)?)(?:(?:full(?:[- ]fledged)?|permanent)\s+)?(?P<role>dialogue\s+partner|observer|associate\s+"
                      rf"member|partner|member)", re.IGNORECASE)


def read_spans(r) -> None:
    """'A was a member of X from Y1 to Y2': joined in Y1 and left in Y2 (read before the present-tense roles)."""
    for m in finditer(SPAN, r.masked):
        who, org = r.codes(m.start("who"), m.end("who"), ("country",)), r.org_at(m.start("org"))
        if not who or not org:
            continue
        role = role_name(m.group("role"))
        r.add("membership", m.start(), m.end(), {"relation": "joined", "org": org, "country": who,
                                                 "year": int(m.group("y1")),
                                                 "role": None if role == "member" else role})
        r.add("membership", m.start("y2"), m.end(), {"relation": "left", "org": org, "country": who,
                                                     "year": int(m.group("y2"))})  # the role ended then
        r.take(m.start(), m.end())


def role_name(word: str) -> str:
    word = word.lower()
    return ("dialogue partner" if "dialogue" in word else "observer" if "observer" in word else
            "associate" if "associate" in word else "partner" if "partner" in word else "member")


def read_membership_events(r, *, default_org, clause_date) -> None:
    """Membership events in clauses no membership claim covers yet (see the module docstring)."""
    read = [(c.span[0] - r.s.start, c.span[1] - r.s.start) for c in r.claims if c.type == "membership"]

    def unread(pos: int) -> bool:
        return not any(a <= pos < b for a, b in read)

    for m in finditer(ENDED, r.masked):
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        key = "org" if m.group("org") else "org0" if m.group("org0") else None
        org = r.org_at(m.start(key)) if key else r.org_before(m.start()) or default_org(r)[0]
        year, month, day = clause_date(r, m.end())
        if who and org and year and unread(m.start()) and not r.overlaps_used(m.start(), m.end()):
            r.add("membership", m.start(), m.end(), {"relation": "left", "org": org, "country": who, "year": year,
                                                     "month": month})
            r.take(m.start(), m.end())
            read.append((m.start(), m.end()))
    for m in finditer(EFFECT, r.masked):
        key = "who" if m.group("who") else "who2"
        who = r.codes(m.start(key), m.end(key), ("country",))
        okey = next((k for k in ("org", "org0", "org2", "org3") if m.group(k)), None)
        org = r.org_at(m.start(okey)) if okey else r.org_before(m.start()) or default_org(r)[0]
        year, month, day = clause_date(r, m.end())
        if who and org and year and unread(m.start()) and not r.overlaps_used(m.start(), m.end()):
            role = role_name(m.group("role") or m.group("role2"))
            r.add("membership", m.start(), m.end(), {"relation": "joined", "org": org, "country": who, "year": year,
                                                     "month": month, "day": day,
                                                     "role": None if role == "member" else role})
            r.take(m.start(), m.end())
            read.append((m.start(), m.end()))
    for m in finditer(VERB, r.masked):
        if r.overlaps_used(m.start(), m.end()) or not unread(m.start()) or \
                m.group("join") and LEAVER.match(r.text, m.start()):
            continue
        c0, c1 = clause_bounds(r.text, m.start())
        who = _who(r, m.start(), c0)
        tail_end = min(c1, m.end() + 90)
        role_m = search(ROLE, r.text, m.end(), tail_end)
        stop = re.search(r"\b(?:in|on|at|from|since|after|before|when)\s", r.text[m.end():tail_end])
        if role_m and stop and role_m.start() > m.end() + stop.start() and not m.group("leave"):
            role_m = None  # the role word belongs to a later phrase ("became ... in 2005 when members met")
        orgs = [x for x in r.ents(m.end(), tail_end, ("org", "group")) if r.org_at(x.start)]
        org = orgs[0].code if orgs else None
        named = re.match(r"\s+(?:[A-Z][\w-]+\s+)*[A-Z][\w-]+", r.text[orgs[0].end:]) if orgs else None
        if named:  # "the CIS Economic Court": the organization only qualifies what is named
            if not re.match(r"\s*Collective\s+Security\s+Treaty\b", named.group(0)):
                continue
            org = "CST"
        if org is None:
            before = [x for x in r.ents(c0, m.start(), ("org", "group")) if r.org_at(x.start)]
            anaphor = ANAPHOR.match(r.text, m.end())
            org = before[-1].code if before else (r.org_before(m.start()) if anaphor else None)
        direct = re.match(r"\s*(?:the\s+)?⟨", r.masked[m.end():]) or ANAPHOR.match(r.text, m.end())
        if m.group("join") and role_m is None and not (org and direct and re.search(r"joined|acceded", m.group(0))):
            continue  # 'became', 'received' ... without a role word: not a membership
        if org is None:
            if role_m is None:
                continue
            org, _ = default_org(r)
        if not who or not org:
            continue
        summit = search(SUMMIT, r.masked, m.end(), c1) or _fronted_summit(r, m.start())
        fields = {}
        if summit:
            city = r.by_start.get(summit.start("c1") if summit.group("c1") else
                                  summit.start("c2") if summit.group("c2") else -1)
            if city is not None and city.kind == "city":
                fields = {"city": city.code, **({"year": int(summit.group("y"))} if summit.group("y") else {})}
                if summit.start() < m.start() and not summit.group("y") and clause_date(r, m.start())[0]:
                    fields["year"] = clause_date(r, m.start())[0]  # "At the Ufa summit in 2015, A and B became ..."
            elif summit.group("y"):
                fields = {"year": int(summit.group("y"))}
        if not fields:
            year, month, day = clause_date(r, m.start())
            if not year:
                continue
            fields = {"year": year, "month": month, "day": day}
        along = ALONG.match(r.masked, m.end())
        if along and along.end() <= c1:
            who += [c for c in r.codes(along.start("list"), along.end("list"), ("country",)) if c not in who]
        if m.group("leave"):
            rank = re.search(r"\b(first|second|third)\s", m.group(0), re.IGNORECASE)
            r.add("membership", m.start(), m.end(), {"relation": "left", "org": org, "country": who,
                                                     "year": fields.get("year"), "month": fields.get("month"),
                                                     **({"ordinal": ("first", "second", "third").index(
                                                         rank.group(1).lower()) + 1} if rank else {})})
        else:
            role = role_name(role_m.group("role") or "member") if role_m and role_m.group("role") else "member"
            r.add("membership", m.start(), (role_m.end() if role_m else m.end()),
                  {"relation": "joined", "org": org, "country": who, "role": None if role == "member" else role,
                   **fields})
        r.take(m.start(), m.end())
        read.append((m.start(), m.end()))
    for m in finditer(ADMITTED, r.masked):
        if r.overlaps_used(m.start(), m.end()) or not unread(m.start()):
            continue
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        c0, c1 = clause_bounds(r.text, m.start())
        orgs = [x.code for x in r.ents(c0, c1, ("org", "group")) if r.org_at(x.start)]
        org = orgs[0] if orgs else default_org(r)[0]
        summit = re.search(rf"(?:(?P<y>{YEAR})\s+)?(?:(?P<c1>{E})\s+)?summit(?:\s+in\s+(?P<c2>{E}))?", r.masked[c0:m.start()],
                           re.IGNORECASE)
        city = r.by_start.get(c0 + (summit.start("c1") if summit.group("c1") else summit.start("c2"))) \
            if summit and (summit.group("c1") or summit.group("c2")) else None
        fields = {}
        if city is not None and city.kind == "city":
            fields = {"city": city.code, **({"year": int(summit.group("y"))} if summit.group("y") else {})}
        else:
            year, month, day = clause_date(r, m.start())
            fields = {"year": year, "month": month, "day": day} if year else {}
        if who and org and fields:
            role = role_name(m.group("role"))
            r.add("membership", m.start(), m.end(), {"relation": "joined", "org": org, "country": who,
                                                     "role": None if role == "member" else role, **fields})
            r.take(m.start(), m.end())
            read.append((m.start(), m.end()))
    for claim in [c for c in r.claims if c.type == "membership" and c.payload.relation == "joined"]:
        m = FOLLOWED.match(r.masked, claim.span[1] - r.s.start)
        nxt = search(FOLLOWED, r.masked, claim.span[1] - r.s.start)
        m = m or (nxt if nxt and not re.search(r"[;.]", r.masked[claim.span[1] - r.s.start:nxt.start()]) else None)
        if m and not r.overlaps_used(m.start(), m.end()):
            from .times import date_in
            year, month, day = date_in(r.text[m.start("when"):m.end("when")])
            who = r.codes(m.start("who"), m.end("who"), ("country",))
            if who and year:
                p = claim.payload
                r.add("membership", m.start(), m.end(), {"relation": "joined", "org": p.org, "country": who,
                                                         "role": p.role, "year": year, "month": month, "day": day})
                r.take(m.start(), m.end())
    for m in finditer(HELD_SINCE, r.masked):
        if r.overlaps_used(m.start(), m.end()):
            continue
        key = "org" if m.group("org") else "org0" if m.group("org0") else None
        org = r.org_at(m.start(key)) if key else r.org_before(m.start()) or default_org(r)[0]
        c0, _ = clause_bounds(r.text, m.start())
        who = _who(r, m.start(), 0)
        if who and org:
            r.add("membership", m.start(), m.end(), {"relation": "joined", "org": org, "country": who[:1],
                                                     "year": int(m.group("since")),
                                                     "role": role_name(m.group("role"))})
            r.take(m.start(), m.end())


def _who(r, pos: int, c0: int) -> list[str]:
    """The states the verb at pos is about: the list named last before it in its clause, else the sentence's
    subject."""
    before = [x for x in r.mentions if x.kind == "country" and c0 <= x.start and x.end <= pos and not r.in_reporter(x)]
    if before:
        first = before[-1]
        start = first.start
        for x in reversed(before[:-1]):  # walk back over "A, B and C"
            if re.fullmatch(r"\s*(?:,\s*and|,|and|&)\s*(?:the\s+)?", r.text[x.end:start]):
                start = x.start
            else:
                break
        return r.codes(start, first.end, ("country",))
    subject = r.subject()
    return [subject] if subject and len(subject) == 3 and subject.isupper() else []
