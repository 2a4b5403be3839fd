"""Eurostat Comext: monthly EU exports of goods on the EU export-sanction annexes to Russia, Belarus and neighbours."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import DataError
from ..schema import CODE_LEVELS
from . import chpl
from ._codes import iso3_column
from ._read import drop_identical_duplicates, fail_at, failing, numbers, read_csv
from ._tables import table_frame
from .base import Identity, Origin

ORIGIN = Origin(
    id="eurostat_sanctioned",
    producer="Eurostat (European Commission)",
    title="EU trade since 1988 by HS2-4-6 and CN8 (DS-045409): exports of the EU export-sanction annex codes, "
          "by CN8 / HS4 product, monthly, value in euros",
    urls=(
        "https://ec.europa.eu/eurostat/databrowser/view/ds-045409/default/table?lang=en",
        "https://ec.europa.eu/eurostat/web/international-trade-in-goods/database",
        "https://github.com/vzemlys/ruimpeks/tree/5b5d97ccdfc2fc3ce418233fe340680fe192c18a",
    ),
    licence="Eurostat reuse policy: free reuse with acknowledgement of the source (as stated in PROVENANCE.txt; "
            "NOT re-verified); the ruimpeks repository's code is MIT",
    citation="Eurostat, Comext dataset DS-045409 'EU trade since 1988 by HS2-4-6 and CN8', custom extracts of "
             "2023-01-21 (FLOW=EXPORT, VALUE_IN_EUROS, 2020-01..2022-11) as stored in github.com/vzemlys/ruimpeks "
             "(commit 5b5d97c); tidy conversion eu_exports_cn_monthly_tidy.csv.gz.",
    folder="eurostat_sanctioned_cn8",
    files=("eu_exports_cn_monthly_tidy.csv.gz", "product_labels.csv", "../chpl/chpl_hs6.csv"),
    retrieved="Comext extract of 2023-01-21; repository commit 5b5d97ccdfc2fc3ce418233fe340680fe192c18a (2023-12-05)",
    steps=(
        "read eu_exports_cn_monthly_tidy.csv.gz by header name (UTF-8, each row complete); flow must be EXPORT and "
        "indicator VALUE_IN_EUROS — any other unit is an error",
        "product_code must be 4 (HS4) or 8 (CN8) digits; period must be YYYY-MM",
        "reporter and partner labels → ISO3 with sources/mappings/eurostat.csv (aggregate reporters such as the "
        "EU27 total would be dropped before summing, so members are never counted twice; the file has none)",
        "value ':' (confidential) or empty dropped with a logged count: 0 of the 1,141,670 rows of this copy",
        "exact duplicate rows dropped; two rows with one key and different values are an error",
        "AGGREGATED: the 27 member-state reporters summed into reporter EUU per partner, month and product code "
        "(the member-level table is 4.4 MB of Parquet, over its ~3 MB share of the 15 MB pack budget; EUU is 1.2 "
        "MB); HS4 and CN8 rows are summed separately, never across code lengths",
        "chpl_tier: the CHPL tier of a CN8 code's HS6 prefix when that HS6 is on the list (chpl/chpl_hs6.csv), "
        "else null; HS4 rows always null",
        "product_trade rows: flow export, year and month from the period, code_level CN8 (8 digits) or HS4 "
        "(4 digits), value in EUR, sanctioned true (every code of the extract is an annex code or heading)",
        "product_codes: product_labels.csv (product_code, product_label) as published, code_level by code length; "
        "a code of the trade rows without a label is an error",
    ),
    caveats=(
        "HS4 rows and their CN8 sub-rows coexist: never sum value_eur across code lengths (an HS4 row already "
        "contains its CN8 codes' values)",
        "reporter EUU is the sum of the 27 member states' rows in the extract, not Eurostat's published EU27 "
        "aggregate; member-level detail is in the raw file only",
        "only the codes on the EU sanction annexes (2,333 codes as of the extract); 19 of the 50 CHPL HS6 codes "
        "occur as CN8 prefixes, tier-4 machine tools and ch. 8482 bearings are mostly absent",
        "value_eur in euros, exports valued FOB; no conversion to USD",
        "extract of 2023-01-21: later Eurostat revisions (notably for 2022) are not included",
        "the Eurostat page addresses in urls were not re-checked online when this module was written",
    ),
    identity=Identity("Eurostat Comext (sanction-annex goods)", role="own", trust=70),
)

SOURCE = "eurostat_sanctioned"
# Columns of the tidy file.
REQUIRED = ("product_code", "flow", "indicator", "reporter", "partner", "period", "value")
# Whether to sum the member-state reporters into EUU: the member-level table (1.14M rows, 4.4 MB Parquet) is over
# this table's ~3 MB share of the 15 MB pack budget.
AGGREGATE_MEMBERS = True
EU_REPORTER = "EUU"
# Code level of a product code by its length.
LEVELS = {length: level for level, length in CODE_LEVELS.items() if level in ("CN8", "HS4")}
# Value cells meaning confidential (':', ':c') or not available ('').
MISSING = (":", ":c", "")

log = logging.getLogger(__name__)


def read_rows(path: Path) -> pd.DataFrame:
    """The tidy file as checked rows: reporter, partner (ISO3), period, product_code, code_length, value_eur."""
    raw = read_csv(path, REQUIRED, strip=True)
    fail_at(raw, raw["flow"] != "EXPORT", "flow {value!r}: only EXPORT is expected", file=path, field="flow")
    fail_at(raw, raw["indicator"] != "VALUE_IN_EUROS",
            "wrong unit: indicator {value!r}, expected VALUE_IN_EUROS (value in euros)", file=path, field="indicator")
    fail_at(raw, failing(raw["product_code"], lambda c: bool(re.fullmatch(r"\d{4}|\d{8}", c))),
            "product_code {value!r} is neither 4 (HS4) nor 8 (CN8) digits (a lost leading zero?)", file=path,
            field="product_code")
    fail_at(raw, failing(raw["period"], lambda p: bool(re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", p))),
            "period {value!r} is not YYYY-MM", file=path, field="period")
    value = numbers(raw, "value", path, low=0, blank=MISSING)

    # Categories make the duplicate check and the label mapping cheap on the 1.1M-row file.
    frame = pd.DataFrame({"reporter_label": raw["reporter"].astype("category"),
                          "partner_label": raw["partner"].astype("category"),
                          "period": raw["period"].astype("category"),
                          "product_code": raw["product_code"].astype("category"),
                          "value_eur": value})
    key = ["reporter_label", "partner_label", "period", "product_code"]
    frame, dropped = drop_identical_duplicates(frame, key, file=path)
    if dropped:
        log.info("%s: %d exact duplicate rows dropped", path.name, dropped)
    frame["reporter"] = iso3_column(frame, "reporter_label", path, mapping="eurostat", guess=None, field="reporter")
    frame["partner"] = iso3_column(frame, "partner_label", path, mapping="eurostat", guess=None, field="partner")

    aggregate = frame["reporter"].isna() | (frame["reporter"] == EU_REPORTER) | frame["partner"].isna()
    if aggregate.any():
        log.warning("%s: %d rows with an aggregate reporter or partner dropped", path.name, int(aggregate.sum()))
    hidden = ~aggregate & frame["value_eur"].isna()
    if hidden.any():
        log.warning("%s: %d confidential (':') or empty values dropped", path.name, int(hidden.sum()))
    frame = frame.loc[~aggregate & ~hidden]
    out = pd.DataFrame({"reporter": frame["reporter"].astype(object), "partner": frame["partner"].astype(object),
                        "period": frame["period"].astype(str), "product_code": frame["product_code"].astype(str),
                        "value_eur": frame["value_eur"]})
    out["code_length"] = out["product_code"].str.len().astype("int8")
    return out[["reporter", "partner", "period", "product_code", "code_length", "value_eur"]]


# The EU export-sanction annex codes (CN8) of the extract's repository.
ANNEX_FILE = "export_sanctions_codes.csv"


def annex_codes(data_dir: Path) -> set[str]:
    """The CN8 codes of the EU export-sanction annexes (export_sanctions_codes.csv: code, product)."""
    path = ORIGIN.folder_path(data_dir) / ANNEX_FILE
    if not path.exists():
        raise DataError("the EU sanction-annex code list is missing", file=path)
    raw = read_csv(path, ("code", "product"), strip=True).astype(object)
    fail_at(raw, failing(raw["code"], lambda c: bool(re.fullmatch(r"\d{8}", c))),
            "code {value!r} is not a CN8 code (8 digits)", file=path, field="code")
    return set(raw["code"])


def read_labels(path: Path) -> pd.DataFrame:
    """product_labels.csv as product_code, code_level, label (codes 4 or 8 digits, labels non-empty)."""
    raw = read_csv(path, ("product_code", "product_label"), strip=True).astype(object)
    fail_at(raw, failing(raw["product_code"], lambda c: bool(re.fullmatch(r"\d{4}|\d{8}", c))),
            "product_code {value!r} is neither 4 (HS4) nor 8 (CN8) digits (a lost leading zero?)", file=path,
            field="product_code")
    fail_at(raw, raw["product_label"] == "", "empty product_label", file=path, field="product_label")
    frame, _ = drop_identical_duplicates(raw[["product_code", "product_label"]], ["product_code"], file=path)
    return pd.DataFrame({"product_code": frame["product_code"], "code_level": frame["product_code"].str.len().map(LEVELS),
                         "label": frame["product_label"]})


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """product_trade: EU exports by product code, partner and month (members summed into EUU); product_codes."""
    folder = ORIGIN.folder_path(data_dir)
    ORIGIN.input_files(data_dir)  # every input present, CHPL file included
    frame = read_rows(folder / ORIGIN.files[0])
    if AGGREGATE_MEMBERS:
        frame = (frame.groupby(["partner", "period", "product_code", "code_length"], as_index=False, sort=True)
                 ["value_eur"].sum())
        frame["reporter"] = EU_REPORTER
    labels = read_labels(folder / ORIGIN.files[1])
    unlabelled = sorted(set(frame["product_code"]) - set(labels["product_code"]))
    if unlabelled:
        raise DataError(f"{len(unlabelled)} product codes have no label, e.g. {unlabelled[:5]}",
                        file=folder / ORIGIN.files[1], field="product_code")
    tiers = chpl.read_tiers(data_dir)
    hs6 = frame["product_code"].str[:6].where(frame["code_length"] == 8)
    trade = table_frame("product_trade", frame, flow="export", year=frame["period"].str[:4].astype("int16"),
                        month=frame["period"].str[5:7].astype("int8"),
                        code_level=frame["code_length"].map(LEVELS), value=frame["value_eur"], currency="EUR",
                        quantity=np.nan, sanctioned=True, chpl_tier=hs6.map(tiers).astype(object).where(lambda s: s.notna(), None),
                        source=SOURCE)
    codes = table_frame("product_codes", labels, source=SOURCE)
    return {"product_trade": trade.reset_index(drop=True), "product_codes": codes.reset_index(drop=True)}
