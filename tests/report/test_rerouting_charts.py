"""The re-routing section's figures and words (report and dashboard): confidence bands around each group's line,
Russia in blue, bars that run from x1 to each partner's multiple, titles that state the finding from the figures
given, a Source line with the sources' declared names, flags with every figure, and no multiple for a part of a
year set against a whole year. Inputs are small frames written here; expected texts follow from their numbers."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from multipolar.indicators.rerouting import LEG_EU, LEG_RUSSIA
from multipolar.report.rerouting import (COLOURS, event_study_figure, event_study_title, figures, growth_figure,
                                         growth_title, leakage_sentences, leg_rows, section, top_products_figure)

NAMES = {"eurostat_sanctioned": "Eurostat Comext (sanction-annex goods)", "eurostat_comext": "Eurostat Comext"}


def coefficients():
    rows = []
    for group, effect in (("neighbours", 0.8), ("russia", -1.0)):
        for i, period in enumerate(["2022-01", "2022-02", "2022-03", "2022-04"]):
            est = 0.0 if period == "2022-02" else (effect if i >= 2 else 0.05)
            rows.append({"group": group, "period": period, "event_time": i - 1, "estimate": est,
                         "std_error": 0.1, "ci_low": est - 0.2, "ci_high": est + 0.2, "p_value": 0.01,
                         "effect": math.exp(est) - 1})
    return pd.DataFrame(rows)


SPEC = {"alpha": 0.05, "reference": "2022-02", "post_from": "2022-03", "estimator": "ppml",
        "source": "eurostat_comext minus eurostat_sanctioned; eurostat_sanctioned",
        "control": "all goods minus the sanctioned codes", "control_limits": ["one series per partner"],
        "fixed_effects": ["product x partner", "partner x month"], "cluster": "product code", "n_clusters": 12,
        "n_obs": 345}


def growth():
    return pd.DataFrame({"exporter": "EUU", "partner": ["KGZ", "RUS", "BLR"], "value": [7.07, 0.41, 1.21],
                         "base_value": [70.1e6, 30.4e9, 2.2e9], "end_value": [495e6, 12.6e9, 2.7e9],
                         "currency": "EUR", "quality": "partial_year:11m", "first_month": 1, "last_month": 11,
                         "year": 2022, "base_year": 2021, "products": "sanctioned", "source": "eurostat_sanctioned"})


def top():
    return pd.DataFrame({"group": ["87012190", "87012110", "85171300"],
                         "label": ["Road tractors for semi-trailers, with only compression-ignition engine [87012190]",
                                   "Road tractors for semi-trailers, with only compression-ignition engine [87012110]",
                                   "Smartphones [85171300]"],
                         "rise": [204e6, 101e6, 271.7e6], "fall": [-3e6, -0.4e6, -5.8e6], "currency": "EUR",
                         "year": 2022, "base_year": 2021, "first_month": 3, "last_month": 11,
                         "quality": "partial_year:9m", "source": "eurostat_sanctioned"})


def test_event_study_bands_lines_and_labels():
    fig = event_study_figure(coefficients(), SPEC)
    bands = [t for t in fig["data"] if t.get("fill") == "toself"]
    lines = [t for t in fig["data"] if t.get("mode") == "lines+markers"]
    assert len(bands) == 2 and len(lines) == 2
    russia = next(t for t in lines if t["name"] == "Russia")
    assert russia["line"]["color"] == COLOURS["russia"] == "#2457a6"
    # the band runs along ci_high and back along ci_low
    assert bands[1]["y"] == pytest.approx([0.25, 0.2, -0.8, -0.8, -1.2, -1.2, -0.2, -0.15])
    assert fig["layout"]["shapes"][0]["x0"] == "2022-03"
    # each line labelled at its last point instead of a legend
    assert {a["text"] for a in fig["layout"]["annotations"]} == {"<b>Neighbours</b>", "<b>Russia</b>"}
    assert all(a["x"] == "2022-04" for a in fig["layout"]["annotations"])


def test_event_study_title_states_the_pooled_effect_with_its_interval():
    pooled = [{"group": "neighbours", "estimate": 0.43, "ci_low": 0.28, "ci_high": 0.58},
              {"group": "russia", "estimate": -0.86, "ci_low": -1.01, "ci_high": -0.72}]
    title = event_study_title({"spec": SPEC, "pooled": pooled})
    above = f"{math.exp(0.43) - 1:.0%} above"       # 54%
    below = f"{1 - math.exp(-0.86):.0%} below"       # 58%
    assert title.startswith("From Mar 2022, the EU's exports of sanctioned goods to the neighbours ran " + above)
    assert f"to Russia, {below}" in title
    assert f"95% CI +{math.exp(0.28) - 1:.0%} to +{math.exp(0.58) - 1:.0%}" in title
    unclear = event_study_title({"spec": SPEC, "pooled": [{"group": "neighbours", "estimate": 0.1, "ci_low": -0.1,
                                                           "ci_high": 0.3}]})
    assert "ran no different from its other exports" in unclear


def test_growth_bars_run_from_one_to_each_multiple():
    fig = growth_figure(growth())
    bar = fig["data"][0]
    assert bar["y"] == ["Russia", "Belarus", "Kyrgyzstan"]       # largest on top (plotly draws the first lowest)
    assert bar["base"] == [1.0, 1.0, 1.0]
    assert bar["x"] == pytest.approx([0.41 - 1, 1.21 - 1, 7.07 - 1])
    assert bar["text"] == ["×0.41", "×1.2", "×7.1"]
    assert bar["marker"]["color"][0] == COLOURS["russia"]
    assert fig["layout"]["xaxis"]["type"] == "log"
    assert "partial year (11 months)" in bar["hovertext"][2]
    title = growth_title(growth(), "sanctioned")
    assert title == ("EU exports of sanctioned goods rose most to Kyrgyzstan (×7.1) and fell to Russia (×0.41), "
                     "Jan–Nov 2022 against Jan–Nov 2021")


def test_top_products_named_over_their_bars_and_told_apart():
    fig = top_products_figure(top())
    assert [t["name"] for t in fig["data"]] == ["rise in exports to the neighbours", "fall in exports to Russia"]
    rise = fig["data"][0]
    assert rise["x"] == [101.0, 204.0, 271.7]                   # smallest first: the largest is drawn on top
    words = [a["text"] for a in fig["layout"]["annotations"]]
    assert words[2] == "Smartphones"
    # the two tractors cut to the same words keep apart by their codes
    assert words[0].endswith("(87012110)") and words[1].endswith("(87012190)")


def test_figures_have_titles_subtitles_flags_and_declared_source_names():
    summary = {"products": "sanctioned", "neighbours": ["KGZ"], "growth": growth().to_dict("records"),
               "top_products": top().to_dict("records"),
               "event_study": {"spec": SPEC, "coefficients": coefficients().to_dict("records"),
                               "pooled": [{"group": "neighbours", "estimate": 0.43, "ci_low": 0.28,
                                           "ci_high": 0.58}]}}
    charts = figures(summary, NAMES)
    assert [c["id"] for c in charts] == ["rr-growth", "rr-event", "rr-top"]
    assert charts[0]["source"] == "Source: Eurostat Comext (sanction-annex goods)"
    assert "flags: partial year (11 months)" in charts[0]["subtitle"]
    assert charts[1]["source"].startswith("Source: Eurostat Comext; Eurostat Comext (sanction-annex goods). Control: ")
    assert "345 observations" in charts[1]["subtitle"]
    assert charts[2]["title"].startswith("Smartphones led the rise") and "(+€271.7 m)" in charts[2]["title"]
    assert "Mar–Nov 2022 against Mar–Nov 2021" in charts[2]["title"]


def test_leakage_sentence_and_legs_carry_their_flags():
    summary = {"neighbours": ["KGZ", "ARM"],
               "leakage": [{"year": 2022, "base_year": 2021, "first_month": 3, "last_month": 11, "rise": 3.83e9,
                            "fall": 18.452e9, "value": 3.83 / 18.452, "currency": "EUR", "quality": "partial_year:9m",
                            "source": "eurostat_sanctioned"}],
               "roundabout": [
                   {"partner": "ARM", "year": 2022, "leg": LEG_EU, "base_value": 179.4e6, "end_value": 701.8e6,
                    "value": 3.912, "unit": "EUR", "quality": "partial_year:11m", "source": "eurostat_sanctioned"},
                   {"partner": "ARM", "year": 2023, "leg": LEG_RUSSIA, "base_value": 2.41e9, "end_value": 0.355e9,
                    "value": 0.147, "unit": "USD", "quality": "partial_year:1m", "source": "national_am"}]}
    (sentence,) = leakage_sentences(summary, NAMES)
    assert sentence.startswith(f"Leakage ratio {3.83 / 18.452:.2f}: from Mar–Nov 2022 against Mar–Nov 2021")
    assert "(Kyrgyzstan, Armenia) rose by €3.8 bn" in sentence and "fell by €18.5 bn" in sentence
    assert "(Eurostat Comext (sanction-annex goods); flags: partial year (9 months))" in sentence
    eu, one_month = leg_rows(summary, NAMES)
    # the EU leg compares the same 11 months of both years: its multiple stands, with its flag
    assert eu["multiple"] == "×3.9" and eu["flags"] == ["partial year (11 months)"]
    # one month of 2023 set against the whole of 2022: no multiple, the reason instead
    assert one_month["multiple"] == "" and one_month["reason"] == "not compared: partial year (1 month) only"
    assert one_month["flags"] == ["partial year (1 month)"]


def test_no_product_trade_no_section():
    assert section({}, NAMES) == {} and figures({"growth": []}, NAMES) == []


def test_the_key_finding_names_the_largest_rise_russias_fall_and_the_leakage():
    from multipolar.report.rerouting import finding

    summary = {"products": "sanctioned", "growth": growth().to_dict("records"),
               "leakage": [{"year": 2022, "first_month": 3, "last_month": 11, "value": 0.2076}]}
    text = finding(summary, NAMES)
    assert text == ("Sanctions re-routing: the EU's exports of sanctioned goods, Jan–Nov 2022 against Jan–Nov 2021: "
                    "to Kyrgyzstan ×7.1 (€70.1 m → €495.0 m), to Russia ×0.41 (€30.4 bn → €12.6 bn) (Eurostat "
                    "Comext (sanction-annex goods); flags: partial year (11 months)); the neighbours gained 0.21 "
                    "euro for each euro Russia lost (Mar–Nov 2022).")
    assert finding({}, NAMES) is None
