"""IMF International Trade in Goods (IMTS) by partner, pulled from the IMF SDMX 3.0 API into trade_flows.

Request (one per reporter; the key is positional COUNTRY.INDICATOR.COUNTERPART_COUNTRY.FREQUENCY, `+` joins values):

    GET {base}/data/dataflow/IMF.STA/IMTS/+/{reporter}.XG_FOB_USD+MG_CIF_USD.{partner+partner+…}.A
        ?c[TIME_PERIOD]=ge:{first}-A1+le:{last}-A1
    Accept: application/vnd.sdmx.data+csv;version=2.0.0

with {base} = https://api.imf.org/external/sdmx/3.0 (override: $MULTIPOLAR_IMF_URL), version `+` = latest stable.
The time filter uses SDMX's period form (2019-A1 = the year 2019): with plain years (ge:2019+le:2023) the IMF's
SDMX 3.0 service is known to answer empty tables. Whatever the server does with it, the parser keeps only the asked
years. A reporter without data answers 404 or an empty table (the header and one all-blank row): that reporter has no
rows, and a pull fails only when every answer is empty.
The answer is SDMX-CSV 2.0: STRUCTURE,STRUCTURE_ID,ACTION,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,
TIME_PERIOD,OBS_VALUE, then attributes (SCALE, UNIT, STATUS, …). parse_response() also reads SDMX-CSV 1.0 (first
column DATAFLOW, as the 2.1 endpoint returns) and SDMX-JSON 2.0 (data.structures / data.dataSets), in case the
server ignores the Accept header.

Units: in API answers OBS_VALUE is in US dollars; SCALE ("6" = millions) is a display attribute that the Data
Explorer applies to its downloads (hence the millions in /work/shared/data/imf_imts_russia) but the API does not.
A UNIT_MULT column, when present, is applied. As a guard, a reporter's world total below one million dollars stops
the parse: it would mean the answer is in millions after all. Estimates: STATUS is empty in real answers; whether a
value was reported or estimated is in DERIVATION_TYPE (see is_estimate_code()).
Sources checked: the R packages readimf (R/request.R: base URL, Accept header, key order for IMTS) and imf.data
(R/sdmx_api.R: c[TIME_PERIOD]=ge:…+le:… filter), IMF BOP API answers carrying SCALE="6" with full-dollar OBS_VALUE,
and independent IMTS clients that divide OBS_VALUE by 1e6 to get millions.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import pandas as pd

from ..countries import POWERS, to_iso3
from ..errors import DataError, SourceError
from ..schema import TABLES
from . import http
from .base import EN, Identity, Origin, check_columns, to_number

ORIGIN = Origin(
    id="imf_imts_api",
    producer="International Monetary Fund, Statistics Department",
    title="International Trade in Goods (by partner country) (IMTS), dataflow IMF.STA:IMTS",
    urls=("https://data.imf.org/en/datasets/IMF.STA:IMTS",
          "https://api.imf.org/external/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/"),
    licence="IMF data: free to reuse with attribution under the IMF's terms of use "
            "(https://www.imf.org/external/terms.htm) — not re-verified for redistribution in a pack",
    citation="International Monetary Fund, International Trade in Goods (by partner country) (IMTS), "
             "IMF.STA:IMTS, IMF SDMX 3.0 API, retrieved on the date given in the table's metadata.",
    folder="",
    files=(),
    retrieved="at pull time (see retrieved_at in the pulled table's metadata)",
    steps=(
        "one SDMX 3.0 data query per reporter: XG_FOB_USD (exports FOB) and MG_CIF_USD (imports CIF), annual, "
        "partners = the requested countries, China, Russia and G001 (World)",
        "SDMX-CSV read by column name; empty observations dropped",
        "COUNTRY/COUNTERPART_COUNTRY are ISO3; G001 → WLD (mappings/imf_imts_api.csv)",
        "OBS_VALUE is US dollars (SCALE is display only; UNIT_MULT applied when present) → value_usd",
        "only the requested years are kept (TIME_PERIOD '2019' or '2019-A1'), whatever the server sent",
        "is_estimate from DERIVATION_TYPE (any code that does not say 'reported') or STATUS 'e'; the code is noted",
    ),
    caveats=(
        "IMTS fills non-reporting countries with IMF estimates (e.g. Russia since 2022); the API flags some with "
        "STATUS but not all: 2022+ Russian rows should be read as estimates",
        "exports are FOB, imports CIF: a reporter's imports and its partner's exports differ by freight/insurance",
    ),
    identity=Identity("IMF IMTS (online)", role="own", trust=35),
)

# Environment variable that points the connector at another server (tests use a local one).
BASE_URL_ENV = "MULTIPOLAR_IMF_URL"
DEFAULT_BASE_URL = "https://api.imf.org/external/sdmx/3.0"
# The dataflow and the latest stable version of it.
AGENCY, DATAFLOW, VERSION = "IMF.STA", "IMTS", "+"
# Indicator → (flow from the reporter's side, valuation basis).
INDICATORS = {"XG_FOB_USD": ("export", "FOB"), "MG_CIF_USD": ("import", "CIF")}
# IMF code for the world total.
IMF_WORLD = "G001"
ACCEPT_CSV = "application/vnd.sdmx.data+csv;version=2.0.0"
# Columns every answer must carry (the key's dimensions, the period and the value).
REQUIRED = ("COUNTRY", "INDICATOR", "COUNTERPART_COUNTRY", "FREQUENCY", "TIME_PERIOD", "OBS_VALUE")
# An annual TIME_PERIOD: '2019' or SDMX's '2019-A1'.
_PERIOD = re.compile(r"^(\d{4})(?:-A1)?$")

Progress = Callable[[str, int, int], None]


# Number style of the IMF API's SDMX-CSV (decimal mark, thousands separator; base.NumberStyle).
NUMBERS = EN


def base_url() -> str:
    """The API root: $MULTIPOLAR_IMF_URL or the IMF's SDMX 3.0 endpoint."""
    return os.environ.get(BASE_URL_ENV, DEFAULT_BASE_URL).rstrip("/")


def request_for(reporter: str, partners: Sequence[str], years: tuple[int, int]) -> tuple[str, dict]:
    """(url, params) of the data query for one reporter."""
    codes = sorted(IMF_WORLD if p == "WLD" else p for p in partners)
    key = f"{reporter}.{'+'.join(INDICATORS)}.{'+'.join(codes)}.A"
    url = f"{base_url()}/data/dataflow/{AGENCY}/{DATAFLOW}/{VERSION}/{key}"
    return url, {"c[TIME_PERIOD]": f"ge:{years[0]}-A1+le:{years[1]}-A1"}


def fetch(years: tuple[int, int], countries: Iterable[str], *, progress: Progress | None = None,
          refresh: bool = False, partners: Iterable[str] | None = None) -> list[Path]:
    """Download the answers for every reporter in countries (the only network code here); returns their files.

    Partners default to the other requested countries, China, Russia and the world (WLD).
    """
    reporters = sorted(set(countries))
    wanted = set(partners) if partners is not None else set(reporters) | set(POWERS) | {"WLD"}
    paths, empty = [], []
    for i, reporter in enumerate(reporters):
        url, params = request_for(reporter, sorted(wanted - {reporter}), years)
        if progress:
            progress(f"IMF IMTS {reporter}", i, len(reporters))
        try:
            path = http.download(url, params=params, headers={"Accept": ACCEPT_CSV}, suffix=".csv", refresh=refresh)
        except http.HTTPStatusError as exc:
            if exc.status != 404:  # 404 = no series for this key: no data for the reporter, not a failure
                raise
            empty.append(reporter)
            continue
        try:
            if not read_rows(path):
                empty.append(reporter)
        except (DataError, SourceError):
            http.discard(path)  # an answer that cannot be read is never kept in the cache
            raise
        paths.append(path)
    if empty:
        http.notify(f"IMF IMTS: no data for {', '.join(empty)} in {years[0]}-{years[1]} (empty answer or HTTP 404)")
    if progress:
        progress("IMF IMTS", len(reporters), len(reporters))
    return paths


# DERIVATION_TYPE codes or labels (upper case) that say the value was reported by the country itself; any other
# non-empty code (estimated, derived from counterpart data, imputed, …) marks an estimate. The IMTS codelist could not
# be read offline, so the rule is the conservative one: what is not said to be reported is flagged, its code noted.
REPORTED_CODES = frozenset({"R", "REP", "REPORTED", "REPORTED DATA", "RD"})


def is_estimate_code(derivation: str, status: str) -> bool:
    """Whether an observation is an IMF estimate: DERIVATION_TYPE other than a reported code, or STATUS 'e'."""
    code = derivation.strip().upper()
    return bool(code and code not in REPORTED_CODES and "REPORTED" not in code) or status.strip().lower() == "e"


def _rows_from_csv(text: str, path: Path) -> list[dict]:
    """The rows of an SDMX-CSV answer; rows whose cells are all blank (an empty answer is the header and one such
    row) are dropped; a row cut short (fewer cells than the header) is an error naming it."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), restkey="_extra")
    check_columns(reader.fieldnames or [], REQUIRED, file=path)
    rows = []
    for n, row in enumerate(reader, start=2):
        if not any((v or "").strip() for k, v in row.items() if k != "_extra"):
            continue
        if None in row.values() or "_extra" in row:
            raise DataError(f"{sum(v is not None for v in row.values())} cells, the header has "
                            f"{len(reader.fieldnames)} (a broken line, or the answer is cut short)", file=path, row=n)
        rows.append(dict(row, _line=n))
    if text and not text.endswith("\n") and rows:
        # The IMF ends every answer with a line break: without one the transfer was cut, maybe inside a value.
        raise DataError("the answer does not end with a line break: cut short?", file=path, row=rows[-1]["_line"])
    return rows


def _rows_from_json(payload: dict, path: Path) -> list[dict]:
    """SDMX-JSON (2.0: data.structures[]; 1.0: data.structure) flattened to CSV-like rows."""
    data = payload.get("data", payload)
    structures = data.get("structures") or ([data["structure"]] if "structure" in data else [])
    datasets = data.get("dataSets") or []
    if not structures or not datasets:
        if payload.get("errors") or payload.get("error"):
            raise SourceError(f"IMF API error: {payload.get('errors') or payload.get('error')}", file=path)
        return []
    rows = []
    for dataset in datasets:
        structure = structures[dataset.get("structure", 0)]
        dims = structure["dimensions"]
        series_dims = dims.get("series", [])
        obs_dims = dims.get("observation", [])
        attrs = structure.get("attributes", {})
        series_attrs, obs_attrs = attrs.get("series", []), attrs.get("observation", [])

        def value_of(component, index):
            if index is None:
                return ""
            values = component.get("values") or []
            if not isinstance(index, int) or index >= len(values):
                return ""
            item = values[index]
            return str(item.get("id", item.get("value", "")))

        for key, series in (dataset.get("series") or {}).items():
            base = {dim["id"]: value_of(dim, int(ix)) for dim, ix in zip(series_dims, key.split(":"), strict=True)}
            for attr, ix in zip(series_attrs, series.get("attributes") or [], strict=False):
                base[attr["id"]] = value_of(attr, ix)
            for obs_key, obs in (series.get("observations") or {}).items():
                row = dict(base)
                for dim, ix in zip(obs_dims, obs_key.split(":"), strict=True):
                    row[dim["id"]] = value_of(dim, int(ix))
                row["OBS_VALUE"] = "" if not obs or obs[0] is None else str(obs[0])
                for attr, ix in zip(obs_attrs, obs[1:], strict=False):
                    row[attr["id"]] = value_of(attr, ix)
                row["_line"] = f"series {key} obs {obs_key}"
                rows.append(row)
    if rows:
        check_columns(rows[0].keys(), REQUIRED, file=path)
    return rows


def read_rows(path: Path) -> list[dict]:
    """The observations of one answer (SDMX-CSV 1.0/2.0 or SDMX-JSON) as dicts keyed by component id."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    stripped = text.lstrip("\ufeff").lstrip()
    if not stripped:
        return []
    if stripped[0] in "{[":
        try:
            payload = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise DataError(f"not valid JSON: {exc}", file=path) from exc
        return _rows_from_json(payload, path)
    if stripped.startswith("<"):
        raise SourceError("the IMF answered with XML or HTML, not SDMX-CSV", file=path)
    return _rows_from_csv(text, path)


def parse_response(paths: Iterable[Path], *, years: tuple[int, int] | None = None) -> dict[str, pd.DataFrame]:
    """Answers of fetch() → {'trade_flows': frame with the canonical columns}; offline and deterministic. years: keep
    only these (inclusive); the server's time filter is not trusted."""
    records: list[dict] = []
    for path in sorted(Path(p) for p in paths):
        rows = read_rows(path)
        found: list[dict] = []
        codes = {r["COUNTRY"] for r in rows} | {r["COUNTERPART_COUNTRY"] for r in rows}
        iso = to_iso3(codes, mapping="imf_imts_api", file=path, field="COUNTERPART_COUNTRY")
        for row in rows:
            line = row["_line"]
            value = to_number(row["OBS_VALUE"], file=path, row=line, field="OBS_VALUE", style=NUMBERS)
            if value is None or math.isnan(value):
                continue
            indicator = row["INDICATOR"].strip()
            if indicator not in INDICATORS:
                raise DataError(f"unexpected indicator {indicator!r}; expected {sorted(INDICATORS)}", file=path,
                                row=line, field="INDICATOR")
            if row["FREQUENCY"].strip() != "A":
                raise DataError(f"expected annual data (FREQUENCY A), got {row['FREQUENCY']!r}", file=path,
                                row=line, field="FREQUENCY")
            period = row["TIME_PERIOD"].strip()
            match = _PERIOD.match(period)
            if not match:
                raise DataError(f"expected a year ('2019' or '2019-A1'), got {period!r}", file=path, row=line,
                                field="TIME_PERIOD")
            year = int(match.group(1))
            if years and not years[0] <= year <= years[1]:
                continue
            reporter, partner = iso[row["COUNTRY"].strip()], iso[row["COUNTERPART_COUNTRY"].strip()]
            if reporter is None or partner is None:  # an aggregate the mapping lists to skip
                continue
            mult = (row.get("UNIT_MULT") or "").strip()
            usd = value * 10 ** int(mult) if mult.lstrip("-").isdigit() else value
            flow, basis = INDICATORS[indicator]
            status = (row.get("STATUS") or "").strip()
            derivation = (row.get("DERIVATION_TYPE") or "").strip()
            notes = [f"IMF DERIVATION_TYPE {derivation}" if derivation else "",
                     f"IMF STATUS {status}" if status else ""]
            found.append({
                "reporter": reporter, "partner": partner, "year": year, "flow": flow,
                "source": ORIGIN.id, "value_usd": usd, "value_published": value, "unit_published": "USD",
                "basis": basis, "is_estimate": is_estimate_code(derivation, status), "months": 12,
                "note": "; ".join(n for n in notes if n) or None,
            })
        _check_units(found, path)
        records.extend(found)
    frame = pd.DataFrame(records, columns=TABLES["trade_flows"].columns)
    frame = frame.sort_values(list(TABLES["trade_flows"].key), kind="stable").reset_index(drop=True)
    return {"trade_flows": frame}


def _check_units(records: list[dict], path: Path) -> None:
    """Stop when a world total is below $1 million: the answer would then be in millions, not dollars."""
    for rec in records:
        if rec["partner"] == "WLD" and 0 < rec["value_usd"] < 1e6:
            raise DataError(f"{rec['reporter']} {rec['flow']}s to the world in {rec['year']} = {rec['value_usd']}: "
                            "too small for US dollars; the answer looks scaled (millions?)", file=path,
                            field="OBS_VALUE")
