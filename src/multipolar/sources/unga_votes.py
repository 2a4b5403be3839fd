"""UN General Assembly roll-call votes (Voeten-Strezhnev-Bailey data, as packaged in the R package unvotes)."""

from __future__ import annotations

from pathlib import Path

import country_converter
import pandas as pd

from ..countries import FOCUS, POWERS
from ..errors import DataError
from ._codes import iso3_column
from ._read import by_category, check_choices, first_row, numbers, read_csv
from .base import Identity, Origin

ORIGIN = Origin(
    id="unvotes",
    producer="Erik Voeten, Anton Strezhnev and Michael Bailey (data); David Robinson (R package unvotes)",
    title="United Nations General Assembly Voting Data (R data package unvotes: un_votes, un_roll_calls, "
          "un_roll_call_issues)",
    urls=("https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379",
          "https://github.com/dgrtwo/unvotes/tree/7eb7034314ff79c49c9e0785fcd9d216fa04cf14/data"),
    licence="Data: CC0, as the unvotes data-raw/README.md states for the Harvard Dataverse files (the Dataverse "
            "terms themselves were not re-verified here). Package code: MIT (LICENSE, 2016 David Robinson).",
    citation="Voeten, Erik; Strezhnev, Anton; Bailey, Michael, 'United Nations General Assembly Voting Data', Harvard "
             "Dataverse, hdl:1902.1/12379; copy from the R package unvotes (David Robinson), commit 7eb7034.",
    folder="unga_votes",
    files=("un_votes.csv.gz", "un_roll_calls.csv.gz", "un_roll_call_issues.csv.gz"),
    retrieved="2021-03-08 (github.com/dgrtwo/unvotes commit 7eb7034314ff79c49c9e0785fcd9d216fa04cf14, data/*.rda "
              "converted unchanged to .csv.gz with pyreadr 0.5.8)",
    redistributable=True,  # CC0 data (per unvotes data-raw/README.md)
    steps=(
        "Read the three CSV files as text with header-based columns (a cell 'NA' is Namibia's ISO2 code, not a "
        "missing value).",
        "Votes: 'yes' = 1, 'abstain' = 2, 'no' = 3; any other value stops the parse (unvotes has already dropped "
        "absences and non-membership).",
        "Countries by name through mappings/unga_votes.csv, then country_converter; where the file gives an ISO2 "
        "code it must agree with the name's ISO3 ('SU' = RUS).",
        "UN seat continuity decides historical labels: 'Russia' (which in unvotes also labels the USSR's votes "
        "1946-1991) and 'USSR' = RUS, 'Federal Republic of Germany' = DEU, 'Yemen Arab Republic' = YEM (the UN "
        "dates Yemen's membership from 30 Sept 1947, North Yemen's admission). Skipped, listed with an empty code: "
        "Czechoslovakia, German Democratic Republic, Yemen People's Republic, Zanzibar (seats that ended without a "
        "single successor) and 'Yugoslavia' (one label for the SFRY 1946-1992 and the FRY/Serbia and "
        "Montenegro/Serbia from 2000, which the UN admitted as a new member).",
        "un_votes keeps the rows of the focus states, China and Russia only (the pack keeps no others).",
        "Roll calls: session and rcid as integers, date as a date and year = the date's year; importantvote "
        "'1'/'0' = true/false and empty = null (not coded: 605 roll calls, all of sessions 73-74 and some of "
        "52-72); unres, short and descr (the file's two descriptions: a resolution's title is in one or the "
        "other) without surrounding spaces, empty = null.",
        "yes, abstain, no: the roll call's tally, counted over every recorded vote in un_votes (all states, also "
        "those whose rows the pack does not keep); 0 where none.",
        "issues = the roll call's issue codes from un_roll_call_issues (co, di, ec, hr, me, nu), sorted and "
        "comma-joined; null when it has none. Every vote and issue row must refer to a known roll call.",
    ),
    caveats=(
        "Votes labelled Russia before 26 Dec 1991 (sessions 1-46) are the USSR's; Belarus and Ukraine before then "
        "are the Byelorussian and Ukrainian SSRs, which held their own seats.",
        "China before session 26 (Oct 1971) is the Republic of China seat, labelled Taiwan (TWN) in unvotes; CHN "
        "votes start in session 26.",
        "Ends with session 74 (January 2020). Absences and non-votes are not in the data, so agreement shares "
        "computed from it count only recorded yes/abstain/no votes.",
    ),
    identity=Identity("UNGA roll-call votes (unvotes)", role="record", trust=50),
)

# Vote labels in unvotes and the codes the table stores.
VOTES = {"yes": 1, "abstain": 2, "no": 3}
# The issue codes unvotes uses (PROVENANCE.txt): Middle East, nuclear, disarmament, human rights, colonialism, economic.
ISSUES = ("co", "di", "ec", "hr", "me", "nu")
# ISO2 codes country_converter does not know but unvotes-style files may use.
ISO2_EXTRA = {"SU": "RUS"}
# Countries whose votes the parse keeps (the pack keeps no other rows).
KEEP = frozenset(FOCUS) | frozenset(POWERS)


def _check_iso2(frame: pd.DataFrame, iso3: pd.Series, file: Path) -> None:
    """Each row's ISO2 code (where given) must name the same country as its name."""
    names, codes = frame["country"], frame["country_code"]
    # One row per distinct (name, code) pair, indexed by the line where it first appears.
    pairs = pd.DataFrame({"name": names.cat.codes.to_numpy(), "code": codes.cat.codes.to_numpy()},
                         index=frame.index).drop_duplicates()
    iso2 = sorted({str(codes.cat.categories[c]).strip() for c in pairs["code"]} - {""} - set(ISO2_EXTRA))
    converted = country_converter.convert(iso2, src="ISO2", to="ISO3", not_found=None) if iso2 else []
    lookup = dict(zip(iso2, converted if isinstance(converted, list) else [converted])) | ISO2_EXTRA
    for line, code_index in zip(pairs.index, pairs["code"]):
        code, iso = str(codes.cat.categories[code_index]).strip(), iso3.loc[line]
        if code and iso is not None and lookup.get(code) != iso:
            raise DataError(f"ISO2 code {code!r} does not match the country name ({iso})", file=file, row=line,
                            field="country_code")


def _votes(path: Path, rcids: pd.Series) -> tuple[pd.DataFrame, pd.DataFrame]:
    frame = read_csv(path, ("rcid", "country", "country_code", "vote"))
    rcid = numbers(frame, "rcid", path, integer=True, low=1).astype("int64")
    check_choices(frame, "vote", VOTES, path)
    iso3 = iso3_column(frame, "country", path, mapping="unga_votes")
    _check_iso2(frame, iso3, path)
    unknown = ~rcid.isin(rcids)
    if unknown.any():
        row = first_row(unknown)
        raise DataError(f"roll call {rcid.loc[row]} is not in un_roll_calls", file=path, row=row, field="rcid")
    twice = pd.DataFrame({"rcid": rcid, "country": iso3}).dropna().duplicated(keep=False)
    if twice.any():
        rows = twice[twice].index[:2].tolist()
        raise DataError(f"two votes of one country in one roll call (rows {rows})", file=path, row=rows[0])
    vote = by_category(frame["vote"], VOTES)
    # The tally of each roll call counts every recorded vote, of every state (also those the pack does not keep).
    tally = pd.crosstab(rcid, vote.map({v: k for k, v in VOTES.items()})).reindex(columns=list(VOTES), fill_value=0)
    keep = iso3.isin(KEEP)
    out = pd.DataFrame({"rcid": rcid[keep].astype("int32"), "country": iso3[keep],
                        "vote": vote[keep].astype("int8"), "source": ORIGIN.id})
    return out.reset_index(drop=True), tally


def _issues(path: Path, rcids: pd.Series) -> pd.Series:
    frame = read_csv(path, ("rcid", "short_name"))
    rcid = numbers(frame, "rcid", path, integer=True, low=1).astype("int64")
    check_choices(frame, "short_name", ISSUES, path)
    unknown = ~rcid.isin(rcids)
    if unknown.any():
        row = first_row(unknown)
        raise DataError(f"roll call {rcid.loc[row]} is not in un_roll_calls", file=path, row=row, field="rcid")
    codes = pd.DataFrame({"rcid": rcid, "code": frame["short_name"].astype(str)}).drop_duplicates()
    return codes.sort_values(["rcid", "code"]).groupby("rcid")["code"].agg(",".join)


def _roll_calls(path: Path) -> pd.DataFrame:
    frame = read_csv(path, ("rcid", "session", "importantvote", "date", "unres", "short", "descr"))
    rcid = numbers(frame, "rcid", path, integer=True, low=1).astype("int64")
    if rcid.duplicated().any():
        row = first_row(rcid.duplicated())
        raise DataError(f"roll call {rcid.loc[row]} listed twice", file=path, row=row, field="rcid")
    session = numbers(frame, "session", path, integer=True, low=1, high=200)
    check_choices(frame, "importantvote", ("0", "1", ""), path)
    text = frame["date"].astype(str).str.strip()
    date = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    bad = date.isna() | (date.dt.year < 1945) | (date.dt.year > 2100)
    if bad.any():
        row = first_row(bad)
        raise DataError(f"not a date YYYY-MM-DD from 1945 on: {text.loc[row]!r}", file=path, row=row, field="date")
    important = frame["importantvote"].astype(str).map({"1": True, "0": False, "": None})

    def text_or_null(column: str) -> pd.Series:
        values = frame[column].astype(str).str.strip()
        return values.where(values != "", None)

    return pd.DataFrame({
        "rcid": rcid.astype("int32"), "session": session.astype("int16"), "year": date.dt.year.astype("int16"),
        "date": date.dt.date, "unres": text_or_null("unres"), "important": important.astype(object),
        "issues": None, "short": text_or_null("short"), "descr": text_or_null("descr"), "yes": 0, "abstain": 0,
        "no": 0, "source": ORIGIN.id,
    }).reset_index(drop=True)


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """un_votes (focus states, China, Russia) and un_roll_calls from the unvotes CSV files."""
    folder = ORIGIN.folder_path(data_dir)
    calls = _roll_calls(folder / "un_roll_calls.csv.gz")
    issues = _issues(folder / "un_roll_call_issues.csv.gz", calls["rcid"])
    calls["issues"] = calls["rcid"].map(issues).astype(object)
    calls["issues"] = calls["issues"].where(calls["issues"].notna(), None)
    votes, tally = _votes(folder / "un_votes.csv.gz", calls["rcid"])
    for vote in VOTES:
        calls[vote] = calls["rcid"].map(tally[vote]).fillna(0).astype("int32")
    return {"un_votes": votes, "un_roll_calls": calls}
