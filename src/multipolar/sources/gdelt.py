"""GDELT 2.0 composite country-pair scores (Goldstein, sources, tone): monthly for China and Russia, annual for all."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..countries import FOCUS, POWERS
from ..errors import DataError, UnknownCountryError
from ._codes import iso3_column
from ._read import check_choices, first_row, numbers, read_csv
from .base import Identity, Origin

ORIGIN = Origin(
    id="gdelt",
    producer="The GDELT Project (GDELT 2.0 Event Database); daily country networks by GitHub user gzemo "
             "(gdelt-graph-data); monthly and annual sums derived from those daily files for this project",
    title="GDELT 2.0 state-to-state composite edge scores: monthly China/Russia with every partner 2018-01..2024-02, "
          "annual all pairs 2018..2024",
    urls=("https://www.gdeltproject.org/",
          "https://www.gdeltproject.org/about.html#termsofuse",
          "https://github.com/gzemo/gdelt-graph-data/tree/8b719115c084afada0325538dc13c1b8fb75e578"),
    licence="GDELT: free for unrestricted use and redistribution with citation (gdeltproject.org terms of use; not "
            "re-verified here). gzemo/gdelt-graph-data: GPL-3. The monthly and annual files are sums of that "
            "repository's daily matrices made for this project (not in the repository).",
    citation="Leetaru, Kalev and Philip A. Schrodt (2013), 'GDELT: Global Data on Events, Location and Tone, "
             "1979-2012', International Studies Association annual convention; The GDELT Project, GDELT 2.0 Event "
             "Database, https://www.gdeltproject.org/; daily state networks from github.com/gzemo/gdelt-graph-data "
             "(commit 8b71911).",
    folder="gdelt_dyads",
    files=("gdelt_edge_monthly_CHN_RUS.csv", "gdelt_edge_annual_allpairs.csv.gz", "country_codes_clean.csv"),
    retrieved="github.com/gzemo/gdelt-graph-data commit 8b719115c084afada0325538dc13c1b8fb75e578 (2024-02-23): "
              "daily networks 2018-01-01..2024-02-23 summed to months and years",
    redistributable=True,  # GDELT unrestricted use with citation; derived networks GPL-3
    steps=(
        "Daily edge (gzemo builder.py): for GDELT 2.0 events whose Actor1Code and Actor2Code are exactly a "
        "country's ISO3 code, edge += Goldstein +/- (0.025 x NumSources + 0.01 x NumArticles) + 0.01 x AvgTone, "
        "in a 249 x 249 undirected matrix; monthly/annual edge_sum = sum over the days of the period.",
        "Read the two edge files by header names and the country list country_codes_clean.csv (tab-separated); "
        "every code must be in that list and be a known ISO3 code; edge_sum must be a finite number.",
        "gdelt_monthly: period = month as 'YYYY-MM'; actor = CHN or RUS (the file's 'source'), target = partner. "
        "The China-Russia pair appears under both and the two rows are equal (checked); it is kept once as "
        "actor CHN, target RUS.",
        "gdelt_annual: period = year 'YYYY'; pairs where at least one state is a focus state (countries.FOCUS) are "
        "kept.",
        "Orientation of these undirected rows: the actor is the power when one is in the pair (CHN before RUS), "
        "otherwise the alphabetically first code; the file's own order follows its country list, not the "
        "alphabet. score = edge_sum; counts null; directed false.",
    ),
    caveats=(
        "A composite score, NOT a count of events: Goldstein weights plus media-volume and tone terms; its level "
        "grows with media attention, so compare a pair with itself over time or shares across partners.",
        "2024 covers 1 January to 23 February only (the repository's last daily file), so the 2024 annual row and "
        "the 2024-02 monthly row are partial periods; about 96 days of 2018-2024 have no daily file and count as "
        "zero in their month and year.",
        "Only events coded with a bare country code on both sides count (no sub-state or organisation actors).",
        "Pairs or months with a zero sum are absent (the derived files keep non-zero cells only).",
    ),
    identity=Identity("GDELT composite scores", role="estimate", trust=50),
)

# Countries whose pairs the annual file keeps (the pack keeps no others).
KEEP = frozenset(FOCUS) | frozenset(POWERS)
# Which country of an undirected pair is the actor: the powers first, in this order.
POWER_ORDER = ("CHN", "RUS")


def _country_list(path: Path) -> set[str]:
    """The Alpha3 codes of the repository's country list (the matrix index)."""
    frame = read_csv(path, ("Alpha3_code",), sep="\t")
    return set(frame["Alpha3_code"].astype(str).str.strip())


def _check_listed(codes: pd.Series, listed: set[str], path: Path, field: str) -> None:
    outside = ~codes.isin(listed)
    if outside.any():
        names = sorted(set(codes[outside]))
        raise UnknownCountryError(names, file=path, row=first_row(outside), field=f"{field} (not in "
                                  "country_codes_clean.csv)")


def orient(a: pd.Series, b: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(actor, target) of undirected pairs: a power first (CHN before RUS), else alphabetical."""
    rank = {code: i for i, code in enumerate(POWER_ORDER)}
    key_a = a.map(lambda c: (rank.get(c, len(rank)), c))
    key_b = b.map(lambda c: (rank.get(c, len(rank)), c))
    first = np.array([x <= y for x, y in zip(key_a, key_b)], dtype=bool)
    return a.where(first, b), b.where(first, a)


def _monthly(path: Path, listed: set[str]) -> pd.DataFrame:
    frame = read_csv(path, ("month", "source", "partner", "edge_sum"))
    month = numbers(frame, "month", path, integer=True, low=190001, high=210012).astype("int64")
    bad = ~(month % 100).between(1, 12)
    if bad.any():
        row = first_row(bad)
        raise DataError(f"not a month YYYYMM: {frame['month'].loc[row]!r}", file=path, row=row, field="month")
    check_choices(frame, "source", POWER_ORDER, path)
    power = frame["source"].astype(str)
    partner = iso3_column(frame, "partner", path, guess="iso3")
    _check_listed(partner, listed, path, "partner")
    score = numbers(frame, "edge_sum", path)
    period = (month // 100).astype(str) + "-" + (month % 100).astype(str).str.zfill(2)
    actor, target = orient(power, partner)
    out = pd.DataFrame({"actor": actor, "target": target, "period": period, "score": score})
    twice = out.duplicated(["actor", "target", "period"], keep=False)
    if twice.any():
        groups = out[twice].groupby(["actor", "target", "period"])["score"]
        unequal = groups.transform(lambda s: s.nunique() > 1)
        if unequal.any():
            row = unequal[unequal].index[0]
            raise DataError(f"the {out.loc[row, 'actor']}-{out.loc[row, 'target']} pair has two different scores "
                            f"in {out.loc[row, 'period']}", file=path, row=row, field="edge_sum")
        out = out.drop_duplicates(["actor", "target", "period"])
    out["source"] = "gdelt_monthly"
    return out


def _annual(path: Path, listed: set[str]) -> pd.DataFrame:
    frame = read_csv(path, ("year", "iso3_a", "iso3_b", "edge_sum"))
    year = numbers(frame, "year", path, integer=True, low=1979, high=2100).astype("int64")
    a = iso3_column(frame, "iso3_a", path, guess="iso3")
    b = iso3_column(frame, "iso3_b", path, guess="iso3")
    _check_listed(a, listed, path, "iso3_a")
    _check_listed(b, listed, path, "iso3_b")
    same = a == b
    if same.any():
        row = first_row(same)
        raise DataError(f"a country paired with itself ({a.loc[row]})", file=path, row=row)
    score = numbers(frame, "edge_sum", path)
    keep = a.isin(KEEP) | b.isin(KEEP)
    actor, target = orient(a[keep], b[keep])
    out = pd.DataFrame({"actor": actor, "target": target, "period": year[keep].astype(str), "score": score[keep]})
    twice = out.duplicated(["actor", "target", "period"], keep=False)
    if twice.any():
        rows = twice[twice].index[:2].tolist()
        raise DataError(f"one pair listed twice in a year (rows {rows})", file=path, row=rows[0])
    out["source"] = "gdelt_annual"
    return out


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """events: undirected GDELT scores, monthly (China, Russia) and annual (pairs with a focus state)."""
    folder = ORIGIN.folder_path(data_dir)
    listed = _country_list(folder / "country_codes_clean.csv")
    out = pd.concat([_monthly(folder / "gdelt_edge_monthly_CHN_RUS.csv", listed),
                     _annual(folder / "gdelt_edge_annual_allpairs.csv.gz", listed)], ignore_index=True)
    for column in ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict"):
        out[column] = np.nan
    out["directed"] = False
    columns = ["actor", "target", "period", "source", "verbal_coop", "material_coop", "verbal_conflict",
               "material_conflict", "score", "directed"]
    return {"events": out[columns]}
