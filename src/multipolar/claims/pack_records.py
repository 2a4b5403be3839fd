"""Evidence from the pack's records of facts: memberships (through multipolar.memberships), organizations, summits,
the texts of SCO declarations and the UN General Assembly's roll calls and votes."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..errors import MultipolarError
from .evidence import normalise_text

# The latest day handed to multipolar.memberships, which looks one day ahead of the day it is given.
LAST_SAFE_DAY = dt.date.max - dt.timedelta(days=2)


def _safe(on):
    """A date or a year the memberships functions can take without overflowing."""
    return min(on, LAST_SAFE_DAY) if isinstance(on, dt.date) else on


class Records:
    """The records half of PackEvidence (it provides load(), has_table(), _memo() and problems)."""

    def expand(self, code: str, on: dt.date) -> list[str]:
        """A group id (CA5, WEST, SCO, EAEU, SHANGHAI_FIVE...) as ISO3 codes at a date; a country as itself."""
        from .reading.entities import FIXED_GROUPS, MEMBER_GROUPS, region_members

        if code in FIXED_GROUPS:
            return list(FIXED_GROUPS[code])
        if code == "EU27" or code.startswith("REGION:"):
            return list(region_members(code))
        if code in MEMBER_GROUPS:
            members = self.members(code, on)
            if not members and code == "SHANGHAI_FIVE":  # dissolved into the SCO: its members at its end
                frame = self.timeline(code)
                return sorted(set(frame["country"])) if not frame.empty else []
            return members
        return [code]

    def memberships_frame(self) -> pd.DataFrame | None:
        def read():
            from .. import memberships

            try:
                if self.has_table("memberships"):
                    return memberships.memberships_frame(self.load("memberships"))
                return memberships.memberships_frame()
            except MultipolarError as exc:
                self.problems.add(exc.one_line())
                return None
        return self._memo(("memberships",), read)

    def members(self, org: str, on: dt.date, roles: tuple[str, ...] = ("member",)) -> list[str]:
        from .. import memberships

        def run():
            frame = self.memberships_frame()
            if frame is None or org not in set(frame["organization"]):
                return []
            try:
                return memberships.members(org, _safe(on), roles, frame=frame)
            except MultipolarError as exc:
                self.problems.add(exc.one_line())
                return []
        return self._memo(("members", org, str(on), tuple(roles)), run)

    def timeline(self, org: str) -> pd.DataFrame:
        def read():
            frame = self.memberships_frame()
            if frame is None:
                return pd.DataFrame(columns=["organization", "country", "role", "start", "end", "citation"])
            rows = frame[frame["organization"] == org]
            return rows.sort_values(["start", "country", "role"], kind="stable").reset_index(drop=True)
        return self._memo(("timeline", org), read).copy()  # a copy: the caller may change its frame

    def status(self, country: str, org: str, on: dt.date) -> str | None:
        from .. import memberships

        def read():
            frame = self.memberships_frame()
            if frame is None or org not in set(frame["organization"]):
                return None
            return memberships.status(country, org, _safe(on), frame=frame)
        return self._memo(("status", country, org, repr(on)), read)

    def organization(self, org: str) -> dict | None:
        def read():
            frame = self.load("organizations")
            if frame.empty:
                try:
                    from ..sources.registry import read_organizations

                    frame = read_organizations()
                except (MultipolarError, ImportError, OSError):
                    return None
            rows = frame[frame["organization"] == org]
            return None if rows.empty else rows.iloc[0].to_dict()
        return self._memo(("org", org), read)

    def summits(self) -> pd.DataFrame:
        def read():
            frame = self.load("summits")
            if frame.empty:
                return frame
            frame = frame.copy()
            frame["date"] = pd.to_datetime(frame["date"]).dt.date
            return frame.sort_values("date").reset_index(drop=True)
        return self._memo(("summits",), read)

    def declaration_text(self, year: int) -> tuple[str, str] | None:
        """The held English text of the SCO declaration of a year (normalised) and its URL; None when the pack
        holds no text for that year."""
        def read():
            rows = self.load("declaration_texts", year=year)
            if rows.empty:
                return None
            return normalise_text(rows.iloc[0]["text"]), str(rows.iloc[0]["url"])
        return self._memo(("declaration", year), read)

    def declaration_document(self, year: int) -> str:
        """Which document the held text of a year is: 'declaration', or another the pack holds instead (the 2018
        summit's 'information report')."""
        rows = self.load("declaration_texts", year=year)
        if rows.empty or "document" not in rows.columns:
            return "declaration"
        return str(rows.iloc[0]["document"] or "declaration")

    def declaration_years(self) -> list[int]:
        """The years whose declaration (or summit report) text the pack holds."""
        frame = self.load("declaration_texts")
        return sorted(int(y) for y in frame["year"]) if not frame.empty else []

    def roll_calls(self) -> pd.DataFrame:
        """Every UNGA roll call (rcid, session, year, date, unres, short description)."""
        return self.load("un_roll_calls")

    def votes(self, rcid: int) -> pd.DataFrame:
        """The votes cast on one roll call (country, vote: 1 yes, 2 abstain, 3 no; absent states have no row)."""
        frame = self.load("un_votes")
        return frame[frame["rcid"] == rcid] if not frame.empty else frame

    def vote_countries(self) -> set[str]:
        """The states whose votes the pack keeps (a state not among them has no 'absent' either)."""
        def read():
            frame = self.load("un_votes")
            return set(frame["country"]) if not frame.empty else set()
        return self._memo(("vote_countries",), read)

    def records_end(self) -> dt.date | None:
        """The last date the pack's records know (memberships and summits): the default 'as of' without an article
        date, so a verdict never depends on the day the tool runs."""
        def read():
            days = []
            frame = self.memberships_frame()
            if frame is not None and not frame.empty:
                for column in ("start", "end"):
                    days += [d for d in frame[column] if isinstance(d, dt.date)]
            summits = self.summits()
            if not summits.empty:
                days += [d for d in summits["date"] if isinstance(d, dt.date)]
            return max(days) if days else None
        return self._memo(("records_end",), read)
