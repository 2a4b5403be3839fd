"""Helpers shared by the national statistics offices' parsers (national_kz, _kg, _uz, _am, _ge)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from ..countries import to_iso3
from ..errors import UnknownCountryError
from ..schema import TABLES

# The copy of the offices' tables came from this repository snapshot (see national_stats/PROVENANCE.txt).
REPOSITORY_URL = ("https://github.com/mary-lev/eu-export-sanctions/tree/"
                  "4b6a5dfc864ab3352104974a4516458fd7347b38/data")
# What PROVENANCE.txt says about reuse terms, repeated in every national ORIGIN.
LICENCE = ("Tables of a national statistics office, published on its website; the office's reuse terms were NOT "
           "re-verified (national_stats/PROVENANCE.txt). The source repository's own licence is ambiguous "
           "(Apache-2.0 file, MIT in README) and covers its code only. Cite the office for each figure.")
# Retrieval of the copy: the repository commit named in PROVENANCE.txt.
RETRIEVED = "2025-01-09 (github.com/mary-lev/eu-export-sanctions commit 4b6a5dfc864ab3352104974a4516458fd7347b38)"


def clean_label(value) -> str:
    """A cell's text with line breaks, non-breaking and repeated spaces collapsed."""
    return re.sub(r"\s+", " ", str(value if value is not None else "").replace("\u00a0", " ")).strip()


def cell_ref(row: int, col: int) -> str:
    """Spreadsheet-style reference ('F76') of a zero-based (row, col)."""
    letters, n = "", col + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row + 1}"


def resolve_partners(locations: Mapping[str, str], mapping: str, file: Path | str) -> dict[str, str | None]:
    """Partner labels → ISO3 (None for aggregates the mapping lists); unknown labels raise naming where they are.

    `locations` maps each label to where it was read (e.g. "sheet '2023' cell A77"), so the error points at it.
    """
    try:
        return to_iso3(locations, mapping=mapping, file=file)
    except UnknownCountryError as exc:
        where = "; ".join(f"{name!r} at {locations.get(name, '?')}" for name in exc.names)
        raise UnknownCountryError(exc.names, file=file, field=f"partner name ({where})") from None


def trade_frame(rows: list[dict]) -> pd.DataFrame:
    """Rows (dicts with the trade_flows columns) as a frame with exactly the schema's columns and types."""
    return _frame(rows, "trade_flows", {"year": "int16", "months": "int8"})


def monthly_frame(rows: list[dict]) -> pd.DataFrame:
    """Rows (dicts with the trade_monthly columns) as a frame with exactly the schema's columns and types."""
    return _frame(rows, "trade_monthly", {})


def _frame(rows: list[dict], table: str, ints: dict[str, str]) -> pd.DataFrame:
    columns = TABLES[table].columns
    frame = pd.DataFrame.from_records(rows, columns=columns)
    for name, dtype in ints.items():
        frame[name] = frame[name].astype(dtype)
    frame["is_estimate"] = frame["is_estimate"].astype(bool)
    for name in ("value_usd", "value_published"):
        frame[name] = frame[name].astype("float64")
    frame["note"] = frame["note"].astype(object).where(frame["note"].notna(), None)
    return frame


def iso3_of_numeric(code: int) -> str | None:
    """ISO3 of an ISO 3166 numeric code (None when country_converter does not know it, e.g. retired codes)."""
    from ..countries import _coco

    iso = _coco().convert(int(code), src="ISOnumeric", to="ISO3", not_found="__not_found__")
    return iso if isinstance(iso, str) and iso != "__not_found__" else None
