"""Claim kind `arms`: who supplies a state's (or a region's) major arms ('Russia supplied 64% of Uzbekistan's arms
imports in 2014-2018', 'most of Tajikistan's major arms in the last five years came from Russia', 'Russia is the top
arms supplier to the region', 'Russia, France and Israel were India's main arms suppliers', 'China is effectively
the monopoly arms supplier to Bangladesh', 'India's arms imports were 9 times larger than Pakistan's'), and whom a supplier
sells to ('Pakistan was China's largest arms customer'), judged on SIPRI trend-indicator values
over the stated window (SIPRI's five years when none is stated), with the no-clear-lead rule."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..judging.arms import judge_arms
from ..judging.arms_world import is_world, judge_world
from ..judging.common import unverifiable
from ..model import CONTRADICTED
from ..payloads import Payload
from ..reading.arms import read_arms
from ..reading.world_ranks import read_world_ranks
from ..registry import register_kind


@dataclass(frozen=True, kw_only=True)
class ArmsClaim(Payload):
    """Suppliers' share (relation 'share', value 0-1), rank ('rank', value 1 = largest), ranks and shares among the
    world's importers or exporters ('importer rank', 'exporter rank', 'world share'), the top suppliers as a list
    ('top', value = how many), a total ('total', an amount in million TIV written as dollars) or a recipient's total
    against another's ('ratio', with `rival`) of recipients' major arms imports; side 'exports' for the supplier's
    side (recipient = its buyers); over a window: years (first, last), span (n years to the latest), base_year
    ('since'), year (one year)."""

    supplier: tuple[str, ...]
    recipient: tuple[str, ...]
    relation: str = "share"
    value: float = 1.0
    hedge: str | None = None
    half_unit: float = 0.0
    years: tuple[int, int] | None = None
    span: int | None = None
    base_year: int | None = None
    year: int | None = None
    measure: str | None = None  # a measure the register does not hold ('arms contracts')
    amount: bool = False        # value is an amount in million TIV (written as dollars), not a share
    rival: tuple[str, ...] = ()  # the other recipient of a ratio
    side: str = "imports"       # 'exports': the supplier's side (its buyers)
    words: str | None = None    # words read as a share ('monopoly', 'sole')
    base_years: tuple[int, int] | None = None  # the earlier window of a change ('between 2014-18 and 2019-23')


@register_kind("arms", payload=ArmsClaim, order=40, title="Arms supplies (SIPRI)",
               examples=("Russia supplied 64% of Uzbekistan's major arms imports in 2014-2018.",
                         "Most of Tajikistan's major arms in the last five years came from Russia.",
                         "Russia remains the main arms supplier to Central Asia.",
                         "Russia, France and Israel were India's main arms suppliers in 2010-2014.",
                         "Pakistan was China's largest arms customer in 2013-2017."))
class Arms:
    def read(r) -> None:
        if "security" in r.triggers:
            read_arms(r)
            read_world_ranks(r)

    def judge(claim, evidence, as_of):
        if is_world(claim.payload):
            return lagged(claim, judge_world(claim, evidence, as_of), as_of)
        return lagged(claim, judge_arms(claim, evidence, as_of), as_of)


def lagged(claim, result, as_of):
    """A contradiction on a window the text did not state ('over the past five years', no period) whose data end
    before the window the article meant: SIPRI publishes a year's deliveries the next March, so an article after
    March of year Y means the five years to Y-1; when the data end earlier, the claim is unverifiable, with the
    verdict on the window held shown."""
    p = claim.payload
    if result.verdict != CONTRADICTED or p.years or (p.year and not p.span) or as_of.article is None:
        return result
    ends = [int(y) for o in result.observed for y in re.findall(r"\d{4}", str(o.year))]
    meant = as_of.article.year - 1 if as_of.article.month > 3 else as_of.article.year - 2
    if not ends or max(ends) >= meant:
        return result
    return unverifiable(claim, f"the data's SIPRI register ends with {max(ends)} deliveries; by "
                               f"{as_of.article.isoformat()} SIPRI's latest window ended in {meant}, which the data do "
                               f"not hold (on the window held: {result.reason})", result.observed, result.arithmetic,
                        result.calls)
