"""Claim kind `share`: a partner's share of a country's trade ('Russia makes up 17 percent of their total foreign
trade', 'China accounts for a quarter of the region's trade', 'more reliant on China than ever' read as China's
share at a record), judged on trade_share in the country's own view first."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging import tolerances as tol
from ..judging.attribution import Attribution, settle
from ..judging.common import combine, fmt, hedged, unverifiable, verdict
from ..judging.sources import order
from ..judging.trade import expanded, period_problem
from ..judging.years import common_article_date, target_year
from ..model import CONTRADICTED, PARTLY, SUPPORTED, UNVERIFIABLE, AsOf, Observation
from ..payloads import Figure, Period, TradeScope
from ..reading.clauses import clause_bounds, resolve_period, time_for
from ..reading.entities import name
from ..reading.frames import PERIOD_KEYS, basis_in, carry_period
from ..reading.numbers import YEAR, percent_at
from ..reading.share_parts import bracketed_amount, gapped_shares
from ..reading.shares import ARMS, ARMS_EXPORTS, ARMS_IMPORTS, OF_WHICH_VERB, PERCENT_SIGN, SIZE_WORDS
from ..reading.sentence import E, EL, GAP
from ..registry import register_kind

_SHARE_NUM = rf"(?:(?:only|just|merely|barely)\s+)?(?:(?:a\s+)?{SIZE_WORDS}\s+)?" \
             r"(?:(?:more than|over|nearly|almost|about|around|roughly|some|just over|just under|less than)\s+)?" \
             rf"(?:\d+(?:\.\d+)?\s?{PERCENT_SIGN}|(?:a|one|two|three)[- ](?:half|third|thirds|quarter|" \
             r"quarters|fifth|tenth)|half)"
# A subject with no state making up a share of a flow named with its partner ("devices made up 15% of A's exports to
# B"): the share is a product's, within that flow.
MADE_UP_BY = re.compile(r"(?:^|[,;]\s*|\b(?:in\s+\d{4},?\s+))(?P<what>[a-z][a-z\s-]{2,50}?)\s+(?:made\s+up|make\s+up|makes\s+up|"
                        r"accounted\s+for|accounts\s+for|account\s+for|represented|represents|comprised|constituted)\s+"
                        r"(?:about\s+|some\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$", re.IGNORECASE)
# A product named before the flow ("of A's oil and gas exports"): a share of a product's trade, which the data lack (arms:
# the arms kind's).
_PRODUCT = r"(?:oil|crude|petroleum|gas|coal|grain|wheat|cotton|gold|copper|metals?|energy|food|agricultural|" \
           r"machinery|electricity|fuel|uranium)(?:\s+(?:and|&)\s+[a-z][\w-]*)?(?:\s+products)?"
_WHAT = r"(?P<what>(?:international\s+|foreign\s+|external\s+)?trade(?:\s+turnover)?|turnover|exports|imports|" \
        r"trade volume|commercial turnover)"
PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    rf"(?:[Tt]rade\s+with\s+)?(?P<b>{E}(?:\s+and\s+{E})?)(?:,?\s+(?:which|that|who))?\s+(?:together\s+|combined\s+|jointly\s+|"
    rf"between\s+them\s+)?"
    rf"(?:(?:now|still|alone|already|typically|usually|generally|normally|traditionally|consistently|regularly|"
    rf"also)\s+)*(?:makes?\s+up|made\s+up|make\s+up|account\s+for|"
    rf"accounts?\s+for|accounted\s+for|accounting\s+for|represents?|represented|comprises?|constitutes?|took|"
    rf"takes|had|has|held|holds|was\s+responsible\s+for|is\s+responsible\s+for|supplied|supplies|supplying|"
    rf"provided|provides|providing|bought|buys|received|receives)\s+(?:(?:a\s+share\s+of|a|an)\s+)?"
    rf"(?P<num>{_SHARE_NUM})\s+(?:share\s+)?of\s+(?P<whose>{EL}|their|its|the\s+country['’]s|the\s+region['’]s|the)"
    rf"\s+(?:combined\s+|total\s+|overall\s+|entire\s+)?(?:foreign\s+|external\s+)?{_WHAT}",
    rf"[Tt]rade\s+with\s+(?P<b>{E})\s+(?:accounted|accounts|accounting|made\s+up|makes\s+up|represented|"
    rf"represents)\s+(?:for\s+)?(?P<num>{_SHARE_NUM})\s+of\s+(?P<whose>{EL})\s+(?:total\s+|overall\s+)?"
    rf"(?:foreign\s+|external\s+)?{_WHAT}",
    rf"(?P<b>{E})\s+share\s+(?:of|in)\s+(?P<whose>{EL})\s+(?:total\s+|overall\s+)?(?:foreign\s+|external\s+)?"
    rf"{_WHAT}(?:[^.;]|\.(?=\d)){{0,40}}?(?P<num>{_SHARE_NUM})",
    rf"(?P<num>{_SHARE_NUM})\s+of\s+(?P<whose>{EL})\s+(?:total\s+|overall\s+)?(?:foreign\s+|external\s+)?"
    rf"(?P<goods>{_PRODUCT}\s+)?{_WHAT}(?:\s+in\s+{YEAR})?\s+(?:\w+ly\s+)?(?:is\s+|was\s+|are\s+|were\s+|go\s+|went\s+|goes\s+|came\s+|comes\s+|come\s+|"
    rf"flows?\s+|flowed\s+|heads?\s+|headed\s+|(?:were|was)\s+(?:shipped|sold|sent|exported)\s+)?(?:with|to|from|(?:falls?|fell|fall)\s+on|(?:is|was)\s+accounted\s+"
    rf"for\s+by)\s+(?P<b>{E})",
    # "A's foreign trade came to $4.6 trillion, of which B accounted for 12% (and C for 16%)": B's share of A's trade
    rf"(?P<whose>{E}|the\s+country['’]s)\s+(?:total\s+|overall\s+)?(?:foreign\s+|external\s+)?{_WHAT}{GAP}{{0,80}}?,?\s+"
    rf"of\s+which\s+(?:the\s+)?(?P<b>{E})\s+(?:alone\s+)?{OF_WHICH_VERB}\s+(?:for\s+)?(?P<num>{_SHARE_NUM})",
)]
# "... from 30% in 2015 to 60% in 2023": a second share of the same partner, later.
TO_LATER = re.compile(rf"\s*,?\s*to\s+(?P<num>(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?"
                      rf"\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent))(?:\s+(?:in|by)\s+(?P<y>{YEAR}))?", re.IGNORECASE)
HABIT = re.compile(r"\b(?:typically|usually|generally|normally|traditionally|habitually|regularly|consistently|"
                   r"for (?:many|several) years|year after year|every year)\b", re.IGNORECASE)
# A habitual share is checked over this many recent years.
HABIT_YEARS = 5
RELIANCE = re.compile(rf"(?P<a>{E})\s+(?:is|has\s+become|became)\s+(?:now\s+)?(?:more|increasingly)\s+"
                      rf"(?:reliant|dependent)\s+(?:up)?on\s+(?P<b>{E})(?P<ever>\s+than\s+ever(?:\s+before)?)?")


@dataclass(frozen=True, kw_only=True)
class ShareClaim(TradeScope, Period, Figure):
    """A partner's share of a country's trade (value 0-1); record: 'than ever'; reading: how words were read."""

    record: bool = False
    reading: str | None = None
    habitual: bool = False  # "typically", "usually", "for years": true of the recent years, not of one


@register_kind("share", payload=ShareClaim, order=20, title="Share of a country's trade",
               examples=("Russia makes up 17 percent of Tajikistan's total foreign trade.",
                         "Mongolia is now more reliant on China than ever."))
class Share:
    def read(r) -> None:
        for pattern in PATTERNS:
            for m in pattern.finditer(r.masked):
                _share(r, m)
        for m in RELIANCE.finditer(r.masked):
            a, b = r.codes(m.start("a"), m.end("a")), r.codes(m.start("b"), m.end("b"))
            if not a or not b or not m.group("ever"):
                continue
            fields = {"country": a, "partner": b, "flow": "turnover", "unit": "share", "record": True,
                      "reading": "reliance read as the partner's share of the country's goods trade"}
            resolve_period(r, time_for(r, m.start()), fields, change=False)
            r.add("share", m.start(), m.end(), fields)
            r.take(m.start(), m.end())

    def judge(claim, evidence, as_of):
        return judge_share(claim, evidence, as_of)


def _share(r, m) -> None:
    if r.overlaps_used(m.start("num"), m.end("num")):
        return
    partner = r.codes(m.start("b"), m.end("b"))
    if any(r.in_reporter(x) for x in r.ents(m.start("b"), m.end("b"))):
        return
    whose_text = m.group("whose")
    if whose_text == "their":
        prior = [x for x in r.mentions if x.end <= m.start() and x.kind in ("country", "group")
                 and x.code not in partner and not x.pronoun]
        whose = list(dict.fromkeys(x.code for x in prior))
    elif re.match(r"the\s+country", whose_text, re.IGNORECASE):  # the state whose statistics are cited, else the subject
        cited = [c for c in r.reporter_codes if len(c) == 3 and c not in partner and c not in ("IMF", "EUU")]
        whose = cited[:1] if len(cited) == 1 else [r.ctx.focus] if r.ctx.focus and r.ctx.focus not in partner else []
    elif whose_text.lower().startswith("the") and not whose_text.startswith("⟨"):
        whose = []
    else:
        whose = r.codes(m.start("whose"), m.end("whose"))
    whose_mention = r.by_start.get(m.start("whose"))
    if whose_mention is not None and whose_mention.pronoun and set(whose) & set(partner):
        whose = [r.ctx.focus] if r.ctx.focus and r.ctx.focus not in partner else []
    partner_mention = r.by_start.get(m.start("b")) if m.group("b") else None
    if partner_mention is not None and partner_mention.pronoun and set(whose) & set(partner):
        # "A weighs little in B's trade: it makes up 0.5% of B's trade": "it" is the last other state named, not B
        subject = [x.code for x in r.mentions if x.end <= m.start("b") and x.kind == "country" and not x.pronoun]
        partner = [c for c in subject if c not in whose][-1:]
    pct = percent_at(r.text, m.start("num"), m.end("num"))
    if not partner or not whose or not pct:
        return
    what = m.group("what")
    if re.fullmatch(r"(?:total\s+)?imports", what.strip(), re.IGNORECASE) and \
            re.search(ARMS_IMPORTS, r.text[:m.start()]):
        return  # "... arms imports ..., and A's share of B's imports": the arms imports named before (an arms claim)
    if re.match(rf"\s+of\s+{ARMS}", r.text[m.end("what"):], re.IGNORECASE):
        return  # "A's imports of major arms": an arms claim
    if re.fullmatch(r"(?:total\s+)?exports", what.strip(), re.IGNORECASE) and \
            re.search(ARMS_EXPORTS, r.text[:m.start()]):
        return  # "A's arms exports fell ...; two thirds of its exports went to B": the arms exports named before
    flow = "export" if what.endswith("exports") else "import" if what.endswith("imports") else "turnover"
    goods = (m.groupdict().get("goods") or "").strip() or None
    made_up = None if m.groupdict().get("b") is None or m.start("b") < m.start("num") else \
        MADE_UP_BY.search(r.masked, max(0, m.start("num") - 80), m.start("num"))
    if made_up:  # "cars made up 11% of A's exports to B": a product's part of the flow, not B's share
        goods = made_up.group("what").strip()
    fields = {"country": whose, "partner": partner, "flow": flow, "value": pct.value, "unit": "share", "goods": goods,
              "hedge": pct.hedge, "half_unit": pct.half_unit, "basis": basis_in(r.text),
              "habitual": bool(HABIT.search(r.text, *clause_bounds(r.text, m.start("num"))))}
    if r.reporter:
        fields["reporter"] = r.reporter_codes
    resolve_period(r, time_for(r, m.start()), fields, change=False)
    if not any(fields.get(k) for k in PERIOD_KEYS):  # none in its clause: the period the sentence named before it
        earlier = [tm for tm in r.times if tm.end <= m.start() and (tm.kind in ("year", "month") and tm.year
                                                                     or tm.kind in ("partial", "fiscal"))]
        if earlier:
            resolve_period(r, earlier[-1:], fields, change=False)
            fields["period_note"] = f"the period named earlier in the sentence ('{earlier[-1].text.strip()}')"
        else:  # none in the sentence: the period of the trade figure the sentence before gave
            carry_period(r, fields, change=False)
    own = re.match(rf"\s+in\s+(?P<y>{YEAR})\b", r.text[pct.end:])
    then = TO_LATER.match(r.text, pct.end + (own.end() if own else 0))
    if own and then:  # "rose from 30% in 2015 to 60% in 2023": each share with its own year
        fields["year"] = int(own.group("y"))
    r.add("share", m.start(), m.end(), fields)
    r.take(pct.start, pct.end)
    bracketed_amount(r, fields, pct.end)
    gapped_shares(r, fields, m.end())
    if then:
        second = percent_at(r.text, then.start("num"), then.end("num"))
        if second is not None:
            later = dict(fields, value=second.value, hedge=second.hedge, half_unit=second.half_unit)
            if then.group("y"):
                later["year"] = int(then.group("y"))
            r.add("share", then.start("num"), then.end(), later)
            r.take(second.start, second.end)


def judge_share(claim, ev, as_of: AsOf):
    p = claim.payload
    countries, partners = expanded(p.country, ev, as_of.day), expanded(p.partner, ev, as_of.day)
    if p.partial and p.months and p.year and len(countries) == 1 and partners:
        from ..judging.monthly import judge_partial_share

        found = judge_partial_share(claim, ev, countries[0], partners)  # the same months, like with like
        if found is not None:
            return found
    problem = (f"a product category ('{p.goods}'): the pack holds all-goods trade totals only" if p.goods
               else period_problem("share", p))
    if problem:
        return unverifiable(claim, problem)
    if not partners or not countries:
        return unverifiable(claim, "the share's partner or country could not be resolved")
    if len(partners) > 1:
        return judge_combined(claim, ev, as_of, countries, partners)
    partner = partners[0]
    article = as_of.article
    if len(countries) > 1 and article is None:
        article = common_article_date(p.year, [{y for s in ev.share_series(c, partner, p.flow) for y in s.values}
                                               for c in countries])
    observed, arithmetic, parts, verdicts, calls = [], [], [], [], []
    for country in countries:
        series = order(ev.share_series(country, partner, p.flow), p.reporter, country, partner)
        own = [s for s in series if s.kind == "own"] or series
        year, why = target_year(p.year, {y for s in own for y in s.values}, article)
        results = []
        for s in own:
            if year is None or year not in s.values:
                continue
            v, extra = s.values[year], s.extra.get(year, {})
            arith = f"{s.label}: {fmt(extra.get('partner_value'), 'USD')} / {fmt(extra.get('total_value'), 'USD')}" \
                    f" = {fmt(v, 'share')} ({year})"
            if p.record:
                earlier = [y for y in s.years() if y < year]
                if len(earlier) < tol.RECORD_MIN_HISTORY:
                    continue
                peak = max(earlier, key=lambda y: s.values[y])
                ok = v > s.values[peak]
                results.append((s, SUPPORTED if ok else CONTRADICTED, year, v,
                                [arith, f"earlier peak {fmt(s.values[peak], 'share')} ({peak}) → "
                                        f"{'a record' if ok else 'not a record'}"] + ([why] if why else [])))
            elif p.habitual and not p.year:
                window = [y for y in s.years() if y <= year][-HABIT_YEARS:]
                each = [tol.judge(p.value, s.values[y], p.hedge, kind="share", half_unit=p.half_unit).verdict
                        for y in window]
                held = [y for y, v in zip(window, each) if v == SUPPORTED]
                outcome = combine(each)  # every year close but outside the tolerance: partly, not contradicted
                results.append((s, outcome, year, v, [f"{s.label}: " + ", ".join(
                    f"{y} {fmt(s.values[y], 'share')}" for y in window) + f"; claimed {hedged(p.value, 'share', p.hedge)}"
                    f" typically → held in {len(held)} of {len(window)} years"]))
            else:
                j = tol.judge(p.value, v, p.hedge, kind="share", half_unit=p.half_unit)
                results.append((s, j.verdict, year, v, [arith + f"; claimed {hedged(p.value, 'share', p.hedge)} → "
                                                        f"accepted {tol.describe(j.low, j.high, lambda x: fmt(x, 'share'))}"]
                                + ([why] if why else [])))
        if not results:
            verdicts.append(UNVERIFIABLE)
            latest = max((y for s in series for y in s.values), default=None)
            parts.append(f"{name(country)}: no share of {name(partner)} for {year or why} in the pack" +
                         (f" (latest: {latest})" if latest else " (no source gives its world total)") +
                         "".join(f"; {s.label} covers {s.months[year]} months of {year} only, never a full year's share"
                                 for s in series if year in s.months)[:200])
            continue
        att = Attribution(tuple(p.reporter or ()))
        top = att.tier(results[0][0], country, partner)
        best = next((r for r in results if r[1] == SUPPORTED and att.tier(r[0], country, partner) == top), None)
        if best is not None:  # within the deciding tier, a source that supports the claim wins
            results = [best] + [r for r in results if r is not best]
        s0, v0, y0, val0, ar0 = results[0]
        outcome, backer = settle(v0, results[0], results, att, verdict_of=lambda r: r[1],
                                  years_of=lambda r: [r[2]])
        verdicts.append(outcome)
        observed.append(Observation(val0, "share", s0.label, y0, country, partner, p.flow))
        arithmetic += ar0
        calls.append(s0.call.but(years=str(y0) if not p.record else None) if s0.call else None)
        text = f"{name(country)}: {v0} by {s0.label} ({fmt(val0, 'share')} in {y0})"
        if backer is not None:
            text = f"{name(country)}: {outcome}: {v0} by {s0.label} ({fmt(val0, 'share')} in {y0}); sources " \
                   f"disagree: {backer[0].label} supports it ({fmt(backer[3], 'share')} in {backer[2]})"
        for s, v, y, val, ar in [r for r in results[1:] if r is not backer][:2]:
            observed.append(Observation(val, "share", s.label, y, country, partner, p.flow))
            arithmetic += ar
            text += f"; {s.label} gives {fmt(val, 'share')} in {y}"
        parts.append(text)
    reason = ". ".join(parts)
    if p.reading:
        reason = f"{p.reading}. " + reason
    return verdict(claim, combine(verdicts), reason, observed, arithmetic, calls)


def judge_combined(claim, ev, as_of: AsOf, countries, partners):
    """'A and B together account for N% of X's trade': the partners' values summed over X's total, in one source and
    year where every partner is listed (the country's own view first)."""
    p = claim.payload
    observed, arithmetic, parts, verdicts, calls = [], [], [], [], []
    for country in countries:
        by_source: dict = {}
        for partner in partners:
            for s in ev.share_series(country, partner, p.flow):
                if s.kind != "reconciled":
                    by_source.setdefault(s.source, {})[partner] = s
        done = False
        for source, series in sorted(by_source.items(), key=lambda kv: (next(iter(kv[1].values())).kind != "own",
                                                                          next(iter(kv[1].values())).trust, kv[0])):
            if set(series) != set(partners):
                continue
            years = set.intersection(*(set(s.values) for s in series.values()))
            year, why = target_year(p.year, years, as_of.article)
            if year is None or year not in years:
                continue
            first = next(iter(series.values()))
            total = first.extra[year]["total_value"]
            summed = sum(s.extra[year]["partner_value"] for s in series.values())
            share = summed / total if total else float("nan")
            j = tol.judge(p.value, share, p.hedge, kind="share", half_unit=p.half_unit)
            verdicts.append(j.verdict)
            listed = " + ".join(f"{name(x)} {fmt(s.extra[year]['partner_value'], 'USD')}" for x, s in series.items())
            arithmetic.append(f"{first.label} {year}: ({listed}) / {fmt(total, 'USD')} = {fmt(share, 'share')}; "
                              f"claimed {hedged(p.value, 'share', p.hedge)} → accepted "
                              f"{tol.describe(j.low, j.high, lambda x: fmt(x, 'share'))}" + (f"; {why}" if why else ""))
            observed.append(Observation(share, "share", first.label, year, country, ",".join(partners), p.flow))
            calls += [s.call.but(years=str(year)) for s in series.values() if s.call]
            parts.append(f"{name(country)}: {j.verdict} by {first.label} ({fmt(share, 'share')} together in {year})")
            done = True
            break
        if not done:
            verdicts.append(UNVERIFIABLE)
            parts.append(f"{name(country)}: no source lists all of {', '.join(map(name, partners))} in one year")
    return verdict(claim, combine(verdicts), "; ".join(parts), observed, arithmetic, calls)
