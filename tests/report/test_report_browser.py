"""The static report in headless Chromium with the network cut off: every chart draws, with data points."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# What a drawn chart holds, per kind (plotly's SVG layers).
DRAWN = {
    "state": "g.scatterlayer g.trace path.point",
    "asymmetry": "g.scatterlayer g.trace path.point",
    "heatmap": "g.heatmaplayer image, g.hm image",
    "memberships": "g.barlayer g.point path",
}


def test_report_renders_every_chart_offline(browser, report_path, artifacts):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    outside = []

    def route(r):
        if r.request.url.startswith(("file:", "data:", "blob:")):
            return r.continue_()
        outside.append(r.request.url)
        return r.abort()

    page.route("**/*", route)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(report_path.as_uri(), wait_until="load")
    page.wait_for_function("window.reportReady === true", timeout=90_000)
    assert not errors, errors
    assert not outside, f"the report tried to load {outside[:3]}"

    charts = page.locator(".chart[data-chart]")
    assert charts.count() >= 1 + 1 + 5 + 1  # heatmap, asymmetry, five timelines, at least one state
    for i in range(charts.count()):
        chart = charts.nth(i)
        kind = chart.get_attribute("data-chart")
        marks = chart.locator(DRAWN[kind]).count()
        assert marks > 0, f"chart {i} ({kind} {chart.get_attribute('data-country') or ''}) drew no data points"
    # The status line reports every chart drawn.
    drawn = int(page.get_attribute("body", "data-charts-drawn"))
    assert drawn == page.locator(".plotly-graph-div").count()

    for section in ("summary", "headline", "heatmap", "states", "asymmetry", "memberships", "claims",
                    "crossovers", "provenance"):
        assert page.locator(f"#{section}").is_visible()
    page.screenshot(path=str(artifacts / "report-top.png"))
    page.locator("#heatmap").screenshot(path=str(artifacts / "report-heatmap.png"))
    page.locator(".state").first.screenshot(path=str(artifacts / "report-state.png"))
    page.locator("#claims").screenshot(path=str(artifacts / "report-claims.png"))
    page.close()


def test_report_prints_to_pdf(browser, report_path, tmp_path):
    """--format pdf prints the report through headless Chromium (Debian's), here while another Playwright session
    (the test's browser) is open, as in a notebook or server."""
    from multipolar.report import to_pdf

    out = to_pdf(report_path, tmp_path / "report.pdf")
    assert out.read_bytes()[:5] == b"%PDF-"
    assert out.stat().st_size > 50_000


def test_report_charts_save_as_png(browser, report_path, tmp_path):
    """--format png saves one image per chart, named after it."""
    import struct

    from multipolar.report import to_png

    folder = to_png(report_path, tmp_path / "charts")
    files = sorted(p.name for p in folder.glob("*.png"))
    assert "fig-heatmap.png" in files and "fig-asymmetry.png" in files
    assert any(f.startswith("fig-state-") for f in files) and any(f.startswith("fig-members-") for f in files)
    head = (folder / "fig-heatmap.png").read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    assert width > 300 and height > 200
