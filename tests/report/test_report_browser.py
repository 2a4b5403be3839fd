"""The static report in headless Chromium with the network cut off: every chart draws, with its title, source line
and readable labels (China red, Russia blue, no raw source ids), a state's charts share their years, no sideways
scroll on a 390 px phone; the PDF has no near-empty page; the PNG export. Screenshots kept in test-artifacts/."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

# What a drawn chart holds, per kind (plotly's SVG layers).
DRAWN = {
    "state": "g.scatterlayer g.trace path, .annotation",
    "asymmetry": "g.scatterlayer g.trace path.point",
    "heatmap": "g.heatmaplayer image, g.hm image",
    "memberships": "g.barlayer g.point path",
    "rerouting-growth": "g.barlayer g.point path",
    "rerouting-top": "g.barlayer g.point path",
    "rerouting-event": "g.scatterlayer g.trace path",
}
# Raw source ids that must never be a chart's visible label.
RAW_ID = re.compile(r"\b(national_[a-z]{2}|imf_dots|sipri_at|bsv_idealpoints|unvotes_computed|mirror:|aiddata_)")


def _open(browser, report_path, width=1400):
    page = browser.new_page(viewport={"width": width, "height": 1000})
    outside, errors = [], []

    def route(r):
        if r.request.url.startswith(("file:", "data:", "blob:")):
            return r.continue_()
        outside.append(r.request.url)
        return r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(report_path.as_uri(), wait_until="load")
    page.wait_for_function("window.reportReady === true", timeout=120_000)
    assert not errors, errors
    assert not outside, f"the report tried to load {outside[:3]}"
    return page


def test_report_renders_every_chart_offline(browser, report_path, artifacts):
    page = _open(browser, report_path)
    charts = page.locator("figure.chart[data-chart]")
    assert charts.count() >= 8 * 4 + 1 + 2 + 5  # states × 4, heatmap, asymmetry, five timelines
    for i in range(charts.count()):
        chart = charts.nth(i)
        kind = chart.get_attribute("data-chart")
        marks = chart.locator(DRAWN[kind]).count()
        assert marks > 0, f"chart {i} ({kind} {chart.get_attribute('data-country') or ''}) drew nothing"
    # The status line reports every chart drawn.
    drawn = int(page.get_attribute("body", "data-charts-drawn"))
    assert drawn == page.locator(".plotly-graph-div").count()
    for section in ("summary", "headline", "heatmap", "states", "asymmetry", "rerouting", "memberships", "claims",
                    "crossovers", "provenance"):
        assert page.locator(f"#{section}").is_visible()
    page.screenshot(path=str(artifacts / "report-top.png"))
    page.screenshot(path=str(artifacts / "report-full.png"), full_page=True)
    page.locator("#headline").screenshot(path=str(artifacts / "report-grid.png"))
    page.locator("#heatmap").screenshot(path=str(artifacts / "report-heatmap.png"))
    page.locator(".state").first.screenshot(path=str(artifacts / "report-state.png"))
    page.locator("#asymmetry").screenshot(path=str(artifacts / "report-asymmetry.png"))
    page.locator("#rerouting").screenshot(path=str(artifacts / "report-rerouting.png"))
    page.locator("#claims").screenshot(path=str(artifacts / "report-claims.png"))
    page.close()


def test_each_chart_has_a_source_line_and_readable_labels(browser, report_path):
    page = _open(browser, report_path)
    facts = page.evaluate("""() => [...document.querySelectorAll('figure.chart')].map(fig => {
        const gd = fig.querySelector('.js-plotly-plot');
        return {kind: fig.dataset.chart, country: fig.dataset.country || '',
                title: fig.querySelector('.chart-title').textContent,
                source: fig.querySelector('.chart-source').textContent,
                labels: (gd.layout.annotations || []).map(a => a.text.replace(/<[^>]+>/g, '')),
                names: gd._fullData.map(t => t.name),
                colours: gd._fullData.filter(t => t.meta && t.meta.highlighted).map(t => [t.meta.label, t.line.color]),
                range: gd.layout.xaxis.range, legend: gd._fullLayout.showlegend};
    })""")
    ranges = {}
    for f in facts:
        assert f["source"].startswith("Source: ") and not RAW_ID.search(f["source"]), f["source"]
        assert f["title"] and not RAW_ID.search(f["title"]), f["title"]
        assert not any(RAW_ID.search(n) for n in f["names"]), f["names"]
        if f["kind"] == "state":
            assert f["legend"] is False  # labels at the line ends instead of a legend
            assert set(f["labels"]) <= {"China", "Russia"} or f["labels"][0].startswith("no "), f["labels"]
            colours = dict(f["colours"])
            assert colours.get("China", "#c0392b") == "#c0392b" and colours.get("Russia", "#2457a6") == "#2457a6"
            if f["names"]:
                ranges.setdefault(f["country"], set()).add(tuple(f["range"]))
    assert ranges and all(len(r) == 1 for r in ranges.values()), ranges  # one span of years per state
    page.close()


def test_no_sideways_scroll_on_a_phone(browser, report_path, artifacts):
    page = _open(browser, report_path, width=390)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(artifacts / "report-phone-top.png"))
    page.close()


def test_rerouting_section_draws_its_charts_with_sources_also_on_a_phone(browser, report_path, artifacts):
    """The sanctions re-routing section: each chart drawn (bars), its title and a "Source:" line with the sources'
    declared names; on a 390 px phone the page does not scroll sideways and every chart fits the screen."""
    for width, shot in ((1400, "report-rerouting-wide.png"), (390, "report-rerouting-phone.png")):
        page = _open(browser, report_path, width=width)
        section = page.locator("#rerouting")
        section.scroll_into_view_if_needed()
        facts = page.evaluate("""() => [...document.querySelectorAll('#rerouting figure.chart')].map(fig => {
            const gd = fig.querySelector('.js-plotly-plot');
            const box = fig.getBoundingClientRect();
            return {kind: fig.dataset.chart, title: fig.querySelector('.chart-title').textContent,
                    source: fig.querySelector('.chart-source').textContent, right: box.right,
                    bars: gd.querySelectorAll('g.barlayer g.point path').length,
                    svg: gd.querySelector('svg.main-svg').getBoundingClientRect().width};
        })""")
        assert [f["kind"] for f in facts] == ["rerouting-growth", "rerouting-top"]
        for f in facts:
            assert f["bars"] > 0, f
            assert f["source"].startswith("Source: Eurostat Comext") and not RAW_ID.search(f["source"]), f["source"]
            assert len(f["title"]) > 20
            assert f["right"] <= width and f["svg"] <= width, f
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        section.screenshot(path=str(artifacts / shot))
        page.close()


def test_report_prints_to_pdf_without_near_empty_pages(browser, report_path, tmp_path):
    """--format pdf prints the report through headless Chromium (Debian's), here while another Playwright session
    (the test's browser) is open, as in a notebook or server. No page but the last is near-empty (a page holding
    only a heading, as forced page breaks used to make)."""
    from pypdf import PdfReader

    from multipolar.report import to_pdf

    out = to_pdf(report_path, tmp_path / "report.pdf")
    assert out.read_bytes()[:5] == b"%PDF-"
    reader = PdfReader(str(out))
    sizes = []
    for page in reader.pages:
        text = page.extract_text() or ""
        sizes.append((len(text), len(page.get_contents().get_data()) if page.get_contents() else 0))
    assert len(sizes) > 5
    median = sorted(b for _t, b in sizes)[len(sizes) // 2]
    for i, (chars, content) in enumerate(sizes[:-1], start=1):
        assert chars >= 400 or content >= median / 4, f"page {i} of {len(sizes)} is near-empty ({chars} characters)"


def test_report_charts_save_as_png(browser, report_path, tmp_path):
    """--format png saves one image per chart, with its title and source line, named after it."""
    import struct

    from multipolar.report import to_png

    folder = to_png(report_path, tmp_path / "charts")
    files = sorted(p.name for p in folder.glob("*.png"))
    assert "fig-heatmap.png" in files and "fig-asymmetry.png" in files and "fig-KAZ-trade_share.png" in files
    assert any(f.startswith("fig-members-") for f in files)
    head = (folder / "fig-heatmap.png").read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    assert width > 300 and height > 200
