"""multipolar: who holds sway over whom — China's and Russia's influence over the SCO and Central Asia, from data.

The Python interface names things as the CLI and the JSON API do: `country`, `partner`, `years`, `source`, `flow`,
`region`, `dimension`, `pack`. Countries are accepted by name or ISO3 code, in any case ("Kazakhstan", "KAZ",
"kaz"). `year` is accepted as an alias of `years`.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["load", "indicator", "crossover", "check", "report", "rerouting", "MultipolarError", "UsageError",
           "__version__"]

from .errors import MultipolarError, UsageError

# Old spellings still accepted, each the alias of one documented name.
ALIASES = {"year": "years"}


def _options(given: dict, valid: tuple[str, ...], what: str) -> dict:
    """given with aliases renamed; a UsageError naming the closest valid option for anything unknown."""
    import difflib

    out = {}
    for key, value in given.items():
        name = ALIASES.get(key, key)
        if name not in valid:
            close = difflib.get_close_matches(key, valid, n=1, cutoff=0.6)
            hint = f": did you mean {close[0]!r}?" if close else "."
            raise UsageError(f"invalid option {key!r} of {what}{hint} Valid options: {', '.join(valid)}")
        if name in out and out[name] is not None and value is not None:
            raise UsageError(f"{what}: give {name!r} once (its alias {key!r} was given too)")
        if value is not None or name not in out:
            out[name] = value
    return out


def load(name: str, *, country=None, partner=None, years=None, source=None, pack=None, **aliases):
    """A data pack table as a pandas DataFrame, filtered: country and partner (names or ISO3 codes, one or a list),
    years (2019, '2000-2023' or (2000, 2023); alias: year), source (label or list), pack (folder)."""
    from .countries import resolve_many
    from .store import load as _load

    opts = _options({"years": years, **aliases}, ("country", "partner", "years", "source", "pack"),
                    f"load({name!r})")
    return _load(name, pack=pack, country=resolve_many(country, aggregates=True),
                 partner=resolve_many(partner, kind="partner", aggregates=True), year=opts.get("years"),
                 source=source)


def indicator(name: str, *, country=None, partner=None, years=None, source=None, flow=None, pack=None,
              backend: str = "duckdb", **params):
    """An indicator from the registry as a DataFrame (source and quality columns kept); see `multipolar indicator
    list`. Filters as in `load` (alias: year for years), flow (export | import | turnover); other keyword arguments
    are the indicator's own parameters (e.g. base_year=2010)."""
    from .indicators import compute

    if "year" in params:
        opts = _options({"years": years, "year": params.pop("year")}, ("years",), f"indicator({name!r})")
        years = opts["years"]
    return compute(name, country=country, partner=partner, years=years, source=source, flow=flow, pack=pack,
                   backend=backend, **params)


def crossover(*, country=None, region=None, dimension=None, pack=None):
    """When China overtook Russia: one row per country, dimension and source (see `multipolar crossover`).
    country: names or ISO3 codes; region: 'sco' and/or 'central-asia'; dimension: one or a list."""
    from .countries import resolve_many
    from .indicators import crossover as _crossover

    return _crossover(countries=resolve_many(country), region=region, dimensions=_listed(dimension), pack=pack)


def check(text: str, date=None, *, pack=None):
    """Check the claims in a text against the data. date: the article's date (YYYY-MM-DD or a date, 1800-01-01 to
    2100-12-31; multipolar.dates.parse_as_of raises a UsageError naming the range otherwise): a CheckResult
    (iterate it for the verdicts); its `to_dict()` is the one JSON shape of CLI, API and Python: docs/claims.md."""
    from .claims import check_text

    return check_text(text, date=as_of(date), pack=pack)


def as_of(date):
    """A date a user gives, read by the one date parser (multipolar.dates.parse_as_of: valid range, a UsageError
    naming it otherwise); None stays None."""
    if date is None or date == "":
        return None
    from .dates import parse_as_of

    return parse_as_of(date)


def report(out="report.html", **options):
    """Write the HTML report (options: region, lang, fmt, pack, cache); returns its path."""
    from .report import build_report

    return build_report(out=out, **options)


def rerouting(partner=None, products: str = "sanctioned", year=None, event_study: bool = False, **options):
    """The sanctions re-routing tables (as `multipolar rerouting`): growth per partner, leakage ratio, top products,
    both legs of the roundabout, optionally the event study; `.tables()` gives them by name, `.to_dict()` the CLI's
    JSON. partner: names or ISO3 codes; options: estimator ('ppml' | 'ols'), pack, backend."""
    from .analysis.rerouting import summary

    opts = _options(options, ("estimator", "pack", "backend"), "rerouting()")
    return summary(partner=partner, products=products, year=year, event_study=event_study, **opts)


def _listed(value):
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else list(value)
    return [str(v).strip() for v in items if str(v).strip()] or None
