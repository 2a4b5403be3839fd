"""SIPRI arms transfers: deliveries of major conventional arms summed to supplier, recipient and year (million TIV)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import DataError
from ..schema import LATEST_YEAR
from ._codes import iso3_column
from ._read import first_row, numbers, read_csv
from .base import Identity, Origin

# Rows of trade_2023.csv whose supplier or recipient is a non-state actor, an international organization or unknown
# (mappings/sipri.csv lists each with an empty code), and their TIV; tests recompute both from the raw file.
SKIPPED_ROWS = 330
SKIPPED_TIV = 3237.37

ORIGIN = Origin(
    id="sipri_at",
    producer="Stockholm International Peace Research Institute (SIPRI)",
    title="SIPRI Arms Transfers Database, trade register (all suppliers to all recipients, deals with deliveries or "
          "orders 2000-2030; data generated 3 Jan 2025)",
    urls=("https://www.sipri.org/databases/armstransfers",
          "https://armstransfers.sipri.org/",
          "https://github.com/lucacasu/Global-Arms-Trade/blob/827ee354f2632934432920c5a625b9a64dd77b02/"
          "russia_trade_decline/trade_2023.csv"),
    licence="(c) SIPRI. SIPRI permits use of the database with attribution; this is not an open licence, and "
            "redistribution of the raw trade register was not cleared (SIPRI's terms were not re-verified offline; "
            "the copy's repository has no LICENSE file). The pack therefore ships only supplier-recipient-year "
            "aggregates (sum of TIV delivered, number of deals), attributed to SIPRI, never the register rows "
            "(weapon designations, descriptions, order dates, numbers).",
    citation="SIPRI Arms Transfers Database, Stockholm International Peace Research Institute, "
             "https://www.sipri.org/databases/armstransfers (trade register generated 3 January 2025).",
    folder="sipri_arms_transfers",
    files=("trade_2023.csv",),
    retrieved="3 Jan 2025 export; copy from github.com/lucacasu/Global-Arms-Trade commit "
              "827ee354f2632934432920c5a625b9a64dd77b02 (russia_trade_decline/trade_2023.csv)",
    redistributable=True,  # only supplier-recipient-year aggregates with attribution, never register rows
    steps=(
        "Skip the 11 preamble lines and read the register by header names.",
        "Check each row: deal id a positive whole number, delivery year a year, 'TIV delivery values' a number "
        ">= 0 (million TIV; SIPRI writes 0 for deliveries under 0.5 million).",
        "Map supplier and recipient names through mappings/sipri.csv, then country_converter ('UAE' = ARE; "
        "'Libya GNC', not starred by SIPRI, = LBY). Non-state actors (SIPRI's '*'), international organizations "
        "('**') and unknown suppliers/recipients are listed there with an empty code and skipped: in trade_2023.csv "
        f"{SKIPPED_ROWS} rows, {SKIPPED_TIV:,.2f} million TIV (of 613,035.74), e.g. NATO**, Libya HoR*, "
        "unknown supplier(s), Houthi rebels (Yemen)*. A starred or 'unknown' name missing from the mapping stops the "
        "parse (country_converter would guess the country in brackets).",
        "A deal has at most one line per delivery year (true of the whole register): a second one stops the parse "
        "as a duplicated line, never summed.",
        "Sum TIV delivery values by supplier, recipient and delivery year (tiv, million TIV; sums rounded to 1e-6 "
        "to drop float noise) and count distinct SIPRI deal ids (n_deals).",
    ),
    caveats=(
        "TIV is SIPRI's volume measure of military capability transferred, not a financial value; it is comparable "
        "across years and countries only as a trend indicator.",
        "The register covers major conventional weapons only (no small arms, ammunition or services); deliveries "
        "2000-2023, and delivery years marked as estimates by SIPRI are counted like the others.",
        "A deal delivered over several years counts in n_deals of each delivery year.",
    ),
    identity=Identity("SIPRI Arms Transfers Database", role="estimate", trust=50),
)

# Register columns this parser reads.
COLUMNS = ("SIPRI AT Database ID", "Supplier", "Recipient", "Delivery year", "TIV delivery values")
# Marks of names that are not states: SIPRI's '*' (non-state) and '**' (organization), and 'unknown ...'.
NOT_STATES = ("*", "unknown")


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """arms_transfers: million TIV delivered and number of deals per supplier, recipient and year."""
    path = ORIGIN.input_files(data_dir)[0]
    frame = read_csv(path, COLUMNS, skiprows=11)
    deal = numbers(frame, "SIPRI AT Database ID", path, integer=True, low=1).astype("int64")
    year = numbers(frame, "Delivery year", path, integer=True, low=1950, high=LATEST_YEAR).astype("int16")
    tiv = numbers(frame, "TIV delivery values", path, low=0)
    supplier = iso3_column(frame, "Supplier", path, mapping="sipri", refuse=NOT_STATES)
    recipient = iso3_column(frame, "Recipient", path, mapping="sipri", refuse=NOT_STATES)
    same = supplier.notna() & (supplier == recipient)
    if same.any():
        row = first_row(same)
        raise DataError(f"supplier and recipient are both {supplier.loc[row]}", file=path, row=row)
    twice = pd.DataFrame({"deal": deal, "year": year}).duplicated(keep="first")
    if twice.any():  # one deal delivers once a year in the register: a second line is a duplicate, never summed
        row = first_row(twice)
        first = int(pd.DataFrame({"deal": deal, "year": year}).loc[
            (deal == deal.loc[row]) & (year == year.loc[row])].index[0])
        raise DataError(f"deal {deal.loc[row]} has a second line for delivery year {year.loc[row]} (first at row "
                        f"{first}): a duplicated register line?", file=path, row=row, field="SIPRI AT Database ID")
    rows = pd.DataFrame({"supplier": supplier, "recipient": recipient, "year": year, "deal": deal, "tiv": tiv})
    rows = rows[rows["supplier"].notna() & rows["recipient"].notna()]
    out = (rows.groupby(["supplier", "recipient", "year"], sort=True)
           .agg(tiv=("tiv", "sum"), n_deals=("deal", "nunique")).reset_index())
    out["tiv"] = out["tiv"].round(6)
    out["n_deals"] = out["n_deals"].astype("int32")
    out["source"] = ORIGIN.id
    return {"arms_transfers": out[["supplier", "recipient", "year", "source", "tiv", "n_deals"]]}
