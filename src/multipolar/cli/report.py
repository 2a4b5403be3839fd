"""`multipolar report` (the self-contained HTML report) and `multipolar serve` (the dashboard and JSON API)."""

from __future__ import annotations

from pathlib import Path

import typer

from . import app


@app.command("report", short_help="Write the report: key findings, who leads, charts.")
def report(
    region: str = typer.Option("sco", help="sco (the SCO's member states) | central-asia (the five Central Asian "
                                           "states)."),
    out: Path = typer.Option(None, "--out", "-o", help="Where to write (default: report.html, report.pdf, or the "
                                                       "folder report-charts/ for --format png)."),
    lang: str = typer.Option("en", help="Language of the report (en)."),
    fmt: str = typer.Option("html", "--format", help="html | pdf | png (pdf, and png = one image per chart, are "
                                                     "drawn by headless Chromium: they need the playwright package "
                                                     "and /usr/bin/chromium)."),
    pack: Path = typer.Option(None, help="Pack folder (default: $MULTIPOLAR_PACK_DIR or the shipped pack)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar (none is drawn when stderr is not a "
                                                            "terminal either)."),
    cache: bool = typer.Option(True, help="Reuse the crossover table, verdicts and re-routing tables of an earlier "
                                          "build from the same pack and code (kept in "
                                          "$MULTIPOLAR_CACHE_DIR/report)."),
    event_study: bool = typer.Option(False, "--event-study", help="Add the sanctions re-routing event study "
                                                                  "(pyfixest; one to two minutes to fit, then "
                                                                  "cached)."),
) -> None:
    """Write the report: who holds sway over whom in the region, since when, by whose numbers (one HTML file under
    2 MB that needs no network).

    It opens with the key findings (each with its figure, year and source) and the who-leads grid (China, Russia or
    no clear lead for each state and dimension, with the year, both values, the source and its flags); then a
    heatmap of China's lead; each state's series by source (the grid's view highlighted); the China–Russia
    asymmetry; sanctions re-routing (the EU's exports of sanctioned goods to Russia and its neighbours, the leakage
    ratio, the top products, both legs of the roundabout; the event study with --event-study); membership
    timelines of the SCO, EAEU, CSTO, CIS and BRICS; the seed article's claims with verdicts; every crossover; and
    data coverage and provenance.
    """
    from ..report.seedcheck import start_early

    # The seed article's check (the longest step of a cold build) starts first, on the second core, while this
    # process imports the report and reads the rest.
    worker = start_early(pack=pack, cache=cache)
    try:
        from ..report import build_report
        from ..report.build import FORMATS
        from ..report.gathering import check_lang, check_region
        from .output import check_format
        from .progress import progress_bar

        check_region(region)
        check_lang(lang)
        check_format(fmt, FORMATS)
        out = out or Path("report-charts" if fmt == "png" else f"report.{fmt}")
        with progress_bar("building the report", quiet=quiet, transient=False) as progress:
            path = build_report(out, region=region, lang=lang, fmt=fmt, pack=pack, progress=progress, cache=cache,
                                event_study=event_study, worker=worker)
    finally:
        if worker is not None:
            worker.close()
    if path.is_dir():
        typer.echo(f"charts written: {len(list(path.glob('*.png')))} PNG files in {path}/")
    else:
        size = path.stat().st_size
        typer.echo(f"report written: {path} ({size / 1e6:.1f} MB" + ("; open it in a browser, no network needed)"
                                                                       if fmt == "html" else ")"))


@app.command("serve", short_help="Open the dashboard and the JSON API.")
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on (127.0.0.1: this machine only)."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    pack: Path = typer.Option(None, help="Pack folder (default: $MULTIPOLAR_PACK_DIR or the shipped pack)."),
    warm: bool = typer.Option(True, help="Compute the crossover table at start-up so the first pages are fast."),
    workers: int = typer.Option(1, min=1, max=16, help="Server processes (uvicorn workers) sharing the port: on a "
                                "machine with several cores, 2 or more serve many clients at once with shorter "
                                "waits; each process keeps its own answer cache (up to 64 MB) and reads of the pack."),
) -> None:
    """Open the dashboard: the overview (key findings and who leads), every state's page, the indicator explorer
    (its choices in the URL; CSV and PNG downloads), the crossover table, sanctions re-routing, the claim checker;
    JSON API under /api/ (OpenAPI docs at /docs; format=csv on every table). Read-only."""
    import uvicorn

    from .. import store
    from ..web import create_app

    store.read_manifest(pack)  # fail now, with the reason, if there is no pack
    typer.echo(f"multipolar dashboard on http://{host}:{port}/  (API docs: http://{host}:{port}/docs; Ctrl-C stops)"
               + (f"; {workers} worker processes" if workers > 1 else ""), err=True)
    if workers > 1:  # uvicorn starts each worker from an import string: the pack and warm-up go by environment
        import os

        from ..web.app import SERVE_PACK_ENV, SERVE_WARM_ENV

        os.environ[SERVE_PACK_ENV] = str(Path(pack).resolve()) if pack else ""
        os.environ[SERVE_WARM_ENV] = "1" if warm else "0"
        uvicorn.run("multipolar.web.app:app_from_env", factory=True, workers=workers, host=host, port=port,
                    log_level="warning", access_log=False)
        return
    # No access log (the warning level hides it anyway): one formatted record less per request.
    uvicorn.run(create_app(pack, warm=warm), host=host, port=port, log_level="warning", access_log=False)
