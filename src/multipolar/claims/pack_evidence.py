"""Evidence from the data pack: the indicators (through multipolar.indicators.compute), the pack's tables (through
store.load: press figures, monthly trade, roll calls, summits, declaration texts) and the
memberships registry; the euro figures of the EU and its members are in pack_euro. Nothing here decides a verdict; each source's label, reporter and trust come from its ORIGIN."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pandas as pd

from ..errors import MultipolarError
from .evidence import FLIP, Series
from .model import Call
from .pack_dimensions import Dimensions
from .pack_euro import EuroFigures
from .pack_records import Records
from .judging.sources import PRESS_TRUST, identity, source_label, source_trust  # noqa: F401  (re-exported)
from .reading.entities import name

# Words in a headline figure's reporter_source → the state whose figure it is (the press table names reporters in
# free text: "GACC via Xinhua", "Russian government (Manturov)").
PRESS_REPORTERS = [
    (r"GACC|China|Chinese|MOFCOM", "CHN"),
    (r"Russia|Russian|FCS|Kremlin|Manturov|Putin|RIA|Galuzin|Volynkin", "RUS"),
    (r"Kazakh", "KAZ"), (r"Kyrgyz", "KGZ"), (r"Uzbek", "UZB"), (r"Tajik", "TJK"), (r"Turkmen", "TKM"),
    (r"India", "IND"), (r"Belarus", "BLR"), (r"Central Asian", "CA5"),
]
# Labels a headline figure may give a group of countries (country_a / country_b), → our group id.
PRESS_GROUPS = {"Central Asia (5)": "CA5", "CA5": "CA5", "C5": "CA5"}
# Headline-figure flow labels → (flow from country_a's side).
PRESS_FLOWS = {"total": "turnover", "turnover": "turnover", "exports_a_to_b": "export", "export": "export",
               "imports_a_from_b": "import", "import": "import"}


# One state's customs or statistics office, whichever outlet reported its figure, is one statistic: "GACC (China
# customs)", "GACC via Xinhua" and "China MOFCOM (customs basis)" are China's customs figures; "Uzbekistan statistics"
# and "Uzbekistan Statistics Agency" its statistics office. Officials' and other calculations stay apart.
CUSTOMS = re.compile(r"\bGACC\b|\bFCS\b|customs", re.IGNORECASE)
STATISTICS = re.compile(r"statistic(?:s|al)\b", re.IGNORECASE)
APPROX = re.compile(r"approx", re.IGNORECASE)


INDIRECT = re.compile(r"\bvia\b|\bper\b|approx|basis|\bcalc", re.IGNORECASE)


def press_family(reporter_source: str) -> str:
    """The series key of a headline figure's reporter: the state's customs or statistics office as one series
    across outlets ('CHN customs'), anything else (officials, calculations) as written."""
    code = press_reporter(reporter_source)
    if code and not re.search(r"\bcalc", reporter_source, re.IGNORECASE):
        if CUSTOMS.search(reporter_source):
            return f"{code} customs"
        if STATISTICS.search(reporter_source):
            return f"{code} statistics"
    return reporter_source


def press_reporter(reporter_source: str) -> str | None:
    """The state whose official figure a headline row carries (GACC → CHN, 'Russian government' → RUS, ...)."""
    for pattern, code in PRESS_REPORTERS:
        if re.search(pattern, reporter_source):
            return code
    return None


def _columns(frame: pd.DataFrame, *required: str, **optional):
    """The rows of some columns of frame as tuples, in the order named: the required columns, then the optional ones
    (a default on every row where frame lacks the column). The values are those `itertuples` gives (it iterates each
    column's Series too), without iterating the other columns or making a namedtuple class per call."""
    columns = [frame[c] for c in required]
    columns += [frame[c] if c in frame.columns else itertools.repeat(d, len(frame)) for c, d in optional.items()]
    return zip(*columns)


class PackEvidence(Records, Dimensions, EuroFigures):
    """The checker's window on a data pack (pack=None: $MULTIPOLAR_PACK_DIR or the shipped pack)."""

    def __init__(self, pack: str | Path | None = None):
        self.pack = pack
        self._cache: dict = {}

    # --- generic ---------------------------------------------------------------------------------------------------

    def batch(self):
        """A block in which many claims are checked. Not the indicators' batch: that materialises every shared table
        whole at its first use (the trade shares of every country: ~2 s of a cold check that needs three countries),
        while a claim's query is one country's rows, computed by a filter pushed down to the scan and kept in the
        indicator cache; a shared table used again is materialised then anyway (the indicators' "reused" policy)."""
        import contextlib

        return contextlib.nullcontext()

    def _memo(self, key, func):
        if key not in self._cache:
            self._cache[key] = func()
        return self._cache[key]

    @property
    def problems(self) -> set[str]:
        return self._cache.setdefault(("problems",), set())

    def pack_countries(self) -> set[str] | None:
        def read():
            try:
                from ..store import read_manifest

                countries = read_manifest(self.pack).get("pack_countries")
            except (MultipolarError, OSError, ValueError):
                return None
            return set(countries) if countries else None
        return self._memo(("pack_countries",), read)

    def has_table(self, table: str) -> bool:
        def read():
            try:
                from ..store import table_names

                return table in table_names(self.pack)
            except (MultipolarError, OSError, ValueError):
                return False
        return self._memo(("has", table), read)

    def load(self, table: str, **filters) -> pd.DataFrame:
        """store.load(table, **filters), or an empty frame (the problem noted) when the pack cannot answer."""
        key = ("load", table, tuple(sorted((k, _hashable(v)) for k, v in filters.items())))

        def run():
            if not self.has_table(table):
                return pd.DataFrame()
            try:
                from ..store import load

                return load(table, pack=self.pack, **filters)
            except MultipolarError as exc:
                self.problems.add(exc.one_line())
                return pd.DataFrame()
        return self._memo(key, run)

    def indicator(self, indicator: str, **filters) -> pd.DataFrame:
        """indicators.compute(indicator, **filters), or an empty frame (the problem noted)."""
        key = ("ind", indicator, tuple(sorted((k, _hashable(v)) for k, v in filters.items())))

        def run():
            from ..indicators import compute

            try:
                return compute(indicator, pack=self.pack, **filters)
            except MultipolarError as exc:
                self.problems.add(exc.one_line())
                return pd.DataFrame()
        return self._memo(key, run)

    # --- trade -----------------------------------------------------------------------------------------------------

    def trade_series(self, country: str, partner: str, flow: str) -> list[Series]:
        """Every source's yearly values of country's flow with partner: the indicators' own, mirror and reconciled
        views (asked from the partner's side when only the partner is a pack country), Eurostat's own euro figures
        for the EU, and the press figures."""
        return self._memo(("trade", country, partner, flow), lambda: self._trade_series(country, partner, flow))

    def _trade_series(self, country, partner, flow) -> list[Series]:
        out: list[Series] = []
        countries = self.pack_countries()
        if countries is None or country in countries:
            frame = self.indicator("trade_value", country=country, partner=partner, flow=flow)
            out += self._series_from(frame, country, partner, flow, flipped=False)
        elif partner in countries:
            frame = self.indicator("trade_value", country=partner, partner=country, flow=FLIP[flow])
            out += self._series_from(frame, country, partner, flow, flipped=True)
        out += self.eurostat_series(country, partner, flow)
        out += self.press_series(country, partner, flow)
        return out

    def _series_from(self, frame: pd.DataFrame, country, partner, flow, *, flipped: bool) -> list[Series]:
        out = []
        if frame.empty:
            return out
        for source, rows in frame.groupby("source", sort=True):
            source = str(source)
            if flipped and source == "reconciled":
                continue
            raw = source.split(":", 1)[1] if source.startswith("mirror:") else source
            ident = identity(raw)
            mirror = source.startswith("mirror:") != flipped
            if source == "reconciled":
                kind, reporter = "reconciled", None
            elif mirror:
                kind, reporter = "mirror", (ident.reporter if ident and ident.reporter else partner)
            else:
                kind, reporter = "own", (ident.reporter if ident and ident.reporter else country)
            label = ident.label if ident else raw
            if kind == "mirror":
                label = f"{label}, {name(reporter)}'s side (mirror)"
            src_label = (raw if source.startswith("mirror:") else f"mirror:{raw}") if flipped else source
            s = Series(src_label, label, reporter, country, partner, flow, kind,
                       trust=ident.trust if ident else 99)
            s.query = (partner, country, FLIP[flow], source) if flipped else (country, partner, flow, source)
            s.call = Call.indicator("trade_value", country=s.query[0], partner=s.query[1], flow=s.query[2],
                                    source=source)
            for year, value, estimate, months, basis, quality in _columns(
                    rows, "year", "value", is_estimate=False, months=12, basis=None, quality=None):
                year = int(year)
                s.values[year] = float(value)
                if bool(estimate):
                    s.estimates.add(year)
                if months is not None and not pd.isna(months) and int(months) < 12:
                    s.months[year] = int(months)
                if source == "reconciled" and isinstance(basis, str):
                    s.notes[year] = f"reconciled from {basis}"
                if isinstance(quality, str) and quality:
                    s.quality[year] = quality
            out.append(s)
        return out

    def monthly_series(self, country: str, partner: str, flow: str) -> list[Series]:
        """Monthly figures of country's flow with partner (trade_monthly: Russian customs, Eurostat summed over the
        EU member states, Armenia, Georgia), values keyed (year, month), in the unit each source publishes."""
        return self._memo(("monthly", country, partner, flow), lambda: self._monthly(country, partner, flow))

    def _monthly(self, country, partner, flow) -> list[Series]:
        if not self.has_table("trade_monthly"):
            return []
        flows = ("export", "import") if flow == "turnover" else (flow,)
        out = []
        if country == "EUU":
            frame = self.load("trade_monthly", partner=partner, source="eurostat_comext")
            frame = frame[frame["reporter"] != "EUU"] if not frame.empty else frame
            value, unit, reporter = "value_published", "EUR", "EUU"
        else:
            frame = self.load("trade_monthly", country=country, partner=partner)
            value, unit, reporter = "value_usd", "USD", country
        if frame.empty:
            return out
        for source, rows in frame.groupby("source", sort=True):
            col, cur = _monthly_value(rows, value, unit)
            rows = rows[rows["flow"].isin(flows) & rows[col].notna()]
            if rows.empty:
                continue
            per = rows.groupby(["period", "flow"])[col].sum().unstack("flow")
            if any(f not in per.columns for f in flows):
                continue
            per = per[list(flows)].dropna()
            ident = identity(str(source))
            label = ident.label if ident else str(source)
            if country == "EUU":
                label = f"{label} (EU member states summed)"
            s = Series(str(source), label, reporter, country, partner, flow, "own",
                       trust=ident.trust if ident else 60, unit=cur)
            for period, row in per.iterrows():
                year, month = int(str(period)[:4]), int(str(period)[5:7])
                s.values[(year, month)] = float(row.sum())
            s.call = Call.load("trade_monthly", country=None if country == "EUU" else country, partner=partner,
                               source=str(source))
            out.append(s)
        return out

    def press_series(self, country: str, partner: str, flow: str) -> list[Series]:
        """Official figures as the press reported them (headline_figures), one series per reporter_source, seen
        from country's side (a row China→Kazakhstan exports is Kazakhstan's imports from China)."""
        frame = self.load("headline_figures")
        if frame.empty:
            return []
        series: dict[str, Series] = {}
        for row in frame.itertuples(index=False):
            a = PRESS_GROUPS.get(row.country_a, row.country_a)
            b = PRESS_GROUPS.get(row.country_b, row.country_b)
            f = PRESS_FLOWS.get(str(row.flow))
            if f is None or not re.fullmatch(r"\d{4}", str(row.period)):
                continue  # fiscal years ('2022-23') are not calendar years: never compared with them
            if (a, b) == (country, partner):
                own_flow = f
            elif (a, b) == (partner, country):
                own_flow = FLIP[f]
            else:
                continue
            if own_flow != flow:
                continue
            rs = str(row.reporter_source)
            key = press_family(rs)
            s = series.setdefault(key, Series(f"press:{key}", f"{rs}, as reported in the press", press_reporter(rs),
                                              country, partner, flow, "press", trust=PRESS_TRUST))
            if INDIRECT.search(s.label) and not INDIRECT.search(rs):  # the family named by its plainest source
                s.label = f"{rs}, as reported in the press"
            s.call = Call.load("headline_figures", country=row.country_a, partner=row.country_b)
            year = int(row.period)
            if year in s.values and not (APPROX.search(s.notes.get(year, "")) and not APPROX.search(rs)):
                continue  # a year's first figure stays, unless it was approximate and this one is not
            s.values[year] = float(row.value_usd)
            s.urls[year] = str(row.url)
            s.notes[year] = rs if key != rs else s.notes.get(year, "")
            note = getattr(row, "unit_note", None)
            if bool(getattr(row, "is_derived", False)):
                s.notes[year] = f"derived on the page ({note})" if isinstance(note, str) else "derived"
                s.estimates.add(year)
        return list(series.values())

    def growth(self, series: Series, base: int, year: int) -> float | None:
        """end/base of a series' own two figures. For an indicator view this is trade_growth's value without
        computing it: trade_growth divides the same view's trade_value figures (end_value / base_value, a row only
        when base_value > 0 and both years share a basis) and, where it has no row, the ratio of the two figures
        was taken anyway. (Computing trade_growth for each pair of years cost a long text ~0.05 s per pair and
        filled the indicator cache with pairs beyond its MAX_VARIANTS, computed again in the next check.)"""
        if base not in series.values or year not in series.values or series.values[base] <= 0:
            return None
        return series.values[year] / series.values[base]

    def share_series(self, country: str, partner: str, flow: str) -> list[Series]:
        """The partner's share of the country's flow per source view (trade_share)."""
        def build():
            frame = self.indicator("trade_share", country=country, partner=partner, flow=flow)
            out = []
            if frame.empty:
                return out
            for source, rows in frame.groupby("source", sort=True):
                source = str(source)
                kind = "reconciled" if source == "reconciled" else ("mirror" if source.startswith("mirror:") else "own")
                raw = source.split(":", 1)[1] if kind == "mirror" else source
                ident = identity(raw)
                reporter = (ident.reporter if ident and ident.reporter else country) if kind == "own" else None
                label = (ident.label if ident else raw) + (" (partners' mirror figures)" if kind == "mirror" else "")
                s = Series(source, label, reporter, country, partner, flow, kind, trust=source_trust(source),
                           unit="share")
                s.call = Call.indicator("trade_share", country=country, partner=partner, flow=flow, source=source)
                for year, value, partner_value, total_value, estimate, quality, months in _columns(
                        rows, "year", "value", "partner_value", "total_value", is_estimate=False, quality=None,
                        months=12):
                    year = int(year)
                    if months is not None and not pd.isna(months) and int(months) < 12:
                        s.months[year] = int(months)  # a share of part of a year is never the year's share
                        continue
                    s.values[year] = float(value)
                    s.extra[year] = {"partner_value": float(partner_value), "total_value": float(total_value)}
                    if bool(estimate):
                        s.estimates.add(year)
                    if isinstance(quality, str) and quality:
                        s.quality[year] = quality
                out.append(s)
            return out
        return self._memo(("share", country, partner, flow), build)

    def ranks(self, country: str, flow: str) -> pd.DataFrame:
        """partner_rank rows of every partner of country (value = rank, partner_value, n_partners), all sources."""
        return self.indicator("partner_rank", country=country, flow=flow)

    def crossover(self, countries: list[str], dimension: str) -> pd.DataFrame:
        """indicators.crossover rows (one per country and source) for a dimension."""
        key = ("crossover", tuple(countries), dimension)

        def run():
            from ..indicators import crossover

            try:
                return crossover(countries=list(countries), dimensions=dimension, pack=self.pack)
            except MultipolarError as exc:
                self.problems.add(exc.one_line())
                return pd.DataFrame()
        return self._memo(key, run)


def _hashable(value):
    if isinstance(value, (list, tuple, set)):
        return tuple(value)
    return value


def _monthly_value(rows: pd.DataFrame, value: str, unit: str) -> tuple[str, str]:
    """The column and unit of one source's monthly rows: dollars when converted, else the currency it publishes
    (an EU member state's Eurostat record is in euros only)."""
    if value == "value_usd" and rows["value_usd"].isna().all() and rows["value_published"].notna().any():
        units = set(rows["unit_published"].dropna())
        if units == {"EUR"}:
            return "value_published", "EUR"
    return value, unit
