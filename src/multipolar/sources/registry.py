"""The curated membership registry (who belongs to which organization, from the official acts) and the SCO summits."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pandas as pd

from ..countries import AGGREGATE_CODES, is_iso3
from ..errors import DataError
from .base import Identity, Origin, check_columns, sha256

# Folder of the curated tables shipped inside the package (our own curation, not copies of shared data).
REGISTRY_DIR = Path(__file__).resolve().parent.parent / "registry"
MEMBERSHIPS_FILE = REGISTRY_DIR / "memberships.csv"
ORGANIZATIONS_FILE = REGISTRY_DIR / "organizations.csv"
# Roles a country can hold; see registry/README.md. Founding is a note on a "member" row, not a role.
ROLES = {
    "member": "full member (member state)",
    "associate": "associate member (CIS: Turkmenistan since 2005)",
    "observer": "observer state",
    "dialogue_partner": "SCO dialogue partner",
    "partner": "BRICS partner country (category created in 2024, from 1 January 2025)",
    "invited": "invited to join, acceptance not confirmed (BRICS: Saudi Arabia)",
}
# Kinds of entries in organizations.csv.
KINDS = ("organization", "body", "initiative", "bank", "treaty")
MEMBERSHIP_COLUMNS = ("organization", "country", "role", "start", "end", "citation", "note")
ORGANIZATION_COLUMNS = ("organization", "name", "kind", "founded", "parent", "dissolved", "citation", "note")
SUMMIT_COLUMNS = ("year", "date", "city", "declaration_title", "source_url", "text_file")
# Source ids written in the `source` column.
CURATED_SOURCE = "multipolar_registry"
SUMMITS_SOURCE = "sco_declarations"
# Host cities of SCO summits and their countries; a city missing here is an error, not a guess.
SUMMIT_CITIES = {
    "Shanghai": "CHN", "Beijing": "CHN", "Qingdao": "CHN", "Tianjin": "CHN",
    "St Petersburg": "RUS", "Moscow": "RUS", "Yekaterinburg": "RUS", "Ufa": "RUS",
    "Tashkent": "UZB", "Samarkand": "UZB",
    "Astana": "KAZ", "Bishkek": "KGZ", "Dushanbe": "TJK", "New Delhi": "IND",
}
# summits.csv marks rows whose title or date still need checking with this phrase.
NOT_VERIFIED = "not verified"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ORG_ID = re.compile(r"^[A-Z][A-Z0-9_]*$")
# A summit date as summits.csv writes it: one day, or a span within a month ("2009-06-15/16").
_SUMMIT_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:/(\d{2}))?$")


def _digests() -> str:
    return "; ".join(f"{p.name} sha256 {sha256(p)}" for p in (MEMBERSHIPS_FILE, ORGANIZATIONS_FILE) if p.exists())


ORIGIN = Origin(
    id=CURATED_SOURCE,
    producer="multipolar maintainers (curated from official acts)",
    title="Membership registry of the SCO, Shanghai Five, CSTO (and the 1992 Collective Security Treaty), CIS, "
          "EurAsEC, EAEU and BRICS; organizations and bodies; SCO summit list",
    urls=("https://eng.sectsco.org/", "https://eaeunion.org/", "https://en.odkb-csto.org/", "https://e-cis.info/"),
    licence="CC BY 4.0 for our curation (registry/*.csv); the acts cited are public official documents; "
            "summits.csv was compiled from published pages (sco_declarations/PROVENANCE.txt)",
    citation="multipolar maintainers, membership registry (multipolar/registry/*.csv), curated from the official acts "
             "cited on every row",
    folder="sco_declarations",
    files=("summits.csv", "*_en.txt"),
    retrieved="registry curated 2026-11; summits.csv as held in shared/data/sco_declarations",
    steps=(
        f"read the curated tables shipped in the package ({_digests()})",
        "checked every curated row: ISO3 code, role vocabulary, dates (YYYY-MM-DD), end after start, no overlapping "
        "rows for one (organization, country, role), membership within the organization's lifetime",
        "summits.csv: a multi-day date ('2009-06-15/16') becomes its last day, when the declaration is signed; host "
        "country from the host city; rows marked 'not verified' kept with verified = False",
    ),
    caveats=(
        "Intervals are half-open: a role holds from `start` (inclusive) until `end` (exclusive); end blank = still.",
        "Rows whose note says 'date to verify' carry a date taken from secondary reports of the act.",
        "The Tianjin summit (1 September 2025) merged SCO observer and dialogue partner status into 'SCO partner'; "
        "the registry still records the earlier roles.",
    ),
    identity=Identity("multipolar membership registry", role="record", trust=50),
    variants=((SUMMITS_SOURCE, Identity("SCO summits list and declaration texts", role="record", trust=50)),),
)


def _parse_date(text: str, *, file: Path, row: int, field: str, required: bool = True) -> dt.date | None:
    text = (text or "").strip()
    if not text:
        if required:
            raise DataError("date missing", file=file, row=row, field=field)
        return None
    if not _DATE.match(text):
        raise DataError(f"not a date in YYYY-MM-DD form: {text!r}", file=file, row=row, field=field)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DataError(f"not a valid date: {text!r}", file=file, row=row, field=field) from None


def _read_rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs of a curated CSV whose header must be exactly `columns`."""
    path = Path(path)
    if not path.exists():
        raise DataError("curated registry file not found", file=path)
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if tuple(reader.fieldnames or ()) != columns:
                raise DataError(f"header must be {','.join(columns)}; found {reader.fieldnames}", file=path, row=1)
            rows = []
            for row in reader:
                lineno = reader.line_num
                if None in row or any(v is None for v in row.values()):
                    raise DataError(f"row does not have the {len(columns)} fields of the header", file=path,
                                    row=lineno)
                rows.append((lineno, {k: v.strip() for k, v in row.items()}))
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8: {exc}", file=path) from exc
    return rows


def read_organizations(path: Path | str | None = None) -> pd.DataFrame:
    """The curated organizations table, checked (ids, kinds, dates, parents), with the `source` column."""
    path = Path(path) if path else ORGANIZATIONS_FILE
    records = []
    seen: dict[str, int] = {}
    for lineno, row in _read_rows(path, ORGANIZATION_COLUMNS):
        org = row["organization"]
        if not _ORG_ID.match(org):
            raise DataError(f"organization id must be upper-case letters, digits and _: {org!r}", file=path,
                            row=lineno, field="organization")
        if org in seen:
            raise DataError(f"organization {org!r} already listed on row {seen[org]}", file=path, row=lineno,
                            field="organization")
        seen[org] = lineno
        if row["kind"] not in KINDS:
            raise DataError(f"unknown kind {row['kind']!r}; valid: {', '.join(KINDS)}", file=path, row=lineno,
                            field="kind")
        founded = _parse_date(row["founded"], file=path, row=lineno, field="founded")
        dissolved = _parse_date(row["dissolved"], file=path, row=lineno, field="dissolved", required=False)
        if dissolved is not None and dissolved <= founded:
            raise DataError(f"dissolved {dissolved} is not after founded {founded}", file=path, row=lineno,
                            field="dissolved")
        for name in ("name", "citation"):
            if not row[name]:
                raise DataError("required value missing", file=path, row=lineno, field=name)
        records.append({"organization": org, "name": row["name"], "kind": row["kind"], "founded": founded,
                        "parent": row["parent"] or None, "dissolved": dissolved, "source": CURATED_SOURCE,
                        "citation": row["citation"], "note": row["note"] or None, "_row": lineno})
    for rec in records:
        if rec["parent"] is not None and rec["parent"] not in seen:
            raise DataError(f"parent {rec['parent']!r} is not an organization of this file", file=path,
                            row=rec["_row"], field="parent")
    frame = pd.DataFrame.from_records(records)
    return frame.drop(columns="_row").reset_index(drop=True)


def read_memberships(path: Path | str | None = None, organizations: pd.DataFrame | None = None) -> pd.DataFrame:
    """The curated memberships table, checked row by row, with the `source` column.

    Raises DataError naming file, row and field for: a bad or missing date, an unknown ISO3 code, an unknown role or
    organization, an end not after its start, a row outside the organization's lifetime, or two rows for the same
    (organization, country, role) whose periods overlap.
    """
    path = Path(path) if path else MEMBERSHIPS_FILE
    orgs = read_organizations() if organizations is None else organizations
    lifetime = {r.organization: (r.founded, r.dissolved if pd.notna(r.dissolved) else None)
                for r in orgs.itertuples()}
    records = []
    periods: dict[tuple[str, str, str], list[tuple[dt.date, dt.date | None, int]]] = {}
    for lineno, row in _read_rows(path, MEMBERSHIP_COLUMNS):
        org, country, role = row["organization"], row["country"], row["role"]
        if org not in lifetime:
            raise DataError(f"unknown organization {org!r}; add it to {ORGANIZATIONS_FILE.name} first", file=path,
                            row=lineno, field="organization")
        if country in AGGREGATE_CODES or not is_iso3(country):
            raise DataError(f"unknown ISO3 country code {country!r}", file=path, row=lineno, field="country")
        if role not in ROLES:
            raise DataError(f"unknown role {role!r}; valid: {', '.join(ROLES)}", file=path, row=lineno, field="role")
        start = _parse_date(row["start"], file=path, row=lineno, field="start")
        end = _parse_date(row["end"], file=path, row=lineno, field="end", required=False)
        if end is not None and end <= start:
            raise DataError(f"end {end} is not after start {start}", file=path, row=lineno, field="end")
        founded, dissolved = lifetime[org]
        if start < founded:
            raise DataError(f"start {start} is before {org} was founded ({founded})", file=path, row=lineno,
                            field="start")
        if dissolved is not None and (end is None or end > dissolved):
            raise DataError(f"{org} was dissolved on {dissolved}: end must be on or before it", file=path,
                            row=lineno, field="end")
        if not row["citation"]:
            raise DataError("every row needs the act it rests on", file=path, row=lineno, field="citation")
        for other_start, other_end, other_row in periods.get((org, country, role), []):
            if start < (other_end or dt.date.max) and other_start < (end or dt.date.max):
                raise DataError(f"period {start}..{end or 'open'} overlaps row {other_row} for the same "
                                f"({org}, {country}, {role})", file=path, row=lineno, field="start")
        periods.setdefault((org, country, role), []).append((start, end, lineno))
        records.append({"organization": org, "country": country, "role": role, "start": start, "end": end,
                        "source": CURATED_SOURCE, "citation": row["citation"], "note": row["note"] or None})
    return pd.DataFrame.from_records(records, columns=[*MEMBERSHIP_COLUMNS[:5], "source", "citation", "note"])


def _summit_date(text: str, year: int, *, file: Path, row: int) -> dt.date:
    match = _SUMMIT_DATE.match(text.strip())
    if not match:
        raise DataError(f"summit date not understood: {text!r} (use YYYY-MM-DD or YYYY-MM-DD/DD)", file=file,
                        row=row, field="date")
    y, m, d, last = match.groups()
    try:
        day = dt.date(int(y), int(m), int(last or d))
        if last and int(last) <= int(d):
            raise ValueError("span ends before it starts")
    except ValueError as exc:
        raise DataError(f"invalid summit date {text!r}: {exc}", file=file, row=row, field="date") from None
    if day.year != year:
        raise DataError(f"date {text!r} is not in year {year}", file=file, row=row, field="date")
    return day


def _check_complete(path: Path) -> None:
    """Stop unless a text file ends with a line break (every file read here does; a cut one usually does not)."""
    data = path.read_bytes()
    if not data.endswith(b"\n"):
        raise DataError("file does not end with a line break: truncated?", file=path, row=data.count(b"\n") + 1)


def read_summits(path: Path | str) -> pd.DataFrame:
    """The SCO Heads of State Council meetings from summits.csv as the `summits` table."""
    path = Path(path)
    _check_complete(path)
    rows = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            check_columns(reader.fieldnames or (), SUMMIT_COLUMNS, file=path, row=1)
            for row in reader:
                rows.append((reader.line_num, row))
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8: {exc}", file=path) from exc
    records = []
    for lineno, row in rows:
        text = (row["year"] or "").strip()
        if not text.isdigit():
            raise DataError(f"year {text!r} is not a year", file=path, row=lineno, field="year")
        year = int(text)
        day = _summit_date(row["date"] or "", year, file=path, row=lineno)
        city = (row["city"] or "").strip()
        # "Moscow (videoconference)": the host is Moscow; the remark stays in host_city.
        base = city.split("(")[0].strip()
        if base not in SUMMIT_CITIES:
            raise DataError(f"host city {city!r} has no country in SUMMIT_CITIES", file=path, row=lineno,
                            field="city")
        title = (row["declaration_title"] or "").strip()
        records.append({"year": year, "date": day, "host_city": city, "host_country": SUMMIT_CITIES[base],
                        "declaration": title or None, "url": (row["source_url"] or "").strip() or None,
                        "verified": NOT_VERIFIED not in title.lower(), "source": SUMMITS_SOURCE})
    frame = pd.DataFrame.from_records(records)
    if frame.empty:
        raise DataError("no summit rows", file=path)
    return frame


def parse(data_dir: Path) -> dict[str, pd.DataFrame]:
    """The curated memberships and organizations (shipped in the package) and the SCO summits from data_dir."""
    summits_file = ORIGIN.folder_path(data_dir) / "summits.csv"
    organizations = read_organizations()
    memberships = read_memberships(organizations=organizations)
    summits = read_summits(summits_file)
    return {"memberships": memberships, "organizations": organizations, "summits": summits,
            "declaration_texts": read_declaration_texts(summits_file)}


def read_declaration_texts(summits_file: Path) -> pd.DataFrame:
    """The declaration texts summits.csv names in its text_file column, read as strict UTF-8."""
    rows = []
    with summits_file.open(encoding="utf-8", newline="") as fh:
        for lineno, row in enumerate(csv.DictReader(fh), start=2):
            name = (row.get("text_file") or "").strip()
            if not name:
                continue
            path = summits_file.parent / name
            if not path.is_file():
                raise DataError(f"text file {name!r} named here does not exist", file=summits_file, row=lineno,
                                field="text_file")
            try:
                text = path.read_bytes().decode("utf-8")
            except UnicodeDecodeError as exc:
                raise DataError(f"not UTF-8 at byte {exc.start}", file=path) from None
            _check_complete(path)
            if len(text.strip()) < 1000:
                raise DataError(f"declaration text is only {len(text.strip())} characters: truncated?", file=path)
            # File names read YEAR_CITY_KIND_en.txt; KIND says which document the text is.
            parts = Path(name).stem.split("_")
            document = " ".join(parts[2:-1]) if len(parts) > 3 else "declaration"
            rows.append({"year": int(row["year"]), "city": row["city"].strip(), "document": document,
                         "title": row["declaration_title"].strip(), "url": row["source_url"].strip(), "text": text,
                         "source": SUMMITS_SOURCE})
    return pd.DataFrame(rows, columns=["year", "city", "document", "title", "url", "text", "source"])
