"""Reading membership statements: who joined what, when, in what role and as which member ('Iran joined in 2023',
'Belarus became an observer state in 2015', 'joined as a full member at the summit in Astana'), the latest member,
who never joined, who is a member or observer, how many members, and whether an organization expanded."""

from __future__ import annotations

import re

from .clauses import time_for
from .compositions import read_compositions, role_word
from .membership_cues import read_membership_cues
from .membership_events import LEAVER, read_membership_events, read_spans
from .numbers import ORDINALS, YEAR, ordinal
from .sentence import E, EL, GAP
from .times import MONTH_RE, MONTHS, date_in
from .prefilter import finditer, search

_WHEN = rf"(?P<when>(?:(?:\d{{1,2}}\s+)?{MONTH_RE}\s+(?:\d{{1,2}},?\s+)?(?:of\s+)?)?{YEAR})"
_ROLE = (r"(?P<role>member\s+states?|members?|observer\s+states?|observers?|dialogue\s+partners?|associate\s+members?|"
         r"associate)")
# The subject of a membership verb: the states named before it, or, after 'and', 'but', 'while', the sentence's subject
# ("Georgia did not renew the treaty in 1999 but rejoined it in 2006").
_WHO = rf"(?:(?P<who>{EL})|(?P<ell>\b(?:and|but|while|then|thus|thereby|that\s+(?:they|it))|,(?=\s+(?:becoming|joining|leaving|rejoining)\b)))"
JOINED = re.compile(
    rf"{_WHO}\s+(?:(?:also|officially|formally|finally|only|both|then)\s+)?"
    rf"(?:joined|acceded to|(?:became|becomes|becoming|(?:has|had|have)\s+become)\s+(?:a\s+|an\s+|the\s+[\w-]+\s+|its\s+"
    rf"[\w-]+\s+)?(?:full(?:[- ]fledged)?,?\s+)?"
    rf"(?:(?:(?!associate\b)[\w-]+\s+)?{_ROLE}(?:\s+(?:of|in))?|(?=⟨))|(?:was|were)\s+(?:admitted|accepted|inducted)(?!\s+as\b)(?:\s+(?:to|into))?|gained\s+(?:full\s+)?"
    rf"(?P<role2>membership|observer status|dialogue partner status)(?:\s+(?:in|of|at))?|(?:obtained|received|acquired|won|"
    rf"secured)\s+(?:permanent\s+)?(?:\(?full\)?\s+)?(?P<role4>membership|observer\s+status|dialogue\s+partner\s+status)"
    rf"(?:\s+(?:in|of|at))?|(?:was|were)\s+granted\s+"
    rf"(?P<role3>observer status|dialogue partner status|full membership)(?:\s+(?:in|of|at|by))?)"
    rf"(?:\s*(?:the\s+)?(?P<org>{E}))?(?:(?P<mid>[^.;()]{{0,60}}?)\b(?:in|on)\s+{_WHEN})?")
# The role after 'as' following a membership verb: "was admitted as an SCO observer", "joined as a dialogue partner".
AS_ROLE = re.compile(rf"\bas\s+(?:a\s+|an\s+|the\s+)?(?:full(?:[- ]fledged)?\s+|permanent\s+)?(?:(?P<org>{E})\s+)?"
                     rf"{_ROLE}\b")
# "joined as a full member at the summit in Astana" (no year: the summit's date decides).
AT_SUMMIT = re.compile(
    rf"(?P<who>{EL})\s+(?:(?:also|officially|formally|finally)\s+)?(?:joined|became|was\s+admitted|were\s+admitted|"
    rf"acceded)(?:\s+(?:the\s+)?(?P<org>{E}))?(?:\s+as\s+(?:a\s+|an\s+)?(?:full(?:[- ]fledged)?\s+)?"
    rf"(?P<role>members?|observers?|dialogue partners?))?\s+at\s+the\s+(?:(?P<org2>{E})\s+)?(?:summit\s+in\s+"
    rf"(?P<city>{E})|(?P<cityb>{E})\s+(?:{E}\s+)?summit)(?!{GAP}{{0,12}}\b(?:in|on)\s+(?:\d|{MONTH_RE}))")
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
                        rf"(?:full\s+)?(?P<org>{E})\s+(?P<role>(?:associate\s+)?member|observer|dialogue\s+partner)s?"
                        rf"(?:\s+state)?"
                        rf"(?:\s+since\s+(?:{MONTH_RE}\s+)?(?P<since>{YEAR}))?")
# "Uzbekistan withdrew in 1999", "did not renew the security treaty in 1999", "in May 2010 it suspended
# its CSTO membership"; "restored its membership in August 1999", "rejoined the CSTO in 2006".
# A pronoun subject of a departure or return is the sentence's subject ("...; it had left once in 1999").
_WHO_OR_IT = rf"(?:{_WHO}|(?P<it>\b(?:it|they)))"
# "has suspended", "had already left once": a perfect tense (without a date: the article's own date)
_PERFECT = r"(?:(?P<perfect>has|have|had)\s+)?(?:(?:already|since|also|now)\s+)?"
LEFT = re.compile(rf"{_WHO_OR_IT}\s+{_PERFECT}(?:(?:all|both|later|then|again|formally|officially)\s+)?(?:withdrew|left|quit|"
                  rf"pulled\s+out|(?P<froze>froze|has\s+frozen|had\s+frozen|suspended)\s+(?:its|their|{E})\s+"
                  rf"(?:(?P<org0>{E})\s+)?(?:membership|participation)|"
                  rf"(?:(?:refused|declined)\s+to|(?:did|would|will|do|does)\s+not|(?:decided|chose|opted|agreed)(?:\s+in\s+[^,;.]{4,20}?)?\s+not\s+to)"
                  rf"\s+(?:extend|renew|sign|prolong)(?:\s+\S+\s+(?:participation|membership))?|"
                  rf"(?P<will>(?:would|will|is\s+to|was\s+to|(?:has\s+|had\s+)?decided\s+to|plans\s+to|intends\s+to)\s+"
                  rf"(?:leave|quit|exit|withdraw)))"
                  rf"(?:\s+(?:from|of|in|the\s+extension\s+of))?(?:\s+(?:the\s+|(?:its|their|{E})\s+)?(?:{E}-(?:led|"
                  rf"dominated|backed)\s+)?(?P<org>{E}))?")
# "In 2010 the CSTO's members suspended Armenia's membership": the organization's decision about a state.
SUSPENDED_BY = re.compile(rf"(?P<org>{E})(?:['’]s)?\s+(?:[\w-]+\s+){{0,3}}?(?:suspended|terminated|ended|revoked)\s+"
                          rf"(?P<who>{EL})(?:['’]s)?\s+(?:full\s+)?(?:membership|participation)")
SUSPENDED = "suspended by the organization's decision"
# The note of a departure in the perfect without a date ("has suspended"): by the article's date, at the latest
UNDATED = "no date given: read as done by the article's date"
REJOINED = re.compile(rf"(?:{_WHO_OR_IT}\s+{_PERFECT}|\b(?P<back>before|after|then|and)\s+(?=(?:coming|came)\s+back\b|"
                      rf"returning\b|(?:restoring|renewing|resuming|regaining|rejoining)\b))(?:(?:later|then|subsequently|again)\s+)?"
                      rf"(?:(?:restored|renewed|resumed|reinstated|regained|restoring|renewing|resuming|regaining)\s+(?:its|their|{E})\s+(?:(?P<org0>{E})\s+)?(?:full\s+)?(?:membership|"
                      rf"participation)(?:\s+(?:in|of)\s+(?:the\s+)?(?P<org>{E}))?|(?:rejoined|rejoining|returned\s+to|re-entered)"
                      rf"\s+(?:the\s+)?(?P<org2>{E})|(?:coming|came)\s+back|returning)")
# "decided on 14 May 2018 to grant Moldova observer status at the Eurasian Economic Union"
GRANTED = re.compile(rf"\bgrant(?:ed|ing|s)?\s+(?P<who>{EL})\s+(?:the\s+)?(?P<role>observer|dialogue\s+partner|associate"
                     rf"(?:\s+member)?|full\s+member(?:ship)?|member)(?:\s+state)?(?:\s+(?:status|membership))?\s+(?:at|in|"
                     rf"of|with|to|within)\s+(?:the\s+)?(?P<org>{E})")
# "approved Belarus's accession" at a summit (its city or date decides)
APPROVED = re.compile(rf"\b(?:approved|completed|finali[sz]ed|formali[sz]ed|endorsed|sealed|welcomed)\s+(?:the\s+)?"
                      rf"(?P<who>{E})\s+(?:accession|admission|membership|entry)(?:\s+(?:to|into|in)\s+(?:the\s+)?"
                      rf"(?P<org>{E}))?")
# "Moldova has had observer status in the EAEU since 2018"
STATUS_SINCE = re.compile(rf"(?P<who>{EL})\s+(?:has|have|had)\s+(?:had|held|enjoyed)\s+(?P<role>observer|dialogue\s+partner|"
                          rf"associate)(?:\s+state)?\s+status\s+(?:in|at|with|within)\s+(?:the\s+)?(?P<org>{E})\s+since\s+"
                          rf"(?P<since>{YEAR})")
# "Iran had been a full member since 2023" (the organization under discussion), "X has been only an associate
# member of the CIS since 2005"
MEMBERS_SINCE = re.compile(rf"(?P<who>{EL})\s+(?:has|have|had)\s+been\s+(?:(?:only|just|merely|still)\s+)?(?:an?\s+)?"
                           rf"(?:full\s+)?(?P<role>(?:associate\s+)?members?|"
                           rf"observers?|dialogue\s+partners?)(?:\s+(?:of|in)\s+(?:the\s+)?(?P<org>{E}))?\s+since\s+"
                           rf"(?P<since>{YEAR})")
# "founded by China, Russia, Kazakhstan, Kyrgyzstan and Tajikistan", "its founding members were ..."
FOUNDERS = re.compile(rf"(?P<org>{E}){GAP}{{0,60}}?\b(?:was\s+)?(?:founded|formed|established|created|set\s+up|signed)\s+"
                      rf"(?:in\s+{YEAR}\s+)?by\s+(?:the\s+)?(?:(?:leaders|heads\s+of\s+state|presidents|governments|foreign\s+ministers|"
                      rf"representatives)\s+of\s+)?(?P<who>{EL})|(?P<org2>{E})['’]?s?\s+(?:founding|original)\s+members"
                      rf"\s+(?:were|are|included)\s+(?P<who2>{EL})")


def role_of(word: str | None) -> str:
    return role_word(word)


def _ordinal_in(r, m) -> int | None:
    ord_re = r"(?P<o>\d+)(?:st|nd|rd|th)|(?P<w>" + "|".join(ORDINALS) + r")\b"
    head = r.text[m.start():m.start("org") if m.group("org") else (m.start("mid") if m.group("mid") is not None
                                                                    else m.end())]
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


def who_of(r, m) -> list[str]:
    """The states a membership verb is about: named before it, or the sentence's subject after 'and', 'but'."""
    pronoun = m.group("who") and re.fullmatch(r"(?i)it|they", r.text[m.start("who"):m.end("who")])
    if m.group("who") and not pronoun:
        return r.codes(m.start("who"), m.end("who"), ("country",))
    if pronoun or m.groupdict().get("it") or m.groupdict().get("back"):  # "it had left", "before coming back":
        # the sentence's subject, not the last state of a list before ("..., leaving A and B in the pact; it had")
        subject = r.subject()
        return [subject] if subject and len(subject) == 3 and subject.isupper() else []
    # the subject of the verb's own clause (after the last ';' or ':'), the whole list when it opens with one
    # ("...; A, B and C took part until 1999 but chose not to renew": all three, never a state of an earlier clause)
    seg = max(r.text.rfind(";", 0, m.start()), r.text.rfind(":", 0, m.start())) + 1
    before = [x for x in r.mentions if x.kind == "country" and seg <= x.start and x.end <= m.start()
              and not r.in_reporter(x)]
    listed = before[:1]
    for x in before[1:]:
        if not re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)", r.text[listed[-1].end:x.start]):
            break
        listed.append(x)
    if before or seg:
        return [x.code for x in listed]
    return [r.ctx.focus] if r.ctx.focus else []


def read_memberships(r) -> None:
    read_spans(r)
    for m in finditer(JOINED, r.masked):
        who = who_of(r, m)
        org, note = (r.org_at(m.start("org")), None) if m.group("org") else _default_org(r)
        if not who or not org or LEAVER.match(r.text, m.start()):
            continue  # 'became the first member to quit': a departure (read with its rank in membership_events)
        end = m.end("org") if m.group("org") else m.end()
        if m.group("when") and not re.search(r",\s*(?:and|but|while|whereas|then)\b", m.group("mid") or "") and \
                not _BARE_DAY.match(r.text, end):
            year, month, day = date_in(r.text[m.start("when"):m.end("when")])
        else:  # no date after the verb: one in its clause ('On 11 June 2019 X became an observer'), else none
            year, month, day = bare_day(r, end, clause_date(r, m.start()))
            if not year:
                continue
        role = role_of(m.group("role") or m.group("role2") or m.group("role3") or m.group("role4"))
        after = re.match(r"\s+(?:as\s+(?:an?\s+)?(?:full\s+|permanent\s+)?)?(dialogue\s+partners?|observers?(?:\s+states?)?|"
                         r"associate\s+members?|partner\s+(?:state|country)|(?<=as\s)members?|(?<=a\s)members?|"
                         r"(?<=full\s)members?|(?<=permanent\s)members?)\b",
                         r.text[m.end("org"):]) if m.group("org") and not m.group("role") else None
        if after:  # "became SCO dialogue partners": the role follows the organization's name
            role = role_of(after.group(1))
        as_role = None if m.group("role") or after else search(AS_ROLE, r.masked, m.start(), min(len(r.masked),
                                                                                            m.end() + 50))
        if as_role:  # "was admitted as an SCO observer": the role the verb names after 'as', never a full member
            role = role_of(as_role.group("role"))
            if as_role.group("org") and not m.group("org"):
                org, note = r.org_at(as_role.start("org")) or org, None
        r.add("membership", m.start(), m.end(), {
            "relation": "joined", "org": org, "country": who, "year": year, "month": month, "day": day,
            "role": None if role == "member" else role, "ordinal": _ordinal_in(r, m), "note": note})
        r.take(m.start(), m.end())
    for m in finditer(AT_SUMMIT, r.masked):
        if r.overlaps_used(m.start(), m.end()):
            continue
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        org, note = (r.org_at(m.start("org")), None) if m.group("org") else (
            (r.org_at(m.start("org2")), None) if m.group("org2") else _default_org(r))
        city = r.by_start.get(m.start("city") if m.group("city") else m.start("cityb"))
        if who and org and city is not None and city.kind == "city":
            role = role_of(m.group("role"))
            r.add("membership", m.start(), m.end(), {"relation": "joined", "org": org, "country": who,
                                                     "city": city.code, "role": None if role == "member" else role,
                                                     "note": note})
            r.take(m.start(), m.end())
    for m in finditer(LATEST, r.masked):
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        org = r.org_at(m.start("org")) if m.group("org") else r.org_default()
        if who and org:
            r.add("membership", m.start(), m.end(), {"relation": "latest", "org": org, "country": who})
    for m in finditer(NEVER, r.masked):
        who_m = r.by_start.get(m.start("who") if m.group("who") else m.start("who2"))
        if not who_m or who_m.kind != "country":
            continue
        org_start = m.start("org") if m.group("org") else (m.start("org2") if m.group("org2") else -1)
        org = r.org_at(org_start) if org_start >= 0 else r.org_default()
        if org:
            relation = "never" if "never" in m.group(0) else "not member"
            r.add("membership", m.start(), m.end(), {"relation": relation, "org": org, "country": [who_m.code]})
    for m in finditer(FELLOW, r.masked):
        org_m, who_m = r.by_start.get(m.start("org")), r.by_start.get(m.start("who"))
        if org_m and org_m.kind == "org" and who_m and who_m.kind == "country":
            r.add("membership", m.start(), m.end(), {"relation": "member", "org": org_m.code,
                                                     "country": [who_m.code]})
    for m in finditer(IS_ROLE, r.masked):
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        org_m = r.by_start.get(m.start("org"))
        if who and org_m and org_m.kind == "org" and not r.overlaps_used(m.start(), m.end()):
            r.add("membership", m.start(), m.end(), {"relation": role_of(m.group("role")), "org": org_m.code,
                                                     "country": who, "year": r.year_in(m.end(), m.end() + 25)})
    for m in finditer(FOUNDER, r.masked):
        key, okey = ("who", "org") if m.group("who") else ("who2", "org2")
        who, org = r.codes(m.start(key), m.end(key), ("country",)), r.org_at(m.start(okey))
        if who and org:
            r.add("membership", m.start(), m.end(), {"relation": "founder", "org": org, "country": who})
    for m in finditer(ROLE_SINCE, r.masked):
        who, org = r.codes(m.start("who"), m.end("who"), ("country",)), r.org_at(m.start("org"))
        if not who or not org or r.overlaps_used(m.start(), m.end()):
            continue
        role = role_of(m.group("role"))
        became = re.search(r"\bbecame\b", m.group(0))
        year = int(m.group("since")) if m.group("since") else (clause_date(r, m.end())[0] if became else 0)
        if year:  # "has been an SCO observer since 2004", "became SCO dialogue partners in 2022"
            fields = {"relation": "joined", "year": year, "role": None if role == "member" else role}
        else:
            fields = {"relation": role}
        r.add("membership", m.start(), m.end(), {"org": org, "country": who, **fields})
        r.take(m.start(), m.end())
    for m in finditer(STATUS_SINCE, r.masked):
        who, org = r.codes(m.start("who"), m.end("who"), ("country",)), r.org_at(m.start("org"))
        if who and org and not r.overlaps_used(m.start(), m.end()):
            r.add("membership", m.start(), m.end(), {"relation": "joined", "org": org, "country": who,
                                                     "year": int(m.group("since")), "role": role_of(m.group("role"))})
            r.take(m.start(), m.end())
    for m in finditer(APPROVED, r.masked):
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        org, note = (r.org_at(m.start("org")), None) if m.group("org") else _default_org(r)
        if not who or not org or r.overlaps_used(m.start(), m.end()):
            continue
        summit = re.search(rf"(?:the\s+(?P<c1>{E})\s+summit|summit\s+in\s+(?P<c2>{E}))", r.masked)
        city = r.by_start.get(summit.start("c1") if summit.group("c1") else summit.start("c2")) if summit else None
        year, month, day = clause_date(r, m.start())
        if city is not None and city.kind == "city":
            fields = {"city": city.code}
        elif year:
            fields = {"year": year, "month": month, "day": day}
        else:
            continue
        r.add("membership", m.start(), m.end(), {"relation": "joined", "org": org, "country": who, "note": note,
                                                 **fields})
        r.take(m.start(), m.end())
    for m in finditer(MEMBERS_SINCE, r.masked):
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        org, note = (r.org_at(m.start("org")), None) if m.group("org") else _default_org(r)
        if who and org and not r.overlaps_used(m.start(), m.end()):
            role = role_of(m.group("role"))
            r.add("membership", m.start(), m.end(), {"relation": "joined", "org": org, "country": who, "note": note,
                                                     "year": int(m.group("since")),
                                                     "role": None if role == "member" else role})
            r.take(m.start(), m.end())
    read_compositions(r)
    _left(r)
    _granted(r)
    for m in finditer(FOUNDERS, r.masked):
        org = r.org_at(m.start("org") if m.group("org") else m.start("org2"))
        key = "who" if m.group("who") else "who2"
        who = r.codes(m.start(key), m.end(key), ("country",))
        if org and len(who) >= 2:
            r.add("membership", m.start(), m.end(), {"relation": "founders", "org": org, "country": who})
    read_membership_events(r, default_org=_default_org, clause_date=clause_date)
    read_membership_cues(r, clause_date)


_BARE_DAY = re.compile(rf"\s+on\s+(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mo>{MONTH_RE})|(?P<mo2>{MONTH_RE})\s+"
                       rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)\b(?!,?\s*(?:of\s+)?\d{{4}})")


def bare_day(r, pos: int, dated: tuple) -> tuple[int, int | None, int | None]:
    """The date of a verb followed by a day without its year ('became a member on 2 January, a day after ... on
    1 January 2015'): that day of the article's year (the year before when the day is later than the article), else
    only the year found in the clause, never the day of another event; dated (year, month, day) when no such day."""
    m = _BARE_DAY.match(r.text, pos)
    if not m:
        return dated
    month, day = MONTHS.get((m.group("mo") or m.group("mo2")).lower()), int(m.group("d") or m.group("d2"))
    if r.ctx.date is None or not month:
        return dated[0], None, None
    year = r.ctx.date.year - ((month, day) > (r.ctx.date.month, r.ctx.date.day))
    return year, month, day


def clause_date(r, pos: int) -> tuple[int, int | None, int | None]:
    """(year, month, day) of the date fronting the subject at pos ('From 1 May 2024 A and B became members'), else of
    the date nearest after pos in its clause (else nearest before); (0, None, None) when none."""
    fronted = [tm for tm in time_for(r, pos) if tm.start < pos and re.fullmatch(r"[\s,]*", r.text[tm.end:pos])
               and re.search(r"(?:^|[;:,]\s*|\b(?:and|but)\s+)(?:from|on|in|as\s+of|since|effective|with\s+effect\s+"
                             r"from)?\s*$", r.text[:tm.start], re.IGNORECASE)]
    # a date after ', and' / ', while' belongs to the next clause's subject ('A joined, and in 2024 B followed')
    own = [tm for tm in time_for(r, pos) if tm.start < pos or not re.search(
        r",\s*(?:and|but|while|whereas|then)\b", r.text[pos:tm.start])]
    for tm in fronted + sorted(own, key=lambda tm: (tm.start < pos, abs(tm.start - pos))):
        if tm.kind in ("month", "year") and tm.year:
            return tm.year, tm.month, tm.day
        if tm.kind == "range" and tm.start > pos and tm.year:  # "came back in 2006-2012": from 2006
            return tm.year, None, None
    return 0, None, None


def _org_of_unnamed(r, m) -> str | None:
    """The organization of a departure that names none ('refused to prolong the treaty'): the one named last before
    it in the sentence, else (the object a treaty) the first named after it ('..., leaving the CSTO'), else the
    paragraph's."""
    mentions = [x for x in r.mentions if x.kind == "org" or r.org_at(x.start)]
    before = [x for x in mentions if x.start < m.start()]
    treaty = re.match(r"\s+(?:the\s+)?(?:collective\s+)?(?:security\s+)?(?:treaty|pact)\b", r.text[m.end():], re.I)
    after = [x for x in mentions if x.start >= m.end()] if treaty else []
    return (before[-1].code if before else after[0].code if after else r.org_before(m.start()))


def _left(r) -> None:
    """Withdrawals, suspensions and refusals to extend; restorations and returns."""
    departed: set = set()
    for pattern, relation in ((LEFT, "left"), (REJOINED, "rejoined")):
        for m in finditer(pattern, r.masked):
            who = who_of(r, m)
            key = next((k for k in ("org0", "org", "org2") if m.groupdict().get(k) and r.org_at(m.start(k))), None)
            org = r.org_at(m.start(key)) if key else _org_of_unnamed(r, m)
            named = re.match(r"\s+(?:[A-Z][\w-]+\s+)*(?:[A-Z][\w-]+)", r.text[m.end(key):]) if key else None
            if named:  # "the CIS Collective Security Treaty": the organization only qualifies what was left
                org = "CST" if re.search(r"^\s*Collective\s+Security\s+Treaty\b", named.group(0)) else None
            year, month, day = clause_date(r, m.start())
            after = [tm for tm in time_for(r, m.end()) if tm.start >= m.end() and tm.kind in ("month", "year")]
            if m.groupdict().get("back") and after and after[0].year:  # "..., in 1999, before coming back in 2006"
                year, month, day = after[0].year, after[0].month, after[0].day
            if relation == "rejoined" and (year, month) in departed:
                year = 0  # "left in 1999 and later returned": the departure's date is not the return's (undated)
            if relation == "left" and year:
                departed.add((year, month))
            note = None
            if not year and m.groupdict().get("perfect") in ("has", "have") and r.ctx.date is not None:
                year, month = r.ctx.date.year, None  # "has suspended": done by the article's date (judged so)
                note = UNDATED
            if who and org and year and not r.overlaps_used(m.start(), m.end()):
                froze = m.groupdict().get("froze") and ("participation" in m.group(0) or "froz" in m.group("froze"))
                r.add("membership", m.start(), m.end(), {"relation": "froze" if froze else relation, "org": org,
                                                         "country": who, "year": year, "month": month,
                                                         "note": "an announced departure" if m.groupdict().get("will")
                                                         else note})
                r.take(m.start(), m.end())
    for m in finditer(SUSPENDED_BY, r.masked):
        org, who = r.org_at(m.start("org")), r.codes(m.start("who"), m.end("who"), ("country",))
        year, month, day = clause_date(r, m.start())
        if who and org and year and not r.overlaps_used(m.start(), m.end()):
            r.add("membership", m.start(), m.end(), {"relation": "left", "org": org, "country": who, "year": year,
                                                     "month": month, "note": SUSPENDED})
            r.take(m.start(), m.end())


def _granted(r) -> None:
    """'decided on 14 May 2018 to grant Moldova observer status at the EAEU'."""
    for m in finditer(GRANTED, r.masked):
        who = r.codes(m.start("who"), m.end("who"), ("country",))
        org = r.org_at(m.start("org"))
        year, month, day = clause_date(r, m.start())
        if who and org and year and not r.overlaps_used(m.start(), m.end()):
            role = role_of(m.group("role"))
            r.add("membership", m.start(), m.end(), {"relation": "joined", "org": org, "country": who, "year": year,
                                                     "month": month, "day": day,
                                                     "role": None if role == "member" else role})
            r.take(m.start(), m.end())
