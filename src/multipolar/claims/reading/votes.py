"""Reading UN General Assembly votes: the resolution a sentence names (its symbol, a well-known name, or its subject:
'the vote on Ukraine's territorial integrity', 'the resolution condemning ...') and the tally it states ('passed
100-11 with 58 abstentions', 'by 141 votes to 5', 'with 90 in favour, 12 against and 55 abstaining', 'the 35
countries that abstained')."""

from __future__ import annotations

import re
from .prefilter import finditer, search

SYMBOL = re.compile(r"\b(?:A/RES/)?(?P<session>ES-\d{1,2}|\d{1,2})/(?P<number>\d{1,3})(?P<part>[A-Z])?\b")
# Resolutions known by a name rather than their symbol, → symbol (adopted dates in the comment).
KNOWN = [
    (r"territorial integrity of Ukraine(?!: defending)|Crimea\w*\s+(?:\w+\s+)?(?:referendum|annexation|secession)|"
     r"annexation of Crimea", "68/262"),  # 27 March 2014
    (r"aggression against Ukraine(?! humanitarian)", "ES-11/1"),  # 2 March 2022
    (r"humanitarian consequences of the aggression against Ukraine", "ES-11/2"),  # 24 March 2022
    (r"suspen\w+ (?:of )?Russia\w* (?:from|in) the Human Rights Council|suspension of the rights of membership",
     "ES-11/3"),  # 7 April 2022
    (r"defending the principles of the Charter|illegal so-called referendums|annexation of (?:the\s+)?(?:four|4)\s+"
     r"(?:Ukrainian\s+)?regions|attempted annexation", "ES-11/4"),  # 12 October 2022
    (r"human rights in the Autonomous Republic of Crimea", "71/205"),  # 19 December 2016
]
# The year each known resolution was adopted (a place and a year name one of them).
KNOWN_YEARS = {"68/262": 2014, "ES-11/1": 2022, "ES-11/2": 2022, "ES-11/3": 2022, "ES-11/4": 2022, "71/205": 2016}
# What introduces a resolution's subject: "the resolution on X", "the vote on X", "the text condemning X".
_INTRO = r"(?:resolution|vote|voted|voting|motion|text|draft)\s+(?:(?:that|which)\s+)?(?:on|against|condemning|condemned|" \
         r"calling\s+for|called\s+for|about|concerning|demanding|demanded|deploring|deplored|supporting|affirming|" \
         r"rejecting|rejected|opposing|denouncing|denounced|welcoming|declaring|" \
         r"reaffirming|upholding|recognising|recognizing|urging|titled|entitled|regarding|over)\s+"
# Where a subject ends: a verb of the vote, a clause break, a tally.
_END = r"(?=\s+(?:passed|which|that|was|were|adopted|with|by|when|in\s+(?:19|20)\d\d)\b|[,;.()]|\s+[–—-]\s|$)"
SUBJECT = re.compile(rf"\b{_INTRO}(?P<w>[^,;.()]*?){_END}", re.IGNORECASE)
# "the Crimea resolution", "the Abkhazia vote", "the Ukraine-sponsored text"
BEFORE = re.compile(r"\bthe\s+(?P<w>[A-Z][\w'’-]+\s+(?:[\w'’-]+\s+){0,3})(?:resolution|vote|text|draft)\b")

_N = r"(\d{1,3})(?![\d%]|[.,]\d|\s*(?:%|percent|per\s+cent|years?\b))"
_PASSED = r"(?:passed|adopted|approved|carried|endorsed|backed|supported|voted|vote\s+of|margin\s+of|tally\s+of|by|" \
          r"(?:scraped|squeaked|scraping|squeaking|went|sailed)\s+through)"
# "passed the Ukraine-sponsored text 100 to 11": the thing voted on may stand between the verb and the counts
_VOTED_ON = r"(?:the\s+(?:[\w'’-]+\s+){0,3}(?:text|resolution|measure|motion|draft)\s+)?"
TALLY_PAIR = re.compile(rf"\b{_PASSED}\s+{_VOTED_ON}(?:by\s+|with\s+)?(?:a\s+(?:vote|margin|tally|count)\s+of\s+)?{_N}\s*"
                        rf"(?:votes?\s+)?(?:[-–—]|to)\s*{_N}(?:\s+votes?)?(?:\s*,?\s*(?:with|and)\s+{_N}\s+"
                        rf"(?:abstentions?|abstaining|abstained))?",
                        re.IGNORECASE)
_WHO = r"(?:(?:member\s+)?(?:states|countries|members|nations|delegations|governments)\s+)"
YES = re.compile(rf"{_N}\s+(?:votes?\s+|{_WHO})?(?:voting\s+|voted\s+|were\s+|was\s+)?(?:in\s+favou?r|"
                 rf"for\b|yes\b|ayes\b)|{_N}\s+(?:member\s+)?(?:states|countries|members|nations|delegations)\s+"
                 rf"(?:backed|supported|endorsed)\b", re.IGNORECASE)
NO = re.compile(rf"{_N}\s+(?:votes?\s+|{_WHO})?(?:voting\s+|voted\s+|were\s+|was\s+)?(?:against|"
                rf"opposed|no\b|noes\b)", re.IGNORECASE)
ABSTAIN = re.compile(rf"{_N}\s+(?:abstentions?|{_WHO}(?:that\s+|which\s+|who\s+)?(?:had\s+)?abstain(?:ed|ing)?)",
                     re.IGNORECASE)
# "100 in favour, 11 against and 58 abstained": a bare count before 'abstained', read once a yes or no count was
ABSTAIN_BARE = re.compile(rf"(?:,|\band|\bwhile|\bwhereas|;)\s+{_N}\s+(?:abstained|abstaining)\b", re.IGNORECASE)


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# "On June 4", "on 4 June" with no year after it: a day of the article's own year
DAY_MONTH = re.compile(rf"\b[Oo]n\s+(?:\d{{1,2}}\s+(?P<m1>{_MONTHS})|(?P<m2>{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?)\b"
                       rf"(?!,?\s+(?:19|20)\d\d)")


def month_without_year(text: str) -> int | None:
    """The month of a vote dated by day and month alone ('On June 4 the Assembly passed ...'), else None: such a
    date is one of the article's year (the year before, for a month after the article's)."""
    m = search(DAY_MONTH, text)
    if not m or re.search(r"\b(?:19|20)\d\d\b", text):
        return None
    return _MONTHS.split("|").index(m.group("m1") or m.group("m2")) + 1


def resolution_of(text: str) -> tuple[str | None, str | None]:
    """(symbol or None, the words naming its subject) of a resolution named in text."""
    m = search(SYMBOL, text)
    if m:
        return f"{m.group('session')}/{m.group('number')}{m.group('part') or ''}", None
    for pattern, symbol in KNOWN:
        if re.search(pattern, text, re.IGNORECASE):
            return symbol, None
    subject = subject_of(text)
    return by_place_and_year(text, subject), subject


def by_place_and_year(text: str, subject: str | None) -> str | None:
    """A resolution named only by a place and the year ('the March 2014 resolution on Crimea'): the one known
    resolution of that year whose name has the place, else None (the subject is then matched against the roll
    calls' descriptions)."""
    places = set(re.findall(r"\b[A-Z][a-z]{3,}", subject or ""))
    years = {int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text)}
    if not places or len(years) != 1:
        return None
    found = [symbol for pattern, symbol in KNOWN if KNOWN_YEARS.get(symbol) in years
             and any(re.search(rf"\b{p}", pattern) for p in places)]
    return found[0] if len(set(found)) == 1 else None


def subject_of(text: str) -> str | None:
    """The words naming a resolution's subject ('the vote on Ukraine's territorial integrity' → "Ukraine's
    territorial integrity"), or None."""
    for m in finditer(SUBJECT, text):
        words = m.group("w").strip()
        if len(re.findall(r"[A-Za-z]{4,}", words)) >= 1:
            return words
    m = search(BEFORE, text)
    return m.group("w").strip() if m else None


def tally_in(text: str) -> dict[str, int]:
    """The counts a sentence states: {'yes': 100, 'no': 11, 'abstain': 58} (only those it gives)."""
    out: dict[str, int] = {}
    m = search(TALLY_PAIR, text)
    if m:
        out["yes"], out["no"] = int(m.group(1)), int(m.group(2))
        if m.group(3):
            out["abstain"] = int(m.group(3))
    for key, pattern in (("yes", YES), ("no", NO), ("abstain", ABSTAIN)):
        if key not in out:
            found = search(pattern, text)
            if found:
                out[key] = int(next(g for g in found.groups() if g))
    bare = ABSTAIN_BARE.search(text) if out and "abstain" not in out else None
    if bare:
        out["abstain"] = int(bare.group(1))
    if set(out) == {"yes"} or set(out) == {"no"}:
        return {}  # "10 for ..." alone is too weak to be a tally
    return out


# An agreement in any phrasing: a state, a word of agreeing ('voted with', 'matched', 'in line with', 'coincided'), a
# partner after it and a share, in one clause of a sentence about UN votes ('Uzbekistan's votes matched Russia's in 70%
# of the roll calls', 'X was in line with China on three-quarters of General Assembly votes').
AGREEING = re.compile(r"\b(?:voted|votes?|voting|sided|sides|aligned|aligns|coincided|coincides|matched|matches|agreed|"
                      r"agrees|was\s+in\s+line|were\s+in\s+line|in\s+line|the\s+same\s+way\s+as|together\s+with|"
                      r"alongside|concurred|converged)\b", re.IGNORECASE)
VOTING = re.compile(r"\b(?:UN|UNGA|General\s+Assembly|United\s+Nations|roll[- ]calls?|recorded\s+votes)\b")


def read_agreement_slots(r, share_at, share_re: str):
    """(who, partner, share, start, end) for each clause that states an agreement no pattern read: the state named
    before the agreeing word, the other state named after it, the clause's one share."""
    from .clauses import clause_bounds

    if not search(VOTING, r.text):
        return []
    out, seen = [], set()
    for m in finditer(AGREEING, r.text):
        c0, c1 = clause_bounds(r.text, m.start())
        if (c0, c1) in seen or r.overlaps_used(c0, c1):
            continue
        before = [x for x in r.mentions if x.kind == "country" and c0 <= x.start and x.end <= m.start()
                  and not r.in_reporter(x)]
        after = [x for x in r.mentions if x.kind == "country" and m.end() <= x.start < c1]
        shares = [s for s in re.finditer(share_re, r.text[m.end():c1], re.IGNORECASE)
                  if re.search(r"\d|half|third|quarter|fifth|tenth", s.group(0))]
        if not before or not after or len(shares) != 1:
            continue
        who, partner = before[0].code, after[0].code
        share = share_at(r.text, m.end() + shares[0].start(), m.end() + shares[0].end())
        if who == partner or share is None or not (0 < share.value <= 1):
            continue
        seen.add((c0, c1))
        out.append((who, partner, share, before[0].start, m.end() + shares[0].end()))
    return out


def tally_clauses(text: str) -> list[tuple[int, int, dict]]:
    """(start, end, tally) of each clause (split at ';', ', while', ', whereas') stating its own tally of two or more
    counts, when two or more do; else []."""
    seps = list(re.finditer(r";\s*|,\s+(?:while|whereas)\s+", text))
    spans = zip([0, *(m.end() for m in seps)], [*(m.start() for m in seps), len(text)])
    parts = [(a, b, tally_in(text[a:b])) for a, b in spans]
    parts = [(a, b, t) for a, b, t in parts if len(t) >= 2]
    return parts if len(parts) >= 2 else []


# "the Third Committee approved the draft resolution": a main committee's vote, taken before the plenary's.
COMMITTEE = re.compile(r"\b(?:(?:First|Second|Third|Fourth|Fifth|Sixth|Special\s+Political\s+and\s+Decolonization)\s+"
                       r"Committee|(?:main|human\s+rights|disarmament)\s+committee)\b", re.IGNORECASE)


def body_of(r) -> dict:
    m, month = COMMITTEE.search(r.text), month_without_year(r.text)
    return {**({"body": m.group(0)} if m else {}), **({"month": month} if month else {})}


# "the ten states that lined up with Russia were A, B and C", "A, B and C sided with Russia" (in a sentence naming a
# resolution): each named state cast the partner's vote on it; the count, when given, is of the states besides it
_SIDED = r"(?:lined\s+up|sided|voted|stood|went)\s+(?:with|alongside|behind)"
SIDED_WITH = [re.compile(p, re.IGNORECASE) for p in (
    r"\bthe\s+(?:(?P<n>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?(?:other\s+)?"
    rf"(?:states|countries|nations|members|delegations)\s+(?:that|which|who)\s+{_SIDED}\s+(?P<p>⟨#*⟩)\s+(?:were|was|"
    r"included)\s+(?P<who>⟨#*⟩(?:(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+)⟨#*⟩)*)",
    rf"(?P<who>⟨#*⟩(?:(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+)⟨#*⟩)+)\s+(?:all\s+)?{_SIDED}\s+"
    r"(?P<p>⟨#*⟩)(?!\s+(?:in|on)\s+\d)",
)]
# "Russia vetoed the draft in the Security Council", "blocked a council resolution with its veto"
SECURITY_COUNCIL = re.compile(r"\b(?:vetoe?[ds]?|vetoing|(?:cast|used|wielded|exercised)\s+(?:its|a|their)\s+veto|with\s+"
                              r"(?:its|a|their)\s+veto)\b(?=[^.;]*\b(?:Security\s+)?Council\b)|\b(?:Security\s+Council|"
                              r"[Cc]ouncil\s+(?:resolution|draft|vote))\b[^.;]*\b(?:veto(?:e?[ds])?|vetoing)\b")


def vote_word(words: str) -> str:
    """How a state voted, from the words ('abstained', 'did not vote', 'opposed' ...): yes/no/abstain/absent."""
    words = words.lower()
    if "abstain" in words:
        return "abstain"
    if "did not" in words or "absent" in words:
        return "absent"
    if "against" in words or "opposed" in words or "rejected" in words or words.startswith("voted no"):
        return "no"
    return "yes"
