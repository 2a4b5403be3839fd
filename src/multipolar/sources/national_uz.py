"""Uzbekistan's own goods trade by partner country (Statistics Agency SDMX CSV downloads 1105 and 1176)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import DataError
from ._codes import iso3_at, iso3_of_numeric
from ._national import LICENCE, REPOSITORY_URL, RETRIEVED
from ._read import read_csv
from ._tables import table_frame
from .base import EN, Identity, Origin, to_number

ORIGIN = Origin(
    id="national_uz",
    producer="Statistics Agency under the President of the Republic of Uzbekistan (formerly State Committee on "
             "Statistics)",
    title="Export of goods by country (dataset 1105) and import of goods by country (dataset 1176), 2010-2023, "
          "SDMX CSV",
    urls=("https://siat.stat.uz/data/1105/", "https://siat.stat.uz/data/1176/", REPOSITORY_URL),
    licence=LICENCE,
    citation="Statistics Agency under the President of the Republic of Uzbekistan, open data datasets 1105 "
             "(exports of goods by country) and 1176 (imports of goods by country), 2010-2023, stat.uz.",
    folder="national_stats/uzbekistan",
    files=("sdmx_data_1105.csv", "sdmx_data_1176.csv"),
    retrieved=RETRIEVED,
    steps=(
        "Read sdmx_data_1105.csv as exports and sdmx_data_1176.csv as imports (UTF-8 with BOM; columns Code, "
        "Klassifikator (Uzbek), Klassifikator_ru, Klassifikator_en, one column per year), located by header name.",
        "Check the unit by magnitude (the file states none): every year's column must sum to between 1e6 and 1e9, "
        "i.e. USD 1 bn-1 tn if the unit is thousand USD; otherwise stop naming the column.",
        "Partner name = the Latin-script one of Klassifikator_en / Klassifikator_ru (a few rows have the two "
        "swapped), mapped by country_converter with mappings/national_uz.csv ('Other countries' and 'Netherlands "
        "Antilles' skipped, 'UAE' = ARE); the ISO3 found must agree with the row's ISO 3166 numeric Code where "
        "country_converter knows the code, else the parse stops.",
        "Every published value is kept, zeros included; value_usd = value x 1000 (thousand USD, see caveats).",
        "A world total (partner WLD) is derived per year and flow as the sum of every row of the file, 'Other "
        "countries' included, and says so in its note: the files publish no total of their own.",
    ),
    caveats=(
        "Unit: the files do not state it; the source repository's code treats it as thousand USD. Checked: the "
        "2019 imports from China, 5,108,629 (x 1000 = USD 5.11 bn), are within 2% of China's exports to "
        "Uzbekistan in IMF DOTS (USD 5,044.6 mn), and the columns sum to USD 13-39 bn a year, the size of "
        "Uzbekistan's trade; thousand USD is therefore recorded (tests/sources/test_national_uz.py).",
        "No world total is published in these files; the WLD rows are the sum of all rows incl. 'Other countries' "
        "(derived, see the note column), which is how shares of Uzbekistan's total trade can be computed.",
        "'Other countries' (Code 0) is large for exports (e.g. 10.35 bn in 2023), presumably unallocated exports "
        "such as non-monetary gold; it has no partner row of its own but is part of the derived WLD total.",
        "Valuation basis not stated in the files: 'unknown'.",
        "Dataset page URLs inferred from the file names and the SIAT portal's address pattern; not re-checked.",
    ),
    identity=Identity("Uzbekistan's Statistics Agency", reporter="UZB", role="own", trust=10),
)

# Dataset id in the file name → flow.
FLOWS = {"1105": "export", "1176": "import"}
# Stored unit label and factor to US dollars (decided by the magnitude check, see ORIGIN.caveats).
UNIT_PUBLISHED, UNIT_FACTOR = "USD thousand", 1000.0
# Plausible range of a year's column sum in thousand USD: USD 1 bn to 1 tn.
TOTAL_RANGE = (1e6, 1e9)
BASIS = "unknown"
_CYRILLIC = re.compile("[А-Яа-яЁё]")
_YEAR = re.compile(r"^(19|20)\d{2}$")


# Number style of the Uzbek statistics agency's SDMX CSV (decimal mark, thousands separator; base.NumberStyle).
NUMBERS = EN


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """Uzbekistan's exports and imports by partner (trade_flows), 2010-2023."""
    rows = []
    for path in ORIGIN.input_files(data_dir):
        dataset = path.stem.rsplit("_", 1)[-1]
        if dataset not in FLOWS:
            raise DataError(f"unknown dataset id {dataset!r} (expected one of {sorted(FLOWS)})", file=path)
        rows.extend(read_file(path, FLOWS[dataset]))
    return {"trade_flows": table_frame("trade_flows", rows)}


def read_file(path: Path, flow: str) -> list[dict]:
    """The trade_flows rows of one SDMX CSV file."""
    frame = read_csv(path, ("Code", "Klassifikator_ru", "Klassifikator_en"), all_columns=True)
    header = list(frame.columns)
    years = {h: int(h) for h in header if _YEAR.match(h)}
    if not years:
        raise DataError(f"no year columns in the header {header}", file=path, row=1)

    entries = []  # (line number, name, code, {year: value})
    for lineno, line in frame.to_dict("index").items():
        if not any(cell.strip() for cell in line.values()):
            continue
        en, ru = line["Klassifikator_en"].strip(), line["Klassifikator_ru"].strip()
        name = ru if _CYRILLIC.search(en) and not _CYRILLIC.search(ru) else en  # some rows swap the two
        if not name:
            raise DataError("no partner name", file=path, row=lineno, field="Klassifikator_en")
        code = line["Code"].strip()
        if not code.isdigit():
            raise DataError(f"Code {code!r} is not an ISO 3166 numeric code", file=path, row=lineno, field="Code")
        values = {}
        for column, year in years.items():
            number = to_number(line[column], file=path, row=lineno, field=column, style=NUMBERS)
            if number is not None:
                values[year] = number
        entries.append((lineno, name, int(code), values))

    for column, year in years.items():
        total = sum(v[year] for *_, v in entries if year in v)
        low, high = TOTAL_RANGE
        if not low <= total <= high:
            raise DataError(f"column sums to {total:,.1f}: not thousand USD (a year's trade of Uzbekistan should sum "
                            f"to {low:,.0f}-{high:,.0f} thousand USD)", file=path, field=column)

    codes = iso3_at({name: f"line {lineno}" for lineno, name, _, _ in reversed(entries)}, mapping="national_uz",
                    file=path, field="partner name")
    out, seen = [], {}
    for year in sorted(years.values()):
        present = [v[year] for *_, v in entries if year in v]
        if present:
            total = sum(present)
            out.append({
                "reporter": "UZB", "partner": "WLD", "year": year, "flow": flow, "source": ORIGIN.id,
                "value_usd": total * UNIT_FACTOR, "value_published": total, "unit_published": UNIT_PUBLISHED,
                "basis": BASIS, "is_estimate": False, "months": 12,
                "note": f"derived: sum of all {len(present)} rows of the file incl. 'Other countries' "
                        "(no world total published)",
            })
    for lineno, name, code, values in entries:
        partner = codes[name]
        if partner is None:
            continue
        by_code = iso3_of_numeric(code) if code else None
        if by_code is not None and by_code != partner:
            raise DataError(f"name {name!r} maps to {partner} but Code {code} is {by_code}", file=path, row=lineno,
                            field="Code")
        if partner in seen:
            raise DataError(f"partner {partner} appears twice (lines {seen[partner]} and {lineno})", file=path,
                            row=lineno)
        seen[partner] = lineno
        for year, value in values.items():
            out.append({
                "reporter": "UZB", "partner": partner, "year": year, "flow": flow, "source": ORIGIN.id,
                "value_usd": value * UNIT_FACTOR, "value_published": value, "unit_published": UNIT_PUBLISHED,
                "basis": BASIS, "is_estimate": False, "months": 12, "note": None,
            })
    return out
