"""Typed building blocks of claim payloads that several kinds share: the period a claim is about, whose trade
with whom, and a hedged figure. Each kind's payload is a frozen dataclass built from these plus its own fields."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Payload


@dataclass(frozen=True, kw_only=True)
class Period(Payload):
    """When: a year, a base year ('since 2020', 'from 2019 to 2023'), a range, a partial period (its words and
    months), a fiscal year, 'now', a relative date left unresolved, and notes on how it was resolved."""

    year: int | None = None
    base_year: int | None = None
    years: tuple[int, int] | None = None
    since: bool = False
    yoy: bool = False
    now: bool = False
    partial: str | None = None
    months: tuple[int, int] | None = None
    fiscal: str | None = None
    month: str | None = None
    base_month: str | None = None
    unresolved: str | None = None
    period_note: str | None = None


@dataclass(frozen=True, kw_only=True)
class TradeScope(Payload):
    """Whose trade with whom: countries and partners (ISO3 or group ids), the flow from the country's side
    (turnover, export, import), and the reporters the text cites (ISO3, EUU, IMF)."""

    country: tuple[str, ...] = ()
    partner: tuple[str, ...] = ()
    flow: str = "turnover"
    reporter: tuple[str, ...] = ()
    goods: str | None = None  # a product category ('dual-use goods'); the data hold all-goods totals only
    basis: str | None = None  # imports counted 'by country of origin' or 'of consignment', when the text says


@dataclass(frozen=True, kw_only=True)
class Figure(Payload):
    """A figure as written: value, unit (USD, EUR, another currency code, share, multiple, percent_change, rank),
    hedge id (claims/judging/tolerances.py), half a unit of its last written digit, and the currency a change or
    multiple is measured in when the text says ('in yuan terms') or its amount is in another currency."""

    value: float | None = None
    unit: str = "USD"
    hedge: str | None = None
    half_unit: float = 0.0
    terms: str | None = None  # the currency a change is measured in ('in yuan terms'), when not US dollars
