"""Claim kind `endorsement`: which states an SCO declaration names as supporting an initiative ('of the SCO
members only India did not endorse the Belt and Road Initiative in the Astana Declaration', 'India declined to
back the BRI in Qingdao', 'Tajikistan and Uzbekistan supported it'), judged on the held English texts: the states
named in the passages where the initiative and a word of support appear together, against the members at the
summit (the initiative's own sponsor left aside)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from ..judging.common import combine, verdict
from ..judging.texts import documents, held_declarations, notion_pattern
from ..model import CONTRADICTED, PARTLY, SUPPORTED, UNVERIFIABLE, Call, Observation
from ..payloads import Payload
from ..reading.entities import country_table, name, names
from ..reading.sentence import E, EL
from ..registry import register_kind

# the verb of support, or signing the part of a text that supports ('sign the paragraph backing ...')
_SUPPORT = r"(?:endorse|support|back|sign\s+up\s+to|welcome|(?:sign(?:\s+off\s+on)?|join|approve|accept)\s+(?:the\s+|a\s+)?(?:paragraph|" \
           r"passage|clause|section|part|language|wording)s?\s+(?:backing|supporting|endorsing|welcoming|on))"
_WHAT = r"(?P<what>[^,;.()]{2,80}?)(?=\s+(?:in|at)\s+(?:the\s+|its\s+)?(?:⟨#*⟩\s+)?(?:[\w-]+\s+)?(?:declaration|summit|" \
        r"⟨#*⟩)|[,;:.(]|$)"
_RESTATED = r"(?:reaffirmed|reiterated|restated|renewed|confirmed|expressed|voiced)"
_MEMBER = rf"(?:(?P<org>{E})\s+)?(?:member(?:\s+(?:state|country))?|state|country|one)"
PATTERNS = [(re.compile(p, re.IGNORECASE), relation) for p, relation in (
    (rf"(?P<who>{EL})\s+(?:was|is|were|remained|remains)\s+the\s+only\s+{_MEMBER}\s+(?:not\s+to|that\s+did\s+not|which\s+"
     rf"did\s+not|to\s+refuse\s+to|to\s+decline\s+to)\s+{_SUPPORT}\s+(?:the\s+)?{_WHAT}", "only not"),
    (rf"(?P<who>{EL})\s+(?:(?:again|once\s+again|once\s+more|also|still|alone(?:\s+among\s+[^,;.]{{2,40}}?)?)\s+)?(?:refused|declined|did\s+not|failed|"
     rf"was\s+unwilling|were\s+unwilling)\s+(?:to\s+)?{_SUPPORT}\s+"
     rf"(?:the\s+)?{_WHAT}", "not"),
    # "every SCO member except India (China plus ...) reiterated support for China's BRI"
    (rf"\b(?:every|all|each)\s+(?:of\s+the\s+)?(?:(?:(?P<org>{E})\s+)?(?:members?(?:\s+(?:states?|countries))?|states?|"
     rf"countries)|(?P<members>{E}))\s+(?:except(?:\s+for)?|but|save|other\s+than)\s+(?P<who>{EL})(?:\s*\([^)]*\))?,?\s+(?:(?:has|have|had)\s+)?"
     rf"(?:endorsed|supported|backed|welcomed|(?:reiterated|reaffirmed|expressed|voiced|confirmed)\s+(?:(?:their|its)\s+)?"
     rf"support\s+for)\s+(?:the\s+)?{_WHAT}", "only not"),
    (rf"(?P<only>\bonly\s+)?(?P<who>{EL}),?\s+(?:all\s+|also\s+|each\s+)?(?:endorsed|supported|backed|welcomed|"
     rf"{_RESTATED}\s+(?:their|its|⟨#*⟩)\s+(?:support|backing|endorsement)\s+(?:for|of))\s+(?:the\s+)?{_WHAT}",
     "endorsed"),
    # ", leaving India the sole SCO member not to endorse it"
    (rf"\bleaving\s+(?P<who>{EL})\s+(?:as\s+)?(?:the\s+)?(?:sole|only|lone)\s+{_MEMBER}\s+(?:not\s+to|that\s+did\s+not|"
     rf"which\s+did\s+not)\s+{_SUPPORT}\s+(?:the\s+)?{_WHAT}", "only not"),  # (after the list it refers back to)
)]
_VERB_NEAR = re.compile(r"support|endors|welcom|back|reaffirm")


@dataclass(frozen=True, kw_only=True)
class EndorsementClaim(Payload):
    """relation: 'endorsed' (every named state supports the initiative in the declaration; 'only endorsed': and no
    other state is named as supporting it), 'not' (none does),
    'only not' (the named states are the only members that do not); the initiative's words, its sponsor when the text
    gives it ('China's'), and the documents."""

    relation: str
    country: tuple[str, ...]
    initiative: str
    sponsor: str | None = None
    org: str = "SCO"
    documents: tuple[tuple[int, str | None], ...] = ()


@register_kind("endorsement", payload=EndorsementClaim, order=15, title="Who a declaration names as supporting",
               examples=("Of the SCO members, only India did not endorse the Belt and Road Initiative in the "
                         "Astana Declaration.",))
class Endorsement:
    def read(r) -> None:
        if not re.search(r"[Dd]eclaration", r.text):
            return
        docs = documents(r)
        last = None
        for pattern, relation in PATTERNS:
            for m in pattern.finditer(r.masked):
                who = r.codes(m.start("who"), m.end("who"), ("country",))
                what = r.text[m.start("what"):m.end("what")].strip()
                if what.lower() in ("it", "this", "them", "this initiative", "the initiative") and last is not None:
                    what, sponsor = last.initiative, last.sponsor
                else:
                    sponsor = next((x.code for x in r.ents(m.start("what"), m.end("what"), ("country",))
                                    if x.possessive), None)
                if not who or not docs or len(re.findall(r"[A-Za-z]{3,}", what)) < 1 or \
                        r.overlaps_used(m.start(), m.end()):
                    continue
                org = r.org_at(m.start("org")) if m.groupdict().get("org") else None
                if m.groupdict().get("members"):  # "all SCO members except A": an organization's members only
                    org = next((c for c in r.codes(m.start("members"), m.end("members")) if c == "SCO"), None)
                    if org is None:
                        continue
                if relation == "endorsed" and m.groupdict().get("only"):
                    relation = "only endorsed"  # "only A and B restated their support for X": no other member did
                if relation == "not" and re.search(r"\balone\b", m.group(0)):
                    relation = "only not"  # "A alone (among the members) did not back X": the only one
                claim = r.add("endorsement", m.start(), m.end(), {
                    "relation": relation, "country": who, "initiative": what, "sponsor": sponsor,
                    "org": org or "SCO", "documents": [list(d) for d in docs]})
                r.take(m.start(), m.end())
                last = claim.payload

    def judge(claim, evidence, as_of):
        p = claim.payload
        verdicts, parts, observed, calls = [], [], [], []
        for year, doc, text, url in held_declarations(evidence, p.documents, as_of, verdicts, parts):
            backers, passages, sponsors = endorsers(text, p.initiative, p.sponsor)
            if not passages:
                verdicts.append(UNVERIFIABLE)
                parts.append(f"{doc}: no passage names states supporting '{p.initiative}'")
                continue
            outcome, detail = _compare(p, backers, [c for c in _members(evidence, p.org, year) if c not in sponsors])
            verdicts.append(outcome)
            parts.append(f"{doc}: {detail}")
            observed.append(Observation(names(sorted(backers)), "text", f"{doc} (official English text)", year,
                                        url=url, note=f"'…{passages[0][:220]}…'"))
            calls.append(Call.load("declaration_texts", year=year))
        return verdict(claim, combine(verdicts), "; ".join(parts), observed, calls=calls)


def _members(ev, org: str, year: int) -> list[str]:
    frame = ev.summits()
    rows = frame[frame["year"] == year] if not frame.empty else frame
    if rows.empty:
        return []
    # the members on the eve of the summit: a state admitted at it joins at its close, after its declaration is signed
    return ev.members(org, rows.iloc[0]["date"] - dt.timedelta(days=1))


def _compare(p, backers: set, members: list[str]) -> tuple[str, str]:
    said = f"the states it names as supporting: {names(sorted(backers)) or 'none'}"
    if p.relation in ("endorsed", "only endorsed"):
        hits = [c for c in p.country if c in backers]
        outcome = SUPPORTED if len(hits) == len(p.country) else PARTLY if hits else CONTRADICTED
        detail = said + ("" if outcome == SUPPORTED else f"; not among them: "
                         f"{names([c for c in p.country if c not in backers])}")
        extra = sorted(c for c in backers if c not in p.country and c != p.sponsor)
        if p.relation == "only endorsed" and extra and hits:  # "only A and B": another member backing it too
            return PARTLY, detail + f"; also named as supporting: {names(extra)}"
        return outcome, detail
    if any(c in backers for c in p.country):
        return CONTRADICTED, said
    if p.relation == "not":
        return SUPPORTED, said
    others = [c for c in members if c not in backers and c not in p.country and c != p.sponsor]
    if not members:
        return PARTLY, said + "; the members at the summit are not recorded"
    return (SUPPORTED, said) if not others else \
        (PARTLY, said + f"; other members at the summit not named either: {names(others)}")


@functools.cache
def _names_re() -> tuple[re.Pattern, dict]:
    table = {n.lower(): code for n, code in country_table().items() if len(n) >= 4 and n.replace(" ", "").isalpha()}
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(table, key=len, reverse=True)) + r")\b")
    return pattern, table


def endorsers(text: str, initiative: str, sponsor: str | None) -> tuple[set, list[str]]:
    """The states named in the sentences of a (normalised) declaration where the initiative and a word of support
    appear together, the sponsor ('China's initiative') left aside; those passages; and the sponsors."""
    pattern, table = _names_re()
    notion = notion_pattern(re.sub(r"^\w+['’]s\s+", "", initiative.strip(" \"'“”")))
    found, passages, sponsors = set(), [], {sponsor} - {None}
    for sentence in re.split(r"(?<=[.;])\s+", text):
        hit = re.search(notion, sentence)
        if not hit or not _VERB_NEAR.search(sentence):
            continue
        named = [(table[m.group(1)], bool(re.match(r"['’]s\s", sentence[m.end():m.end() + 3])))
                 for m in pattern.finditer(sentence)]
        sponsors |= {code for code, possessive in named if possessive}  # "china's belt and road": the sponsor
        codes = {code for code, possessive in named if not possessive} - sponsors
        if codes:
            found |= codes
            passages.append(sentence.strip())
    return found - sponsors, passages, sponsors
