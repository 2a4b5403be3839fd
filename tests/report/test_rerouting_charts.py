"""The re-routing figures: confidence bands drawn around each group's line, Russia in blue, a Source line under each."""

from __future__ import annotations

import pandas as pd
import pytest

from multipolar.report.rerouting import COLOURS, event_study_figure, growth_figure, top_products_figure


def coefficients():
    rows = []
    for group, effect in (("neighbours", 0.8), ("russia", -1.0)):
        for i, period in enumerate(["2022-01", "2022-02", "2022-03", "2022-04"]):
            est = 0.0 if period == "2022-02" else (effect if i >= 2 else 0.05)
            rows.append({"group": group, "period": period, "event_time": i - 1, "estimate": est,
                         "std_error": 0.1, "ci_low": est - 0.2, "ci_high": est + 0.2, "p_value": 0.01,
                         "effect": 2.718281828 ** est - 1})
    return pd.DataFrame(rows)


SPEC = {"alpha": 0.05, "reference": "2022-02", "post_from": "2022-03", "source": "eurostat_sanctioned",
        "estimator": "ppml", "control": "all goods minus the sanctioned codes"}


def test_event_study_bands_and_source():
    fig = event_study_figure(coefficients(), SPEC)
    bands = [t for t in fig["data"] if t.get("fill") == "toself"]
    lines = [t for t in fig["data"] if t.get("mode") == "lines+markers"]
    assert len(bands) == 2 and len(lines) == 2
    russia = next(t for t in lines if t["name"] == "Russia")
    assert russia["line"]["color"] == COLOURS["russia"] == "#2457a6"
    # the band runs along ci_high and back along ci_low
    band = bands[1]
    assert band["y"] == pytest.approx([0.25, 0.2, -0.8, -0.8, -1.2, -1.2, -0.2, -0.15])
    assert fig["layout"]["annotations"][0]["text"].startswith("Source: Eurostat Comext")
    assert fig["layout"]["shapes"][0]["x0"] == "2022-03"


def test_growth_and_top_products():
    growth = pd.DataFrame({"partner": ["KGZ", "RUS"], "value": [7.07, 0.41], "base_value": [70.1e6, 30.4e9],
                           "end_value": [495e6, 12.6e9], "currency": "EUR", "quality": "partial_year:11m",
                           "first_month": 1, "last_month": 11, "year": 2022, "base_year": 2021,
                           "products": "sanctioned", "source": "eurostat_sanctioned"})
    fig = growth_figure(growth)
    bar = fig["data"][0]
    assert bar["x"] == ["KGZ", "RUS"] and bar["text"] == ["x7.1", "x0.4"]
    assert bar["marker"]["color"] == [COLOURS["neighbours"], COLOURS["russia"]]
    assert "Jan-Nov 2022 against Jan-Nov 2021" in fig["layout"]["title"]["text"]
    assert "partial_year:11m" in fig["layout"]["annotations"][0]["text"]
    top = pd.DataFrame({"group": ["85171300"], "label": ["Smartphones [85171300]"], "rise": [9.5e6],
                        "fall": [-5.8e6], "quality": ["partial_year:9m"], "source": ["eurostat_sanctioned"]})
    fig = top_products_figure(top)
    assert [t["name"] for t in fig["data"]] == ["rise to the neighbours", "fall to Russia"]
    assert fig["data"][0]["x"] == [9.5]
