"""Correlates of War IGO memberships (v3, to 2014) of the Eurasian organizations, as the `igo_memberships` table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..countries import read_mapping
from ..errors import DataError, UnknownCountryError
from ._read import read_csv
from .base import Identity, Origin

ORIGIN = Origin(
    id="cow_igo",
    producer="Correlates of War Project (Pevehouse, Nordstrom, McManus and Jamison)",
    title="Intergovernmental Organizations (IGO) dataset, version 3.0 (igo_year_format3), Eurasian selection",
    urls=("https://correlatesofwar.org/data-sets/igos/", "https://github.com/dieghernan/igoR"),
    licence="COW data free for use with citation; the copy comes from the igoR R package (GPL >= 3)",
    citation="Pevehouse, J.C.W., Nordstrom, T., McManus, R.W. and Jamison, A.S. (2020), 'Tracking organizations in "
             "the world: the Correlates of War IGO Version 3.0 datasets', Journal of Peace Research 57(3): 492-503.",
    folder="cow_igo",
    files=("igo_eurasia_selected_long.csv.gz",),
    retrieved="igoR v1.0.3, commit c9936cac3f0fc117520e89f9a232e62dde1ce3e9 (data/igo_year_format3.rda), put in "
              "long form for 8 organizations (cow_igo/PROVENANCE.txt)",
    steps=(
        "dropped the IGO-level attribute rows that the wide-to-long step left in the `state` column (ionum, sdate, "
        "version, longorgname, ...)",
        "COW status codes to words: 0 none, 1 full, 2 associate, 3 observer, -9 missing, -1 not_in_system",
        "dropped 'none' and 'not_in_system' rows (about 26,000 of 27,400): absence of a row means no membership",
        "COW state labels (e.g. 'kyrgyzstan', 'uae', 'yugoslaviaserb') to ISO3 with mappings/cow_igo.csv, which "
        "lists every label (dead states with an empty code)",
        "COW IGO abbreviations to our organization ids (EAEC = Eurasian Economic Community, CAECC = Central Asian "
        "Cooperation Organization)",
    ),
    caveats=(
        "COW's SCO entry starts in 1996: it codes the Shanghai Five as the SCO.",
        "COW codes no SCO observers (India, Pakistan, Iran, Mongolia are 0 in 2014): observer status is not reliable.",
        "Ends in 2014: no EAEU and no SCO accession after 2014.",
    ),
    identity=Identity("Correlates of War IGO memberships", role="record", trust=50),
)

# COW IGO abbreviations (ioname) → organization ids used in the registry and the memberships table.
ORGANIZATIONS = {"SCO": "SCO", "CSTO": "CSTO", "CIS": "CIS", "EAEC": "EAEC", "CAECC": "CAECC", "CICA": "CICA",
                 "ECO": "ECO", "EAPO": "EAPO"}
# COW membership status codes.
STATUS = {0: "none", 1: "full", 2: "associate", 3: "observer", -9: "missing", -1: "not_in_system"}
# Statuses dropped to keep the table small: a missing row means "not a member" (COW coded 0 or not a state then).
DROPPED = ("none", "not_in_system")
# Columns of igo_year_format3 that describe the IGO, not a state; the long form carries them as `state` values.
IGO_ATTRIBUTES = frozenset({
    "accuracyofpre1965membershipdates", "dead", "deaddate", "economic", "imputed", "integrated", "ionum",
    "longorgname", "political", "replaced", "sdate", "social", "sourcesandnotes", "version",
})
COLUMNS = ("ioname", "orgname", "year", "state", "status")


def _code(text: str, *, file: Path, row: int, field: str) -> int:
    """A COW numeric cell ('1.0', '2', '-9.0') as an int; an error for anything else (blank, 2.5, text)."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise DataError(f"not a number: {text!r}", file=file, row=row, field=field) from None
    if not value.is_integer():
        raise DataError(f"not a whole number: {text!r}", file=file, row=row, field=field)
    return int(value)


def read_igo(path: Path | str) -> pd.DataFrame:
    """The long COW IGO file as igo_memberships rows (organization, country, year, status, source)."""
    path = Path(path)
    # The strict reader: UTF-8, regular rows, a final line break (a cut file stops naming its line), index = line.
    raw = read_csv(path, COLUMNS).astype(str)
    raw = raw[~raw["state"].isin(IGO_ATTRIBUTES)]
    unknown_orgs = sorted(set(raw["ioname"]) - set(ORGANIZATIONS))
    if unknown_orgs:
        first = int(raw.index[raw["ioname"].isin(unknown_orgs)][0])
        raise DataError(f"COW IGO {unknown_orgs} has no organization id in ORGANIZATIONS", file=path, row=first,
                        field="ioname")
    mapping = read_mapping("cow_igo")
    unknown = sorted(set(raw["state"]) - set(mapping))
    if unknown:
        # Every COW label is listed in the mapping file, so a new one is reported rather than guessed.
        raise UnknownCountryError(unknown, file=path, field="state")
    records = []
    for line, row in zip(raw.index, raw.itertuples(index=False)):
        code = _code(row.status, file=path, row=line, field="status")
        if code not in STATUS:
            raise DataError(f"unknown COW status code {code}; valid: {sorted(STATUS)}", file=path, row=line,
                            field="status")
        status = STATUS[code]
        if status in DROPPED:
            continue
        country = mapping[row.state] or None
        if country is None:
            raise DataError(f"state {row.state!r} has no ISO3 code (mappings/cow_igo.csv) but a status "
                            f"{status!r}: give it a code rather than drop it", file=path, row=line, field="state")
        records.append({"organization": ORGANIZATIONS[row.ioname], "country": country,
                        "year": _code(row.year, file=path, row=line, field="year"), "status": status,
                        "source": ORIGIN.id, "_line": line})
    frame = pd.DataFrame.from_records(records, columns=["organization", "country", "year", "status", "source",
                                                        "_line"])
    dup = frame.duplicated(["organization", "country", "year"], keep=False)
    if dup.any():
        first = frame[dup].iloc[0]
        raise DataError(f"two COW labels give {first.country} a status in {first.organization} {first.year} "
                        f"(lines {frame.loc[dup, '_line'].head(4).tolist()})", file=path, row=int(first._line),
                        field="state")
    frame["year"] = frame["year"].astype("int16")
    frame = frame.drop(columns="_line").sort_values(["organization", "country", "year"], kind="stable")
    return frame.reset_index(drop=True)


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """igo_memberships from the COW IGO extract under data_dir/cow_igo."""
    (path,) = ORIGIN.input_files(data_dir)
    return {"igo_memberships": read_igo(path)}
