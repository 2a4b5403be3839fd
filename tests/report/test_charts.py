"""Figure builders on small hand-made frames: lines per power and source, gaps, heatmap cells, membership bars."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from multipolar.report import charts


def _frame(rows):
    return pd.DataFrame(rows, columns=["country", "partner", "year", "source", "value"])


def test_gapped_breaks_lines_at_missing_years():
    xs, ys = charts.gapped([2000, 2001, 2004], [0.1, float("nan"), 0.3])
    # 2002 is inserted with None so plotly does not bridge 2001 → 2004; NaN becomes None too.
    assert xs == [2000, 2001, 2002, 2004]
    assert ys == [0.1, None, None, 0.3]


def test_state_figure_draws_one_line_per_power_and_source():
    trade = _frame([("KAZ", "CHN", 2020, "a", 0.2), ("KAZ", "CHN", 2021, "a", 0.25),
                    ("KAZ", "RUS", 2020, "a", 0.3), ("KAZ", "RUS", 2021, "a", 0.2),
                    ("KAZ", "CHN", 2020, "b", 0.22), ("UZB", "CHN", 2020, "a", 0.9)])
    styles = charts.source_styles(["a", "b"])
    fig = charts.state_figure("KAZ", "Kazakhstan", {"Trade": (trade, ".0%"), "Arms": (_frame([]), ".0%")},
                              styles, {"CHN": "China", "RUS": "Russia"})
    names = sorted(t["name"] for t in fig["data"])
    assert names == ["China · a", "China · b", "Russia · a"]  # UZB's row is not KAZ's
    colours = {t["name"]: t["line"]["color"] for t in fig["data"]}
    assert colours["China · a"] == charts.COLOURS["CHN"] and colours["Russia · a"] == charts.COLOURS["RUS"]
    dashes = {t["name"]: t["line"]["dash"] for t in fig["data"]}
    assert dashes["China · a"] != dashes["China · b"]  # sources drawn distinctly
    china_a = next(t for t in fig["data"] if t["name"] == "China · a")
    assert china_a["x"] == [2020, 2021] and china_a["y"] == [0.2, 0.25]
    # The empty panel says so instead of drawing an empty frame silently.
    assert any(a["text"] == "no data in the pack" for a in fig["layout"]["annotations"])
    assert fig["layout"]["xaxis2"]["domain"][0] > fig["layout"]["xaxis"]["domain"][1]


def test_grid_domains_do_not_overlap():
    cells = charts.grid(4)
    assert [(c["row"], c["col"]) for c in cells] == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert cells[0]["x"][1] < cells[1]["x"][0] and cells[2]["y"][1] < cells[0]["y"][0]
    assert all(0 <= v <= 1 for c in cells for v in c["x"] + c["y"])


def test_heatmap_shows_china_minus_russia_in_points():
    table = pd.DataFrame({"trade": [0.0214, None], "security": [-0.94, 0.2]}, index=["KAZ", "UZB"])
    table.attrs["labels"] = pd.DataFrame({"trade": ["reconciled, 2023", None], "security": ["sipri_at, 2023"] * 2},
                                         index=["KAZ", "UZB"])
    fig = charts.heatmap_figure(table, {"KAZ": "Kazakhstan", "UZB": "Uzbekistan"})
    trace = fig["data"][0]
    assert trace["z"] == [[2.1, -94.0], [None, 20.0]]  # 0.0214 → 2.14 → 2.1 points
    assert trace["text"][0] == ["+2.1", "-94.0"] and trace["text"][1][0] == ""
    assert trace["customdata"][1][0] == "no comparison"
    assert trace["zmid"] == 0 and trace["zmax"] == 94.0 and trace["zmin"] == -94.0
    assert trace["y"] == ["Kazakhstan", "Uzbekistan"]


def test_membership_bars_run_from_start_to_end_or_today():
    rows = pd.DataFrame({"organization": ["SCO", "SCO"], "country": ["IND", "IND"], "role": ["observer", "member"],
                         "start": [dt.date(2005, 7, 5), dt.date(2017, 6, 9)], "end": [dt.date(2017, 6, 9), None],
                         "citation": ["Astana 2005", "Astana 2017"]})
    today = dt.date(2024, 7, 11)
    fig = charts.membership_figure("SCO", "SCO", rows, {"IND": "India"}, today)
    bars = {t["name"]: t for t in fig["data"]}
    assert bars["observer"]["base"] == ["2005-07-05"]
    assert bars["observer"]["x"] == [(dt.date(2017, 6, 9) - dt.date(2005, 7, 5)).days * 86_400_000]
    assert bars["member"]["x"] == [(today - dt.date(2017, 6, 9)).days * 86_400_000]
    assert bars["member"]["customdata"][0][1] == ""  # open end shown as open, not as today
    assert fig["layout"]["xaxis"]["range"][1] == "2024-07-11"


def test_to_json_is_safe_inside_a_script_and_has_no_nan():
    text = charts.to_json({"data": [{"y": [1.0, float("nan"), float("inf")], "name": "</script><b>"}]})
    assert "</script>" not in text
    assert json.loads(text)["data"][0]["y"] == [1.0, None, None]
    assert json.loads(text)["data"][0]["name"] == "</script><b>"


def test_to_div_needs_no_network():
    div = charts.to_div({"data": [], "layout": {"height": 300}}, "fig-x")
    assert 'id="fig-x"' in div and "mpDraw(\"fig-x\"" in div
    assert "http" not in div


@pytest.mark.parametrize("labels", [["a"], ["x", "y", "z", "w", "v", "u", "t"]])
def test_source_styles_are_distinct_up_to_the_cycle(labels):
    styles = charts.source_styles(labels)
    pairs = [(s["dash"], s["symbol"]) for s in styles.values()]
    assert len(set(pairs)) == len(pairs)
