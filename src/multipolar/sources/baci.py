"""CEPII BACI (world trade by HS6 product, yearly): a strict reader for small folders and a lazy Ibis scan of the full
data (CSV or partitioned Parquet), both in product_trade's columns, so the re-routing indicators run on it unchanged.

BACI is not in ../shared/data and not in the data pack (the full 1995-2023 set is ~250 M rows): a user points the
tool at their own download. The layout read is CEPII's: one `BACI_HS<rev>_Y<year>_V<version>.csv` per year with the
columns t (year), i (exporter), j (importer), k (HS6 product), v (value, thousands of current USD), q (quantity,
metric tons; 'NA' or blank when unknown), and `country_codes_V<version>.csv` mapping the numeric codes to ISO3
(columns country_code and country_iso3, or the older iso_3digit_alpha); `product_codes_HS<rev>_V<version>.csv`
(code, description) is read when present. A folder of Parquet files with the same columns (partitioned by year,
e.g. `t=2022/part.parquet`, as `convert()` and benchmarks/bench_scale.py write) is read the same way.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..countries import is_iso3
from ..errors import DataError
from . import chpl, eurostat_sanctioned
from ._read import fail_at, failing, numbers, read_csv
from ._tables import table_frame
from .base import Identity, Origin

ORIGIN = Origin(
    id="baci",
    producer="CEPII (Centre d'Etudes Prospectives et d'Informations Internationales)",
    title="BACI: International Trade Database at the Product-Level (HS6), yearly bilateral flows",
    urls=("https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37",),
    licence="Etalab Open Licence 2.0 as CEPII states it for BACI (not re-verified; no copy is shipped or stored "
            "with the project)",
    citation="Gaulier, G. and Zignago, S. (2010), BACI: International Trade Database at the Product-Level. The "
             "1994-2007 Version, CEPII Working Paper 2010-23; the user's own BACI download (version in the file "
             "names).",
    folder="baci",
    files=("BACI_*_Y*_V*.csv", "country_codes_V*.csv"),
    retrieved="the user's own download (not part of ../shared/data)",
    steps=(
        "read each yearly file by header name (t, i, j, k, v, q); t must equal the year in the file name",
        "k: the HS6 code as six digits (a code read as a number gets its leading zero back); v: thousands of USD "
        "-> USD (x 1000); q: metric tons, 'NA' or blank -> null",
        "i and j -> ISO3 through the version's country_codes file; codes without an ISO3 country code (BACI's own "
        "groupings, e.g. 'Other Asia, nes') are dropped with a logged count per code",
        "product_trade rows: flow export (i's exports to j), month null (yearly data), code_level HS6, currency "
        "USD, chpl_tier from the CHPL list, sanctioned = the HS6 contains a CN8 code of the EU sanction annexes "
        "(eurostat_sanctioned_cn8/export_sanctions_codes.csv)",
    ),
    caveats=(
        "BACI reconciles exporter and importer declarations (CIF importer values brought to FOB): its values differ "
        "from either side's own statistics",
        "an HS6 code is flagged sanctioned when any CN8 code under it is on the EU annexes: it may hold unsanctioned "
        "goods too",
        "the HS revision (HS92 ... HS22) is in the file names; codes of different revisions are not converted",
    ),
    # BACI reconciles the exporter's and the importer's declarations: an estimate, neither side's own figure.
    identity=Identity("CEPII BACI", role="estimate", trust=60),
)

SOURCE = "baci"
# Columns of a BACI yearly file.
COLUMNS = ("t", "i", "j", "k", "v", "q")
# Spellings of an unknown quantity.
MISSING_QUANTITY = ("NA", "", "na", "NaN")
# Yearly data file name: BACI_HS17_Y2022_V202401.csv.
YEAR_FILE = re.compile(r"^BACI_(?P<rev>HS\d\d)_Y(?P<year>\d{4})_V(?P<version>\w+)\.csv(\.gz)?$")
# Country code columns, recent and older layouts.
ISO3_COLUMNS = ("country_iso3", "iso_3digit_alpha")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Folder:
    """The BACI files of a folder: yearly CSVs by year (or Parquet files), the country and product code files."""

    path: Path
    years: dict[int, Path]
    parquet: list[Path]
    countries: Path
    products: Path | None


def find(folder: str | Path) -> Folder:
    """The BACI files in folder; a DataError naming what is missing."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DataError("BACI folder not found", file=folder)
    years = {}
    for path in sorted(folder.glob("BACI_*.csv*")):
        match = YEAR_FILE.match(path.name)
        if match:
            years[int(match.group("year"))] = path
    parquet = sorted(folder.rglob("*.parquet"))
    countries = sorted(folder.glob("country_codes_V*.csv"))
    if not years and not parquet:
        raise DataError("no BACI yearly files (BACI_HS<rev>_Y<year>_V<version>.csv) or Parquet files here",
                        file=folder)
    if not countries:
        raise DataError("no country_codes_V<version>.csv here (BACI's numeric country codes)", file=folder)
    products = sorted(folder.glob("product_codes_*_V*.csv"))
    return Folder(folder, years, parquet, countries[-1], products[-1] if products else None)


def read_countries(path: Path) -> pd.DataFrame:
    """country_codes file as code (int) -> iso3, keeping only codes of ISO3 countries (the others logged)."""
    header = pd.read_csv(path, nrows=0).columns
    column = next((c for c in ISO3_COLUMNS if c in header), None)
    if column is None:
        raise DataError(f"no ISO3 column (one of {list(ISO3_COLUMNS)}); found {list(header)}", file=path, row=1)
    raw = read_csv(path, ("country_code", column), strip=True).astype(object)
    code = numbers(raw, "country_code", path, integer=True, low=0)
    iso3 = raw[column].astype(str).str.upper()
    known = iso3.map(is_iso3)
    if (~known).any():
        log.warning("%s: codes without an ISO3 country code, their rows left out: %s", path.name,
                    ", ".join(f"{int(c)}={s}" for c, s in zip(code[~known], iso3[~known])))
    out = pd.DataFrame({"code": code[known].astype("int64"), "iso3": iso3[known]}).drop_duplicates()
    twice = out["code"].duplicated(keep=False)
    if twice.any():
        raise DataError(f"country code {int(out.loc[twice, 'code'].iloc[0])} has two ISO3 codes", file=path)
    return out.reset_index(drop=True)


def product_lists(data_dir: Path | None) -> tuple[dict[str, str], set[str]]:
    """({hs6: CHPL tier}, HS6 codes holding an EU sanction-annex CN8 code) from the project's raw data folder."""
    from .. import config

    data_dir = config.data_dir(data_dir)
    annex = eurostat_sanctioned.annex_codes(data_dir)
    return chpl.read_tiers(data_dir), {code[:6] for code in annex}


def _hs6(raw: pd.DataFrame, path: Path) -> pd.Series:
    fail_at(raw, failing(raw["k"], lambda c: bool(re.fullmatch(r"\d{5,6}", c))),
            "k {value!r} is not an HS6 product code (5 or 6 digits)", file=path, field="k")
    return raw["k"].astype(str).str.zfill(6)


def read_year(path: Path, year: int, codes: pd.DataFrame) -> pd.DataFrame:
    """One yearly file as exporter, importer (ISO3), year, product_code, value (USD), quantity (t)."""
    raw = read_csv(path, COLUMNS, strip=True)
    t = numbers(raw, "t", path, integer=True)
    fail_at(raw, t != year, f"t {{value!r}} is not the file's year {year}", file=path, field="t")
    i = numbers(raw, "i", path, integer=True, low=0)
    j = numbers(raw, "j", path, integer=True, low=0)
    value = numbers(raw, "v", path, low=0)
    fail_at(raw, value.isna(), "empty value v", file=path, field="v")
    quantity = numbers(raw, "q", path, low=0, blank=MISSING_QUANTITY)
    iso = dict(zip(codes["code"], codes["iso3"]))
    frame = pd.DataFrame({"reporter": i.map(iso), "partner": j.map(iso), "year": year,
                          "product_code": _hs6(raw, path), "value": value * 1000.0, "quantity": quantity})
    unknown = frame["reporter"].isna() | frame["partner"].isna()
    if unknown.any():
        missing = sorted({int(c) for c in pd.concat([i[frame["reporter"].isna()], j[frame["partner"].isna()]])})
        log.warning("%s: %d rows of country codes without ISO3 left out (codes %s)", path.name,
                    int(unknown.sum()), missing[:20])
    return frame.loc[~unknown]


def parse(folder: str | Path, data_dir: Path | None = None) -> dict[str, pd.DataFrame]:
    """product_trade (and product_codes when the folder has them) from a BACI folder of yearly CSVs. For folders
    that fit in memory; the full data set goes through `scan()`."""
    files = find(folder)
    if not files.years:
        raise DataError("no BACI yearly CSV files to parse (Parquet folders are read with scan())", file=files.path)
    codes = read_countries(files.countries)
    tiers, sanctioned = product_lists(data_dir)
    frame = pd.concat([read_year(path, year, codes) for year, path in sorted(files.years.items())],
                      ignore_index=True)
    trade = table_frame("product_trade", frame, flow="export", month=pd.array([pd.NA] * len(frame), "Int8"),
                        code_level="HS6", currency="USD", sanctioned=frame["product_code"].isin(sanctioned),
                        chpl_tier=frame["product_code"].map(tiers).astype(object).where(lambda s: s.notna(), None),
                        source=SOURCE)
    out = {"product_trade": trade.reset_index(drop=True)}
    if files.products is not None:
        raw = read_csv(files.products, ("code", "description"), strip=True).astype(object)
        product = _hs6(raw.rename(columns={"code": "k"}), files.products)
        out["product_codes"] = table_frame("product_codes", pd.DataFrame(
            {"product_code": product, "label": raw["description"]}), code_level="HS6", source=SOURCE)
    return out


def _raw(files: Folder, con):
    """The BACI rows (t, i, j, k, v, q) of a folder as an Ibis table on `con`."""
    if files.parquet:
        if getattr(con, "name", "") == "duckdb":
            raw = con.read_parquet([str(p) for p in files.parquet], hive_partitioning=True)
        else:
            # Spark discovers the t=YYYY partitions itself; other files of the folder (country codes) are skipped.
            raw = con.read_parquet(str(files.path), pathGlobFilter="*.parquet")
    else:
        paths = [str(p) for _, p in sorted(files.years.items())]
        raw = con.read_csv(paths if len(paths) > 1 else paths[0])
    missing = [c for c in COLUMNS if c not in raw.columns]
    if missing:
        raise DataError(f"BACI data without the columns {missing}; found {list(raw.columns)}", file=files.path)
    return raw


def _quantity(raw):
    return raw.q if raw.schema()["q"].is_floating() else raw.q.try_cast("float64")


def aggregate(folder: str | Path, con, digits: int = 2):
    """Exports per exporter, importer (ISO3), product group and year, unexecuted: product_group = the first
    `digits` digits of the HS6 code (2: the HS chapter, 4: the heading), value in USD, quantity in tonnes,
    n_products = HS6 rows summed. Summed on BACI's integer codes first and labelled after (the fast way through
    hundreds of millions of rows: integer keys, and the ISO3 join on the much smaller result)."""
    import ibis

    if digits not in (2, 4, 6):
        raise DataError(f"product group of {digits} digits: use 2 (chapter), 4 (heading) or 6")
    files = find(folder)
    codes = read_countries(files.countries)
    exporters = ibis.memtable(codes.rename(columns={"code": "i", "iso3": "reporter"}))
    importers = ibis.memtable(codes.rename(columns={"code": "j", "iso3": "partner"}))
    scale = 10 ** (6 - digits)
    parts = []
    for year, raw in _years(files, con):
        # The group key as k rounded down to the group (integer arithmetic only: Ibis writes `//` as a
        # floating-point division, which costs on every row); divided on the summed result.
        k = raw.k.cast("int64")
        sums = raw.group_by(i=raw.i.cast("int64"), j=raw.j.cast("int64"), group=k - k % scale).aggregate(
            value=raw.v.cast("float64").sum() * 1000.0, quantity=_quantity(raw).sum(), n_products=raw.count())
        parts.append(sums.mutate(year=ibis.literal(year, "int16")))
    # One aggregation per year, then their union: a year's cells (~1.4 M in a real BACI year) fit a small hash
    # table, where all years' together (~40 M) would not (measured: 3.4x faster on 25 M rows, DuckDB, 2 cores).
    sums = ibis.union(*parts, distinct=False) if len(parts) > 1 else parts[0]
    j = sums.inner_join(exporters, "i").inner_join(importers, "j")
    group = (j.group // scale).cast("int64").cast("string").lpad(digits, "0")
    return j.select(reporter=j.reporter, partner=j.partner, year=j.year, product_group=group, value=j.value,
                    quantity=j.quantity, n_products=j.n_products, currency=ibis.literal("USD"),
                    source=ibis.literal(SOURCE))


def _years(files: Folder, con) -> list[tuple[int, object]]:
    """(year, Ibis table of that year's rows) for each year of a BACI folder: one yearly CSV file, or the Parquet
    files of one t=YYYY partition (a Parquet folder without partitions: one table holding every year)."""
    if files.parquet:
        by_year: dict[int, list[Path]] = {}
        for path in files.parquet:
            match = re.search(r"(?:^|/)t=(\d{4})(?:/|$)", path.relative_to(files.path).parent.as_posix())
            if not match:
                raw = _raw(files, con)
                years = sorted(int(y) for y in raw.select("t").distinct().to_pyarrow().column(0).to_pylist())
                return [(y, raw.filter(raw.t == y)) for y in years]
            by_year.setdefault(int(match.group(1)), []).append(path)
        if getattr(con, "name", "") == "duckdb":
            return [(y, con.read_parquet([str(p) for p in paths])) for y, paths in sorted(by_year.items())]
        return [(y, con.read_parquet(str(paths[0].parent), pathGlobFilter="*.parquet"))
                for y, paths in sorted(by_year.items())]
    return [(y, con.read_csv(str(path))) for y, path in sorted(files.years.items())]


def scan(folder: str | Path, con, data_dir: Path | None = None):
    """An unexecuted Ibis table with product_trade's columns over a BACI folder (yearly CSVs or Parquet files),
    registered on the Ibis connection `con` (DuckDB or Spark). Rows of country codes without ISO3 drop out."""
    import ibis

    files = find(folder)
    raw = _raw(files, con)
    codes = read_countries(files.countries)
    tiers, sanctioned = product_lists(data_dir)
    exporters = ibis.memtable(codes.rename(columns={"code": "i", "iso3": "reporter"}))
    importers = ibis.memtable(codes.rename(columns={"code": "j", "iso3": "partner"}))
    listed = sorted(set(tiers) | sanctioned)
    lists = ibis.memtable(pd.DataFrame({
        "code": [int(c) for c in listed], "chpl_tier": [tiers.get(c) for c in listed],
        "listed_sanctioned": [c in sanctioned for c in listed]}).astype({"chpl_tier": object}))
    # Joins on integers (the country codes, the HS6 code as a number: a text code such as '010121' and a number
    # that lost its leading zero are the same number); the six-digit text code is made last, so that a query
    # filtering rows (e.g. EU exporters, sanctioned codes) makes it only for the rows it keeps.
    q = _quantity(raw)
    base = raw.select(i=raw.i.cast("int64"), j=raw.j.cast("int64"), year=raw.t.cast("int16"),
                      code=raw.k.cast("int64"), value=raw.v.cast("float64") * 1000.0, quantity=q)
    joined = base.inner_join(exporters, "i").inner_join(importers, "j").left_join(lists, "code")
    full = joined.select("reporter", "partner", "year", "code", "value", "quantity", "chpl_tier",
                         "listed_sanctioned").view()
    return full.select(
        reporter=full.reporter, partner=full.partner, flow=ibis.literal("export"), year=full.year,
        month=ibis.null("int8"), product_code=full.code.cast("string").lpad(6, "0"), code_level=ibis.literal("HS6"),
        value=full.value, currency=ibis.literal("USD"), quantity=full.quantity,
        sanctioned=full.listed_sanctioned.fill_null(False), chpl_tier=full.chpl_tier, source=ibis.literal(SOURCE))


def context(folder: str | Path, backend: str = "duckdb", data_dir: Path | None = None):
    """An indicator Context whose product_trade table is the BACI folder's scan (run the re-routing indicators on
    the full world data: `indicators.expression("rerouting_growth", baci.context(folder), exporters="EU27",
    level="HS6")`)."""
    import ibis

    from ..indicators.registry import Context

    if backend == "duckdb":
        con = ibis.duckdb.connect()
    else:
        from ..indicators.api import _spark_connection  # one session configuration for the product

        con = _spark_connection(None, {"tables": {}})
    con.create_view("product_trade", scan(folder, con, data_dir), overwrite=True)
    return Context(con)


def write_parquet(frame: pd.DataFrame, out: Path) -> None:
    """BACI-layout rows (t, i, j, k, v, q) written as Parquet partitioned by year (t=YYYY/part-0.parquet)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = Path(out)
    for year, part in frame.groupby("t", sort=True):
        folder = out / f"t={int(year)}"
        folder.mkdir(parents=True, exist_ok=True)
        table = pa.Table.from_pandas(part.drop(columns="t").reset_index(drop=True), preserve_index=False)
        pq.write_table(table, folder / "part-0.parquet", compression="zstd")


