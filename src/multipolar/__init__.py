"""multipolar: who holds sway over whom — China's and Russia's influence over the SCO and Central Asia, from data."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["load", "indicator", "check", "report", "rerouting", "MultipolarError", "__version__"]

from .errors import MultipolarError


def load(name: str, **filters):
    """A data pack table as a pandas DataFrame; filters: country, partner, year ('2000-2023'), source, pack."""
    from .store import load as _load

    return _load(name, **filters)


def indicator(name: str, **filters):
    """An indicator from the registry as a DataFrame (source column kept); see `multipolar indicator list`."""
    from .indicators import compute

    return compute(name, **filters)


def check(text: str, date=None, *, pack=None):
    """Check the claims in a text against the data: a CheckResult (iterate it for the verdicts; .to_dict() is the
    JSON the CLI and the API give). date: the article's date (YYYY-MM-DD or a date, 1800-01-01 to 2100-12-31;
    multipolar.dates.parse_as_of raises a UsageError naming the range otherwise)."""
    from .claims import check_text
    from .dates import parse_as_of

    return check_text(text, date=parse_as_of(date) if date is not None else None, pack=pack)


def report(out="report.html", **options):
    """Write the HTML report; returns its path."""
    from .report import build_report

    return build_report(out=out, **options)


def rerouting(partner=None, products: str = "sanctioned", year=None, event_study: bool = False, **options):
    """The sanctions re-routing tables (as `multipolar rerouting`): growth per partner, leakage ratio, top products,
    both legs of the roundabout, optionally the event study; `.tables()` gives them by name."""
    from .analysis.rerouting import summary

    return summary(partner=partner, products=products, year=year, event_study=event_study, **options)
