"""The canonical tables: their columns, types, keys and country columns. Every write is checked against these."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pyarrow as pa

from .lazy import numpy as np
from .lazy import pandas as pd

# The latest year a measured value can belong to: no figure comes from the future (the current year may be partial).
LATEST_YEAR = dt.date.today().year
# Text a parser puts in a row's `note` when the source itself publishes a value outside the table's plausible range
# (e.g. a negative export in an IMF aggregate): such a row is kept, flagged, and exempt from the range checks.
PUBLISHED_ODDITY = "implausible as published"


@dataclass(frozen=True)
class Bounds:
    """The plausible values of one column, both ends inclusive (None: open). On a text `period` column ('YYYY',
    'YYYY-MM', '2022-23') the bounds apply to its year. `why` says where the limits come from."""

    low: float | None = None
    high: float | None = None
    why: str = ""

    def describe(self) -> str:
        """'between 0 and 1e+14', 'at least 0', …"""
        if self.low is not None and self.high is not None:
            return f"between {self.low:g} and {self.high:g}"
        return f"at least {self.low:g}" if self.low is not None else f"at most {self.high:g}"


@dataclass(frozen=True)
class TableSpec:
    """One canonical table: Arrow schema, the columns that must be unique together, and its country columns."""

    name: str
    description: str
    schema: pa.Schema
    key: tuple[str, ...]
    country_columns: tuple[str, ...] = ()
    # Columns that may be null; every other column must be filled.
    nullable: frozenset[str] = field(default_factory=frozenset)
    # Whether the pack keeps only rows touching a pack country (False: small tables kept whole, e.g. BRICS members).
    focus_only: bool = True
    # Plausible values per column (signs, ranges, years): checked on every parse and every write (see implausible()).
    checks: dict[str, Bounds] = field(default_factory=dict)
    # (value column, partner column, total code): no partner's value may exceed the total row (e.g. partner WLD) of
    # the same reporter, period, flow and source, beyond rounding (see over_total()).
    total: tuple[str, str, str] | None = None

    @property
    def columns(self) -> list[str]:
        return self.schema.names


def _spec(name, description, fields, key, country_columns=(), nullable=(), focus_only=True, checks=None, total=None):
    return TableSpec(name, description, pa.schema(fields), tuple(key), tuple(country_columns), frozenset(nullable),
                     focus_only, dict(checks or {}), total)


def _years(first: int, last: int = LATEST_YEAR, why: str = "") -> Bounds:
    return Bounds(first, last, why or f"years {first} to the current year")


# Value ranges shared by several tables. Upper limits sit far above any real figure (the largest: world exports
# in DOTS, 1.9e13 USD; world GDP 1.05e14 USD) so that only a wrong unit or a corrupted cell reaches them.
USD_TRADE = Bounds(0, 1e14, "a trade value is never negative; world trade is ~2.5e13 USD a year")
USD_MONTH = Bounds(0, 1e13, "a month's trade is never negative")
NON_NEGATIVE = Bounds(0, None, "a count or amount is never negative")
SHARE = Bounds(0, 1, "a share")
TALLY = Bounds(0, 250, "votes of one roll call: the UN has 193 members")


S, I16, I32, I64, F64, B, D = pa.string(), pa.int16(), pa.int32(), pa.int64(), pa.float64(), pa.bool_(), pa.date32()
# Code levels of product_trade / product_codes, finest first, each with its code length (TOTAL: all goods, the
# product_code "TOTAL"). Codes of two levels overlap: a figure is only ever summed within one level.
CODE_LEVELS = {"CN8": 8, "HS6": 6, "HS4": 4, "TOTAL": 0}

TABLES: dict[str, TableSpec] = {t.name: t for t in [
    _spec("trade_flows",
          "Annual goods trade by reporter and partner, as the reporter (source) states it. flow is from the reporter's "
          "side: 'export' = reporter's exports to partner. value_usd is in US dollars (not millions); null where the "
          "published currency is not USD and no cited rate exists. months < 12 marks a partial year.",
          [("reporter", S), ("partner", S), ("year", I16), ("flow", S), ("source", S),
           ("value_usd", F64), ("value_published", F64), ("unit_published", S), ("basis", S),
           ("is_estimate", B), ("months", pa.int8()), ("note", S)],
          key=("reporter", "partner", "year", "flow", "source"), country_columns=("reporter", "partner"),
          nullable=("value_usd", "note"),
          checks={"year": _years(1946), "value_usd": USD_TRADE, "value_published": NON_NEGATIVE,
                  "months": Bounds(1, 12, "months of the year covered")},
          total=("value_usd", "partner", "WLD")),
    _spec("trade_monthly",
          "Monthly goods trade by reporter and partner (period 'YYYY-MM'), same conventions as trade_flows.",
          [("reporter", S), ("partner", S), ("period", S), ("flow", S), ("source", S),
           ("value_usd", F64), ("value_published", F64), ("unit_published", S), ("basis", S),
           ("is_estimate", B), ("note", S)],
          key=("reporter", "partner", "period", "flow", "source"), country_columns=("reporter", "partner"),
          nullable=("value_usd", "note"),
          checks={"period": _years(1946), "value_usd": USD_MONTH, "value_published": NON_NEGATIVE},
          total=("value_usd", "partner", "WLD")),
    _spec("headline_figures",
          "Official headline trade figures as reported in the press, one row per page; period is a calendar year "
          "('2023') or an Indian fiscal year ('2022-23', April-March). value_usd in US dollars.",
          [("country_a", S), ("country_b", S), ("period", S), ("flow", S), ("reporter_source", S),
           ("value_usd", F64), ("is_derived", B), ("unit_note", S), ("url", S), ("source", S)],
          key=("country_a", "country_b", "period", "flow", "reporter_source", "url"),
          country_columns=("country_a", "country_b"), nullable=("unit_note",), focus_only=False,
          checks={"period": _years(1990), "value_usd": USD_TRADE}),
    _spec("product_trade",
          "Goods trade by product code: reporter, partner, flow ('export' = reporter's exports to partner), year and "
          "month (null = a whole-year figure), product_code at code_level (CN8, HS6, HS4, or TOTAL for all goods), "
          "value in currency units as published (EUR, USD; not thousands), quantity in metric tonnes where the "
          "source gives one. Codes of different levels overlap (an HS4 row contains its CN8 codes): never sum "
          "across code levels. sanctioned: the code is on the EU's export-sanction annexes for Russia (an HS6 or HS4 "
          "code: it contains a code that is; TOTAL: false). chpl_tier: the Common High Priority Items List tier of "
          "the code's HS6 (null: not on the list).",
          [("reporter", S), ("partner", S), ("flow", S), ("year", I16), ("month", pa.int8()), ("product_code", S),
           ("code_level", S), ("value", F64), ("currency", S), ("quantity", F64), ("sanctioned", B),
           ("chpl_tier", S), ("source", S)],
          key=("reporter", "partner", "flow", "year", "month", "product_code", "code_level", "source"),
          country_columns=("reporter", "partner"), nullable=("month", "quantity", "chpl_tier"),
          checks={"year": _years(1988), "month": Bounds(1, 12, "a month of the year"),
                  "value": Bounds(0, 1e14, "a trade value is never negative; world trade is ~2.5e13 USD a year"),
                  "quantity": NON_NEGATIVE}),
    _spec("product_codes",
          "Product codes and their labels as the source publishes them, per code level (CN8, HS6, HS4).",
          [("product_code", S), ("code_level", S), ("label", S), ("source", S)],
          key=("product_code", "code_level", "source")),
    _spec("chpl_items",
          "Common High Priority Items List: HS6 codes and their tiers.",
          [("hs6", S), ("tier", S), ("source", S)], key=("hs6", "source")),
    _spec("macro",
          "GDP (current USD) and population by country and year.",
          [("country", S), ("year", I16), ("source", S), ("gdp_usd", F64), ("population", F64)],
          key=("country", "year", "source"), country_columns=("country",), nullable=("gdp_usd", "population"),
          focus_only=False,
          checks={"year": _years(1946), "gdp_usd": Bounds(1, 1e15, "GDP is positive; world GDP is ~1e14 USD"),
                  "population": Bounds(1e3, 1e10, "the smallest state has ~1e3 people, the world ~8e9")}),
    _spec("memberships",
          "Who belongs to which organization in which role, from when to when (end null = still), with the act cited.",
          [("organization", S), ("country", S), ("role", S), ("start", D), ("end", D), ("source", S),
           ("citation", S), ("note", S)],
          key=("organization", "country", "role", "start"), country_columns=("country",), nullable=("end", "note"),
          focus_only=False),
    _spec("organizations",
          "Organizations, their bodies and initiatives: founding date, parent body and the founding act cited.",
          [("organization", S), ("name", S), ("kind", S), ("founded", D), ("parent", S), ("dissolved", D),
           ("source", S), ("citation", S), ("note", S)],
          key=("organization",), nullable=("parent", "dissolved", "note")),
    _spec("summits",
          "SCO Council of Heads of State meetings: date, host city and country, declaration adopted.",
          [("year", I16), ("date", D), ("host_city", S), ("host_country", S), ("declaration", S), ("url", S),
           ("verified", B), ("source", S)],
          key=("year", "date"), country_columns=("host_country",), nullable=("url", "declaration"), focus_only=False,
          checks={"year": _years(1996, LATEST_YEAR + 1, "Shanghai Five 1996 to next year's planned summit")}),
    _spec("declaration_texts",
          "Full English texts of SCO declarations (as extracted from the Secretariat's PDFs: hard line breaks and "
          "page numbers kept), by summit year. document says what the text is: 'declaration', or e.g. "
          "'information report' for 2018, where the Qingdao Declaration itself is not held.",
          [("year", I16), ("city", S), ("document", S), ("title", S), ("url", S), ("text", S), ("source", S)],
          key=("year", "source"),
          checks={"year": _years(1996, LATEST_YEAR + 1)}),
    _spec("igo_memberships",
          "Correlates of War IGO membership status by organization, country and year (to 2014).",
          [("organization", S), ("country", S), ("year", I16), ("status", S), ("source", S)],
          key=("organization", "country", "year", "source"), country_columns=("country",), focus_only=False,
          checks={"year": _years(1800)}),
    _spec("un_votes",
          "UN General Assembly roll-call votes of the focus states, China and Russia: 1 yes, 2 abstain, 3 no.",
          [("rcid", I32), ("country", S), ("vote", pa.int8()), ("source", S)],
          key=("rcid", "country", "source"), country_columns=("country",),
          checks={"vote": Bounds(1, 3, "1 yes, 2 abstain, 3 no")}),
    _spec("un_roll_calls",
          "UN General Assembly roll calls: session, date, resolution, whether important (US State Department list; "
          "null where not coded), issue codes, the two descriptions and the tally (yes, abstain, no).",
          [("rcid", I32), ("session", I16), ("year", I16), ("date", D), ("unres", S), ("important", B),
           ("issues", S), ("short", S), ("descr", S), ("yes", I32), ("abstain", I32), ("no", I32), ("source", S)],
          key=("rcid", "source"), nullable=("unres", "important", "issues", "short", "descr"),
          checks={"session": Bounds(1, 200), "year": _years(1946), "yes": TALLY, "abstain": TALLY, "no": TALLY}),
    _spec("un_agreement",
          "Published agreement with China and with Russia in UNGA votes per state and session, and ideal points.",
          [("country", S), ("session", I16), ("year", I16), ("agree_chn", F64), ("agree_rus", F64),
           ("n_votes", I32), ("ideal_point", F64), ("source", S)],
          key=("country", "session", "source"), country_columns=("country",),
          nullable=("agree_chn", "agree_rus", "ideal_point"),
          checks={"session": Bounds(1, 200), "year": _years(1946), "agree_chn": SHARE, "agree_rus": SHARE,
                  "n_votes": Bounds(1, None)}),
    _spec("arms_transfers",
          "Arms deliveries by supplier, recipient and year, in SIPRI trend-indicator values (million TIV).",
          [("supplier", S), ("recipient", S), ("year", I16), ("source", S), ("tiv", F64), ("n_deals", I32)],
          key=("supplier", "recipient", "year", "source"), country_columns=("supplier", "recipient"),
          # every supplier-recipient-year aggregate (~0.2 MB): the world's ranks, shares and totals need them all
          focus_only=False,
          checks={"year": _years(1950), "tiv": Bounds(0, 1e5, "million TIV: a year's deliveries"),
                  "n_deals": Bounds(1, None)}),
    _spec("development_finance",
          "Development finance commitments by lender, recipient, year and flow class, in constant 2021 USD.",
          [("lender", S), ("recipient", S), ("year", I16), ("flow_class", S), ("source", S),
           ("commitments_usd", F64), ("commitments_adj_usd", F64)],
          key=("lender", "recipient", "year", "flow_class", "source"), country_columns=("lender", "recipient"),
          nullable=("commitments_adj_usd",),
          checks={"year": _years(1946), "commitments_usd": Bounds(0, 1e12), "commitments_adj_usd": NON_NEGATIVE}),
    _spec("alliances",
          "Alliance obligations by country pair and year (non-directed; country_a < country_b).",
          [("country_a", S), ("country_b", S), ("year", I16), ("source", S), ("defense", B), ("offense", B),
           ("neutrality", B), ("nonaggression", B), ("consultation", B)],
          key=("country_a", "country_b", "year", "source"), country_columns=("country_a", "country_b"),
          checks={"year": _years(1800)}),
    _spec("shared_igos",
          "Number of intergovernmental organizations two states both belong to, per year (non-directed).",
          [("country_a", S), ("country_b", S), ("year", I16), ("source", S), ("n_shared", I32)],
          key=("country_a", "country_b", "year", "source"), country_columns=("country_a", "country_b"),
          checks={"year": _years(1800), "n_shared": Bounds(0, 1000)}),
    _spec("events",
          "Event data between two states per period ('YYYY' or 'YYYY-MM'): ICEWS directed counts of verbal/material "
          "cooperation and conflict; GDELT composite (Goldstein-based) score, undirected.",
          [("actor", S), ("target", S), ("period", S), ("source", S), ("verbal_coop", F64), ("material_coop", F64),
           ("verbal_conflict", F64), ("material_conflict", F64), ("score", F64), ("directed", B)],
          key=("actor", "target", "period", "source"), country_columns=("actor", "target"),
          nullable=("verbal_coop", "material_coop", "verbal_conflict", "material_conflict", "score"),
          checks={"period": _years(1946), "verbal_coop": NON_NEGATIVE, "material_coop": NON_NEGATIVE,
                  "verbal_conflict": NON_NEGATIVE, "material_conflict": NON_NEGATIVE}),
]}


def spec(name: str) -> TableSpec:
    """The spec of a canonical table; lists the valid names when it does not exist."""
    from .errors import invalid_choice

    if name not in TABLES:
        raise invalid_choice("table", name, TABLES)
    return TABLES[name]


def implausible(frame: pd.DataFrame, spec: TableSpec) -> tuple[object, str, object, Bounds] | None:
    """The first (index label, column, value, bounds) of frame outside spec.checks, or None when every value is
    plausible. Nulls are not checked (required values are another check); rows whose `note` says PUBLISHED_ODDITY
    are exempt (the source publishes the value so, and the note travels with it)."""
    exempt = None
    if "note" in frame.columns:
        exempt = frame["note"].astype("string").str.contains(PUBLISHED_ODDITY, regex=False).fillna(False).to_numpy()
    for column, bounds in spec.checks.items():
        if column not in frame.columns or not len(frame):
            continue
        values = frame[column]
        if column == "period":
            values = pd.to_numeric(values.astype("string").str[:4], errors="coerce")
        values = pd.to_numeric(values, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        bad = np.zeros(len(values), dtype=bool)
        if bounds.low is not None:
            bad |= values < bounds.low
        if bounds.high is not None:
            bad |= values > bounds.high
        if exempt is not None:
            bad &= ~exempt
        if bad.any():
            i = int(np.argmax(bad))
            return frame.index[i], column, frame[column].iloc[i], bounds
    return None


# Slack of the partner-total check: published figures are rounded (DOTS: to 1,000 USD; one real partner row is 3%
# over its world total after rounding, SXM→MSR 2010, 20,000 vs 19,389 USD).
TOTAL_SLACK = (0.01, 1e5)  # relative, absolute (in the value column's unit)


def over_total(frame: pd.DataFrame, spec: TableSpec) -> tuple[object, object, object] | None:
    """The first (index label, value, total) of a partner row above its total row (spec.total), or None."""
    if spec.total is None or not len(frame):
        return None
    value, partner, code = spec.total
    group = [k for k in spec.key if k != partner]
    is_total = (frame[partner] == code).to_numpy()
    if not is_total.any():
        return None
    totals = frame.loc[is_total, group + [value]].rename(columns={value: "_total"})
    rows = frame.loc[~is_total, group + [value]].reset_index(names="_at")
    joined = rows.merge(totals, on=group, how="inner")
    rel, absolute = TOTAL_SLACK
    bad = joined[joined[value] > joined["_total"] * (1 + rel) + absolute]
    if bad.empty:
        return None
    first = bad.iloc[0]
    return first["_at"], first[value], first["_total"]
