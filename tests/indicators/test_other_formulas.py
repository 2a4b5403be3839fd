"""Security, diplomacy, finance, composite and crossover formulas on small synthetic tables, on every backend;
expected values worked out by hand in each test."""

from __future__ import annotations

import pandas as pd
import pytest

from multipolar.errors import UsageError
from multipolar.indicators import expression
from multipolar.indicators.crossover import _crossover

from .conftest import one

COUNTRIES = ["KAZ", "KGZ", "CHN", "RUS"]


def q(ctx, name, **filters):
    frame = expression(name, ctx, **filters).to_pandas()
    return frame.sort_values([c for c in ("country", "partner", "source", "year") if c in frame]).reset_index(
        drop=True)


def arms(supplier, recipient, year, tiv):
    return dict(supplier=supplier, recipient=recipient, year=year, source="sipri", tiv=tiv)


ARMS = [arms("RUS", "KAZ", 2000, 30.0), arms("CHN", "KAZ", 2000, 10.0), arms("RUS", "KAZ", 2002, 20.0),
        arms("FRA", "KAZ", 2004, 40.0), arms("CHN", "KAZ", 2004, 60.0), arms("RUS", "KGZ", 2001, 5.0)]


def test_arms_share_single_year_with_zeros(make_ctx):
    ctx = make_ctx({"arms_transfers": ARMS}, countries=COUNTRIES)
    s = q(ctx, "arms_share", country="KAZ")
    assert one(s, partner="RUS", year=2000)["value"] == pytest.approx(30 / 40)
    assert one(s, partner="CHN", year=2000)["value"] == pytest.approx(10 / 40)
    # 2002: only Russia delivered -> China 0 (a listed supplier with no delivery), France 0
    assert one(s, partner="CHN", year=2002)["value"] == 0.0
    assert one(s, partner="RUS", year=2002)["value"] == 1.0
    # 2001 and 2003: Kazakhstan received nothing: no row at all
    assert s[s.year.isin([2001, 2003])].empty
    # Kyrgyzstan never got Chinese arms, but China (a power) still has a row with share 0
    k = q(ctx, "arms_share", country="KGZ")
    assert one(k, partner="CHN", year=2001)["value"] == 0.0


def test_arms_share_rolling_window(make_ctx):
    ctx = make_ctx({"arms_transfers": ARMS}, countries=COUNTRIES)
    s = q(ctx, "arms_share_5y", country="KAZ")
    # window 2000-2004: RUS 30 + 20 = 50, CHN 10 + 60 = 70, FRA 40; total 160
    assert one(s, partner="RUS", year=2004)["value"] == pytest.approx(50 / 160)
    assert one(s, partner="CHN", year=2004)["value"] == pytest.approx(70 / 160)
    assert one(s, partner="CHN", year=2004)["window_years"] == 5
    # window ending 2002 starts before the data (2000): only 3 covered years
    row = one(s, partner="RUS", year=2002)
    assert row["value"] == pytest.approx(50 / 60)
    assert row["window_years"] == 3
    w3 = q(ctx, "arms_share", country="KAZ", window=3)
    # window 2002-2004: RUS 20, CHN 60, FRA 40
    assert one(w3, partner="CHN", year=2004)["value"] == pytest.approx(60 / 120)


def test_alliance_ties_both_directions(make_ctx):
    rows = [dict(country_a="KAZ", country_b="RUS", year=2018, source="atop", defense=True, nonaggression=True,
                 consultation=True, neutrality=True)]
    ctx = make_ctx({"alliances": rows}, countries=COUNTRIES)
    a = q(ctx, "alliance_ties")
    assert one(a, country="KAZ", partner="RUS")["value"] == 4
    assert one(a, country="RUS", partner="KAZ")["value"] == 4
    assert bool(one(a, country="KAZ", partner="RUS")["defense"]) is True
    assert bool(one(a, country="KAZ", partner="RUS")["offense"]) is False


def vote(rcid, country, v):
    return dict(rcid=rcid, country=country, vote=v, source="unvotes")


def test_un_agreement_computed_and_published(make_ctx):
    # session 74, four roll calls: KAZ = CHN on 1 (yes/yes), 2 (abstain/abstain) and 4 (no/no), not on 3 (yes/no);
    # RUS absent from roll call 4
    votes = [vote(1, "KAZ", 1), vote(1, "CHN", 1), vote(1, "RUS", 3),
             vote(2, "KAZ", 2), vote(2, "CHN", 2), vote(2, "RUS", 1),
             vote(3, "KAZ", 1), vote(3, "CHN", 3), vote(3, "RUS", 1),
             vote(4, "KAZ", 3), vote(4, "CHN", 3)]
    calls = [dict(rcid=i, session=74, year=2019, source="unvotes") for i in (1, 2, 3, 4)]
    published = [dict(country="KAZ", session=74, year=2019, agree_chn=0.7, agree_rus=None, n_votes=4,
                      source="bsv_idealpoints")]
    ctx = make_ctx({"un_votes": votes, "un_roll_calls": calls, "un_agreement": published}, countries=COUNTRIES)
    u = q(ctx, "un_agreement", country="KAZ", min_votes=1)
    assert one(u, partner="CHN", source="unvotes_computed")["value"] == pytest.approx(3 / 4)
    # with Russia: roll calls 1-3 both voted; agreement on 3 only
    row = one(u, partner="RUS", source="unvotes_computed")
    assert row["value"] == pytest.approx(1 / 3)
    assert row["n_votes"] == 3
    assert row["year"] == 2019  # session 74 opens in 2019
    assert one(u, partner="CHN", source="bsv_idealpoints")["value"] == pytest.approx(0.7)
    # a null published score is no row
    assert u[(u.partner == "RUS") & (u.source == "bsv_idealpoints")].empty
    # min_votes leaves thin sessions out
    assert q(ctx, "un_agreement", country="KAZ", min_votes=4).pipe(
        lambda f: set(zip(f.partner, f.source))) == {("CHN", "unvotes_computed"), ("CHN", "bsv_idealpoints")}
    check = q(ctx, "un_agreement_check", country="KAZ")
    assert one(check, partner="CHN")["difference"] == pytest.approx(0.75 - 0.7)


def ev(actor, target, period, source, **counts):
    return dict(actor=actor, target=target, period=period, source=source, **counts)


def test_event_balance(make_ctx):
    rows = [ev("KAZ", "CHN", "2010", "icews", verbal_coop=50.0, material_coop=10.0, verbal_conflict=5.0,
               material_conflict=5.0),
            ev("CHN", "KAZ", "2010", "icews", verbal_coop=30.0, material_coop=10.0, verbal_conflict=0.0,
               material_conflict=0.0),
            # undirected composite score: a year row and month rows for the same pair-year: the year row is used
            ev("CHN", "KAZ", "2019", "gdelt", score=100.0, directed=False),
            ev("CHN", "KAZ", "2019-01", "gdelt", score=7.0, directed=False),
            ev("KAZ", "CHN", "2020-01", "gdelt", score=3.0, directed=False),
            ev("CHN", "KAZ", "2020-02", "gdelt", score=4.0, directed=False)]
    ctx = make_ctx({"events": rows}, countries=COUNTRIES)
    e = q(ctx, "event_balance", country="KAZ", partner="CHN")
    # both directions: cooperation 60 + 40 = 100, conflict 10 + 0 = 10 -> (100 - 10) / 110
    assert one(e, source="icews", year=2010)["value"] == pytest.approx(90 / 110)
    assert one(e, source="gdelt", year=2019)["value"] == pytest.approx(100.0)
    # months only in 2020: summed, whichever order the pair is stored in
    assert one(e, source="gdelt", year=2020)["value"] == pytest.approx(7.0)
    f = q(ctx, "event_balance", country="KAZ", partner="CHN", source="icews", direction="from_partner")
    assert one(f, year=2010)["value"] == pytest.approx(1.0)  # China -> Kazakhstan: 40 cooperation, 0 conflict


def test_finance_commitments_and_gdp_share(make_ctx):
    df = [dict(lender="CHN", recipient="KAZ", year=2013, flow_class=c, source="aiddata", commitments_usd=v)
          for c, v in (("ODA-like", 100.0), ("OOF-like", 300.0))]
    macro = [dict(country="KAZ", year=2013, source="worldbank_wdi", gdp_usd=8000.0)]
    ctx = make_ctx({"development_finance": df, "macro": macro}, countries=COUNTRIES)
    c = q(ctx, "finance_commitments", country="KAZ")
    assert one(c, year=2013)["value"] == 400.0
    assert one(q(ctx, "finance_commitments", country="KAZ", flow_class="OOF-like"), year=2013)["value"] == 300.0
    g = q(ctx, "finance_gdp_share", country="KAZ")
    assert one(g, year=2013)["value"] == pytest.approx(400 / 8000)
    assert one(g, year=2013)["gdp_source"] == "worldbank_wdi"
    with pytest.raises(UsageError, match="valid choices"):
        q(ctx, "finance_commitments", country="KAZ", flow_class="grants")


def _influence_tables():
    def t(r, p, y, f, v):
        return dict(reporter=r, partner=p, year=y, flow=f, source="national_kz", value_usd=v)

    trade = [t("KAZ", "CHN", 2015, "export", 20.0), t("KAZ", "CHN", 2015, "import", 20.0),
             t("KAZ", "RUS", 2015, "export", 10.0), t("KAZ", "RUS", 2015, "import", 30.0),
             t("KAZ", "WLD", 2015, "export", 100.0), t("KAZ", "WLD", 2015, "import", 100.0)]
    arms_rows = [arms("RUS", "KAZ", 2015, 90.0), arms("CHN", "KAZ", 2015, 10.0)]
    alliances = [dict(country_a="KAZ", country_b="RUS", year=2015, source="atop", defense=True,
                      consultation=True)]
    un = [dict(country="KAZ", session=70, year=2015, agree_chn=0.8, agree_rus=0.6, n_votes=70,
               source="bsv_idealpoints")]
    return {"trade_flows": trade, "arms_transfers": arms_rows, "alliances": alliances, "un_agreement": un}


def test_influence_score_by_hand(make_ctx):
    ctx = make_ctx(_influence_tables(), countries=COUNTRIES)
    s = q(ctx, "influence_score", country="KAZ", years=2015)
    chn, rus = one(s, partner="CHN"), one(s, partner="RUS")
    # China: dependence = mean(trade 40/200 = 0.2, arms 5y: 10/100 = 0.1) = 0.15;
    #        bandwidth = mean(alliance 0/5 (ATOP lists no pair) = 0, un 0.8) = 0.4 (igo missing) -> 0.06
    assert chn["dependence"] == pytest.approx(0.15)
    assert chn["bandwidth"] == pytest.approx(0.4)
    assert chn["value"] == pytest.approx(0.06)
    assert chn["missing"] == "igo"
    assert chn["components"] == "trade,arms,alliance,un"
    # Russia: dependence = mean(0.2, 0.9) = 0.55; bandwidth = mean(2/5, 0.6) = 0.5 -> 0.275
    assert rus["value"] == pytest.approx(0.275)
    # weights: only UN for bandwidth and only trade for dependence -> China 0.8 x 0.2, Russia 0.6 x 0.2
    w = q(ctx, "influence_score", country="KAZ", years=2015, weights="arms=0,alliance=0")
    assert one(w, partner="CHN")["value"] == pytest.approx(0.16)
    assert one(w, partner="RUS")["value"] == pytest.approx(0.12)
    with pytest.raises(UsageError, match="bandwidth"):
        q(ctx, "influence_score", weights={"alliance": 0, "un": 0, "igo": 0})
    with pytest.raises(UsageError, match="valid choices"):
        q(ctx, "influence_score", weights={"soft_power": 1})


def test_influence_sensitivity_by_hand(make_ctx):
    ctx = make_ctx(_influence_tables(), countries=COUNTRIES)
    # vary trade and un in {0, 1}; others at their default. Valid weightings (each group positive):
    # dependence (trade, arms=1): trade 0 or 1; bandwidth (alliance=1, un): un 0 or 1 -> 4 weightings.
    # China - Russia under each: (t=0,u=0): .1*0 - .9*.4 < 0; (t=1,u=0): .15*0 - .55*.4 < 0;
    # (t=0,u=1): .1*.4 - .9*.5 < 0; (t=1,u=1): .06 - .275 < 0 -> Russia ahead under all 4.
    s = q(ctx, "influence_sensitivity", country="KAZ", levels="0,1", vary="trade,un")
    row = one(s, year=2015)
    assert row["n_weightings"] == 4
    assert row["china_ahead"] == 0
    assert bool(row["holds"]) is False
    assert row["verdict"].startswith("Russia ahead")
    assert row["min_lead"] == pytest.approx(0.1 * 0.4 - 0.9 * 0.5)  # (t=0, u=1) is the widest gap


def test_influence_score_fixed_set_and_carry_forward(make_ctx):
    # Trade 2010-2012 only (China's share of turnover 20%, 21%, 22%; Russia and Germany the rest), UN votes
    # 2010-2016 except 2013, ATOP years 2010-2016 (Kazakhstan-Russia: defense; China: no obligation = 0). No arms,
    # no IGO data: never in the set.
    def t(r, p, y, f, v):
        return dict(reporter=r, partner=p, year=y, flow=f, source="national_kz", value_usd=v)

    trade = [row for y, k in ((2010, 0), (2011, 2), (2012, 4)) for row in (
        t("KAZ", "CHN", y, "export", 20.0 + k), t("KAZ", "CHN", y, "import", 20.0), t("KAZ", "RUS", y, "export", 40.0),
        t("KAZ", "RUS", y, "import", 40.0 - k), t("KAZ", "DEU", y, "export", 40.0 - k),
        t("KAZ", "DEU", y, "import", 40.0 + k),
        t("KAZ", "WLD", y, "export", 100.0), t("KAZ", "WLD", y, "import", 100.0))]
    un = [dict(country="KAZ", session=y - 1945, year=y, agree_chn=0.8, agree_rus=0.6, n_votes=70,
               source="bsv_idealpoints") for y in range(2010, 2017) if y != 2013]
    alliances = [dict(country_a="KAZ", country_b="RUS", year=y, source="atop", defense=True)
                 for y in range(2010, 2017)]
    ctx = make_ctx({"trade_flows": trade, "un_agreement": un, "alliances": alliances}, countries=COUNTRIES)
    s = q(ctx, "influence_score", country="KAZ")
    # One component set over the whole series, for both powers; arms and igo have no data: missing, never used
    assert set(s.components) == {"trade,alliance,un"} and set(s.missing) == {"arms,igo"}
    # trade is carried 3 years (CARRY_YEARS) into 2013-2015; in 2016 it would be 4 years old: no score (no row),
    # never a score without trade
    assert sorted(s.year.unique()) == [2010, 2011, 2012, 2013, 2014, 2015]
    chn = s[s.partner == "CHN"].set_index("year")
    assert chn.loc[2012, "carried"] == "" and chn.loc[2012, "quality"] == ""
    assert chn.loc[2013, "carried"] == "trade=2012,un=2012"  # 2013 has no UN session: 2012's carried too
    assert chn.loc[2013, "quality"] == "carried_forward:trade=2012; carried_forward:un=2012"
    assert chn.loc[2015, "quality"] == "carried_forward:trade=2012"
    # China: dependence = trade; bandwidth = mean(alliance 0, un 0.8) = 0.4 -> 0.4 x 0.20, 0.21, 0.22, then 2012's
    # 0.22 carried
    assert list(chn["value"]) == pytest.approx([0.08, 0.084, 0.088, 0.088, 0.088, 0.088])
    assert (s["value"] > 0).all()
    # a shorter carry: trade at most 1 year old, so 2014-2015 drop out
    short = q(ctx, "influence_score", country="KAZ", carry="trade=1")
    assert sorted(short.year.unique()) == [2010, 2011, 2012, 2013]
    with pytest.raises(UsageError, match="carry"):
        q(ctx, "influence_score", carry="trade=-1")


def _cross(ctx, countries):
    return _crossover(ctx, list(countries), ["trade"])  # (the states and dimensions chosen: trade)


def test_crossover_held_and_not_held(make_ctx):
    def t(y, chn, rus):
        return [dict(reporter="KAZ", partner="CHN", year=y, flow="export", source="s", value_usd=chn),
                dict(reporter="KAZ", partner="RUS", year=y, flow="export", source="s", value_usd=rus),
                dict(reporter="KAZ", partner="WLD", year=y, flow="export", source="s", value_usd=100.0)]

    def k(y, chn, rus):
        return [dict(r, reporter="KGZ") for r in t(y, chn, rus)]

    # KAZ: Russia ahead 2000-2001, China ahead from 2002 on (held); 2004 missing
    # KGZ: China ahead 2000 (from the first year), behind 2001, ahead again 2002-2003 (not held; since 2002)
    rows = t(2000, 10, 20) + t(2001, 15, 20) + t(2002, 25, 20) + t(2003, 30, 20) + t(2005, 31, 20)
    rows += k(2000, 30, 20) + k(2001, 10, 20) + k(2002, 30, 20) + k(2003, 40, 20)
    ctx = make_ctx({"trade_flows": rows}, countries=COUNTRIES)
    c = _cross(ctx, ["KAZ", "KGZ"])
    kaz = one(c, country="KAZ", source="s")
    assert kaz["first_year"] == 2002 and bool(kaz["held"]) and kaz["latest_year"] == 2005
    # the reading's flags: the latest year's and the run's first year's, the least coverage once (two partners of a
    # total of 100: 45% in 2002, 51% in 2005)
    assert kaz["latest_lead"] == pytest.approx(0.11) and kaz["leader"] == "China"
    assert kaz["quality"] == "coverage:45%"
    assert (kaz["first_compared"], kaz["n_years"]) == (2000, 5)
    assert "no comparison for 2004" in kaz["note"]
    kgz = one(c, country="KGZ", source="s")
    assert kgz["first_year"] == 2000 and not bool(kgz["held"]) and kgz["since_year"] == 2002
    assert "Russia clearly ahead again in 2001" in kgz["note"]
    # Current leader's run and the change of China's lead over the last 5 years compared (TREND_YEARS):
    # KAZ leads -0.10, -0.05, 0.05, 0.10, 0.11 (2000-2003, 2005): China ahead since 2002; 2005 - 5 = 2000 is the
    # window's first year, so the change is 0.11 - (-0.10).
    assert kaz["leader_since"] == 2002 and kaz["lead_change"] == pytest.approx(0.11 - (-0.10))
    # KGZ leads 0.10, -0.10, 0.10, 0.20 (2000-2003): ahead again since 2002; change 0.20 - 0.10.
    assert kgz["leader_since"] == 2002 and kgz["lead_change"] == pytest.approx(0.20 - 0.10)


def test_crossover_russia_run_and_window(make_ctx):
    def t(y, chn, rus):
        return [dict(reporter="KAZ", partner="CHN", year=y, flow="export", source="r", value_usd=chn),
                dict(reporter="KAZ", partner="RUS", year=y, flow="export", source="r", value_usd=rus),
                dict(reporter="KAZ", partner="WLD", year=y, flow="export", source="r", value_usd=100.0)]

    # China ahead 2004 and 2010, level 2011, Russia ahead 2012-2013. Leads: 0.30, 0.05, 0, -0.05, -0.10.
    rows = t(2004, 40, 10) + t(2010, 25, 20) + t(2011, 20, 20) + t(2012, 15, 20) + t(2013, 10, 20)
    ctx = make_ctx({"trade_flows": rows}, countries=COUNTRIES)
    kaz = one(_cross(ctx, ["KAZ"]), country="KAZ", source="r")
    assert kaz["first_year"] == 2004 and not bool(kaz["held"]) and pd.isna(kaz["since_year"])
    # Russia, the latest leader, ahead without a break since 2012 (level in 2011 breaks the run).
    assert kaz["leader_since"] == 2012 and kaz["leader"] == "Russia"
    # Window 2013 - 5 = 2008: first year compared in it is 2010 (2004 is older): -0.10 - 0.05.
    assert kaz["lead_change"] == pytest.approx(-0.10 - 0.05)
    # A single year compared: no change.
    ctx = make_ctx({"trade_flows": t(2013, 10, 20)}, countries=COUNTRIES)
    only = one(_cross(ctx, ["KAZ"]), country="KAZ", source="r")
    assert only["leader_since"] == 2013 and pd.isna(only["lead_change"])


def test_crossover_near_ties_are_no_clear_lead(make_ctx):
    def t(y, chn, rus):
        return [dict(reporter="KAZ", partner="CHN", year=y, flow="export", source="r", value_usd=chn),
                dict(reporter="KAZ", partner="RUS", year=y, flow="export", source="r", value_usd=rus),
                dict(reporter="KAZ", partner="WLD", year=y, flow="export", source="r", value_usd=1000.0)]

    # Leads in share points: 2000 -5, 2001 +1.5 (under the 2-point threshold: no clear lead), 2002 +2 (a lead),
    # 2003 -1.9 (no clear lead), 2004 +0.9 (no clear lead)
    rows = t(2000, 100, 150) + t(2001, 165, 150) + t(2002, 170, 150) + t(2003, 131, 150) + t(2004, 159, 150)
    ctx = make_ctx({"trade_flows": rows}, countries=COUNTRIES)
    kaz = one(_cross(ctx, ["KAZ"]), country="KAZ", source="r")
    assert kaz["first_year"] == 2002  # 2001's 1.5 points are no lead
    assert not bool(kaz["held"])  # 2003-2004: no clear lead, so the lead did not hold
    assert "Russia clearly ahead again" not in kaz["note"] and "no clear lead in 2003-2004" in kaz["note"]
    assert kaz["leader"] == "no clear lead" and pd.isna(kaz["since_year"])
    assert kaz["leader_since"] == 2003  # the run of years without a clear lead
    assert "latest year 2004: no clear lead" in kaz["note"] and "0.9 points" in kaz["note"]


def test_crossover_spread_of_sources_and_partial_years(make_ctx):
    def t(y, chn, rus, source, months=12):
        return [dict(reporter="KAZ", partner=p, year=y, flow="export", source=source, value_usd=v, months=months)
                for p, v in (("CHN", chn), ("RUS", rus), ("WLD", 100.0))]

    # 2019: source a says China ahead by 10 points, source b Russia by 10: within the spread of the sources.
    # 2020 in b covers 3 months only: never compared as a year.
    rows = t(2018, 30, 20, "a") + t(2019, 30, 20, "a") + t(2019, 20, 30, "b") + t(2020, 40, 10, "b", months=3)
    ctx = make_ctx({"trade_flows": rows}, countries=COUNTRIES)
    c = _cross(ctx, ["KAZ"])
    a, b = one(c, source="a"), one(c, source="b")
    assert a["leader"] == b["leader"] == "no clear lead"
    assert "lies within the spread of the sources" in a["note"] and "b shows Russia ahead" in a["note"]
    assert b["latest_year"] == 2019 and b["n_years"] == 1
    assert "2020 covers 3 months only: not compared as a year" in b["note"]


def test_crossover_reconciled_reads_within_one_view(make_ctx):
    # Kazakhstan's own statistics from 2018 only; before, DOTS mirror data. Mirror 2016-2017: China ahead; own
    # 2018-2019: Russia ahead. The reconciled view switches in 2018: that is no change of leader, and its turning
    # points are read within the latest view (national_kz) alone.
    def t(y, chn, rus, source, reporter="KAZ"):
        return [dict(reporter="KAZ", partner=p, year=y, flow="export", source=source, value_usd=v)
                for p, v in (("CHN", chn), ("RUS", rus), ("WLD", 100.0))]

    def mirror(y, chn, rus):
        # partners' reported imports from Kazakhstan (its exports, mirrored) and the IMF's World row
        return [dict(reporter=r, partner="KAZ", year=y, flow="import", source="imf_dots", value_usd=v)
                for r, v in (("CHN", chn), ("RUS", rus), ("WLD", 100.0))]

    rows = mirror(2016, 40, 20) + mirror(2017, 40, 20) + t(2018, 20, 40, "national_kz") + t(2019, 21, 40, "national_kz")
    ctx = make_ctx({"trade_flows": rows}, countries=COUNTRIES)
    c = _cross(ctx, ["KAZ"])
    rec = one(c, source="reconciled")
    assert rec["view"] == "national_kz" and (rec["first_compared"], rec["n_years"]) == (2018, 2)
    assert pd.isna(rec["first_year"]) and rec["leader"] == "Russia" and rec["leader_since"] == 2018
    assert "source_switch" in rec["quality"].split("; ")
    assert "mirror:imf_dots (2016-2017); national_kz (2018-2019)" in rec["note"]
    assert "Russia clearly ahead again" not in rec["note"]
    # the mirror view's own row keeps its reading
    assert one(c, source="mirror:imf_dots")["first_year"] == 2016


def test_shared_igos_both_directions(make_ctx):
    rows = [dict(country_a="CHN", country_b="KAZ", year=2014, source="cow", n_shared=36)]
    ctx = make_ctx({"shared_igos": rows}, countries=COUNTRIES)
    s = q(ctx, "shared_igos")
    assert one(s, country="KAZ", partner="CHN")["value"] == 36
    assert one(s, country="CHN", partner="KAZ")["value"] == 36
