"""Finance indicators: Chinese development finance commitments per recipient, in dollars and as a share of GDP."""

from __future__ import annotations

from ..errors import invalid_choice
from ..lazy import ibis
from .registry import Param, register

# Amount columns of development_finance a user can pick: AidData's face value ("amount") and its adjusted amount.
AMOUNTS = {"face_value": "commitments_usd", "adjusted": "commitments_adj_usd"}
# Older spellings a user may still give for an amount.
AMOUNT_ALIASES = {"nominal": "face_value"}


def amount_name(amount: str) -> str:
    """The amount's name (face_value | adjusted); aliases resolved; a UsageError listing the choices otherwise."""
    amount = AMOUNT_ALIASES.get(amount, amount)
    if amount not in AMOUNTS:
        raise invalid_choice("amount", amount, AMOUNTS)
    return amount


def commitments(ctx, flow_class, amount):
    """Commitments per (recipient, lender, year, source), summed over flow classes unless one is named: value = the
    amount chosen, both amounts named beside it, and the recipient's rank among all the lender's recipients in the
    year (by the amount chosen)."""
    amount = amount_name(amount)

    def build():
        df = ctx.table("development_finance", "finance_commitments")
        t = df
        if flow_class:
            valid = sorted(df.select("flow_class").distinct().to_pyarrow().column(0).to_pylist())
            if flow_class not in valid:
                raise invalid_choice("flow_class", flow_class, valid)
            t = t.filter(t.flow_class == flow_class)
        t = t.filter(t[AMOUNTS[amount]].notnull())
        agg = t.group_by("recipient", "lender", "year", "source").aggregate(
            face_value=t.commitments_usd.sum(), adjusted=t.commitments_adj_usd.sum(),
            value=t[AMOUNTS[amount]].sum())
        # Ranked among every recipient the source lists (before the pack-country scope below).
        w = ibis.window(group_by=[agg.lender, agg.year, agg.source], order_by=ibis.desc(agg.value))
        everyone = ibis.window(group_by=[agg.lender, agg.year, agg.source])
        agg = agg.mutate(rank=(ibis.rank().over(w) + 1).cast("int32"),
                         n_recipients=agg.recipient.count().over(everyone).cast("int32"))
        countries = ctx.countries()
        if countries:
            agg = agg.filter(agg.recipient.isin(countries))
        return agg.select(country=agg.recipient, partner=agg.lender, year=agg.year.cast("int32"), source=agg.source,
                          value=agg.value.cast("float64"), amount=ibis.literal(amount),
                          face_value=agg.face_value.cast("float64"), adjusted=agg.adjusted.cast("float64"),
                          rank=agg.rank, n_recipients=agg.n_recipients,
                          flow_class=ibis.literal(flow_class or "all"), quality=ibis.literal(""))

    return ctx.memo(f"finance:{flow_class}:{amount}", build)


def pick_gdp_source(ctx, requested=None) -> str:
    """The macro source to take GDP from: the one requested, else the World Bank's (id starting 'worldbank')."""
    valid = ctx.sources_of("macro")
    if requested is None:
        preferred = [s for s in valid if s.startswith("worldbank")] or valid
        if not preferred:
            ctx.table("macro", "finance_gdp_share")  # raises when the table is absent
            raise invalid_choice("gdp_source", requested, ["(no macro source in this pack)"])
        return preferred[0]
    if requested not in valid:
        raise invalid_choice("gdp_source", requested, valid)
    return requested


_PARAMS = (Param("flow_class", None, "one flow class (e.g. ODA-like, OOF-like, vague); default: all summed", str),
           Param("amount", "face_value", "'face_value' (AidData's amount; 'nominal' is accepted for it) or "
                                          "'adjusted' (AidData's adjusted amount): which one `value` is", str))
_SOURCES = "'aiddata': AidData Global Chinese Development Finance 3.0 (lender China only; no Russian lending data)."
_NO_ROW = """AidData lists only years with at least one recorded commitment: a year without a row means no recorded
commitment, and the output has no row for it (not a zero)."""


@register("finance_commitments", dimension="finance", title="Development finance commitments to the country",
          unit="US dollars (constant 2021)",
          definition=f"""Official development finance committed by the lender (partner) to the country in the
          year, summed over flow classes (ODA-like, OOF-like, vague) unless flow_class names one, in constant 2021
          US dollars. Both of AidData's amounts are given, named: face_value (its amount) and adjusted (its adjusted
          amount); `value` is the one the amount parameter names, and `amount` says which (they rank recipients
          differently: e.g. Pakistan, 2000-2021, 103 bn face value against 70 bn adjusted). rank = the country's
          rank among all the lender's recipients in the source that year by `value` (1 = largest; n_recipients of
          them). {_NO_ROW}""",
          inputs=("development_finance",), sources=_SOURCES, labels=lambda ctx: ctx.sources_of("development_finance"),
          params=_PARAMS, columns=("country", "partner", "year", "source", "value", "amount", "face_value",
                                   "adjusted", "rank", "n_recipients", "flow_class", "quality"))
def finance_commitments(ctx, q):
    return commitments(ctx, q.get("flow_class"), q.get("amount"))


@register("finance_gdp_share", dimension="finance", title="Development finance commitments as a share of GDP",
          unit="share of GDP (0-1)",
          definition=f"""Commitments (as finance_commitments) / the country's GDP in the same year (macro table,
          current US dollars, source gdp_source). Caveat: AidData amounts are constant 2021 dollars and GDP is in
          current dollars, so the ratio mixes price bases (about 10-20% off for early years); read it as an order of
          magnitude. {_NO_ROW}""",
          inputs=("development_finance", "macro"), sources=_SOURCES + " GDP: World Bank (macro table).",
          labels=lambda ctx: ctx.sources_of("development_finance") if ctx.has("macro") else [],
          params=_PARAMS + (Param("gdp_source", None, "source of GDP in the macro table (default: the World Bank's)", str),),
          columns=("country", "partner", "year", "source", "value", "commitments_usd", "amount", "gdp_usd",
                   "gdp_source", "flow_class", "quality"))
def finance_gdp_share(ctx, q):
    c = commitments(ctx, q.get("flow_class"), q.get("amount"))
    macro = ctx.table("macro", "finance_gdp_share")
    gdp_source = pick_gdp_source(ctx, q.get("gdp_source"))
    m = macro.filter(macro.source == gdp_source, macro.gdp_usd.notnull(), macro.gdp_usd > 0)
    m = m.select(m_country=m.country, m_year=m.year.cast("int32"), gdp_usd=m.gdp_usd, gdp_source=m.source)
    j = c.inner_join(m, [c.country == m.m_country, c.year == m.m_year])
    return j.select(j.country, j.partner, j.year, j.source, value=j.value / j.gdp_usd, commitments_usd=j.value,
                    amount=j.amount, gdp_usd=j.gdp_usd, gdp_source=j.gdp_source, flow_class=j.flow_class,
                    quality=j.quality)
