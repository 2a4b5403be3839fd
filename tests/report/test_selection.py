"""The report's pure selection on hand-made crossover rows and series: which source heads a cell, the reading and
since when (as the crossover rows say: never re-decided), which way the lead moved, the findings' sentences, source
names, chart ranges, the heatmap cells, coverage and provenance records; and the gathering's disk cache."""

from __future__ import annotations

import pandas as pd
import pytest

from multipolar.errors import UsageError
from multipolar.report import gathering as gather, selection as select


def _cross(rows, readings, qualities=None):
    """Crossover rows as the crossover gives them, each with its own `leader` (the one lead rule's reading, given
    here) and `quality`."""
    columns = ["country", "dimension", "source", "measure", "first_year", "held", "latest_year", "latest_lead",
               "china_latest", "russia_latest", "since_year", "leader_since", "lead_change", "first_compared",
               "n_years", "note"]
    frame = pd.DataFrame([dict(zip(columns, r)) for r in rows], columns=columns)
    for c in ("first_year", "latest_year", "since_year", "leader_since", "first_compared", "n_years"):
        frame[c] = frame[c].astype("Int64")
    frame["leader"] = readings
    frame["quality"] = qualities or [""] * len(frame)
    return frame


def _series(points):
    """points: {(country, partner, source): {year: value}} → indicator-like frame with flow turnover."""
    rows = [{"country": c, "partner": p, "source": s, "flow": "turnover", "year": y, "value": v}
            for (c, p, s), values in points.items() for y, v in values.items()]
    return pd.DataFrame(rows)


CROSS = _cross([
    # country, dimension, source, measure, first, held, latest, lead, china, russia, since, leader since,
    # lead change, first compared, n, note
    ("KAZ", "trade", "mirror:imf_dots", "trade_share:turnover", 2009, False, 2020, 0.02, 0.24, 0.22, 2019, 2019,
     0.01, 1994, 27, "m"),
    ("KAZ", "trade", "reconciled", "trade_share:turnover", 2009, False, 2023, 0.0215, 0.2154, 0.1939, 2023, 2023,
     0.0615, 1994, 30, "r"),
    ("KAZ", "trade", "national_kz", "trade_share:turnover", 2023, True, 2023, 0.0215, 0.2154, 0.1939, 2023, 2023,
     0.05, 2018, 6, "n"),
    ("KAZ", "security", "sipri_at", "arms_share_5y", None, None, 2023, -0.94, 0.0, 0.94, None, 2000, -0.08, 2000, 24,
     "s"),
    ("KAZ", "finance", "aiddata_gcdf3", "finance_commitments", None, None, 2021, None, 1e8, None, None, None, None,
     None, None, "no Russia data in this source: no comparison possible"),
], ["China", "China", "China", "Russia", "no clear lead"], ["", "source_switch", "", "", "no_comparison"])


def test_primary_row_prefers_the_reconciled_view_then_recency():
    prim = select.primary_rows(CROSS)
    trade = prim[(prim.country == "KAZ") & (prim.dimension == "trade")].iloc[0]
    assert trade["source"] == "reconciled"
    # A dimension with no comparison keeps its (only) row so the table can say why.
    finance = prim[prim.dimension == "finance"].iloc[0]
    assert pd.isna(finance["latest_lead"])


def test_headline_leader_since_trend_and_agreement():
    head = select.headline(CROSS, ["KAZ"]).set_index("dimension")
    trade = head.loc["trade"]
    # The reconciled row heads the cell: its leader_since and lead_change (not the other sources')
    assert trade["leader"] == "CHN" and trade["since"] == 2023 and trade["source"] == "reconciled"
    assert trade["trend"] == "china" and trade["change"] == pytest.approx(0.0615)  # +6.15 points > 2 → toward China
    assert (trade["agree"], trade["compared"]) == (3, 3)
    security = head.loc["security"]
    assert security["leader"] == "RUS" and security["since"] == 2000  # Russia's run, from the crossover row
    assert security["trend"] == "russia"  # -8 points
    finance = head.loc["finance"]
    assert finance["leader"] is None and finance["since"] is None and "no Russia data" in finance["note"]


def _with_readings(frame, readings, qualities=None):
    """The rows as the one lead rule's crossover gives them: `leader` and `quality` columns."""
    out = frame.copy()
    out["leader"] = readings
    out["quality"] = qualities or [""] * len(out)
    return out


def test_the_crossover_reading_is_shown_never_re_decided():
    """A 2.15-point gap the rule reads as no clear lead (e.g. the sources' spread) stays 'no clear lead': the grid
    does not turn the sign of the gap into a leader, and names no 'since'."""
    cross = _with_readings(CROSS, ["China", "no clear lead", "China", "Russia", None],
                           ["", "source_switch", "partial_year:9m", "", "no_comparison"])
    head = select.headline(cross, ["KAZ"]).set_index("dimension")
    trade = head.loc["trade"]
    assert trade["reading"] == "no clear lead" and trade["leader"] is None and trade["since"] is None
    assert trade["quality"] == "source_switch"
    assert (trade["agree"], trade["compared"]) == (1, 3)  # mirror and national views read China
    rows, dims = select.grid(select.headline(cross, ["KAZ"]), ["KAZ"], {"KAZ": "Kazakhstan"})
    cells = {c["dimension"]: c for c in rows[0]["cells"]}
    assert cells["trade"]["text"] == "no clear lead" and cells["trade"]["css"] == "unclear"
    assert cells["trade"]["year"] == 2023 and cells["trade"]["flags"] == ["source switch"]
    assert cells["security"]["text"] == "Russia" and cells["security"]["since"] == "since 2000"
    assert cells["finance"]["text"] == "no comparison" and cells["finance"]["figures"] == "China $100.0 m"
    assert dims == ["trade", "security", "finance"]


def test_a_reading_without_comparison_says_so():
    """Where only one power has data the crossover reads 'no clear lead' with a no_comparison flag: the grid says
    'no comparison' (nothing was compared) and the findings do not list it as a close call."""
    cross = _with_readings(CROSS.iloc[[4]].reset_index(drop=True), ["no clear lead"], ["no_comparison"])
    cross["latest_lead"] = [0.0]
    head = select.headline(cross, ["KAZ"])
    rows, _dims = select.grid(head, ["KAZ"])
    cell = rows[0]["cells"][0]
    assert cell["text"] == "no comparison" and cell["css"] == "none" and cell["flags"] == []
    assert cell["figures"] == "China $100.0 m"
    assert select.findings(head, sources={}) == []


def test_every_grid_cell_has_its_year():
    rows, _dims = select.grid(select.headline(CROSS, ["KAZ"]), ["KAZ"])
    assert all(c["year"] for c in rows[0]["cells"]), rows


def test_findings_cite_figure_year_and_source_and_never_a_rejected_lead():
    """Each sentence carries a figure, a year and a source; a state the rule reads as no clear lead is listed as
    such and never counted as led."""
    states = ["KAZ", "UZB", "KGZ"]
    cross = _cross([
        ("KAZ", "trade", "reconciled", "trade_share:turnover", 2009, False, 2023, 0.0215, 0.2154, 0.1939, 2023,
         2023, 0.06, 1994, 30, ""),
        ("UZB", "trade", "reconciled", "trade_share:turnover", 2010, True, 2022, 0.01, 0.20, 0.19, 2010, 2010, 0.0,
         1994, 30, ""),
        ("KGZ", "trade", "reconciled", "trade_share:turnover", None, None, 2023, -0.05, 0.20, 0.25, None, 1994,
         0.0, 1994, 30, ""),
    ], ["China", "no clear lead", "Russia"], ["coverage:82%; estimate", "", ""])
    head = select.headline(cross, states, {"reconciled": "reconciled view"})
    asym = pd.DataFrame({"country": ["RUS"], "partner": ["CHN"], "year": [2023], "source": ["imf_imts"],
                         "value": [8.06], "country_share": [0.341], "partner_share": [0.0423]})
    lines = select.findings(head, sources={"imf_imts": "IMF IMTS"}, asymmetry=asym,
                            verdicts=[{"verdict": "supported"}, {"verdict": "contradicted"}],
                            article_date="2024-07-11")
    assert 3 <= len(lines) <= 8
    trade = lines[0]
    assert "China leads in 1 of the 3 states compared" in trade
    # the example's figures carry their flags
    assert ("Kazakhstan: 21.5% of its goods trade against Russia's 19.4% (2023, reconciled view; flags: coverage "
            "(82%), estimate)") in trade
    assert "Russia leads in 1" in trade and "Kyrgyzstan: 25.0%" in trade
    assert "no clear lead in Uzbekistan (2022)" in trade
    assert "34.1% of Russia's goods trade in 2023" in lines[1] and "(IMF IMTS)" in lines[1] and "8.1 times" in lines[1]
    assert "of the 2 checkable claims" in lines[2] and "2024-07-11" in lines[2]
    import re
    for line in lines:
        assert re.search(r"\d", line) and re.search(r"(19|20)\d\d", line), line


def test_source_names_read_the_declared_names():
    names = {"imf_dots": "IMF Direction of Trade Statistics", "unvotes": "UNGA roll-call votes (unvotes)",
             "national_kz": "Kazakhstan's Bureau of National Statistics"}
    assert select.source_name("national_kz", names) == "Kazakhstan's Bureau of National Statistics"
    assert select.source_name("mirror:imf_dots", names) == "partners' reports (IMF Direction of Trade Statistics)"
    assert select.source_name("unvotes_computed", names) == "UNGA roll-call votes (unvotes)"
    assert select.source_name("reconciled", names) == "reconciled view"
    line = select.source_line(["imf_dots", "national_kz", "imf_dots"], names, highlight="national_kz")
    assert line == "Source: Kazakhstan's Bureau of National Statistics; IMF Direction of Trade Statistics"


def test_charts_span_the_same_years_from_1992():
    trade = _series({("KAZ", "CHN", "a"): {1995: 0.1, 2023: 0.2}, ("UZB", "CHN", "a"): {1980: 0.1}})
    votes = _series({("KAZ", "RUS", "b"): {1946: 0.5, 2022: 0.6}})
    assert select.year_range([trade, votes], "KAZ") == (1992, 2023)
    assert select.year_range([trade], "UZB", first=1970) == (1980, 1980)
    assert select.year_range([pd.DataFrame()], "KAZ") is None


def test_highlight_follows_the_grid_then_the_preference():
    frame = _series({("KAZ", "CHN", "mirror:imf_dots"): {2020: 0.1}, ("KAZ", "CHN", "national_kz"): {2020: 0.1}})
    assert select.highlight_source(frame, "trade", "mirror:imf_dots") == "mirror:imf_dots"
    assert select.highlight_source(frame, "trade", "reconciled") == "national_kz"  # not drawn: next preferred


def test_titles_state_the_finding():
    cells = [{"dimension": "trade", "reading": "China", "year": 2023},
             {"dimension": "diplomacy", "reading": "no clear lead", "year": 2022},
             {"dimension": "finance", "reading": None, "year": 2021}]
    assert select.state_title("Kazakhstan", cells) == ("Kazakhstan: China leads in trade (2023); no clear lead in UN "
                                                       "votes (2022)")
    assert select.chart_title("trade", "goods trade", "Kazakhstan", cells[0]) == ("China leads in Kazakhstan's goods "
                                                                                  "trade (2023)")
    assert select.chart_title("trade", "goods trade", "Kazakhstan", None).endswith("no comparison of China and "
                                                                                   "Russia")


def test_direction_reads_the_change_with_the_lead_rule():
    """The lead now against the lead at the window's start, read with indicators.leads: 2 points on a share, 10% of
    the larger value on a summed score (the rule's thresholds, documented there)."""
    assert select.direction(0.05, None, "trade_share:turnover") == "steady"  # a single year compared
    assert select.direction(0.05, 0.01, "trade_share:turnover") == "steady"  # 1 point
    assert select.direction(0.05, 0.03, "trade_share:turnover") == "china"
    assert select.direction(0.05, -0.05, "arms_share_5y") == "russia"
    # GDELT scores: -137 now against -117 five years before: a 20-point move, over 10% of 137
    assert select.direction(-137.0, -20.0, "event_balance", "gdelt_annual") == "russia"
    assert select.direction(-137.0, -5.0, "event_balance", "gdelt_annual") == "steady"


def test_heatmap_keeps_share_measures_only():
    extra = _cross([("KAZ", "diplomacy", "gdelt_annual", "event_balance", None, None, 2024, -137.0, 629.0, 766.0,
                     None, 2018, -20.0, 2018, 7, "")], ["Russia"])
    table = select.heatmap_frame(pd.concat([CROSS, extra], ignore_index=True), ["KAZ", "UZB"])
    assert table.loc["KAZ", "trade"] == pytest.approx(0.0215)
    assert table.loc["KAZ", "security"] == pytest.approx(-0.94)
    assert "diplomacy" not in table.columns or pd.isna(table.loc["KAZ", "diplomacy"])  # GDELT scores are not shares
    assert table.loc[["UZB"]].isna().all(axis=None)
    assert table.attrs["labels"].loc["KAZ", "trade"] == "reconciled, 2023"
    assert table.attrs["readings"].loc["KAZ", "security"] == "Russia"


def test_trade_coverage_counts_years_with_both_powers():
    frame = _series({("KAZ", "CHN", "a"): {2000: 1, 2001: 1, 2003: 1}, ("KAZ", "RUS", "a"): {2000: 1, 2001: 1,
                                                                                                2003: 1, 2004: 1}})
    cover = select.trade_coverage(frame, ["KAZ", "UZB"])
    assert cover.loc["KAZ", "a"] == "2000–2003 (3 yrs)"
    assert cover.loc["UZB", "a"] == ""


def test_provenance_lists_each_source_once_with_its_tables():
    manifest = {"tables": {
        "t1": {"coverage": {"rows": 3, "years": [2000, 2001], "sources": ["s1"]}, "description": "d",
               "sources": [{"id": "s1", "producer": "P"}]},
        "t2": {"coverage": {"rows": 1}, "sources": [{"id": "s1", "producer": "P"}, {"id": "s2", "producer": "Q"}]}}}
    tables, sources = select.provenance(manifest)
    assert [t["name"] for t in tables] == ["t1", "t2"] and tables[0]["span"] == "2000–2001"
    assert [(s["id"], s["tables"]) for s in sources] == [("s1", ["t1", "t2"]), ("s2", ["t2"])]


@pytest.mark.parametrize("call", [lambda: gather.check_region("europe"), lambda: gather.check_lang("fr")])
def test_invalid_region_or_language_lists_the_choices(call):
    with pytest.raises(UsageError, match="valid choices"):
        call()


def test_seed_article_is_shipped_with_its_date():
    article = gather.seed_article()
    assert article["date"] == "2024-07-11"
    assert article["text"].startswith("The Shanghai Cooperation Organization (SCO)")
    assert "21.3 percent" in article["text"]


def test_article_html_marks_claims_and_escapes_text():
    from multipolar.report.build import article_html

    text = "A <b> claim. Another claim."
    out = article_html(text, [{"span": [0, 12], "verdict": "supported"}, {"span": [5, 9], "verdict": "contradicted"},
                              {"span": [13, 26], "verdict": "partly supported"}])
    assert "&lt;b&gt;" in out and "<b>" not in out
    assert 'class="claim supported" href="#claim-1"' in out
    assert 'href="#claim-2"' not in out  # overlaps claim 1: not marked twice
    assert 'class="claim partly-supported" href="#claim-3"' in out


def test_disk_cache_reuses_results_until_the_pack_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "manifest.json").write_text('{"tables": {}}')
    calls = []

    def compute():
        calls.append(1)
        return pd.DataFrame({"country": ["KAZ"], "first_year": pd.array([None], dtype="Int64")})

    first = gather._cached_frame(gather.DiskCache(pack), ("crossover", "KAZ"), compute)
    again = gather._cached_frame(gather.DiskCache(pack), ("crossover", "KAZ"), compute)
    assert len(calls) == 1
    pd.testing.assert_frame_equal(first, again)  # nullable years survive the round trip
    (pack / "manifest.json").write_text('{"tables": {"x": {}}}')
    gather._cached_frame(gather.DiskCache(pack), ("crossover", "KAZ"), compute)
    assert len(calls) == 2  # another pack: recomputed
    assert gather._cached_frame(None, ("crossover", "KAZ"), compute) is not None and len(calls) == 3


def test_disk_cache_ignores_a_damaged_file(tmp_path, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "manifest.json").write_text("{}")
    disk = gather.DiskCache(pack)
    path = disk.path(("verdicts", "x"), ".json")
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    assert gather._cached_json(disk, ("verdicts", "x"), lambda: [{"verdict": "supported"}]) == [{"verdict": "supported"}]
    assert gather._cached_json(disk, ("verdicts", "x"), lambda: []) == [{"verdict": "supported"}]  # now stored


def test_every_template_and_asset_is_packaged():
    """Files the report and dashboard read at run time must match pyproject's package-data (globs, where `*` does
    not cross a folder), or `pip install .` (not editable) would leave them out."""
    import fnmatch
    import tomllib
    from pathlib import Path

    def matches(rel: str, pattern: str) -> bool:
        parts, want = rel.split("/"), pattern.split("/")
        return len(parts) == len(want) and all(fnmatch.fnmatchcase(p, w) for p, w in zip(parts, want))

    root = Path(__file__).resolve().parents[2]
    patterns = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["multipolar"]
    package = root / "src" / "multipolar"
    for layer in ("report", "web"):
        for path in (package / layer).rglob("*"):
            if path.is_file() and path.suffix not in (".py", ".pyc"):
                rel = path.relative_to(package).as_posix()
                assert any(matches(rel, p) for p in patterns), f"{rel} is not in package-data"


def test_flag_words_follow_a_figure():
    assert select.flag_words("") == ""
    assert select.flag_words("no_comparison") == ""  # said in words where it applies
    assert select.flag_words("partial_year:1m; preliminary") == "; flags: partial year (1 month), preliminary"
    assert select.flag_words("carried_forward:alliance=2018; carried_forward:igo=2014; coverage:86%") == \
        "; flags: carried forward (alliance 2018, igo 2014), coverage (86%)"


def test_a_finding_s_figures_carry_their_own_flags_not_the_lead_s_first_year_s():
    """A key finding quotes the two latest values: a flag of the year the lead began (here a 5-year window that held
    one year) belongs to the reading, not to those values; a flag of the latest year does."""
    row = {"country": "PAK", "measure": "arms_share_5y", "dimension": "security", "china": 0.82, "russia": 0.02,
           "latest_year": 2023, "source_name": "SIPRI", "quality": "partial_window:1y"}
    assert "flags" not in select._example({**row, "latest_quality": ""}, 1, {})
    assert "partial window" not in select._example({**row, "latest_quality": "estimate"}, 1, {})
    assert select._example({**row, "latest_quality": "estimate"}, 1, {}).endswith("(2023, SIPRI; flags: estimate)")
    # A crossover frame written before latest_quality existed: the reading's flags, as before.
    assert "partial window (1 year)" in select._example(row, 1, {})


def test_junior_partner_finding_adds_chinas_later_share_with_its_flags():
    """Issue 9, item 6: the ratio needs both shares (Russia's share of China's trade ends earlier), but China's share
    of Russia's trade runs on: the finding gives its latest year too, with that figure's flags, and says why there is
    no ratio for it."""
    asym = pd.DataFrame({"country": ["RUS"] * 3, "partner": ["CHN"] * 3, "year": [2020, 2023, 2024],
                         "source": ["reconciled"] * 3, "value": [7.9, None, None],
                         "country_share": [0.184, 0.314, 0.334], "partner_share": [0.023, None, None],
                         "quality": ["", "estimate", "estimate"]})
    (line,) = select.findings(pd.DataFrame(columns=["reading", "quality", "dimension"]), sources={},
                              asymmetry=asym)
    assert "18.4% of Russia's goods trade in 2020" in line and "7.9 times" in line
    assert "by 2024 China's share of Russia's goods trade reached 33.4% (reconciled view; flags: estimate)" in line
    assert "so no ratio" in line
    (only,) = select.findings(pd.DataFrame(columns=["reading", "quality", "dimension"]), sources={},
                              asymmetry=asym.iloc[:1])
    assert "by 20" not in only
