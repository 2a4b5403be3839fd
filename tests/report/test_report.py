"""The report built from the data pack: every section present, self-contained (no network) and under 2 MB, key
findings with figure, year and source, the who-leads grid with the year in every cell, every chart with its title
and source line, long tables collapsible, figures checked against the pack's raw rows, every source cited; the
CLI's `report` command and its errors."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from multipolar.cli import app

SECTIONS = ("summary", "headline", "heatmap", "states", "asymmetry", "rerouting", "memberships", "claims",
            "crossovers", "provenance")


def test_every_section_is_present(report_html):
    for section in SECTIONS:
        assert f'<section id="{section}"' in report_html, section


def test_report_needs_no_network(report_html):
    # No external script, stylesheet, image or font: everything the page loads is inline.
    assert not re.search(r'<(script|img|iframe)[^>]+src=', report_html)
    assert not re.search(r'<link[^>]+href=', report_html)
    assert not re.search(r'@import|url\(\s*["\']?https?:', report_html)
    assert "Plotly.newPlot" in report_html and "plotly.js v" in report_html  # plotly.js inlined


def test_progress_reports_every_step(built):
    steps = built["steps"]
    totals = {total for _label, _done, total in steps}
    assert len(totals) == 1
    total = totals.pop()
    assert [done for _l, done, _t in steps] == list(range(total)) + [total]
    assert steps[-1][0] == "Done"


def test_kazakhstan_trade_cell_matches_the_raw_rows(pack, report_html):
    """The headline's Kazakhstan trade figures for 2023 equal (exports + imports with the power) / (exports +
    imports with the world) computed here from the pack's trade_flows rows of Kazakhstan's own statistics."""
    import multipolar

    rows = multipolar.load("trade_flows", country="KAZ", partner=["CHN", "RUS", "WLD"], year=2023,
                           source="national_kz")
    if rows.empty:
        pytest.skip("pack has no national_kz rows for 2023")
    turnover = rows.groupby("partner")["value_usd"].sum()
    china = turnover["CHN"] / turnover["WLD"]
    russia = turnover["RUS"] / turnover["WLD"]
    row = re.search(r'<tr data-country="KAZ">(.*?)</tr>', report_html, re.S).group(1)
    trade_cell = re.findall(r"<td class=\"lead[^\"]*\".*?</td>", row, re.S)[0]
    assert f"China {china * 100:.1f}%" in trade_cell and f"Russia {russia * 100:.1f}%" in trade_cell
    assert 'data-year="2023"' in trade_cell
    # The reading is the crossover row's own (the one lead rule decides it there, never the report).
    source = re.search(r'data-source="([^"]+)"', trade_cell).group(1)
    row = multipolar.crossover(country="KAZ", dimension="trade").set_index("source").loc[source]
    assert f'data-reading="{row["leader"]}"' in trade_cell


def test_every_state_has_a_chart_and_a_headline_row(pack, report_html):
    from multipolar.memberships import members

    states = [c for c in members("SCO") if c not in ("CHN", "RUS")]
    for state in states:
        assert f'id="state-{state}"' in report_html
        for indicator in ("trade_share", "arms_share_5y", "un_agreement", "influence_score"):
            assert f'id="fig-{state}-{indicator}"' in report_html
        assert f'<tr data-country="{state}">' in report_html


def test_membership_timelines_cover_the_blocs(report_html):
    for org in ("SCO", "EAEU", "CSTO", "CIS", "BRICS"):
        assert f'id="fig-members-{org}"' in report_html


def test_every_pack_source_and_table_is_cited(pack, report_html):
    from multipolar.store import read_manifest

    manifest = read_manifest(pack)
    for name, entry in manifest["tables"].items():
        assert f"<code>{name}</code>" in report_html, name
        for source in entry["sources"]:
            assert f'id="source-{source["id"]}"' in report_html, source["id"]
    for item in manifest.get("excluded", []):
        assert item["source"] in report_html


def test_seed_article_verdicts_are_embedded(report_html):
    from multipolar.claims import VERDICTS

    rows = re.findall(r'<tr id="claim-(\d+)" class="verdict-row">(.*?)</tr>', report_html, re.S)
    assert rows, "no verdict rows"
    assert [int(n) for n, _ in rows] == list(range(1, len(rows) + 1))
    for _n, row in rows:
        badge = re.search(r'<span class="badge [^"]+">([^<]+)</span>', row).group(1)
        assert badge in VERDICTS
    # The article's text is quoted with the claims marked, and its origin cited.
    assert "Iran joined in 2023" in report_html
    assert "astana-sco-summit.txt" in report_html


def test_the_report_says_who_leads_with_arrows(report_html):
    cells = re.findall(r'<td class="lead lead-(CHN|RUS)"', report_html)
    assert cells, "no cell names a leader"
    assert re.search(r'class="arrow trend-(china|russia|steady)"', report_html)


def test_report_is_under_2_mb_with_a_partial_plotly_bundle(report_path, report_html):
    assert report_path.stat().st_size <= 2_000_000
    assert "partial bundle for multipolar" in report_html  # not the 4.8 MB full bundle


def test_key_findings_open_the_report(report_html):
    """5 to 8 sentences at the top, each with a figure, a year and a source."""
    summary = re.search(r'<section id="summary".*?</section>', report_html, re.S).group(0)
    assert report_html.index('<section id="summary"') < report_html.index('<section id="headline"')
    sentences = [re.sub(r"<[^>]+>", "", s) for s in re.findall(r'<span class="finding">(.*?)</span>', summary, re.S)]
    assert 5 <= len(sentences) <= 8, sentences
    for sentence in sentences:
        assert re.search(r"\d+(\.\d+)?(%| times|\b)", sentence) and re.search(r"\b(19|20)\d\d\b", sentence)
        assert re.search(r"\(\d{4}, [^)]+\)|\([^)]*(IMF|SIPRI|AidData|Eurostat|checker|Statistics|view|index)", sentence) \
            or "seed article" in sentence, sentence


def test_every_grid_cell_has_its_year_and_reading(report_html):
    grid = re.search(r'<table class="headline">.*?</table>', report_html, re.S).group(0)
    cells = re.findall(r'<td class="lead lead-(\w+)"[^>]*data-reading="([^"]*)" data-year="([^"]*)"[^>]*>(.*?)</td>',
                       grid, re.S)
    assert cells
    for css, reading, year, body in cells:
        if reading:
            assert reading in ("China", "Russia", "no clear lead") and year and year in body
            assert css != "unclear" or reading == "no clear lead"  # never a lead the rule rejects
            assert css in ("unclear", "none") or reading in ("China", "Russia")


def test_every_chart_has_a_title_and_a_source_line(report_html):
    figures = re.findall(r'<figure class="chart"(.*?)</figure>', report_html, re.S)
    assert len(figures) >= 8 * 4 + 2 + 1 + 5
    for fig in figures:
        assert re.search(r'<h4 class="chart-title">[^<]{10,}</h4>', fig), fig[:200]
        assert re.search(r'<figcaption class="chart-source">Source: [^<]{5,}</figcaption>', fig), fig[:200]
    kaz = re.search(r'<figure class="chart" data-chart="state" data-country="KAZ" data-indicator="trade_share".*?'
                    r'</figure>', report_html, re.S).group(0)
    assert "Bureau of National Statistics" in kaz  # the source's declared name, not its id


def test_long_tables_are_collapsible(report_html):
    for table in ("crossover-table", "claims-table", "pack-tables", "pack-sources"):
        assert re.search(rf'<details class="long" id="{table}">\s*<summary>', report_html), table


def test_cli_report_writes_the_central_asia_report(pack, tmp_path):
    out = tmp_path / "ca.html"
    result = CliRunner().invoke(app, ["report", "--region", "central-asia", "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    for state in ("KAZ", "KGZ", "TJK", "TKM", "UZB"):
        assert f'id="state-{state}"' in text
    assert 'id="state-IND"' not in text
    assert "report written" in result.output


@pytest.mark.parametrize("args, message", [
    (["--region", "europe"], "invalid region 'europe'; valid choices: central-asia, sco"),
    (["--lang", "fr"], "invalid language 'fr'; valid choices: en"),
    (["--format", "docx"], "invalid format 'docx'; valid choices: html, pdf, png"),
])
def test_cli_report_rejects_bad_options(args, message, tmp_path):
    from multipolar.errors import UsageError

    result = CliRunner().invoke(app, ["report", "--out", str(tmp_path / "x.html"), *args])
    assert isinstance(result.exception, UsageError)
    assert message in str(result.exception)
    assert not (tmp_path / "x.html").exists()


def test_readme_shows_the_report_top():
    """The README's one screenshot is committed, small, and is a PNG."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    assert "](docs/report-top.png)" in (root / "README.md").read_text(encoding="utf-8")
    shot = root / "docs" / "report-top.png"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size < 300_000


def test_markers_follow_the_rows_flags(pack, report_html):
    """In each state's trade chart, the highlighted view's hollow markers sit exactly on the years whose rows the
    indicator flags as not firm (estimate, imputed, preliminary, partial year, implausible), and its diamonds on
    the years the reconciled view switches source (read here from the indicator's own rows)."""
    import json

    import multipolar

    hollow = ("estimate", "imputed", "preliminary", "partial_year", "implausible")
    checked = 0
    for state in ("KAZ", "KGZ", "UZB", "TJK"):
        m = re.search(rf'mpDraw\("fig-{state}-trade_share", (.*?)\);</script>', report_html)
        for trace in json.loads(m.group(1))["data"]:
            if not trace["meta"]["highlighted"] or "(" in trace["name"].split("·")[-1]:
                continue  # only turnover lines (a flow other than turnover is named in brackets)
            partner = "CHN" if trace["name"].startswith("China") else "RUS"
            rows = multipolar.indicator("trade_share", country=state, partner=partner, flow="turnover",
                                        source=trace["meta"]["source"])
            flags = {int(y): str(q or "") for y, q in zip(rows["year"], rows["quality"])}
            drawn = {x: s for x, y, s in zip(trace["x"], trace["y"], trace["marker"]["symbol"]) if y is not None}
            for year, symbol in drawn.items():
                names = {f.strip().split(":")[0] for f in flags[year].split(";") if f.strip()}
                if "source_switch" in names:
                    assert symbol == "diamond", (state, partner, year)
                elif names & set(hollow):
                    assert symbol == "circle-open", (state, partner, year, flags[year])
                else:
                    assert symbol == "circle", (state, partner, year, flags[year])
            checked += 1
    assert checked >= 4


def test_the_grid_shows_the_crossover_reading_year_and_flags(pack, report_html):
    """Every cell of the who-leads grid names the reading, year and flags of the crossover row it shows (read here
    from multipolar.crossover, not from the report's code): no lead the rule rejects, no year without its flags.
    A named leader is one the rule itself gives for that row's latest figures (indicators.leads.side)."""
    import multipolar
    from multipolar.indicators import leads
    from multipolar.indicators.quality import split

    cross = multipolar.crossover(region="sco")
    grid = re.search(r'<table class="headline">.*?</table>', report_html, re.S).group(0)
    cells = re.findall(r'<tr data-country="(\w+)">(.*?)</tr>', grid, re.S)
    checked = 0
    for country, row in cells:
        for dim, reading, year, source, names, body in re.findall(
                r'<td class="lead[^"]*" data-dimension="(\w+)"[^>]*data-reading="([^"]*)" data-year="([^"]*)"\s*'
                r'data-source="([^"]*)" data-flags="([^"]*)">(.*?)</td>', row, re.S):
            if not source:
                continue
            found = cross[(cross["country"] == country) & (cross["dimension"] == dim) & (cross["source"] == source)]
            assert len(found) == 1, (country, dim, source)
            r = found.iloc[0]
            compared = not (r["latest_lead"] is None or r["latest_lead"] != r["latest_lead"])
            assert reading == (r["leader"] if compared else ""), (country, dim, reading, r["leader"])
            assert year == ("" if r["latest_year"] is None or r["latest_year"] != r["latest_year"]
                            else str(int(r["latest_year"])))
            flags = [f.split(":")[0] for f in split(r["quality"])]
            assert names.split() == list(dict.fromkeys(flags)), (country, dim, names, r["quality"])
            # one chip per flag (the composite's carried-forward components in one), no_comparison said in words;
            # the first three shown, the rest counted: every one travels with the year
            shown = [f for f in dict.fromkeys(flags) if f != "no_comparison"]
            assert body.count('class="flag"') == min(3, len(shown)), (country, dim, r["quality"])
            if len(shown) > 3:
                assert f"+{len(shown) - 3} more" in body
            if reading in ("China", "Russia"):
                rule = leads.rule_for(r["measure"], r["source"])
                assert leads.side(r["china_latest"], r["russia_latest"], rule) == (1 if reading == "China" else -1)
                assert f"since {int(r['leader_since'])}" in body
            elif reading:
                assert "since" not in body
            checked += 1
    assert checked >= 8 * 4


def test_the_rerouting_section_shows_the_issues_figures(report_html):
    """The re-routing section: its charts with titles stating the finding and Source lines, the leakage ratio with
    its flags, both legs of the roundabout. Kyrgyzstan x7.1 and Russia x0.41 (Jan-Nov 2022 against Jan-Nov 2021)
    are the figures issue 13 computed from the raw Eurostat CN8 rows (70.1 -> 495.0 m EUR; 30.4 -> 12.6 bn EUR)."""
    section = re.search(r'<section id="rerouting".*?</section>', report_html, re.S).group(0)
    figures = re.findall(r'<figure class="chart" data-chart="(rerouting-[a-z]+)".*?</figure>', section, re.S)
    assert figures == ["rerouting-growth", "rerouting-top"]
    assert "rose most to Kyrgyzstan (×7.1) and fell to Russia (×0.41), Jan–Nov 2022 against Jan–Nov 2021" in section
    for caption in re.findall(r'<figcaption class="chart-source">([^<]*)</figcaption>', section):
        assert caption.startswith("Source: Eurostat Comext (sanction-annex goods)"), caption
    assert re.search(r"Leakage ratio 0\.\d\d:</strong> from Mar–Nov 2022 against Mar–Nov 2021", section)
    assert "flags: partial year (9 months)" in section and "EBRD" in section
    # left out of a default build (a minute or two to fit), and said so with how to add it
    assert "--event-study</code> adds it" in section
    assert re.search(r'<details class="long" id="rerouting-legs">', section)
    assert "not compared: partial year (1 month) only" in section  # Armenia's January 2023 against all of 2022


def test_the_event_study_joins_the_section_as_drawn_for_the_report(pack):
    """With the event study (a small one: two neighbours, the high-priority list, log-OLS), the section gets its
    chart: a title stating the pooled effect with its interval, the control and its limits, a Source line."""
    import html
    import math

    import multipolar
    from multipolar.report import build, gathering

    result = multipolar.rerouting(partner="KGZ,ARM", products="chpl", event_study=True, estimator="ols", pack=pack)
    data = gathering.ReportData(region="sco", states=[], names={}, manifest={}, crossover=None, series={},
                                asymmetry=None, memberships=None, organizations=None, verdicts=[], article={},
                                indicators=None, sources={"eurostat_sanctioned": "Eurostat Comext (sanction-annex "
                                                          "goods)", "eurostat_comext": "Eurostat Comext"},
                                rerouting=result.to_dict())
    part = build.rerouting_html(data)
    event = html.unescape(next(f for f in part["figures"] if 'data-chart="rerouting-event"' in f))
    pooled = result.event_study.pooled.set_index("group").loc["neighbours"]
    assert "From Mar 2022, the EU's exports of high-priority goods to the neighbours ran" in event
    low, high = math.exp(pooled["ci_low"]) - 1, math.exp(pooled["ci_high"]) - 1
    assert f"95% CI {low:+.0%} to {high:+.0%}".replace("-", "−") in event
    assert re.search(r'<figcaption class="chart-source">Source: Eurostat Comext[^<]*Control: ', event)
    assert part["event_study"] is True and part["control"].startswith("The event study's control: ")
