"""Every read the report makes: indicator frames, crossover, memberships, verdicts, source names and provenance."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from .. import config
from ..countries import CENTRAL_ASIA, POWERS
from ..errors import DataError, MultipolarError, UsageError, invalid_choice
from .seedcheck import (SEED_ARTICLE, SEED_DATE, SEED_ORIGIN,  # noqa: F401 - re-exported
                        CheckWorker, DiskCache, cache_read as _cache_read,
                        cache_write as _cache_write, check_key, seed_article)
from .selection import ORGANIZATIONS, STATE_SERIES, country_name, headline

# Regions the report covers: the SCO's member states (today) or the five Central Asian states.
REGIONS = ("sco", "central-asia")
# Languages the report is written in.
LANGS = ("en",)
Progress = Callable[[str], None]
# Steps gather() announces to its progress callback.
GATHER_STEPS = 7 + len(STATE_SERIES)


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


def quiet(pack) -> None:
    """Turn off DuckDB's own progress bar: it would print over ours (and into server logs)."""
    from ..indicators import context

    try:
        ctx = context(pack)
        with ctx.lock:  # (the connection serves one thread at a time)
            ctx.con.con.execute("SET enable_progress_bar = false")
    except Exception:  # noqa: BLE001 - cosmetic; an older DuckDB without the setting still works
        pass


def load_or_none(name: str, pack) -> pd.DataFrame | None:
    """A pack table, or None when the pack lacks it."""
    from .. import store

    try:
        return store.load(name, pack=pack)
    except (DataError, UsageError):
        return None


def region_states(region: str, pack=None) -> list[str]:
    """The target states of a region, China and Russia left out: SCO members today, or the five Central Asian states."""
    check_region(region)
    if region == "central-asia":
        return list(CENTRAL_ASIA)
    from ..memberships import members, memberships_frame

    frame = memberships_frame(load_or_none("memberships", pack))
    return [c for c in members("SCO", frame=frame) if c not in POWERS]


def source_names(manifest: dict) -> dict[str, str]:
    """Every source id → its readable name, as the source declares it on its ORIGIN (sources.identity); a source
    without a declared identity is named by its producer as the pack's manifest records it."""
    names: dict[str, str] = {}
    for entry in manifest.get("tables", {}).values():
        for src in entry.get("sources", []):
            producer = str(src.get("producer") or src["id"])
            names.setdefault(src["id"], producer.split(";")[0].strip())
    try:
        from ..sources import identities
    except ImportError:  # sources without declared identities: the producers' names
        return names
    for sid, ident in identities().items():
        if ident is not None and getattr(ident, "label", None):
            names[sid] = ident.label
    return names


# ---------------------------------------------------------------------------------------------------------------
# What the report needs, gathered once


@dataclass
class ReportData:
    """Every frame the report draws, read from one pack."""

    region: str
    states: list[str]
    names: dict[str, str]                    # ISO3 → country name
    manifest: dict
    crossover: pd.DataFrame
    series: dict[str, pd.DataFrame]          # indicator → frame (country, partner, year, source, value, quality…)
    asymmetry: pd.DataFrame
    memberships: pd.DataFrame
    organizations: pd.DataFrame
    verdicts: list[dict]
    article: dict
    indicators: pd.DataFrame
    sources: dict[str, str] = field(default_factory=dict)   # source id → declared readable name
    check: dict = field(default_factory=dict)                # the seed article's check result (one JSON shape)
    headline: pd.DataFrame = field(default_factory=pd.DataFrame)
    rerouting: dict = field(default_factory=dict)            # analysis.rerouting.summary(...).to_dict()
    pack_dir: str = ""
    problems: list[str] = field(default_factory=list)


def gather(region: str = "sco", *, pack=None, progress: Progress | None = None, cache: bool = True,
           event_study: bool = False, worker: CheckWorker | None = None,
           while_checking: Callable[[ReportData], None] | None = None) -> ReportData:
    """Read everything the report shows, for the states of `region`; progress(step) is called before each step.

    cache: keep the costly results (the crossover table, the seed article's check, the re-routing summary) in the
    user's cache folder, keyed by the pack's manifest, the package version and the source of the indicator,
    claim and analysis code, so a second build from the same pack and code reuses them (any change to either
    recomputes). event_study: fit the re-routing event study too (one to two minutes; cached like the rest).
    worker: the seed article's check already started (`seedcheck.start_early`, which `multipolar report` calls
    before importing this module); used when it checks the seed article on this pack, closed in any case.
    while_checking(data): called with everything but the check (data.check and data.verdicts still empty) while
    the worker checks, e.g. to draw the charts meanwhile.
    """
    try:
        check_region(region)
        from ..indicators import context

        # One batch over every read: a memoised table the crossover, the series, the asymmetry, the claims and the
        # re-routing tables share (the trade views above all) is computed once, at its first use.
        with context(pack).batch():
            return _gather(region, pack=pack, progress=progress, cache=cache, event_study=event_study,
                           worker=worker, while_checking=while_checking)
    finally:
        if worker:
            worker.close()


def _gather(region: str, *, pack, progress: Progress | None, cache: bool, event_study: bool,
            worker: CheckWorker | None, while_checking=None) -> ReportData:
    from .. import store

    step = progress or (lambda _label: None)
    step("Reading the data pack")
    article = seed_article()
    key = check_key(article)
    disk = DiskCache(pack) if cache else None
    check = _cache_read(disk, key, ".json")
    # The seed article's check (claims) needs nothing the other steps compute: on a second core, in a worker
    # process of its own, it runs while this one reads everything else (its result is awaited last). Started
    # first, before this process opens the pack.
    if check is not None or (worker is not None and not worker.matches(article, pack)):
        worker = None
    elif worker is None:
        worker = CheckWorker.start(article, pack)
    try:
        manifest = store.read_manifest(pack)
        quiet(pack)
        states = region_states(region, pack)
        problems: list[str] = []
        return _read_all(region, states, manifest, article, check, key, worker, problems, disk, step, pack,
                         event_study, while_checking)
    finally:
        if worker:
            worker.close()


def _read_all(region, states, manifest, article, check, check_key, worker, problems, disk, step, pack,
              event_study, while_checking=None) -> ReportData:
    from .. import indicators

    step("Crossover: when China overtook Russia")
    cross = _cached_frame(disk, ("crossover", *states),
                          lambda: indicators.crossover(countries=states, pack=pack))

    series = {}
    for name, (_dim, _subject, flows, _fmt, _axis) in STATE_SERIES.items():
        step(f"Series: {name}")
        series[name] = _series(name, flows, states, pack, problems)

    step("Asymmetry between China and Russia")
    asym = _safe(lambda: indicators.compute("dependence_asymmetry", country="RUS", partner="CHN", flow="turnover",
                                            pack=pack), problems, "dependence_asymmetry")
    asym.attrs = {}
    cross.attrs = {}

    step("Membership timelines")
    from ..memberships import memberships_frame, timeline

    frame = memberships_frame(load_or_none("memberships", pack))
    known = set(frame["organization"])
    rows = [timeline(org, frame=frame) for org in ORGANIZATIONS if org in known]
    member_rows = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()
    orgs = load_or_none("organizations", pack)
    if orgs is None:
        orgs = pd.DataFrame(columns=["organization", "name", "founded", "citation"])

    step("Sanctions re-routing" + (" (with the event study: a minute or two)" if event_study else ""))
    rerouting = _cached_json(disk, ("rerouting", event_study), lambda: _rerouting(pack, problems, event_study),
                             keep=lambda v: bool(v))

    step("Indicator definitions")
    defs = indicators.list_indicators()

    names = {c: country_name(c) for c in sorted(set(states) | set(POWERS) | set(member_rows.get("country", [])))}
    sources = source_names(manifest)
    data = ReportData(region=region, states=states, names=names, manifest=manifest, crossover=cross, series=series,
                      asymmetry=asym, memberships=member_rows, organizations=orgs, verdicts=[], article=article,
                      indicators=defs, sources=sources, check={}, pack_dir=str(config.pack_dir(pack)),
                      problems=problems)
    data.headline = headline(cross, states, sources)
    data.rerouting = rerouting or {}

    step("Checking the seed article's claims")
    if check is None:
        if while_checking and worker:
            while_checking(data)  # (this core is idle until the worker answers)
        check, noted = worker.result() if worker else (None, [])
        if check is None:  # no worker process could be started: checked here
            check = check_claims(article["text"], article["date"], pack=pack, problems=noted)
        problems += noted
        if check:
            _cache_write(disk, check_key, ".json", check)
    data.verdicts = list(check.get("claims", [])) if check else []
    data.check = check or {}
    return data


def _rerouting(pack, problems: list[str], event_study: bool = False) -> dict:
    """The re-routing summary (with its event study when asked), as JSON; empty, the problem noted, when the pack
    has no product-level trade."""
    from ..analysis.rerouting import summary

    try:
        return summary(event_study=event_study, pack=pack).to_dict()
    except MultipolarError as exc:
        problems.append(f"sanctions re-routing: {exc.one_line()}")
        return {}


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
    value = _cache_read(disk, key, ".json")
    if value is not None:
        return value
    value = compute()
    if keep(value):
        _cache_write(disk, key, ".json", value)
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
    # pandas deep-copies attrs (the gap notes) into every derived frame: the report draws gaps, it does not list them.
    frame.attrs = {}
    if frame.empty or not flows:
        return frame
    rank = {f: i for i, f in enumerate(flows)}
    frame = frame[frame["flow"].isin(flows)].copy()
    frame["_rank"] = frame["flow"].map(rank)
    best = frame.groupby(["country", "source"])["_rank"].transform("min")
    return frame[frame["_rank"] == best].drop(columns="_rank").reset_index(drop=True)


def check_document(text: str, date=None, *, pack=None) -> dict:
    """The claim checker's result as THE JSON shape of CLI, API and Python ({"date", "claims", "summary", …}:
    docs/claims.md): its own `to_dict()`, or the CLI's JSON renderer for a checker that returns a list."""
    from ..claims import check_text

    result = check_text(text, date=date, pack=pack)
    if hasattr(result, "to_dict"):
        return result.to_dict()
    from ..claims import parse_date
    from ..claims.render import to_json

    doc = json.loads(to_json(result, date=parse_date(date)))
    doc.setdefault("date", None)
    return doc


def check_claims(text: str, date=None, *, pack=None, problems: list[str] | None = None) -> dict:
    """check_document(), or {} with a note in problems when the checker is missing or fails on the pack."""
    try:
        import multipolar.claims  # noqa: F401
    except ImportError as exc:  # the checker is an optional layer while it is being built
        if problems is not None:
            problems.append(f"claim checker not available: {exc}")
        return {}
    try:
        return check_document(text, date, pack=pack)
    except MultipolarError as exc:
        if problems is not None:
            problems.append(f"claim checker: {exc.one_line()}")
        return {}


__all__ = ["ReportData", "gather", "region_states", "seed_article", "check_claims", "check_document",
           "source_names", "check_region", "check_lang", "REGIONS", "LANGS", "GATHER_STEPS"]
