"""Quality flags: the one vocabulary every indicator row's `quality` column uses, its readable texts and thresholds.

A `quality` value is a string: "" when nothing is to be said, else flags joined by "; " in alphabetical order
(so merging two values is a sorted union), each a name or `name:detail`:

    carried_forward:<c>=<y>   (composite) component c is the value of year y, carried forward
    coverage:<p>%         the listed partner countries add up to p% of the total the share divides by
    estimate              an estimate (e.g. the IMF's), not a figure the reporter published
    implausible           an estimate that disagrees with the partner's own statistics by more than
                          IMPLAUSIBLE_FACTOR
    imputed               the reporter-year's partner values are the previous year's scaled by one factor
    no_comparison         (crossover) only one power has data in this source
    partial_window:<n>y   a rolling sum over n years only (the source starts later than the window)
    partial_year:<n>m     the year's figure covers n months only (never read as a year)
    preliminary           published as preliminary (may be revised)
    source_switch         the reconciled view takes another source view than the year before

`flag_text(flag)` gives the readable sentence, `texts(quality)` all of a value's sentences; `combine(...)` merges
quality values (pandas side), `expression(...)` builds the column inside an Ibis expression (any backend) and
`merged(...)` merges quality columns there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..lazy import ibis

# Separator between flags in a quality value.
SEP = "; "
# The vocabulary: name -> readable text ({detail} filled from the flag). Flags are written in alphabetical order.
FLAGS = {
    "estimate": "an estimate (e.g. by the IMF for a state that did not report), not a figure the reporter published",
    "imputed": "the reporter's partner values this year are last year's times one common factor: the partner "
               "distribution is carried over (imputed), not observed",
    "partial_year": "covers {detail} of the year only: a partial period, not comparable with full years",
    "preliminary": "preliminary figure, published as such and open to revision",
    "coverage": "the partner countries listed add up to {detail} of the total: shares are shares of the total, "
                "and trade not allocated to a partner is in no partner's share",
    "source_switch": "the reconciled view changes source view in this year: a change from the year before may be "
                     "the switch, not a change in trade",
    "implausible": "an estimate that differs from the partner's own statistics for the same flow and year by more "
                   "than a factor of {factor:g}",
    "partial_window": "the rolling window holds {detail} only (the source's first year is later than the window's "
                      "start)",
    "carried_forward": "component {detail}: its latest value carried forward (no newer data)",
    "no_comparison": "only one power has data in this source: nothing to compare",
}
# Listed partners covering less than this share of the total get a coverage flag.
COVERAGE_MIN = 0.9
# An estimate differing from the partner's own report of the same flow (same year, full year, not an estimate) by
# more than this factor, either way, is implausible. Valuation (CIF against FOB) and timing explain differences of
# 10-20%; the IMF derives its estimates from partners' reports, so a factor of 2 means the estimate does not follow
# them (e.g. the IMF's 2023 estimate of Russia's exports to Uzbekistan, 3.4 times Uzbekistan's own imports from
# Russia after a x3.7 jump in one year that Uzbekistan's figures do not show).
IMPLAUSIBLE_FACTOR = 2.0
# A reporter-year is imputed when, for at least IMPUTED_MIN_PARTNERS partners with IMPUTED_MIN_SHARE or more of the
# listed partners' sum in both years, value / previous year's value is one and the same multiple to within
# IMPUTED_RTOL (published figures are rounded: a relative tolerance, not equality).
IMPUTED_MIN_PARTNERS = 3
IMPUTED_MIN_SHARE = 0.001
IMPUTED_RTOL = 1e-5

_FLAG = re.compile(r"^(?P<name>[a-z_]+)(?::(?P<detail>.+))?$")


def split(quality) -> list[str]:
    """The flags of a quality value ('' or None: none)."""
    if quality is None or (isinstance(quality, float) and quality != quality):
        return []
    return [f for f in (part.strip() for part in str(quality).split(SEP.strip())) if f]


def name(flag: str) -> str:
    """A flag's name (the part before ':'); a ValueError for a flag outside the vocabulary."""
    match = _FLAG.match(flag.strip())
    if not match or match.group("name") not in FLAGS:
        raise ValueError(f"unknown quality flag {flag!r}; the vocabulary is {', '.join(FLAGS)}")
    return match.group("name")


def flag_text(flag: str) -> str:
    """The readable sentence of one flag, e.g. 'partial_year:2m' -> 'covers 2 months of the year only: ...'."""
    key = name(flag)
    detail = _FLAG.match(flag.strip()).group("detail") or ""
    if key == "partial_year" and detail.endswith("m") and detail[:-1].isdigit():
        n = int(detail[:-1])
        detail = f"{n} month{'s' if n != 1 else ''}"
    elif key == "partial_window" and detail.endswith("y") and detail[:-1].isdigit():
        n = int(detail[:-1])
        detail = f"{n} year{'s' if n != 1 else ''}"
    elif key == "carried_forward" and "=" in detail:
        component, year = detail.split("=", 1)
        detail = f"{component} is {year}'s value"
    return FLAGS[key].format(detail=detail, factor=IMPLAUSIBLE_FACTOR)


def texts(quality) -> list[str]:
    """Readable sentences for every flag of a quality value."""
    return [flag_text(f) for f in split(quality)]


# Flags kept once per name when merged, with the weakest detail (the least coverage, months or window years).
_LEAST = ("coverage", "partial_year", "partial_window")


def _amount(flag: str) -> float:
    digits = re.sub(r"[^0-9.]", "", flag.split(":", 1)[1] if ":" in flag else "")
    return float(digits) if digits else float("inf")


def combine(*qualities: str | Iterable[str] | None) -> str:
    """Quality values (or lists of flags) merged: each flag once, in alphabetical order; coverage, partial_year and
    partial_window once each, with the weakest value (e.g. coverage:45% and coverage:51% -> coverage:45%);
    carried_forward once per component, from the oldest year. Unknown flags are refused."""
    flags: set[str] = set()
    for q in qualities:
        if q is None:
            continue
        flags.update(split(q) if isinstance(q, str) else [f for item in q for f in split(item)])
    kept: dict[str, str] = {}
    for flag in sorted(flags):
        key = name(flag)
        if key == "carried_forward":
            key = flag.split("=", 1)[0]
        elif key not in _LEAST:
            key = flag
        if key not in kept or _amount(flag) < _amount(kept[key]):
            kept[key] = flag
    return SEP.join(sorted(kept.values()))


def partial_year(months: int) -> str:
    """The partial-year flag for a figure covering `months` months."""
    return f"partial_year:{int(months)}m"


def coverage(fraction: float) -> str:
    """The coverage flag for listed partners adding up to `fraction` of the total (rounded to a whole percent)."""
    return f"coverage:{round(fraction * 100):d}%"


def expression(*, estimate=None, imputed=None, months=None, preliminary=None, coverage=None, switch=None,
               implausible=None, window_years=None, window=None):
    """An Ibis string expression: the quality value of each row from its flag columns (booleans, months, coverage
    fraction, years in a rolling window against its length; None: that flag does not apply), flags in alphabetical
    order."""
    parts, conditions = [], []

    def flag(condition, text):
        if condition is not None:
            conditions.append(condition.fill_null(False))
            parts.append(ibis.ifelse(conditions[-1], SEP + text, ""))

    # Alphabetical: coverage, estimate, implausible, imputed, partial_window, partial_year, preliminary,
    # source_switch.
    if coverage is not None:
        percent = (coverage * 100).round(0).cast("int64")
        conditions.append(coverage.notnull() & (coverage < COVERAGE_MIN))
        parts.append(ibis.ifelse(conditions[-1], SEP + "coverage:" + percent.cast("string") + "%", ""))
    flag(estimate, "estimate")
    flag(implausible, "implausible")
    flag(imputed, "imputed")
    if window_years is not None:
        conditions.append(window_years < window)
        parts.append(ibis.ifelse(conditions[-1], SEP + "partial_window:" + window_years.cast("string") + "y", ""))
    if months is not None:
        conditions.append(months.fill_null(12) < 12)
        parts.append(ibis.ifelse(conditions[-1], SEP + "partial_year:" + months.cast("int32").cast("string") + "m",
                                 ""))
    flag(preliminary, "preliminary")
    flag(switch, "source_switch")
    if not parts:
        return ibis.literal("")
    text, flagged = parts[0], conditions[0]
    for part, condition in zip(parts[1:], conditions[1:]):
        text, flagged = text + part, flagged | condition
    # Every piece starts with the separator: drop the first one. Most rows have no flag: the text is built only
    # for those that have one.
    return ibis.ifelse(flagged, text.substr(len(SEP)), "")


def merged(*values):
    """Ibis string expressions of quality values (or of single flags, "" for none) merged into one value: each flag
    once, alphabetical."""
    text = ibis.literal("")
    for value in values:
        text = text + SEP + value.fill_null("")
    flags = text.split(SEP).unique().remove("").sort()
    return flags.join(SEP).fill_null("")


def vocabulary() -> list[dict[str, str]]:
    """The flags with their readable texts (for docs and --help): [{'flag', 'text'}]."""
    examples = {"partial_year": "partial_year:2m", "coverage": "coverage:60%", "partial_window": "partial_window:2y",
                "carried_forward": "carried_forward:igo=2014"}
    return [{"flag": examples.get(key, key), "text": flag_text(examples.get(key, key))} for key in FLAGS]
