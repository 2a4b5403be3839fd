"""ICEWS event counts between states per year: verbal/material cooperation and conflict (netify's aggregation)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import DataError
from ._codes import iso3_column
from ._read import first_row, numbers, read_csv
from .base import Identity, Origin

ORIGIN = Origin(
    id="icews",
    producer="Integrated Crisis Early Warning System (ICEWS) coded event data (Boschee et al., Harvard "
             "Dataverse); directed dyad-year counts aggregated by the authors of the R package netify (Cassy Dorff, "
             "Shahryar Minhas et al.)",
    title="ICEWS directed dyad-year counts of verbal and material cooperation and conflict, 2002-2014 (netify "
          "data 'icews')",
    urls=("https://dataverse.harvard.edu/dataverse/icews",
          "https://github.com/netify-dev/netify/tree/d0dceb6a666e013651d017c5f6a55a51fee7bff2/data"),
    licence="netify is GPL-3 (its code and packaged data file icews.rda). The terms of the ICEWS Harvard Dataverse "
            "release were NOT verified here.",
    citation="Boschee, Elizabeth; Lautenschlager, Jennifer; O'Brien, Sean; Shellman, Steve; Starz, James; Ward, "
             "Michael, 2015, 'ICEWS Coded Event Data', https://doi.org/10.7910/DVN/28075, Harvard Dataverse; "
             "dyad-year counts from the "
             "R package netify (github.com/netify-dev/netify, commit d0dceb6).",
    folder="icews_events",
    files=("icews_counts.csv.gz",),
    retrieved="netify v1.5.3, commit d0dceb6a666e013651d017c5f6a55a51fee7bff2 (data/icews.rda; columns i, j, "
              "i_iso3c, j_iso3c, year and the four counts exported to icews_counts.csv.gz, covariates dropped)",
    redistributable=True,  # GPL-3 package data; ICEWS Dataverse terms not verified (see licence)
    steps=(
        "Read the file by header names; counts and years must be whole numbers, counts >= 0.",
        "actor = i_iso3c (the source of the events), target = j_iso3c; each code must be a known ISO3 code "
        "(countries.is_iso3) and agree with the country name in i / j as country_converter reads it.",
        "period = the year ('YYYY'); verbal_coop = verbCoop, material_coop = matlCoop, verbal_conflict = verbConf, "
        "material_conflict = matlConf; score null; directed true.",
        "The file is a full panel of 152 states: a zero is a dyad-year with no coded event, kept as 0.",
    ),
    caveats=(
        "Counts depend on news coverage, which grows over 2002-2014 and differs across countries; compare shares "
        "(e.g. conflict / all events) rather than raw counts across years.",
        "Ends in 2014 (the netify aggregation), although ICEWS itself ran until its discontinuation on 11 April "
        "2023 (Dataverse notice).",
    ),
    identity=Identity("ICEWS event counts", role="estimate", trust=50),
)

# Count columns of the file and the events table's names for them.
COUNTS = {"verbCoop": "verbal_coop", "matlCoop": "material_coop", "verbConf": "verbal_conflict",
          "matlConf": "material_conflict"}


def _codes(frame: pd.DataFrame, name: str, code: str, path: Path) -> pd.Series:
    """The ISO3 column, checked against the country list and against the name column of the same row."""
    codes = iso3_column(frame, code, path, guess="iso3")
    from_names = iso3_column(frame, name, path)
    differ = from_names != codes
    if differ.any():
        row = first_row(differ)
        raise DataError(f"{codes.loc[row]!r} does not match the country name {frame[name].loc[row]!r} "
                        f"({from_names.loc[row]})", file=path, row=row, field=code)
    return codes


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """events: directed ICEWS counts per country pair and year."""
    path = ORIGIN.input_files(data_dir)[0]
    frame = read_csv(path, ("i", "j", "i_iso3c", "j_iso3c", "year", *COUNTS))
    actor = _codes(frame, "i", "i_iso3c", path)
    target = _codes(frame, "j", "j_iso3c", path)
    same = actor == target
    if same.any():
        row = first_row(same)
        raise DataError(f"a country paired with itself ({actor.loc[row]})", file=path, row=row)
    year = numbers(frame, "year", path, integer=True, low=1990, high=2100).astype("int64")
    out = pd.DataFrame({"actor": actor, "target": target, "period": year.astype(str), "source": ORIGIN.id})
    for column, name in COUNTS.items():
        out[name] = numbers(frame, column, path, integer=True, low=0)
    out["score"] = float("nan")
    out["directed"] = True
    twice = out.duplicated(["actor", "target", "period"], keep=False)
    if twice.any():
        rows = twice[twice].index[:2].tolist()
        raise DataError(f"two rows for one pair and year (rows {rows})", file=path, row=rows[0])
    return {"events": out.reset_index(drop=True)}
