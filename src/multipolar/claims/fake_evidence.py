"""A fake Evidence over small tables a test writes, so each claim kind is unit-tested without a data pack.

    ev = FakeEvidence(trade={("KAZ", "CHN", "turnover", "national_kz"): {2022: 24.2e9, 2023: 31.5e9}},
                      memberships=[{"organization": "SCO", "country": "IRN", "role": "member",
                                    "start": "2023-07-04"}])

trade keys are (country, partner, flow, source): the country's own figures in that source; trade_series() also
returns them seen from the partner's side as a mirror, as the pack's views do. Euro figures: a source whose id
starts with 'eurostat'. Every other argument is a list of rows with the columns of the pack's table or indicator.
"""

from __future__ import annotations

import contextlib
import datetime as dt

import pandas as pd

from .evidence import FLIP, Series
from .model import Call
from .judging.sources import PRESS_TRUST, identity, source_trust
from .pack_records import Records


class FakeEvidence(Records):
    """Evidence from in-memory tables (see the module docstring)."""

    def __init__(self, *, trade=None, press=None, shares=None, ranks=None, monthly=None, arms=None, un=None,
                 roll_calls=None, votes=None, finance=None, memberships=None, organizations=None, summits=None,
                 declarations=None, crossover=None, estimates=None, quality=None, macro=None, arms_exports=None,
                 alliances=None, finance_all=None, monthly_partners=None, rerouting=None, headline=None,
                 arms_world=None):
        self.trade = dict(trade or {})
        self.press = dict(press or {})            # (country, partner, flow, reporter label) → {year: value}
        self.shares = dict(shares or {})          # (country, partner, flow, source) → {year: (share, pv, total)}
        self.monthly = dict(monthly or {})        # (country, partner, flow, source) → {(year, month): value}
        self.estimates = dict(estimates or {})    # (country, partner, flow, source) → {years}
        self.quality = dict(quality or {})        # (country, partner, flow, source) → {year: "flags"}
        self.tables = {"ranks": ranks, "arms": arms, "arms_exports": arms_exports, "arms_world": arms_world,
                       "alliances": alliances,
                       "monthly_partners": monthly_partners,
                       "finance_all": finance_all, "un_agreement": un, "un_roll_calls": roll_calls,
                       "un_votes": votes, "finance": finance, "memberships": memberships,
                       "organizations": organizations, "summits": summits, "crossover": crossover, "macro": macro,
                       "rerouting_growth": rerouting,
                       "headline_figures": headline,  # rows of the pack's headline_figures (fiscal years kept)
                       "declaration_texts": [{"year": y, "text": t, "url": u} for y, (t, u) in
                                             (declarations or {}).items()]}
        self._cache: dict = {}

    # --- what Records needs ----------------------------------------------------------------------------------------

    @property
    def problems(self) -> set[str]:
        return self._cache.setdefault(("problems",), set())

    def _memo(self, key, func):
        if key not in self._cache:
            self._cache[key] = func()
        return self._cache[key]

    def has_table(self, table: str) -> bool:
        return bool(self.tables.get(table))

    def load(self, table: str, **filters) -> pd.DataFrame:
        frame = pd.DataFrame(self.tables.get(table) or [])
        if frame.empty:
            return frame
        for column in ("start", "end", "date", "founded"):
            if column in frame.columns:
                frame[column] = [None if v is None or (isinstance(v, float) and pd.isna(v)) else
                                 (dt.date.fromisoformat(v) if isinstance(v, str) else v) for v in frame[column]]
        if "year" in filters and filters["year"] is not None and "year" in frame.columns:
            frame = frame[frame["year"] == int(filters["year"])]
        return frame.reset_index(drop=True)

    def batch(self):
        return contextlib.nullcontext()

    # --- trade -----------------------------------------------------------------------------------------------------

    def _series(self, key, kind: str, country: str, partner: str, flow: str) -> Series:
        source = key[3]
        ident = identity(source)
        unit = "EUR" if source.startswith("eurostat") else "USD"
        if kind == "own":
            reporter = ident.reporter if ident and ident.reporter else key[0]
            label, src = (ident.label if ident else source), source
        else:
            reporter = ident.reporter if ident and ident.reporter else key[0]
            label, src = f"{ident.label if ident else source}, {reporter}'s side (mirror)", f"mirror:{source}"
        s = Series(src, label, reporter, country, partner, flow, kind, trust=ident.trust if ident else 99, unit=unit)
        s.values = dict(self.trade[key])
        s.estimates = set(self.estimates.get(key, ()))
        s.quality = dict(self.quality.get(key, {}))
        s.query = (key[0], key[1], key[2], source)
        s.call = Call.indicator("trade_value", country=key[0], partner=key[1], flow=key[2], source=source)
        return s

    def trade_series(self, country, partner, flow) -> list[Series]:
        out = []
        for key in self.trade:
            if key[:3] == (country, partner, flow):
                out.append(self._series(key, "own", country, partner, flow))
            elif key[:3] == (partner, country, FLIP[flow]):
                out.append(self._series(key, "mirror", country, partner, flow))
        return out + self.press_series(country, partner, flow)

    def press_series(self, country, partner, flow) -> list[Series]:
        out = []
        for (a, b, f, reporter), values in self.press.items():
            if (a, b, f) == (country, partner, flow):
                from .pack_evidence import press_reporter

                s = Series(f"press:{reporter}", f"{reporter}, as reported in the press", press_reporter(reporter),
                           country, partner, flow, "press", trust=PRESS_TRUST)
                s.values = dict(values)
                s.call = Call.load("headline_figures", country=country, partner=partner)
                out.append(s)
        return out

    def growth(self, series, base, year):
        if base not in series.values or year not in series.values or series.values[base] <= 0:
            return None
        return series.values[year] / series.values[base]

    def share_series(self, country, partner, flow) -> list[Series]:
        out = []
        for key, values in self.shares.items():
            if key[:3] != (country, partner, flow):
                continue
            source = key[3]
            kind = "mirror" if source.startswith("mirror:") else "own"
            ident = identity(source.split(":", 1)[-1])
            s = Series(source, ident.label if ident else source, (ident.reporter or country) if ident else country,
                       country, partner, flow, kind, trust=source_trust(source), unit="share")
            for year, (share, pv, total) in values.items():
                s.values[year] = share
                s.extra[year] = {"partner_value": pv, "total_value": total}
            s.call = Call.indicator("trade_share", country=country, partner=partner, flow=flow, source=source)
            out.append(s)
        return out

    def ranks(self, country, flow) -> pd.DataFrame:
        frame = pd.DataFrame(self.tables.get("ranks") or [])
        if frame.empty:
            return frame
        return frame[(frame["country"] == country) & (frame["flow"] == flow)].reset_index(drop=True)

    def monthly_series(self, country, partner, flow) -> list[Series]:
        out = []
        for key, values in self.monthly.items():
            if key[:3] == (country, partner, flow):
                ident = identity(key[3])
                s = Series(key[3], ident.label if ident else key[3], country, country, partner, flow, "own",
                           trust=ident.trust if ident else 60, unit="EUR" if key[3].startswith("eurostat") else "USD")
                s.values = dict(values)
                s.call = Call.load("trade_monthly", country=country, partner=partner, source=key[3])
                out.append(s)
        return out

    def crossover(self, countries, dimension) -> pd.DataFrame:
        frame = pd.DataFrame(self.tables.get("crossover") or [])
        if frame.empty:
            return frame
        return frame[frame["country"].isin(countries) & (frame["dimension"] == dimension)].reset_index(drop=True)

    # --- security, diplomacy, finance ----------------------------------------------------------------------------

    def _rows(self, table: str, **equal) -> pd.DataFrame:
        frame = pd.DataFrame(self.tables.get(table) or [])
        for column, value in equal.items():
            if value is not None and not frame.empty:
                frame = frame[frame[column] == value]
        return frame.reset_index(drop=True)

    def rerouting_growth(self, products) -> pd.DataFrame:
        return self._rows("rerouting_growth", products=products)

    def arms(self, country, window) -> pd.DataFrame:
        return self._rows("arms", country=country, window=window)

    def arms_exports(self, supplier, window) -> pd.DataFrame:
        return self._rows("arms_exports", country=supplier, window=window)

    def arms_world(self, side, window) -> pd.DataFrame:
        """Rows {side, country, year, source, partner_value, total_value, window, window_years} given as
        `arms_world` (none: a pack keeping SIPRI's register for its own states only)."""
        return self._rows("arms_world", side=side, window=window)

    def monthly_partners(self, country, flow) -> pd.DataFrame:
        """Rows {country, flow, source, partner, year, month, value} the test gives as `monthly_partners`."""
        frame = self._rows("monthly_partners", country=country, flow=flow)
        return frame.drop(columns=[c for c in ("country", "flow") if c in frame.columns])

    def alliances(self, country) -> pd.DataFrame:
        return self._rows("alliances", country=country)

    def un_agreement(self, country) -> pd.DataFrame:
        return self._rows("un_agreement", country=country)

    def finance(self, country, amount, flow_class=None) -> pd.DataFrame:
        return self._finance("finance", country, amount, flow_class)

    def finance_all(self, amount, flow_class=None) -> pd.DataFrame:
        """Every recipient: the 'finance_all' rows when the test gives them, else its 'finance' rows."""
        return self._finance("finance_all" if self.tables.get("finance_all") else "finance", None, amount, flow_class)

    def _finance(self, table, country, amount, flow_class) -> pd.DataFrame:
        frame = self._rows(table, country=country)
        if not frame.empty and "amount" in frame.columns:
            frame = frame[frame["amount"] == amount].reset_index(drop=True)
        if not frame.empty and flow_class:
            frame = frame[frame.get("flow_class", pd.Series(dtype=str)) == flow_class].reset_index(drop=True)
        return frame

    def macro(self, country) -> pd.DataFrame:
        return self._rows("macro", country=country)

    def roll_calls(self) -> pd.DataFrame:
        return self._rows("un_roll_calls")

    def votes(self, rcid) -> pd.DataFrame:
        return self._rows("un_votes", rcid=rcid)
