"""The re-routing event study: a planted effect recovered from synthetic data, coefficients equal to a direct pyfixest
call on the same frame, and bad requests refused."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from multipolar.analysis import event_study, fit
from multipolar.errors import UsageError
from multipolar.indicators.rerouting import NEIGHBOURS

# The effect planted in the synthetic panel: log points of extra sanctioned-goods exports to the neighbours from
# March 2022 on, against the control series.
PLANTED = 0.7


def synthetic(seed=1, n_products=80, effect=PLANTED, russia_effect=-1.0, russia_control=0.0):
    """A rerouting_panel-shaped frame: products to two neighbours and Russia, 2021-01..2022-11, plus each partner's
    control series; product x partner levels and month shocks drawn at random, the effect planted after 2022-02."""
    rng = np.random.default_rng(seed)
    months = [(y, m) for y in (2021, 2022) for m in range(1, 13) if (y, m) <= (2022, 11)]
    shock = {ym: rng.normal(0, 0.2) for ym in months}
    rows = []
    for partner in ("KGZ", "ARM", "RUS"):
        for k in range(n_products + 1):
            control = k == n_products
            code = "OTHER" if control else f"8471{k:04d}"
            level = rng.normal(9 if control else 3, 1)
            for ym in months:
                post = ym >= (2022, 3)
                planted = 0.0 if control or not post else (russia_effect if partner == "RUS" else effect)
                if control and post and partner == "RUS":
                    planted = russia_control  # Russia's own non-sanctioned exports shocked too
                mean = np.exp(level + shock[ym] + planted)
                rows.append({"exporter": "EUU", "partner": partner, "product_code": code, "year": ym[0],
                             "month": ym[1], "value": float(rng.poisson(mean)), "sanctioned": not control,
                             "currency": "EUR", "source": "synthetic"})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def panel():
    return synthetic()


@pytest.mark.parametrize("estimator", ["ppml", "ols"])
def test_planted_effect_is_recovered(panel, estimator):
    es = fit(panel, neighbours=("KGZ", "ARM"), with_russia=True, estimator=estimator)
    c = es.coefficients
    nb = c[c.group == "neighbours"].set_index("period")
    after = nb[nb.event_time >= 1]
    before = nb[nb.event_time <= -1]
    assert len(after) == 9 and len(before) == 13
    # every month after the sanctions near the planted 0.7, every month before near 0
    assert (after.estimate - PLANTED).abs().max() < 0.2
    assert before.estimate.abs().max() < 0.2
    # the confidence bands cover the truth in most months (95% bands: allow a miss or two)
    covered = ((after.ci_low <= PLANTED) & (PLANTED <= after.ci_high)).sum()
    assert covered >= len(after) - 2
    assert nb.loc["2022-02", "estimate"] == 0.0  # the reference month
    pooled = es.pooled.set_index("group")
    assert pooled.loc["neighbours", "estimate"] == pytest.approx(PLANTED, abs=0.1)
    assert pooled.loc["russia", "estimate"] == pytest.approx(-1.0, abs=0.1)
    assert pooled.loc["neighbours", "effect"] == pytest.approx(np.exp(pooled.loc["neighbours", "estimate"]) - 1)
    # with Russia in the sample, one set of month effects per partner
    assert es.spec["cluster"] == "product code"
    assert es.spec["fixed_effects"] == ["product x partner", "partner x month"]
    assert "not on the sanction annexes" in es.spec["control"] and es.spec["control_limits"]


def test_russias_own_shock_does_not_move_the_neighbours():
    # Russia's non-sanctioned exports halve after the sanctions: with one set of month effects per partner the
    # neighbours' estimate stays at the planted 0.7; common month effects would absorb part of Russia's fall.
    panel = synthetic(seed=3, russia_control=-0.7)
    alone = fit(panel, neighbours=("KGZ", "ARM")).pooled.set_index("group").loc["neighbours", "estimate"]
    both = fit(panel, neighbours=("KGZ", "ARM"), with_russia=True).pooled.set_index("group")
    assert alone == pytest.approx(PLANTED, abs=0.1)
    assert both.loc["neighbours", "estimate"] == pytest.approx(PLANTED, abs=0.1)
    common = fit(panel, neighbours=("KGZ", "ARM"), with_russia=True, month_effects="common")
    assert common.spec["fixed_effects"] == ["product x partner", "month"]
    assert common.pooled.set_index("group").loc["neighbours", "estimate"] > PLANTED + 0.1
    with pytest.raises(UsageError, match="valid choices: common, partner"):
        fit(panel, month_effects="weekly")


def test_no_effect_gives_no_effect():
    es = fit(synthetic(seed=7, effect=0.0), neighbours=("KGZ", "ARM"))
    after = es.coefficients[(es.coefficients.group == "neighbours") & (es.coefficients.event_time >= 1)]
    assert after.estimate.abs().max() < 0.2
    assert es.pooled.iloc[0]["ci_low"] < 0 < es.pooled.iloc[0]["ci_high"]


def direct_fit(panel, neighbours):
    """The event study written out by hand for pyfixest, from the panel frame alone."""
    import pyfixest as pf

    d = panel[panel.partner.isin(neighbours)].copy()
    d["period"] = [f"{y}-{m:02d}" for y, m in zip(d.year, d.month)]
    d["cell"] = d.product_code + "|" + d.partner
    d["treated"] = (d.sanctioned & d.partner.isin(neighbours)).astype(float)
    model = pf.fepois("value ~ i(period, treated, ref='2022-02') | cell + period", data=d,
                      vcov={"CRV1": "product_code"})
    t = model.tidy()
    t.index = [name.split("::")[1].split(":")[0] for name in t.index]
    return t


def test_same_coefficients_as_a_direct_pyfixest_call(panel):
    ours = fit(panel, neighbours=("KGZ", "ARM")).coefficients.set_index("period")
    theirs = direct_fit(panel, ["KGZ", "ARM"])
    assert set(theirs.index) | {"2022-02"} == set(ours.index)
    for period, row in theirs.iterrows():
        assert ours.loc[period, "estimate"] == pytest.approx(row["Estimate"], rel=1e-9, abs=1e-12)
        assert ours.loc[period, "std_error"] == pytest.approx(row["Std. Error"], rel=1e-9)
        assert ours.loc[period, "ci_low"] == pytest.approx(row["2.5%"], rel=1e-9)


def test_real_panel_same_as_direct_pyfixest_call(pack):
    # The CHPL items (a few dozen CN8 codes): small enough for the test suite; the pack's own panel frame.
    from multipolar.indicators import compute

    panel = compute("rerouting_panel", products="chpl", partner=list(NEIGHBOURS), pack=pack)
    ours = fit(panel).coefficients.set_index("period")
    theirs = direct_fit(panel, list(NEIGHBOURS))
    for period, row in theirs.iterrows():
        assert ours.loc[period, "estimate"] == pytest.approx(row["Estimate"], rel=1e-8, abs=1e-10)
        assert ours.loc[period, "std_error"] == pytest.approx(row["Std. Error"], rel=1e-8)


def test_bad_requests(panel):
    with pytest.raises(UsageError, match="valid choices: ols, ppml"):
        fit(panel, estimator="logit")
    with pytest.raises(UsageError, match="reference month"):
        fit(panel, neighbours=("KGZ",), reference="2019-01")
    annual = panel.assign(month=None)
    with pytest.raises(UsageError, match="monthly data"):
        fit(annual)
    with pytest.raises(UsageError, match="product set of the event-study panel"):
        event_study(products="total")
