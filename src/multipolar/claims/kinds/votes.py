"""Claim kind `votes`: UN General Assembly voting — agreement with China or Russia ('Kazakhstan voted with China 78%
of the time in 2021'), which of the two a state votes with more often, and how a state voted on a named resolution
('Kyrgyzstan abstained on resolution 68/262'), judged on un_agreement (computed from the roll calls to 2019,
published scores to 2023) and the roll-call tables (un_roll_calls, un_votes)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging import tolerances as tol
from ..judging.common import combine, fmt, hedged, unverifiable, verdict
from ..judging.leads import NO_CLEAR_LEAD, leader
from ..judging.trade import expanded
from ..judging.windows import latest_year
from ..model import CONTRADICTED, PARTLY, SUPPORTED, UNVERIFIABLE, AsOf, Call, Observation
from ..payloads import Payload
from ..reading.entities import name, names
from ..reading.numbers import number_word, share_at
from ..reading.sentence import E, EL
from ..reading.shares import SHARE
from ..judging.sources import label
from ..registry import register_kind
from ..judging.resolutions import find_roll_call
from ..reading.votes import (SECURITY_COUNCIL, SIDED_WITH, body_of, read_agreement_slots, resolution_of, subject_of,
                             tally_clauses, tally_in, vote_word)

_UN = r"(?:(?:at|in)\s+the\s+(?:UN(?:\s+General\s+Assembly)?|United\s+Nations(?:\s+General\s+Assembly)?|General\s+" \
      r"Assembly|UNGA)\s+)?"
AGREE = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?P<who>{EL})\s+(?:has\s+|have\s+)?(?:voted|votes|vote|sided|sides)\s+{_UN}(?:with|alongside|in\s+line\s+with|"
    rf"the\s+same\s+way\s+as)\s+(?:the\s+)?(?P<p>{E})\s+{_UN}(?:(?:in|on)\s+)?(?:only\s+|just\s+)?(?P<num>{SHARE})\s+of\s+(?:the\s+)?(?:(?:UN|UNGA|"
    rf"General\s+Assembly|UN\s+General\s+Assembly)\s+)?(?:time|votes|roll[- ]calls|resolutions|recorded\s+votes)",
    rf"(?P<who>{E})\s+(?:voting\s+)?(?:agreement|coincidence|alignment)\s+(?:score\s+)?with\s+(?P<p>{E})\s+{_UN}"
    rf"(?:was|stood\s+at|reached|of|is|came\s+to)\s+(?P<num>{SHARE})",
    rf"(?P<who>{E})\s+(?:UN\s+|UNGA\s+)?(?:votes?|voting(?:\s+record)?)\s+{_UN}(?:coincided|coincides|coincide|matched|"
    rf"matches|match|aligned|aligns|agreed|agrees)\s+with\s+(?:that\s+of\s+|those\s+of\s+)?(?P<p>{E})\s+(?:(?:in|on)\s+)?"
    rf"(?P<num>{SHARE})\s+of\s+(?:the\s+)?(?:cases|time|votes|roll[- ]calls|resolutions)",
    rf"(?P<who>{EL})\s+(?:agreed|agrees|voted\s+together)\s+with\s+(?P<p>{E})\s+(?:on|in)\s+(?P<num>{SHARE})\s+of\s+"
    rf"(?:the\s+)?(?:UN\s+|UNGA\s+|General\s+Assembly\s+)?(?:votes|roll[- ]calls|resolutions)",
)]
MORE_OFTEN = re.compile(
    rf"(?P<who>{EL})\s+(?:has\s+|have\s+)?(?:votes?|voted|sides?|sided|aligns?|aligned)\s+{_UN}(?:far\s+|much\s+)?"
    rf"(?P<how>more\s+often|more\s+frequently|more\s+closely|more|less\s+often|less\s+frequently|less)\s+with\s+"
    rf"(?P<a>{E})\s+than\s+(?:with\s+)?(?P<b>{E})"
    rf"|(?P<who2>{E})\s+(?:UN\s+|UNGA\s+)?votes?\s+(?:align|aligned|are\s+aligned|were\s+aligned)\s+more\s+"
    rf"(?:closely\s+)?with\s+(?P<a2>{E})\s+than\s+(?:with\s+)?(?P<b2>{E})"
    rf"|(?P<who3>{EL})\s+(?:has\s+|have\s+)?(?:votes?|voted|sides?|sided)\s+with\s+(?P<a3>{E})\s+(?P<how3>more|less)\s+"
    rf"(?:often|frequently|closely)\s+than\s+(?:with\s+)?(?P<b3>{E})", re.IGNORECASE)
_VOTE = r"(?P<vote>voted\s+(?:in\s+favou?r(?:\s+of)?|for|against|no|yes)|abstained(?:\s+from\s+voting)?|did\s+not\s+" \
        r"(?:vote|take\s+part\s+in\s+the\s+vote|participate(?:\s+in\s+the\s+vote)?)|(?:was|were)\s+absent|backed|" \
        r"supported|opposed|rejected)"
_BODY = r"(?:(?:the\s+)?(?:UN|UNGA|United\s+Nations)\s+)?(?:General\s+Assembly\s+)?"
HOW = re.compile(
    rf"(?P<who>{EL})\s+(?:all\s+|both\s+)?{_VOTE}(?:\s+(?:on|in|at))?\s+(?:the\s+|a\s+)?{_BODY}(?:(?:vote|voting)\s+"
    rf"(?:on\s+)?(?:the\s+|a\s+)?)?(?P<what>{_BODY}(?:draft\s+)?resolution(?:(?!\s+(?:while|whereas|but)\b|,\s+"
    rf"(?:and|but|while|whereas)\b)[^.;]){{0,120}})", re.IGNORECASE)
# "... were among the states that abstained", "the region's states, Tajikistan among them, abstained
# alongside Russia": the resolution is the one the sentence names.
AMONG = re.compile(rf"(?P<who>{EL})\s+(?:were|was)\s+among\s+the\s+(?:\d+\s+)?(?:(?:countries|states|nations|members)\s+"
                   rf"(?:(?:that|which|who)\s+{_VOTE}|(?P<vote2>voting\s+(?:against|in\s+favou?r|for)|abstaining))|"
                   rf"(?P<vote3>abstainers|abstentions))", re.IGNORECASE)
# ("voted against Moscow", "backed Russia's position": a side taken with or against a state, not the resolution's vote)
ALONG = re.compile(rf"(?P<who>{EL})(?:,\s*including\s+(?P<inc>{EL}),?)?\s+(?:all\s+|both\s+|also\s+)?{_VOTE}\b(?!\s+(?:on|in|at)?"
                   rf"\s*(?:the\s+|a\s+)?{_BODY}(?:vote|resolution))(?!\s+(?:with\s+|alongside\s+)?(?:the\s+)?{E}(?!\s*(?:-|\w+-)?(?:sponsored\s+|backed\s+)?(?:draft\s+)?(?:resolution|text|motion)))"
                   rf"(?:\s+along\s+with\s+(?P<also>{EL}))?", re.IGNORECASE)
# "Only 11 countries, including Armenia and Belarus, voted against": named states' votes and that side's count.
COUNT_INCLUDING = re.compile(rf"(?P<n>\d{{1,3}})\s+(?:other\s+)?(?:countries|states|members|nations),?\s+including\s+"
                             rf"(?P<who>{EL}),?\s+{_VOTE}", re.IGNORECASE)
# "..., more often than with China": the agreement just stated, against another power.
MORE_THAN = re.compile(rf",?\s+(?:and\s+)?(?:far\s+|much\s+)?(?P<how>more|less)\s+(?:often|frequently|closely)\s+than\s+"
                       rf"(?:with\s+)?(?P<b>{E})", re.IGNORECASE)
VOTE_CODES = {1: "yes", 2: "abstain", 3: "no"}
# A selection of votes rather than every roll call: "the 12 key votes", "important votes singled out by ...", "votes on
# human rights".
SELECTION = re.compile(r"\b(?:\d+\s+)?(?:key|important|selected|major)\s+(?:UN\s+)?(?:General\s+Assembly\s+)?votes\b|"
                       r"\b\d+\s+(?:UN\s+)?(?:General\s+Assembly\s+)?votes\b|\bsingled\s+out\b|\bvotes\s+on\s+(?:human\s+"
                       r"rights|the\s+Middle\s+East|disarmament|Ukraine|Israel)", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class VotesClaim(Payload):
    """relation 'agreement' (value 0-1 with partner), 'more often' (partner ahead of rival), or 'vote' (how a state
    voted on a resolution: vote yes/no/abstain/absent, or 'as' the partner voted; resolution symbol or words)."""

    relation: str
    country: tuple[str, ...]
    partner: tuple[str, ...] = ()
    rival: tuple[str, ...] = ()
    value: float | None = None
    hedge: str | None = None
    half_unit: float = 0.0
    year: int | None = None
    vote: str | None = None
    resolution: str | None = None
    words: str | None = None
    yes: int | None = None      # the tally the text states (relation 'tally'; on a 'vote' it helps find the roll
    no: int | None = None       # call, and with `tally_checked` it is checked too)
    abstain: int | None = None
    tally_checked: bool = False
    selection: str | None = None  # agreement over a selection of votes ('the 12 key votes'), not every roll call
    body: str | None = None  # a vote in one of the Assembly's main committees ('the Third Committee'), not in plenary
    month: int | None = None  # a vote dated by day and month alone ('On June 4'): one of the article's year
    sided: int | None = None  # vote 'as' (cast the partner's vote): how many states did so, besides the partner


@register_kind("votes", payload=VotesClaim, order=42, title="UN General Assembly votes",
               examples=("Tajikistan sided with Russia in 71% of General Assembly roll calls in 2018.",
                         "Kyrgyzstan votes more often with China than with Russia at the UN.",
                         "Kyrgyzstan abstained on resolution ES-11/4."))
class Votes:
    def read(r) -> None:
        if "votes" not in r.triggers:
            return
        for pattern in AGREE:
            for m in pattern.finditer(r.masked):
                who, partner = r.codes(m.start("who"), m.end("who")), r.codes(m.start("p"), m.end("p"))
                share = share_at(r.text, m.start("num"), m.end("num"))
                if who and partner and share and not r.overlaps_used(m.start(), m.end()):
                    picked = SELECTION.search(r.text)
                    r.add("votes", m.start(), m.end(), {"relation": "agreement", "country": who, "partner": partner,
                                                        "value": share.value, "hedge": share.hedge,
                                                        "half_unit": share.half_unit, "year": _year(r, m),
                                                        "selection": picked.group(0) if picked else None})
                    r.take(m.start(), m.end())
                    more = MORE_THAN.match(r.masked, m.end() + (len(r.text[m.end():]) -
                                                                 len(re.sub(r"^\s+in\s+\d{4}", "", r.text[m.end():]))))
                    rival = r.codes(more.start("b"), more.end("b")) if more else []
                    if rival and not set(rival) & set(partner):
                        a, b = (partner, rival) if more.group("how").lower() == "more" else (rival, partner)
                        r.add("votes", more.start(), more.end(), {"relation": "more often", "country": who,
                                                                  "partner": a, "rival": b, "year": _year(r, m)})
                        r.take(more.start(), more.end())
        for who, partner, share, start, end in read_agreement_slots(r, share_at, SHARE):
            picked = SELECTION.search(r.text)
            r.add("votes", start, end, {"relation": "agreement", "country": [who], "partner": [partner],
                                        "value": share.value, "hedge": share.hedge, "half_unit": share.half_unit,
                                        "year": r.year_in(0, len(r.text)),
                                        "selection": picked.group(0) if picked else None})
            r.take(start, end)
        for m in MORE_OFTEN.finditer(r.masked):
            keys = ("who", "a", "b") if m.group("who") else ("who2", "a2", "b2") if m.group("who2") else \
                ("who3", "a3", "b3")
            who, a, b = (r.codes(m.start(k), m.end(k)) for k in keys)
            how = m.group("how") or m.group("how3") or ""
            if how.lower().startswith("less"):
                a, b = b, a  # "less often with Russia than with China": China ahead
            if who and a and b:
                r.add("votes", m.start(), m.end(), {"relation": "more often", "country": who, "partner": a,
                                                    "rival": b, "year": _year(r, m)})
                r.take(m.start(), m.end())
        council = SECURITY_COUNCIL.search(r.text)
        who = [x.code for x in r.mentions if x.kind == "country" and council and x.start < council.end()
               and not r.in_reporter(x)]
        if council and who and not r.claims:  # the Council's votes are not in the roll calls: never judged on them
            r.add("votes", 0, len(r.text), {"relation": "vote", "country": who[:1], "vote": "no" if re.search(
                "veto", council.group(0), re.IGNORECASE) else "yes", "body": "Security Council"})
            return
        tally = tally_in(r.text)
        # ("There were 58 abstentions." right after the vote was named: a count of that vote)
        follows = r.ctx.resolution is not None and len(tally) >= 1 and not re.search(r"\b(?:19|20)\d\d\b", r.text)
        if not follows and not re.search(r"[Rr]esolution|General Assembly|UNGA|\bUN\b|United Nations|\b[Tt]he "
                                         r"Assembly\b", r.text):
            return
        sentence = resolution_of(r.text)
        if sentence[0] or sentence[1]:
            r.ctx.resolution = (*sentence, r.year_in(0, len(r.text)))
        elif r.ctx.resolution is not None and (follows or re.search(r"\b(?:the|this|that)\s+(?:resolution|text|vote)\b|"
                                                                    r"\bit\s+was\s+(?:adopted|passed|approved)",
                                                                    r.text, re.IGNORECASE)):
            sentence = r.ctx.resolution[:2]  # "The resolution was adopted by ...": the one named before
        for m in HOW.finditer(r.masked):
            who = r.codes(m.start("who"), m.end("who"), ("country", "group"))
            if not who:
                continue
            symbol, words = resolution_of(r.text[m.start("what"):m.end("what")])
            if not symbol and not subject_of(r.text[m.start("what"):m.end("what")]):
                symbol, words = sentence  # "voted against the resolution": the one the sentence names
            r.add("votes", m.start(), m.end(), {"relation": "vote", "country": who, "vote": vote_word(m.group("vote")),
                                                "resolution": symbol, "words": words, "year": _year(r, m),
                                                **_tally(r, tally), **body_of(r)})
            r.take(m.start(), m.end())
        for m in COUNT_INCLUDING.finditer(r.masked):
            who = r.codes(m.start("who"), m.end("who"))
            if who and not r.overlaps_used(m.start(), m.end()):
                vote = vote_word(m.group("vote"))
                count = {"yes": "yes", "no": "no", "abstain": "abstain"}.get(vote)
                symbol, words = sentence
                r.add("votes", m.start(), m.end(), {"relation": "vote", "country": who, "vote": vote,
                                                    "resolution": symbol, "words": words, "year": _year(r, m),
                                                    **({count: int(m.group("n")), "tally_checked": True} if count
                                                       else {}), **body_of(r)})
                r.take(m.start(), m.end())
        for pattern in SIDED_WITH if sentence[0] or sentence[1] else ():
            for m in pattern.finditer(r.masked):
                who, partner = r.codes(m.start("who"), m.end("who")), r.codes(m.start("p"), m.end("p"))
                if who and len(partner) == 1 and partner[0] not in who and not r.overlaps_used(m.start(), m.end()):
                    n = m.groupdict().get("n")
                    r.add("votes", m.start(), m.end(), {"relation": "vote", "country": who, "vote": "as",
                                                        "partner": partner, "resolution": sentence[0],
                                                        "words": sentence[1], "year": _year(r, m), **_tally(r, tally),
                                                        **({"sided": int(number_word(n))} if n else {}), **body_of(r)})
                    r.take(m.start(), m.end())
        for pattern in (AMONG, ALONG):
            for m in pattern.finditer(r.masked):
                if r.overlaps_used(m.start(), m.end()):
                    continue
                who = []
                for key in ("who", "inc", "also"):
                    if m.groupdict().get(key):
                        who += [c for c in r.codes(m.start(key), m.end(key)) if c not in who]
                if not who:
                    continue
                symbol, words = sentence
                said = m.group("vote") or m.groupdict().get("vote2") or m.groupdict().get("vote3")
                r.add("votes", m.start(), m.end(), {"relation": "vote", "country": who, "vote": vote_word(said),
                                                    "resolution": symbol, "words": words, "year": _year(r, m),
                                                    **_tally(r, tally), **body_of(r)})
                r.take(m.start(), m.end())
        if tally and not any(c.type == "votes" and c.payload.relation == "vote" for c in r.claims) and \
                (sentence[0] or sentence[1]):
            symbol, words = sentence  # "the resolution on X passed 80-14 with 61 abstentions": the tally alone
            clauses = tally_clauses(r.text)
            for c0, c1, own in clauses or [(0, len(r.text), tally)]:
                # ("X passed 50-17 ..., while the first such resolution in 2008 passed 14-11": each clause's
                # tally with its own year, none of the other clause's)
                year = r.year_in(c0, c1) if clauses else \
                    r.year_in(0, len(r.text)) or (r.ctx.resolution[2] if r.ctx.resolution else None)
                r.add("votes", c0, c1, {"relation": "tally", "country": [], "resolution": symbol, "words": words,
                                        "year": year, **own, "tally_checked": True, **body_of(r)})

    def judge(claim, evidence, as_of):
        p = claim.payload
        if p.relation in ("vote", "tally"):
            return judgevote_word(claim, evidence, as_of)
        return judge_agreement(claim, evidence, as_of)


def _tally(r, tally: dict) -> dict:
    """The tally a sentence states, on its vote claims: the first one checks it too (it is part of what is said)."""
    if not tally:
        return {}
    first = not any(c.type == "votes" and c.payload.relation == "vote" for c in r.claims)
    return {**tally, "tally_checked": first}



def _year(r, m) -> int | None:
    return r.year_in(m.start(), m.end() + 40) or r.year_in(0, len(r.text))


def judge_agreement(claim, ev, as_of: AsOf):
    p = claim.payload
    if p.selection:
        return unverifiable(claim, f"an agreement over a selection of votes ('{p.selection}'): the pack's agreement "
                                   "is computed over every recorded roll call of the year, another measure")
    countries = expanded(p.country, ev, as_of.day)
    verdicts, parts, observed, arithmetic, calls = [], [], [], [], []
    for country in countries:
        rows = ev.un_agreement(country)
        if rows.empty:
            verdicts.append(UNVERIFIABLE)
            parts.append(f"{name(country)}: no UN agreement scores in the pack")
            continue
        year = p.year
        if year is None:
            year, _ = latest_year(sorted({int(y) for y in rows["year"]}), as_of)
        at = rows[rows["year"] == year]
        if at.empty:
            verdicts.append(UNVERIFIABLE)
            parts.append(f"{name(country)}: no UN agreement score for {year} (scores {int(rows['year'].min())}-"
                         f"{int(rows['year'].max())})")
            continue
        source = sorted(at["source"].unique(), key=lambda s: (not s.startswith("unvotes"), s))[0]
        at = at[at["source"] == source]
        value = {row.partner: float(row.value) for row in at.itertuples(index=False)}
        calls.append(Call.indicator("un_agreement", country=country, years=str(year), source=source))
        label = "UNGA agreement " + ("computed from the roll calls" if source.startswith("unvotes") else
                                     "published with the Bailey-Strezhnev-Voeten ideal points")
        if p.relation == "agreement":
            partner = p.partner[0]
            if partner not in value:
                verdicts.append(UNVERIFIABLE)
                parts.append(f"{name(country)}: agreement is held with China and Russia only")
                continue
            j = tol.judge(p.value, value[partner], p.hedge, kind="share", half_unit=p.half_unit)
            other = _other_readings(rows, partner, year, source, p) if j.verdict != SUPPORTED else []
            if other:  # another source's score for the year, or the session a calendar year ends, fits the figure
                fits = [(why, v) for why, v, ok in other if ok]
                if fits:
                    verdicts.append(SUPPORTED if fits[0][0].startswith("the published") else PARTLY)
                    parts.append(f"{name(country)}: {verdicts[-1]} ({label}: {fmt(value[partner], 'share')} with "
                                 f"{name(partner)} in {year}, {j.verdict}; {fits[0][0]}: {fmt(fits[0][1], 'share')})")
                    observed.append(Observation(value[partner], "share", label, year, country, partner))
                    continue
            verdicts.append(j.verdict)
            observed.append(Observation(value[partner], "share", label, year, country, partner))
            arithmetic.append(f"{name(country)}–{name(partner)} {year}: {fmt(value[partner], 'share')}; claimed "
                              f"{hedged(p.value, 'share', p.hedge)} → accepted "
                              f"{tol.describe(j.low, j.high, lambda x: fmt(x, 'share'))}")
            parts.append(f"{name(country)}: {j.verdict} ({label}: {fmt(value[partner], 'share')} with "
                         f"{name(partner)} in {year})")
            continue
        a, b = p.partner[0], p.rival[0]
        if a not in value or b not in value:
            verdicts.append(UNVERIFIABLE)
            parts.append(f"{name(country)}: agreement is held with China and Russia only")
            continue
        lead = leader(value[a], value[b], "share", (a, b))
        outcome = SUPPORTED if lead == a else PARTLY if lead == NO_CLEAR_LEAD else CONTRADICTED
        verdicts.append(outcome)
        observed += [Observation(value[a], "share", label, year, country, a),
                     Observation(value[b], "share", label, year, country, b)]
        parts.append(f"{name(country)} {year}: {name(a)} {fmt(value[a], 'share')} vs {name(b)} "
                     f"{fmt(value[b], 'share')} → {'no clear lead' if lead == NO_CLEAR_LEAD else name(lead)}")
    return verdict(claim, combine(verdicts), "; ".join(parts) or "no countries", observed, arithmetic, calls)


def _other_readings(rows, partner, year, source, p) -> list[tuple[str, float, bool]]:
    """The same agreement read otherwise: the other source's score for the year (computed from the roll calls, or
    published), and the session that closes in that calendar year (a session opens in September): (what, value,
    fits the claimed figure)."""
    out = []
    for why, at in (("the published score" if source.startswith("unvotes") else "the score computed from the roll "
                     "calls", rows[(rows["year"] == year) & (rows["source"] != source) & (rows["partner"] == partner)]),
                    (f"the session of {year - 1}-{str(year)[2:]}", rows[(rows["year"] == year - 1) &
                                                                         (rows["source"] == source) &
                                                                         (rows["partner"] == partner)])):
        for value in at["value"]:
            j = tol.judge(p.value, float(value), p.hedge, kind="share", half_unit=p.half_unit)
            out.append((why, float(value), j.verdict == SUPPORTED))
    return out


def judgevote_word(claim, ev, as_of: AsOf):
    """How named states voted on a roll call (absent = no recorded vote), and the tally the text states: the states'
    votes are the claim's core (a right tally does not rescue a wrong vote; a wrong tally makes a right one
    partly supported)."""
    p = claim.payload
    roll_calls = ev.roll_calls()
    if roll_calls.empty:
        return unverifiable(claim, "no UN roll calls in the pack")
    if p.body == "Security Council":
        return unverifiable(claim, "a Security Council vote: the pack holds the General Assembly's roll calls only")
    if p.body:  # a committee's vote on the draft: the plenary votes again, often with other counts and absentees
        return unverifiable(claim, f"a vote in the General Assembly's {p.body}: the pack holds the plenary's roll "
                                   f"calls only, and the plenary votes the draft again (other counts, other absentees)")
    tally = {k: getattr(p, k) for k in ("yes", "no", "abstain") if getattr(p, k) is not None}
    year = p.year or (as_of.article.year - (p.month > as_of.article.month) if p.month and as_of.article else None)
    found, why = find_roll_call(roll_calls, p.resolution, p.words, year, tally=tally, before=as_of.article)
    if found is None:
        return unverifiable(claim, why)
    year = int(found["year"])
    calls = [Call.load("un_roll_calls", year=year)]
    title = f"{found['unres']} ({found['date']}: {_title(found)})"
    verdicts, parts, observed, arithmetic = [], [], [], []
    if p.relation == "vote":
        votes = ev.votes(int(found["rcid"]))
        cast = {row.country: VOTE_CODES.get(int(row.vote), "?") for row in votes.itertuples(index=False)}
        held = ev.vote_countries()
        calls.insert(0, Call.load("un_votes"))
        wanted = cast.get(p.partner[0], "absent") if p.vote == "as" and p.partner else p.vote
        if p.vote == "as" and (not p.partner or p.partner[0] not in held):
            return unverifiable(claim, f"roll call {title}: the pack keeps no votes of {name(p.partner[0])}, so the "
                                       f"vote the states are said to share is not known")
        if p.vote == "as":
            parts.append(f"{name(p.partner[0])} voted {wanted}")
            if p.sided is not None and wanted in ("yes", "no", "abstain"):
                j = tol.judge(p.sided, int(found[wanted]) - 1, None, kind="level", half_unit=0.5)
                verdicts.append(j.verdict)
                arithmetic.append(f"states voting {wanted} besides {name(p.partner[0])}: {int(found[wanted]) - 1} "
                                  f"recorded, {p.sided} claimed ({j.verdict})")
        for country in expanded(p.country, ev, as_of.day):
            if country not in held:
                verdicts.append(UNVERIFIABLE)
                parts.append(f"{name(country)}: the pack keeps no votes of it (its own states, China and Russia only)")
                continue
            got = cast.get(country, "absent")
            verdicts.append(SUPPORTED if got == wanted else CONTRADICTED)
            parts.append(f"{name(country)}: {got}")
            observed.append(Observation(got, "text", label("unvotes"), year, country, note=title))
        parts[-1:] = [parts[-1] + f" (claimed {wanted})"] if parts else []
    outcome = combine(verdicts) if verdicts else None
    if tally and (p.tally_checked or p.relation == "tally") and not all(k in found for k in tally):
        parts.append("the pack's roll calls carry no tally (rebuild the pack)")
    elif tally and (p.tally_checked or p.relation == "tally"):
        counted = []
        for key, claimed in tally.items():
            j = tol.judge(claimed, int(found[key]), None, kind="level", half_unit=0.5)
            counted.append(j.verdict)
            arithmetic.append(f"{key}: {int(found[key])} recorded, {claimed} claimed ({j.verdict})")
        observed.append(Observation(f"{int(found['yes'])}-{int(found['no'])}, {int(found['abstain'])} abstentions",
                                    "text", label("unvotes"), year, note=title))
        parts.append(f"tally {int(found['yes'])} yes, {int(found['no'])} no, {int(found['abstain'])} abstentions")
        counted_outcome = combine(counted)
        outcome = counted_outcome if outcome is None or outcome == UNVERIFIABLE else \
            outcome if outcome == CONTRADICTED else combine([outcome, counted_outcome])
    reason = f"roll call {title}: " + "; ".join(parts)
    return verdict(claim, outcome or UNVERIFIABLE, reason, observed, arithmetic, calls)


def _title(row) -> str:
    """The roll call's readable title: the description that reads as a title (not an agenda heading in capitals)."""
    for key in ("descr", "short"):
        text = str(row.get(key) or "").strip()
        if text and not text.isupper() and not re.match(r"A/\d", text):
            return re.sub(r"\s*:\s*resolution\s*/.*$", "", text)[:160]
    return str(row.get("short") or row.get("descr") or "").strip()[:160]


__all__ = ["VotesClaim", "CONTRADICTED"]
