"""Reading membership statements: who joined what, when, in what role and as which member ('Iran joined in 2023',
'Belarus became an observer state in 2015', 'joined as a full member at the summit in Astana'), the latest member,
who never joined, who is a member or observer, how many members, and whether an organization expanded."""

from __future__ import annotations

import re

from .numbers import ORDINALS, YEAR, number_word, ordinal
from .sentence import E, EL, GAP
from .times import MONTH_RE, date_in

_WHEN = rf"(?P<when>(?:(?:\d{{1,2}}\s+)?{MONTH_RE}\s+(?:\d{{1,2}},?\s+)?(?:of\s+)?)?{YEAR})"
_ROLE = r"(?P<role>member|members|member state|observer|observer state|dialogue partner)"
JOINED = re.compile(
    rf"(?P<who>{EL})\s+(?:(?:also|officially|formally|finally|only|both|then)\s+)?"
    rf"(?:joined|acceded to|became\s+(?:a\s+|an\s+|the\s+[\w-]+\s+|its\s+[\w-]+\s+)?(?:full(?:[- ]fledged)?,?\s+)?"
    rf"(?:[\w-]+\s+)?{_ROLE}(?:\s+(?:of|in))?|(?:was|were)\s+admitted(?:\s+(?:to|into))?|gained\s+(?:full\s+)?"
    rf"(?P<role2>membership|observer status|dialogue partner status)(?:\s+(?:in|of|at))?|(?:obtained|received|acquired|won|"
    rf"secured)\s+(?:permanent\s+)?(?:\(?full\)?\s+)?(?P<role4>membership|observer\s+status|dialogue\s+partner\s+status)"
    rf"(?:\s+(?:in|of|at))?|(?:was|were)\s+granted\s+"
    rf"(?P<role3>observer status|dialogue partner status|full membership)(?:\s+(?:in|of|at|by))?)"
    rf"(?:\s+(?:the\s+)?(?P<org>{E}))?(?P<mid>[^.;()]{{0,60}}?)\b(?:in|on)\s+{_WHEN}")
# "joined as a full member at the summit in Astana" (no year: the summit's date decides).
AT_SUMMIT = re.compile(
    rf"(?P<who>{EL})\s+(?:(?:also|officially|formally|finally)\s+)?(?:joined|became|was\s+admitted|were\s+admitted|"
    rf"acceded)(?:\s+(?:the\s+)?(?P<org>{E}))?(?:\s+as\s+(?:a\s+|an\s+)?(?:full(?:[- ]fledged)?\s+)?"
    rf"(?P<role>members?|observers?|dialogue partners?))?\s+at\s+the\s+(?:(?P<org2>{E})\s+)?summit\s+in\s+"
    rf"(?P<city>{E})(?!{GAP}{{0,12}}\b(?:in|on)\s+(?:\d|{MONTH_RE}))")
LATEST = re.compile(rf"(?P<who>{E})\s+(?:is|was|became|has become|becomes)\s+(?:the\s+)?(?:(?P<org>{E})\s+)?"
                    rf"(?:latest|newest|most recent|youngest)\s+(?:new\s+)?(?:full\s+)?member")
NEVER = re.compile(rf"(?P<who>{E}){GAP}{{0,90}}?\b(?:has|have|had)\s+never\s+(?:joined|been\s+a\s+member|applied)"
                   rf"(?:\s+(?:the\s+|of\s+the\s+)?(?P<org>{E}))?"
                   rf"|(?P<who2>{E})\s+(?:is|was|remains)\s+not\s+(?:a\s+)?(?:full\s+)?member\s+of\s+(?:the\s+)?"
                   rf"(?P<org2>{E})")
FELLOW = re.compile(rf"(?:fellow\s+)?(?P<org>{E})\s+(?:full\s+)?(?:member|member state|member country)\s+(?P<who>{E})")
IS_ROLE = re.compile(rf"(?P<who>{EL})\s+(?:is|are|was|were|remains|remain)\s+(?:now\s+|also\s+|still\s+)?(?:a\s+|an\s+)?"
                     rf"(?:full\s+)?(?P<role>member|members|member state|member states|observer|observers|"
                     rf"observer state|observer states|dialogue partner|dialogue partners)\s+(?:of|in|to)\s+(?:the\s+)?"
                     rf"(?P<org>{E})")
# "Uzbekistan was one of the founding members of the SCO"
FOUNDER = re.compile(rf"(?P<who>{EL})\s+(?:was|were|is|are)\s+(?:one\s+of\s+|among\s+)?(?:the\s+)?(?:founding|original)\s+"
                     rf"(?:members?\s+of\s+(?:the\s+)?)?(?P<org>{E})|(?P<who2>{EL})\s+(?:co-)?founded\s+(?:the\s+)?(?P<org2>{E})")
# "Mongolia has been an SCO observer since 2004"
ROLE_SINCE = re.compile(rf"(?P<who>{EL})\s+(?:is|was|has\s+been|have\s+been|became|remains|remained)\s+(?:an?\s+)?"
                        rf"(?:full\s+)?(?P<org>{E})\s+(?P<role>member|observer|dialogue\s+partner)s?(?:\s+state)?"
                        rf"(?:\s+since\s+(?P<since>{YEAR}))?")
OF_WHICH = re.compile(rf"(?P<n>\w+)\s+of\s+(?:which|whom|them|these)\s+(?:are|were)\s+(?:full\s+)?"
                      rf"(?:(?P<org>{E})\s+members|members\s+of\s+(?:the\s+)?(?P<org2>{E})|(?P<grp>{E}))")
COUNTS = re.compile(rf"(?P<org>{E})\s+(?:now\s+|currently\s+)?(?:has|had|comprises|comprised|consists\s+of|"
                    rf"counts|counted|includes|included)\s+(?P<list>(?:\w+\s+(?:full\s+)?(?:member\s+states?|members?|"
                    rf"observer\s+states?|observers?|dialogue\s+partners?)(?:\s*,\s*|\s+and\s+|,\s+and\s+)?)+)")
COUNT_PART = re.compile(r"(?P<n>\w+)\s+(?:full\s+)?(?P<role>member\s+states?|members?|observer\s+states?|"
                        r"observers?|dialogue\s+partners?)")
INCLUDES = re.compile(rf"(?P<org>{E})\s+(?:also\s+)?(?:includes|included|counts|has)\s+(?P<who>{EL})\s+as\s+"
                      rf"(?P<role>observers?|members?|dialogue\s+partners?|observer\s+states)")
AND_AS = re.compile(rf"\s*,?\s+and\s+(?P<who>{EL})\s+as\s+(?P<role>observers?|members?|dialogue\s+partners?|"
                    rf"observer\s+states)")
LEFT = re.compile(rf"(?P<who>{EL})\s+(?:(?:all|both)\s+)?(?:withdrew|left|quit|pulled\s+out|suspended\s+(?:its|their)\s+"
                  rf"membership)(?:\s+(?:from|of))?(?:\s+(?:the\s+)?(?P<org>{E}))?\s+in\s+(?P<year>{YEAR})")
EXPANDED = re.compile(rf"(?P<org>{E})\s+(?:has|had)\s+(?:since\s+)?(?:expanded|grown|enlarged|widened)")
# "founded by China, Russia, Kazakhstan, Kyrgyzstan and Tajikistan", "its founding members were ..."
FOUNDERS = re.compile(rf"(?P<org>{E}){GAP}{{0,60}}?\b(?:was\s+)?(?:founded|formed|established|created|set\s+up|signed)\s+"
                      rf"(?:in\s+{YEAR}\s+)?by\s+(?P<who>{EL})|(?P<org2>{E})['’]?s?\s+(?:founding|original)\s+members"
                      rf"\s+(?:were|are|included)\s+(?P<who2>{EL})")


def role_of(word: str | None) -> str:
    word = (word or "").lower()
    return "observer" if "observer" in word else "dialogue partner" if "dialogue" in word else "member"


def _ordinal_in(r, m) -> int | None:
    ord_re = r"(?P<o>\d+)(?:st|nd|rd|th)|(?P<w>" + "|".join(ORDINALS) + r")\b"
    head = r.text[m.start():m.start("org") if m.group("org") else m.start("mid")]
    found = re.search(ord_re, head, re.IGNORECASE)
    if not found and re.search(r"\bmember", m.group("mid") or ""):
        found = re.search(ord_re + r"(?=\s+(?:full\s+)?member)", m.group("mid") or "", re.IGNORECASE)
    return ordinal(found.group(0)) if found else None


def _default_org(r) -> tuple[str | None, str | None]:
    """The organization a membership sentence is about when it names none: the one named earlier, else the SCO
    (whose summits and roles the pack records), said in the claim."""
    org = r.org_default()
    if org:
        return org, None
    if re.search(r"summit|observer|dialogue partner", r.text, re.IGNORECASE):
        return "SCO", "no organization named: read as the SCO"
    return None, None


def read_memberships(r) -> None:
    for m in JOINED.finditer(r.masked):
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        org, note = (r.org_at(m.start("org")), None) if m.group("org") else _default_org(r)
        if not who or not org:
            continue
        year, month, day = date_in(r.text[m.start("when"):m.end("when")])
        role = role_of(m.group("role") or m.group("role2") or m.group("role3") or m.group("role4"))
        r.add("membership", m.start(), m.end(), {
            "relation": "joined", "org": org, "country": who, "year": year, "month": month, "day": day,
            "role": None if role == "member" else role, "ordinal": _ordinal_in(r, m), "note": note})
        r.take(m.start(), m.end())
    for m in AT_SUMMIT.finditer(r.masked):
        if r.overlaps_used(m.start(), m.end()):
            continue
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        org, note = (r.org_at(m.start("org")), None) if m.group("org") else (
            (r.org_at(m.start("org2")), None) if m.group("org2") else _default_org(r))
        city = r.by_start.get(m.start("city"))
        if who and org and city is not None and city.kind == "city":
            role = role_of(m.group("role"))
            r.add("membership", m.start(), m.end(), {"relation": "joined", "org": org, "country": who,
                                                     "city": city.code, "role": None if role == "member" else role,
                                                     "note": note})
            r.take(m.start(), m.end())
    for m in LATEST.finditer(r.masked):
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        org = r.org_at(m.start("org")) if m.group("org") else r.org_default()
        if who and org:
            r.add("membership", m.start(), m.end(), {"relation": "latest", "org": org, "country": who})
    for m in NEVER.finditer(r.masked):
        who_m = r.by_start.get(m.start("who") if m.group("who") else m.start("who2"))
        if not who_m or who_m.kind != "country":
            continue
        org_start = m.start("org") if m.group("org") else (m.start("org2") if m.group("org2") else -1)
        org = r.org_at(org_start) if org_start >= 0 else r.org_default()
        if org:
            relation = "never" if "never" in m.group(0) else "not member"
            r.add("membership", m.start(), m.end(), {"relation": relation, "org": org, "country": [who_m.code]})
    for m in FELLOW.finditer(r.masked):
        org_m, who_m = r.by_start.get(m.start("org")), r.by_start.get(m.start("who"))
        if org_m and org_m.kind == "org" and who_m and who_m.kind == "country":
            r.add("membership", m.start(), m.end(), {"relation": "member", "org": org_m.code,
                                                     "country": [who_m.code]})
    for m in IS_ROLE.finditer(r.masked):
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        org_m = r.by_start.get(m.start("org"))
        if who and org_m and org_m.kind == "org":
            r.add("membership", m.start(), m.end(), {"relation": role_of(m.group("role")), "org": org_m.code,
                                                     "country": who, "year": r.year_in(m.end(), m.end() + 25)})
    for m in FOUNDER.finditer(r.masked):
        key, okey = ("who", "org") if m.group("who") else ("who2", "org2")
        who, org = r.codes(m.start(key), m.end(key), ("country",)), r.org_at(m.start(okey))
        if who and org:
            r.add("membership", m.start(), m.end(), {"relation": "founder", "org": org, "country": who})
    for m in ROLE_SINCE.finditer(r.masked):
        who, org = r.codes(m.start("who"), m.end("who"), ("country",)), r.org_at(m.start("org"))
        if not who or not org or r.overlaps_used(m.start(), m.end()):
            continue
        role = role_of(m.group("role"))
        if m.group("since"):
            fields = {"relation": "joined", "year": int(m.group("since")), "role": None if role == "member" else role}
        else:
            fields = {"relation": role}
        r.add("membership", m.start(), m.end(), {"org": org, "country": who, **fields})
        r.take(m.start(), m.end())
    _counts(r)
    _expanded(r)
    for m in FOUNDERS.finditer(r.masked):
        org = r.org_at(m.start("org") if m.group("org") else m.start("org2"))
        key = "who" if m.group("who") else "who2"
        who = r.codes(m.start(key), m.end(key), ("country",))
        if org and len(who) >= 2:
            r.add("membership", m.start(), m.end(), {"relation": "founders", "org": org, "country": who})


def _counts(r) -> None:
    for m in OF_WHICH.finditer(r.masked):
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
    for m in COUNTS.finditer(r.masked):
        org = r.org_at(m.start("org"))
        if not org:
            continue
        for part in COUNT_PART.finditer(m.group("list")):
            n = number_word(part.group("n"))
            if n:
                r.add("membership", m.start(), m.start("list") + part.end(),
                      {"relation": "count", "org": org, "role": role_of(part.group("role")), "count": int(n)})
    for m in INCLUDES.finditer(r.masked):
        org = r.org_at(m.start("org"))
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        if org and who:
            r.add("membership", m.start(), m.end(), {"relation": role_of(m.group("role")), "org": org,
                                                     "country": who})
            end = m.end()
            while (more := AND_AS.match(r.masked, end)) is not None:
                who = r.codes(more.start("who"), more.end("who"), ("country",))
                if who:
                    r.add("membership", more.start("who"), more.end(), {"relation": role_of(more.group("role")),
                                                                        "org": org, "country": who})
                end = more.end()
    for m in LEFT.finditer(r.masked):
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        org = r.org_at(m.start("org")) if m.group("org") else r.org_before(m.start())
        if who and org:
            r.add("membership", m.start(), m.end(), {"relation": "left", "org": org, "country": who,
                                                     "year": int(m.group("year"))})


def _expanded(r) -> None:
    """'the SCO has expanded since 2001'."""
    for m in EXPANDED.finditer(r.masked):
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
