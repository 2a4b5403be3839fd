"""The registry of claim kinds: each kind (claims/kinds/<kind>.py) registers its typed payload, its reader and its
judge with @register_kind, the way indicators register themselves.

    @register_kind("arms", payload=ArmsClaim, order=40, title="Arms supplies", examples=("...",))
    class Arms:
        def read(sentence: Reading) -> None: ...          # adds ArmsClaim claims with sentence.add(...)
        def judge(claim, evidence, as_of) -> Verdict: ...  # Evidence is the only data access

Readers run on each sentence in `order` (lower first): a later reader sees the claims and the figures earlier ones
took (`sentence.claims`, `sentence.used`), so a specific reader (a rank with a crossover) runs before a general one
(an amount no reader explained: `other`).
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import ClaimError
from .model import Payload


@dataclass(frozen=True)
class Kind:
    """One registered claim kind."""

    name: str
    payload: type
    read: Callable[..., Any]
    judge: Callable[..., Any]
    order: int
    title: str
    examples: tuple[str, ...] = ()


KINDS: dict[str, Kind] = {}


def register_kind(name: str, *, payload: type, order: int, title: str, examples: tuple[str, ...] = ()):
    """Class decorator: register the class's `read(sentence)` and `judge(claim, evidence, as_of)` as kind `name`."""
    if not (isinstance(payload, type) and issubclass(payload, Payload) and dataclasses.is_dataclass(payload)
            and payload.__dataclass_params__.frozen):
        raise TypeError(f"claim kind {name!r}: payload must be a frozen dataclass subclassing Payload")

    def wrap(cls):
        if name in KINDS and KINDS[name].read is not cls.read:
            raise ValueError(f"claim kind {name!r} is already registered")
        KINDS[name] = Kind(name, payload, cls.read, cls.judge, order, title, tuple(examples))
        cls.kind = name
        return cls
    return wrap


def kinds() -> list[Kind]:
    """Every registered kind in reading order (the kinds package is imported on first use)."""
    _load_kinds()
    return sorted(KINDS.values(), key=lambda k: (k.order, k.name))


def get_kind(name: str) -> Kind:
    _load_kinds()
    if name not in KINDS:
        raise ClaimError(f"unknown claim kind {name!r}; known: {', '.join(sorted(KINDS))}", field="type")
    return KINDS[name]


_FIELDS: dict[type, frozenset[str]] = {}  # each payload type's field names (make() runs once per claim read)


def make(payload_type: type, fields: dict[str, Any]) -> Payload:
    """A payload from the fields a reader collected: None dropped, lists made tuples, unknown names refused."""
    known = _FIELDS.get(payload_type)
    if known is None:
        known = _FIELDS[payload_type] = frozenset(f.name for f in dataclasses.fields(payload_type))
    unknown = sorted(set(fields) - known)
    if unknown:
        raise TypeError(f"{payload_type.__name__} has no field(s) {unknown}")
    clean = {}
    for key, value in fields.items():
        if value is None:
            continue
        if isinstance(value, list):
            value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
        clean[key] = value
    return payload_type(**clean)


_loaded = False


def _load_kinds() -> None:
    global _loaded
    if _loaded:
        return
    from . import kinds as package

    for module in sorted(m.name for m in pkgutil.iter_modules(package.__path__)):
        importlib.import_module(f"{package.__name__}.{module}")
    _loaded = True
