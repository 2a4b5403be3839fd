"""The checker's loop: read every sentence with every claim kind in order, list what was not checked, judge each
claim through the Evidence, and return one CheckResult."""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import hashlib
import datetime as dt
import re

from .model import AsOf, CheckResult, Claim, Unchecked
from .reading.entities import CAPITALS, CITIES, ORG_NAMES, name
from .reading.numbers import MONEY_RE, MULTIPLE_RE, PERCENT_RE, TIMES_NUM
from .reading.sentence import Context, Reading, update_context
from .reading.sentences import is_candidate, sentences, triggers
from .registry import kinds

# A figure in a sentence: money, a percentage, a multiple, a number with a scale word, or a fraction of something.
FIGURE = re.compile(re.sub(r"\(\?P<\w+>", "(?:", f"{MONEY_RE.pattern}|{PERCENT_RE.pattern}|{MULTIPLE_RE.pattern}")
                    + r"|\b\d[\d,.]*\s*(?:billion|million|trillion|bn|mn|tonnes|tons|barrels|cubic)\b"
                    + r"|\b(?:a|one|two|three)[- ](?:half|third|thirds|quarter|quarters|fifth|tenth)\s+of\b"
                    + rf"|\b{TIMES_NUM}\s+times\b", re.IGNORECASE)
RANK_WORD = re.compile(r"\b(?:largest|biggest|smallest|main|top|leading|first place|\w+-largest|\w+-biggest|number one|"
                       r"No\. 1|poorest|richest|wealthiest|highest|lowest|most populous|least populous|(?:second|third|fourth|"
                       r"fifth|\d+(?:st|nd|rd|th))[- ]\w+est)\b", re.IGNORECASE)


# A progress report is sent every this many sentences or claims (and at the end).
PROGRESS_EVERY = 25


# Texts of at most this many characters read with a memo leave in it the reading's state after each sentence.
MEMO_TEXT = 20_000


def read_text(text: str, date: dt.date | None, progress=None, memo=None) -> tuple[list[Claim], list[Unchecked]]:
    """Every typed claim in text (in order of position) and the sentences with checkable content that gave none.
    progress(step, done, total): told how many sentences are read. memo: a mapping kept between calls (the API's):
    the state after each sentence of a short text is kept in it, and a text that begins with the same sentences
    (the same characters, split the same way, the same date) goes on from there instead of reading them again."""
    ctx = Context(date=date)
    claims: list[Claim] = []
    unchecked: list[Unchecked] = []
    registered = kinds()
    found_sentences = sentences(text)
    keys = _prefix_keys(text, date, found_sentences) if memo is not None and len(text) <= MEMO_TEXT else None
    first = 0
    for i in reversed(range(len(keys or ()))):
        state = memo.get(keys[i])
        if state is not None:
            ctx, claims, unchecked = copy.deepcopy(state[0]), list(state[1]), list(state[2])
            first = i + 1
            break
    for i in range(first, len(found_sentences)):
        sentence = found_sentences[i]
        if progress and i % PROGRESS_EVERY == 0:
            progress("reading sentences", i, len(found_sentences))
        found = triggers(sentence.text)
        r = Reading(sentence, ctx, found)
        if is_candidate(sentence.text, found):
            for kind in registered:
                kind.read(r)
            claims.extend(r.claims)
        unchecked.extend(_unchecked(r))
        update_context(r)
        if keys:
            memo[keys[i]] = (copy.deepcopy(ctx), tuple(claims), tuple(unchecked))
    claims.sort(key=lambda c: (c.span[0], c.span[1]))
    if progress:
        progress("reading sentences", len(found_sentences), len(found_sentences))
    return claims, unchecked

# A capital named as a place ('in Astana and Beijing', 'from Moscow'), not standing for its state.
_PLACE = re.compile(r"\b(?:in|at|to|from|near|via|between|of|outside|inside)\s+(?:[A-Z][\w-]+\s+(?:and|or)\s+)?$")


def _prefix_keys(text: str, date: dt.date | None, found: list) -> list[tuple]:
    """For each sentence, a key of everything its reading state depends on: the date, the text up to its end and
    how that text was split into sentences (spans, paragraph starts)."""
    digest = hashlib.sha256(repr(date).encode())
    keys, done = [], 0
    for s in found:
        digest.update(text[done:s.end].encode("utf-8", "surrogatepass"))
        digest.update(repr((s.start, s.end, s.paragraph_start)).encode())
        done = s.end
        keys.append(("read sentences", digest.copy().digest()))
    return keys


def _unchecked(r: Reading) -> list[Unchecked]:
    """What in a sentence has checkable content but no claim: the whole sentence when it gave none (whatever made it
    checkable: a figure, a rank word, two states — capitals standing for theirs — or an institution), else each figure
    and each rank word outside every claim's span."""
    figures = [m for m in FIGURE.finditer(r.text)]
    states = {m.code for m in r.mentions if m.kind == "country" and not m.pronoun}
    states |= {CITIES[m.code] for m in r.mentions if m.kind == "city" and m.code in CAPITALS
               and not _PLACE.search(r.text[:m.start])}  # 'Moscow keeps an edge', never 'met in Moscow'
    countries = sorted(states)
    orgs = sorted({m.code for m in r.mentions if m.kind == "org"})
    ranks = RANK_WORD.search(r.text)
    start, end = r.s.start, r.s.end
    if not r.claims:
        reasons = []
        if figures:
            reasons.append(f"a figure ('{figures[0].group(0).strip()}') no reader recognised as a statistic the data "
                           "cover")
        if ranks:
            reasons.append(f"a rank word ('{ranks.group(0)}') without a measure, a ranked state and a group the checker "
                           "reads together" if countries or r.ctx.focus else
                           f"a rank word ('{ranks.group(0)}') about something that is not a state the data rank")
        if len(countries) >= 2 and not reasons:
            reasons.append(f"names {', '.join(name(c) for c in countries[:4])} but states no relation the checker "
                           "reads (trade, rank, share, arms, votes, finance, membership)")
        if orgs and not reasons:
            reasons.append(f"names {', '.join(ORG_NAMES.get(o, o) for o in orgs)} but states no membership, founding, "
                           "summit or declaration fact the checker reads")
        if not reasons:
            return []
        return [Unchecked(r.text, (start, end), "not checked: " + "; ".join(reasons))]
    out = []
    spans = [(c.span[0] - start, c.span[1] - start) for c in r.claims]
    leftovers = [(m, f"the figure '{m.group(0).strip()}'") for m in figures] + \
                [(m, f"the rank word '{m.group(0)}'") for m in RANK_WORD.finditer(r.text)]
    seen: set[tuple[int, int]] = set()
    for m, what in leftovers:
        if any(a <= m.start() < b or a < m.end() <= b for a, b in spans) or r.overlaps_used(m.start(), m.end()):
            continue
        c0, c1 = _clause(r.text, m.start())
        if what.startswith("the rank word") and (c0, c1) in seen:
            continue  # its clause is listed already
        seen.add((c0, c1))
        out.append(Unchecked(r.text[c0:c1], (start + c0, start + c1),
                             f"not checked: {what} in this sentence is outside every claim read from it"))
    return out


def _clause(text: str, pos: int) -> tuple[int, int]:
    from .reading.clauses import clause_bounds

    c0, c1 = clause_bounds(text, pos)
    while c0 < c1 and text[c0] in " ,;:(—–":
        c0 += 1
    while c1 > c0 and text[c1 - 1] in " ,;:)—–":
        c1 -= 1
    return c0, c1


def resolve_as_of(date: dt.date | None, evidence) -> AsOf:
    """The as-of date, once, at the boundary: the article's date, else the last date the pack's records know
    (memberships, summits), else the latest of the data's years — never the day the tool runs."""
    if date is not None:
        return AsOf(article=date, day=date)
    end = evidence.records_end()
    return AsOf(article=None, day=end or dt.date(2000, 1, 1))


def judge_all(claims: list[Claim], evidence, as_of: AsOf, progress=None, memo=None):
    """Each claim's verdict from its kind's judge (several claims share the indicators' tables: one batch).
    progress(step, done, total): told how many claims are judged. Identical claims (same kind, words, reading and
    as-of) are judged once: a judge sees nothing but the claim's payload and words, the evidence and the as-of date.
    memo: a mapping kept between calls with the same evidence (the API's), else one per call."""
    from .registry import get_kind

    memo = {} if memo is None else memo
    verdicts = []
    with evidence.batch() if len(claims) > 1 else contextlib.nullcontext():
        for i, c in enumerate(claims):
            if progress and i % PROGRESS_EVERY == 0:
                progress("judging claims", i, len(claims))
            key = (c.type, c.text, repr(c.payload), as_of)
            found = memo.get(key)
            if found is None:
                found = get_kind(c.type).judge(c, evidence, as_of)
                if getattr(found, "claim", None) is c:  # (a verdict about another claim is never reused)
                    memo[key] = found
                verdicts.append(found)
            else:
                verdicts.append(_same_verdict(found, c))
    if progress:
        progress("judging claims", len(claims), len(claims))
    return verdicts


def _same_verdict(verdict, claim: Claim):
    """verdict given to another claim of the same kind, words and reading (its own lists, its own span)."""
    return dataclasses.replace(verdict, claim=claim, observed=list(verdict.observed),
                               arithmetic=list(verdict.arithmetic), calls=list(verdict.calls))


def check(text: str, date: dt.date | None, evidence, progress=None, memo=None) -> CheckResult:
    """Read, judge and collect: the one result object (progress, memo: see `read_text` and `judge_all`)."""
    claims, unchecked = read_text(text, date, progress, memo)
    as_of = resolve_as_of(date, evidence)
    return CheckResult(date=date, claims=judge_all(claims, evidence, as_of, progress, memo), unchecked=unchecked)
