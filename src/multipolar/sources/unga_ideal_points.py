"""UNGA ideal points and agreement with China and Russia per state and session (Bailey, Strezhnev & Voeten)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..countries import is_iso3, read_mapping
from ..errors import DataError
from ._codes import cow_column
from ._read import first_row, numbers, read_csv
from .base import Identity, Origin

ORIGIN = Origin(
    id="bsv_idealpoints",
    producer="Michael Bailey, Anton Strezhnev and Erik Voeten",
    title="United Nations General Assembly Voting Data: ideal point estimates (IdealpointestimatesAll_Jun2024.csv)",
    urls=("https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379",
          "https://github.com/tongyu03/DSE3101-Predictive-Modelling-of-Global-Trade-Flows/blob/"
          "98ab7b673cf2c6415f6e86ba2e63eee0b51f07ae/data/IdealpointestimatesAll_Jun2024.csv"),
    licence="Harvard Dataverse files of the UNGA voting dataset: CC0 according to the unvotes package's "
            "data-raw/README.md; not re-verified for this file. The copy comes from a student repository without a "
            "LICENSE file (file deleted from its HEAD, taken from history); the data are the authors' own release.",
    citation="Bailey, Michael A., Anton Strezhnev and Erik Voeten (2017), 'Estimating Dynamic State Preferences from "
             "United Nations Voting Data', Journal of Conflict Resolution 61(2): 430-456; data: Voeten, Strezhnev "
             "and Bailey, 'United Nations General Assembly Voting Data', Harvard Dataverse, hdl:1902.1/12379, "
             "IdealpointestimatesAll_Jun2024.csv.",
    folder="unga_ideal_points",
    files=("IdealpointestimatesAll_Jun2024.csv",),
    retrieved="June 2024 release; copy from github.com/tongyu03/DSE3101-Predictive-Modelling-of-Global-Trade-Flows "
              "commit 98ab7b673cf2c6415f6e86ba2e63eee0b51f07ae (blob 5069a718...)",
    redistributable=True,  # the authors' Dataverse release (CC0 per unvotes data-raw/README.md, not re-verified)
    steps=(
        "Read the CSV by header names; 'NA' = not available.",
        "Country from the COW code (ccode) through countries.from_cow, with this source's overrides in "
        "mappings/unga_ideal_points.csv (keyed by COW code): 678 Yemen Arab Republic = YEM and 345 Yugoslavia "
        "skipped, the same UN-seat rule as unga_votes; 260 German Federal Republic = DEU and 265, 315, 680 skipped "
        "via mappings/cow.csv. Where the file's own iso3c is an ISO3 code it must agree.",
        "year = session + 1945; agree_chn = ChinaAgree, agree_rus = RUSSAgree (shares of the session's votes on which "
        "the state voted as China / Russia did; null where NA), n_votes = NVotesAll, ideal_point = IdealPointAll.",
        "Agreement shares must lie in [0, 1] and n_votes be a positive whole number; otherwise the parse stops.",
    ),
    caveats=(
        "Session 78 (2023-24) is partial for some states: n_votes is tiny for TUR and STP (2 votes) and FJI (9) "
        "against a median of 85; filter on n_votes before comparing a state's agreement across sessions.",
        "agree_chn is null before session 26 (the PRC was not seated) and for China itself; Russia's row before 1991 "
        "is the USSR (COW 365).",
        "Ideal points are estimated jointly over all sessions and can change in later releases.",
    ),
    identity=Identity("Bailey-Strezhnev-Voeten UNGA agreement scores", role="estimate", trust=50),
)

# The file's columns this parser reads.
COLUMNS = ("ccode", "session", "NVotesAll", "IdealPointAll", "iso3c", "ChinaAgree", "RUSSAgree")


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """un_agreement from the ideal point file, one row per state and session."""
    path = ORIGIN.input_files(data_dir)[0]
    frame = read_csv(path, COLUMNS)
    ccode = numbers(frame, "ccode", path, integer=True, low=1, high=999).astype("int64")
    overrides = read_mapping("unga_ideal_points")
    country = cow_column(frame, "ccode", path)
    for code, iso in overrides.items():
        country = country.where(ccode != int(code), iso or None)
    own = frame["iso3c"].astype(str).str.strip()
    checkable = own.map(is_iso3) & country.notna()
    disagree = checkable & (own != country)
    if disagree.any():
        row = first_row(disagree)
        raise DataError(f"iso3c {own.loc[row]!r} disagrees with COW code {ccode.loc[row]} ({country.loc[row]})",
                        file=path, row=row, field="iso3c")
    session = numbers(frame, "session", path, integer=True, low=1, high=200)
    out = pd.DataFrame({
        "country": country,
        "session": session.astype("int16"),
        "year": (session + 1945).astype("int16"),
        "agree_chn": numbers(frame, "ChinaAgree", path, low=0, high=1, blank=("NA",)),
        "agree_rus": numbers(frame, "RUSSAgree", path, low=0, high=1, blank=("NA",)),
        "n_votes": numbers(frame, "NVotesAll", path, integer=True, low=1).astype("int32"),
        "ideal_point": numbers(frame, "IdealPointAll", path, blank=("NA",)),
        "source": ORIGIN.id,
    })
    out = out[out["country"].notna()]
    twice = out.duplicated(["country", "session"], keep=False)
    if twice.any():
        rows = twice[twice].index[:2].tolist()
        raise DataError(f"two rows for {out.loc[rows[0], 'country']} in session {out.loc[rows[0], 'session']} "
                        f"(rows {rows})", file=path, row=rows[0])
    return {"un_agreement": out.reset_index(drop=True)}
