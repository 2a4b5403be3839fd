"""Security indicators: suppliers' shares of arms imports (SIPRI TIV) and alliance obligations (ATOP)."""

from __future__ import annotations

from ..countries import POWERS
from ..lazy import ibis
from . import quality as Q
from .registry import Param, register

# Alliance obligation types ATOP codes, in the order of the alliances table.
OBLIGATIONS = ("defense", "offense", "neutrality", "nonaggression", "consultation")


def _sources(table):
    return lambda ctx: ctx.sources_of(table)


def arms_shares(ctx, window: int):
    """Each supplier's share of a recipient's arms imports (TIV), summed over `window` years ending in `year`.

    SIPRI's register lists every delivery, so a supplier with no delivery in the window has a share of 0: rows are
    given for every supplier that ever delivered to the recipient, and for China and Russia, in every year of the
    source's coverage where the recipient received anything in the window.
    """
    if window < 1:
        from ..errors import UsageError

        raise UsageError(f"invalid window {window}; use a number of years >= 1 (1 = single year, 5 = rolling)")

    def build():
        at = ctx.table("arms_transfers", "arms_share")
        # Sums are rounded to 6 decimals (TIV has at most 2): DuckDB's parallel sums add in a thread-dependent order,
        # whose last bits would otherwise differ between runs and flip a printed figure at a rounding boundary.
        d = at.group_by("recipient", "supplier", "source", "year").aggregate(tiv=at.tiv.sum().round(6))
        recipients = d.select("recipient", "source").distinct()
        countries = ctx.countries()
        if countries:  # the pack's own states: the table holds every state's deliveries, the indicator covers these
            recipients = recipients.filter(recipients.recipient.isin(countries))
        powers = ibis.memtable({"supplier": list(POWERS)})
        pairs = ibis.union(
            d.select("recipient", "supplier", "source").distinct(),
            recipients.cross_join(powers).select("recipient", "supplier", "source"), distinct=True)
        pairs = pairs.filter(pairs.recipient != pairs.supplier)
        rr = recipients.select(r_recipient=recipients.recipient, r_source=recipients.source)
        pairs = pairs.inner_join(rr, [pairs.recipient == rr.r_recipient, pairs.source == rr.r_source])
        pairs = pairs.select("recipient", "supplier", "source")
        span = d.group_by("source").aggregate(first=d.year.min().cast("int32"), last=d.year.max().cast("int32"))
        span = span.select(s_source=span.source, first=span.first, last=span.last)
        years = d.select(y_source=d.source, y_year=d.year.cast("int32")).distinct()
        grid = pairs.inner_join(years, pairs.source == years.y_source)
        grid = grid.select("recipient", "supplier", "source", year=grid.y_year)
        dd = d.select(d_recipient=d.recipient, d_supplier=d.supplier, d_source=d.source,
                      d_year=d.year.cast("int32"), tiv=d.tiv)
        j = grid.left_join(dd, [grid.recipient == dd.d_recipient, grid.supplier == dd.d_supplier,
                                grid.source == dd.d_source, dd.d_year <= grid.year,
                                dd.d_year > grid.year - window])
        part = j.group_by("recipient", "supplier", "source", "year").aggregate(
            partner_value=j.tiv.fill_null(0).sum().round(6))
        w = ibis.window(group_by=[part.recipient, part.source, part.year])
        part = part.mutate(total_value=part.partner_value.sum().over(w).round(6))
        part = part.filter(part.total_value > 0)
        part = part.inner_join(span, part.source == span.s_source)
        first_in_window = ibis.greatest(part.year - (window - 1), part.first)
        window_years = (part.year - first_in_window + 1).cast("int32")
        size = ibis.literal(window).cast("int32")
        return part.select(country=part.recipient, partner=part.supplier, year=part.year, source=part.source,
                           value=part.partner_value / part.total_value, partner_value=part.partner_value,
                           total_value=part.total_value, window=size, window_years=window_years,
                           quality=Q.expression(window_years=window_years, window=size))

    return ctx.memo(f"arms_share:{window}", build)


_ARMS_COLUMNS = ("country", "partner", "year", "source", "value", "partner_value", "total_value", "window",
                 "window_years", "quality")
_ARMS_DEF = """partner_value / total_value: the supplier's (partner's) deliveries of major conventional arms to the
recipient (country), in SIPRI trend-indicator values (million TIV), as a share of the recipient's deliveries from
all suppliers, summed over the `window` years ending in `year`. SIPRI's register lists every delivery, so a supplier
with no delivery in the window has share 0 (rows for every supplier that ever delivered, and for China and Russia);
no row where the recipient received nothing in the window. window_years < window: the window starts before the
register's first year (quality: partial_window:<n>y)."""


@register("arms_share", dimension="security", title="Supplier's share of the country's arms imports",
          unit="share (0-1) of TIV", definition=_ARMS_DEF, inputs=("arms_transfers",),
          sources="'sipri': SIPRI Arms Transfers Database trade register (deliveries).", labels=_sources(
              "arms_transfers"),
          params=(Param("window", 1, "years summed, ending in year (1 = single year, 5 = 5-year rolling)", int),),
          columns=_ARMS_COLUMNS)
def arms_share(ctx, q):
    return arms_shares(ctx, q.get("window"))


@register("arms_share_5y", dimension="security", title="Supplier's share of the country's arms imports, 5-year "
          "rolling", unit="share (0-1) of TIV", definition=_ARMS_DEF + " Here window = 5.",
          inputs=("arms_transfers",), sources="'sipri': SIPRI Arms Transfers Database trade register (deliveries).",
          labels=_sources("arms_transfers"), columns=_ARMS_COLUMNS)
def arms_share_5y(ctx, q):
    return arms_shares(ctx, 5)


def alliances(ctx):
    """ATOP obligations as directed rows (both orders of each non-directed pair)."""
    def build():
        al = ctx.table("alliances", "alliance_ties")
        flags = {o: al[o] for o in OBLIGATIONS}
        value = sum(al[o].cast("int32") for o in OBLIGATIONS)
        one = al.select(country=al.country_a, partner=al.country_b, year=al.year.cast("int32"), source=al.source,
                        value=value, **flags)
        two = al.select(country=al.country_b, partner=al.country_a, year=al.year.cast("int32"), source=al.source,
                        value=value, **flags)
        out = ibis.union(one, two, distinct=False)
        countries = ctx.countries()
        return out.filter(out.country.isin(countries)) if countries else out

    return ctx.memo("alliances", build)


@register("alliance_ties", dimension="security", title="Alliance obligations between the country and a partner",
          unit="number of obligation types (0-5)",
          definition="""ATOP alliance obligations in force between the two states in the year: defense, offense,
          neutrality, non-aggression, consultation (each true/false); value = how many of the five are in force.
          ATOP lists a pair-year only when an obligation is in force, so no row = no obligation recorded (within
          ATOP's years, to 2018).""",
          inputs=("alliances",), sources="'atop': Alliance Treaty Obligations and Provisions (Leeds et al.), "
          "dyad-years via peacesciencer.", labels=_sources("alliances"),
          columns=("country", "partner", "year", "source", "value") + OBLIGATIONS + ("quality",))
def alliance_ties(ctx, q):
    a = alliances(ctx)
    return a.mutate(quality=ibis.literal(""))


@register("shared_igos", dimension="diplomacy", title="Intergovernmental organizations both states belong to",
          unit="number of IGOs",
          definition="""Number of intergovernmental organizations both states are full members of in the year
          (Correlates of War IGO data, to 2014). A pair-year absent from the data has no row.""",
          inputs=("shared_igos",), sources="'cow_igo' (or the id the pack gives the COW IGO dyad-year data).",
          labels=_sources("shared_igos"), columns=("country", "partner", "year", "source", "value", "quality"))
def shared_igos(ctx, q):
    return shared_igo_rows(ctx).mutate(quality=ibis.literal(""))


def shared_igo_rows(ctx):
    """Shared IGO counts as directed rows (both orders of each non-directed pair)."""
    def build():
        sg = ctx.table("shared_igos", "shared_igos")
        one = sg.select(country=sg.country_a, partner=sg.country_b, year=sg.year.cast("int32"), source=sg.source,
                        value=sg.n_shared.cast("int32"))
        two = sg.select(country=sg.country_b, partner=sg.country_a, year=sg.year.cast("int32"), source=sg.source,
                        value=sg.n_shared.cast("int32"))
        out = ibis.union(one, two, distinct=False)
        countries = ctx.countries()
        return out.filter(out.country.isin(countries)) if countries else out

    return ctx.memo("shared_igos", build)
