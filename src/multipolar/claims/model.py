"""The claim checker's records: a claim with its typed payload, an observed figure, the call that reproduces it, a
verdict with its evidence, an unchecked sentence, and the one result object every interface returns."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

# The four verdicts, in the order the renderers list them.
SUPPORTED, PARTLY, CONTRADICTED, UNVERIFIABLE = "supported", "partly supported", "contradicted", "unverifiable"
VERDICTS = (SUPPORTED, PARTLY, CONTRADICTED, UNVERIFIABLE)


@dataclass(frozen=True, kw_only=True)
class Payload:
    """What a reader found in a claim; each claim kind subclasses it with its own typed fields (frozen)."""

    def to_dict(self) -> dict[str, Any]:
        """The fields that say something (None, False, empty and NaN left out), JSON-ready."""
        out = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if value is None or value is False or value == () or value == "":
                continue
            out[f.name] = plain(value)
        return out

    def but(self, **changes) -> Payload:
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True, kw_only=True)
class AsOf:
    """The date claims are checked as of, resolved once at the boundary (CLI, API, Python): the article's date when
    given, else the end of the data's records (never the day the tool runs)."""

    article: dt.date | None  # the date the user gave (resolves 'last year', 'last Thursday')
    day: dt.date             # the article's date, else the last date the pack's records know

    def iso(self) -> str | None:
        return self.article.isoformat() if self.article else None


@dataclass
class Claim:
    """One checkable statement: its words and position in the input, its kind and its typed payload."""

    text: str
    span: tuple[int, int]
    type: str
    payload: Payload
    sentence_span: tuple[int, int] | None = None

    @property
    def parsed(self) -> dict[str, Any]:
        """The payload as a plain dict (the JSON `parsed` object)."""
        return self.payload.to_dict()


@dataclass
class Observation:
    """A figure the data give: value, unit ('USD', 'EUR', 'share', 'multiple', 'rank', 'date', 'count', 'text',
    'TIV'), source (a readable label), year, and where to look it up; note carries the data's own flags."""

    value: Any
    unit: str
    source: str
    year: int | str | None = None
    country: str | None = None
    partner: str | None = None
    flow: str | None = None
    url: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {"value": plain(self.value), "unit": self.unit, "source": self.source, "year": plain(self.year)}
        for key in ("country", "partner", "flow", "url", "note"):
            value = getattr(self, key)
            if value is not None:
                out[key] = plain(value)
        return out


@dataclass(frozen=True)
class Call:
    """How to reproduce the figures a verdict rests on: an indicator query (a `multipolar indicator` command and
    the same `multipolar.indicator(...)` call) or a pack table read (`multipolar.load(...)`, no CLI command)."""

    function: str  # 'indicator' | 'load'
    name: str
    filters: tuple[tuple[str, Any], ...] = ()

    @staticmethod
    def indicator(name: str, **filters) -> Call:
        return Call("indicator", name, _filters(filters))

    @staticmethod
    def load(name: str, **filters) -> Call:
        return Call("load", name, _filters(filters))

    def but(self, **changes) -> Call:
        """The same call with some filters changed (None removes one)."""
        filters = dict(self.filters)
        filters.update(changes)
        return Call(self.function, self.name, _filters(filters))

    def cli(self) -> str | None:
        if self.function != "indicator":
            return None
        words = ["multipolar", "indicator", self.name]
        for key, value in self.filters:
            if key in ("country", "partner", "years", "source", "flow"):
                words += [f"--{key}", _cli_value(value)]
            else:
                words += ["--param", f"{key}={_cli_value(value)}"]
        return " ".join(words)

    def python(self) -> str:
        args = [repr(self.name)] + [f"{k}={_py_value(v)}" for k, v in self.filters]
        return f"multipolar.{self.function}({', '.join(args)})"

    def to_dict(self) -> dict[str, str | None]:
        return {"cli": self.cli(), "python": self.python()}


def _filters(filters: dict) -> tuple:
    """Filters as a hashable tuple: None left out, lists joined with commas (as the CLI and the API take them)."""
    out = []
    for key, value in filters.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple, set)):
            value = ",".join(map(str, value))
        out.append((key, value))
    return tuple(out)


def _cli_value(value) -> str:
    if isinstance(value, (list, tuple)):
        return ",".join(map(str, value))
    text = str(value)
    return f"'{text}'" if any(c in text for c in " ;'\"") else text


def _py_value(value) -> str:
    if isinstance(value, (list, tuple)):
        return repr(",".join(map(str, value)))
    return repr(value)


@dataclass
class Verdict:
    """The checker's answer for one claim: verdict, the observed figures, the arithmetic, the reason and the calls
    that reproduce the figures."""

    claim: Claim
    verdict: str
    observed: list[Observation] = field(default_factory=list)
    reason: str = ""
    arithmetic: list[str] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.claim.text

    @property
    def type(self) -> str:
        return self.claim.type

    def to_dict(self) -> dict[str, Any]:
        """One entry of the documented JSON `claims` array (docs/claims.md)."""
        calls = list(dict.fromkeys(self.calls))
        return {
            "text": self.claim.text,
            "span": list(self.claim.span),
            "type": self.claim.type,
            "parsed": self.claim.parsed,
            "verdict": self.verdict,
            "observed": [o.to_dict() for o in self.observed],
            "arithmetic": list(self.arithmetic),
            "reason": self.reason,
            "reproduce": [c.to_dict() for c in calls],
        }


@dataclass(frozen=True)
class Unchecked:
    """A sentence (or part of one) with a figure, a rank word, a country pair or an institution that produced no
    claim: listed so nothing is silently dropped."""

    text: str
    span: tuple[int, int]
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": list(self.span), "reason": self.reason}


@dataclass
class CheckResult:
    """Everything the checker says about a text; `to_dict()` is THE JSON shape of the CLI, the API and Python.
    Iterating over it gives the verdicts."""

    date: dt.date | None
    claims: list[Verdict] = field(default_factory=list)
    unchecked: list[Unchecked] = field(default_factory=list)

    def __iter__(self):
        return iter(self.claims)

    def __len__(self) -> int:
        return len(self.claims)

    def __getitem__(self, index):
        return self.claims[index]

    @property
    def summary(self) -> dict[str, int]:
        """Claims per verdict, and the number of unchecked sentences."""
        out = {v: sum(1 for x in self.claims if x.verdict == v) for v in VERDICTS}
        out["unchecked"] = len(self.unchecked)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat() if self.date else None,
                "claims": [v.to_dict() for v in self.claims],
                "unchecked": [u.to_dict() for u in self.unchecked],
                "summary": self.summary}


def plain(value):
    """JSON-ready: numpy scalars to Python, NaN to None, tuples and sets to lists, dates to ISO strings."""
    if value is None:
        return None
    if isinstance(value, Payload):
        return value.to_dict()
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        try:
            value = value.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
