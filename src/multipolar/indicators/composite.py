"""Composite influence: a score per (power, target, year) in the spirit of the FBIC index, and its sensitivity to the
weights.

score = bandwidth x dependence, both in [0, 1] (an index on a 0-1 scale, not a percentage):
- bandwidth (how many channels tie the target to the power) = weighted mean of alliance, igo and un;
- dependence (how much the target relies on the power) = weighted mean of trade, arms and finance.

Missing data never turns into a score (following the FBIC's practice of a fixed set of indicators per dyad, the
index must mean the same thing every year):
- Each target has ONE component set over its whole series, the same for China and Russia: the weighted components
  with data for the target with both powers in at least one year (`components`); the weighted components without
  such data are listed in `missing` and never enter any year.
- A component of the set missing in a year takes its latest earlier value when that is at most CARRY_YEARS old
  (flagged `carried_forward:<component>=<year>` in `quality`, listed in `carried`); otherwise the year has no score
  (left out, never scored 0). Years before a component's first value have no score either (nothing is carried back),
  nor years in which no component of the set is observed (a year is never made of carried values alone).
"""

from __future__ import annotations

import itertools

from ..countries import POWERS
from ..errors import UsageError, invalid_choice
from ..lazy import ibis
from . import quality as Q
from .registry import Param, register

# Components: group (bandwidth | dependence) and what each measures, all scaled to [0, 1].
COMPONENTS = {
    "trade": ("dependence", "the power's share of the target's goods turnover (trade_share, reconciled view)"),
    "arms": ("dependence", "the power's share of the target's arms imports, 5-year rolling (arms_share_5y)"),
    "finance": ("dependence", "development finance commitments / GDP, divided by finance_cap and capped at 1 "
                              "(finance_gdp_share; China only, so off by default)"),
    "alliance": ("bandwidth", "ATOP obligation types in force / 5 (alliance_ties; 0 for a pair-year ATOP does not "
                              "list, within ATOP's years)"),
    "igo": ("bandwidth", "IGOs shared with the power / the most IGOs the target shares with any state that year "
                         "(shared_igos)"),
    "un": ("bandwidth", "agreement with the power in UNGA votes (un_agreement, un_source)"),
}
# Default weights: every component counts once, except finance, for which no Russian data exist.
DEFAULT_WEIGHTS = {"trade": 1.0, "arms": 1.0, "finance": 0.0, "alliance": 1.0, "igo": 1.0, "un": 1.0}
# How many years a component's latest value may be carried forward into years without data. Structural ties change
# slowly (treaty obligations, IGO memberships: ATOP ends in 2018 and the COW IGO data in 2014, both by the sources'
# own last releases): 10 years; flows (trade, arms, votes, lending) change from year to year: 3.
CARRY_YEARS = {"trade": 3, "arms": 3, "finance": 3, "alliance": 10, "igo": 10, "un": 3}
# Source label of composite rows.
LABEL = "composite"


def _weights(value) -> dict[str, float]:
    weights = dict(DEFAULT_WEIGHTS)
    for key, w in (value or {}).items():
        if key not in COMPONENTS:
            raise invalid_choice("weight component", key, COMPONENTS)
        w = float(w)
        if w < 0:
            raise UsageError(f"invalid weight {key}={w}: weights must be >= 0")
        weights[key] = w
    for group in ("bandwidth", "dependence"):
        if not any(weights[c] > 0 for c, (g, _) in COMPONENTS.items() if g == group):
            raise UsageError(f"invalid weights {weights}: at least one {group} component needs a weight > 0 "
                             f"({', '.join(c for c, (g, _) in COMPONENTS.items() if g == group)})")
    return weights


def _components(ctx, un_source: str, finance_cap: float, trade_source: str) -> dict:
    """{component: Ibis table (country, partner, year, x)} for the components whose inputs exist."""
    from . import diplomacy, finance, security, trade

    powers = list(POWERS)
    out = {}

    def one(t, x, q=None):
        t = t.filter(t.partner.isin(powers)).mutate(x=x, q=q if q is not None else ibis.literal(""))
        t = t.group_by("country", "partner", "year").aggregate(x=t.x.max(), q=t.q.max())
        # Each component is small (two powers): computing it on its own keeps every compiled query small (Ibis'
        # compile time grows much faster than linearly with the size of one expression).
        return ctx._materialize(t) if ctx.materialize else t

    if ctx.has("trade_flows"):
        s = trade.shares(ctx)
        s = s.filter(s.flow == "turnover", s.source == trade_source)
        out["trade"] = one(s, s.value, trade.row_quality(s, s.coverage))
    if ctx.has("arms_transfers"):
        a = security.arms_shares(ctx, 5)
        out["arms"] = one(a, a.value, a.quality)
    if ctx.has("development_finance") and ctx.has("macro") and ctx.sources_of("macro"):
        c = finance.commitments(ctx, None, "face_value")
        m = ctx.table("macro")
        m = m.filter(m.source == finance.pick_gdp_source(ctx), m.gdp_usd > 0)
        m = m.select(m_country=m.country, m_year=m.year.cast("int32"), gdp=m.gdp_usd)
        j = c.inner_join(m, [c.country == m.m_country, c.year == m.m_year])
        out["finance"] = one(j, ibis.least(j.value / j.gdp / finance_cap, 1.0))
    if ctx.has("alliances"):
        al = security.alliances(ctx)
        years = al.select(y=al.year).distinct()
        targets = al.select(t=al.country).distinct()
        grid = targets.cross_join(years).cross_join(ibis.memtable({"p": powers}))
        grid = grid.filter(grid.t != grid.p)
        j = grid.left_join(al, [grid.t == al.country, grid.p == al.partner, grid.y == al.year])
        j = j.select(country=j.t, partner=j.p, year=j.y, x=j.value.fill_null(0).cast("float64") / 5)
        out["alliance"] = one(j, j.x)
    if ctx.has("shared_igos"):
        sg = security.shared_igo_rows(ctx)
        w = ibis.window(group_by=[sg.country, sg.year])
        sg = sg.mutate(most=sg.value.max().over(w))
        sg = sg.filter(sg.most > 0)
        out["igo"] = one(sg, sg.value.cast("float64") / sg.most)
    un_parts = []
    if un_source == diplomacy.COMPUTED and ctx.has("un_votes") and ctx.has("un_roll_calls"):
        un_parts.append(diplomacy.computed_agreement(ctx, powers))
    elif un_source != diplomacy.COMPUTED and ctx.has("un_agreement"):
        p = diplomacy.published_agreement(ctx)
        un_parts.append(p.filter(p.source == un_source))
    if un_parts:
        u = un_parts[0]
        u = u.filter(u.n_votes >= 10)
        out["un"] = one(u, u.value)
    return out


def _carry(value) -> dict[str, int]:
    carry = dict(CARRY_YEARS)
    for key, years in (value or {}).items():
        if key not in COMPONENTS:
            raise invalid_choice("carry component", key, COMPONENTS)
        if float(years) < 0 or float(years) != int(float(years)):
            raise UsageError(f"invalid carry {key}={years}: a whole number of years >= 0")
        carry[key] = int(float(years))
    return carry


def wide(ctx, un_source="bsv_idealpoints", finance_cap=0.05, trade_source="reconciled", carry=None):
    """One row per (country, partner, year) of the years any component covers, with per component: x_<c> (the
    value, carried forward at most carry[c] years; null beyond), y_<c> (the year the value is from), q_<c> (its
    quality) and has_<c> (whether the component has data for the country with both powers in some year)."""
    carry = _carry(carry)
    key = ",".join(f"{c}={carry[c]}" for c in COMPONENTS)

    def build():
        comps = _components(ctx, un_source, finance_cap, trade_source)
        if not comps:
            ctx.table("trade_flows", "influence_score")  # raises: no input at all
        # Every component in one long table, so one range join finds each one's latest value at most carry[c]
        # years old for every pair-year (one query, not one per component: Ibis compile time grows fast with the
        # size of an expression).
        long = ibis.union(*[t.select(c_name=ibis.literal(name), c_country=t.country, c_partner=t.partner,
                                     c_year=t.year.cast("int32"), c_x=t.x.cast("float64"), c_q=t.q.cast("string"))
                            for name, t in comps.items()], distinct=False)
        pairs = long.select(country=long.c_country, partner=long.c_partner).distinct()
        years = long.select(year=long.c_year).distinct()
        grid = pairs.cross_join(years)
        countries = ctx.countries()
        if countries:
            grid = grid.filter(grid.country.isin(countries))
        limit = ibis.cases(*[(long.c_name == name, carry[name]) for name in comps], else_=0)
        long = long.mutate(c_limit=limit)
        j = grid.inner_join(long, [grid.country == long.c_country, grid.partner == long.c_partner,
                                   long.c_year <= grid.year, long.c_year >= grid.year - long.c_limit])
        w = ibis.window(group_by=[j.c_name, j.country, j.partner, j.year], order_by=ibis.desc(j.c_year))
        j = j.mutate(n=ibis.row_number().over(w))
        j = j.filter(j.n == 0)
        cols = {}
        for name in comps:
            hit = j.c_name == name
            cols[f"x_{name}"] = ibis.ifelse(hit, j.c_x, None).max()
            cols[f"y_{name}"] = ibis.ifelse(hit, j.c_year, None).max()
            cols[f"q_{name}"] = ibis.ifelse(hit, j.c_q, None).max()
        t = j.group_by("country", "partner", "year").aggregate(**cols)
        # The target's fixed set: components observed for it with both powers in some year.
        powers = long.group_by(h_country=long.c_country).aggregate(**{
            f"has_{name}": (ibis.ifelse((long.c_name == name) & (long.c_partner == POWERS[0]), 1, 0).max()
                            + ibis.ifelse((long.c_name == name) & (long.c_partner == POWERS[1]), 1, 0).max()) >= 2
            for name in comps})
        t = t.left_join(powers, t.country == powers.h_country).drop("h_country")
        t = t.mutate(**{f"has_{name}": t[f"has_{name}"].fill_null(False) for name in comps})
        for name in COMPONENTS:
            if name not in comps:
                t = t.mutate(**{f"x_{name}": ibis.null("float64"), f"y_{name}": ibis.null("int32"),
                                f"q_{name}": ibis.null("string"), f"has_{name}": ibis.literal(False)})
        return t

    return ctx.memo(f"influence_wide:{un_source}:{finance_cap}:{trade_source}:{key}", build)


def score_columns(t, weights) -> dict:
    """bandwidth, dependence, score (null unless every component of the target's set has a value), components (the
    set), missing (weighted components outside it), carried and quality, for table t, with weights as numbers or
    columns."""
    def positive(c):
        w = weights[c]
        return ibis.literal(w > 0) if isinstance(w, (int, float)) else w > 0

    inset = {c: t[f"has_{c}"] & positive(c) for c in COMPONENTS}
    # Every component of the set has a value (observed or carried), and at least one is observed that year (a
    # year no source covers for the pair is not made of carried values alone).
    complete, observed = ibis.literal(True), ibis.literal(False)
    for c in COMPONENTS:
        complete = complete & (~inset[c] | t[f"x_{c}"].notnull())
        observed = observed | (inset[c] & (t[f"y_{c}"] == t.year))
    complete = complete & observed
    cols = {}
    for group in ("bandwidth", "dependence"):
        names = [c for c, (g, _) in COMPONENTS.items() if g == group]
        num = sum(ibis.ifelse(inset[c], weights[c] * t[f"x_{c}"].fill_null(0), 0.0) for c in names)
        den = sum(ibis.ifelse(inset[c], weights[c] * 1.0, 0.0) for c in names)
        cols[group] = ibis.ifelse(complete & (den > 0), num / den, None)
    cols["value"] = cols["bandwidth"] * cols["dependence"]

    def listing(hit, item=None):
        text = ibis.literal("")
        for c in COMPONENTS:
            text = text + ibis.ifelse(hit(c), "," + (item(c) if item else ibis.literal(c)), "")
        return ibis.ifelse(text.length() > 0, text.substr(1), "")

    carried = {c: inset[c] & t[f"y_{c}"].notnull() & (t[f"y_{c}"] < t.year) for c in COMPONENTS}
    cols["components"] = listing(lambda c: inset[c])
    cols["missing"] = listing(lambda c: ~t[f"has_{c}"] & positive(c))
    cols["carried"] = listing(lambda c: carried[c], lambda c: c + "=" + t[f"y_{c}"].cast("string"))
    # The set's components' own flags (trade's estimate, coverage...; arms' partial window) and the carried ones.
    parts = [ibis.ifelse(inset[c], t[f"q_{c}"].fill_null(""), "") for c in COMPONENTS]
    parts += [ibis.ifelse(carried[c], "carried_forward:" + c + "=" + t[f"y_{c}"].cast("string"), "")
              for c in COMPONENTS]
    cols["quality"] = Q.merged(*parts)
    return cols


_PARAMS = (
    Param("weights", None, "component weights, e.g. 'trade=2,un=0.5' or JSON; unnamed components keep their "
                           f"default {DEFAULT_WEIGHTS}", dict),
    Param("un_source", "bsv_idealpoints", "UN agreement source: bsv_idealpoints (to 2023) or unvotes_computed", str),
    Param("finance_cap", 0.05, "finance commitments / GDP that counts as full dependence (1.0)", float),
    Param("trade_source", "reconciled", "trade view for the trade component", str),
    Param("carry", None, "years a component's latest value is carried forward, e.g. 'igo=5,trade=2'; unnamed "
                         f"components keep their default {CARRY_YEARS}", dict),
)
_DEF_COMPONENTS = "; ".join(f"{c} ({g}): {d}" for c, (g, d) in COMPONENTS.items())


@register("influence_score", dimension="composite", title="Composite influence of a power over a target",
          unit="index 0-1 (not a percentage)",
          definition=f"""In the spirit of the FBIC index (Moyer et al., Pardee Center): value = bandwidth x
          dependence, on a 0-1 scale, where bandwidth is the weighted mean of the target's bandwidth components and
          dependence the weighted mean of its dependence components (weights param). Components, all 0-1:
          {_DEF_COMPONENTS}. Each target has one fixed component set over its whole series, the same for both
          powers (`components`: the weighted components with data for the target with both powers; `missing`: the
          weighted ones without, never used). A component of the set without a value in a year takes its latest
          value at most `carry` years old (default {CARRY_YEARS}; listed in `carried` and flagged
          carried_forward:<component>=<year> in quality); a year where one cannot, or where no component of the
          set is observed, is left out (no row), never scored 0. quality also carries the trade and arms components' own flags. country = target, partner = power (CHN,
          RUS).""",
          inputs=("trade_flows", "arms_transfers", "alliances", "shared_igos", "un_agreement", "un_votes",
                  "un_roll_calls", "development_finance", "macro"),
          sources=f"'{LABEL}': built from the sources of each component (see the component indicators).",
          labels=lambda ctx: [LABEL], params=_PARAMS,
          columns=("country", "partner", "year", "source", "value", "bandwidth", "dependence", "components",
                   "missing", "carried") + tuple(f"x_{c}" for c in COMPONENTS) + ("quality",))
def influence_score(ctx, q):
    weights = _weights(q.get("weights"))
    t = wide(ctx, q.get("un_source"), q.get("finance_cap"), q.get("trade_source"), q.get("carry"))
    cols = score_columns(t, weights)
    out = t.select("country", "partner", "year", source=ibis.literal(LABEL), **cols,
                   **{f"x_{c}": ibis.ifelse(t[f"has_{c}"], t[f"x_{c}"], None) for c in COMPONENTS})
    return out.filter(out.value.notnull())


def scenarios(levels, components) -> list[dict[str, float]]:
    """Every weighting with each named component at one of `levels` (others at their default), that gives each group
    a positive weight, deduplicated up to scale within each group (scaling a group's weights changes nothing)."""
    seen, out = set(), []
    for combo in itertools.product(levels, repeat=len(components)):
        w = dict(DEFAULT_WEIGHTS)
        w.update(dict(zip(components, combo)))
        key = []
        valid = True
        for group in ("bandwidth", "dependence"):
            names = [c for c, (g, _) in COMPONENTS.items() if g == group]
            total = sum(w[c] for c in names)
            if total <= 0:
                valid = False
                break
            key.append(tuple(round(w[c] / total, 9) for c in names))
        if valid and tuple(key) not in seen:
            seen.add(tuple(key))
            out.append(w)
    return out


@register("influence_sensitivity", dimension="composite", title="Does 'China ahead of Russia' survive other weights?",
          unit="share of weightings (0-1)",
          definition="""For each target and year, the composite influence score (influence_score) of China and of
          Russia under every weighting in which each component of `vary` takes one of `levels` (others keep their
          default; weightings equal up to scale within a group count once; each group needs a positive weight).
          value = share of the weightings under which China's score exceeds Russia's; holds = China ahead under
          all of them; verdict says which way it goes; min_lead / max_lead = smallest / largest China-minus-Russia
          score across weightings. Only target-years with both scores under every weighting (a weighting that
          drops a component from the target's fixed set can score years the default set cannot: those years need
          every weighting). quality: the flags of China's and Russia's scores under the default weights.""",
          inputs=("trade_flows", "arms_transfers", "alliances", "shared_igos", "un_agreement", "development_finance",
                  "macro"),
          sources=f"'{LABEL}'", labels=lambda ctx: [LABEL], partner_column=None,
          params=_PARAMS[1:] + (
              Param("levels", "0,1,2", "weights each varied component takes (comma list)", str),
              Param("vary", "trade,arms,alliance,igo,un", "components whose weight varies (comma list)", str)),
          columns=("country", "year", "source", "value", "n_weightings", "china_ahead", "holds", "verdict",
                   "min_lead", "max_lead", "quality"))
def influence_sensitivity(ctx, q):
    try:
        levels = sorted({float(x) for x in str(q.get("levels")).split(",") if x.strip()})
    except ValueError:
        raise UsageError(f"invalid levels {q.get('levels')!r}; use numbers like '0,1,2'") from None
    if not levels or min(levels) < 0:
        raise UsageError(f"invalid levels {q.get('levels')!r}; use non-negative numbers like '0,1,2'")
    vary = [c.strip() for c in str(q.get("vary")).split(",") if c.strip()]
    for c in vary:
        if c not in COMPONENTS:
            raise invalid_choice("component", c, COMPONENTS)
    grid = scenarios(levels, vary)
    if not grid:
        raise UsageError(f"no valid weighting from levels {levels}: each group needs a positive weight")
    table = {"scenario": list(range(len(grid)))}
    for c in COMPONENTS:
        table[f"w_{c}"] = [float(w[c]) for w in grid]
    sc = ibis.memtable(table)
    t = wide(ctx, q.get("un_source"), q.get("finance_cap"), q.get("trade_source"), q.get("carry"))
    j = t.cross_join(sc)
    cols = score_columns(j, {c: j[f"w_{c}"] for c in COMPONENTS})
    s = j.select("country", "partner", "year", "scenario", value=cols["value"])
    s = s.filter(s.value.notnull())
    chn = s.filter(s.partner == "CHN")
    rus = s.filter(s.partner == "RUS")
    rus = rus.select(r_country=rus.country, r_year=rus.year, r_scenario=rus.scenario, r_value=rus.value)
    p = chn.inner_join(rus, [chn.country == rus.r_country, chn.year == rus.r_year, chn.scenario == rus.r_scenario])
    p = p.mutate(lead=p.value - p.r_value)
    n = len(grid)
    agg = p.group_by("country", "year").aggregate(
        n_weightings=p.scenario.count().cast("int32"), china_ahead=(p.lead > 0).cast("int32").sum().cast("int32"),
        min_lead=p.lead.min(), max_lead=p.lead.max())
    agg = agg.filter(agg.n_weightings == n)
    # The flags of both powers' default-weight rows (carried components, trade's estimates...).
    base = score_columns(t, DEFAULT_WEIGHTS)
    flags = t.select(f_country=t.country, f_year=t.year, f_partner=t.partner, f_quality=base["quality"])
    fc = flags.filter(flags.f_partner == "CHN")
    fr = flags.filter(flags.f_partner == "RUS").select(r_country="f_country", r_year="f_year", r_quality="f_quality")
    agg = agg.left_join(fc, [agg.country == fc.f_country, agg.year == fc.f_year])
    agg = agg.left_join(fr, [agg.country == fr.r_country, agg.year == fr.r_year])
    verdict = ibis.cases(
        (agg.china_ahead == agg.n_weightings, "China ahead under every weighting"),
        (agg.china_ahead == 0, "Russia ahead (or level) under every weighting"),
        else_="depends on the weights")
    return agg.select("country", "year", source=ibis.literal(LABEL),
                      value=agg.china_ahead.cast("float64") / agg.n_weightings, n_weightings=agg.n_weightings,
                      china_ahead=agg.china_ahead, holds=agg.china_ahead == agg.n_weightings, verdict=verdict,
                      min_lead=agg.min_lead, max_lead=agg.max_lead,
                      quality=Q.merged(agg.f_quality, agg.r_quality))
