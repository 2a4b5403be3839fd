"""Chinese official development finance commitments by recipient and year (AidData GCDF 3.0, via odadata)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import DataError
from ._codes import cow_column
from ._read import first_row, numbers, read_csv
from .base import Identity, Origin

ORIGIN = Origin(
    id="aiddata_gcdf3",
    producer="AidData, William & Mary (Global Research Institute); recipient-year aggregation by Miles D. Williams "
             "(R package odadata)",
    title="Global Chinese Development Finance Dataset, Version 3.0 (GCDF 3.0), commitments aggregated to recipient "
          "and year",
    urls=("https://www.aiddata.org/data/aiddatas-global-chinese-development-finance-dataset-version-3-0",
          "https://github.com/milesdwilliams15/odadata/tree/3c1f8955597e21246abbc1607df7b0c6f7dcd5b2/data"),
    licence="AidData publishes GCDF 3.0 openly for reuse with a citation requirement; the dataset's licence text was "
            "NOT verified here. The odadata repository's licence is a placeholder (DESCRIPTION 'use_mit_license()', "
            "no LICENSE file) and covers its code only.",
    citation="Custer, S., Dreher, A., Elston, T.B., Escobar, B., Fedorochko, R., Fuchs, A., Ghose, S., Lin, J., "
             "Malik, A., Parks, B.C., Solomon, K., Strange, A., Tierney, M.J., Vlasto, L., Walsh, K., Wang, F., "
             "Zaleski, L., and Zhang, S. 2023. Tracking Chinese Development Finance: An Application of AidData's "
             "TUFF 3.0 Methodology. Williamsburg, VA: AidData at William & Mary (official citation per the dataset "
             "page, with Dreher et al. 2022, Banking on Beijing, Cambridge University Press); recipient-year "
             "aggregates from the R package odadata (Miles D. Williams).",
    folder="aiddata_chinese_finance",
    files=("cow_gcdf.csv",),
    retrieved="2025-09-24 (github.com/milesdwilliams15/odadata commit 3c1f8955597e21246abbc1607df7b0c6f7dcd5b2, "
              "data/cow_gcdf.csv)",
    redistributable=True,  # AidData publishes GCDF openly with a citation requirement (licence not verified)
    steps=(
        "Read cow_gcdf.csv by header names (the package author kept projects with recommended_for_aggregates = "
        "'Yes' and summed them to recipient-year, per clean_gcdf_data.R in that repository).",
        "Recipient from the COW code (ccode) through countries.from_cow; lender is always CHN.",
        "One row per recipient, year and flow class: 'ODA-like' from oda_amt/oda_adj, 'OOF-like' from "
        "oof_amt/oof_adj, 'Vague' (vague official finance) from vof_amt/vof_adj; commitments_usd = *_amt, "
        "commitments_adj_usd = *_adj (AidData's adjusted amount), constant 2021 USD. A class with both amounts 0 "
        "gives no row (280 recipient-years have no class at all); amounts must be numbers >= 0.",
    ),
    caveats=(
        "A missing recipient-year means no recorded commitment in the projects recommended for aggregates, not a "
        "confirmed zero; coverage is commitments 2000-2021, not disbursements.",
        "cow_gcdf.csv has no Serbia (COW 345) although gw_gcdf.csv has it (GW 340, 21 years): the package author's "
        "COW conversion dropped it. Serbia is not a focus state.",
        "In 8 recipient-years the OOF-like adjusted amount is 0 while the nominal amount is not (e.g. Suriname "
        "2018-2021, Egypt 2020, Mongolia 2021); both are kept as published.",
    ),
    identity=Identity("AidData Global Chinese Development Finance 3.0", reporter="CHN", role="estimate", trust=50),
)

# Flow classes and the column prefix holding each.
CLASSES = {"ODA-like": "oda", "OOF-like": "oof", "Vague": "vof"}
# Columns of cow_gcdf.csv.
COLUMNS = ("ccode", "year") + tuple(f"{p}_{s}" for p in CLASSES.values() for s in ("amt", "adj"))


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """development_finance: China's commitments per recipient, year and flow class."""
    path = ORIGIN.input_files(data_dir)[0]
    frame = read_csv(path, COLUMNS)
    recipient = cow_column(frame, "ccode", path)
    year = numbers(frame, "year", path, integer=True, low=1990, high=2030).astype("int16")
    if recipient.isna().any():
        row = first_row(recipient.isna())
        raise DataError(f"COW code {frame['ccode'].loc[row]} is a state that no longer exists", file=path, row=row,
                        field="ccode")
    twice = pd.DataFrame({"r": recipient, "y": year}).duplicated(keep=False)
    if twice.any():
        rows = twice[twice].index[:2].tolist()
        raise DataError(f"two rows for {recipient.loc[rows[0]]} {year.loc[rows[0]]} (rows {rows})", file=path,
                        row=rows[0])
    parts = []
    for flow_class, prefix in CLASSES.items():
        amt = numbers(frame, f"{prefix}_amt", path, low=0)
        adj = numbers(frame, f"{prefix}_adj", path, low=0, blank=("", "NA"))
        keep = (amt != 0) | (adj.fillna(0) != 0)
        parts.append(pd.DataFrame({
            "lender": "CHN", "recipient": recipient[keep], "year": year[keep], "flow_class": flow_class,
            "source": ORIGIN.id, "commitments_usd": amt[keep], "commitments_adj_usd": adj[keep],
        }))
    out = pd.concat(parts).sort_values(["recipient", "year", "flow_class"]).reset_index(drop=True)
    return {"development_finance": out}
