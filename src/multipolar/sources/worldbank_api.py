"""World Bank GDP (current US$) and population, pulled from the World Bank Indicators API v2 into macro.

Request (all countries and both indicators in one paginated query; `;` joins values, source=2 is WDI, which the API
needs when several indicators are asked at once):

    GET {base}/country/KAZ;KGZ/indicator/NY.GDP.MKTP.CD;SP.POP.TOTL
        ?source=2&format=json&date=2019:2023&per_page=1000&page=1

with {base} = https://api.worldbank.org/v2 (override: $MULTIPOLAR_WORLDBANK_URL). The answer is a JSON pair:
[{"page": 1, "pages": 1, "per_page": 1000, "total": 20, "sourceid": "2", "lastupdated": "…"},
 [{"indicator": {"id": "NY.GDP.MKTP.CD", "value": "GDP (current US$)"}, "country": {"id": "KZ", "value":
 "Kazakhstan"}, "countryiso3code": "KAZ", "date": "2023", "value": 2.6e11, "unit": "", "obs_status": "",
 "decimal": 0}, …]]; further pages are fetched until `pages`. A refused query answers
[{"message": [{"id": "120", "key": "Invalid value", "value": "The provided parameter value is not valid"}]}].
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from ..errors import DataError, SourceError
from ..schema import TABLES
from . import http
from .base import EN, Identity, Origin, to_number

ORIGIN = Origin(
    id="worldbank_api",
    producer="World Bank",
    title="World Development Indicators: GDP (current US$) NY.GDP.MKTP.CD and Population, total SP.POP.TOTL",
    urls=("https://data.worldbank.org/indicator/NY.GDP.MKTP.CD", "https://data.worldbank.org/indicator/SP.POP.TOTL",
          "https://api.worldbank.org/v2/"),
    licence="CC BY 4.0 (World Bank terms of use for datasets)",
    citation="World Bank, World Development Indicators (NY.GDP.MKTP.CD, SP.POP.TOTL), World Bank API v2, retrieved "
             "on the date given in the table's metadata.",
    folder="",
    files=(),
    retrieved="at pull time (see retrieved_at in the pulled table's metadata)",
    steps=(
        "one paginated API v2 query for all requested countries and both indicators (source=2, WDI)",
        "countryiso3code → country; NY.GDP.MKTP.CD → gdp_usd; SP.POP.TOTL → population",
        "country-years where both values are null are dropped",
    ),
    identity=Identity("World Bank API", role="estimate", trust=50),
)

# Environment variable that points the connector at another server (tests use a local one).
BASE_URL_ENV = "MULTIPOLAR_WORLDBANK_URL"
DEFAULT_BASE_URL = "https://api.worldbank.org/v2"
# Indicator id → column of the macro table.
INDICATORS = {"NY.GDP.MKTP.CD": "gdp_usd", "SP.POP.TOTL": "population"}
# Rows per page asked for (the API allows large pages; tests lower it to exercise pagination).
PER_PAGE = 1000

Progress = Callable[[str, int, int], None]


# Number style of the World Bank API's JSON (decimal mark, thousands separator; base.NumberStyle).
NUMBERS = EN


def base_url() -> str:
    """The API root: $MULTIPOLAR_WORLDBANK_URL or api.worldbank.org/v2."""
    return os.environ.get(BASE_URL_ENV, DEFAULT_BASE_URL).rstrip("/")


def request_for(years: tuple[int, int], countries: Iterable[str], page: int) -> tuple[str, dict]:
    """(url, params) of one page of the query."""
    url = f"{base_url()}/country/{';'.join(sorted(set(countries)))}/indicator/{';'.join(INDICATORS)}"
    return url, {"source": 2, "format": "json", "date": f"{years[0]}:{years[1]}", "per_page": PER_PAGE,
                 "page": page}


def _read(path: Path) -> tuple[dict, list]:
    """(page header, rows) of one answer; SourceError for the API's refusal message."""
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"not valid JSON: {exc}", file=path) from exc
    if not isinstance(payload, list) or not payload or not isinstance(payload[0], dict):
        raise DataError("expected the World Bank's [header, rows] pair", file=path)
    head = payload[0]
    if "message" in head:
        messages = "; ".join(str(m.get("value") or m.get("key") or m) for m in head["message"])
        raise SourceError(f"the World Bank API refused the query: {messages}", file=path)
    rows = payload[1] if len(payload) > 1 and payload[1] else []
    return head, rows


def fetch(years: tuple[int, int], countries: Iterable[str], *, progress: Progress | None = None,
          refresh: bool = False) -> list[Path]:
    """Download every page of the query (the only network code here); returns the answers' files."""
    countries = sorted(set(countries))
    paths: list[Path] = []
    page, pages = 1, 1
    while page <= pages:
        if progress:
            progress(f"World Bank page {page}", page - 1, pages)
        url, params = request_for(years, countries, page)
        path = http.download(url, params=params, headers={"Accept": "application/json"}, suffix=".json",
                             refresh=refresh)
        try:
            head, _ = _read(path)
        except (SourceError, DataError):
            http.discard(path)  # never keep a refusal in the cache
            raise
        pages = int(head.get("pages") or 1)
        paths.append(path)
        page += 1
    if progress:
        progress("World Bank", pages, pages)
    return paths


def parse_response(paths: Iterable[Path], *, years: tuple[int, int] | None = None) -> dict[str, pd.DataFrame]:
    """Answers of fetch() → {'macro': frame with the canonical columns}; offline and deterministic. years: keep only
    these (inclusive)."""
    cells: dict[tuple[str, int], dict] = {}
    for path in sorted(Path(p) for p in paths):
        _, rows = _read(path)
        for n, row in enumerate(rows):
            where = f"[1][{n}]"
            indicator = (row.get("indicator") or {}).get("id")
            if indicator not in INDICATORS:
                raise DataError(f"unexpected indicator {indicator!r}", file=path, row=where, field="indicator")
            country = (row.get("countryiso3code") or "").strip().upper()
            value = to_number(row.get("value"), file=path, row=where, field="value", style=NUMBERS)
            if value is not None and math.isnan(value):
                value = None
            if not country:
                if value is None:
                    continue
                name = (row.get("country") or {}).get("value")
                raise DataError(f"a value without an ISO3 code (country {name!r})", file=path, row=where,
                                field="countryiso3code")
            try:
                year = int(str(row.get("date")))
            except ValueError:
                raise DataError(f"expected a year, got {row.get('date')!r}", file=path, row=where,
                                field="date") from None
            if years and not years[0] <= year <= years[1]:
                continue
            cell = cells.setdefault((country, year), {"gdp_usd": None, "population": None})
            column = INDICATORS[indicator]
            if cell[column] is not None and value is not None and cell[column] != value:
                raise DataError(f"two values for {country} {year} {indicator}", file=path, row=where, field="value")
            if value is not None:
                cell[column] = value
    records = [{"country": c, "year": y, "source": ORIGIN.id, **v}
               for (c, y), v in sorted(cells.items()) if v["gdp_usd"] is not None or v["population"] is not None]
    frame = pd.DataFrame(records, columns=TABLES["macro"].columns)
    return {"macro": frame.astype({"year": "int64", "gdp_usd": "float64", "population": "float64"})}
