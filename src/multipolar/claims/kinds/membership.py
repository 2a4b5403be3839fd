"""Claim kind `membership`: membership history ('Iran joined in 2023', 'Belarus became an observer state in 2015',
'joined as a full member at the summit in Astana', 'Belarus is the latest new member', 'Turkmenistan has never
joined', 'the SCO now has 10 members', 'the Shanghai Five was founded by China, Russia, ...'), judged on the
curated memberships registry (multipolar.memberships) and the summits list."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from ..judging.common import combine, unverifiable, verdict
from ..model import CONTRADICTED, PARTLY, SUPPORTED, UNVERIFIABLE, AsOf, Call, Observation
from ..payloads import Payload
from ..reading.entities import ORG_NAMES, name, names, organization_patterns
from ..reading.memberships import SUSPENDED, UNDATED, read_memberships
from ..judging.sources import label
from ..registry import register_kind


@dataclass(frozen=True, kw_only=True)
class MembershipClaim(Payload):
    """relation: joined, rejoined, left, latest, never, not member, member, observer, dialogue partner, count,
    expanded, founders; with the organization, countries, role, date parts, ordinal ('its tenth member'), count (and
    the states it lists), base year, or the city of the summit at which a state joined (for a count: the summit at
    whose time it is stated)."""

    relation: str
    org: str
    country: tuple[str, ...] = ()
    role: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    ordinal: int | None = None
    count: int | None = None
    base_year: int | None = None
    city: str | None = None
    listed: tuple[str, ...] = ()  # the states a count names in brackets ('four observers (A, B, C and D)')
    note: str | None = None


@register_kind("membership", payload=MembershipClaim, order=10, title="Membership history",
               examples=("Uzbekistan joined the SCO in 2001.", "Mongolia was granted observer status in the SCO in 2004.",
                         "Iran was admitted as a full member at the summit in New Delhi.",
                         "The Shanghai Five was created by Tajikistan, Kyrgyzstan, Kazakhstan, Russia and China."))
class Membership:
    def read(r) -> None:
        read_memberships(r)

    def judge(claim, evidence, as_of):
        return judge_membership(claim, evidence, as_of)


def org_name(org: str) -> str:
    return ORG_NAMES.get(org, org)


def predecessor(org: str, ev) -> str | None:
    """The organization or treaty the registry records as org's predecessor (its note: 'the basis of the CSTO',
    'replaced by the EAEU', 'became the SCO'; or org's own note: 'successor of the Shanghai Five')."""
    own = str((ev.organization(org) or {}).get("note") or "")
    for other in sorted({code for _, code in organization_patterns()}):
        record = ev.organization(other) if other != org else None
        if not record:
            continue
        note = str(record.get("note") or "")
        if re.search(rf"\b(?:basis\s+of|replaced\s+by|became|transformed\s+into)\s+the\s+{re.escape(org)}\b", note) or \
                re.search(rf"\bsuccessor\s+of\s+(?:the\s+)?{re.escape(str(record.get('name') or other))}\b", own):
            return other
    return None


def judge_membership(claim, ev, as_of: AsOf):
    p = claim.payload
    tl = ev.timeline(p.org)
    if tl.empty:
        return unverifiable(claim, f"no membership records for {org_name(p.org)}")
    on = as_of.day
    src = f"{label('multipolar_registry')} ({org_name(p.org)})"
    before = predecessor(p.org, ev) if p.relation in ("joined", "left", "rejoined", "froze") else None
    merged = None
    history = ev.timeline(before) if before else None
    founded = (ev.organization(p.org) or {}).get("founded")
    if history is not None and not history.empty and (p.relation == "rejoined" or (
            p.year and founded is not None and (p.year < founded.year or
                                                p.year == founded.year and p.relation != "joined"))):
        # a departure before the organization existed, or a return after leaving its predecessor: the records of
        # both, in order ('left the CSTO in 1999' is the treaty's record; the registry keeps the two apart)
        history = history.copy()
        if founded is not None:  # a membership ending when the successor began continued in it: not a departure
            history["end"] = [None if e is not None and not pd.isna(e) and e >= founded else e
                              for e in history["end"]]
        tl = pd.concat([history, tl], ignore_index=True).sort_values("start", kind="stable").reset_index(drop=True)
        called = ORG_NAMES.get(before) or f"the {(ev.organization(before) or {}).get('name') or before}"
        merged = f"with the records of {called}, its predecessor, before " \
                 f"{founded.isoformat() if founded else 'it'}"
        src += f" {merged}"
    calls = [Call.load("memberships", country=list(p.country) or None)]
    handler = {"joined": _joined, "latest": _latest, "never": _never, "not member": _never, "count": _count,
               "expanded": _expanded, "founders": _founders, "founder": _founders, "left": _left,
               "rejoined": _rejoined}.get(p.relation)
    if p.relation in ("member", "observer", "dialogue partner"):
        handler = _role if as_of.article is not None else _role_undated
    if p.relation == "froze" and _left(p, ev, tl, on, src)[0] == SUPPORTED:
        outcome, reason, observed, arithmetic = _left(p, ev, tl, on, src)  # the registry ends the membership then
        return verdict(claim, outcome, reason + " (the registry ends the membership then)", observed, arithmetic,
                       calls)
    if p.relation == "froze":  # a state that freezes its participation stays a member until it withdraws
        status = [f"{name(c)}: {(ev.status(c, p.org, on) or 'no role').replace('_', ' ')} on {on.isoformat()}"
                  for c in p.country]
        notes = [str(n) for n in tl[tl["country"].isin(p.country)].get("note", []) if isinstance(n, str)]
        return unverifiable(claim, f"a frozen or suspended participation is not a change of membership the registry "
                                   f"records: {'; '.join(status)}" + (f" ({notes[-1][:160]})" if notes else ""),
                            calls=calls)
    if handler is None:
        return unverifiable(claim, f"membership relation '{p.relation}' is not checked")
    outcome, reason, observed, arithmetic = handler(p, ev, tl, on, src)
    if outcome == PARTLY and p.relation in ("joined", "left", "rejoined") and p.month and not p.day:
        reason = f"one date off: the year {p.year} holds, the month ({dt.date(2000, p.month, 1):%B}) does not; {reason}"
    if p.note:
        reason = f"{reason} ({p.note})"
    if merged:
        reason = f"{reason} ({merged})"
    if p.relation == "left" and outcome != SUPPORTED:  # what the registry says instead ('froze its participation')
        notes = [str(n) for n in tl[tl["country"].isin(p.country)].get("note", []) if isinstance(n, str) and n]
        reason += f"; registry note: {notes[-1][:200]}" if notes else ""
    return verdict(claim, outcome, reason, observed, arithmetic, calls)


def _joined(p, ev, tl, on, src):
    verdicts, parts, observed = [], [], []
    role = (p.role or "member").replace(" ", "_")
    summit = None
    if p.city and p.org != "SCO" and not p.year:  # the pack's summit list is the SCO's: never another's by its city
        return UNVERIFIABLE, f"the pack lists SCO summits only: the date of the {org_name(p.org)} summit in {p.city} " \
                             "is not held", [], []
    if p.city and p.org == "SCO":
        frame = ev.summits()
        rows = frame[frame["host_city"].str.startswith(p.city)] if not frame.empty else frame
        if p.year and not rows.empty:  # "at the 2005 Astana summit": that year's summit in that city
            rows = rows[rows["year"] == p.year]
        if rows.empty:
            return UNVERIFIABLE, f"no SCO summit in {p.city}{' in ' + str(p.year) if p.year else ''} is recorded", [], []
        summit = list(rows["date"])
    for country in p.country:
        rows = tl[(tl["country"] == country) & (tl["role"] == role)]
        if rows.empty:
            roles = tl[tl["country"] == country]
            noted = [n for n in roles.get("note", []) if isinstance(n, str) and role.split("_")[-1] in n.lower()]
            if noted:  # the registry's own note records the claimed role as reported: its doubt, not a refutation
                verdicts.append(UNVERIFIABLE)
                parts.append(f"{name(country)}: the registry records no {role.replace('_', ' ')} role, and notes: "
                             f"{noted[-1][:160]}")
                continue
            verdicts.append(CONTRADICTED)
            parts.append(f"{name(country)} has never been {role.replace('_', ' ')} of {org_name(p.org)}" +
                         (f" (roles: {', '.join(sorted(set(roles['role'])))})" if not roles.empty else ""))
            continue
        starts = list(rows["start"])
        if summit is not None:
            ok = any(start in summit for start in starts)
            where = f"; the summits in {p.city}: {', '.join(d.isoformat() for d in summit)}"
        else:
            ok = _date_verdict(starts, p) == SUPPORTED
            where = ""
        start = next((x for x in starts if (x in summit if summit is not None else _same_date(x, p))), starts[0])
        verdicts.append(SUPPORTED if ok else _date_verdict(starts, p) if summit is None else CONTRADICTED)
        observed.append(Observation(start.isoformat(), "date", src, start.year, country,
                                    note=str(rows.iloc[0].get("citation") or "")[:200] or None))
        parts.append(f"{name(country)} became {role.replace('_', ' ')} on {start.isoformat()}{where}")
    if p.ordinal and len(p.country) == 1:
        rows = tl[(tl["country"] == p.country[0]) & (tl["role"] == role)]
        if not rows.empty:
            start = rows.iloc[0]["start"]
            n = len(set(tl[(tl["role"] == role) & (tl["start"] <= start)]["country"]))
            parts.append(f"it was {role.replace('_', ' ')} number {n} (claimed {p.ordinal})")
            # the date is the claim's core: a right ordinal does not rescue a wrong date
            if verdicts[0] == SUPPORTED and n != p.ordinal:
                verdicts.append(CONTRADICTED)
    return combine(verdicts), "; ".join(parts), observed, []


def _same_date(day, p) -> bool:
    return day.year == p.year and (not p.month or day.month == p.month) and (not p.day or day.day == p.day)


def _date_verdict(days, p) -> str:
    """A date against the registry's: the same date supported; a month given without a day that is off within the
    right year partly supported (one date off: the month may be another act's, a ratification or entry into force);
    a wrong day, or another year, contradicted."""
    if any(_same_date(d, p) for d in days):
        return SUPPORTED
    return PARTLY if _month_off(days, p) else CONTRADICTED


def _month_off(days, p) -> bool:
    return bool(p.month) and not getattr(p, "day", None) and any(d.year == p.year for d in days)


def _rejoined(p, ev, tl, on, src):
    """A return after leaving: a membership that starts after an earlier one ended, at the stated date."""
    verdicts, parts, observed = [], [], []
    for country in p.country:
        rows = tl[(tl["country"] == country) & (tl["role"] == "member")].sort_values("start")
        ends = [d for d in rows["end"] if d is not None]
        returns = [d for d in rows["start"] if any(e <= d for e in ends)]
        verdicts.append(_date_verdict(returns, p))
        history = ", ".join(f"member {a.isoformat()} to {b.isoformat() if b else 'now'}" for a, b in
                            zip(rows["start"], rows["end"])) or "no membership recorded"
        parts.append(f"{name(country)} in {org_name(p.org)}: {history}" +
                     ("" if returns else "; no return after leaving"))
        observed += [Observation(d.isoformat(), "date", src, d.year, country) for d in returns]
    return combine(verdicts), "; ".join(parts), observed, []


def _latest(p, ev, tl, on, src):
    members = tl[(tl["role"] == "member") & (tl["start"] <= on)]
    if members.empty:
        return UNVERIFIABLE, "no members recorded", [], []
    last = members.sort_values("start").iloc[-1]
    ok = last["country"] == p.country[0]
    return (SUPPORTED if ok else CONTRADICTED,
            f"the latest member of {org_name(p.org)} as of {on.isoformat()} is {name(last['country'])} "
            f"(joined {last['start'].isoformat()})",
            [Observation(last["country"], "country", src, last["start"].year, note=last["start"].isoformat())], [])


def _never(p, ev, tl, on, src):
    country = p.country[0]
    rows = tl[(tl["country"] == country) & (tl["role"] == "member")]
    if p.relation == "never":
        ok = rows.empty
        other = tl[tl["country"] == country]
        detail = "no membership recorded" if ok else f"member since {rows.iloc[0]['start'].isoformat()}"
        if ok and not other.empty:
            detail += f" (other roles: {', '.join(sorted(set(other['role'])))})"
    else:
        role = ev.status(country, p.org, on)
        ok = role != "member"
        detail = f"status on {on.isoformat()}: {role or 'none'}"
    return (SUPPORTED if ok else CONTRADICTED, f"{name(country)} in {org_name(p.org)}: {detail}",
            [Observation(detail, "text", src, None, country)], [])


def _role(p, ev, tl, on, src):
    verdicts, parts, observed = [], [], []
    when = p.year or on  # a year: the latest role held during it
    for country in p.country:
        role = ev.status(country, p.org, when)
        ok = role == p.relation.replace(" ", "_")
        verdicts.append(SUPPORTED if ok else CONTRADICTED)
        parts.append(f"{name(country)}: {(role or 'no role').replace('_', ' ')} of {org_name(p.org)} "
                     f"{'in ' + str(when) if p.year else 'on ' + on.isoformat()}")
        observed.append(Observation(role or "none", "text", src, p.year or on.year, country))
    return combine(verdicts), "; ".join(parts), observed, []


def _role_undated(p, ev, tl, on, src):
    """A role said in the present tense of an article whose date is not given: judged on the latest records, but a
    state that held the role before and has since changed it is not known to contradict (the article may predate the
    change): unverifiable for that state, with when it held the role."""
    outcome, reason, observed, arithmetic = _role(p, ev, tl, on, src)
    if p.year or outcome == SUPPORTED:
        return outcome, reason, observed, arithmetic
    role, verdicts, notes = p.relation.replace(" ", "_"), [], []
    for country in p.country:
        rows = tl[(tl["country"] == country) & (tl["role"] == role)] if "role" in tl else tl.iloc[0:0]
        if ev.status(country, p.org, on) == role:
            verdicts.append(SUPPORTED)
        elif not rows.empty:
            verdicts.append(UNVERIFIABLE)
            row = rows.iloc[-1]
            notes.append(f"{name(country)} was {p.relation} from {row['start']} to {row.get('end')}")
        else:
            verdicts.append(CONTRADICTED)
    if notes:
        reason += "; " + "; ".join(notes) + " (no article date given: the statement may predate the change)"
    return combine(verdicts), reason, observed, arithmetic


def _count(p, ev, tl, on, src):
    when = ""
    if p.city:  # "at the time of the summit in Dushanbe": that summit's date
        frame = ev.summits()
        rows = frame[frame["host_city"].str.startswith(p.city) & (frame["date"] <= on)] if not frame.empty else frame
        if rows.empty:
            return UNVERIFIABLE, f"no summit in {p.city} recorded by {on.isoformat()}", [], []
        on, when = rows.iloc[-1]["date"], f" (the summit in {p.city})"
    elif p.year and p.year <= on.year:
        on, when = min(on, dt.date(p.year, 12, 31)), f" (the end of {p.year})"
    if not p.country:
        role = (p.role or "member").replace(" ", "_")
        held = ev.members(p.org, on, (role,))
        verdicts = [SUPPORTED if len(held) == p.count else CONTRADICTED]
        detail = f"{org_name(p.org)} had {len(held)} {role.replace('_', ' ')}s on {on.isoformat()}{when}: {names(held)}"
        if p.listed:
            extra, missing = sorted(set(p.listed) - set(held)), sorted(set(held) - set(p.listed))
            verdicts.append(SUPPORTED if not extra and not missing else PARTLY if set(p.listed) & set(held)
                            else CONTRADICTED)
            detail += (f"; named but not {role.replace('_', ' ')}s then: {names(extra)}" if extra else "") + \
                (f"; left unnamed: {names(missing)}" if missing else "")
        return (combine(verdicts), detail, [Observation(len(held), "count", src, on.year)],
                [f"{' + '.join(held)} = {len(held)}"])
    group = [c for code in p.country for c in ev.expand(code, on)]
    members = set(ev.members(p.org, on))
    inside = [c for c in group if c in members]
    return (SUPPORTED if len(inside) == p.count else CONTRADICTED,
            f"{len(inside)} of {len(group)} are members of {org_name(p.org)} on {on.isoformat()}: {names(inside)}",
            [Observation(len(inside), "count", src, on.year)], [f"{' + '.join(inside)} = {len(inside)}"])


def _expanded(p, ev, tl, on, src):
    base = int(p.base_year)
    before, now = ev.members(p.org, base), ev.members(p.org, on)
    return (SUPPORTED if len(now) > len(before) else CONTRADICTED,
            f"{org_name(p.org)} had {len(before)} members in {base} and {len(now)} on {on.isoformat()}",
            [Observation(len(before), "count", src, base), Observation(len(now), "count", src, on.year)],
            [f"{base}: {', '.join(before)}", f"{on.isoformat()}: {', '.join(now)}"])


def _left(p, ev, tl, on, src):
    verdicts, parts, observed = [], [], []
    for country in p.country:
        rows = tl[(tl["country"] == country) & tl["end"].notna()]
        ends = sorted(d for d in rows["end"] if d is not None)
        # an organization's suspension is dated at its decision; the registry may end the membership at the state's
        # request months earlier in the same year: the year decides, and the registry's date is shown
        ok = any(d.year == p.year and (not p.month or d.month == p.month or p.note == SUSPENDED) for d in ends)
        if p.note == UNDATED:  # "has left" without a date: left on or before the article's date (its year read)
            ok = any(d <= on for d in ends)
        verdicts.append(SUPPORTED if ok else PARTLY if _month_off(ends, p) and p.note != UNDATED
                        else CONTRADICTED)
        parts.append(f"{name(country)}: " + (", ".join(f"left on {d.isoformat()}" for d in ends) or "never left"))
        observed += [Observation(d.isoformat(), "date", src, d.year, country) for d in ends]
    if p.ordinal and len(p.country) == 1 and verdicts[0] == SUPPORTED:  # 'the first state to leave'
        verdicts[0], order = _leaving_order(tl, p.country[0], p.ordinal)
        parts.append(order)
    return combine(verdicts), "; ".join(parts), observed, []


def _leaving_order(tl, country: str, ordinal: int) -> tuple[str, str]:
    """A state's rank among those that left the organization, by the date each first left (never a contradiction:
    a departure the registry dates differently may reorder them, so a wrong rank makes the claim partly right)."""
    # a role's end followed the same day by another role (a member becoming an associate) is not a departure
    starts = {(c, d) for c, d in zip(tl["country"], tl["start"]) if d is not None}
    ended = tl[tl["end"].notna()]
    left = {}
    for c, d in zip(ended["country"], ended["end"]):
        if (c, d) not in starts and (c not in left or d < left[c]):
            left[c] = d
    gone = pd.Series(left, dtype=object).sort_values()
    order = list(gone.index)
    n = order.index(country) + 1 if country in order else None
    listed = ", ".join(f"{name(c)} ({gone[c].isoformat()})" for c in order[:max(3, ordinal)])
    if n == ordinal:
        return SUPPORTED, f"it was number {n} to leave ({listed})"
    return PARTLY, f"it was number {n} to leave, not {ordinal} ({listed})"


def _founders(p, ev, tl, on, src):
    members = tl[tl["role"] == "member"]
    if members.empty:
        return UNVERIFIABLE, "no members recorded", [], []
    first = members["start"].min()
    founders = sorted(set(members[members["start"] == first]["country"]))
    claimed = sorted(set(p.country))
    extra, missing = sorted(set(claimed) - set(founders)), sorted(set(founders) - set(claimed))
    if p.relation == "founder":  # "one of the founding members": each named state among them
        missing = []
    ok = not extra and not missing
    detail = f"the founding members of {org_name(p.org)} ({first.isoformat()}): {names(founders)}"
    if not ok:
        detail += (f"; not founders: {names(extra)}" if extra else "") + (f"; left out: {names(missing)}"
                                                                         if missing else "")
    outcome = SUPPORTED if ok else (CONTRADICTED if extra else "partly supported")
    return outcome, detail, [Observation(", ".join(founders), "text", src, first.year)], []
