"""The dashboard's reads: validated, serialised (JSON or CSV), cached by request, computed concurrently (a few at a
time, each request once)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
import threading
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Callable

import pandas as pd

from ..countries import CENTRAL_ASIA, POWERS, resolve, resolve_many
from ..errors import MultipolarError, UsageError, invalid_choice
from ..report.gathering import (REGIONS, check_region, load_or_none, quiet, region_states,
                             source_names)
from ..report.selection import (ORGANIZATIONS, chips, country_name, findings, flag_texts, headline,
                                highlight_source, provenance, source_name)

# Most rows an indicator call returns (the caller pages with offset).
MAX_ROWS = 5000
# Most countries one call may name.
MAX_COUNTRIES = 12
# Longest text the claim checker accepts from the web (characters).
MAX_TEXT = 20_000
# Most answers computed at the same time (the others wait for a slot): bounds the memory a burst of uncached
# requests takes. Reads answered by the indicator cache run in parallel; computations on the pack's Ibis connection
# still take their turn on it (indicators.registry.Context.lock).
WORKERS = 4
# Bytes of serialised answers kept in memory.
CACHE_BYTES = 64 * 1024 * 1024
# Seconds without an answer being built after which the memory builds freed is handed back to the system
# (`release_memory`): after a burst of uncached requests the server returns to about its resting size.
IDLE_TRIM_SECONDS = 2.0
# Claim checks share, across requests, one evidence (the pack's tables and series it has read) and one memo
# (identical claims judged once; a text beginning with sentences read before goes on from the state they left):
# at most CHECK_MEMO entries are kept, the least recently used going first (~1-3 kB each: ~10-30 MB), and the
# evidence is replaced by a fresh one once it holds EVIDENCE_READS reads (a few hundred MB at most).
CHECK_MEMO = 10_000
EVIDENCE_READS = 1_000
# Formats every table the API answers with can take.
FORMATS = ("json", "csv")
# Columns of the who-leads grid (GET /api/leads), in order.
LEAD_COLUMNS = ("country", "name", "dimension", "reading", "latest_year", "china", "russia", "measure", "source",
                "source_name", "since", "trend", "change", "agree", "compared", "quality", "flags", "chips", "note")


class Answer(bytes):
    """Serialised answer bytes with their media type (JSON or CSV)."""

    media_type = "application/json"


class CSVAnswer(Answer):
    media_type = "text/csv; charset=utf-8"


class Service:
    """Read-only access to one pack for the dashboard: every answer is JSON (or CSV) bytes, cached by request.

    Answers already computed are served from the cache at once. Others are built by at most WORKERS threads at a
    time, each request once (a second identical request waits for the first's answer): a build reads the indicator
    cache with its own DuckDB cursor per thread, and only the computations the cache cannot answer share the pack's
    Ibis connection, which serves them one at a time under its own lock (`Context.lock`).
    """

    def __init__(self, pack=None, cache_bytes: int = CACHE_BYTES, workers: int = WORKERS):
        self.pack = pack
        # The threads that build answers: never more than `workers`, so that only they hold DuckDB readers (one
        # connection per thread) and their memory, however many request threads the server runs.
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="multipolar-build")
        self._building: dict[tuple, threading.Lock] = {}  # request key -> the lock its one builder holds
        self._crossover_lock = threading.Lock()
        self._fit = threading.Lock()  # the re-routing event study: one fit at a time
        self._cache_lock = threading.Lock()
        self._cache: OrderedDict[tuple, Answer] = OrderedDict()
        self._cache_bytes = cache_bytes
        self._size = 0
        self.hits = self.misses = 0
        self._quieted = False
        self._trim_lock = threading.Lock()
        self._active = 0           # answers being built now
        self._last_build = 0.0     # when the last build ended (time.monotonic)
        self._untrimmed = False    # builds ended since memory was last released
        self._trimmer: threading.Thread | None = None
        self._evidence = None      # the claim checks' shared evidence (see EVIDENCE_READS)
        self._evidence_lock = threading.Lock()
        self._memo = BoundedMemo(CHECK_MEMO)

    # -- cache ------------------------------------------------------------------------------------------------
    def cached(self, key: tuple, build: Callable[[], object]) -> Answer:
        """The answer for key: from the cache, else build() serialised (in a worker slot, once per key) and kept.
        build returns a JSON-ready object, JSON bytes, or an Answer."""
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                self.hits += 1
                return self._cache[key]
            building = self._building.setdefault(key, threading.Lock())
        try:
            with building:  # one builder per key; the others wait here for its answer
                with self._cache_lock:
                    if key in self._cache:
                        self.hits += 1
                        return self._cache[key]
                with self._cache_lock:
                    self.misses += 1
                body = self._pool.submit(self._build, build).result()
                return self.keep(key, body)
        finally:
            with self._cache_lock:
                if self._building.get(key) is building and not building.locked():
                    del self._building[key]

    def _build(self, build: Callable[[], object]) -> Answer:
        """build() serialised, in a worker thread."""
        if not self._quieted:
            quiet(self.pack)
            self._quieted = True
        with self._trim_lock:
            self._active += 1
        try:
            payload = build()
            return payload if isinstance(payload, Answer) else Answer(payload if isinstance(payload, bytes)
                                                                      else dumps(payload))
        finally:
            self._built()

    def _built(self) -> None:
        """Note the end of a build; the first one starts the thread that releases memory when builds pause."""
        with self._trim_lock:
            self._active -= 1
            self._last_build = time.monotonic()
            self._untrimmed = True
            if self._trimmer is None:
                self._trimmer = threading.Thread(target=self._release_when_idle, name="multipolar-release",
                                                 daemon=True)
                self._trimmer.start()

    def _release_when_idle(self) -> None:
        while True:
            time.sleep(IDLE_TRIM_SECONDS / 2)
            with self._trim_lock:
                due = self._untrimmed and self._active == 0 and \
                    time.monotonic() - self._last_build >= IDLE_TRIM_SECONDS
                if due:
                    self._untrimmed = False
            if due:
                self._release()

    def _release(self) -> None:
        release_memory()

    def keep(self, key: tuple, body: Answer) -> Answer:
        """Put an answer computed outside cached() into the cache; the answer."""
        with self._cache_lock:
            if key not in self._cache:
                self._cache[key] = body
                self._size += len(body)
                while self._size > self._cache_bytes and len(self._cache) > 1:
                    _, old = self._cache.popitem(last=False)
                    self._size -= len(old)
        return body

    def peek(self, key: tuple) -> Answer | None:
        """The cached answer for key, or None (never computes, never waits for the database)."""
        with self._cache_lock:
            body = self._cache.get(key)
            if body is not None:
                self._cache.move_to_end(key)
                self.hits += 1
            return body

    def warm(self) -> None:
        """Compute the answers every page asks for first (crossover of all pack states, the country list)."""
        quiet(self.pack)
        self.countries()
        self.crossover_frame()

    # -- shared reads ---------------------------------------------------------------------------------------------
    def manifest(self) -> dict:
        """The pack's manifest, read once (the pack is read-only)."""
        if not hasattr(self, "_manifest"):
            from .. import store

            self._manifest = store.read_manifest(self.pack)
        return self._manifest

    def pack_countries(self) -> list[str]:
        if not hasattr(self, "_countries"):
            self._countries = list(self.manifest().get("pack_countries", []))
        return self._countries

    def sources(self) -> dict[str, str]:
        """Source id → its declared readable name."""
        if not hasattr(self, "_sources"):
            self._sources = source_names(self.manifest())
        return self._sources

    def resolve(self, value, *, kind: str = "country", powers: bool = True) -> list[str]:
        """Countries by name or code ('Kazakhstan', 'kaz') as pack ISO3 codes; a UsageError with 'did you mean'
        and the valid codes otherwise (China and Russia left out when not `powers`)."""
        valid = [c for c in self.pack_countries() if powers or c not in POWERS]
        return resolve_many(value, valid=valid, kind=kind) or []

    def crossover_frame(self) -> pd.DataFrame:
        """The crossover table for every pack state (computed once: its cost hardly depends on how many states)."""
        with self._crossover_lock:
            if not hasattr(self, "_crossover"):
                from ..indicators import crossover

                self._crossover = crossover(pack=self.pack)
            return self._crossover

    def _targets(self, country=None, region=None) -> list[str]:
        chosen = self.resolve(country, kind="country", powers=False) if country else []
        for item in _items(region):
            check_region(item)
            chosen += region_states(item, self.pack)
        return list(dict.fromkeys(chosen))

    # -- answers ----------------------------------------------------------------------------------------------
    def indicators(self, *, dimension=None, fmt: str = "json") -> Answer:
        """Every indicator with its metadata, valid flows, parameters and the source labels this pack has."""
        from ..indicators import DIMENSIONS

        dims = _items(dimension)
        for d in dims:
            if d not in DIMENSIONS:
                raise invalid_choice("dimension", d, DIMENSIONS)

        def build():
            from ..indicators import INDICATORS, context

            ctx = context(self.pack)
            out = []
            for ind in INDICATORS.values():
                if dims and ind.dimension not in dims:
                    continue
                try:
                    labels = list(ctx.labels(ind))  # (memoised, and run under the connection's lock)
                except MultipolarError:
                    labels = []
                out.append({"name": ind.name, "dimension": ind.dimension, "title": ind.title, "unit": ind.unit,
                            "definition": ind.definition, "inputs": list(ind.inputs), "sources": ind.sources,
                            "labels": labels, "source_names": {s: source_name(s, self.sources()) for s in labels},
                            "flows": list(ind.flows), "columns": list(ind.columns),
                            "partner": ind.partner_column is not None,
                            "params": [{"name": p.name, "default": plain(p.default), "doc": p.doc}
                                       for p in ind.params]})
            if fmt == "csv":
                flat = [{k: "; ".join(map(str, v)) if isinstance(v, list) else v for k, v in r.items()
                         if k not in ("params", "source_names")} for r in out]
                return to_csv(pd.DataFrame(flat))
            return out
        return self.cached(("indicators", tuple(dims), fmt), build)

    def indicator(self, name: str, **request) -> Answer:
        """Rows of one indicator for 1-MAX_COUNTRIES countries: {indicator, title, unit, dimension, n_rows, offset,
        limit, truncated, gaps, columns, source_names, highlight (the source view charts highlight), flags, rows}
        (or the rows as CSV). Invalid choices raise a
        UsageError that lists the valid ones."""
        return self.cached(*self.indicator_request(name, **request))

    def indicator_request(self, name: str, *, country, partner=None, years=None, source=None, flow=None,
                          limit: int = MAX_ROWS, offset: int = 0, params: dict | None = None,
                          fmt: str = "json") -> tuple[tuple, Callable]:
        """(cache key, builder) of an indicator request, after the checks that need no data (so a cached answer
        can be served without touching the database)."""
        from ..indicators import get

        ind = get(name)
        if not _items(country):
            raise UsageError("country is required (one or more names or ISO3 codes, e.g. Kazakhstan or KAZ,UZB); "
                             "see /api/countries")
        countries = self.resolve(country)
        if len(countries) > MAX_COUNTRIES:
            raise UsageError(f"at most {MAX_COUNTRIES} countries per request ({len(countries)} given)")
        partners = resolve_many(partner, kind="partner", aggregates=True)
        if partners and len(partners) > MAX_COUNTRIES:
            raise UsageError(f"at most {MAX_COUNTRIES} partners per request ({len(partners)} given)")
        if not 1 <= limit <= MAX_ROWS:
            raise UsageError(f"limit must lie between 1 and {MAX_ROWS}")
        if offset < 0:
            raise UsageError("offset must be 0 or more")
        params = dict(sorted((params or {}).items()))
        key = ("indicator", name, tuple(countries), tuple(partners or ()), str(years or ""), str(source or ""),
               str(flow or ""), tuple(params.items()), limit, offset, fmt)

        def build():
            from ..indicators import compute

            frame = compute(name, country=countries, partner=partners, years=years or None, source=source or None,
                            flow=flow or None, pack=self.pack, **params)
            page = frame.iloc[offset:offset + limit]
            if fmt == "csv":
                return to_csv(page)
            labels = sorted(set(page["source"].astype(str))) if "source" in page.columns else []
            found = sorted({f for q in page.get("quality", pd.Series([], dtype=str)).fillna("")
                            for f in str(q).split("; ") if f})
            head = {"indicator": name, "title": ind.title, "unit": ind.unit, "dimension": ind.dimension,
                    "n_rows": int(len(frame)), "offset": offset, "limit": limit,
                    "truncated": bool(offset + limit < len(frame)), "gaps": list(frame.attrs.get("gaps", [])),
                    "columns": list(frame.columns),
                    "source_names": {s: source_name(s, self.sources()) for s in labels},
                    "highlight": highlight_source(page, ind.dimension) if labels else None,
                    "flags": {f: (flag_texts(f) or [f])[0] for f in found}}
            return with_rows(head, page)
        return key, build

    def crossover(self, *, country=None, region=None, dimension=None, fmt: str = "json") -> Answer:
        """Crossover rows for countries (names or codes) and/or regions ('sco', 'central-asia') and dimensions."""
        from ..indicators import CROSSOVER_DIMENSIONS

        dims = _items(dimension)
        for d in dims:
            if d not in CROSSOVER_DIMENSIONS:
                raise invalid_choice("dimension", d, CROSSOVER_DIMENSIONS)
        chosen = self._targets(country, region)
        key = ("crossover", tuple(sorted(chosen)), tuple(sorted(dims)), fmt)

        def build():
            frame = self.crossover_frame()
            if chosen:
                frame = frame[frame["country"].isin(chosen)]
            if dims:
                frame = frame[frame["dimension"].isin(dims)]
            frame = frame.assign(name=frame["country"].map(country_name),
                                 source_name=frame["source"].map(lambda s: source_name(s, self.sources())))
            if fmt == "csv":
                return to_csv(frame)
            return with_rows({"n_rows": int(len(frame)), "columns": list(frame.columns)}, frame)
        return self.cached(key, build)

    def lead_frame(self, states: list[str]) -> pd.DataFrame:
        """The who-leads grid of states: one row per state and dimension, the crossover's own reading."""
        head = headline(self.crossover_frame(), states, self.sources())
        if head.empty:
            return pd.DataFrame(columns=list(LEAD_COLUMNS))
        head = head.assign(name=head["country"].map(country_name),
                           flags=head["quality"].map(lambda q: " | ".join(flag_texts(q))),
                           chips=head["quality"].map(lambda q: " | ".join(chips(q))))
        return head[list(LEAD_COLUMNS)]

    def leads(self, *, country=None, region=None, fmt: str = "json") -> Answer:
        """Who leads each state on each dimension: the reading (China, Russia or no clear lead), its year, both
        values, the source and its flags (default: the SCO's states)."""
        states = self._targets(country, region) or region_states("sco", self.pack)
        key = ("leads", tuple(states), fmt)

        def build():
            frame = self.lead_frame(states)
            if fmt == "csv":
                return to_csv(frame)
            return with_rows({"states": states, "n_rows": int(len(frame)), "columns": list(frame.columns)}, frame)
        return self.cached(key, build)

    def rerouting(self, *, partner=None, products: str = "sanctioned", year: int | None = None,
                  event_study: bool = False, estimator: str = "ppml", fmt: str = "json") -> Answer:
        """The sanctions re-routing summary, as `multipolar rerouting` gives it (JSON: its --format json, plus the
        section's charts, sentences and rows as the report shows them, under "section"; CSV: every table with a
        `table` column). Partners by name or code. The event study (one to two minutes to fit) is fitted outside
        the database lock, one fit at a time, and cached."""
        from ..analysis.event_study import ESTIMATORS
        from ..analysis.rerouting import PRODUCTS

        if products not in PRODUCTS:
            raise invalid_choice("products", products, PRODUCTS)
        if estimator not in ESTIMATORS:
            raise invalid_choice("estimator", estimator, ESTIMATORS)
        partners = resolve_many(partner, kind="partner")
        key = ("rerouting", tuple(partners or ()), products, year, event_study, estimator, fmt)
        found = self.peek(key)
        if found is not None:
            return found
        from ..analysis.rerouting import summary

        if not event_study:
            return self.cached(key, lambda: self._rerouting_answer(
                summary(partner=partners, products=products, year=year, pack=self.pack), fmt))
        with self._fit:  # one event study at a time; the database stays free for other requests while it fits
            found = self.peek(key)
            if found is not None:
                return found
            from ..analysis.event_study import fit
            from ..indicators import compute
            from ..indicators.rerouting import TARGET

            def tables():  # the tables and the event study's panel (as analysis.event_study reads it)
                result = summary(partner=partners, products=products, year=year, pack=self.pack)
                with_russia = TARGET in result.partners
                panel = compute("rerouting_panel", partner=list(result.neighbours) + ([TARGET] if with_russia
                                                                                       else []),
                                products=products, pack=self.pack)
                return result, with_russia, panel

            self.misses += 1
            result, with_russia, panel = self._pool.submit(tables).result()
            result.event_study = fit(panel, neighbours=result.neighbours, with_russia=with_russia,
                                     estimator=estimator, source="; ".join(sorted(set(panel["source"]))))
            return self.keep(key, self._rerouting_answer(result, fmt))

    def _rerouting_answer(self, result, fmt: str) -> Answer:
        """A re-routing summary as the API answers it: CSV (every table, a `table` column first, as the CLI's
        --format csv) or its JSON plus the section as the report shows it."""
        from ..report.rerouting import section

        if fmt == "csv":
            frames = [frame.assign(table=name)[["table", *frame.columns]] for name, frame in result.tables().items()]
            return to_csv(pd.concat(frames, ignore_index=True))
        doc = result.to_dict()
        doc["section"] = section(doc, self.sources())
        return Answer(dumps(doc))

    def findings(self, *, region: str | None = None) -> Answer:
        """The key findings for a region's states (default the SCO's), as sentences with figure, year, source."""
        region = check_region(region or "sco")

        def build():
            from ..indicators import compute

            states = region_states(region, self.pack)
            head = headline(self.crossover_frame(), states, self.sources())
            try:
                asym = compute("dependence_asymmetry", country="RUS", partner="CHN", flow="turnover", pack=self.pack)
            except MultipolarError:
                asym = None
            cross = self.crossover_frame()
            fin = cross[(cross["dimension"] == "finance") & cross["country"].isin(states)]
            fin = fin.rename(columns={"latest_year": "year", "china_latest": "value"})[["country", "year", "value",
                                                                                       "source"]]
            fin = fin[fin["year"].notna()]
            return {"region": region, "states": states,
                    "findings": findings(head, sources=self.sources(), asymmetry=asym, finance=fin,
                                         rerouting=self._rerouting_finding())}
        return self.cached(("findings", region), build)

    def _rerouting_finding(self) -> str | None:
        """The re-routing key finding, as the report words it (None when the pack has no product-level trade)."""
        from ..analysis.rerouting import summary
        from ..report.rerouting import finding

        try:
            return finding(summary(pack=self.pack).to_dict(), self.sources())
        except MultipolarError:
            return None

    def countries(self, *, fmt: str = "json") -> Answer:
        """Pack countries: ISO3, name, whether a power or Central Asian, and each organization's role today."""
        def build():
            from ..memberships import memberships_frame, status

            frame = memberships_frame(load_or_none("memberships", self.pack))
            known = [o for o in ORGANIZATIONS if o in set(frame["organization"])]
            out = []
            for c in self.pack_countries():
                out.append({"iso3": c, "name": country_name(c), "power": c in POWERS,
                            "central_asia": c in CENTRAL_ASIA,
                            "roles": {o: status(c, o, frame=frame) for o in known}})
            out = sorted(out, key=lambda r: (r["power"], r["name"]))
            if fmt == "csv":
                return to_csv(pd.DataFrame([{**{k: v for k, v in r.items() if k != "roles"},
                                             **{f"role_{o}": v for o, v in r["roles"].items()}} for r in out]))
            return out
        return self.cached(("countries", fmt), build)

    def country(self, value: str) -> Answer:
        """One state (by name or code): name, roles today, its membership history and its crossover rows."""
        code = resolve(value, valid=self.pack_countries())

        def build():
            from ..memberships import memberships_frame

            frame = memberships_frame(load_or_none("memberships", self.pack))
            history = frame[frame["country"] == code].sort_values(["start", "organization"], kind="stable")
            history = history[[c for c in ("organization", "role", "start", "end", "citation") if c in history]]
            cross = self.crossover_frame()
            cross = cross[cross["country"] == code]
            cross = cross.assign(source_name=cross["source"].map(lambda s: source_name(s, self.sources())))
            return {"iso3": code, "name": country_name(code), "power": code in POWERS,
                    "central_asia": code in CENTRAL_ASIA, "memberships": records(history),
                    "crossover": records(cross)}
        return self.cached(("country", code), build)

    def memberships(self, *, organization=None, on=None, fmt: str = "json") -> Answer:
        """Membership rows of the timeline organizations (or some), or the members at a date when `on` is given."""
        from ..memberships import members, memberships_frame, timeline

        frame = memberships_frame(load_or_none("memberships", self.pack))
        known = sorted(set(frame["organization"]))
        orgs = [o.upper() for o in _items(organization)] or [o for o in ORGANIZATIONS if o in known]
        for o in orgs:
            if o not in known:
                raise invalid_choice("organization", o, known)
        key = ("memberships", tuple(orgs), str(on or ""), fmt)

        def build():
            if on:
                found = {o: members(o, on, frame=frame) for o in orgs}
                if fmt == "csv":
                    return to_csv(pd.DataFrame([{"organization": o, "country": c, "on": str(on)}
                                                for o, cs in found.items() for c in cs]))
                return {"on": str(on), "members": found}
            rows = pd.concat([timeline(o, frame=frame) for o in orgs], ignore_index=True)
            if fmt == "csv":
                return to_csv(rows)
            return {"n_rows": int(len(rows)), "rows": records(rows)}
        return self.cached(key, build)

    def pack_info(self, *, fmt: str = "json") -> Answer:
        """The pack's tables (rows, years, countries, sources) and its sources (declared name, producer, licence,
        citation); CSV: the tables."""
        def build():
            tables, sources = provenance(self.manifest())
            names = self.sources()
            if fmt == "csv":
                return to_csv(pd.DataFrame([{**t, "sources": "; ".join(t["sources"])} for t in tables]))
            for s in sources:
                s.pop("files", None)
                s.pop("steps", None)
                s["name"] = names.get(s["id"], s["id"])
            return {"tables": tables, "sources": sources}
        return self.cached(("pack", fmt), build)

    def check(self, text: str, date=None) -> Answer:
        """The check of the claims in text (at most MAX_TEXT characters): the one JSON shape of CLI, API and
        Python (docs/claims.md)."""
        if not isinstance(text, str) or not text.strip():
            raise UsageError("text is empty: paste the sentences to check")
        if len(text) > MAX_TEXT:
            raise UsageError(f"text is {len(text):,} characters; the checker takes at most {MAX_TEXT:,} here")
        from .. import as_of

        day = as_of(date)  # out of the valid range: a UsageError (422), never a 500
        key = ("check", hashlib.sha256(text.encode("utf-8")).hexdigest(), str(day or ""))
        return self.cached(key, lambda: self._check(text, day))

    def _check(self, text: str, day) -> dict:
        """check_document's JSON, through the evidence and the memo every check shares."""
        from ..claims import check_text
        from ..claims.pack_evidence import PackEvidence

        with self._evidence_lock:
            evidence = self._evidence
            if evidence is None or len(getattr(evidence, "_cache", ())) > EVIDENCE_READS:
                evidence = self._evidence = PackEvidence(self.pack)
        return check_text(text, day, evidence=evidence, memo=self._memo).to_dict()


class BoundedMemo:
    """A thread-safe mapping of at most `size` entries (get and set; the least recently used go first)."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, default=None):
        with self._lock:
            value = self._items.get(key, default)
            if key in self._items:
                self._items.move_to_end(key)
            return value

    def __setitem__(self, key, value) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)


def release_memory() -> None:
    """Hand memory freed by finished work back to the system: Python's cyclic garbage, Arrow's memory pool and the C
    heap each keep what was freed for reuse (so a server's size stays at its peak after a burst of requests)."""
    import gc

    gc.collect()
    if "pyarrow" in sys.modules:
        try:
            sys.modules["pyarrow"].default_memory_pool().release_unused()
        except (AttributeError, NotImplementedError):
            pass
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):  # not glibc
            pass


def _items(value) -> list[str]:
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    return [str(v).strip() for v in items if str(v).strip()]


def plain(value):
    """JSON-ready scalar: numpy to Python, NaN/NA to None, dates to ISO strings."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
        if isinstance(value, list):
            return [plain(v) for v in value]
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, (dt.date, dt.datetime, pd.Timestamp)):
        return value.isoformat()
    return value


def records(frame: pd.DataFrame) -> list[dict]:
    return [{k: plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


def dumps(payload) -> bytes:
    """Compact UTF-8 JSON (no NaN: they become null)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=plain, allow_nan=False).encode()


def with_rows(head: dict, frame: pd.DataFrame) -> Answer:
    """head with a "rows" list of the frame's records, serialised (pandas writes the rows: much faster than dicts)."""
    rows = frame.to_json(orient="records", date_format="iso", force_ascii=False, default_handler=str) \
        if not frame.empty else "[]"
    body = dumps(head)
    return Answer(body[:-1] + b',"rows":' + rows.encode("utf-8") + b"}")


def to_csv(frame: pd.DataFrame) -> CSVAnswer:
    """The frame as UTF-8 CSV (header row, no index)."""
    return CSVAnswer(frame.to_csv(index=False).encode("utf-8"))


__all__ = ["Service", "Answer", "CSVAnswer", "MAX_ROWS", "MAX_COUNTRIES", "MAX_TEXT", "FORMATS", "REGIONS",
           "dumps", "records", "with_rows", "to_csv"]
