"""Trade indicators: values, shares, ranks, concentration, growth and asymmetry, by source view (own, mirror, reconciled).

Every indicator here starts from one table, the *trade views* (`views()`), built from `trade_flows` with Ibis:

- own view, label = the raw source id (e.g. "national_kz", "imf_dots"): flows as the country itself reports them.
- mirror view, label "mirror:<source>": flows as the partners report them in that source. The country's imports
  from B are B's reported exports to it, its exports to B are B's reported imports from it. A mirror world total
  (partner "WLD") exists only for sources nearly every state reports to (MIRROR_TOTAL_SOURCES): the IMF's own
  "World" row when the source has one, else the sum of the partners' reports.
- reconciled view, label "reconciled": for each (country, year, flow) one view is chosen, the first in
  RECONCILE_ORDER that has the country's world total for that flow, and every partner's value comes from that same
  view (so a share never mixes sources). The `basis` column names the view used.

Turnover = exports + imports of the same view, only where both exist (never one flow alone). A source that
publishes exports only (EXPORTS_ONLY_SOURCES: IMF DOTS) has no mirror exports; its mirror turnover follows the DOTS
convention: A's exports to B as A reports them + B's exports to A as B reports them.
"""

from __future__ import annotations

import ibis

from ..countries import AGGREGATE_CODES
from .registry import FLOWS, Param, register

# Sources publishing exports only: their imports exist only as partners' mirror exports.
EXPORTS_ONLY_SOURCES = ("imf_dots",)
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
              "value": "float64", "is_estimate": "boolean", "months": "int16", "basis": "string"}
# Key of one value in the views.
KEY = ("country", "partner", "year", "flow", "source")


def _with(t, **changed):
    """t with exactly the view columns, in order, some replaced by `changed`: one projection (a mutate followed by
    a select would be two nodes, and every node costs Ibis compile time)."""
    return t.select(**{name: changed[name] if name in changed else t[name] for name in VIEW_TYPES})


def _base(ctx):
    """trade_flows rows with a USD value, in the view columns (every view starts here)."""
    def build():
        tf = ctx.table("trade_flows", "trade indicators")
        tf = tf.filter(tf.value_usd.notnull(), tf.flow.isin(["export", "import"]))
        cols = dict(country=tf.reporter, partner=tf.partner, year=tf.year, flow=tf.flow, source=tf.source,
                    value=tf.value_usd, is_estimate=tf.is_estimate, months=tf.months, basis=tf.source)
        # One projection casting to the view types (fewer Ibis nodes: a smaller, faster-compiling expression).
        return tf.select(**{name: cols[name].cast(kind) for name, kind in VIEW_TYPES.items()})

    # Never materialised itself: only the views read it, and they are materialised when reused.
    return ctx.memo("trade_base", build, cache=False)


def _turnover(exports, imports):
    """Turnover rows from export and import rows of the same view (inner join: both flows needed)."""
    # Joined on the key names: Ibis keeps one copy of each key and names the import side's other columns
    # `<name>_right` (no renaming projection before the join: every node costs Ibis compile time).
    j = exports.inner_join(imports, ["country", "partner", "year", "source"])
    basis = ibis.ifelse(j.basis == j.basis_right, j.basis,
                        ibis.literal("export: ") + j.basis + "; import: " + j.basis_right)
    return j.select(country=j.country, partner=j.partner, year=j.year, flow=ibis.literal("turnover"),
                    source=j.source, value=j.value + j.value_right, is_estimate=j.is_estimate | j.is_estimate_right,
                    months=ibis.least(j.months, j.months_right), basis=basis)


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
        value=listed.value.sum(), is_estimate=listed.is_estimate.any(), months=listed.months.min(),
        n=listed.partner.count())
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
        value=cells.value.sum(), is_estimate=cells.is_estimate.any(), months=cells.months.min())
    summed = _with(sums, partner=ibis.literal("WLD"), flow=ibis.ifelse(sums.flow == "export", "import", "export"),
                   source=ibis.literal("mirror:") + sums.source,
                   basis=ibis.literal("mirror:") + sums.source + " (sum of partners' reports)")
    return ibis.union(own, derived, mirror, summed, distinct=False)


def _reconciled(flows):
    """The reconciled view (exports and imports) from the own and mirror views (see RECONCILE_ORDER)."""
    totals = flows.filter(flows.partner == "WLD")
    # One view per (country, year, flow): lowest priority, ties broken by label so the choice is deterministic.
    w = ibis.window(group_by=[totals.country, totals.year, totals.flow],
                    order_by=[_priority(totals.source), totals.source])
    ranked = totals.mutate(n=ibis.row_number().over(w))
    c = ranked.filter(ranked.n == 0).select(c_country=ranked.country, c_year=ranked.year, c_flow=ranked.flow,
                                            chosen=ranked.source)
    j = flows.inner_join(c, [flows.country == c.c_country, flows.year == c.c_year, flows.flow == c.c_flow,
                             flows.source == c.chosen])
    return _with(j, source=ibis.literal("reconciled"))


def _views(ctx):
    """Own, mirror and reconciled views, exports and imports, plus the turnover of each view."""
    own_and_mirror = _own_and_mirror(ctx)
    flows = ibis.union(own_and_mirror, _reconciled(own_and_mirror), distinct=False)
    # One turnover for every view (one join: fewer Ibis nodes than a turnover per view). A view's exports are its
    # own export rows, except for the mirror of an exports-only source, which has none: there the country's own
    # reported exports stand in (the DOTS convention), keeping their own basis.
    exports_only = list(EXPORTS_ONLY_SOURCES)
    reported = flows.filter(flows.flow == "export", flows.source.isin(exports_only))
    exports = ibis.union(
        flows.filter(flows.flow == "export", ~flows.source.isin([f"mirror:{s}" for s in exports_only])),
        _with(reported, source=ibis.literal("mirror:") + reported.source), distinct=False)
    return ibis.union(flows, _turnover(exports, flows.filter(flows.flow == "import")), distinct=False)


def views(ctx):
    """The trade views: one row per (country, partner, year, flow, source label) with value in USD and its basis."""
    # Materialised the second time they are asked for in a context (a temporary table): a single request (one CLI
    # call) runs fastest with the views inline, and the report, crossover, claims and dashboard, which ask for many
    # trade indicators, then compute the views once and start every later indicator from a plain table (a small
    # compiled query: Ibis' compile time grows much faster than the expression).
    return ctx.memo("trade_views", lambda: _views(ctx))


def shares(ctx):
    """Each partner's share of the country's flow, total from the same view."""
    def build():
        v = views(ctx)
        # Joined on the key names: the total's columns come out as `<name>_right`.
        j = v.filter(v.partner != "WLD").inner_join(v.filter(v.partner == "WLD"),
                                                    ["country", "year", "flow", "source"])
        j = j.filter(j.value_right > 0)
        return j.select(country=j.country, partner=j.partner, year=j.year, flow=j.flow, source=j.source,
                        value=j.value / j.value_right, partner_value=j.value, total_value=j.value_right,
                        is_estimate=j.is_estimate | j.is_estimate_right, months=ibis.least(j.months, j.months_right),
                        basis=ibis.ifelse(j.basis == j.basis_right, j.basis, j.basis + "; total: " + j.basis_right))

    return ctx.memo("trade_shares", build)


def _country_cells(ctx):
    """Partner values that are countries (no world total, no EU, not the country itself)."""
    v = views(ctx)
    return v.filter(~v.partner.isin(AGGREGATES), v.partner != v.country, v.value.notnull())


def _totals(ctx):
    v = views(ctx)
    t = v.filter(v.partner == "WLD")
    return t.select(t_country=t.country, t_year=t.year, t_flow=t.flow, t_source=t.source, total_value=t.value)


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
country reports them. "mirror:<source>": as partners report them (imports = partners' exports to the country;
exports = partners' imports from it; world totals only for IMF DOTS: the IMF's World row, or the sum of partners'
reports for a copy of DOTS without World rows); a source publishing no world total but listing at least 50 partners (national_uz, national_am) gets the
sum of its partners as total, said so in `basis`. IMF DOTS publishes exports only: "imf_dots" has exports, "mirror:imf_dots" has imports, and its turnover
is the DOTS convention (A's exports to B as A reports + B's exports to A as B reports). "reconciled": per (country,
year, flow) the first view with a world total in the order national statistics > imf_imts > imf_dots > russia_fcs >
other own sources > mirror:imf_dots; all partners from that view; the `basis` column names it. A year a source does
not cover has no row (never filled)."""

_FLOW_DOC = "flow is from the country's side; turnover = exports + imports of the same view, only where both exist."


@register("trade_value", dimension="trade", title="Goods trade with a partner", unit="US dollars",
          definition=f"""The country's goods exports to, imports from, or turnover with the partner in the year,
          in current US dollars, per source view; partner 'WLD' is the country's total with the world and 'EUU' the
          European Union. {_FLOW_DOC} months < 12 marks a partial year; is_estimate is true when any input is an
          estimate.""",
          inputs=("trade_flows",), sources=SOURCES_DOC, labels=trade_labels, flows=FLOWS,
          columns=("country", "partner", "year", "flow", "source", "value", "is_estimate", "months", "basis"))
def trade_value(ctx, q):
    return views(ctx)


@register("trade_share", dimension="trade", title="Partner's share of the country's trade", unit="share (0-1)",
          definition=f"""partner_value / total_value: the partner's share of the country's exports, imports or
          turnover in the year, both taken from the same source view (total = the view's 'WLD' row). {_FLOW_DOC}
          No total in a view, no share.""",
          inputs=("trade_flows",), sources=SOURCES_DOC, labels=trade_labels, flows=FLOWS,
          columns=("country", "partner", "year", "flow", "source", "value", "partner_value", "total_value",
                   "is_estimate", "months", "basis"))
def trade_share(ctx, q):
    return shares(ctx)


@register("partner_rank", dimension="trade", title="Partner's rank among the country's trade partners",
          unit="rank (1 = largest)",
          definition=f"""Rank of the partner by value among all partner countries of the country in the year, flow
          and source view (ties share the better rank; aggregates WLD/EUU are not ranked). n_partners = number of
          partner countries in that view: a source listing few partners (russia_fcs: ~29) ranks among those only.
          {_FLOW_DOC}""",
          inputs=("trade_flows",), sources=SOURCES_DOC, labels=trade_labels, flows=FLOWS,
          columns=("country", "partner", "year", "flow", "source", "value", "n_partners", "partner_value"))
def partner_rank(ctx, q):
    c = _country_cells(ctx)
    w = ibis.window(group_by=[c.country, c.year, c.flow, c.source], order_by=ibis.desc(c.value))
    everyone = ibis.window(group_by=[c.country, c.year, c.flow, c.source])
    return c.select(c.country, c.partner, c.year, c.flow, c.source,
                    value=(ibis.rank().over(w) + 1).cast("int32"),
                    n_partners=c.partner.count().over(everyone).cast("int32"), partner_value=c.value)


@register("top_partner", dimension="trade", title="The country's largest trade partner",
          unit="share (0-1) of the top partner",
          definition=f"""The partner country with the largest value in the year, flow and source view (ties: the
          first ISO3 code alphabetically), with its share of the view's world total (null when the view has no
          total). {_FLOW_DOC}""",
          inputs=("trade_flows",), sources=SOURCES_DOC, labels=trade_labels, flows=FLOWS,
          columns=("country", "year", "flow", "source", "partner", "value", "partner_value", "total_value"),
          sort=("country", "flow", "source", "year"))
def top_partner(ctx, q):
    c = _country_cells(ctx)
    w = ibis.window(group_by=[c.country, c.year, c.flow, c.source], order_by=[ibis.desc(c.value), c.partner])
    top = c.mutate(n=ibis.row_number().over(w))
    top = top.filter(top.n == 0)
    t = _totals(ctx)
    j = top.left_join(t, [top.country == t.t_country, top.year == t.t_year, top.flow == t.t_flow,
                          top.source == t.t_source])
    return j.select(j.country, j.year, j.flow, j.source, j.partner, value=j.value / j.total_value,
                    partner_value=j.value, total_value=j.total_value)


@register("trade_hhi", dimension="trade", title="Concentration of the country's trade partners (HHI)",
          unit="index 0-1 (x 10,000 for the antitrust scale)",
          definition=f"""Herfindahl-Hirschman index sum(s_i^2) over the country's partner countries i, with s_i the
          partner's share of the sum over the listed partner countries (so shares add up to 1; aggregates
          excluded). 1 = a single partner, 1/n = n equal partners. coverage = listed partners' sum / the view's
          world total (null without a total): low coverage (e.g. russia_fcs' ~29 partners) overstates
          concentration. {_FLOW_DOC}""",
          inputs=("trade_flows",), sources=SOURCES_DOC, labels=trade_labels, flows=FLOWS, partner_column=None,
          columns=("country", "year", "flow", "source", "value", "n_partners", "coverage", "is_estimate"))
def trade_hhi(ctx, q):
    c = _country_cells(ctx)
    c = c.filter(c.value > 0)
    w = ibis.window(group_by=[c.country, c.year, c.flow, c.source])
    s = c.mutate(s=c.value / c.value.sum().over(w))
    agg = s.group_by("country", "year", "flow", "source").aggregate(
        value=(s.s * s.s).sum(), n_partners=s.partner.count().cast("int32"), listed=s.value.sum(),
        is_estimate=s.is_estimate.any())
    t = _totals(ctx)
    j = agg.left_join(t, [agg.country == t.t_country, agg.year == t.t_year, agg.flow == t.t_flow,
                          agg.source == t.t_source])
    return j.select(j.country, j.year, j.flow, j.source, j.value, j.n_partners,
                    coverage=j.listed / j.total_value, is_estimate=j.is_estimate)


@register("trade_growth", dimension="trade", title="Growth of trade between two years", unit="multiple (x)",
          definition=f"""end_value / base_value for the same country, partner, flow and source view: value is the
          multiple, pct = (multiple - 1) x 100. With base_year and year: that pair; with base_year only: every year
          against base_year; with year only: year against the year before; with neither: every year against the
          year before. measure='share' compares trade shares instead of values. Both years must exist in the same
          view with the same basis (reconciled: the same underlying view in both years; no row otherwise); months/months_base < 12 flag partial years. {_FLOW_DOC}""",
          inputs=("trade_flows",), sources=SOURCES_DOC, labels=trade_labels, flows=FLOWS,
          params=(Param("base_year", None, "first year of the comparison", int),
                  Param("year", None, "last year of the comparison", int),
                  Param("measure", "value", "'value' (USD) or 'share' (trade share)", str)),
          columns=("country", "partner", "flow", "source", "base_year", "year", "base_value", "end_value", "value",
                   "pct", "is_estimate", "months_base", "months"))
def trade_growth(ctx, q):
    measure = q.get("measure")
    if measure not in ("value", "share"):
        from ..errors import invalid_choice

        raise invalid_choice("measure", measure, ("value", "share"))
    v = views(ctx) if measure == "value" else shares(ctx)
    a = v.select(a_country=v.country, a_partner=v.partner, a_flow=v.flow, a_source=v.source, base_year=v.year,
                 base_value=v.value, a_est=v.is_estimate, months_base=v.months, a_basis=v.basis)
    b = v.select(v.country, v.partner, v.flow, v.source, v.year, end_value=v.value, b_est=v.is_estimate,
                 months=v.months, basis=v.basis)
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
    return j.select(j.country, j.partner, j.flow, j.source, j.base_year, j.year, j.base_value, j.end_value,
                    value=multiple, pct=(multiple - 1) * 100, is_estimate=j.a_est | j.b_est, months_base=j.months_base,
                    months=j.months)


@register("dependence_asymmetry", dimension="trade", title="Asymmetry of mutual trade dependence",
          unit="ratio (x)",
          definition=f"""How much more the country depends on the partner than the partner on the country:
          value = country_share / partner_share, where country_share = the partner's share of the country's trade
          and partner_share = the country's share of the partner's trade, same year, flow and source view (each as
          that state's view reports or mirrors it). > 1: the country is the junior side (e.g. country RUS, partner
          CHN: how junior Russia is to China). difference = country_share - partner_share. {_FLOW_DOC}""",
          inputs=("trade_flows",), sources=SOURCES_DOC, labels=trade_labels, flows=FLOWS,
          columns=("country", "partner", "year", "flow", "source", "value", "country_share", "partner_share",
                   "difference", "is_estimate"))
def dependence_asymmetry(ctx, q):
    s = shares(ctx)
    s = s.filter(~s.partner.isin(AGGREGATES))
    a = s.select(s.country, s.partner, s.year, s.flow, s.source, country_share=s.value, a_est=s.is_estimate)
    b = s.select(b_country=s.country, b_partner=s.partner, b_year=s.year, b_flow=s.flow, b_source=s.source,
                 partner_share=s.value, b_est=s.is_estimate)
    j = a.inner_join(b, [a.country == b.b_partner, a.partner == b.b_country, a.year == b.b_year,
                         a.flow == b.b_flow, a.source == b.b_source])
    j = j.filter(j.partner_share > 0)
    return j.select(j.country, j.partner, j.year, j.flow, j.source, value=j.country_share / j.partner_share,
                    country_share=j.country_share, partner_share=j.partner_share,
                    difference=j.country_share - j.partner_share, is_estimate=j.a_est | j.b_est)
