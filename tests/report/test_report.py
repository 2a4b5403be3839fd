"""The report built from the data pack: every section present, self-contained (no network) and under 2 MB, key
findings with figure, year and source, the who-leads grid with the year in every cell, every chart with its title
and source line, long tables collapsible, figures checked against the pack's raw rows, every source cited; the
CLI's `report` command and its errors."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from multipolar.cli import app

SECTIONS = ("summary", "headline", "heatmap", "states", "asymmetry", "memberships", "claims", "crossovers",
            "provenance")


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
    # The reading follows the one lead rule: a gap of 2 points or more on a share is a lead (indicators/leads.py).
    leader = "no clear lead" if abs(china - russia) < 0.02 else "China" if china > russia else "Russia"
    assert f'data-reading="{leader}"' in trade_cell


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
        assert re.search(r"\(\d{4}, [^)]+\)|\([^)]*(IMF|SIPRI|AidData|checker|Statistics|view|index)", sentence) \
            or "seed article" in sentence, sentence


def test_every_grid_cell_has_its_year_and_reading(report_html):
    grid = re.search(r'<table class="headline">.*?</table>', report_html, re.S).group(0)
    cells = re.findall(r'<td class="lead lead-(\w+)"[^>]*data-reading="([^"]*)" data-year="([^"]*)">(.*?)</td>',
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
            if "quality" in rows.columns:
                flags = {int(y): str(q or "") for y, q in zip(rows["year"], rows["quality"])}
            else:
                flags = {int(y): "estimate" if e else "" for y, e in zip(rows["year"], rows["is_estimate"])}
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
