"""The re-routing summary the CLI, report and dashboard show: growth per partner, the leakage ratio, the top products,
both legs of the roundabout and (on request) the event study, each frame with its source and quality columns."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..countries import resolve_many
from ..errors import UsageError, invalid_choice
from ..indicators import compute
from ..indicators.rerouting import NEIGHBOURS, TARGET

# Product sets a user picks between (the control and the all-goods totals are internal to the comparisons).
PRODUCTS = ("sanctioned", "chpl")
# How many products the top-products table lists.
TOP_PRODUCTS = 10


@dataclass
class Rerouting:
    """Every table of the re-routing summary (pandas frames) plus what was asked and notes on gaps."""

    products: str
    year: int
    partners: list[str]
    neighbours: list[str]
    growth: pd.DataFrame
    leakage: pd.DataFrame
    top_products: pd.DataFrame
    roundabout: pd.DataFrame
    event_study: object | None = None   # analysis.EventStudy
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """JSON-ready (the CLI's --format json, the report's cache, the dashboard's API): what was asked, the
        notes, every table as records, and the event study (or null)."""
        import json

        def records(frame):
            return json.loads(frame.to_json(orient="records", date_format="iso"))

        out = {"products": self.products, "year": self.year, "partners": self.partners,
               "neighbours": self.neighbours, "notes": self.notes}
        out.update({name: records(frame) for name, frame in self.tables().items() if not name.startswith("event")})
        out["event_study"] = self.event_study.to_dict() if self.event_study is not None else None
        return out

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name, in the order they are shown (the event study's two frames when it was fitted)."""
        out = {"growth": self.growth, "leakage": self.leakage, "top_products": self.top_products,
               "roundabout": self.roundabout}
        if self.event_study is not None:
            out["event_study"] = self.event_study.coefficients
            out["event_study_pooled"] = self.event_study.pooled
        return out


def partners_in(pack=None, backend: str = "duckdb") -> list[str]:
    """Partners with product-level rows in the pack (the valid --partner choices)."""
    frame = compute("rerouting_growth", pack=pack, backend=backend)
    return sorted(set(frame["partner"]))


def _partners(partner, valid: list[str]) -> list[str]:
    """The partners asked for, by name or ISO3 code ('Kyrgyzstan', 'kgz', 'KGZ'), as codes of the extract."""
    if partner is None:
        return list(valid)
    chosen = resolve_many(partner, valid=valid, kind="partner")
    if not chosen:
        raise invalid_choice("partner", partner, valid)
    return chosen


def summary(*, partner=None, products: str = "sanctioned", year: int | None = None, event_study: bool = False,
            estimator: str = "ppml", pack=None, backend: str = "duckdb") -> Rerouting:
    """The re-routing tables for the partners (default: every partner of the EU extract) and product set."""
    if products not in PRODUCTS:
        raise invalid_choice("products", products, PRODUCTS)
    growth_all = compute("rerouting_growth", products=products, pack=pack, backend=backend)
    if growth_all.empty:
        raise UsageError("no product-level trade in this pack (rebuild it with the eurostat_sanctioned source)")
    valid = sorted(set(growth_all["partner"]))
    partners = _partners(partner, valid)
    years = sorted(set(growth_all["year"]))
    year = int(year) if year is not None else int(years[-1])
    if year not in years:
        raise invalid_choice("year", year, years)
    neighbours = [p for p in partners if p != TARGET] if partner is not None else list(NEIGHBOURS)
    notes = []
    if partner is not None and TARGET not in partners:
        notes.append(f"the leakage ratio sets the selected partners against {TARGET}, which is not shown")
    if not neighbours:
        raise UsageError(f"choose at least one partner other than {TARGET} (e.g. {','.join(NEIGHBOURS)})")
    growth = growth_all[(growth_all["partner"].isin(partners)) & (growth_all["year"] == year)].reset_index(drop=True)
    options = dict(products=products, years=year, neighbours=",".join(neighbours), target=TARGET, pack=pack,
                   backend=backend)
    leakage = compute("rerouting_leakage", **options)
    by_product = compute("rerouting_leakage", by="product", **options)
    top = by_product.sort_values(["rise", "group"], ascending=[False, True]).head(TOP_PRODUCTS).reset_index(drop=True)
    roundabout = compute("rerouting_roundabout", partner=[p for p in partners if p != TARGET] or None,
                         years=f"{year - 1}-{year + 1}", products=products, neighbours=",".join(neighbours),
                         pack=pack, backend=backend)
    es = None
    if event_study:
        from .event_study import event_study as fit_event_study

        es = fit_event_study(products=products, neighbours=neighbours, with_russia=TARGET in partners,
                             estimator=estimator, pack=pack, backend=backend)
    return Rerouting(products, year, partners, neighbours, growth, leakage, top, roundabout, es, notes)
