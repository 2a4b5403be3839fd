"""One module per upstream source; each declares ORIGIN and parse(data_dir) -> {table name: DataFrame}."""

from __future__ import annotations

import functools
import importlib
from types import ModuleType

from ..errors import invalid_choice

# Every source the data pack is built from, in build order (module names under multipolar.sources).
SOURCE_MODULES = (
    "registry",
    "imf_dots",
    "imf_imts",
    "russia_customs",
    "national_kz",
    "national_kg",
    "national_uz",
    "national_am",
    "national_ge",
    "eurostat_totals",
    "eurostat_sanctioned",
    "chpl",
    "press_figures",
    "worldbank",
    "unga_votes",
    "unga_ideal_points",
    "sipri",
    "aiddata",
    "atop",
    "cow_igo",
    "icews",
    "gdelt",
)


def load_source(name: str) -> ModuleType:
    """The source module called name; lists the valid names when there is none."""
    if name not in SOURCE_MODULES:
        raise invalid_choice("source", name, SOURCE_MODULES)
    return importlib.import_module(f"{__name__}.{name}")


def all_sources() -> list[ModuleType]:
    """Every source module, in build order."""
    return [load_source(name) for name in SOURCE_MODULES]


# Online connectors (multipolar data pull): not part of the pack build, but their rows carry their own source ids.
CONNECTOR_MODULES = ("imf_imts_api", "comtrade", "worldbank_api")


def identities() -> dict:
    """Every source id written by a source module → its declared Identity (label, reporter, role, trust)."""
    return dict(_identities())


def identity(source_id: str):
    """The declared Identity of a source id (e.g. 'national_kz', 'russia_fcs_monthly'); None when undeclared."""
    return _identities().get(source_id)


@functools.cache
def _identities() -> dict:
    out = {}
    for name in SOURCE_MODULES + CONNECTOR_MODULES:
        out.update(importlib.import_module(f"{__name__}.{name}").ORIGIN.identities())
    return out
