"""UN Comtrade annual goods trade (all commodities) by reporter and partner, pulled from the Comtrade API into
trade_flows.

Request (one per reporter and block of years; comma lists are the API's own):

    GET {base}/public/v1/preview/C/A/HS          (no key: the free preview, at most 500 rows per answer)
    GET {base}/data/v1/get/C/A/HS                (with $MULTIPOLAR_COMTRADE_KEY, sent as Ocp-Apim-Subscription-Key)
        ?reporterCode=417&period=2022,2023&partnerCode=0,156,398,643&partner2Code=0&flowCode=M,X
         &cmdCode=TOTAL&customsCode=C00&motCode=0&includeDesc=true

with {base} = https://comtradeapi.un.org (override: $MULTIPOLAR_COMTRADE_URL). The answer is JSON:
{"elapsedTime": …, "count": n, "data": [{"typeCode": "C", "freqCode": "A", "refYear": 2023, "period": "2023",
"reporterCode": 417, "flowCode": "M", "partnerCode": 156, "partner2Code": 0, "cmdCode": "TOTAL", "customsCode":
"C00", "motCode": 0, "fobvalue": null, "cifvalue": 5.3e9, "primaryValue": 5.3e9, "isReported": …}, …]}.

This is the same REST call as the official client `comtradeapicall` (PreviewGet.getPreviewData builds exactly
these two base URLs and parameters, and passes the key as the `subscription-key` query parameter, which the API
gateway treats like the header). We call it with httpx instead because comtradeapicall hard-codes its host (so it
cannot be pointed at a test server), prints errors instead of raising them, and would add requests as a dependency.
Reporter and partner codes are UN M49 numbers; Comtrade's own (0 World, 97 EU, 699 India, 842 USA, …) are in
mappings/comtrade.csv, the rest go through country_converter (src UNcode): see countries.from_m49.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from ..countries import POWERS, from_m49, to_m49
from ..errors import DataError, SourceError
from ..schema import TABLES
from . import http
from .base import EN, Identity, Origin, to_number

ORIGIN = Origin(
    id="un_comtrade",
    producer="United Nations Statistics Division (UN Comtrade)",
    title="UN Comtrade Database: annual merchandise trade, HS, all commodities (TOTAL), by reporter and partner",
    urls=("https://comtradeplus.un.org", "https://comtradeapi.un.org/public/v1/preview/C/A/HS",
          "https://comtradeapi.un.org/data/v1/get/C/A/HS"),
    licence="UN Comtrade terms of use (https://uncomtrade.org/docs/policy-on-use-of-data/): data may be used with "
            "attribution; bulk redistribution restricted — not re-verified; pulled data are kept locally",
    citation="United Nations, UN Comtrade Database (https://comtradeplus.un.org), API, retrieved on the date given "
             "in the table's metadata.",
    folder="",
    files=(),
    retrieved="at pull time (see retrieved_at in the pulled table's metadata)",
    steps=(
        "one API call per reporter and block of years: cmdCode TOTAL, flows M and X, partners = the requested "
        "countries, China, Russia and World (0), partner2Code 0, customsCode C00, motCode 0",
        "rows of other breakdowns (second partner, customs procedure, transport mode) are ignored",
        "reporterCode/partnerCode (M49) → ISO3 via mappings/comtrade.csv and country_converter",
        "primaryValue (US dollars) → value_usd; basis CIF/FOB from cifvalue/fobvalue",
    ),
    redistributable=False,
    caveats=(
        "imports are mostly CIF and exports FOB; mirror flows differ",
        "isReported=false marks values aggregated or estimated by UNSD (noted per row)",
    ),
    identity=Identity("UN Comtrade", role="own", trust=60),
)

# Environment variables: another server (tests use a local one) and the subscription key.
BASE_URL_ENV = "MULTIPOLAR_COMTRADE_URL"
KEY_ENV = "MULTIPOLAR_COMTRADE_KEY"
DEFAULT_BASE_URL = "https://comtradeapi.un.org"
PREVIEW_PATH = "/public/v1/preview/C/A/HS"
KEYED_PATH = "/data/v1/get/C/A/HS"
# The free preview returns at most 500 rows: ask for fewer per call.
MAX_ROWS = 450
# The API accepts at most 12 periods per call.
MAX_PERIODS = 12
FLOWS = {"X": "export", "M": "import"}
# Pause between two calls (seconds): the preview allows about one call a second, a subscription key one every few
# seconds (comtradeapicall's own examples wait this long); a spent quota answers 403 or 429 with Retry-After.
PACE_PREVIEW, PACE_KEYED = 1.0, 6.0
# Statuses retried besides http's defaults (429, 5xx): the API gateway answers a spent quota with 403.
RETRY_STATUSES = frozenset({403, 429})

Progress = Callable[[str, int, int], None]


# Number style of UN Comtrade's JSON (decimal mark, thousands separator; base.NumberStyle).
NUMBERS = EN


def base_url() -> str:
    """The API root: $MULTIPOLAR_COMTRADE_URL or comtradeapi.un.org."""
    return os.environ.get(BASE_URL_ENV, DEFAULT_BASE_URL).rstrip("/")


def api_key() -> str | None:
    """The subscription key from $MULTIPOLAR_COMTRADE_KEY, if set."""
    return os.environ.get(KEY_ENV) or None


def requests_for(years: tuple[int, int], countries: Iterable[str]) -> list[tuple[str, str, dict]]:
    """[(reporter iso3, url, params)] for every reporter and block of years."""
    reporters = sorted(set(countries))
    codes = to_m49(set(reporters) | set(POWERS) | {"WLD"})
    url = base_url() + (KEYED_PATH if api_key() else PREVIEW_PATH)
    all_years = list(range(years[0], years[1] + 1))
    out = []
    for reporter in reporters:
        partners = sorted(codes[p] for p in (set(reporters) | set(POWERS) | {"WLD"}) - {reporter})
        block = max(1, min(MAX_PERIODS, MAX_ROWS // (len(FLOWS) * len(partners))))
        for i in range(0, len(all_years), block):
            params = {"reporterCode": codes[reporter], "period": ",".join(map(str, all_years[i:i + block])),
                      "partnerCode": ",".join(map(str, partners)), "partner2Code": 0, "flowCode": "M,X",
                      "cmdCode": "TOTAL", "customsCode": "C00", "motCode": 0, "includeDesc": "true"}
            out.append((reporter, url, params))
    return out


def fetch(years: tuple[int, int], countries: Iterable[str], *, progress: Progress | None = None,
          refresh: bool = False) -> list[Path]:
    """Download the answers for every reporter in countries (the only network code here); returns their files."""
    calls = requests_for(years, countries)
    key = api_key()
    headers = {"Accept": "application/json"} | ({"Ocp-Apim-Subscription-Key": key} if key else {})
    pace = PACE_KEYED if key else PACE_PREVIEW
    paths, last_call = [], None
    for i, (reporter, url, params) in enumerate(calls):
        if progress:
            progress(f"UN Comtrade {reporter} {params['period']}", i, len(calls))
        cached = not refresh and http.is_cached(url, params, suffix=".json")
        if not cached and last_call is not None:
            http._sleep(max(0.0, pace - (time.monotonic() - last_call)))
        path = http.download(url, params=params, headers=headers, suffix=".json", refresh=refresh,
                             retry_statuses=RETRY_STATUSES)
        if not cached:
            last_call = time.monotonic()
        try:
            _load(path)
        except (DataError, SourceError):
            http.discard(path)  # an answer that cannot be read (or an error message) is never kept in the cache
            raise
        paths.append(path)
    if progress:
        progress("UN Comtrade", len(calls), len(calls))
    return paths


def _load(path: Path) -> list[dict]:
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"not valid JSON: {exc}", file=path) from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("data"), list):
        message = payload.get("message") or payload.get("error") if isinstance(payload, dict) else None
        raise SourceError(f"UN Comtrade answered without data: {message or str(payload)[:200]}", file=path)
    if payload.get("error"):
        raise SourceError(f"UN Comtrade error: {payload['error']}", file=path)
    count = payload.get("count")
    if isinstance(count, int) and count != len(payload["data"]):
        raise DataError(f"the answer says count {count} but holds {len(payload['data'])} rows (cut short, or over the "
                        f"preview's {MAX_ROWS + 50}-row cap)", file=path, field="count")
    return payload["data"]


def _is_total_row(row: dict) -> bool:
    """True for the all-commodities, all-procedures, all-modes row this connector asks for."""
    return (row.get("typeCode", "C") == "C" and row.get("freqCode", "A") == "A"
            and row.get("flowCode") in FLOWS and str(row.get("cmdCode", "TOTAL")) == "TOTAL"
            and int(row.get("partner2Code") or 0) == 0 and int(row.get("motCode") or 0) == 0
            and str(row.get("customsCode") or "C00") == "C00")


def parse_response(paths: Iterable[Path], *, years: tuple[int, int] | None = None) -> dict[str, pd.DataFrame]:
    """Answers of fetch() → {'trade_flows': frame with the canonical columns}; offline and deterministic. years: keep
    only these (inclusive)."""
    records = []
    for path in sorted(Path(p) for p in paths):
        rows = [(n, row) for n, row in enumerate(_load(path)) if _is_total_row(row)]
        for field in ("reporterCode", "partnerCode", "primaryValue"):
            missing = [n for n, row in rows if field not in row]
            if missing:
                raise DataError("row lacks a field", file=path, row=f"data[{missing[0]}]", field=field)
        iso = from_m49({row["reporterCode"] for _, row in rows} | {row["partnerCode"] for _, row in rows},
                       file=path, field="partnerCode")
        for n, row in rows:
            where = f"data[{n}]"
            value = to_number(row["primaryValue"], file=path, row=where, field="primaryValue", style=NUMBERS)
            reporter, partner = iso[int(row["reporterCode"])], iso[int(row["partnerCode"])]
            if value is None or reporter is None or partner is None:
                continue
            year = row.get("refYear") or row.get("period")
            try:
                year = int(str(year)[:4])
            except (TypeError, ValueError):
                raise DataError(f"no year in refYear/period: {year!r}", file=path, row=where,
                                field="refYear") from None
            if years and not years[0] <= year <= years[1]:
                continue
            flow = FLOWS[row["flowCode"]]
            basis = _basis(row, value, flow)
            note = None
            if row.get("isReported") is False:
                note = "UN Comtrade isReported=false (value aggregated or estimated by UNSD)"
            records.append({
                "reporter": reporter, "partner": partner, "year": year, "flow": flow, "source": ORIGIN.id,
                "value_usd": value, "value_published": value, "unit_published": "USD", "basis": basis,
                "is_estimate": False, "months": 12, "note": note,
            })
    frame = pd.DataFrame(records, columns=TABLES["trade_flows"].columns)
    frame = frame.sort_values(list(TABLES["trade_flows"].key), kind="stable").reset_index(drop=True)
    return {"trade_flows": frame}


def _basis(row: dict, value: float, flow: str) -> str:
    """CIF or FOB: whichever of cifvalue/fobvalue the primary value is; by convention otherwise (M CIF, X FOB)."""
    for field, basis in (("cifvalue", "CIF"), ("fobvalue", "FOB")):
        if row.get(field) is not None and float(row[field]) == value:
            return basis
    return "CIF" if flow == "import" else "FOB"
