"""All the data the claim checker reads, in one place: indicators (values, shares, ranks, growth), the press headline
figures, memberships, organizations, summits and the texts of SCO declarations. Nothing here decides a verdict."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..countries import name_of
from ..errors import MultipolarError
from .lexicon import FIXED_GROUPS

# Readable names of the trade source ids (indicators' own-view labels).
SOURCE_NAMES = {
    "national_kz": "Kazakhstan's Bureau of National Statistics",
    "national_kg": "Kyrgyzstan's National Statistical Committee",
    "national_uz": "Uzbekistan's Statistics Agency",
    "national_am": "Armenia's Statistical Committee",
    "national_ge": "Georgia's National Statistics Office",
    "imf_dots": "IMF Direction of Trade Statistics",
    "imf_imts": "IMF IMTS (Russia; IMF estimates from 2022)",
    "russia_fcs": "Russian customs (FCS, via Rosstat)",
    "russia_fcs_monthly": "Russian customs (FCS), monthly tables summed",
    "eurostat_totals": "Eurostat Comext",
    "comtrade": "UN Comtrade",
    "reconciled": "reconciled view",
}
# Which state speaks through an own-view source (the rest report for the row's country).
SOURCE_REPORTER = {"imf_imts": "RUS", "russia_fcs": "RUS", "russia_fcs_monthly": "RUS", "national_kz": "KAZ",
                   "national_kg": "KGZ", "national_uz": "UZB", "national_am": "ARM", "national_ge": "GEO"}
# Words in a headline figure's reporter_source → the state whose figure it is.
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
FLIP = {"export": "import", "import": "export", "turnover": "turnover"}


@dataclass
class Series:
    """One source's yearly figures for one country, partner and flow, with where each value comes from."""

    source: str
    label: str
    reporter: str | None
    country: str
    partner: str
    flow: str
    kind: str  # 'own' | 'mirror' | 'press' | 'reconciled' | 'sum'
    values: dict[int, float] = field(default_factory=dict)
    estimates: set[int] = field(default_factory=set)
    months: dict[int, int] = field(default_factory=dict)
    urls: dict[int, str] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)
    extra: dict[int, dict] = field(default_factory=dict)
    # The indicator query whose rows these are: (country, partner, flow, source label) — for trade_growth.
    query: tuple[str, str, str, str] | None = None

    def years(self) -> list[int]:
        return sorted(self.values)


class Evidence:
    """The checker's window on the data pack (pack=None: $MULTIPOLAR_PACK_DIR or the shipped pack)."""

    def __init__(self, pack: str | Path | None = None):
        self.pack = pack
        self._cache: dict = {}

    # --- generic helpers -------------------------------------------------------------------------------------------

    def batch(self):
        """A block in which many claims are checked: the indicators' shared tables are computed once at first use
        (for a single claim, leaving them inline is faster)."""
        from ..indicators import context

        return context(self.pack).batch()

    def _memo(self, key, func):
        if key not in self._cache:
            self._cache[key] = func()
        return self._cache[key]

    def pack_countries(self) -> set[str] | None:
        def read():
            try:
                from ..store import read_manifest

                manifest = read_manifest(self.pack)
            except (MultipolarError, OSError, ValueError):
                return None
            countries = manifest.get("pack_countries")
            return set(countries) if countries else None
        return self._memo(("pack_countries",), read)

    def has_table(self, name: str) -> bool:
        def read():
            try:
                from ..store import table_names

                return name in table_names(self.pack)
            except (MultipolarError, OSError, ValueError):
                return False
        return self._memo(("has", name), read)

    def indicator(self, name: str, **filters) -> pd.DataFrame:
        """indicators.compute(name, **filters) or an empty frame when the pack cannot answer (logged in .problems)."""
        key = ("ind", name, tuple(sorted((k, _hashable(v)) for k, v in filters.items())))

        def run():
            try:
                from ..indicators import compute
            except ImportError as exc:  # the indicator registry is part of the package; say so if it is missing
                self.problems.add(f"indicator registry unavailable: {exc}")
                return pd.DataFrame()
            try:
                return compute(name, pack=self.pack, **filters)
            except MultipolarError as exc:
                self.problems.add(exc.one_line())
                return pd.DataFrame()
        return self._memo(key, run)

    @property
    def problems(self) -> set[str]:
        return self._cache.setdefault(("problems",), set())

    def expand(self, code: str, on=None) -> list[str]:
        """A group id (CA5, SCO, EAEU, WEST, SHANGHAI5) as ISO3 codes at a date; a country as itself."""
        if code in FIXED_GROUPS:
            return list(FIXED_GROUPS[code])
        if code in ("SCO", "EAEU", "CSTO", "CIS", "BRICS"):
            return self.members(code, on)
        return [code]

    # --- trade -----------------------------------------------------------------------------------------------------

    def trade_series(self, country: str, partner: str, flow: str) -> list[Series]:
        """Every source's yearly values of country's flow with partner: the indicators' own, mirror and reconciled
        views (asked from the partner's side when only the partner is a pack country) and the press figures."""
        return self._memo(("trade", country, partner, flow), lambda: self._trade_series(country, partner, flow))

    def _trade_series(self, country, partner, flow) -> list[Series]:
        out: list[Series] = []
        countries = self.pack_countries()
        direct = countries is None or country in countries
        if direct:
            frame = self.indicator("trade_value", country=country, partner=partner, flow=flow)
            out += self._series_from(frame, country, partner, flow, flipped=False)
        elif countries is None or partner in countries:
            frame = self.indicator("trade_value", country=partner, partner=country, flow=FLIP[flow])
            out += self._series_from(frame, country, partner, flow, flipped=True)
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
            mirror = source.startswith("mirror:") != flipped
            if source == "reconciled":
                kind, reporter = "reconciled", None
            elif mirror:
                kind = "mirror"
                reporter = SOURCE_REPORTER.get(raw, partner)
            else:
                kind = "own"
                reporter = SOURCE_REPORTER.get(raw, country)
            if flipped:
                src_label = f"{raw}" if source.startswith("mirror:") else f"mirror:{raw}"
            else:
                src_label = source
            label = SOURCE_NAMES.get(raw, raw)
            if kind == "mirror":
                who = name_of(reporter) if reporter and len(reporter) == 3 else reporter
                label = f"{label}, {who}'s side (mirror)"
            s = Series(src_label, label, reporter, country, partner, flow, kind)
            s.query = (partner, country, FLIP[flow], source) if flipped else (country, partner, flow, source)
            for row in rows.itertuples(index=False):
                year = int(row.year)
                s.values[year] = float(row.value)
                if bool(getattr(row, "is_estimate", False)):
                    s.estimates.add(year)
                months = getattr(row, "months", 12)
                if months is not None and not pd.isna(months) and int(months) < 12:
                    s.months[year] = int(months)
                basis = getattr(row, "basis", None)
                if source == "reconciled" and isinstance(basis, str):
                    s.notes[year] = f"reconciled from {basis}"
            out.append(s)
        return out

    def headline_frame(self) -> pd.DataFrame:
        def read():
            if not self.has_table("headline_figures"):
                return pd.DataFrame()
            try:
                from ..store import load

                return load("headline_figures", pack=self.pack)
            except MultipolarError as exc:
                self.problems.add(exc.one_line())
                return pd.DataFrame()
        return self._memo(("headline",), read)

    def press_series(self, country: str, partner: str, flow: str) -> list[Series]:
        """Official figures as the press reported them (headline_figures), one series per reporter_source, seen
        from country's side (a row China→Kazakhstan exports is Kazakhstan's imports from China)."""
        frame = self.headline_frame()
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
            reporter = press_reporter(rs)
            s = series.setdefault(rs, Series(f"press:{rs}", f"{rs}, as reported in the press", reporter, country,
                                             partner, flow, "press"))
            year = int(row.period)
            if year in s.values:
                continue
            s.values[year] = float(row.value_usd)
            s.urls[year] = str(row.url)
            note = getattr(row, "unit_note", None)
            if bool(getattr(row, "is_derived", False)):
                s.notes[year] = f"derived on the page ({note})" if isinstance(note, str) else "derived"
                s.estimates.add(year)
        return list(series.values())

    def share_series(self, country: str, partner: str, flow: str) -> list[Series]:
        """The partner's share of the country's flow per source view (trade_share)."""
        def build():
            frame = self.indicator("trade_share", country=country, partner=partner, flow=flow)
            out = []
            if frame.empty:
                return out
            for source, rows in frame.groupby("source", sort=True):
                source = str(source)
                raw = source.split(":", 1)[1] if source.startswith("mirror:") else source
                kind = "reconciled" if source == "reconciled" else ("mirror" if source.startswith("mirror:") else "own")
                reporter = None if kind == "reconciled" else (
                    SOURCE_REPORTER.get(raw, country) if kind == "own" else None)
                label = SOURCE_NAMES.get(raw, raw) + (" (partners' mirror figures)" if kind == "mirror" else "")
                s = Series(source, label, reporter, country, partner, flow, kind)
                for row in rows.itertuples(index=False):
                    year = int(row.year)
                    s.values[year] = float(row.value)
                    s.extra[year] = {"partner_value": float(row.partner_value), "total_value": float(row.total_value)}
                    if bool(getattr(row, "is_estimate", False)):
                        s.estimates.add(year)
                out.append(s)
            return out
        return self._memo(("share", country, partner, flow), build)

    def ranks(self, country: str, flow: str) -> pd.DataFrame:
        """partner_rank rows of every partner of country (value = rank, partner_value, n_partners), all sources."""
        return self.indicator("partner_rank", country=country, flow=flow)

    def top_partners(self, country: str, flow: str) -> pd.DataFrame:
        """top_partner rows of country per year and source."""
        return self.indicator("top_partner", country=country, flow=flow)

    def growth(self, country: str, partner: str, flow: str, base_year: int, year: int) -> pd.DataFrame:
        """trade_growth rows (multiple end/base per source view)."""
        return self.indicator("trade_growth", country=country, partner=partner, flow=flow, base_year=base_year,
                              year=year)

    # --- institutions ----------------------------------------------------------------------------------------------

    def members(self, org: str, on=None) -> list[str]:
        from .. import memberships

        key = ("members", org, str(on))

        def run():
            try:
                return memberships.members(org, on, frame=self.memberships_frame())
            except MultipolarError as exc:
                self.problems.add(exc.one_line())
                return []
        return self._memo(key, run)

    def memberships_frame(self) -> pd.DataFrame | None:
        def read():
            from .. import memberships

            try:
                if self.has_table("memberships"):
                    from ..store import load

                    return memberships.memberships_frame(load("memberships", pack=self.pack))
                return memberships.memberships_frame()
            except MultipolarError as exc:
                self.problems.add(exc.one_line())
                return None
        return self._memo(("memberships",), read)

    def timeline(self, org: str) -> pd.DataFrame:
        frame = self.memberships_frame()
        if frame is None:
            return pd.DataFrame(columns=["organization", "country", "role", "start", "end", "citation"])
        rows = frame[frame["organization"] == org]
        return rows.sort_values(["start", "country", "role"], kind="stable").reset_index(drop=True)

    def status(self, country: str, org: str, on=None) -> str | None:
        from .. import memberships

        frame = self.memberships_frame()
        if frame is None or org not in set(frame["organization"]):
            return None
        return memberships.status(country, org, on, frame=frame)

    def organization(self, org: str) -> dict | None:
        def read():
            frame = None
            if self.has_table("organizations"):
                from ..store import load

                frame = load("organizations", pack=self.pack)
            else:
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
            if not self.has_table("summits"):
                return pd.DataFrame()
            from ..store import load

            frame = load("summits", pack=self.pack)
            frame = frame.copy()
            frame["date"] = pd.to_datetime(frame["date"]).dt.date
            return frame.sort_values("date").reset_index(drop=True)
        return self._memo(("summits",), read)

    def declaration_text(self, year: int) -> tuple[str, str] | None:
        """The held English text of the SCO declaration of a year (whitespace and hyphenated breaks normalised) and
        its URL; None when the pack holds no text for that year."""
        def read():
            if not self.has_table("declaration_texts"):
                return None
            from ..store import load

            rows = load("declaration_texts", pack=self.pack, year=year)
            if rows.empty:
                return None
            return normalise_text(rows.iloc[0]["text"]), str(rows.iloc[0]["url"])
        return self._memo(("declaration", year), read)


def press_reporter(reporter_source: str) -> str | None:
    """The state whose official figure a headline row carries (GACC → CHN, 'Russian government' → RUS, ...)."""
    for pattern, code in PRESS_REPORTERS:
        if re.search(pattern, reporter_source):
            return code
    return None


def normalise_text(text: str) -> str:
    """Whitespace collapsed, PDF hyphenation ('multi-\\npolarity') undone, curly quotes straightened, lower case."""
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1-\2", text)
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def _hashable(value):
    if isinstance(value, (list, tuple, set)):
        return tuple(value)
    return value

