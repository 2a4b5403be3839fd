"""Reading an organization's composition at a date: counts of members, observers and dialogue partners with the
states named in brackets ('the body had two observers (Mongolia and Iran)'), states
listed in a role ('the SCO counts Mongolia among its observers and ... among its dialogue partners'), 'N of which
are members', expansion since a year; and the date it is stated at ('at the time of the 20th-anniversary summit in
Dushanbe', 'as of 2019', 'in 2019')."""

from __future__ import annotations

import re

from .clauses import clause_bounds
from .numbers import YEAR, number_word
from .sentence import E, EL
from .prefilter import finditer, search

_ROLES = r"(?:full\s+)?(?:member\s+states?|member\s+countries|members?|observer\s+states?|observers?|dialogue\s+partners?)"
# An organization, or a word standing for the one under discussion ("the organisation", "the bloc").
_ORG = rf"(?:(?P<org>{E})|(?P<this>(?:the\s+)?(?:organi[sz]ation|bloc|grouping|group|alliance|union|body)|\b[Ii]t\b))"
# An apposition between the organization and its verb ("the SCO, founded in 2001 in Shanghai, now has ...").
_APPOSITION = r"(?P<appos>,\s+(?:formed|founded|established|created|set\s+up|launched|based|headquartered|born)\b[^,;:.]{1,60},)?"
COUNTS = re.compile(rf"{_ORG}{_APPOSITION}\s+(?:(?:now|currently|then|still|today|presently|at\s+present)\s+)?(?P<verb>has|had|have|comprises|comprised|"
                    rf"consists\s+of|consisted\s+of|counts|counted|includes|included|numbered|numbers)\s+(?P<list>(?:\w+\s+"
                    rf"(?:(?:other|more|additional|further|current)\s+)?{_ROLES}"
                    rf"(?:\s*\([^)]*\)|\s*:\s*[^.;:]+)?(?:\s*,\s*|\s+and\s+|,\s+and\s+)?)+)", re.IGNORECASE)
# a count's states named in brackets or after a colon ("has eight members: A, B, ... and H")
COUNT_PART = re.compile(rf"(?P<n>\w+)\s+(?:(?:other|more|additional|further|current)\s+)?(?P<role>{_ROLES})(?:\s*\((?P<names>[^)]*)\)|"
                        rf"\s*:\s*(?P<names2>[^.;:]+))?", re.IGNORECASE)
OF_WHICH = re.compile(rf"(?P<n>\w+)\s+of\s+(?:which|whom|them|these)\s+(?:are|were)\s+(?:full\s+)?"
                      rf"(?:(?P<org>{E})\s+members|members\s+of\s+(?:the\s+)?(?P<org2>{E})|(?P<grp>{E}))")
INCLUDES = re.compile(rf"(?P<org>{E})\s+(?:also\s+)?(?:includes|included|counts|has|had)\s+(?P<who>{EL})\s+as\s+"
                      rf"(?P<role>observers?|members?|dialogue\s+partners?|observer\s+states)")
AND_AS = re.compile(rf"\s*,?\s+and\s+(?P<who>{EL})\s+as\s+(?P<role>observers?|members?|dialogue\s+partners?|"
                    rf"observer\s+states)")
# "A, B and C are its four observer states": the states listed first, then their count and role
LISTED_COUNT = re.compile(rf"(?P<who>{EL})\s+(?:are|were)\s+(?:(?:the\s+)?(?P<org>{E})(?:'s)?|its|their|the)\s+"
                          rf"(?P<n>\w+)\s+(?P<role>{_ROLES})(?:\s+(?:of|in)\s+(?:the\s+)?(?P<org2>{E}))?")
# "its dialogue partners include A and B", "the SCO's observers are A, B and C": states in a role (not all of them)
ROLE_INCLUDES = re.compile(rf"(?:(?:the\s+)?(?P<org>{E})(?:'s)?|[Ii]ts|[Tt]heir)\s+(?P<role>observers?(?:\s+states)?|"
                           rf"dialogue\s+partners|members(?:\s+states)?)\s+(?P<verb>include|included|including|are|were)\s+"
                           rf"(?:(?:now|henceforth|currently|thereafter|then|still|thus)\s+)?(?P<who>{EL})")
# "The SCO is made up of A, B and C", "it comprises A, B and C": the full list of its members
MADE_UP = re.compile(rf"(?:(?:the\s+)?(?P<org>{E})|\b[Ii]t)\s+(?:(?:is|was)\s+(?:now\s+)?(?:made\s+up|composed)\s+of|"
                     rf"(?:now\s+)?(?:comprises|comprised|consists\s+of|consisted\s+of))\s+(?:the\s+)?(?P<who>{EL})")
# "A, B and C are observer states", "A and B are the SCO's dialogue partners": each state named holds the role (no
# count, so not all of them)
ROLE_ARE = re.compile(rf"(?P<who>{EL})\s+(?:are|were)\s+(?:(?:now|still|currently|also)\s+)?(?:(?:the\s+)?(?P<org>{E})(?:'s)?\s+|"
                      rf"its\s+|their\s+)?(?P<role>observer\s+(?:states|countries|nations)|observers|dialogue\s+partners)\b"
                      rf"(?:\s+(?:of|in|to)\s+(?:the\s+)?(?P<org2>{E}))?")
# "A and B attended (the summit) as dialogue partners", "... took part in their capacity as observers": each holds the role
ROLE_AS = re.compile(rf"(?P<who>{EL})\s+(?:attended|took\s+part|participated|were\s+present)(?:\s+(?:in\s+|at\s+)?the\s+"
                     rf"(?:summit|meeting|talks|gathering))?\s+(?:as|in\s+(?:their|its)\s+capacity\s+as)\s+(?:(?:the\s+)?"
                     rf"(?P<org>{E})(?:'s)?\s+)?(?P<role>observer\s+states|observers|dialogue\s+partners)\b"
                     rf"(?:\s+(?:of|to)\s+(?:the\s+)?(?P<org2>{E}))?")
# "the CSTO members are henceforth A, B and C" (the member group is one mention): exactly these members
GROUP_ARE = re.compile(rf"(?P<grp>{E})\s+(?:are|were)\s+(?:(?:now|henceforth|currently|thereafter|then|still|thus)\s+)?"
                       rf"(?P<who>{E}(?:\s*,\s*{E})+(?:\s*,?\s+and\s+{E}))")
# "The leaders of A, B and C signed the Qingdao Declaration": the signatories are the members at that summit
SIGNED = re.compile(rf"\b(?:leaders|heads\s+of\s+state|presidents)\s+of\s+(?:the\s+)?(?P<who>{EL})\s+(?:\w+\s+)?"
                    rf"(?:signed|adopted)\s+the\s+(?P<city>{E})\s+[Dd]eclaration")
EXPANDED = re.compile(rf"(?P<org>{E})\s+(?:has|had)\s+(?:since\s+)?(?:expanded|grown|enlarged|widened)")
# When a composition is stated: "at the time of the 20th-anniversary summit in Dushanbe", "after the Astana summit".
AT_SUMMIT = re.compile(rf"\b(?:at\s+the\s+time\s+of|at|during|by|after|following|ahead\s+of|before)\s+the\s+"
                       rf"(?:{E}\s+)?(?:[\w-]+\s+){{0,3}}?summit\s+in\s+(?P<city>{E})|\b(?:at\s+the\s+time\s+of|at|"
                       rf"during|after|following)\s+the\s+(?P<city2>{E})\s+summit", re.IGNORECASE)
AS_OF = re.compile(rf"\b(?:as\s+of|in|by|at\s+the\s+end\s+of|until)\s+(?P<year>{YEAR})\b", re.IGNORECASE)


def role_word(word: str | None) -> str:
    word = (word or "").lower()
    return "observer" if "observer" in word else "dialogue partner" if "dialogue" in word else \
        "associate" if "associate" in word else "partner" if "partner" in word else "member"


def stated_at(r, start: int, end: int, skip: tuple[int, int] | None = None) -> dict:
    """When a composition is stated: the summit in a city (its date decides) or a year, when the sentence says (never
    a year inside `skip`, an apposition such as ', founded in 2001,')."""
    m = search(AT_SUMMIT, r.masked)
    if m:
        ment = r.by_start.get(m.start("city") if m.group("city") else m.start("city2"))
        if ment is not None and ment.kind == "city":
            return {"city": ment.code}
    c0, _ = clause_bounds(r.text, start)
    m = next((x for x in finditer(AS_OF, r.text, c0, end) if not (skip and skip[0] <= x.start() < skip[1])), None)
    if m and not re.search(r"\bsince\s+$", r.text[:m.start()]):
        return {"year": int(m.group("year"))}
    return {}


def read_compositions(r) -> None:
    for m in finditer(OF_WHICH, r.masked):
        n = number_word(m.group("n"))
        org = None
        for key in ("grp", "org", "org2"):
            if m.group(key):
                ment = r.by_start.get(m.start(key))
                if ment and r.org_at(m.start(key)):
                    org = ment.code
        groups = [x for x in r.mentions if x.kind == "group" and x.end <= m.start()]
        if n and org and groups:
            r.add("membership", groups[-1].start, m.end(), {"relation": "count", "org": org,
                                                            "country": [groups[-1].code], "count": int(n)})
    for m in finditer(COUNTS, r.masked):
        org = r.org_at(m.start("org")) if m.group("org") else r.org_default(0, m.start())
        ment = r.by_start.get(m.start("org")) if m.group("org") else None
        if org is None and ment is not None and ment.pronoun and ment.surface.lower() == "it":
            org = r.ctx.org  # "It now has nine members: ...": the organization under discussion
        if not org:
            continue
        past = m.group("verb").lower() in ("had", "comprised", "consisted of", "counted", "included", "numbered")
        # "has": as of the article's date; "had": the date its clause states ("had six members in 2001"), never
        # the apposition's founding year
        when = stated_at(r, m.start(), max(m.end(), clause_bounds(r.text, m.start())[1]),
                         m.span("appos") if m.group("appos") else None) if past else {}
        for part in finditer(COUNT_PART, m.group("list")):
            n = number_word(part.group("n"))
            if not n:
                continue
            named = []
            key = "names" if part.group("names") else "names2" if part.group("names2") else None
            if key:
                at = m.start("list") + part.start(key)
                named = list(dict.fromkeys(x.code for x in r.ents(at, at + len(part.group(key)), ("country",))))
            r.add("membership", m.start(), m.start("list") + part.end(),
                  {"relation": "count", "org": org, "role": role_word(part.group("role")), "count": int(n),
                   "listed": named, **when})
    for m in finditer(INCLUDES, r.masked):
        org = r.org_at(m.start("org"))
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        if org and who:
            r.add("membership", m.start(), m.end(), {"relation": role_word(m.group("role")), "org": org,
                                                     "country": who})
            end = m.end()
            while (more := AND_AS.match(r.masked, end)) is not None:
                who = r.codes(more.start("who"), more.end("who"), ("country",))
                if who:
                    r.add("membership", more.start("who"), more.end(), {"relation": role_word(more.group("role")),
                                                                        "org": org, "country": who})
                end = more.end()
    _listed(r)
    for m in finditer(EXPANDED, r.masked):
        org_m = r.by_start.get(m.start("org"))
        if not org_m or org_m.kind != "org":
            continue
        base = None
        for tm in r.times:
            if tm.kind == "since":
                base = tm.year
            elif tm.kind == "then" and r.ctx.last_time is not None:
                base = r.ctx.last_time.year
        if base:
            r.add("membership", m.start(), m.end(), {"relation": "expanded", "org": org_m.code, "base_year": base})


def _listed(r) -> None:
    """'A, B and C are its four observer states' (a count with the states named) and 'its dialogue partners include
    A and B' (each named state holds the role); 'the CSTO members are A, B and C' (exactly these)."""
    for m in finditer(GROUP_ARE, r.masked):
        grp = r.by_start.get(m.start("grp"))
        org = r.org_at(m.start("grp"))
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        if grp is not None and org and "member" in r.text[grp.start:grp.end].lower() and len(who) > 1 and \
                not r.overlaps_used(m.start(), m.end()):
            r.add("membership", m.start(), m.end(), {"relation": "count", "org": org, "role": "member",
                                                     "count": len(who), "listed": who})
            r.take(m.start(), m.end())
    for m in finditer(MADE_UP, r.masked):
        org = r.org_at(m.start("org")) if m.group("org") else r.org_default(0, m.start()) or r.org_default()
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        if org and len(who) > 2 and not r.overlaps_used(m.start(), m.end()):
            when = stated_at(r, *clause_bounds(r.text, m.start())) if re.search(r"\b(?:was|comprised|consisted)\s",
                                                                                 m.group(0)) else {}
            r.add("membership", m.start(), m.end(), {"relation": "count", "org": org, "role": "member",
                                                     "count": len(who), "listed": who, **when})
            r.take(m.start(), m.end())
    for m in finditer(SIGNED, r.masked):
        city = r.by_start.get(m.start("city"))
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        org = r.org_default() or "SCO"  # the declarations the data hold are the SCO's
        if city is not None and city.kind == "city" and len(who) > 1 and not r.overlaps_used(m.start(), m.end()):
            r.add("membership", m.start(), m.end(), {"relation": "count", "org": org, "role": "member",
                                                     "count": len(who), "listed": who, "city": city.code})
            r.take(m.start(), m.end())
    for m in finditer(LISTED_COUNT, r.masked):
        key = "org2" if m.group("org2") else "org" if m.group("org") else None
        org = (r.org_at(m.start(key)) if key else None) or r.org_default(0, m.start()) or r.org_default()
        n = number_word(m.group("n"))
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        if org and n and who:
            r.add("membership", m.start(), m.end(), {"relation": "count", "org": org, "role": role_word(m.group("role")),
                                                     "count": int(n), "listed": who,
                                                     **(stated_at(r, m.start(), clause_bounds(r.text, m.start())[1]) if " were " in m.group(0)
                                                        else {})})
    for m in [*finditer(ROLE_ARE, r.masked), *finditer(ROLE_AS, r.masked)]:
        key = "org2" if m.group("org2") else "org" if m.group("org") else None
        org = (r.org_at(m.start(key)) if key else None) or r.org_default()
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        if org and who and not r.overlaps_used(m.start(), m.end()):
            past = re.search(r"\b(?:were|attended|took|participated)\s", m.group(0))
            when = stated_at(r, *clause_bounds(r.text, m.start())) if past else {}
            r.add("membership", m.start(), m.end(), {"relation": role_word(m.group("role")), "org": org,
                                                     "country": who, **when})
            r.take(m.start(), m.end())
    for m in finditer(ROLE_INCLUDES, r.masked):
        org = (r.org_at(m.start("org")) if m.group("org") else None) or r.org_default(0, m.start()) or r.org_default()
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        if org and who and not r.overlaps_used(m.start(), m.end()):
            past = re.search(r"\b(?:were|included)\s", m.group(0))
            when = stated_at(r, *clause_bounds(r.text, m.start())) if past else {}
            role = role_word(m.group("role"))
            if m.group("verb").lower() in ("are", "were") and len(who) > 1:  # "the members are A, B and C": all
                r.add("membership", m.start(), m.end(), {"relation": "count", "org": org, "role": role,
                                                         "count": len(who), "listed": who, **when})
            else:
                r.add("membership", m.start(), m.end(), {"relation": role, "org": org, "country": who, **when})
