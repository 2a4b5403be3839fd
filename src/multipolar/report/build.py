"""Build the self-contained HTML report (and optionally a PDF of it) from the data pack."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .. import __version__
from ..errors import MultipolarError, UsageError, invalid_choice
from . import charts
from ..indicators.crossover import TREND_YEARS
from .data import (DIMENSIONS, GATHER_STEPS, ORGANIZATIONS, POWER_NAMES, SHARE_MEASURES, STATE_SERIES, ReportData,
                   check_lang, check_region, gather, heatmap_frame, provenance, trade_coverage)

# Output formats: the HTML report, a PDF of it, or a folder of PNGs of its charts (both drawn by headless
# Chromium through playwright).
FORMATS = ("html", "pdf", "png")
# Where Debian installs Chromium (used for the PDF; Playwright's own browser download is never needed).
CHROMIUM = "/usr/bin/chromium"
# Steps build_report reports to `progress`: gather's reads, then the charts and the file (and the PDF).
STEPS = GATHER_STEPS + 2
# Titles of the membership timelines.
REGION_TITLES = {"sco": "the SCO's member states", "central-asia": "the five Central Asian states"}

Progress = Callable[[str, int, int], None]


def build_report(out: str | Path = "report.html", *, region: str = "sco", lang: str = "en", fmt: str = "html",
                 pack=None, progress: Progress | None = None, cache: bool = True) -> Path:
    """Write the report for `region` to `out` and return its path: one HTML file (fmt='html'), a PDF of it
    ('pdf'), or a folder with one PNG per chart ('png'); PDF and PNG are drawn by headless Chromium.

    progress(label, done, total) is called as each step starts. The HTML needs no network: styles, scripts and
    plotly.js are inlined. cache: reuse the crossover table and the seed article's verdicts computed by an earlier
    build from the same pack and code (see data.gather).
    """
    check_region(region)
    check_lang(lang)
    if fmt not in FORMATS:
        raise invalid_choice("format", fmt, FORMATS)
    out = Path(out)
    done = [0]
    total = STEPS + (fmt != "html")

    def step(label: str) -> None:
        if progress:
            progress(label, done[0], total)
        done[0] += 1

    data = gather(region, pack=pack, progress=step, cache=cache)
    step("Drawing the charts")
    page = render(data, lang=lang)
    step("Writing the page")
    if fmt == "html":
        out.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(out, page)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "report.html"
            source.write_text(page, encoding="utf-8")
            step("Printing the PDF" if fmt == "pdf" else "Saving the charts as PNG")
            (to_pdf if fmt == "pdf" else to_png)(source, out)
    if progress:
        progress("Done", total, total)
    return out


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private; a report is meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def to_pdf(html_path: Path, out: Path) -> Path:
    """Print an HTML report to PDF with headless Chromium (Debian's, through Playwright), after its charts drew."""
    def action(page):
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        page.pdf(path=str(out), format="A4", landscape=True, print_background=True,
                 margin={"top": "12mm", "bottom": "12mm", "left": "10mm", "right": "10mm"})
        return Path(out)
    return _in_chromium(html_path, action, "pdf")


def to_png(html_path: Path, out: Path) -> Path:
    """Save every chart of an HTML report as a PNG (named after the chart, e.g. fig-state-KAZ.png) in folder out."""
    def action(page):
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        charts = page.locator(".plotly-graph-div")
        for i in range(charts.count()):
            chart = charts.nth(i)
            chart.scroll_into_view_if_needed()
            chart.screenshot(path=str(folder / f"{chart.get_attribute('id')}.png"))
        return folder
    return _in_chromium(html_path, action, "png")


def _in_chromium(html_path: Path, action, fmt: str):
    """Open the report in headless Chromium, wait until every chart drew, then action(page)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise UsageError(f"--format {fmt} needs the playwright package (pip install playwright==1.65.2) and "
                         "Chromium (apt-get install chromium); or open the HTML report in a browser") from None
    if not Path(CHROMIUM).exists():
        raise UsageError(f"--format {fmt} needs Chromium at {CHROMIUM} (apt-get install chromium)")

    def run():
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=browser_args())
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.goto(Path(html_path).resolve().as_uri(), wait_until="load")
                page.wait_for_function("window.reportReady === true", timeout=90_000)
                return action(page)
            finally:
                browser.close()

    # Playwright's sync API refuses to run in a thread with an event loop (a server, a notebook, another
    # Playwright session): drive it from a worker thread of our own.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def browser_args() -> list[str]:
    """Flags for headless Debian Chromium: no sandbox (containers), no background network or first-run noise."""
    return ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# ---------------------------------------------------------------------------------------------------------------
# From frames to the page


def _env():
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("multipolar.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    env.filters["pct"] = fmt_pct
    env.filters["num"] = fmt_num
    return env


def fmt_pct(value, digits: int = 1) -> str:
    """0.2153 → '21.5%'; '' for missing."""
    return "" if value is None or pd.isna(value) else f"{float(value) * 100:.{digits}f}%"


def fmt_num(value, digits: int = 2) -> str:
    """A number with thousands separators; large dollar-like values in billions/millions; '' for missing."""
    if value is None or pd.isna(value):
        return ""
    value = float(value)
    if abs(value) >= 1e9:
        return f"{value / 1e9:,.2f} bn"
    if abs(value) >= 1e6:
        return f"{value / 1e6:,.1f} m"
    return f"{value:,.{digits}f}"


# Measures on a 0-1 scale that are indices, not shares: shown as numbers, never as percentages.
INDEX_MEASURES = ("influence_score",)


def fmt_measure(measure: str, value) -> str:
    """A measure's value in its unit: shares as percentages, 0-1 indices and others as numbers."""
    if value is None or pd.isna(value):
        return "–"
    if measure in INDEX_MEASURES:
        return f"{float(value):.2f}"
    return fmt_pct(value) if measure in SHARE_MEASURES else fmt_num(value)


def fmt_lead(measure: str, value) -> str:
    """China minus Russia in the measure's unit ('+2.2 points' for shares, '+0.02' on a 0-1 index)."""
    if value is None or pd.isna(value):
        return ""
    if measure in INDEX_MEASURES:
        return f"{float(value):+.2f} (0-1 index)"
    return f"{float(value) * 100:+.1f} points" if measure in SHARE_MEASURES else f"{float(value):+,.2f}"


TREND_TEXT = {"china": ("▲", "moving toward China"), "russia": ("▼", "moving toward Russia"),
              "steady": ("▶", "steady")}


def headline_cells(data: ReportData) -> tuple[list[dict], list[str]]:
    """Rows of the headline table: one per state, a cell per dimension."""
    frame = data.headline
    rows = []
    dims = [d for d in DIMENSIONS if not frame.empty and (frame["dimension"] == d).any()]
    for country in data.states:
        cells = []
        for dim in dims:
            hit = frame[(frame["country"] == country) & (frame["dimension"] == dim)] if not frame.empty else frame
            if hit.empty:
                cells.append({"leader": None, "text": "no data", "detail": ""})
                continue
            r = hit.iloc[0]
            if not r["leader"]:
                cells.append({"leader": None, "text": "no comparison", "detail": r["note"], "source": r["source"]})
                continue
            arrow, trend = TREND_TEXT.get(r["trend"] or "steady", ("", ""))
            leader = POWER_NAMES.get(r["leader"], "level")
            since = "" if pd.isna(r["since"]) else f"since {int(r['since'])}"
            cells.append({
                "leader": r["leader"], "text": leader, "since": since, "source": r["source"],
                "measure": r["measure"], "year": int(r["latest_year"]),
                "figures": f"China {fmt_measure(r['measure'], r['china'])} · Russia "
                          f"{fmt_measure(r['measure'], r['russia'])} ({int(r['latest_year'])})",
                "arrow": arrow, "trend": r["trend"] or "steady",
                "trend_text": f"{trend} over {TREND_YEARS} years"
                              + (f" ({fmt_lead(r['measure'], r['change'])})" if not pd.isna(r["change"]) else ""),
                "agree": f"{int(r['agree'])} of {int(r['compared'])} source views agree" if r["compared"] else "",
                "detail": r["note"]})
        rows.append({"country": country, "name": data.names.get(country, country), "cells": cells})
    return rows, dims


def findings(data: ReportData) -> list[str]:
    """Plain-language summary lines drawn from the headline table and the verdicts."""
    out = []
    frame = data.headline
    n = len(data.states)
    for dim in DIMENSIONS:
        part = frame[frame["dimension"] == dim] if not frame.empty else frame
        part = part[part["leader"].notna()] if not part.empty else part
        if part.empty:
            continue
        china = int((part["leader"] == "CHN").sum())
        russia = int((part["leader"] == "RUS").sum())
        sources = ", ".join(sorted(set(part["source"])))
        toward = int((part["trend"] == "china").sum())
        out.append(f"{dim.capitalize()}: China ahead in {china} and Russia in {russia} of the {len(part)} states "
                   f"compared (of {n}), latest year of each ({sources}); the lead moved toward China in {toward} "
                   f"of them over the last {TREND_YEARS} years.")
    asym = data.asymmetry
    # (a year with one share only has no ratio: the junior-partner series runs each share to its latest year)
    asym = asym[asym["value"].notna()] if not asym.empty else asym
    if not asym.empty:
        latest = asym.sort_values("year").groupby("source").tail(1)
        parts = [f"{v:.1f} times ({int(y)}, {s})" for s, y, v in zip(latest["source"], latest["year"],
                                                                    latest["value"])]
        out.append("Junior partner: China's share of Russia's goods trade is " + parts[0]
                   + " Russia's share of China's" + (f"; {'; '.join(parts[1:])}" if parts[1:] else "") + ".")
    if data.verdicts:
        counts = pd.Series([v["verdict"] for v in data.verdicts]).value_counts()
        out.append(f"Seed article: {len(data.verdicts)} checkable claims — "
                   + ", ".join(f"{n} {v}" for v, n in counts.items()) + ".")
    return out


def article_html(text: str, verdicts: list[dict]) -> str:
    """The article with each claim's span marked and linked to its verdict (overlapping spans: the first wins)."""
    marks = []
    for i, v in enumerate(verdicts):
        start, end = (v.get("span") or [None, None])[:2]
        if start is None or end is None or not 0 <= start < end <= len(text):
            continue
        marks.append((start, end, i, v["verdict"]))
    marks.sort()
    out, pos = [], 0
    for start, end, i, verdict in marks:
        if start < pos:
            continue
        out.append(html.escape(text[pos:start]))
        css = verdict.replace(" ", "-")
        out.append(f'<a class="claim {css}" href="#claim-{i + 1}" title="{html.escape(verdict)}">'
                   f"{html.escape(text[start:end])}<sup>{i + 1}</sup></a>")
        pos = end
    out.append(html.escape(text[pos:]))
    paragraphs = "".join(out).split("\n")
    return "".join(f"<p>{p}</p>" for p in paragraphs if p.strip())


def render(data: ReportData, *, lang: str = "en", today: dt.date | None = None) -> str:
    """The report page as one HTML string (plotly.js, styles and scripts inlined)."""
    today = today or dt.date.today()
    names = data.names
    labels = set()
    for frame in list(data.series.values()) + [data.asymmetry]:
        if not frame.empty:
            labels |= set(frame["source"])
    styles = charts.source_styles(labels)

    figures = {}
    heat = heatmap_frame(data.crossover, data.states)
    figures["heatmap"] = charts.to_div(charts.heatmap_figure(heat, names), "fig-heatmap")
    state_divs = []
    panels = {title: (data.series.get(name, pd.DataFrame()), axis)
              for name, (title, _flows, axis) in STATE_SERIES.items()}
    for country in data.states:
        fig = charts.state_figure(country, names.get(country, country), panels, styles, names)
        state_divs.append({"country": country, "name": names.get(country, country),
                           "div": charts.to_div(fig, f"fig-state-{country}")})
    figures["asymmetry"] = charts.to_div(charts.asymmetry_figure(data.asymmetry, styles), "fig-asymmetry")
    org_names = dict(zip(data.organizations.get("organization", []), data.organizations.get("name", [])))
    org_divs = []
    for org in ORGANIZATIONS:
        rows = data.memberships[data.memberships["organization"] == org] if not data.memberships.empty else None
        if rows is None or rows.empty:
            continue
        title = f"{org_names.get(org, org)} ({org})"
        org_divs.append({"org": org, "title": title,
                         "div": charts.to_div(charts.membership_figure(org, title, rows, names, today),
                                              f"fig-members-{org}")})

    tables, sources = provenance(data.manifest)
    coverage = trade_coverage(data.series.get("trade_share", pd.DataFrame()), data.states)
    head_rows, head_dims = headline_cells(data)
    cross = data.crossover.copy()
    cross["name"] = cross["country"].map(lambda c: names.get(c, c))
    used = ["trade_share", "arms_share_5y", "un_agreement", "event_balance", "finance_commitments",
            "influence_score", "dependence_asymmetry"]
    defs = data.indicators[data.indicators["name"].isin(used)] if not data.indicators.empty else data.indicators
    verdict_counts = pd.Series([v["verdict"] for v in data.verdicts]).value_counts().to_dict() \
        if data.verdicts else {}
    manifest_hash = hashlib.sha256(json.dumps(data.manifest, sort_keys=True).encode()).hexdigest()[:12]
    context = {
        "lang": lang, "region": data.region, "region_title": REGION_TITLES[data.region], "today": today.isoformat(),
        "version": __version__, "manifest_hash": manifest_hash, "states": data.states, "names": names,
        "findings": findings(data), "head_rows": head_rows, "head_dims": head_dims, "trend_years": TREND_YEARS,
        "figures": figures, "state_divs": state_divs, "org_divs": org_divs,
        "crossover": cross.to_dict("records"), "asymmetry_latest": _latest_asymmetry(data.asymmetry),
        "verdicts": data.verdicts, "verdict_counts": verdict_counts, "article": data.article,
        "article_html": article_html(data.article["text"], data.verdicts),
        "tables": tables, "sources": sources, "excluded": data.manifest.get("excluded", []),
        "coverage": coverage, "defs": defs.to_dict("records"), "problems": data.problems,
        "style_labels": sorted(labels),
        "plotly_js": charts.plotly_js(), "css": _asset("report.css"), "js": _asset("report.js"),
        "template_json": charts.to_json(charts.template()), "config_json": charts.to_json(charts.CONFIG),
        "fmt_pct": fmt_pct, "fmt_num": fmt_num, "fmt_measure": fmt_measure, "pd": pd,
    }
    return _env().get_template("report.html.j2").render(**context)


def _latest_asymmetry(frame: pd.DataFrame) -> list[dict]:
    if frame.empty:
        return []
    latest = frame.sort_values("year").groupby("source").tail(1).sort_values("source")
    return latest.to_dict("records")


def _asset(name: str) -> str:
    from importlib import resources

    return resources.files("multipolar.report").joinpath("templates", name).read_text(encoding="utf-8")


__all__ = ["build_report", "render", "to_pdf", "to_png", "FORMATS", "MultipolarError"]
