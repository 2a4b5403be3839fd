"""Which UN General Assembly roll call a claim means: a resolution symbol ('68/262', 'A/RES/68/262'), or the words of
its subject matched against the roll calls' two descriptions (a resolution's title is in one or the other), within
the year the text names (else on or before the article's date), the tally the text states breaking ties."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {"january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
           "december"}
_STOP = _MONTHS | {"resolution", "passed", "abstentions", "abstained", "countries", "states", "among", "including",
                   "along", "draft", "general", "assembly", "united", "nations", "which", "calling", "called", "that",
                   "with", "from", "this", "those", "these", "their", "about", "against", "favour", "favor",
                   "condemning", "condemned", "demanding", "demanded", "vote", "votes", "voted", "adopted", "over",
                   "into", "under", "year", "right", "rights", "human", "status", "situation", "question", "support",
                   "supporting", "deploring", "deplored", "upholding", "urging", "regarding", "concerning", "affirming",
                   "reaffirming", "recognising", "recognizing", "entitled", "titled", "motion", "text", "voting"}
# A subject is found when at least this share of its words (and at least two) are in a roll call's descriptions.
MIN_MATCH = 0.6


def keys_of(words: str | None) -> list[str]:
    """The content words of a subject, as six-letter stems ('Ukraine's territorial integrity' → ukrain, territ,
    integr)."""
    out = []
    for w in re.findall(r"[A-Za-z]{4,}", re.sub(r"['’]s\b", "", words or "")):
        stem = w.lower()[:6]
        if w.lower() not in _STOP and stem not in out:
            out.append(stem)
    return out


def _described(roll_calls):
    short = roll_calls["short"].fillna("") if "short" in roll_calls else ""
    descr = roll_calls["descr"].fillna("") if "descr" in roll_calls else ""
    return (short + " " + descr).str.lower()


# The descriptions of the last roll-call table seen, as a list by position (every vote claim searches them).
_described_last: tuple | None = None


def _descriptions(found, roll_calls) -> list[str]:
    """_described(found) for rows of roll_calls: each row's text taken from the whole table's, computed once."""
    global _described_last
    if not roll_calls.index.is_unique:
        return _described(found).tolist()
    last = _described_last
    if last is None or last[0] is not roll_calls:
        whole = _described(roll_calls)
        last = _described_last = (roll_calls, dict(zip(whole.index, whole.tolist())))
    return [last[1][i] for i in found.index]


def find_roll_call(roll_calls, symbol: str | None, words: str | None, year: int | None, *,
                   tally: dict | None = None, before: dt.date | None = None):
    """(the roll call row, '') or (None, why). Found once per roll-call table and question (a long text asks the
    same ones many times); the row is shared: read it, never change it."""
    from .frame_memo import per_frame

    key = ("roll call", symbol, words, year, tuple((tally or {}).items()), before)
    return per_frame(roll_calls, key, lambda: _find_roll_call(roll_calls, symbol, words, year, tally=tally,
                                                              before=before))


def _find_roll_call(roll_calls, symbol: str | None, words: str | None, year: int | None, *,
                    tally: dict | None = None, before: dt.date | None = None):
    last_session, last_year = int(roll_calls["session"].max()), int(roll_calls["year"].max())
    if symbol:
        session, _, number = symbol.partition("/")
        if session.startswith("ES-") or int(session) > last_session:
            return None, f"resolution {symbol} is not in the roll calls the pack holds (they end with session " \
                         f"{last_session}, {last_year})"
        rows = roll_calls[roll_calls["unres"].fillna("").str.upper().str.endswith(f"/{session}/{number}".upper())]
        if rows.empty:
            return None, f"no roll call on resolution {symbol} in session {session} (a resolution adopted " \
                         "without a vote has none)"
        return rows.iloc[0], ""
    if year and year > last_year:
        return None, f"the roll calls the pack holds end with session {last_session} ({last_year}); the vote of " \
                     f"{year} is not among them"
    keys = keys_of(words)
    if not keys:
        return None, "the resolution is not named (give its symbol, e.g. 68/262, or its subject)"
    found = roll_calls
    if year:
        found = found[found["year"] == year]
    elif before is not None:
        found = found[[_day(d) <= before for d in found["date"]]]
        if found.empty:
            return None, f"no roll call on or before {before.isoformat()} in the pack"
    text = _descriptions(found, roll_calls)
    hits = [sum(1 for k in keys if k in t) for t in text]
    # two or more stated counts identify a vote (one count alone is a detail of it, checked as such)
    counted = bool(tally) and len(tally) >= 2 and all(k in found for k in tally)
    if counted:  # a tally all but names the vote: the one roll call with it and some of the words
        # a row is built only where a word matched (iterrows built every roll call's row: 0.1 s a claim)
        counts = {k: found[k].tolist() for k in tally}  # (found.iloc[i] built a row per roll call: 0.01 s a claim)
        same = [h >= 1 and _same_tally({k: counts[k][i] for k in tally}, tally) for i, h in enumerate(hits)]
        if sum(same) == 1:
            return found[same].iloc[0], ""
        if sum(same) > 1:  # several within 2 votes (e.g. yearly resolutions on one subject)
            row = _nearest(found, same, hits, keys, tally)
            if row is not None:
                return row, ""
    best = max(hits, default=0)
    if best < _enough(keys):
        where = f" in {year}" if year else ""
        return None, f"no roll call{where} matches '{' '.join(keys)}' (the pack's roll calls end in {last_year})"
    hit = found[[h == best for h in hits]]
    if counted:  # the tally the text states identifies the vote: a roll call by topic with another is another vote
        same = hit[[_same_tally(row, tally) for _, row in hit.iterrows()]]
        if same.empty:  # a misreported count leaves the others right; none right is another vote
            same = hit[[_same_tally(row, tally, every=False) for _, row in hit.iterrows()]]
        if same.empty:
            near = hit.iloc[-1]
            return None, f"no roll call in the data matches '{' '.join(keys)}' with the stated tally " \
                         f"({_tally_text(tally)}): the nearest by subject, {near['unres']} of {near['date']}, was " \
                         f"{int(near['yes'])}-{int(near['no'])}-{int(near['abstain'])}, so it is another vote"
        hit = same
    if len(hit) > 1 and not year and before is not None:
        days = [_day(d) for d in hit["date"]]
        hit = hit[[d == max(days) for d in days]]  # the latest vote on the subject before the article
    if len(hit["unres"].fillna("").unique()) > 1:
        return None, f"{len(hit)} roll calls match '{' '.join(keys)}': name the resolution or its year (e.g. " \
                     f"{hit.iloc[0]['unres']}, {hit.iloc[-1]['unres']})"
    return hit.iloc[-1], ""


def _nearest(found, same: list[bool], hits: list[int], keys: list[str], tally: dict):
    """Of several roll calls within 2 votes of a tally, the one whose tally the text states exactly, or else the
    nearest of those its words name (a single shared word names no subject: the nearest tally among unrelated votes
    identifies none); None when no one stands alone."""
    for pick in (same, [s and h >= _enough(keys) for s, h in zip(same, hits)]):
        rows = found[pick]
        gaps = [sum(abs(int(row[k]) - v) for k, v in tally.items()) for _, row in rows.iterrows()]
        if gaps and gaps.count(min(gaps)) == 1 and (min(gaps) == 0 or pick is not same):
            return rows.iloc[gaps.index(min(gaps))]
    return None


def _enough(keys: list[str]) -> float:
    """The word hits that name a subject: at least MIN_MATCH of its words, and at least two."""
    return max(min(2, len(keys)), MIN_MATCH * len(keys))


def _same_tally(row, tally: dict, every: bool = True) -> bool:
    """Every stated count (or, every=False, at least one) matches the roll call's, within 2 votes (reports differ by
    a late change of vote)."""
    return (all if every else any)(abs(int(row[k]) - v) <= 2 for k, v in tally.items())


def _tally_text(tally: dict) -> str:
    return ", ".join(f"{v} {k}" for k, v in tally.items())


def _day(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
