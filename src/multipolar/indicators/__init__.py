"""The indicator registry: named, documented Ibis functions over the canonical tables, by dimension and source.

    compute(name, country=, partner=, years=, source=, flow=, pack=, backend=, **params) -> DataFrame
    list_indicators() -> DataFrame            crossover(countries=, region=, dimensions=, pack=) -> DataFrame
    expression(name, con=None, **filters) -> an unexecuted Ibis expression (run it on DuckDB, Spark, ...)
"""

from __future__ import annotations

from .api import BACKENDS, compute, compute_rows, context, expression, get, list_indicators
from .registry import DIMENSIONS, FLOWS, INDICATORS, Context, Indicator, MissingTableError, Param, Query
from . import trade, security, diplomacy, finance, composite, rerouting  # noqa: E402,F401  (registers the indicators)
from .crossover import CROSSOVER_DIMENSIONS, crossover, crossover_rows

__all__ = ["compute", "list_indicators", "crossover", "expression", "context", "get", "INDICATORS", "DIMENSIONS",
           "FLOWS", "BACKENDS", "CROSSOVER_DIMENSIONS", "Context", "Indicator", "MissingTableError", "Param", "Query"]
