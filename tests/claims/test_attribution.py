"""Whose figure a trade claim gives and how its sources combine (judging/attribution.py), the threshold hedges, and the
period and scope rules that keep a mismatched figure from contradicting: made-up sentences and made-up figures
stated here, so each verdict follows from the numbers in the test, not from a pack."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.evidence import Series
from multipolar.claims.fake_evidence import FakeEvidence
from multipolar.claims.judging import tolerances as tol
from multipolar.claims.judging.attribution import OUTLET, Attribution, official, settle

# Made-up figures: Kazakhstan's own statistics and Russia's customs disagree on their 2022 trade by 20%.
KAZ_RUS = {2021: 2.0e9, 2022: 2.50e9}
RUS_KAZ = {2021: 2.4e9, 2022: 3.00e9}


def ev(**extra) -> FakeEvidence:
    trade = {("KAZ", "RUS", "turnover", "national_kz"): KAZ_RUS, ("RUS", "KAZ", "turnover", "russia_fcs"): RUS_KAZ}
    trade.update(extra.pop("trade", {}))
    return FakeEvidence(trade=trade, **extra)


def one(text, evidence=None, type_="level", date="2024-03-01"):
    found = [v for v in check_text(text, date, evidence=evidence or ev()) if v.type == type_]
    assert len(found) == 1, [(v.type, v.text) for v in check_text(text, date, evidence=evidence or ev())]
    return found[0]


# --- who is speaking decides whose figures are read first -----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a Kazakh official's figure is Kazakhstan's: its own statistics support it
    ("Kazakhstan's economy minister said trade with Russia came to $2.5 billion in 2022.", "supported"),
    ("The Kazakh embassy said Kazakh-Russian trade came to $2.5 billion in 2022.", "supported"),
    # a Russian official's figure is Russia's: Russia's customs support it, Kazakhstan's own figure does not
    ("A Russian consul said Russia's trade with Kazakhstan came to $3 billion in 2022.", "supported"),
    ("Russia's trade representative said Kazakhstan's trade with Russia came to $3 billion in 2022.", "supported"),
])
def test_an_official_speaks_with_his_state_s_figures(text, expected):
    v = one(text)
    assert v.verdict == expected, v.reason


def test_a_named_reporter_that_disagrees_is_overruled_to_partly_by_another_official_source():
    # Russia's customs (named) give $3.0 bn, 20% above; Kazakhstan's own statistics give the claimed $2.5 bn
    v = one("According to Russian customs, Kazakhstan's trade with Russia came to $2.5 billion in 2022.")
    assert v.verdict == "partly supported", v.reason
    assert "sources disagree" in v.reason and "Kazakhstan" in v.reason and "customs" in v.reason.lower()


def test_no_official_support_leaves_the_contradiction():
    v = one("According to Russian customs, Kazakhstan's trade with Russia came to $1.5 billion in 2022.")
    assert v.verdict == "contradicted", v.reason


def test_an_estimate_does_not_overrule_the_named_reporter():
    # the only supporting figure is flagged as an estimate: it may neither contradict nor rescue a claim
    evidence = ev(estimates={("KAZ", "RUS", "turnover", "national_kz"): {2022}})
    v = one("According to Russian customs, Kazakhstan's trade with Russia came to $2.5 billion in 2022.", evidence)
    assert v.verdict == "contradicted", v.reason


def test_an_outlet_s_own_sum_is_never_contradicted_by_the_data():
    v = one("By Steppe Ledger's calculation, Kazakhstan's trade with Russia came to $1.2 billion in 2022.")
    assert v.verdict == "unverifiable", v.reason
    assert "outlet's own calculation" in v.reason


def _series(kind="own", source="national_kz", estimates=()):
    return Series(source=source, label=source, reporter="KAZ", country="KAZ", partner="RUS", flow="turnover",
                  kind=kind, values={2022: 1.0}, estimates=set(estimates))


def test_the_attribution_model():
    assert Attribution().role == "own" and Attribution(("RUS",)).role == "named"
    assert Attribution((OUTLET,)).role == "outlet"
    own, mirror = _series(), _series(kind="mirror")
    assert Attribution(("KAZ",)).names(own) and not Attribution(("RUS",)).names(own)
    assert Attribution(("RUS",)).tier(own, "KAZ", "RUS") == (1, 0)
    assert Attribution(("KAZ",)).tier(own, "KAZ", "RUS") == (0, 0)
    assert official(own, [2022]) and official(mirror, [2022])
    assert not official(_series(estimates=[2022]), [2022])
    assert not official(_series(kind="sum"), [2022])
    assert not official(_series(source="aiddata_gcdf3"), [2022])  # a model's estimate (declared role 'estimate')


def test_settle_combines_the_verdicts():
    own, other = _series(), _series(kind="mirror")
    results = [(own, ("contradicted", [], [], "", [2022])), (other, ("supported", [], [], "", [2022]))]
    assert settle("contradicted", results[0], results, Attribution(("KAZ",)))[0] == "partly supported"
    assert settle("contradicted", results[0], results[:1], Attribution(("KAZ",))) == ("contradicted", None)
    # a named reporter's figure that only partly fits is not overruled
    partly = [(own, ("partly supported", [], [], "", [2022]))] + results[1:]
    assert settle("partly supported", partly[0], partly, Attribution(("KAZ",)))[0] == "partly supported"


# --- threshold hedges are bounds, not rounded figures ---------------------------------------------------------------

@pytest.mark.parametrize("claimed, hedge, observed, expected", [
    (10.0, "more than", 9.72, "partly supported"),   # was accepted: half a unit of "10" made the bound 9.5
    (10.0, "more than", 9.97, "supported"),           # 0.5% rounding slack
    (10.0, "at least", 9.6, "partly supported"),
    (5.0, "less than", 5.2, "partly supported"),
    (5.0, "less than", 5.02, "supported"),
])
def test_threshold_hedges(claimed, hedge, observed, expected):
    assert tol.judge(claimed, observed, hedge, half_unit=0.5).verdict == expected


def test_a_threshold_in_a_sentence():
    v = one("Kazakhstan's trade with Russia exceeded $2.6 billion in 2022.")
    assert v.verdict == "partly supported", v.reason  # 2.5 < 2.6, within a further 10%


# --- rerouting: a period the data do not hold neither contradicts nor supports ------------------------------------

def _rerouting(partner, base, end):
    return {"exporter": "EUU", "partner": partner, "products": "sanctioned", "code_level": "CN8", "base_year": 2021,
            "year": 2022, "months": 10, "first_month": 1, "last_month": 10, "base_value": base, "end_value": end,
            "value": end / base, "pct": (end / base - 1) * 100, "currency": "EUR", "quality": "partial_year:10m",
            "source": "eurostat_sanctioned"}


REROUTING = [_rerouting("ARM", 100e6, 150e6)]


def test_one_month_against_months_summed_is_unverifiable():
    v = one("EU exports of sanctioned goods to Armenia quadrupled from October 2021 to October 2022.",
            FakeEvidence(rerouting=REROUTING), type_="rerouting")
    assert v.verdict == "unverifiable", v.reason
    assert "one month" in v.reason and "Jan-Oct" in v.reason


def test_no_period_stated_is_unverifiable_rather_than_contradicted():
    v = one("EU exports of sanctioned goods to Armenia have grown tenfold.", FakeEvidence(rerouting=REROUTING),
            type_="rerouting")
    assert v.verdict == "unverifiable", v.reason
    assert "states no period" in v.reason


def test_no_period_stated_still_supports_when_the_data_agree():
    v = one("EU exports of sanctioned goods to Armenia have grown by half.", FakeEvidence(rerouting=REROUTING),
            type_="rerouting")
    assert v.verdict in ("supported", "unverifiable"), v.reason


# --- ranks among an organization's members ----------------------------------------------------------------------

def _member(country, org="EAEU", start="2015-01-01"):
    return {"organization": org, "country": country, "role": "member", "start": start, "end": None}


def test_a_rank_among_an_organization_s_members_excludes_the_country_itself():
    members = [_member(c) for c in ("RUS", "KAZ", "KGZ", "ARM")]
    trade = {("RUS", "KAZ", "turnover", "russia_fcs"): {2022: 25e9},
             ("RUS", "KGZ", "turnover", "russia_fcs"): {2022: 3e9},
             ("RUS", "ARM", "turnover", "russia_fcs"): {2022: 5e9}}
    evidence = FakeEvidence(trade=trade, memberships=members)
    first = one("Kazakhstan is Russia's largest trading partner in the EAEU.", evidence, type_="rank")
    assert first.verdict == "supported", first.reason
    assert "of 3" in first.reason  # Russia is not its own partner
    held = one("Kazakhstan holds first place among Russia's trade partners in the EAEU.", evidence, type_="rank")
    assert held.verdict == "supported" and held.claim.payload.among == ("EAEU",), held.reason
    second = one("Armenia is Russia's largest trading partner in the EAEU.", evidence, type_="rank")
    assert second.verdict == "contradicted", second.reason
    outside = one("Uzbekistan is Russia's largest trading partner in the EAEU.", evidence, type_="rank")
    assert outside.verdict == "unverifiable", outside.reason
