"""Common High Priority Items List (CHPL): the 50 HS6 codes export-control authorities watch for Russia diversion."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ._read import drop_identical_duplicates, fail_at, failing, read_csv
from .base import Identity, Origin

ORIGIN = Origin(
    id="chpl",
    producer="Export-control authorities of the EU, the United States, the United Kingdom and Japan (joint list)",
    title="Common High Priority Items List (CHPL), February 2024 layout: HS6 codes and tiers",
    urls=(
        "https://www.bis.doc.gov/index.php/all-articles/13-policy-guidance/country-guidance/"
        "2172-russia-export-controls-list-of-common-high-priority-items",
        "https://finance.ec.europa.eu/eu-and-world/sanctions-restrictive-measures/"
        "sanctions-adopted-following-russias-military-aggression-against-ukraine_en",
    ),
    licence="government export-control lists are public facts (as stated in PROVENANCE.txt; not re-verified)",
    citation="Common High Priority Items List, jointly published by the EU, US, UK and Japan export-control "
             "authorities (February 2024 layout), as typed into the project's raw data (chpl/chpl_hs6.csv).",
    folder="chpl",
    files=("chpl_hs6.csv",),
    retrieved="typed in from public listings (file undated; Feb 2024 layout)",
    steps=(
        "read chpl_hs6.csv by header name (hs6, tier); hs6 must be six digits, tier one of 1, 2, 3A, 3B, 3C, 4A, 4B",
        "exact duplicate rows dropped; one code with two tiers is an error",
    ),
    caveats=(
        "typed in as plain facts, not copied from an official file; the codes and their tier 1-4 grouping were "
        "cross-checked against an independent listing, the sub-tier letters (3A/3B/3C/4A/4B) were not checked "
        "against the official text: re-verify on the official BIS / European Commission page before citing",
        "the list changed over time (about 45 items in 2023 versions); this is the 50-item February 2024 layout",
        "the official page addresses above were not re-checked (no network when this module was written)",
    ),
    identity=Identity("Common High Priority Items List", role="record", trust=50),
)

SOURCE = "chpl"
# Tiers of the February 2024 list.
TIERS = ("1", "2", "3A", "3B", "3C", "4A", "4B")


def read_tiers(data_dir: Path) -> dict[str, str]:
    """{hs6: tier} from the CHPL file (validated as in parse)."""
    frame = parse(data_dir)["chpl_items"]
    return dict(zip(frame["hs6"], frame["tier"]))


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """chpl_items: one row per HS6 code with its tier."""
    (path,) = ORIGIN.input_files(data_dir)
    raw = read_csv(path, ("hs6", "tier"), strip=True).astype(object)
    fail_at(raw, failing(raw["hs6"], lambda c: re.fullmatch(r"\d{6}", c)),
            "hs6 {value!r} is not a six-digit HS code (a lost leading zero?)", file=path, field="hs6")
    raw["tier"] = raw["tier"].str.upper()
    fail_at(raw, ~raw["tier"].isin(TIERS), f"tier {{value!r}} is not one of {list(TIERS)}", file=path, field="tier")
    frame, _ = drop_identical_duplicates(raw[["hs6", "tier"]], ["hs6"], file=path)
    frame = frame.assign(source=SOURCE)[["hs6", "tier", "source"]].sort_values("hs6").reset_index(drop=True)
    return {"chpl_items": frame}
