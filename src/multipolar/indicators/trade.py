"""Trade indicators: values, shares, ranks, concentration, growth, asymmetry and reporting gaps, by source view (own,
mirror, reconciled).

Every indicator here starts from one table, the *trade views* (`views()`), built from `trade_flows` with Ibis:

- own view, label = the raw source id (e.g. "national_kz", "imf_dots"): flows as the country itself reports them
  (IMF DOTS: its exports FOB and its own imports CIF, both sheets of the IMF's workbooks).
- mirror view, label "mirror:<source>": flows as the partners report them in that source, and only that. The
  country's imports from B are B's reported exports to it, its exports to B are B's reported imports from it. A
  mirror world total (partner "WLD") exists only for sources nearly every state reports to (MIRROR_TOTAL_SOURCES):
  the IMF's own "World" row when the source has one, else the sum of the partners' reports.
- reconciled view, label "reconciled": for each (country, year, flow) one view is chosen, the first in
  RECONCILE_ORDER that has the country's world total for that flow, and every partner's value comes from that same
  view (so a share never mixes sources). The `basis` column names the view used; a row whose view differs from the
  year before is flagged `source_switch` (a switch of view is never a change in trade).

Turnover = exports + imports of the same view, only where both exist (never one flow alone). `valuation` says how
the flows are valued (FOB, CIF, or "FOB+CIF" for a turnover adding both).

Every row carries its flags (see `quality.py`): is_estimate, imputed (a reporter-year whose partner values are the
previous year's times one factor), months (< 12: partial year), preliminary (the source's note says so),
implausible (an estimate more than IMPLAUSIBLE_FACTOR away from the partner's own report), switch (reconciled view
changed); shares add coverage (listed partner countries / total). Each indicator writes them as its `quality`.
"""

from __future__ import annotations

import math

from ..countries import AGGREGATE_CODES
from ..lazy import ibis
from . import quality as Q
from .registry import FLOWS, Param, register

# Sources nearly every state reports to, so that partners' reports add up to a meaningful mirror world total.
MIRROR_TOTAL_SOURCES = ("imf_dots",)
# Which view the reconciled view takes for a (country, year, flow), first that has the world total wins. A state's
# own national statistics first (its own voice, full partner lists, recent years), then its reports to the IMF, then
# Russia's customs (a partial partner list), any other own source, then partners' mirror data.
RECONCILE_ORDER = ("national_*", "imf_imts", "imf_dots", "russia_fcs", "<other own source>", "mirror:imf_dots")
# Least number of partner countries an own view must list in a year for the sum of them to stand in for a world
# total the source does not publish (a source listing only its main partners, e.g. russia_fcs_monthly's 29, never
# gets one).
MIN_PARTNERS_FOR_SUM = 50
# Partner codes that are totals or groups, not countries: kept as partners in values and shares, never ranked.
AGGREGATES = tuple(AGGREGATE_CODES)
# Columns (and types) of the trade views; every branch of the union is cast to these.
VIEW_TYPES = {"country": "string", "partner": "string", "year": "int32", "flow": "string", "source": "string",
              "value": "float64", "is_estimate": "boolean", "months": "int16", "basis": "string",
              "valuation": "string", "preliminary": "boolean", "imputed": "boolean", "implausible": "boolean",
              "switch": "boolean"}
# The row flags of the views (OR-ed when rows are combined).
FLAG_COLUMNS = ("is_estimate", "preliminary", "imputed", "implausible", "switch")
# Key of one value in the views.
KEY = ("country", "partner", "year", "flow", "source")


def _with(t, **changed):
    """t with exactly the view columns, in order, some replaced by `changed`: one projection (a mutate followed by
    a select would be two nodes, and every node costs Ibis compile time)."""
    return t.select(**{name: changed[name] if name in changed else t[name] for name in VIEW_TYPES})


def _base(ctx):
    """trade_flows rows with a USD value, in the view columns, with their flags (every view starts here)."""
    def build():
        tf = ctx.table("trade_flows", "trade indicators")
        tf = tf.filter(tf.value_usd.notnull(), tf.flow.isin(["export", "import"]))
        false = ibis.literal(False)
        cols = dict(country=tf.reporter, partner=tf.partner, year=tf.year, flow=tf.flow, source=tf.source,
                    value=tf.value_usd, is_estimate=tf.is_estimate, months=tf.months, basis=tf.source,
                    valuation=tf.basis,
                    # The parsers write "preliminary ..." into the note of a figure published as preliminary.
                    preliminary=tf.note.cast("string").lower().contains("preliminary").fill_null(False),
                    imputed=false, implausible=false, switch=false)
        # One projection casting to the view types (fewer Ibis nodes: a smaller, faster-compiling expression).
        t = tf.select(**{name: cols[name].cast(kind) for name, kind in VIEW_TYPES.items()})
        # The flagged keys are few (a few hundred) but need windows and joins over the whole table: computed once
        # per context into small tables, so that the rows themselves stay inline (filters reach the Parquet scan).
        copied = ctx.memo("trade_imputed", lambda: _imputed_years(t), cache=True)
        bad = ctx.memo("trade_implausible", lambda: _implausible_rows(t), cache=True)
        j = t.left_join(copied, [t.country == copied.i_country, t.year == copied.i_year, t.flow == copied.i_flow,
                                 t.source == copied.i_source])
        j = j.left_join(bad, [j.country == bad.b_country, j.partner == bad.b_partner, j.year == bad.b_year,
                              j.flow == bad.b_flow, j.source == bad.b_source])
        return _with(j, imputed=j.i_country.notnull() & ~j.partner.isin(AGGREGATES),
                     implausible=j.b_country.notnull())

    # Never materialised itself: only the views read it, and they are materialised when reused.
    return ctx.memo("trade_base", build, cache=False)


def _imputed_years(t):
    """(country, year, flow, source) whose partner values are the previous year's times one common factor: for
    every partner with at least IMPUTED_MIN_SHARE of the listed partners' sum in both years (at least
    IMPUTED_MIN_PARTNERS of them), value / previous value agrees to within IMPUTED_RTOL (e.g. Uzbekistan's DOTS
    partner values 2001-2015)."""
    p = t.filter(~t.partner.isin(AGGREGATES), t.partner != t.country, t.value > 0)
    p = p.mutate(s=p.value / p.value.sum().over(ibis.window(group_by=[p.country, p.year, p.flow, p.source])))
    w = ibis.window(group_by=[p.country, p.partner, p.flow, p.source], order_by=p.year)
    p = p.mutate(py=p.year.lag().over(w), pv=p.value.lag().over(w), ps=p.s.lag().over(w))
    b = p.filter(p.py == p.year - 1, p.s >= Q.IMPUTED_MIN_SHARE, p.ps >= Q.IMPUTED_MIN_SHARE)
    ratio = b.value / b.pv
    a = b.group_by("country", "year", "flow", "source").aggregate(n=b.partner.count(), lo=ratio.min(),
                                                                  hi=ratio.max())
    a = a.filter(a.n >= Q.IMPUTED_MIN_PARTNERS, a.hi <= a.lo * (1 + Q.IMPUTED_RTOL))
    return a.select(i_country=a.country, i_year=a.year, i_flow=a.flow, i_source=a.source)


def _implausible_rows(t):
    """Estimates more than IMPLAUSIBLE_FACTOR away (either way) from every report of the same flow by the partner
    itself (the partner's own statistics: not an estimate, a full year)."""
    est = t.filter(t.is_estimate, ~t.partner.isin(AGGREGATES), ~t.country.isin(AGGREGATES), t.value > 0)
    ref = t.filter(~t.is_estimate, t.months >= 12, ~t.partner.isin(AGGREGATES), ~t.country.isin(AGGREGATES),
                   t.value > 0)
    ref = ref.select(r_country=ref.partner, r_partner=ref.country, r_year=ref.year,
                     r_flow=ibis.ifelse(ref.flow == "export", "import", "export"), r_value=ref.value)
    j = est.inner_join(ref, [est.country == ref.r_country, est.partner == ref.r_partner, est.year == ref.r_year,
                             est.flow == ref.r_flow])
    distance = (j.value / j.r_value).ln().abs()
    a = j.group_by("country", "partner", "year", "flow", "source").aggregate(best=distance.min())
    a = a.filter(a.best > math.log(Q.IMPLAUSIBLE_FACTOR))
    return a.select(b_country=a.country, b_partner=a.partner, b_year=a.year, b_flow=a.flow, b_source=a.source)


def _any(t, **more):
    """Aggregations OR-ing the flags of grouped rows (and the least months), plus `more`."""
    return dict(is_estimate=t.is_estimate.any(), months=t.months.min(), preliminary=t.preliminary.any(),
                imputed=t.imputed.any(), implausible=t.implausible.any(), switch=t.switch.any(),
                valuation=t.valuation.max(), **more)


def _turnover(exports, imports):
    """Turnover rows from export and import rows of the same view (inner join: both flows needed)."""
    # Joined on the key names: Ibis keeps one copy of each key and names the import side's other columns
    # `<name>_right` (no renaming projection before the join: every node costs Ibis compile time).
    j = exports.inner_join(imports, ["country", "partner", "year", "source"])
    basis = ibis.ifelse(j.basis == j.basis_right, j.basis,
                        ibis.literal("export: ") + j.basis + "; import: " + j.basis_right)
    valuation = ibis.ifelse(j.valuation == j.valuation_right, j.valuation, j.valuation + "+" + j.valuation_right)
    return j.select(country=j.country, partner=j.partner, year=j.year, flow=ibis.literal("turnover"),
                    source=j.source, value=j.value + j.value_right, is_estimate=j.is_estimate | j.is_estimate_right,
                    months=ibis.least(j.months, j.months_right), basis=basis, valuation=valuation,
                    **{f: j[f] | j[f"{f}_right"] for f in FLAG_COLUMNS if f != "is_estimate"})


def _priority(source):
    """Rank of a view label in RECONCILE_ORDER (lower wins; null = never used for reconciliation)."""
    return ibis.cases(
        (source.startswith("national_"), 0),
        (source == "imf_imts", 1),
        (source == "imf_dots", 2),
        (source == "russia_fcs", 3),
        (source == "mirror:imf_dots", 5),
        (source.startswith("mirror:"), 6),
        else_=4,
    )


def _own_and_mirror(ctx):
    """Exports and imports of the own and mirror views (no turnover, no reconciled view yet)."""
    base = _base(ctx)
    countries = ctx.countries()
    # Scope: rows of pack countries only (the pack keeps only ties of pack countries, so totals, ranks and
    # concentration are complete only for them). A step's predicates go in one filter (fewer Ibis nodes).
    own = base.filter(~base.country.isin(AGGREGATES), *([base.country.isin(countries)] if countries else []))
    # A source that publishes no world total but lists partners exhaustively: total = sum of the listed partners,
    # said so in `basis` (it leaves out trade not allocated to a partner, e.g. Uzbekistan's gold exports).
    listed = own.filter(~own.partner.isin(AGGREGATES), own.partner != own.country)
    sums = listed.group_by("country", "year", "flow", "source").aggregate(
        value=listed.value.sum(), n=listed.partner.count(), **_any(listed))
    have = own.filter(own.partner == "WLD").select("country", "year", "flow", "source")
    derived = sums.filter(sums.n >= MIN_PARTNERS_FOR_SUM).anti_join(have, ["country", "year", "flow", "source"])
    derived = _with(derived, partner=ibis.literal("WLD"), basis=derived.source + " (total = sum of listed partners)")
    # Mirror: the partner's report seen from the country's side (flows swap, the reporter becomes the partner).
    # The mirror rows' country is the report's partner (scope: pack countries); a mirror world total is kept only
    # where partners' reports add up to one (MIRROR_TOTAL_SOURCES): the source's own "World" reporter row (the
    # IMF's DOTS has one), or, for a source without any World row, the sum of the partners' reports.
    mirror_totals = list(MIRROR_TOTAL_SOURCES)
    m = base.filter(~base.partner.isin(AGGREGATES), *([base.partner.isin(countries)] if countries else []),
                    (base.country != "WLD") | base.source.isin(mirror_totals))
    mirror = _with(m, country=m.partner, partner=m.country, flow=ibis.ifelse(m.flow == "export", "import", "export"),
                   source=ibis.literal("mirror:") + m.source, basis=ibis.literal("mirror:") + m.source)
    world_rows = base.filter(base.country == "WLD")
    cells = m.filter(m.source.isin(mirror_totals), ~m.country.isin(AGGREGATES), ~m.source.isin(world_rows.source))
    sums = cells.group_by(country=cells.partner, year=cells.year, flow=cells.flow, source=cells.source).aggregate(
        value=cells.value.sum(), **_any(cells))
    summed = _with(sums, partner=ibis.literal("WLD"), flow=ibis.ifelse(sums.flow == "export", "import", "export"),
                   source=ibis.literal("mirror:") + sums.source,
                   basis=ibis.literal("mirror:") + sums.source + " (sum of partners' reports)")
    return ibis.union(own, derived, mirror, summed, distinct=False)


def _reconciled(flows):
    """The reconciled view (exports and imports) from the own and mirror views (see RECONCILE_ORDER); `switch`
    marks the years whose view differs from the view of the year before (same country and flow)."""
    totals = flows.filter(flows.partner == "WLD")
    # One view per (country, year, flow): lowest priority, ties broken by label so the choice is deterministic.
    w = ibis.window(group_by=[totals.country, totals.year, totals.flow],
                    order_by=[_priority(totals.source), totals.source])
    ranked = totals.mutate(n=ibis.row_number().over(w))
    c = ranked.filter(ranked.n == 0).select(c_country=ranked.country, c_year=ranked.year, c_flow=ranked.flow,
                                            chosen=ranked.source)
    before = c.chosen.lag().over(ibis.window(group_by=[c.c_country, c.c_flow], order_by=c.c_year))
    c = c.mutate(switched=before.notnull() & (before != c.chosen))
    j = flows.inner_join(c, [flows.country == c.c_country, flows.year == c.c_year, flows.flow == c.c_flow,
                             flows.source == c.chosen])
    return _with(j, source=ibis.literal("reconciled"), switch=j.switched)


def _views(ctx):
    """Own, mirror and reconciled views, exports and imports, plus the turnover of each view."""
    own_and_mirror = _own_and_mirror(ctx)
    flows = ibis.union(own_and_mirror, _reconciled(own_and_mirror), distinct=False)
    # One turnover for every view (one join: fewer Ibis nodes than a turnover per view).
    return ibis.union(flows, _turnover(flows.filter(flows.flow == "export"), flows.filter(flows.flow == "import")),
                      distinct=False)


def views(ctx):
    """The trade views: one row per (country, partner, year, flow, source label) with value in USD, its basis and
    its flags."""
    # Materialised the second time they are asked for in a context (a temporary table): a single request (one CLI
    # call) runs fastest with the views inline, and the report, crossover, claims and dashboard, which ask for many
    # trade indicators, then compute the views once and start every later indicator from a plain table (a small
    # compiled query: Ibis' compile time grows much faster than the expression).
    return ctx.memo("trade_views", lambda: _views(ctx))


def coverage(v):
    """Per (country, year, flow, source) of view table v: the view's world total (total_value), the sum of the
    partner countries it lists (listed_value) and coverage = listed_value / total_value. (Built from the caller's
    views table: a second views() call would count as a reuse and materialise every view of every country.)"""
    cells = v.filter(~v.partner.isin(AGGREGATES), v.partner != v.country)
    listed = cells.group_by("country", "year", "flow", "source").aggregate(listed_value=cells.value.sum())
    t = v.filter(v.partner == "WLD")
    j = t.left_join(listed, ["country", "year", "flow", "source"])
    return j.select(t_country=j.country, t_year=j.year, t_flow=j.flow, t_source=j.source, total_value=j.value,
                    listed_value=j.listed_value, coverage=ibis.ifelse(j.value > 0, j.listed_value / j.value, None))


def shares(ctx):
    """Each partner's share of the country's flow, total from the same view; flags of both rows, coverage of the
    view."""
    def build():
        v = views(ctx)
        # Joined on the key names: the total's columns come out as `<name>_right`.
        j = v.filter(v.partner != "WLD").inner_join(v.filter(v.partner == "WLD"),
                                                    ["country", "year", "flow", "source"])
        j = j.filter(j.value_right > 0)
        cov = coverage(v)
        j = j.left_join(cov, [j.country == cov.t_country, j.year == cov.t_year, j.flow == cov.t_flow,
                              j.source == cov.t_source])
        return j.select(country=j.country, partner=j.partner, year=j.year, flow=j.flow, source=j.source,
                        value=j.value / j.value_right, partner_value=j.value, total_value=j.value_right,
                        coverage=j.coverage, is_estimate=j.is_estimate | j.is_estimate_right,
                        months=ibis.least(j.months, j.months_right),
                        basis=ibis.ifelse(j.basis == j.basis_right, j.basis, j.basis + "; total: " + j.basis_right),
                        **{f: j[f] | j[f"{f}_right"] for f in FLAG_COLUMNS if f != "is_estimate"})

    # Not kept in the indicator cache: a join of the kept views as large as them (trade_share's whole output is
    # kept there instead).
    return ctx.memo("trade_shares", build, keep=False)


def row_quality(t, coverage=None, prefix=""):
    """The quality value of trade rows from their flag columns (named `<prefix><flag>`)."""
    return Q.expression(estimate=t[f"{prefix}is_estimate"], imputed=t[f"{prefix}imputed"],
                        months=t[f"{prefix}months"], preliminary=t[f"{prefix}preliminary"], coverage=coverage,
                        switch=t[f"{prefix}switch"], implausible=t[f"{prefix}implausible"])


def _country_cells(ctx):
    """(partner values that are countries (no world total, no EU, not the country itself), their coverage table)."""
    v = views(ctx)
    return v.filter(~v.partner.isin(AGGREGATES), v.partner != v.country, v.value.notnull()), coverage(v)


def trade_labels(ctx) -> list[str]:
    """Source labels the trade indicators can output: each raw source with values in USD, its mirror, and
    'reconciled'."""
    def usd_sources():
        if not ctx.has("trade_flows"):
            return []
        tf = ctx.table("trade_flows")
        found = tf.filter(tf.value_usd.notnull()).select("source").distinct()
        return sorted(found.to_pyarrow().column(0).to_pylist())

    own = ctx.memo("trade_usd_sources", usd_sources, cache=False)
    return sorted(own) + sorted(f"mirror:{s}" for s in own) + (["reconciled"] if own else [])


SOURCES_DOC = """Own view: the raw source id (e.g. "national_kz", "imf_dots", "imf_imts", "russia_fcs"): flows as the
country reports them (IMF DOTS: exports FOB and the reporter's own imports CIF). "mirror:<source>": as partners report
them in that source, only that (imports = partners' exports to the country, FOB in DOTS; exports = partners' imports
from it, CIF in DOTS; world totals only for IMF DOTS: the IMF's World row, or the sum of partners' reports for a copy
of DOTS without World rows); a source publishing no world total but listing at least 50 partners (national_uz,
national_am) gets the sum of its partners as total, said so in `basis`. "reconciled": per (country, year, flow) the
first view with a world total in the order national statistics > imf_imts > imf_dots > russia_fcs > other own sources
> mirror:imf_dots; all partners from that view; the `basis` column names it and `quality` says `source_switch` in a
year whose view differs from the year before. A year a source does not cover has no row (never filled)."""

_FLOW_DOC = "flow is from the country's side; turnover = exports + imports of the same view, only where both exist."
_QUALITY_DOC = """quality: flags of the row (estimate, imputed, partial_year:<n>m, preliminary, source_switch,
implausible; see multipolar.indicators.quality)"""


@register("trade_value", dimension="trade", title="Goods trade with a partner", unit="US dollars",
          definition=f"""The country's goods exports to, imports from, or turnover with the partner in the year,
          in current US dollars, per source view; partner 'WLD' is the country's total with the world and 'EUU' the
          European Union. {_FLOW_DOC} valuation: FOB, CIF, or FOB+CIF for a turnover adding both. months < 12
          marks a partial year; is_estimate is true when any input is an estimate. {_QUALITY_DOC}.""",
          inputs=("trade_flows",), sources=SOURCES_DOC, labels=trade_labels, flows=FLOWS,
          columns=("country", "partner", "year", "flow", "source", "value", "is_estimate", "months", "basis",
                   "valuation", "quality"))
def trade_value(ctx, q):
    v = views(ctx)
    return v.select("country", "partner", "year", "flow", "source", "value", "is_estimate", "months", "basis",
                    "valuation", quality=row_quality(v))


@register("trade_share", dimension="trade", title="Partner's share of the country's trade", unit="share (0-1)",
          definition=f"""partner_value / total_value: the partner's share of the country's exports, imports or
          turnover in the year, both taken from the same source view (total = the view's 'WLD' row). {_FLOW_DOC}
          No total in a view, no share. coverage = the partner countries the view lists, summed, / total_value:
          below {Q.COVERAGE_MIN:.0%} the quality says coverage:<p>% (e.g. Kyrgyzstan's 2021 export partners add up
          to 60% of its published total, so every partner's share of the total is understated against a share of
          the listed partners). {_QUALITY_DOC}, coverage:<p>%.""",
          inputs=("trade_flows",), sources=SOURCES_DOC, labels=trade_labels, flows=FLOWS,
          columns=("country", "partner", "year", "flow", "source", "value", "partner_value", "total_value",
                   "coverage", "is_estimate", "months", "basis", "quality"))
def trade_share(ctx, q):
    s = shares(ctx)
    return s.select("country", "partner", "year", "flow", "source", "value", "partner_value", "total_value",
                    "coverage", "is_estimate", "months", "basis", quality=row_quality(s, s.coverage))


@register("partner_rank", dimension="trade", title="Partner's rank among the country's trade partners",
          unit="rank (1 = largest)",
          definition=f"""Rank of the partner by value among all partner countries of the country in the year, flow
          and source view (ties share the better rank; aggregates WLD/EUU are not ranked). n_partners = number of
          partner countries in that view: a source listing few partners (russia_fcs: ~29) ranks among those only.
          {_FLOW_DOC} {_QUALITY_DOC}, coverage:<p>% (trade not allocated to a partner could change a rank).""",
          inputs=("trade_flows",), sources=SOURCES_DOC, labels=trade_labels, flows=FLOWS,
          columns=("country", "partner", "year", "flow", "source", "value", "n_partners", "partner_value",
                   "quality"))
def partner_rank(ctx, q):
    c, cov = _country_cells(ctx)
    w = ibis.window(group_by=[c.country, c.year, c.flow, c.source], order_by=ibis.desc(c.value))
    everyone = ibis.window(group_by=[c.country, c.year, c.flow, c.source])
    j = c.left_join(cov, [c.country == cov.t_country, c.year == cov.t_year, c.flow == cov.t_flow,
                          c.source == cov.t_source])
    return j.select(j.country, j.partner, j.year, j.flow, j.source,
                    value=(ibis.rank().over(w) + 1).cast("int32"),
                    n_partners=j.partner.count().over(everyone).cast("int32"), partner_value=j.value,
                    quality=row_quality(j, j.coverage))


@register("top_partner", dimension="trade", title="The country's largest trade partner",
          unit="share (0-1) of the top partner",
          definition=f"""The partner country with the largest value in the year, flow and source view (ties: the
          first ISO3 code alphabetically), with its share of the view's world total (null when the view has no
          total). {_FLOW_DOC} {_QUALITY_DOC}, coverage:<p>%.""",
          inputs=("trade_flows",), sources=SOURCES_DOC, labels=trade_labels, flows=FLOWS,
          columns=("country", "year", "flow", "source", "partner", "value", "partner_value", "total_value",
                   "quality"),
          sort=("country", "flow", "source", "year"))
def top_partner(ctx, q):
    c, t = _country_cells(ctx)
    w = ibis.window(group_by=[c.country, c.year, c.flow, c.source], order_by=[ibis.desc(c.value), c.partner])
    top = c.mutate(n=ibis.row_number().over(w))
    top = top.filter(top.n == 0)
    j = top.left_join(t, [top.country == t.t_country, top.year == t.t_year, top.flow == t.t_flow,
                          top.source == t.t_source])
    return j.select(j.country, j.year, j.flow, j.source, j.partner, value=j.value / j.total_value,
                    partner_value=j.value, total_value=j.total_value, quality=row_quality(j, j.coverage))


@register("trade_hhi", dimension="trade", title="Concentration of the country's trade partners (HHI)",
          unit="index 0-1 (x 10,000 for the antitrust scale)",
          definition=f"""Herfindahl-Hirschman index sum(s_i^2) over the country's partner countries i, with s_i the
          partner's share of the sum over the listed partner countries (so shares add up to 1; aggregates
          excluded). 1 = a single partner, 1/n = n equal partners. coverage = listed partners' sum / the view's
          world total (null without a total): low coverage (e.g. russia_fcs' ~29 partners) overstates
          concentration. {_FLOW_DOC} {_QUALITY_DOC}, coverage:<p>%.""",
          inputs=("trade_flows",), sources=SOURCES_DOC, labels=trade_labels, flows=FLOWS, partner_column=None,
          columns=("country", "year", "flow", "source", "value", "n_partners", "coverage", "is_estimate",
                   "quality"))
def trade_hhi(ctx, q):
    c, t = _country_cells(ctx)
    c = c.filter(c.value > 0)
    w = ibis.window(group_by=[c.country, c.year, c.flow, c.source])
    s = c.mutate(s=c.value / c.value.sum().over(w))
    agg = s.group_by("country", "year", "flow", "source").aggregate(
        value=(s.s * s.s).sum(), n_partners=s.partner.count().cast("int32"), **_any(s))
    j = agg.left_join(t, [agg.country == t.t_country, agg.year == t.t_year, agg.flow == t.t_flow,
                          agg.source == t.t_source])
    return j.select(j.country, j.year, j.flow, j.source, j.value, j.n_partners, coverage=j.coverage,
                    is_estimate=j.is_estimate, quality=row_quality(j, j.coverage))


@register("trade_growth", dimension="trade", title="Growth of trade between two years", unit="multiple (x)",
          definition=f"""end_value / base_value for the same country, partner, flow and source view: value is the
          multiple, pct = (multiple - 1) x 100. With base_year and year: that pair; with base_year only: every year
          against base_year; with year only: year against the year before; with neither: every year against the
          year before. measure='share' compares trade shares instead of values. Both years must exist in the same
          view with the same basis (reconciled: the same underlying view in both years; no row otherwise);
          months/months_base < 12 flag partial years. quality: the flags of both years (with measure='share', a
          coverage below {Q.COVERAGE_MIN:.0%} in either year: coverage:<p>% gives the lower one, and a change in
          coverage moves every share). {_FLOW_DOC}""",
          inputs=("trade_flows",), sources=SOURCES_DOC, labels=trade_labels, flows=FLOWS,
          params=(Param("base_year", None, "first year of the comparison", int),
                  Param("year", None, "last year of the comparison", int),
                  Param("measure", "value", "'value' (USD) or 'share' (trade share)", str)),
          columns=("country", "partner", "flow", "source", "base_year", "year", "base_value", "end_value", "value",
                   "pct", "is_estimate", "months_base", "months", "quality"))
def trade_growth(ctx, q):
    measure = q.get("measure")
    if measure not in ("value", "share"):
        from ..errors import invalid_choice

        raise invalid_choice("measure", measure, ("value", "share"))
    v = views(ctx) if measure == "value" else shares(ctx)
    cov = v.coverage if measure == "share" else ibis.null("float64")
    a = v.select(a_country=v.country, a_partner=v.partner, a_flow=v.flow, a_source=v.source, base_year=v.year,
                 base_value=v.value, months_base=v.months, a_basis=v.basis, a_coverage=cov,
                 **{f"a_{f}": v[f] for f in FLAG_COLUMNS})
    b = v.select(v.country, v.partner, v.flow, v.source, v.year, end_value=v.value, months=v.months, basis=v.basis,
                 b_coverage=cov, **{f"b_{f}": v[f] for f in FLAG_COLUMNS})
    base_year, end_year = q.get("base_year"), q.get("year")
    if base_year is not None:
        a = a.filter(a.base_year == base_year)
    if end_year is not None:
        b = b.filter(b.year == end_year)
    # Same basis in both years: a reconciled series may switch views between years, and a multiple across two
    # views would measure the switch, not the growth.
    predicates = [b.country == a.a_country, b.partner == a.a_partner, b.flow == a.a_flow, b.source == a.a_source,
                  b.basis == a.a_basis]
    if base_year is None:
        predicates.append(a.base_year == b.year - 1)
    else:
        predicates.append(b.year != a.base_year)
    j = b.inner_join(a, predicates)
    j = j.filter(j.base_value > 0)
    multiple = j.end_value / j.base_value
    flags = {f: j[f"a_{f}"] | j[f"b_{f}"] for f in FLAG_COLUMNS}
    months = ibis.least(j.months, j.months_base)
    return j.select(j.country, j.partner, j.flow, j.source, j.base_year, j.year, j.base_value, j.end_value,
                    value=multiple, pct=(multiple - 1) * 100, is_estimate=flags["is_estimate"],
                    months_base=j.months_base, months=j.months,
                    quality=Q.expression(estimate=flags["is_estimate"], imputed=flags["imputed"], months=months,
                                         preliminary=flags["preliminary"],
                                         coverage=ibis.least(j.a_coverage, j.b_coverage),
                                         switch=flags["switch"], implausible=flags["implausible"]))


@register("dependence_asymmetry", dimension="trade", title="Asymmetry of mutual trade dependence (junior partner)",
          unit="ratio (x)",
          definition=f"""How much more the country depends on the partner than the partner on the country:
          value = country_share / partner_share, where country_share = the partner's share of the country's trade
          and partner_share = the country's share of the partner's trade, same year, flow and source view (each as
          that state's view reports or mirrors it). > 1: the country is the junior side (e.g. country RUS, partner
          CHN: how junior Russia is to China). difference = country_share - partner_share. Each share runs to the
          latest year its view allows: a year with one share only has a row with the other share, value and
          difference null (e.g. China's share of Russia's trade in imf_imts to 2024, Russia's share of China's trade
          to 2020). {_FLOW_DOC} quality: the flags of the shares present.""",
          inputs=("trade_flows",), sources=SOURCES_DOC, labels=trade_labels, flows=FLOWS,
          columns=("country", "partner", "year", "flow", "source", "value", "country_share", "partner_share",
                   "difference", "is_estimate", "quality"))
def dependence_asymmetry(ctx, q):
    s = shares(ctx)
    s = s.filter(~s.partner.isin(AGGREGATES))
    a = s.select(a_country=s.country, a_partner=s.partner, a_year=s.year, a_flow=s.flow, a_source=s.source,
                 country_share=s.value, a_coverage=s.coverage, a_months=s.months,
                 **{f"a_{f}": s[f] for f in FLAG_COLUMNS})
    b = s.select(b_country=s.country, b_partner=s.partner, b_year=s.year, b_flow=s.flow, b_source=s.source,
                 partner_share=s.value, b_coverage=s.coverage, b_months=s.months,
                 **{f"b_{f}": s[f] for f in FLAG_COLUMNS})
    # Outer join: each side's share to the latest year its view has (the junior-partner series is not cut to the
    # years both exist).
    j = a.outer_join(b, [a.a_country == b.b_partner, a.a_partner == b.b_country, a.a_year == b.b_year,
                         a.a_flow == b.b_flow, a.a_source == b.b_source])
    flags = {f: j[f"a_{f}"].fill_null(False) | j[f"b_{f}"].fill_null(False) for f in FLAG_COLUMNS}
    both = j.country_share.notnull() & j.partner_share.notnull() & (j.partner_share > 0)
    return j.select(country=j.a_country.fill_null(j.b_partner), partner=j.a_partner.fill_null(j.b_country),
                    year=j.a_year.fill_null(j.b_year), flow=j.a_flow.fill_null(j.b_flow),
                    source=j.a_source.fill_null(j.b_source),
                    value=ibis.ifelse(both, j.country_share / j.partner_share, None),
                    country_share=j.country_share, partner_share=j.partner_share,
                    difference=j.country_share - j.partner_share, is_estimate=flags["is_estimate"],
                    quality=Q.expression(estimate=flags["is_estimate"], imputed=flags["imputed"],
                                         months=ibis.least(j.a_months, j.b_months), preliminary=flags["preliminary"],
                                         coverage=ibis.least(j.a_coverage, j.b_coverage), switch=flags["switch"],
                                         implausible=flags["implausible"]))


def _gap_labels(ctx) -> list[str]:
    """Sources with both an own and a mirror view (the reporting gap compares the two)."""
    return [s for s in trade_labels(ctx) if not s.startswith("mirror:") and s != "reconciled"]


@register("reporting_gap", dimension="trade", title="Reporting gap: what the partner reports against what the country "
          "reports", unit="ratio (x)",
          definition=f"""value = partner_reported / own_reported for the same country, partner, year and flow
          (from the country's side): own_reported = the country's own figure in the source (its exports FOB, its
          imports CIF in IMF DOTS), partner_reported = the partner's figure for the same trade in partner_source
          (default: the same source): the country's imports from the partner as the partner's reported exports,
          its exports as the partner's reported imports. own_valuation / partner_valuation say FOB or CIF (a CIF
          import exceeds the matching FOB export by the freight margin, ~5-10%; larger gaps are reporting
          differences). > 1: the partner reports more (e.g. Tajikistan's imports from China, 2019: China reported
          exports of 1,612 m USD, Tajikistan imports of 605 m USD, CIF: x2.66). difference = partner_reported -
          own_reported. Turnover: both flows, where both sides report both. quality: the flags of both figures.""",
          inputs=("trade_flows",), sources="""The own source (e.g. 'imf_dots'): the country's own figures there,
          against the partners' figures in partner_source (default the same source: 'imf_dots' = both sheets of the
          IMF's workbooks).""", labels=_gap_labels, flows=FLOWS,
          params=(Param("partner_source", None, "source of the partner's figures (default: the same source as the "
                                                 "country's own figures)", str),),
          columns=("country", "partner", "year", "flow", "source", "value", "own_reported", "partner_reported",
                   "difference", "own_valuation", "partner_valuation", "partner_source", "quality"))
def reporting_gap(ctx, q):
    v = views(ctx)
    partner_source = q.get("partner_source")
    if partner_source is not None and partner_source not in _gap_labels(ctx):
        from ..errors import invalid_choice

        raise invalid_choice("partner_source", partner_source, _gap_labels(ctx))
    own = v.filter(~v.source.startswith("mirror:"), v.source != "reconciled", v.partner != v.country)
    mirror = v.filter(v.source.startswith("mirror:"))
    m = mirror.select(m_country=mirror.country, m_partner=mirror.partner, m_year=mirror.year, m_flow=mirror.flow,
                      m_source=mirror.source.substr(len("mirror:")), partner_reported=mirror.value,
                      partner_valuation=mirror.valuation, m_months=mirror.months,
                      **{f"m_{f}": mirror[f] for f in FLAG_COLUMNS})
    same = (m.m_source == own.source) if partner_source is None else (m.m_source == partner_source)
    j = own.inner_join(m, [own.country == m.m_country, own.partner == m.m_partner, own.year == m.m_year,
                           own.flow == m.m_flow, same])
    j = j.filter(j.value > 0)
    flags = {f: j[f] | j[f"m_{f}"] for f in FLAG_COLUMNS}
    return j.select(j.country, j.partner, j.year, j.flow, j.source, value=j.partner_reported / j.value,
                    own_reported=j.value, partner_reported=j.partner_reported,
                    difference=j.partner_reported - j.value, own_valuation=j.valuation,
                    partner_valuation=j.partner_valuation, partner_source=j.m_source,
                    quality=Q.expression(estimate=flags["is_estimate"], imputed=flags["imputed"],
                                         months=ibis.least(j.months, j.m_months), preliminary=flags["preliminary"],
                                         switch=None, implausible=flags["implausible"]))
