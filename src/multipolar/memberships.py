"""Who belonged to which organization when: members, a country's status, timelines and named groups of states."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import pandas as pd

from .countries import CENTRAL_ASIA
from .errors import DataError, UsageError, invalid_choice

__all__ = ["members", "status", "timeline", "resolve_group", "memberships_frame", "GROUPS"]

# Names articles use for groups of states → (organization, roles) resolved at a date, or a fixed tuple of ISO3 codes.
# Keys are normalised: lower case, single spaces, no leading "the", no trailing "members"/"member states".
GROUPS: dict[str, tuple[str, tuple[str, ...]] | tuple[str, ...]] = {
    "sco": ("SCO", ("member",)),
    "shanghai cooperation organisation": ("SCO", ("member",)),
    "shanghai cooperation organization": ("SCO", ("member",)),
    "sco observers": ("SCO", ("observer",)),
    "sco dialogue partners": ("SCO", ("dialogue_partner",)),
    "shanghai five": ("SHANGHAI_FIVE", ("member",)),
    "five central asian states": CENTRAL_ASIA,
    "five central asian countries": CENTRAL_ASIA,
    "five central asian republics": CENTRAL_ASIA,
    "central asian states": CENTRAL_ASIA,
    "central asian countries": CENTRAL_ASIA,
    "central asia": CENTRAL_ASIA,
    "eaeu": ("EAEU", ("member",)),
    "eurasian economic union": ("EAEU", ("member",)),
    "eaeu observers": ("EAEU", ("observer",)),
    "eurasec": ("EAEC", ("member",)),
    "eurasian economic community": ("EAEC", ("member",)),
    "csto": ("CSTO", ("member",)),
    "collective security treaty organization": ("CSTO", ("member",)),
    "cis": ("CIS", ("member", "associate")),
    "commonwealth of independent states": ("CIS", ("member", "associate")),
    "brics": ("BRICS", ("member",)),
    "brics partners": ("BRICS", ("partner",)),
    "brics partner countries": ("BRICS", ("partner",)),
}
_SUFFIX = re.compile(r"\s+(member states|member countries|members|states parties|countries|states)$")


def memberships_frame(frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """The memberships table with `start`/`end` as dates: the frame given, else the pack's, else the curated registry.

    The pack's table is built from the same curated files, so before any pack exists the registry shipped in the
    package (multipolar/registry/memberships.csv) answers the same questions.
    """
    if frame is None:
        from .store import load

        try:
            frame = load("memberships")
        except (DataError, UsageError):  # no pack, or a pack without the table
            from .sources.registry import read_memberships

            frame = read_memberships()
    missing = [c for c in ("organization", "country", "role", "start", "end") if c not in frame.columns]
    if missing:
        raise DataError(f"memberships frame lacks columns {missing}")
    frame = frame.copy()
    frame["start"] = pd.to_datetime(frame["start"]).dt.date
    frame["end"] = [None if pd.isna(v) else v for v in pd.to_datetime(frame["end"]).dt.date]
    return frame


def _span(on) -> tuple[dt.date, dt.date]:
    """The period [first, last] that `on` stands for: a day, or a whole calendar year for an int or 'YYYY'. Dates and
    years are checked by multipolar.dates, whose range keeps every comparison far from datetime's limits."""
    from .dates import check_year, parse_as_of

    if on is None:
        day = dt.date.today()
        return day, day
    if isinstance(on, bool):
        raise UsageError(f"invalid date {on!r}; use a date, 'YYYY-MM-DD' or a year")
    if isinstance(on, int) or (isinstance(on, str) and re.fullmatch(r"\d{1,4}", on.strip())):
        year = check_year(on)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if isinstance(on, pd.Timestamp):
        on = on.to_pydatetime()
    day = parse_as_of(on)
    return day, day


def _active(frame: pd.DataFrame, on) -> pd.Series:
    """Rows whose [start, end) period overlaps the day or year `on` stands for."""
    first, last = _span(on)  # inclusive: no date arithmetic, so no date can overflow
    ends = frame["end"].map(lambda e: dt.date.max if e is None else e)
    return (frame["start"] <= last) & (ends > first)


def _check_org(frame: pd.DataFrame, organization: str) -> None:
    known = set(frame["organization"])
    if organization not in known:
        raise invalid_choice("organization", organization, known)


def _check_roles(roles: Iterable[str]) -> tuple[str, ...]:
    from .sources.registry import ROLES

    roles = (roles,) if isinstance(roles, str) else tuple(roles)
    for role in roles:
        if role not in ROLES:
            raise invalid_choice("role", role, ROLES)
    return roles


def members(organization: str, on=None, roles: Iterable[str] = ("member",), *,
            frame: pd.DataFrame | None = None) -> list[str]:
    """ISO3 codes (sorted) holding one of `roles` in `organization` on a date, or at any time in a year.

    on: a date, 'YYYY-MM-DD', a year (int or 'YYYY': anyone who held the role during that year counts) or None
    (today). Periods are half-open: a country that joins on D is a member on D; one whose role ends on D is not.
    """
    frame = memberships_frame(frame)
    _check_org(frame, organization)
    roles = _check_roles(roles)
    rows = frame[(frame["organization"] == organization) & frame["role"].isin(roles)]
    rows = rows[_active(rows, on)]
    return sorted(set(rows["country"]))


def status(country: str, organization: str, on=None, *, frame: pd.DataFrame | None = None) -> str | None:
    """The role `country` held in `organization` on a date (or during a year: the latest role that year); None if none.

    A role that ends on a day D is not held on D, so on the day of a change the new role is returned.
    """
    frame = memberships_frame(frame)
    _check_org(frame, organization)
    rows = frame[(frame["organization"] == organization) & (frame["country"] == country)]
    rows = rows[_active(rows, on)]
    if rows.empty:
        return None
    return str(rows.sort_values("start", kind="stable")["role"].iloc[-1])


def timeline(organization: str, *, frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every row of `organization` in order of start: country, role, start, end (None = still), citation and note."""
    frame = memberships_frame(frame)
    _check_org(frame, organization)
    rows = frame[frame["organization"] == organization]
    columns = [c for c in ("organization", "country", "role", "start", "end", "citation", "note", "source")
               if c in rows.columns]
    return rows.sort_values(["start", "country", "role"], kind="stable")[columns].reset_index(drop=True)


def _normalise(name: str) -> str:
    text = re.sub(r"\s+", " ", str(name).strip().lower().replace("’", "'"))
    text = re.sub(r"^the ", "", text)
    if text not in GROUPS:
        text = _SUFFIX.sub("", text)
        text = re.sub(r"^(members|member states) of (the )?", "", text)
    return text


def resolve_group(name: str, on=None, *, frame: pd.DataFrame | None = None) -> list[str]:
    """ISO3 codes of a group named in an article ("SCO members", "the five Central Asian states", "Shanghai Five",
    "EAEU members", "CSTO", "BRICS", ...) at a date or during a year (see members()).

    "Shanghai Five" always gives its five parties (the name denotes that fixed set even after the group became the
    SCO in 2001); "the five Central Asian states" is the fixed set countries.CENTRAL_ASIA. Unknown names raise a
    UsageError listing the known ones.
    """
    key = _normalise(name)
    if key not in GROUPS:
        raise invalid_choice("group", name, GROUPS)
    target = GROUPS[key]
    if isinstance(target[1], tuple):
        organization, roles = target
        if organization == "SHANGHAI_FIVE":
            memberships = memberships_frame(frame)
            rows = memberships[(memberships["organization"] == organization) & memberships["role"].isin(roles)]
            return sorted(set(rows["country"]))
        return members(organization, on, roles, frame=frame)
    return sorted(target)
