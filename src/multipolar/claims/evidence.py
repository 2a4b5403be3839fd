"""The one door through which claim kinds read data: the Evidence protocol, and the Series a trade or share query
returns. PackEvidence (pack_evidence.py) implements it over the data pack; FakeEvidence (fake_evidence.py) over
small tables a test writes, so each kind is unit-tested without a pack."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

import pandas as pd

from .model import Call

# The flow seen from the other side.
FLIP = {"export": "import", "import": "export", "turnover": "turnover"}


@dataclass
class Series:
    """One source's figures for one country, partner and flow (yearly, or monthly when `monthly`), with where each
    value comes from and the data's own flags.

    source: the query label ('national_kz', 'mirror:imf_dots', 'press:<reporter>', 'sum'); label: readable;
    reporter: whose statistics (ISO3, EUU) or None; kind: 'own' | 'mirror' | 'press' | 'reconciled' | 'sum';
    trust: lower is trusted first among a state's own figures; unit: 'USD', 'EUR' or 'share'.
    """

    source: str
    label: str
    reporter: str | None
    country: str
    partner: str
    flow: str
    kind: str
    trust: int = 50
    unit: str = "USD"
    values: dict = field(default_factory=dict)
    estimates: set = field(default_factory=set)
    months: dict = field(default_factory=dict)      # year → months covered (< 12: a partial year)
    urls: dict = field(default_factory=dict)
    notes: dict = field(default_factory=dict)
    quality: dict = field(default_factory=dict)     # year → the indicator's quality flags ("estimate; ...")
    extra: dict = field(default_factory=dict)       # year → other columns (partner_value, total_value)
    call: Call | None = None                        # the query that reproduces these figures
    # (country, partner, flow, source label) of the indicator rows; None for press figures.
    query: tuple[str, str, str, str] | None = None

    def years(self) -> list:
        return sorted(self.values)


class Evidence(Protocol):
    """Everything a claim kind may read. Methods return empty results (never raise) when the data cannot answer;
    `problems` collects why."""

    problems: set[str]

    def batch(self): ...                                     # a context for many claims at once
    def expand(self, code: str, on: dt.date) -> list[str]: ...   # a group id as ISO3 codes at a date

    # trade
    def trade_series(self, country: str, partner: str, flow: str) -> list[Series]: ...
    def press_series(self, country: str, partner: str, flow: str) -> list[Series]: ...
    def growth(self, series: Series, base: int, year: int) -> float | None: ...
    def share_series(self, country: str, partner: str, flow: str) -> list[Series]: ...
    def ranks(self, country: str, flow: str) -> pd.DataFrame: ...
    def monthly_series(self, country: str, partner: str, flow: str) -> list[Series]: ...
    def monthly_partners(self, country: str, flow: str) -> pd.DataFrame: ...  # source, partner, year, month, value
    def crossover(self, countries: list[str], dimension: str) -> pd.DataFrame: ...
    def rerouting_growth(self, products: str) -> pd.DataFrame: ...   # the EU's exports of a product set

    # security, diplomacy, finance
    def arms(self, country: str, window: int) -> pd.DataFrame: ...
    def arms_exports(self, supplier: str, window: int) -> pd.DataFrame: ...  # its buyers (empty: not all held)
    def arms_world(self, side: str, window: int) -> pd.DataFrame: ...  # every state's total (empty: not held)
    def un_agreement(self, country: str) -> pd.DataFrame: ...
    def alliances(self, country: str) -> pd.DataFrame: ...      # alliance_ties rows (ATOP obligations per year)
    def roll_calls(self) -> pd.DataFrame: ...
    def votes(self, rcid: int) -> pd.DataFrame: ...
    def vote_countries(self) -> set[str]: ...                   # states whose votes the pack keeps
    def finance(self, country: str | None, amount: str, flow_class: str | None = None) -> pd.DataFrame: ...
    def finance_all(self, amount: str, flow_class: str | None = None) -> pd.DataFrame: ...  # every recipient
    def macro(self, country: str) -> pd.DataFrame: ...

    # institutions
    def members(self, org: str, on: dt.date, roles: tuple[str, ...] = ("member",)) -> list[str]: ...
    def timeline(self, org: str) -> pd.DataFrame: ...
    def status(self, country: str, org: str, on: dt.date) -> str | None: ...
    def organization(self, org: str) -> dict | None: ...
    def summits(self) -> pd.DataFrame: ...
    def declaration_text(self, year: int) -> tuple[str, str] | None: ...
    def declaration_years(self) -> list[int]: ...
    def declaration_document(self, year: int) -> str: ...
    def records_end(self) -> dt.date | None: ...


def normalise_text(text: str) -> str:
    """Whitespace collapsed, PDF hyphenation ('multi-\\npolarity') undone, curly quotes straightened, lower case."""
    import re

    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1-\2", text)
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()
