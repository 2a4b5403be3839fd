"""Every read the report and the dashboard make: indicator frames, crossover, memberships, verdicts and provenance."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pandas as pd

from .. import __version__, config
from ..countries import CENTRAL_ASIA, POWERS, name_of
from ..errors import DataError, MultipolarError, UsageError, invalid_choice

# Regions the report covers: the SCO's member states (today) or the five Central Asian states.
REGIONS = ("sco", "central-asia")
# Languages the report is written in.
LANGS = ("en",)
# Organizations drawn on the membership timeline (the SCO and the blocs around it).
ORGANIZATIONS = ("SCO", "EAEU", "CSTO", "CIS", "BRICS")
# Display names of the two powers.
POWER_NAMES = {"CHN": "China", "RUS": "Russia"}
# Dimensions in the order the report lists them.
DIMENSIONS = ("trade", "security", "diplomacy", "finance", "composite")
# The source judged first for the headline of each dimension (others are counted as agreeing or not); the crossover
# table's rows are filtered to these measures for the heatmap so that every cell is a difference of two 0-1 shares.
PRIMARY_SOURCES = {
    "trade": ("reconciled", "national_*", "mirror:imf_dots", "imf_dots"),
    "security": ("sipri_at",),
    "diplomacy": ("bsv_idealpoints", "unvotes_computed", "icews"),
    "finance": ("aiddata_gcdf3",),
    "composite": ("composite",),
}
# Measures whose value is a 0-1 share (so China-minus-Russia is in share points and can share one colour scale).
SHARE_MEASURES = ("trade_share:turnover", "trade_share:import", "trade_share:export", "arms_share_5y",
                  "un_agreement", "influence_score")
# The series drawn per state: indicator → (panel title, flows in order of preference or None, axis format).
STATE_SERIES = {
    "trade_share": ("Share of the state's goods trade", ("turnover", "import", "export"), ".0%"),
    "arms_share_5y": ("Share of its arms imports (5-year rolling)", None, ".0%"),
    "un_agreement": ("Agreement with each power in UN General Assembly votes", None, ".0%"),
    "influence_score": ("Composite influence index (0-1)", None, ".2f"),
}
# A change of China's lead smaller than this (in the measure's unit: 0.02 = 2 share points) counts as steady.
TREND_THRESHOLD = 0.02
# The seed article shipped with the package, its publication date and where it came from.
SEED_ARTICLE = "seed_article.txt"
SEED_DATE = "2024-07-11"
SEED_ORIGIN = ("Opinion article on the SCO summit in Astana (3-4 July 2024), published in July 2024; the project's "
               "seed example, supplied with the project brief as articles/astana-sco-summit.txt and shipped "
               "verbatim in multipolar/report/assets/seed_article.txt.")

Progress = Callable[[str], None]
# Steps gather() announces to its progress callback.
GATHER_STEPS = 6 + len(STATE_SERIES)


def check_region(region: str) -> str:
    """The region, or a UsageError listing the valid ones."""
    if region not in REGIONS:
        raise invalid_choice("region", region, REGIONS)
    return region


def check_lang(lang: str) -> str:
    """The language, or a UsageError listing the valid ones."""
    if lang not in LANGS:
        raise invalid_choice("language", lang, LANGS)
    return lang


def _quiet(pack) -> None:
    """Turn off DuckDB's own progress bar: it would print over ours (and into server logs)."""
    from ..indicators import context

    try:
        context(pack).con.con.execute("SET enable_progress_bar = false")
    except Exception:  # noqa: BLE001 - cosmetic; an older DuckDB without the setting still works
        pass


def region_states(region: str, pack=None) -> list[str]:
    """The target states of a region, China and Russia left out: SCO members today, or the five Central Asian states."""
    check_region(region)
    if region == "central-asia":
        return list(CENTRAL_ASIA)
    from ..memberships import members, memberships_frame

    frame = memberships_frame(_load_or_none("memberships", pack))
    return [c for c in members("SCO", frame=frame) if c not in POWERS]


def _load_or_none(name: str, pack) -> pd.DataFrame | None:
    from .. import store

    try:
        return store.load(name, pack=pack)
    except (DataError, UsageError):
        return None


def country_name(iso3: str) -> str:
    """Short English name of an ISO3 code."""
    return POWER_NAMES.get(iso3) or name_of(iso3)


# ---------------------------------------------------------------------------------------------------------------
# What the report needs, gathered once


@dataclass
class ReportData:
    """Every frame the report draws, read from one pack."""

    region: str
    states: list[str]
    names: dict[str, str]
    manifest: dict
    crossover: pd.DataFrame
    series: dict[str, pd.DataFrame]          # indicator → frame (country, partner, year, source, value…)
    asymmetry: pd.DataFrame
    memberships: pd.DataFrame
    organizations: pd.DataFrame
    verdicts: list[dict]
    article: dict
    indicators: pd.DataFrame
    headline: pd.DataFrame = field(default_factory=pd.DataFrame)
    pack_dir: str = ""
    problems: list[str] = field(default_factory=list)


def gather(region: str = "sco", *, pack=None, progress: Progress | None = None, cache: bool = True) -> ReportData:
    """Read everything the report shows, for the states of `region`; progress(step) is called before each step.

    cache: keep the two costly results (the crossover table and the seed article's verdicts) in the user's cache
    folder, keyed by the pack's manifest, the package version and the source of the indicator and claim code, so a
    second build from the same pack and code reuses them (any change to either recomputes).
    """
    from .. import indicators, store

    step = progress or (lambda _label: None)
    check_region(region)
    step("Reading the data pack")
    manifest = store.read_manifest(pack)
    _quiet(pack)
    states = region_states(region, pack)
    problems: list[str] = []
    disk = DiskCache(pack) if cache else None

    step("Crossover: when China overtook Russia")
    cross = _cached_frame(disk, ("crossover", *states),
                          lambda: indicators.crossover(countries=states, pack=pack))

    series = {}
    for name, (_title, flows, _fmt) in STATE_SERIES.items():
        step(f"Series: {name}")
        series[name] = _series(name, flows, states, pack, problems)

    step("Asymmetry between China and Russia")
    asym = _safe(lambda: indicators.compute("dependence_asymmetry", country="RUS", partner="CHN", flow="turnover",
                                            pack=pack), problems, "dependence_asymmetry")

    step("Membership timelines")
    from ..memberships import memberships_frame, timeline

    frame = memberships_frame(_load_or_none("memberships", pack))
    known = set(frame["organization"])
    rows = [timeline(org, frame=frame) for org in ORGANIZATIONS if org in known]
    member_rows = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()
    orgs = _load_or_none("organizations", pack)
    if orgs is None:
        orgs = pd.DataFrame(columns=["organization", "name", "founded", "citation"])

    step("Checking the seed article's claims")
    article = seed_article()
    verdicts = _cached_json(disk, ("verdicts", article["sha256"], article["date"]),
                            lambda: check_claims(article["text"], article["date"], pack=pack, problems=problems),
                            keep=lambda v: bool(v))

    step("Indicator definitions")
    defs = indicators.list_indicators()

    names = {c: country_name(c) for c in sorted(set(states) | set(POWERS) | set(member_rows.get("country", [])))}
    data = ReportData(region=region, states=states, names=names, manifest=manifest, crossover=cross, series=series,
                      asymmetry=asym, memberships=member_rows, organizations=orgs, verdicts=verdicts,
                      article=article, indicators=defs, pack_dir=str(config.pack_dir(pack)), problems=problems)
    data.headline = headline(cross, states)
    return data


class DiskCache:
    """Results kept in $MULTIPOLAR_CACHE_DIR/report (or ~/.cache/multipolar/report), named by a hash of what they
    depend on: the pack's manifest, the package version and the source files of the layers that compute them
    (CACHED_CODE). A cache folder that cannot be written is simply not used."""

    def __init__(self, pack=None):
        self.folder = config.cache_dir() / "report"
        manifest = config.pack_dir(pack) / "manifest.json"
        digest = hashlib.sha256(manifest.read_bytes() if manifest.exists() else b"")
        digest.update(__version__.encode())
        package = Path(__file__).resolve().parents[1]
        for path in _code_files(package):
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
        self.stamp = digest.hexdigest()

    def path(self, key: tuple, suffix: str) -> Path:
        name = hashlib.sha256(json.dumps([self.stamp, *map(str, key)]).encode()).hexdigest()[:32]
        return self.folder / f"{key[0]}-{name}{suffix}"

    def write(self, path: Path, write: Callable[[Path], None]) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            write(tmp)
            os.replace(tmp, path)
        except OSError:
            pass  # read-only home, full disk: the report is still built, only not remembered


# The code whose results the report cache keeps: a change to any of these files invalidates it.
CACHED_CODE = ("indicators", "claims", "store", "memberships.py", "countries.py", "schema.py")


def _code_files(package: Path) -> list[Path]:
    files = []
    for name in CACHED_CODE:
        path = package / name
        found = [path] if path.is_file() else sorted(path.rglob("*"))
        files += [f for f in found if f.is_file() and f.suffix in (".py", ".yaml", ".csv", ".json")]
    return files


def _cached_frame(disk: DiskCache | None, key: tuple, compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    if disk is None:
        return compute()
    path = disk.path(key, ".parquet")
    if path.exists():
        try:
            return pd.read_parquet(path)
        except Exception:  # noqa: BLE001 - a damaged cache file is recomputed, never trusted
            pass
    frame = compute()
    disk.write(path, lambda tmp: frame.to_parquet(tmp, index=False))
    return frame


def _cached_json(disk: DiskCache | None, key: tuple, compute: Callable[[], object], keep=lambda v: True):
    if disk is None:
        return compute()
    path = disk.path(key, ".json")
    if path.exists():
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    value = compute()
    if keep(value):
        disk.write(path, lambda tmp: tmp.write_text(json.dumps(value, default=_plain), encoding="utf-8"))
    return value


def _safe(func, problems: list[str], what: str) -> pd.DataFrame:
    """func(), or an empty frame with the reason noted when the pack lacks what it needs."""
    try:
        return func()
    except MultipolarError as exc:
        problems.append(f"{what}: {exc.one_line()}")
        return pd.DataFrame()


def _series(name: str, flows, states, pack, problems) -> pd.DataFrame:
    """The indicator for the states against both powers; for trade, one flow per (country, source): the first of
    `flows` that source has (turnover where both flows exist, else what it publishes)."""
    from .. import indicators

    frame = _safe(lambda: indicators.compute(name, country=states, partner=list(POWERS), pack=pack), problems, name)
    if frame.empty or not flows:
        return frame
    rank = {f: i for i, f in enumerate(flows)}
    frame = frame[frame["flow"].isin(flows)].copy()
    frame["_rank"] = frame["flow"].map(rank)
    best = frame.groupby(["country", "source"])["_rank"].transform("min")
    return frame[frame["_rank"] == best].drop(columns="_rank").reset_index(drop=True)


def seed_article() -> dict:
    """The seed article shipped with the package: text, publication date and origin."""
    text = resources.files(__package__).joinpath("assets", SEED_ARTICLE).read_text(encoding="utf-8")
    return {"text": text, "date": SEED_DATE, "origin": SEED_ORIGIN,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}


def check_claims(text: str, date=None, *, pack=None, problems: list[str] | None = None) -> list[dict]:
    """The claim checker's verdicts as dicts (Verdict.to_dict()); empty with a note when the checker is missing."""
    try:
        from ..claims import check_text
    except ImportError as exc:  # the checker is an optional layer while it is being built
        if problems is not None:
            problems.append(f"claim checker not available: {exc}")
        return []
    try:
        return [v.to_dict() for v in check_text(text, date=date, pack=pack)]
    except MultipolarError as exc:
        if problems is not None:
            problems.append(f"claim checker: {exc.one_line()}")
        return []


# ---------------------------------------------------------------------------------------------------------------
# The headline: who leads now, since when, by which source


def _matches(source: str, pattern: str) -> bool:
    return source.startswith(pattern[:-1]) if pattern.endswith("*") else source == pattern


def _preference(dimension: str, source: str) -> int:
    for i, pattern in enumerate(PRIMARY_SOURCES.get(dimension, ())):
        if _matches(source, pattern):
            return i
    return len(PRIMARY_SOURCES.get(dimension, ()))


def primary_rows(cross: pd.DataFrame) -> pd.DataFrame:
    """One crossover row per (country, dimension): the compared row of the most preferred source (then the most
    recent, then the longest); rows without a comparison only where no source compares."""
    if cross.empty:
        return cross
    c = cross.copy()
    c["_compared"] = c["latest_lead"].notna()
    c["_pref"] = [_preference(d, s) for d, s in zip(c["dimension"], c["source"].fillna(""))]
    c["_latest"] = c["latest_year"].fillna(-1).astype(int)
    c["_n"] = c["n_years"].fillna(0).astype(int)
    c = c.sort_values(["country", "dimension", "_compared", "_pref", "_latest", "_n"],
                      ascending=[True, True, False, True, False, False], kind="stable")
    return c.groupby(["country", "dimension"], sort=False).head(1).drop(
        columns=["_compared", "_pref", "_latest", "_n"]).reset_index(drop=True)


def headline(cross: pd.DataFrame, states: list[str]) -> pd.DataFrame:
    """Per state and dimension: who leads in the latest year compared, since when, by which source, the direction
    of China's lead over the last TREND_YEARS years and how many other sources agree on the leader (all from the
    crossover rows: this only selects and labels them)."""
    rows = []
    prim = primary_rows(cross)
    for rec in prim.to_dict("records"):
        lead = rec.get("latest_lead")
        row = {"country": rec["country"], "dimension": rec["dimension"], "source": rec.get("source") or "",
               "measure": rec.get("measure") or "", "latest_year": _int(rec.get("latest_year")), "lead": _num(lead),
               "china": _num(rec.get("china_latest")), "russia": _num(rec.get("russia_latest")), "leader": None,
               "since": None, "trend": None, "change": None, "agree": 0, "compared": 0,
               "note": rec.get("note") or ""}
        if pd.notna(lead):
            row["leader"] = "CHN" if lead > 0 else ("RUS" if lead < 0 else "level")
            row["since"] = _int(rec.get("leader_since"))
            row["change"] = _num(rec.get("lead_change"))
            row["trend"] = _direction(row["change"])
            others = cross[(cross["country"] == rec["country"]) & (cross["dimension"] == rec["dimension"])
                           & cross["latest_lead"].notna()]
            signs = others["latest_lead"].map(lambda v: "CHN" if v > 0 else ("RUS" if v < 0 else "level"))
            row["agree"] = int((signs == row["leader"]).sum())
            row["compared"] = int(len(others))
        rows.append(row)
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    # Whole years stay whole (with None where missing) rather than turning into floats with NaN.
    for column in ("latest_year", "since"):
        frame[column] = frame[column].astype("Int64")
    frame = frame.astype({"leader": object, "trend": object}).replace({float("nan"): None})
    order = {c: i for i, c in enumerate(states)}
    dims = {d: i for i, d in enumerate(DIMENSIONS)}
    frame = frame.assign(_c=frame["country"].map(order), _d=frame["dimension"].map(dims))
    return frame.sort_values(["_c", "_d"], kind="stable").drop(columns=["_c", "_d"]).reset_index(drop=True)


def _int(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _num(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _direction(change: float | None) -> str:
    """'china' / 'russia' / 'steady': which way China's lead moved (the crossover's lead_change); a change under
    TREND_THRESHOLD, or none (a single year compared), is steady."""
    if change is None or abs(change) <= TREND_THRESHOLD:
        return "steady"
    return "china" if change > 0 else "russia"


def heatmap_frame(cross: pd.DataFrame, states: list[str]) -> pd.DataFrame:
    """Latest China-minus-Russia lead per state × dimension, from the most preferred source whose measure is a 0-1
    share (so one colour scale fits every cell); NaN where no such comparison exists."""
    shares = cross[cross["measure"].isin(SHARE_MEASURES)] if not cross.empty else cross
    prim = primary_rows(shares)
    dims = [d for d in DIMENSIONS if d != "finance" or (prim["dimension"] == d).any()] if not prim.empty else []
    table = pd.DataFrame(index=states, columns=dims, dtype=float)
    labels = pd.DataFrame(index=states, columns=dims, dtype=object)
    for rec in prim.to_dict("records"):
        if rec["country"] in table.index and rec["dimension"] in table.columns and pd.notna(rec["latest_lead"]):
            table.loc[rec["country"], rec["dimension"]] = float(rec["latest_lead"])
            labels.loc[rec["country"], rec["dimension"]] = f"{rec['source']}, {int(rec['latest_year'])}"
    table.attrs["labels"] = labels
    return table


# ---------------------------------------------------------------------------------------------------------------
# Provenance


def provenance(manifest: dict) -> tuple[list[dict], list[dict]]:
    """(tables, sources): one record per pack table (rows, years, countries, sources) and one per distinct source
    (producer, title, citation, licence, retrieved, URLs, files with checksums, steps, caveats, tables it feeds)."""
    tables, sources = [], {}
    for name, entry in sorted(manifest.get("tables", {}).items()):
        cover = entry.get("coverage", {})
        span = next((cover[k] for k in ("years", "periods", "sessions") if k in cover), None)
        tables.append({"name": name, "description": entry.get("description", ""), "rows": cover.get("rows", 0),
                       "span": f"{span[0]}–{span[1]}" if span else "", "countries": cover.get("countries", 0),
                       "sources": cover.get("sources", [s.get("id") for s in entry.get("sources", [])]),
                       "derivation": entry.get("derivation", ""), "sha256": entry.get("sha256", "")})
        for src in entry.get("sources", []):
            record = sources.setdefault(src["id"], {**src, "tables": []})
            record["tables"].append(name)
    return tables, sorted(sources.values(), key=lambda s: s["id"])


def trade_coverage(series: pd.DataFrame, states: list[str]) -> pd.DataFrame:
    """State × trade source view: the years with a share for both powers (e.g. '1994–2020'), blank where none."""
    if series.empty:
        return pd.DataFrame(index=states)
    both = series.groupby(["country", "source", "year"])["partner"].nunique()
    both = both[both >= 2].reset_index()
    cells = both.groupby(["country", "source"])["year"].agg(["min", "max", "count"]).reset_index()
    cells["text"] = [f"{a}–{b}" + ("" if n == b - a + 1 else f" ({n} yrs)") if a != b else str(a)
                     for a, b, n in zip(cells["min"], cells["max"], cells["count"])]
    wide = cells.pivot(index="country", columns="source", values="text").reindex(states).fillna("")
    return wide


# ---------------------------------------------------------------------------------------------------------------
# The dashboard's reads: validated, serialised, cached (the pack is read-only, so a result never goes stale)

# Most rows an indicator call returns (the caller pages with offset).
MAX_ROWS = 5000
# Most countries one call may name.
MAX_COUNTRIES = 12
# Longest text the claim checker accepts from the web (characters).
MAX_TEXT = 20_000
# Bytes of serialised answers kept in memory.
CACHE_BYTES = 64 * 1024 * 1024


class Service:
    """Read-only access to one pack for the dashboard: every answer is JSON bytes, cached by request.

    The pack's DuckDB connection is shared and not safe for concurrent queries, so computations run one at a time
    under a lock; answers already computed are served from the cache without it.
    """

    def __init__(self, pack=None, cache_bytes: int = CACHE_BYTES):
        self.pack = pack
        self._db = threading.RLock()
        self._cache_lock = threading.Lock()
        self._cache: OrderedDict[tuple, bytes] = OrderedDict()
        self._cache_bytes = cache_bytes
        self._size = 0
        self.hits = self.misses = 0
        self._quieted = False

    # -- cache ------------------------------------------------------------------------------------------------
    def cached(self, key: tuple, build: Callable[[], object]) -> bytes:
        """The JSON bytes for key: from the cache, else build() serialised (under the database lock) and kept."""
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                self.hits += 1
                return self._cache[key]
        with self._db:
            with self._cache_lock:  # another thread may have built it while we waited
                if key in self._cache:
                    self.hits += 1
                    return self._cache[key]
            self.misses += 1
            if not self._quieted:
                _quiet(self.pack)
                self._quieted = True
            payload = build()
            body = payload if isinstance(payload, bytes) else dumps(payload)
        with self._cache_lock:
            self._cache[key] = body
            self._size += len(body)
            while self._size > self._cache_bytes and len(self._cache) > 1:
                _, old = self._cache.popitem(last=False)
                self._size -= len(old)
        return body

    def warm(self) -> None:
        """Compute the answers every page asks for first (crossover of all pack states, the country list)."""
        _quiet(self.pack)
        self.countries()
        self.crossover_frame()

    # -- reads --------------------------------------------------------------------------------------------------
    def manifest(self) -> dict:
        from .. import store

        return store.read_manifest(self.pack)

    def pack_countries(self) -> list[str]:
        return list(self.manifest().get("pack_countries", []))

    def indicators(self) -> bytes:
        """Every indicator with its metadata, valid flows, parameters and the source labels this pack has."""
        def build():
            from ..indicators import INDICATORS, context

            ctx = context(self.pack)
            out = []
            for ind in INDICATORS.values():
                try:
                    labels = list(ind.labels(ctx))
                except MultipolarError:
                    labels = []
                out.append({"name": ind.name, "dimension": ind.dimension, "title": ind.title, "unit": ind.unit,
                            "definition": ind.definition, "inputs": list(ind.inputs), "sources": ind.sources,
                            "labels": labels, "flows": list(ind.flows), "columns": list(ind.columns),
                            "partner": ind.partner_column is not None,
                            "params": [{"name": p.name, "default": _plain(p.default), "doc": p.doc}
                                       for p in ind.params]})
            return out
        return self.cached(("indicators",), build)

    def peek(self, key: tuple) -> bytes | None:
        """The cached answer for key, or None (never computes, never waits for the database)."""
        with self._cache_lock:
            body = self._cache.get(key)
            if body is not None:
                self._cache.move_to_end(key)
                self.hits += 1
            return body

    def indicator(self, name: str, **request) -> bytes:
        """Rows of one indicator for 1-MAX_COUNTRIES countries: {indicator, unit, n_rows, offset, limit, truncated,
        gaps, columns, rows}. Invalid choices raise a UsageError that lists the valid ones."""
        return self.cached(*self.indicator_request(name, **request))

    def indicator_request(self, name: str, *, country, partner=None, years=None, source=None, flow=None,
                          limit: int = MAX_ROWS, offset: int = 0, params: dict | None = None) -> tuple[tuple, Callable]:
        """(cache key, builder) of an indicator request, after the checks that need no data (so a cached answer
        can be served without touching the database)."""
        from ..indicators import get

        ind = get(name)
        countries = _codes(country, "country")
        if not countries:
            raise UsageError("country is required (one or more ISO3 codes, e.g. KAZ or KAZ,UZB); see /api/countries")
        if len(countries) > MAX_COUNTRIES:
            raise UsageError(f"at most {MAX_COUNTRIES} countries per request ({len(countries)} given)")
        partners = _codes(partner, "partner")
        if partners and len(partners) > MAX_COUNTRIES:
            raise UsageError(f"at most {MAX_COUNTRIES} partners per request ({len(partners)} given)")
        if not 1 <= limit <= MAX_ROWS:
            raise UsageError(f"limit must lie between 1 and {MAX_ROWS}")
        if offset < 0:
            raise UsageError("offset must be 0 or more")
        params = dict(sorted((params or {}).items()))
        key = ("indicator", name, tuple(countries), tuple(partners or ()), str(years or ""), str(source or ""),
               str(flow or ""), tuple(params.items()), limit, offset)

        def build():
            from ..indicators import compute

            frame = compute(name, country=countries, partner=partners, years=years or None, source=source or None,
                            flow=flow or None, pack=self.pack, **params)
            page = frame.iloc[offset:offset + limit]
            head = {"indicator": name, "title": ind.title, "unit": ind.unit, "dimension": ind.dimension,
                    "n_rows": int(len(frame)), "offset": offset, "limit": limit,
                    "truncated": bool(offset + limit < len(frame)), "gaps": list(frame.attrs.get("gaps", [])),
                    "columns": list(frame.columns)}
            return _with_rows(head, page)
        return key, build

    def crossover_frame(self) -> pd.DataFrame:
        """The crossover table for every pack state (computed once: its cost hardly depends on how many states)."""
        with self._db:
            if not hasattr(self, "_crossover"):
                from ..indicators import crossover

                self._crossover = crossover(pack=self.pack)
            return self._crossover

    def crossover(self, *, countries=None, region=None, dimensions=None) -> bytes:
        """Crossover rows for countries and/or a region ('sco', 'central-asia') and dimensions."""
        from ..indicators import CROSSOVER_DIMENSIONS

        dims = _items(dimensions)
        for d in dims:
            if d not in CROSSOVER_DIMENSIONS:
                raise invalid_choice("dimension", d, CROSSOVER_DIMENSIONS)
        chosen = _codes(countries, "country") or []
        if region:
            check_region(region)
            chosen += region_states(region, self.pack)
        valid = set(self.pack_countries()) - set(POWERS)
        for c in chosen:
            if c not in valid:
                raise invalid_choice("country", c, sorted(valid))
        key = ("crossover", tuple(sorted(set(chosen))), tuple(sorted(dims)))

        def build():
            frame = self.crossover_frame()
            if chosen:
                frame = frame[frame["country"].isin(chosen)]
            if dims:
                frame = frame[frame["dimension"].isin(dims)]
            head = {"n_rows": int(len(frame)), "columns": list(frame.columns)}
            return _with_rows(head, frame.assign(name=frame["country"].map(country_name)))
        return self.cached(key, build)

    def countries(self) -> bytes:
        """Pack countries: ISO3, name, whether a power, and each organization's role today."""
        def build():
            from ..memberships import memberships_frame, status

            frame = memberships_frame(_load_or_none("memberships", self.pack))
            known = [o for o in ORGANIZATIONS if o in set(frame["organization"])]
            out = []
            for c in self.pack_countries():
                out.append({"iso3": c, "name": country_name(c), "power": c in POWERS,
                            "central_asia": c in CENTRAL_ASIA,
                            "roles": {o: status(c, o, frame=frame) for o in known}})
            return sorted(out, key=lambda r: (r["power"], r["name"]))
        return self.cached(("countries",), build)

    def country(self, iso3: str) -> bytes:
        """One state: name, roles today, its membership history and its crossover rows."""
        code = str(iso3).strip().upper()
        if code not in self.pack_countries():
            raise invalid_choice("country", iso3, self.pack_countries())

        def build():
            from ..memberships import memberships_frame

            frame = memberships_frame(_load_or_none("memberships", self.pack))
            history = frame[frame["country"] == code].sort_values(["start", "organization"], kind="stable")
            history = history[[c for c in ("organization", "role", "start", "end", "citation") if c in history]]
            cross = self.crossover_frame()
            cross = cross[cross["country"] == code]
            return {"iso3": code, "name": country_name(code), "power": code in POWERS,
                    "memberships": _records(history), "crossover": _records(cross)}
        return self.cached(("country", code), build)

    def memberships(self, *, organization=None, on=None) -> bytes:
        """Membership rows of the timeline organizations (or one), or the members at a date when `on` is given."""
        from ..memberships import members, memberships_frame, timeline

        frame = memberships_frame(_load_or_none("memberships", self.pack))
        known = sorted(set(frame["organization"]))
        orgs = _items(organization) or [o for o in ORGANIZATIONS if o in known]
        for o in orgs:
            if o not in known:
                raise invalid_choice("organization", o, known)
        key = ("memberships", tuple(orgs), str(on or ""))

        def build():
            if on:
                return {"on": str(on), "members": {o: members(o, on, frame=frame) for o in orgs}}
            rows = pd.concat([timeline(o, frame=frame) for o in orgs], ignore_index=True)
            return {"n_rows": int(len(rows)), "rows": _records(rows)}
        return self.cached(key, build)

    def check(self, text: str, date=None) -> bytes:
        """Verdicts for the claims in text (at most MAX_TEXT characters)."""
        if not isinstance(text, str) or not text.strip():
            raise UsageError("text is empty: paste the sentences to check")
        if len(text) > MAX_TEXT:
            raise UsageError(f"text is {len(text):,} characters; the checker takes at most {MAX_TEXT:,} here")
        from ..claims import parse_date

        day = parse_date(date)
        key = ("check", hashlib.sha256(text.encode("utf-8")).hexdigest(), str(day or ""))

        def build():
            from ..claims import check_text

            verdicts = [v.to_dict() for v in check_text(text, date=day, pack=self.pack)]
            return {"date": str(day) if day else None, "n_claims": len(verdicts), "verdicts": verdicts}
        return self.cached(key, build)


def _items(value) -> list[str]:
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    return [str(v).strip() for v in items if str(v).strip()]


def _codes(value, kind: str) -> list[str] | None:
    """Comma-separated ISO3-like codes, upper-cased; a UsageError for anything that cannot be one."""
    items = _items(value)
    if not items:
        return None
    out = []
    for item in items:
        code = item.upper()
        if len(code) != 3 or not code.isalpha():
            raise UsageError(f"invalid {kind} {item!r}: use ISO3 codes such as KAZ, CHN, RUS (comma-separated)")
        out.append(code)
    return list(dict.fromkeys(out))


def _plain(value):
    """JSON-ready scalar: numpy to Python, NaN/NA to None, dates to ISO strings."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
        if isinstance(value, list):
            return [_plain(v) for v in value]
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, (dt.date, dt.datetime, pd.Timestamp)):
        return value.isoformat()
    return value


def _records(frame: pd.DataFrame) -> list[dict]:
    return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


def dumps(payload) -> bytes:
    """Compact UTF-8 JSON (no NaN: they become null)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=_plain, allow_nan=False).encode()


def _with_rows(head: dict, frame: pd.DataFrame) -> bytes:
    """head with a "rows" list of the frame's records, serialised (pandas writes the rows: much faster than dicts)."""
    rows = frame.to_json(orient="records", date_format="iso", force_ascii=False, default_handler=str) \
        if not frame.empty else "[]"
    body = dumps(head)
    return body[:-1] + b',"rows":' + rows.encode("utf-8") + b"}"


__all__ = ["ReportData", "Service", "gather", "headline", "heatmap_frame", "provenance", "trade_coverage",
           "region_states", "seed_article", "check_claims", "country_name", "REGIONS", "LANGS", "ORGANIZATIONS",
           "__version__"]
