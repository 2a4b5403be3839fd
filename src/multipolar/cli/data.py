"""`multipolar data …`: build, list, describe and verify the data pack; pull fresh data from online sources."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from .. import store
from . import app
from .output import check_format, emit

data_app = typer.Typer(help="Build, inspect and verify the data pack; pull fresh data from online sources.",
                       no_args_is_help=True)
app.add_typer(data_app, name="data", short_help="Build, inspect and verify the data pack; pull fresh data.")


def _summary(manifest: dict):
    import pandas as pd

    rows = []
    for name, entry in sorted(manifest["tables"].items()):
        cover = entry["coverage"]
        span = next((cover[k] for k in ("years", "periods", "sessions") if k in cover), None)
        rows.append({"table": name, "rows": cover["rows"],
                     "years": f"{span[0]}–{span[1]}" if span else "",
                     "countries": cover.get("countries", 0),
                     "sources": "\n".join(cover.get("sources", [s["id"] for s in entry["sources"]])),
                     "bytes": entry["bytes"]})
    return pd.DataFrame(rows)


@data_app.command("list", short_help="List the pack's tables: rows, years, countries, sources.")
def list_tables(
    fmt: str = typer.Option("table", "--format", help="table | json"),
    pack: Path = typer.Option(None, help="Pack folder (default: the pack shipped with the package)."),
) -> None:
    """List the pack's tables with their rows, years, countries and sources."""
    check_format(fmt, ("table", "json"))
    manifest = store.read_manifest(pack)
    if fmt == "json":
        out = {name: {"rows": e["coverage"]["rows"], "coverage": e["coverage"], "key": e["key"],
                      "sources": [{"id": s["id"], "title": s["title"], "licence": s["licence"]} for s in e["sources"]],
                      "bytes": e["bytes"]}
               for name, e in sorted(manifest["tables"].items())}
        print(json.dumps({"tables": out, "excluded": manifest["excluded"]}, indent=1, ensure_ascii=False))
        return
    from rich.console import Console

    emit(_summary(manifest), "table", title="multipolar data pack")
    for item in manifest["excluded"]:
        Console(stderr=True).print(f"[yellow]left out of the pack:[/] {item['source']} ({item['reason']})")


@data_app.command("info", short_help="Show a table's columns, coverage and provenance.")
def info(
    table: str = typer.Argument(..., help="Table name, e.g. trade_flows (see `multipolar data list`)."),
    pack: Path = typer.Option(None, help="Pack folder (default: the shipped pack)."),
    fmt: str = typer.Option("table", "--format", help="table | json"),
) -> None:
    """Show a table's columns, coverage, and for each source its licence, retrieval date, files and processing."""
    check_format(fmt, ("table", "json"))
    manifest = store.read_manifest(pack)
    if table not in manifest["tables"]:
        from ..errors import invalid_choice

        raise invalid_choice("table", table, manifest["tables"])
    entry = manifest["tables"][table]
    if fmt == "json":
        print(json.dumps(entry, indent=1, ensure_ascii=False))
        return
    from rich.console import Console

    console = Console()
    console.print(f"[bold]{table}[/] — {entry['description']}")
    console.print(f"key: {', '.join(entry['key'])}   rows: {entry['coverage']['rows']:,}   "
                  f"file: {entry['file']} ({entry['bytes']:,} bytes, sha256 {entry['sha256'][:12]}…)")
    console.print(f"coverage: {json.dumps({k: v for k, v in entry['coverage'].items() if k != 'rows'})}")
    console.print(f"derivation: {entry['derivation']}")
    console.print("columns: " + ", ".join(f"{k} ({v})" for k, v in entry["columns"].items()))
    for source in entry["sources"]:
        console.print(f"\n[bold]{source['id']}[/] — {source['producer']}: {source['title']}")
        console.print(f"  licence: {source['licence']}")
        console.print(f"  cite: {source['citation']}")
        console.print(f"  retrieved: {source['retrieved']}")
        console.print(f"  urls: {', '.join(source['urls'])}")
        for step in source["steps"]:
            console.print(f"  step: {step}")
        for caveat in source.get("caveats", []):
            console.print(f"  caveat: {caveat}")
        files = source["files"]
        console.print(f"  input files: {len(files)} ({sum(f['bytes'] for f in files):,} bytes)")
        for f in files[:5]:
            console.print(f"    {f['path']}  sha256 {f['sha256'][:16]}…")
        if len(files) > 5:
            console.print(f"    … and {len(files) - 5} more (see --format json)")


@data_app.command("verify", short_help="Verify the pack: files, checksums, schemas, keys.")
def verify(pack: Path = typer.Option(None, help="Pack folder (default: $MULTIPOLAR_PACK_DIR or the shipped pack).")
           ) -> None:
    """Check the pack: every canonical table present, and for each its file, checksum, schema, unique keys, row
    count and provenance; each derived table's file, checksum, rows and provenance, and that the base tables it was
    derived from still have the checksums it records (then whether this installation's code reads it)."""
    problems = store.verify(pack)
    if problems:
        for problem in problems:
            typer.echo(f"FAIL {problem}", err=True)
        raise typer.Exit(1)
    manifest = store.read_manifest(pack)
    derived = manifest.get("derived", {})
    typer.echo(f"ok: {len(manifest['tables'])} tables verified (complete catalogue, schema, keys, checksums, "
               "provenance)" + (f"; {len(derived)} derived tables verified (checksums, rows, provenance, derived "
                                "from the base tables' current checksums)" if derived else ""))
    from .. import config
    from ..indicators.derived import status

    for line in status(config.pack_dir(pack), manifest):
        typer.echo(f"  derived {line}")


@data_app.command("build-pack", short_help="Derive the data pack from the raw sources.")
def build_pack(
    data_dir: Path = typer.Option(None, help="Raw data folder (default: $MULTIPOLAR_DATA_DIR or ../shared/data)."),
    out: Path = typer.Option(None, help="Pack folder to write (default: $MULTIPOLAR_PACK_DIR; one of the two is "
                                        "required: the package's own pack is rebuilt only when named, e.g. "
                                        "--out src/multipolar/pack)."),
    source: list[str] = typer.Option(None, help="Rebuild only this source's rows inside the complete pack at --out "
                                                "(repeatable); default: build the whole pack."),
    include_pulled: bool = typer.Option(False, help="Also include tables fetched by `multipolar data pull`."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar (none is drawn when stderr is not a "
                                                            "terminal either)."),
) -> None:
    """Derive the compact data pack from the raw sources, with its derived tables (the trade views, every state's
    crossover, the small indicators' outputs: computed once here, read by every later call); the previous pack
    stays if anything fails."""
    from ..errors import UsageError, invalid_choice
    from ..sources import SOURCE_MODULES

    names = tuple(dict.fromkeys(source)) if source else SOURCE_MODULES
    for name in names:
        if name not in SOURCE_MODULES:
            raise invalid_choice("source", name, SOURCE_MODULES)
    if source and include_pulled:
        raise UsageError("--include-pulled builds a whole pack; it cannot be combined with --source")
    out_dir = store.pack.pack_out_dir(out)  # before any work: no folder named, nothing written
    data_dir = store.pack.raw_data_dir(data_dir)
    from .progress import progress_bar

    from ..indicators.derived import derive_tables  # the derived tables: the indicators' own expressions

    with progress_bar("building pack", quiet=quiet) as progress:
        if source:
            manifest = store.rebuild_sources(data_dir, out_dir, names=names, progress=progress, derive=derive_tables)
        else:
            manifest = store.build_pack(data_dir, out_dir, names=names, progress=progress,
                                        include_pulled=include_pulled, derive=derive_tables)
    what = f"rebuilt {', '.join(names)} in" if source else "written:"
    derived = manifest.get("derived", {})
    typer.echo(f"pack {what} {out_dir}: {len(manifest['tables'])} tables"
               + (f" and {len(derived)} derived ({', '.join(sorted(derived))})" if derived else "")
               + f", {manifest['bytes'] / 1e6:.2f} MB"
               + (f"; left out: {', '.join(e['source'] for e in manifest['excluded'])}" if manifest["excluded"] else ""))


from . import pull as _pull  # noqa: E402,F401  (adds `multipolar data pull`)
