"""Figure builders on small hand-made frames: a highlighted view labelled at its line ends with the others faded,
hollow markers for flagged figures and a diamond at a source switch, whole-year ticks, the heatmap's readings,
membership bars, and the HTML around a chart (title, source line)."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd

from multipolar.report import charts

NAMES = {"national_kz": "Kazakhstan's Bureau of National Statistics", "imf_dots": "IMF Direction of Trade Statistics"}


def _frame(rows):
    return pd.DataFrame(rows, columns=["country", "partner", "year", "source", "value", "quality"])


def test_gapped_breaks_lines_at_missing_years():
    xs, ys, qs = charts.gapped([2000, 2001, 2004], [0.1, float("nan"), 0.3], ["", "estimate", ""])
    # 2002 is inserted with None so plotly does not bridge 2001 → 2004; NaN becomes None too.
    assert xs == [2000, 2001, 2002, 2004]
    assert ys == [0.1, None, None, 0.3]
    assert qs == ["", "estimate", None, ""]


def test_year_ticks_are_whole_distinct_years_ending_at_the_last():
    assert charts.year_ticks(2021, 2023) == [2021, 2022, 2023]  # a short span: every year, never 2021.5
    ticks = charts.year_ticks(1992, 2023)
    assert ticks == [1992, 2000, 2010, 2023] and len(set(ticks)) == len(ticks)
    axis = charts.x_axis((1992, 2023))
    assert axis["tickformat"] == "d" and axis["range"][1] > 2023 + 2  # room for the line-end labels


def test_state_lines_highlight_one_view_and_label_its_ends():
    frame = _frame([("KAZ", "CHN", 2020, "national_kz", 0.20, ""), ("KAZ", "CHN", 2021, "national_kz", 0.25,
                                                                      "estimate"),
                    ("KAZ", "RUS", 2020, "national_kz", 0.30, ""), ("KAZ", "RUS", 2021, "national_kz", 0.21,
                                                                     "source_switch"),
                    ("KAZ", "CHN", 2020, "mirror:imf_dots", 0.22, ""), ("UZB", "CHN", 2020, "national_kz", 0.9, "")])
    series = charts.power_series(frame, "KAZ", "national_kz", NAMES)
    fig = charts.lines_figure(series, years=(2020, 2021), yformat=".0%", ytitle="% of the state's goods trade")
    traces = {t["name"]: t for t in fig["data"]}
    assert set(traces) == {"China · Kazakhstan's Bureau of National Statistics",
                           "Russia · Kazakhstan's Bureau of National Statistics",
                           "China · partners' reports (IMF Direction of Trade Statistics)"}  # UZB's row is not KAZ's
    china = traces["China · Kazakhstan's Bureau of National Statistics"]
    faded = traces["China · partners' reports (IMF Direction of Trade Statistics)"]
    assert china["line"]["color"] == charts.COLOURS["CHN"] and china["line"]["width"] > faded["line"]["width"]
    assert faded["opacity"] < 0.5 and faded["mode"] == "lines"
    assert china["x"] == [2020, 2021] and china["y"] == [0.2, 0.25]
    assert china["marker"]["symbol"] == ["circle", "circle-open"]  # the estimate is hollow
    russia = traces["Russia · Kazakhstan's Bureau of National Statistics"]
    assert russia["marker"]["symbol"][1] == "diamond"  # the view changes source here
    labels = {a["text"]: a for a in fig["layout"]["annotations"]}
    assert set(labels) == {"<b>China</b>", "<b>Russia</b>"}  # labels at line ends, no legend
    assert labels["<b>China</b>"]["x"] == 2021 and labels["<b>China</b>"]["y"] == 0.25
    assert fig["layout"]["showlegend"] is False
    assert fig["layout"]["yaxis"]["title"]["text"] == "% of the state's goods trade"
    assert fig["data"][-1]["meta"]["highlighted"]  # highlighted lines drawn on top


def test_close_line_ends_are_spread_apart():
    series = [{"years": [2020], "values": [v], "qualities": [""], "name": n, "label": n, "colour": "#000",
               "highlighted": True, "source": "s", "source_name": "S"}
              for n, v in (("China", 0.200), ("Russia", 0.205), ("World", 0.21), ("Far", 0.9))]
    fig = charts.lines_figure(series, years=(2020, 2020), yformat=".0%", ytitle="%")
    labels = sorted(fig["layout"]["annotations"], key=lambda a: a["y"])
    scale = (charts.LINE_HEIGHT - 48) / fig["layout"]["yaxis"]["range"][1]
    placed = [a["y"] * scale + a["yshift"] for a in labels]
    assert all(b - a >= charts.LABEL_GAP - 0.2 for a, b in zip(placed, placed[1:]))  # no two overlap
    assert labels[0]["yshift"] < 0 < labels[2]["yshift"]  # the close ones move both ways
    assert labels[3]["yshift"] == 0  # a label clear of the others stays at its line's end


def test_an_empty_chart_says_so():
    fig = charts.lines_figure([], years=None, yformat=".0%", ytitle="%", empty="no arms data for Mongolia")
    assert fig["data"] == [] and fig["layout"]["annotations"][0]["text"] == "no arms data for Mongolia"


def test_heatmap_shows_china_minus_russia_in_points_and_marks_no_clear_lead():
    table = pd.DataFrame({"trade": [0.0214, None], "security": [-0.94, 0.012]}, index=["KAZ", "UZB"])
    table.attrs["labels"] = pd.DataFrame({"trade": ["reconciled, 2023", None], "security": ["sipri_at, 2023"] * 2},
                                         index=["KAZ", "UZB"])
    table.attrs["readings"] = pd.DataFrame({"trade": ["China", None], "security": ["Russia", "no clear lead"]},
                                           index=["KAZ", "UZB"])
    fig = charts.heatmap_figure(table, {"KAZ": "Kazakhstan", "UZB": "Uzbekistan"}, {"trade": "Trade"})
    trace = fig["data"][0]
    assert trace["z"] == [[2.1, -94.0], [None, 1.2]]  # 0.0214 → 2.14 → 2.1 points
    assert trace["text"][0] == ["+2.1", "-94.0"] and trace["text"][1] == ["", "≈+1.2"]
    assert trace["customdata"][1][0] == "no comparison" and trace["customdata"][0][1] == "Russia: sipri_at, 2023"
    assert trace["x"] == ["Trade", "Security"] and trace["y"] == ["Kazakhstan", "Uzbekistan"]


def test_membership_bars_run_from_start_to_end_or_today():
    rows = pd.DataFrame({"organization": ["SCO", "SCO"], "country": ["IND", "IND"], "role": ["observer", "member"],
                         "start": [dt.date(2005, 7, 5), dt.date(2017, 6, 9)], "end": [dt.date(2017, 6, 9), None],
                         "citation": ["Astana 2005", "Astana 2017"]})
    today = dt.date(2024, 7, 11)
    fig = charts.membership_figure(rows, {"IND": "India"}, today)
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


def test_a_chart_in_the_page_has_its_title_and_source_line():
    html = charts.figure_html({"data": [], "layout": {"height": 300}}, "fig-x", kind="state", country="KAZ",
                              title="China leads in <Kazakhstan>'s trade (2023)", source="Source: A; B")
    assert 'id="fig-x"' in html and 'mpDraw("fig-x"' in html and "http" not in html
    assert '<h4 class="chart-title">China leads in &lt;Kazakhstan&gt;&#x27;s trade (2023)</h4>' in html
    assert '<figcaption class="chart-source">Source: A; B</figcaption>' in html
    assert 'data-chart="state"' in html and 'data-country="KAZ"' in html


def test_the_partial_plotly_bundle_is_vendored_with_its_licence():
    from importlib import resources

    js = charts.plotly_js()
    assert js.startswith("/*! plotly.js v") and "MIT" in js.splitlines()[0]
    assert len(js.encode()) < 1_500_000  # a partial bundle, not the 4.8 MB full one
    licence = resources.files("multipolar.report").joinpath("assets", "plotly-LICENSE.txt").read_text()
    assert "MIT License" in licence and "Plotly" in licence
