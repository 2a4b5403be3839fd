"""The report's selection logic on hand-made crossover rows and series: which source heads a cell, who leads since
when and which way the lead moved (as the crossover rows say), the heatmap cells, coverage and provenance records."""

from __future__ import annotations

import pandas as pd
import pytest

from multipolar.errors import UsageError
from multipolar.report import data


def _cross(rows):
    columns = ["country", "dimension", "source", "measure", "first_year", "held", "latest_year", "latest_lead",
               "china_latest", "russia_latest", "since_year", "leader_since", "lead_change", "first_compared",
               "n_years", "note"]
    frame = pd.DataFrame([dict(zip(columns, r)) for r in rows], columns=columns)
    for c in ("first_year", "latest_year", "since_year", "leader_since", "first_compared", "n_years"):
        frame[c] = frame[c].astype("Int64")
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
])


def test_primary_row_prefers_the_reconciled_view_then_recency():
    prim = data.primary_rows(CROSS)
    trade = prim[(prim.country == "KAZ") & (prim.dimension == "trade")].iloc[0]
    assert trade["source"] == "reconciled"
    # A dimension with no comparison keeps its (only) row so the table can say why.
    finance = prim[prim.dimension == "finance"].iloc[0]
    assert pd.isna(finance["latest_lead"])


def test_headline_leader_since_trend_and_agreement():
    head = data.headline(CROSS, ["KAZ"]).set_index("dimension")
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


def test_direction_threshold():
    assert data._direction(None) == "steady"  # a single year compared: no direction
    assert data._direction(0.01) == "steady" and data._direction(-0.02) == "steady"  # within 2 points
    assert data._direction(0.021) == "china" and data._direction(-0.05) == "russia"


def test_heatmap_keeps_share_measures_only():
    extra = _cross([("KAZ", "diplomacy", "gdelt_annual", "event_balance", None, None, 2024, -137.0, 629.0, 766.0,
                     None, 2018, -20.0, 2018, 7, "")])
    table = data.heatmap_frame(pd.concat([CROSS, extra], ignore_index=True), ["KAZ", "UZB"])
    assert table.loc["KAZ", "trade"] == pytest.approx(0.0215)
    assert table.loc["KAZ", "security"] == pytest.approx(-0.94)
    assert "diplomacy" not in table.columns or pd.isna(table.loc["KAZ", "diplomacy"])  # GDELT scores are not shares
    assert table.loc[["UZB"]].isna().all(axis=None)
    assert table.attrs["labels"].loc["KAZ", "trade"] == "reconciled, 2023"


def test_trade_coverage_counts_years_with_both_powers():
    frame = _series({("KAZ", "CHN", "a"): {2000: 1, 2001: 1, 2003: 1}, ("KAZ", "RUS", "a"): {2000: 1, 2001: 1,
                                                                                                2003: 1, 2004: 1}})
    cover = data.trade_coverage(frame, ["KAZ", "UZB"])
    assert cover.loc["KAZ", "a"] == "2000–2003 (3 yrs)"
    assert cover.loc["UZB", "a"] == ""


def test_provenance_lists_each_source_once_with_its_tables():
    manifest = {"tables": {
        "t1": {"coverage": {"rows": 3, "years": [2000, 2001], "sources": ["s1"]}, "description": "d",
               "sources": [{"id": "s1", "producer": "P"}]},
        "t2": {"coverage": {"rows": 1}, "sources": [{"id": "s1", "producer": "P"}, {"id": "s2", "producer": "Q"}]}}}
    tables, sources = data.provenance(manifest)
    assert [t["name"] for t in tables] == ["t1", "t2"] and tables[0]["span"] == "2000–2001"
    assert [(s["id"], s["tables"]) for s in sources] == [("s1", ["t1", "t2"]), ("s2", ["t2"])]


@pytest.mark.parametrize("call", [lambda: data.check_region("europe"), lambda: data.check_lang("fr")])
def test_invalid_region_or_language_lists_the_choices(call):
    with pytest.raises(UsageError, match="valid choices"):
        call()


def test_seed_article_is_shipped_with_its_date():
    article = data.seed_article()
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

    first = data._cached_frame(data.DiskCache(pack), ("crossover", "KAZ"), compute)
    again = data._cached_frame(data.DiskCache(pack), ("crossover", "KAZ"), compute)
    assert len(calls) == 1
    pd.testing.assert_frame_equal(first, again)  # nullable years survive the round trip
    (pack / "manifest.json").write_text('{"tables": {"x": {}}}')
    data._cached_frame(data.DiskCache(pack), ("crossover", "KAZ"), compute)
    assert len(calls) == 2  # another pack: recomputed
    assert data._cached_frame(None, ("crossover", "KAZ"), compute) is not None and len(calls) == 3


def test_disk_cache_ignores_a_damaged_file(tmp_path, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "manifest.json").write_text("{}")
    disk = data.DiskCache(pack)
    path = disk.path(("verdicts", "x"), ".json")
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    assert data._cached_json(disk, ("verdicts", "x"), lambda: [{"verdict": "supported"}]) == [{"verdict": "supported"}]
    assert data._cached_json(disk, ("verdicts", "x"), lambda: []) == [{"verdict": "supported"}]  # now stored


def test_every_template_and_asset_is_packaged():
    """Files the report and dashboard read at run time must match pyproject's package-data, or `pip install .`
    (not editable) would leave them out."""
    import fnmatch
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    patterns = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["multipolar"]
    package = root / "src" / "multipolar"
    for layer in ("report", "web"):
        for path in (package / layer).rglob("*"):
            if path.is_file() and path.suffix not in (".py", ".pyc"):
                rel = path.relative_to(package).as_posix()
                assert any(fnmatch.fnmatch(rel, p) for p in patterns), f"{rel} is not in package-data"
