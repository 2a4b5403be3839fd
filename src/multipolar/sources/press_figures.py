"""Official headline trade figures (China customs, Russian officials, national statistics) as reported in the press."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pandas as pd

from ..errors import DataError
from ._codes import lookup, unknown_in
from ._read import drop_identical_duplicates, fail_at, first_row, numbers, read_csv
from .base import Identity, Origin

ORIGIN = Origin(
    id="press_headline",
    producer="Compiled by the multipolar project from news and official web pages (each row cites its page)",
    title="Headline bilateral trade figures of China, Russia, Central Asia, India, Iran and Belarus, 2019-2024, "
          "as reported in the press",
    urls=("see the url column: one cited page per row",),
    licence="facts (figures) with their page addresses; the quoted pages are copyright of their publishers and are "
            "not redistributed (the quote column of the working copy was dropped); not re-verified",
    citation="multipolar project, press_headline_figures/headline_figures.csv (102 rows), each figure cited to the "
             "page in its url column.",
    folder="press_headline_figures",
    files=("headline_figures.csv",),
    retrieved="compiled by hand from stored copies of news and official pages (file undated)",
    steps=(
        "read headline_figures.csv by header name (UTF-8, each row complete)",
        "country_a / country_b names → ISO3 (country_converter; sources/mappings/press_headline.csv maps "
        "'Central Asia (5)' to the group code CA5, the five Central Asian states taken together)",
        "year kept as the period string: a calendar year 'YYYY' or an Indian fiscal year 'YYYY-YY' (April-March, "
        "only on rows involving India)",
        "flow kept as in the file (total, exports_a_to_b, imports_a_from_b: from country_a's side)",
        "value_usd in full US dollars, checked to be at least USD 1 million (a figure in millions or billions is "
        "an error)",
        "is_derived = unit_note starts with 'DERIVED' (computed from a level and a growth rate on the same page)",
        "rows repeating an earlier row exactly are dropped; two rows with one key and different values are an error",
    ),
    caveats=(
        "secondary reporting: outlets (TASS, Sputnik, bne, Eurasianet, Astana Times, 24.kg, ...) quote the official "
        "figure; no GACC page itself was consulted",
        "mixed reporters that disagree a lot (e.g. China-Kyrgyzstan 2024: GACC USD 22.7bn vs Kyrgyz statistics "
        "5.3bn): always keep reporter_source",
        "8 rows are DERIVED from a level and a growth rate, not quoted",
        "periods '2021-22', '2022-23', '2024-25' are Indian fiscal years (April-March), not calendar years",
        "figures for Central Asia as a whole (11 rows) use the group code CA5, not an ISO3 country code",
    ),
    identity=Identity("official figures as reported in the press", role="press", trust=20),
)

SOURCE = "press_headline"
REQUIRED = ("reporter_source", "country_a", "country_b", "year", "flow", "value_usd", "unit_note", "source_url")
# Flows as the file spells them, from country_a's side.
FLOWS = ("total", "exports_a_to_b", "imports_a_from_b")
# Smallest plausible headline figure in full dollars; below it a value was probably written in millions or billions.
MIN_USD = 1e6

log = logging.getLogger(__name__)


def _fiscal_year_ok(period: str) -> bool:
    """'2022-23' is the Indian fiscal year April 2022 - March 2023; the second part must be the next year."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", period)
    return bool(match) and (int(match.group(1)) + 1) % 100 == int(match.group(2))


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """headline_figures: one row per reported figure and page."""
    (path,) = ORIGIN.input_files(data_dir)
    raw = read_csv(path, REQUIRED, strip=True).astype(object)
    for column in ("reporter_source", "country_a", "country_b", "year", "flow", "source_url"):
        fail_at(raw, raw[column] == "", f"{column} is empty", file=path, field=column)
    fail_at(raw, ~raw["flow"].isin(FLOWS), f"flow {{value!r}} is not one of {list(FLOWS)}", file=path, field="flow")
    fail_at(raw, ~raw["source_url"].str.match(r"https?://"), "source_url {value!r} is not a web address", file=path,
            field="source_url")
    calendar = raw["year"].str.fullmatch(r"(19|20)\d{2}")
    fiscal = raw["year"].map(_fiscal_year_ok)
    fail_at(raw, ~calendar & ~fiscal, "year {value!r} is neither 'YYYY' nor a fiscal year 'YYYY-YY'", file=path,
            field="year")
    value = numbers(raw, "value_usd", path, low=0)
    fail_at(raw, value < MIN_USD, "value_usd {value!r} is below USD 1 million: not in full dollars?", file=path,
            field="value_usd")

    codes, unknown = lookup(pd.concat([raw["country_a"], raw["country_b"]]).unique(), mapping="press_headline")
    if unknown:
        raise unknown_in(unknown, raw["country_a"].isin(unknown) | raw["country_b"].isin(unknown), file=path,
                         field="country_a/country_b")
    frame = pd.DataFrame({
        "country_a": raw["country_a"].map(codes), "country_b": raw["country_b"].map(codes),
        "period": raw["year"], "flow": raw["flow"], "reporter_source": raw["reporter_source"],
        "value_usd": value, "is_derived": raw["unit_note"].str.startswith("DERIVED"),
        "unit_note": raw["unit_note"].where(raw["unit_note"] != "", None), "url": raw["source_url"],
        "source": SOURCE})
    india = (frame["country_a"] == "IND") | (frame["country_b"] == "IND")
    fail_at(raw, fiscal & ~calendar & ~india, "fiscal year {value!r} on a row not involving India", file=path,
            field="year")

    group = frame["country_a"].isna() | frame["country_b"].isna()
    if group.any():
        log.info("%s: %d rows about a country group dropped", path.name, int(group.sum()))
    frame = frame.loc[~group]
    key = ["country_a", "country_b", "period", "flow", "reporter_source", "url"]
    frame, dropped = drop_identical_duplicates(frame, key, file=path)
    if dropped:
        log.info("%s: %d exact duplicate rows dropped", path.name, dropped)
    same = frame["country_a"] == frame["country_b"]
    if same.any():
        raise DataError("country_a and country_b are the same country", file=path, row=first_row(same))
    columns = ["country_a", "country_b", "period", "flow", "reporter_source", "value_usd", "is_derived", "unit_note",
               "url", "source"]
    return {"headline_figures": frame[columns].reset_index(drop=True)}
