"""Eurostat Comext total-goods trade in EUR: EU member states with the Caucasus, Central Asia and Russia."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pandas as pd

from ..countries import read_mapping
from ..errors import DataError
from ._codes import iso3_column
from ._read import drop_identical_duplicates, fail_at, numbers, read_csv
from ._tables import table_frame
from .base import Identity, Origin

ORIGIN = Origin(
    id="eurostat_comext",
    producer="Eurostat (European Commission)",
    title="EU trade since 1988 by HS2-4-6 and CN8 (DS-045409), total goods, value in euros",
    urls=(
        "https://ec.europa.eu/eurostat/databrowser/view/ds-045409/default/table?lang=en",
        "https://ec.europa.eu/eurostat/web/international-trade-in-goods/database",
        "https://github.com/mary-lev/eu-export-sanctions/tree/4b6a5dfc864ab3352104974a4516458fd7347b38/data",
    ),
    licence="Eurostat reuse policy: free reuse with acknowledgement of the source (as stated in PROVENANCE.txt; "
            "not re-verified)",
    citation="Eurostat, Comext dataset DS-045409 'EU trade since 1988 by HS2-4-6 and CN8', total goods, exports and "
             "imports in EUR, relational-view extracts of 2024-11 as stored in github.com/mary-lev/eu-export-sanctions "
             "(commit 4b6a5df).",
    folder="eurostat_totals",
    files=("eu_*_monthly.csv", "eu27_exports_to_all_partners_annual.csv"),
    retrieved="Comext downloads of 2024-11; repository commit 4b6a5dfc864ab3352104974a4516458fd7347b38 (2025-01-09)",
    steps=(
        "read every file by header name (UTF-8, each row complete); PRODUCT must be total goods, "
        "STAT_PROCEDURE total, the value column VALUE_IN_EUR (euros) — any other unit is an error",
        "FLOW EXPORT / 2-EXPORT / EXPORTATION → export, IMPORT → import; PERIOD 'YYYYMM-Mon. YYYY' or 'Mon. YYYY' → "
        "'YYYY-MM', 'YYYY52-Jan.-Dec. YYYY' or 'Jan.-Dec. YYYY' → year",
        "labels → ISO3 with sources/mappings/eurostat.csv, and eurostat_fr.csv for rows Eurostat labelled in French "
        "(the annual file's 2016 rows); 'European Union - 27 countries' → EUU",
        "reporters skipped as aggregates: both euro-area totals and the changing-composition 'European Union' "
        "(EU27 plus the UK to 01/2020); partners skipped: intra-/extra-EU27 totals, stores and provisions, "
        "countries not specified, high seas, Ceuta, Melilla, Netherlands Antilles (each listed in the mapping with "
        "an empty iso3)",
        "exact duplicate rows dropped (eu_imports_from_kyrgyzstan_monthly.csv repeats Feb. 2024 for all 29 of its "
        "reporters: 29 rows); two rows with one key and different values are an error",
        "cells ':' or empty (confidential / not available) dropped with a logged count (none in this copy)",
        "trade_monthly (source eurostat_comext): one row per reporter, partner, month and flow, EUR as published, "
        "value_usd null",
        "trade_flows (source eurostat_comext): EU27 (EUU) annual exports to every partner, 2010-2023, months = 12",
        "trade_flows (source eurostat_comext_monthly): the monthly rows summed per reporter, partner, calendar year "
        "and flow, months = number of months present",
        "product_trade (source eurostat_comext): the EU27 (EUU) monthly rows as published, product_code TOTAL at "
        "code_level TOTAL (all goods, sanctioned false), value in EUR: the totals that product-level figures are set against",
    ),
    caveats=(
        "value_usd is null: values are in EUR and the project cites no EUR/USD rate table yet; convert with a cited "
        "(e.g. ECB) rate before comparing with USD sources",
        "Eurostat records exports FOB and imports CIF",
        "EUU is the EU27 (2020 composition) total as published; it equals the sum of the 27 member rows, so never add "
        "EUU to member rows. GBR rows (2019-01 to 2020-01) are the UK while an EU member, outside the EU27 total",
        "Comext has no row for a month without recorded trade: in eurostat_comext_monthly months < 12 for a small "
        "reporter usually means months with nothing recorded, not missing data; 2024 covers January-August only",
        "Eurostat labels carry historic notes (e.g. \"Belgium (incl. Luxembourg 'LU' -> 1998)\"); present-day ISO3 "
        "codes are used",
        "the annual file's 2016 rows carry French labels; there the label 'Guinea' holds Guinea-Bissau's value "
        "(EUR 126m vs 117m in 2015 and 148m in 2017; Guinea itself is 'Guinée') and is mapped to GNB",
        "extracts of 2024-11: later Eurostat revisions are not included; the annual file and the monthly sums agree "
        "to within 0.05% for 2019-2023",
        "the Eurostat page addresses in urls were not re-checked online when this module was written",
    ),
    identity=Identity("Eurostat Comext", role="own", trust=70),
    variants=(("eurostat_comext_monthly", Identity("Eurostat Comext, EU member states' monthly figures summed", role="own", trust=72)),),
)

SOURCE_ANNUAL = "eurostat_comext"
# Source id of annual sums of the monthly files, distinct so its keys never collide with the annual file's rows.
SOURCE_MONTHLY_SUM = "eurostat_comext_monthly"
# ISO3-style code of the EU27 total (the published 'European Union - 27 countries' rows).
EU27 = "EUU"
# Columns every Comext relational-view file must have (the value column is checked separately, for its unit).
REQUIRED = ("REPORTER", "PARTNER", "PRODUCT", "FLOW", "STAT_PROCEDURE", "PERIOD")
# Header names of a value-in-euros column.
VALUE_COLUMNS = ("VALUE_IN_EUR", "VALUE_IN_EUROS")
# Indicator codes meaning "value in euros" where a file has an INDICATORS column.
EURO_INDICATORS = {"VALUE_IN_EUR", "VALUE_IN_EUROS"}
# PRODUCT / STAT_PROCEDURE labels meaning all goods, all procedures.
TOTAL_PRODUCT = {"Total", "TOTAL-Total", "TOTAL"}
TOTAL_PROCEDURE = {"Total", "T-Total", "T"}
# FLOW labels (an optional "1-"/"2-" code prefix is stripped first).
FLOWS = {"EXPORT": "export", "EXPORTATION": "export", "IMPORT": "import", "IMPORTATION": "import"}
# Valuation basis of each flow in Eurostat's statistics.
BASIS = {"export": "FOB", "import": "CIF"}
MONTHS = {m: i for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                                      "Dec"), start=1)}
MONTH_RE = r"^(?:(?P<code>\d{6})-)?(?P<mon>[A-Z][a-z]{2})\.? (?P<year>\d{4})$"
YEAR_RE = r"^(?:(?P<code>\d{4})52-)?Jan\.-Dec\. (?P<year>\d{4})$"
GBR_NOTE = "United Kingdom while an EU member (to 2020-01-31); not part of the EU27 total (EUU)"
# Value cells meaning confidential (':', ':c') or not available ('').
MISSING = (":", ":c", "")
# Column of read_file's rows holding their line in the file (they are concatenated across files).
LINE = "line"

log = logging.getLogger(__name__)


def _french_reporters() -> set[str]:
    """Reporter labels only the French mapping knows: rows carrying them are labelled in French throughout."""
    return set(read_mapping("eurostat_fr")) - set(read_mapping("eurostat"))


def _codes(frame: pd.DataFrame, column: str, french: pd.Series, *, file) -> pd.Series:
    out = pd.Series(None, index=frame.index, dtype=object)
    for is_french, mapping in ((False, "eurostat"), (True, "eurostat_fr")):
        part = french == is_french
        if part.any():
            out[part] = iso3_column(frame.loc[part], column, file, mapping=mapping, guess=None)
    return out


def _value_column(frame: pd.DataFrame, path: Path) -> str:
    """The euro value column; a DataError naming the unit when the file holds something else."""
    columns = list(frame.columns)
    if "INDICATORS" in columns:
        fail_at(frame, ~frame["INDICATORS"].isin(EURO_INDICATORS),
                "wrong unit: indicator {value!r}, expected VALUE_IN_EUROS (value in euros)", file=path,
                field="INDICATORS")
        candidates = VALUE_COLUMNS + ("OBS_VALUE", "VALUE")
    else:
        candidates = VALUE_COLUMNS
    for name in candidates:
        if name in columns:
            return name
    others = [c for c in columns if c.startswith(("QUANTITY", "SUPPLEMENTARY", "VALUE_IN_"))]
    if others:
        raise DataError(f"wrong unit: column {others[0]!r}, expected VALUE_IN_EUR (value in euros)", file=path, row=1)
    raise DataError(f"missing value column (one of {list(VALUE_COLUMNS)}); found {columns}", file=path, row=1)


def read_file(path: Path, *, annual: bool) -> pd.DataFrame:
    """One Comext CSV as reporter, partner, period (YYYY-MM) or year, flow, value, plus LINE and the raw labels."""
    raw = read_csv(path, REQUIRED, all_columns=True, strip=True).astype(object)
    value_column = _value_column(raw, path)
    fail_at(raw, ~raw["PRODUCT"].isin(TOTAL_PRODUCT), "PRODUCT {value!r} is not total goods", file=path,
            field="PRODUCT")
    fail_at(raw, ~raw["STAT_PROCEDURE"].isin(TOTAL_PROCEDURE), "STAT_PROCEDURE {value!r} is not the total",
            file=path, field="STAT_PROCEDURE")
    flow = raw["FLOW"].str.replace(r"^\d-", "", regex=True).map(FLOWS)
    fail_at(raw, flow.isna(), "unknown FLOW {value!r}", file=path, field="FLOW")

    out = pd.DataFrame({"REPORTER": raw["REPORTER"], "PARTNER": raw["PARTNER"], "flow": flow})
    parts = raw["PERIOD"].str.extract(YEAR_RE if annual else MONTH_RE)
    kind = "a year ('Jan.-Dec. YYYY')" if annual else "a month ('Mon. YYYY')"
    fail_at(raw, parts["year"].isna(), f"PERIOD {{value!r}} is not {kind}", file=path, field="PERIOD")
    if annual:
        fail_at(raw, parts["code"].notna() & (parts["code"] != parts["year"]),
                "PERIOD {value!r}: code and label disagree", file=path, field="PERIOD")
        out["year"] = parts["year"].astype(int)
    else:
        month = parts["mon"].map(MONTHS)
        fail_at(raw, month.isna(), "PERIOD {value!r}: unknown month", file=path, field="PERIOD")
        out["period"] = parts["year"] + "-" + month.astype(int).map("{:02d}".format)
        code = parts["code"].fillna(out["period"].str.replace("-", ""))
        fail_at(raw, code != out["period"].str.replace("-", ""), "PERIOD {value!r}: code and label disagree",
                file=path, field="PERIOD")
    out["value"] = numbers(raw, value_column, path, low=0, blank=MISSING)

    key = ["REPORTER", "PARTNER", "year" if annual else "period", "flow"]
    out, dropped = drop_identical_duplicates(out, key, file=path)
    if dropped:
        log.info("%s: %d exact duplicate rows dropped", path.name, dropped)
    french = out["REPORTER"].isin(_french_reporters())
    out["reporter"] = _codes(out, "REPORTER", french, file=path)
    out["partner"] = _codes(out, "PARTNER", french, file=path)
    out["file"] = path.name
    out[LINE] = out.index
    return out


def _keep(frame: pd.DataFrame, path_name: str) -> pd.DataFrame:
    """Rows naming two countries (aggregates skipped) with a published value (confidential cells dropped)."""
    skipped = frame["reporter"].isna() | frame["partner"].isna()
    hidden = ~skipped & frame["value"].isna()
    if hidden.any():
        log.warning("%s: %d confidential or missing values dropped", path_name, int(hidden.sum()))
    return frame.loc[~skipped & ~hidden]


def _check_unique(frame: pd.DataFrame, key: list[str]) -> None:
    dup = frame.duplicated(key, keep=False)
    if dup.any():
        rows = frame.loc[dup].sort_values(key).head(2)
        where = "; ".join(f"{r.file} row {r[LINE]}" for _, r in rows.iterrows())
        raise DataError(f"two rows for the same {dict(rows.iloc[0][key])}: {where}", file=rows.iloc[0]["file"])


def _sum_note(reporter: str, months: int, first: str, last: str) -> str | None:
    parts = [GBR_NOTE] if reporter == "GBR" else []
    if months < 12:
        parts.append(f"{months} months with a row between {first} and {last} (Comext has no row for a month "
                     "without recorded trade)")
    return "; ".join(parts) or None


def _trade(table: str, frame: pd.DataFrame, source: str, **columns) -> pd.DataFrame:
    """Rows in EUR as `table`: value_usd null (no cited EUR/USD rate), basis by flow."""
    return table_frame(table, frame, source=source, value_usd=np.nan, value_published=frame["value"].astype(float),
                       unit_published="EUR", basis=frame["flow"].map(BASIS), is_estimate=False, **columns)


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """trade_monthly and trade_flows from the Comext extracts."""
    files = ORIGIN.input_files(data_dir)
    annual_name = ORIGIN.files[1]
    monthly = pd.concat([_keep(read_file(f, annual=False), f.name) for f in files if f.name != annual_name],
                        ignore_index=True)
    annual = pd.concat([_keep(read_file(f, annual=True), f.name) for f in files if f.name == annual_name],
                       ignore_index=True)
    _check_unique(monthly, ["reporter", "partner", "period", "flow"])
    _check_unique(annual, ["reporter", "partner", "year", "flow"])

    trade_monthly = _trade("trade_monthly", monthly, SOURCE_ANNUAL,
                           note=np.where(monthly["reporter"] == "GBR", GBR_NOTE, None)).reset_index(drop=True)
    ta = _trade("trade_flows", annual, SOURCE_ANNUAL, months=12, note=None)

    monthly = monthly.assign(year=monthly["period"].str[:4].astype(int))
    sums = (monthly.groupby(["reporter", "partner", "year", "flow"], as_index=False)
            .agg(value=("value", "sum"), months=("period", "nunique"), first=("period", "min"),
                 last=("period", "max")))
    notes = [_sum_note(*row) for row in sums[["reporter", "months", "first", "last"]].itertuples(index=False)]
    ts = _trade("trade_flows", sums, SOURCE_MONTHLY_SUM, note=notes)
    trade_flows = pd.concat([ta, ts], ignore_index=True)
    return {"trade_monthly": trade_monthly, "trade_flows": trade_flows, "product_trade": _product_totals(monthly)}


def _product_totals(monthly: pd.DataFrame) -> pd.DataFrame:
    """The EU27's (EUU) monthly rows as product_trade rows of all goods (product_code and code_level TOTAL)."""
    eu = monthly.loc[monthly["reporter"] == EU27]
    frame = table_frame("product_trade", eu, year=eu["period"].str[:4].astype("int16"),
                        month=eu["period"].str[5:7].astype("int8"), product_code="TOTAL", code_level="TOTAL",
                        currency="EUR", quantity=np.nan, sanctioned=False, chpl_tier=None,
                        source=SOURCE_ANNUAL)
    return frame.reset_index(drop=True)
