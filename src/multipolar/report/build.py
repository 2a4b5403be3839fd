"""Build the self-contained HTML report (and optionally a PDF of it) from the data pack."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import __version__
from ..errors import MultipolarError, UsageError, invalid_choice
from ..indicators import leads
from . import charts
from . import selection as sel
from .gathering import GATHER_STEPS, ReportData, check_lang, check_region, gather
from . import rerouting
from .selection import fmt_measure, fmt_num, fmt_pct

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
                 pack=None, progress: Progress | None = None, cache: bool = True, event_study: bool = False,
                 worker=None) -> Path:
    """Write the report for `region` to `out` and return its path: one HTML file (fmt='html'), a PDF of it
    ('pdf'), or a folder with one PNG per chart ('png'); PDF and PNG are drawn by headless Chromium.

    progress(label, done, total) is called as each step starts. The HTML needs no network: styles, scripts and
    plotly.js are inlined. cache: reuse the crossover table, the seed article's verdicts and the re-routing
    summary computed by an earlier build from the same pack and code (see gathering.gather). event_study: add the
    sanctions re-routing event study (fitting it takes one to two minutes; cached like the rest). worker: the seed
    article's check already started by `seedcheck.start_early` (else gather starts it); closed in any case.
    """
    try:
        check_region(region)
        check_lang(lang)
        if fmt not in FORMATS:
            raise invalid_choice("format", fmt, FORMATS)
    except MultipolarError:
        if worker is not None:
            worker.close()
        raise
    out = Path(out)
    done = [0]
    total = STEPS + (fmt != "html")

    def step(label: str) -> None:
        if progress:
            progress(label, done[0], total)
        done[0] += 1

    drawn: dict = {}
    data = gather(region, pack=pack, progress=step, cache=cache, event_study=event_study, worker=worker,
                  while_checking=lambda d: drawn.update(figures(d)))
    step("Drawing the charts")
    page = render(data, lang=lang, drawn=drawn or None)
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
    """Print an HTML report to PDF with headless Chromium (Debian's, through Playwright), after its charts drew;
    the collapsed tables are opened so the paper copy holds everything."""
    def action(page):
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('resize'))")
        page.wait_for_timeout(300)
        page.pdf(path=str(out), format="A4", landscape=True, print_background=True,
                 margin={"top": "12mm", "bottom": "12mm", "left": "10mm", "right": "10mm"})
        return Path(out)
    return _in_chromium(html_path, action, "pdf")


def to_png(html_path: Path, out: Path) -> Path:
    """Save every chart of an HTML report as a PNG with its title and source line (named after the chart, e.g.
    fig-KAZ-trade_share.png) in folder out."""
    def action(page):
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        figures = page.locator("figure.chart")
        for i in range(figures.count()):
            figure = figures.nth(i)
            figure.scroll_into_view_if_needed()
            name = figure.locator(".plotly-graph-div").get_attribute("id")
            figure.screenshot(path=str(folder / f"{name}.png"))
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


@dataclass(frozen=True)
class Section:
    """A section of the report: its anchor, its entry in the contents and its template (templates/sections/).
    A new section is one entry in SECTIONS and one template; `context` adds what only it needs."""

    id: str
    title: str
    template: str
    context: Callable[[ReportData, dict], dict] | None = None


# The report's sections, in order.
SECTIONS = (
    Section("summary", "Key findings", "sections/summary.html.j2"),
    Section("headline", "Who leads", "sections/headline.html.j2"),
    Section("heatmap", "Lead by dimension", "sections/heatmap.html.j2"),
    Section("states", "States over time", "sections/states.html.j2"),
    Section("asymmetry", "Junior partner", "sections/asymmetry.html.j2"),
    Section("rerouting", "Sanctions re-routing", "sections/rerouting.html.j2", context=lambda data, _ctx: {
        "rerouting": rerouting_html(data)}),
    Section("memberships", "Memberships", "sections/memberships.html.j2"),
    Section("claims", "Seed article", "sections/claims.html.j2"),
    Section("crossovers", "Every crossover", "sections/crossovers.html.j2"),
    Section("provenance", "Sources", "sections/provenance.html.j2"),
)
# Indicators whose definitions the report prints.
DEFINED = ("trade_share", "arms_share_5y", "un_agreement", "event_balance", "finance_commitments", "influence_score",
           "dependence_asymmetry")


def _env():
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("multipolar.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    env.filters["pct"] = fmt_pct
    env.filters["num"] = fmt_num
    return env


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


def state_figures(data: ReportData, cells: dict[tuple[str, str], dict]) -> list[dict]:
    """Per state: the title stating its finding and one chart per series, all over the same years, each with the
    grid cell's source view highlighted and its source line."""
    out = []
    # Each series split by state once (filtering the whole frame per state and chart cost a second).
    split = {ind: ({c: part for c, part in data.series[ind].groupby("country", sort=False)}
                   if ind in data.series and not data.series[ind].empty else {}) for ind in sel.STATE_SERIES}
    for country in data.states:
        name = data.names.get(country, country)
        frames = [split[ind].get(country) for ind in sel.STATE_SERIES]
        years = sel.year_range([f for f in frames if f is not None])
        panels = []
        for ind, (dim, subject, _flows, fmt, axis) in sel.STATE_SERIES.items():
            rows = split[ind].get(country, pd.DataFrame())
            cell = cells.get((country, dim))
            highlight = sel.highlight_source(rows, dim, (cell or {}).get("source"))
            series = charts.power_series(rows, country, highlight, data.sources)
            fig = charts.lines_figure(series, years=years, yformat=fmt, ytitle=axis,
                                      empty=f"no {subject} data for {name} in the pack")
            drawn = [s["source"] for s in series]
            faded = len(set(drawn) - {highlight})
            subtitle = (f"Highlighted: {sel.source_name(highlight, data.sources)}"
                        + (f"; faded: {faded} other source view{'s' if faded > 1 else ''} (hover for names)"
                           if faded else "")) if highlight else ""
            panels.append(charts.figure_html(
                fig, f"fig-{country}-{ind}", kind="state", country=country, indicator=ind,
                title=sel.chart_title(dim, subject, name, cell), subtitle=subtitle,
                source=sel.source_line(drawn, data.sources, highlight)))
        row_cells = [cells[(country, d)] for d in sel.DIMENSIONS if (country, d) in cells]
        out.append({"country": country, "name": name, "title": sel.state_title(name, row_cells),
                    "years": years, "panels": panels})
    return out


def asymmetry_figures(data: ReportData) -> tuple[list[str], list[dict]]:
    """The junior-partner charts (the ratio, and the two shares behind it) and the latest row of each source with a
    ratio. A year with one share only has no ratio: each share is read at its own latest year."""
    frame = data.asymmetry
    if frame.empty or not frame["value"].notna().any():
        return [], []
    # The view reaching the latest year with a ratio (the most preferred among those): today's junior-partner view.
    best = sel.latest_preferred(frame[frame["value"].notna()], "trade")
    highlight = best["source"]
    years = sel.year_range([frame.assign(value=frame[["country_share", "partner_share"]].max(axis=1))])
    ratio, shares = [], []
    for source, part in frame.groupby("source", sort=True):
        part = part.sort_values("year")
        on = source == highlight
        named = sel.source_name(source, data.sources)
        q = sel.row_flags(part).tolist()
        common = {"years": part["year"].tolist(), "qualities": q, "highlighted": on, "source": source,
                  "source_name": named}
        ratio.append({**common, "values": part["value"].tolist(), "name": f"Ratio · {named}", "label": "ratio",
                      "colour": charts.COLOURS["ratio"]})
        shares.append({**common, "values": part["country_share"].tolist(), "name": f"China in Russia's trade · "
                       f"{named}", "label": "China's share", "colour": charts.COLOURS["CHN"]})
        shares.append({**common, "values": part["partner_share"].tolist(), "name": f"Russia in China's trade · "
                       f"{named}", "label": "Russia's share", "colour": charts.COLOURS["RUS"]})
    own = frame[frame["source"] == highlight]
    china = own[own["country_share"].notna()].sort_values("year").iloc[-1]
    russia = own[own["partner_share"].notna()].sort_values("year").iloc[-1]
    shares_title = (f"China takes {fmt_pct(china['country_share'])} of Russia's goods trade ({int(china['year'])}), "
                    f"Russia {fmt_pct(russia['partner_share'])} of China's ({int(russia['year'])})")
    source = sel.source_line(frame["source"], data.sources, highlight)
    sub = f"Highlighted: {sel.source_name(highlight, data.sources)}; faded: the other source views"
    figs = [
        charts.figure_html(charts.lines_figure(ratio, years=years, yformat=None, ytitle="times (×)"),
                           "fig-asymmetry", kind="asymmetry", subtitle=sub, source=source,
                           title=f"Russia depends on China {float(best['value']):.1f} times as much as China on "
                                 f"Russia ({int(best['year'])})"),
        charts.figure_html(charts.lines_figure(shares, years=years, yformat=".2~%", ytitle="% of goods trade",
                                               label_room=0.32),
                           "fig-asymmetry-shares", kind="asymmetry", subtitle=sub, source=source,
                           title=shares_title)]
    latest = frame[frame["value"].notna()].sort_values("year").groupby("source").tail(1).sort_values("source")
    rows = [{**r, "source_name": sel.source_name(r["source"], data.sources)} for r in latest.to_dict("records")]
    return figs, rows


def heatmap_html(data: ReportData) -> str:
    heat = sel.heatmap_frame(data.crossover, data.states)
    readings = heat.attrs["readings"].stack().tolist() if not heat.empty else []
    china, russia = readings.count("China"), readings.count("Russia")
    unclear = readings.count(sel.NO_CLEAR_LEAD)
    title = (f"China leads in {china} and Russia in {russia} of the {len(readings)} state-dimension pairs "
             f"compared" + (f"; no clear lead in {unclear}" if unclear else ""))
    used = [str(lbl).split(",")[0] for lbl in heat.attrs["labels"].stack().tolist()] if not heat.empty else []
    return charts.figure_html(charts.heatmap_figure(heat, data.names, sel.DIMENSION_TITLES), "fig-heatmap",
                              kind="heatmap", title=title, source=sel.source_line(used, data.sources),
                              subtitle="China's value minus Russia's in share points, latest year compared; "
                                       "≈ marks a gap the lead rule reads as no clear lead")


def rerouting_html(data: ReportData) -> dict:
    """The re-routing section's context with its figures as HTML (title, chart, "Source:" line); {} when the pack
    has no product-level trade."""
    part = rerouting.section(data.rerouting, data.sources)
    if part:
        part["figures"] = [charts.figure_html(f["figure"], f["id"], kind=f["kind"], title=f["title"],
                                              subtitle=f["subtitle"], source=f["source"]) for f in part["figures"]]
    return part


def membership_htmls(data: ReportData, today: dt.date) -> list[dict]:
    org_names = dict(zip(data.organizations.get("organization", []), data.organizations.get("name", [])))
    registry = sel.source_line(["multipolar_registry"], data.sources)
    out = []
    for org in sel.ORGANIZATIONS:
        rows = data.memberships[data.memberships["organization"] == org] if not data.memberships.empty else None
        if rows is None or rows.empty:
            continue
        title = f"{org_names.get(org, org)} ({org})"
        out.append({"org": org, "html": charts.figure_html(
            charts.membership_figure(rows, data.names, today), f"fig-members-{org}", kind="memberships",
            org=org, title=sel.members_title(org, title, rows, today),
            source=registry + " (each row cites its founding or accession act)")})
    return out


def figures(data: ReportData, today: dt.date | None = None) -> dict:
    """The charts that do not depend on the seed article's check (drawn while it runs): states, heatmap, asymmetry
    and memberships, as `context` uses them."""
    from ..indicators.crossover import TREND_YEARS

    today = today or dt.date.today()
    head_rows, _ = sel.grid(data.headline, data.states, data.names, TREND_YEARS)
    cells = {(row["country"], c["dimension"]): c for row in head_rows for c in row["cells"]}
    asym_figs, asym_rows = asymmetry_figures(data)
    return {"today": today, "heatmap": heatmap_html(data), "state_figs": state_figures(data, cells),
            "asym_figs": asym_figs, "asymmetry_latest": asym_rows, "org_figs": membership_htmls(data, today)}


def context(data: ReportData, *, lang: str = "en", today: dt.date | None = None, drawn: dict | None = None) -> dict:
    """Everything the templates use; drawn: `figures(data)` drawn before (for the same day), else drawn here."""
    from ..indicators.crossover import TREND_YEARS

    today = today or dt.date.today()
    if drawn is None or drawn.get("today") != today:
        drawn = figures(data, today)
    head_rows, head_dims = sel.grid(data.headline, data.states, data.names, TREND_YEARS)
    cross = data.crossover.copy()
    cross["name"] = cross["country"].map(lambda c: data.names.get(c, c))
    cross["source_name"] = cross["source"].map(lambda s: sel.source_name(s, data.sources))
    cross["reading"] = [sel.leader_of(r) or "" for r in cross.to_dict("records")]
    fin = cross[cross["dimension"] == "finance"].rename(columns={"latest_year": "year", "china_latest": "value"})
    fin = fin[fin["year"].notna()]
    tables, sources = sel.provenance(data.manifest)
    for s in sources:
        s["name"] = data.sources.get(s["id"], s["id"])
    coverage = sel.trade_coverage(data.series.get("trade_share", pd.DataFrame()), data.states)
    coverage.columns = [sel.source_name(c, data.sources) for c in coverage.columns]
    defs = data.indicators[data.indicators["name"].isin(DEFINED)] if not data.indicators.empty else data.indicators
    verdict_counts = pd.Series([v["verdict"] for v in data.verdicts]).value_counts().to_dict() \
        if data.verdicts else {}
    manifest_hash = hashlib.sha256(json.dumps(data.manifest, sort_keys=True).encode()).hexdigest()[:12]
    region_title = REGION_TITLES[data.region]
    ctx = {
        "lang": lang, "region": data.region, "region_title": region_title, "today": today.isoformat(),
        "version": __version__, "manifest_hash": manifest_hash, "states": data.states, "names": data.names,
        "sections": SECTIONS,
        "findings": sel.findings(data.headline, sources=data.sources, countries=data.names,
                                 asymmetry=data.asymmetry, finance=fin, verdicts=data.verdicts,
                                 article_date=data.article.get("date"),
                                 unchecked=len(data.check.get("unchecked") or []),
                                 rerouting=rerouting.finding(data.rerouting, data.sources)),
        "head_rows": head_rows, "head_dims": head_dims, "dim_titles": sel.DIMENSION_TITLES,
        "trend_years": TREND_YEARS, "lead_rule": leads.describe(), "heatmap": drawn["heatmap"],
        "state_figs": drawn["state_figs"], "asym_figs": drawn["asym_figs"],
        "asymmetry_latest": drawn["asymmetry_latest"], "org_figs": drawn["org_figs"],
        "crossover": cross.to_dict("records"), "verdicts": data.verdicts, "verdict_counts": verdict_counts,
        "unchecked": data.check.get("unchecked"), "article": data.article,
        "article_html": article_html(data.article["text"], data.verdicts),
        "tables": tables, "sources": sources, "excluded": data.manifest.get("excluded", []),
        "coverage": coverage, "defs": defs.to_dict("records"), "problems": data.problems,
        "fmt_pct": fmt_pct, "fmt_num": fmt_num, "fmt_measure": fmt_measure, "pd": pd,
    }
    for section in SECTIONS:
        if section.context:
            ctx.update(section.context(data, ctx))
    return ctx


def render(data: ReportData, *, lang: str = "en", today: dt.date | None = None, drawn: dict | None = None) -> str:
    """The report page as one HTML string (plotly.js, styles and scripts inlined); drawn: see `context`."""
    ctx = context(data, lang=lang, today=today, drawn=drawn)
    ctx.update({"plotly_js": charts.plotly_js(), "css": _asset("report.css"), "js": _asset("report.js"),
                "template_json": charts.to_json(charts.template()), "config_json": charts.to_json(charts.CONFIG)})
    return _env().get_template("report.html.j2").render(**ctx)


def _asset(name: str) -> str:
    from importlib import resources

    return resources.files("multipolar.report").joinpath("templates", name).read_text(encoding="utf-8")


__all__ = ["build_report", "render", "context", "to_pdf", "to_png", "SECTIONS", "Section", "FORMATS",
           "MultipolarError"]
