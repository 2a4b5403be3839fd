"""IMF International Trade in Goods (IMTS), reporter Russia: exports FOB and imports CIF by partner, 2016-2024."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import DataError
from ._codes import iso3_at
from ._read import read_csv
from ._tables import AT, table_frame
from .base import EN, Identity, Origin, to_number

# From this year on Russia published no partner data: the IMF's figures are its own estimates.
FIRST_ESTIMATED_YEAR = 2022
# The note every estimated row carries.
ESTIMATE_NOTE = ("IMF estimate: Russia stopped publishing trade by partner in 2022; IMTS fills the gap from "
                 "counterpart (partner-reported) data. The file has no status flag; flagged by year.")

ORIGIN = Origin(
    id="imf_imts",
    producer="International Monetary Fund (IMF), Statistics Department",
    title="International Trade in Goods (by partner country) (IMTS), IMF.STA:IMTS(1.0.0): Russian Federation, "
          "exports FOB and imports CIF, US dollars, millions",
    urls=("https://data.imf.org/en/datasets/IMF.STA:IMTS",
          "https://github.com/paulinakasetiene/Russia-sanctions-trade-reallocation/blob/"
          "ef3cc99e89fe69a3846386a52aa899478d592482/RU_trade.csv"),
    licence="Data (c) IMF; IMF data are generally free to reuse with attribution under the IMF terms of use, NOT "
            "re-verified. The repository the copy came from has no LICENSE file (Zenodo DOI 10.5281/zenodo.20099743).",
    citation="International Monetary Fund, International Trade in Goods (by partner country) (IMTS), dataset "
             "IMF.STA:IMTS(1.0.0), Russian Federation, XG_FOB_USD and MG_CIF_USD, annual 2016-2024; extract as "
             "copied in github.com/paulinakasetiene/Russia-sanctions-trade-reallocation (commit ef3cc99).",
    folder="imf_imts_russia",
    files=("RU_trade.csv",),
    retrieved="2026-05-09 (github.com/paulinakasetiene/Russia-sanctions-trade-reallocation commit "
              "ef3cc99e89fe69a3846386a52aa899478d592482; file added in 0d3a9a4abc6309af22c14dac7d1cf3490a865650)",
    steps=(
        "RU_trade.csv read as UTF-8 by column name (one row per indicator and counterpart, years as columns)",
        "every row must be COUNTRY.ID RUS, FREQUENCY.ID A and SCALE 'Millions' (SCALE.ID 6), else the parse stops",
        "XG_FOB_USD → flow export, basis FOB; MG_CIF_USD → flow import, basis CIF; other indicators stop the parse",
        "counterpart codes are ISO3; G001 World → WLD, G998 European Union → EUU, WBG → PSE; other aggregates "
        "(Gxxx, GXxxx, TXxxx) and dissolved states (YUG, CSK, SCG, ANT; all empty) skipped via mappings/imf_imts.csv",
        "empty cells dropped; value_usd = million USD × 1e6",
        f"years {FIRST_ESTIMATED_YEAR}+ marked is_estimate = true with a note (no flag in the file)",
    ),
    caveats=(
        "2022-2024 are IMF estimates, not Russian reports: Russia stopped publishing partner data in 2022. The file "
        "carries no status flag; these years' values have 12+ decimal digits (2016-2021: about 6), the mark of "
        "computed figures. They are not a simple mirror of partner data (2023 exports to China 111.5 bn vs China's "
        "customs 129.1 bn imports from Russia).",
        "2016-2021 agree with Russian customs (2021 exports to China 68.4 bn vs FCS 68.9 bn).",
        "Imports are CIF, exports FOB: the two sides of a pair are not directly comparable.",
    ),
    identity=Identity("IMF IMTS (Russia; IMF estimates from 2022)", reporter="RUS", role="own", trust=30),
)

# Columns parse() reads besides the year columns.
REQUIRED = ("COUNTRY.ID", "INDICATOR.ID", "COUNTERPART_COUNTRY.ID", "COUNTERPART_COUNTRY", "FREQUENCY.ID",
            "SCALE.ID", "SCALE")
# Indicator → (flow, basis).
INDICATORS = {"XG_FOB_USD": ("export", "FOB"), "MG_CIF_USD": ("import", "CIF")}
# The only scale the parser accepts: SCALE.ID 6 = millions.
EXPECTED_SCALE = ("6", "Millions")
# The reporter this extract (and the estimate rule) is about.
REPORTER = "RUS"


# Number style of the IMF's CSV (decimal mark, thousands separator; base.NumberStyle).
NUMBERS = EN


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """RU_trade.csv as the trade_flows table."""
    (path,) = ORIGIN.input_files(data_dir)
    frame = read_csv(path, REQUIRED, all_columns=True)
    years = [h for h in frame.columns if re.fullmatch(r"\d{4}", h)]
    rows = frame.to_dict("index").items()
    if not years:
        raise DataError("no year columns (e.g. '2021') in the header", file=path, row=1)
    for line, row in rows:
        _check_row(path, line, row)
    codes = {}
    for line, row in rows:
        codes.setdefault(row["COUNTERPART_COUNTRY.ID"].strip(), f"row {line}")
    partners = iso3_at(codes, mapping="imf_imts", guess="iso3", file=path, field="COUNTERPART_COUNTRY.ID")
    records, seen = [], {}
    for line, row in rows:
        indicator = row["INDICATOR.ID"].strip()
        code = row["COUNTERPART_COUNTRY.ID"].strip()
        if (indicator, code) in seen:
            raise DataError(f"{indicator} for {code} also in row {seen[(indicator, code)]}", file=path, row=line,
                            field="COUNTERPART_COUNTRY.ID")
        seen[(indicator, code)] = line
        partner = partners[code]
        if partner is None:
            continue
        flow, basis = INDICATORS[indicator]
        for year in years:
            value = to_number(row[year], file=path, row=line, field=year, style=NUMBERS)
            if value is None:
                continue
            estimated = int(year) >= FIRST_ESTIMATED_YEAR
            records.append((REPORTER, partner, int(year), flow, value, basis, estimated,
                            ESTIMATE_NOTE if estimated else None, (path, line, year)))
    return {"trade_flows": _frame(records)}


def _check_row(path: Path, line: int, row: dict[str, str]) -> None:
    """Stop on a row that is not annual Russian data in millions of a known indicator."""
    if row["COUNTRY.ID"].strip() != REPORTER:
        raise DataError(f"reporter {row['COUNTRY.ID']!r}: this parser reads the Russia extract only (its "
                        f"{FIRST_ESTIMATED_YEAR}+ estimate rule is Russia's)", file=path, row=line, field="COUNTRY.ID")
    scale = (row["SCALE.ID"].strip(), row["SCALE"].strip())
    if scale != EXPECTED_SCALE:
        raise DataError(f"unit is SCALE {scale[1]!r} (SCALE.ID {scale[0]!r}), expected 'Millions' (6)", file=path,
                        row=line, field="SCALE")
    if row["FREQUENCY.ID"].strip() != "A":
        raise DataError(f"frequency {row['FREQUENCY.ID']!r}, expected 'A' (annual)", file=path, row=line,
                        field="FREQUENCY.ID")
    if row["INDICATOR.ID"].strip() not in INDICATORS:
        raise DataError(f"unknown indicator {row['INDICATOR.ID']!r}; expected one of {sorted(INDICATORS)}",
                        file=path, row=line, field="INDICATOR.ID")


def _frame(records: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(
        records,
        columns=["reporter", "partner", "year", "flow", "value_published", "basis", "is_estimate", "note", AT])
    published = frame["value_published"].astype("float64")
    frame = table_frame("trade_flows", frame, value_usd=published * 1e6, source=ORIGIN.id,
                        unit_published="USD million", months=12)
    return frame.sort_values(["reporter", "partner", "year", "flow"], kind="stable").reset_index(drop=True)
