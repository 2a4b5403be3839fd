"""Sanctions re-routing ("Eurasian roundabout") indicators over product_trade: sanctioned-goods exports per partner
(monthly, indexed to a pre-invasion baseline, against the same months a year earlier), the leakage ratio, both legs
of the roundabout side by side, and the product x partner x month panel the event study is fitted on.

Every figure sums product rows of ONE code level (CN8 by default; HS4 rows overlap their CN8 codes, so levels are
never mixed). A month without a row for a partner is a month without recorded trade (Comext has no row for zero):
series are zero-filled over the months the source covers, never over months it does not. Annual data (month null,
e.g. BACI) run through the same expressions: a "month" 0 stands for the whole year inside them.

The product sets (parameter `products`):
- sanctioned: codes on the EU export-sanction annexes (`sanctioned` true) at the code level asked for;
- chpl: codes whose HS6 is on the Common High Priority Items List (`chpl_tier` not null);
- all: every code at the level; total: the all-goods rows (code_level TOTAL);
- other: the control, all goods minus the sanctioned codes, per partner and month (TOTAL minus the sum of the
  sanctioned codes at the level), labelled "<total source> minus <product source>".
"""

from __future__ import annotations

from ..countries import eu27, is_iso3
from ..errors import UsageError, invalid_choice
from ..lazy import ibis
from . import quality
from .registry import Param, register
from .trade import views

# Product sets a re-routing indicator can sum (see the module docstring).
PRODUCT_SETS = ("sanctioned", "chpl", "all", "total", "other")
# The roundabout's neighbours by default: the partners of the EU extract next to Russia that are not Russia or
# Belarus (itself under EU sanctions since 2022); the EBRD's "Eurasian roundabout" paper centres on Armenia,
# Kazakhstan and Kyrgyzstan.
NEIGHBOURS = ("ARM", "GEO", "KAZ", "KGZ", "UZB")
# The sanctioned destination.
TARGET = "RUS"
# The pre-invasion baseline year (Russia invaded Ukraine on 24 February 2022; 2021 is the last full year before).
BASELINE_YEAR = 2021
# First month of the post-invasion comparison: March, the first full month after the invasion and after the EU's
# first export bans of 25 February 2022 (Regulation (EU) 2022/328).
POST_MONTH = 3
# product_code of the control series (all goods minus the sanctioned codes).
CONTROL_CODE = "OTHER"
# Ways to group products in the leakage ratio: all together, by HS chapter (first two digits), by product code.
GROUPINGS = ("all", "chapter", "product")
# Exporter groups a user can name instead of listing ISO3 codes: the EU's own aggregate rows (EUU, as Eurostat
# publishes or the parser sums them), or the sum of the 27 member states' rows (data by member state, e.g. BACI).
EXPORTER_GROUPS = {"EUU": lambda: ("EUU",), "EU27": eu27}


def _choice(name: str, value, choices):
    if value not in choices:
        raise invalid_choice(name, value, choices)
    return value


def exporters(text: str) -> tuple[str, tuple[str, ...]]:
    """(label, reporter codes) of the `exporters` parameter: a group name (EUU, EU27) or ISO3 codes 'DEU,FRA'."""
    text = str(text).strip().upper()
    if text in EXPORTER_GROUPS:
        return text, tuple(EXPORTER_GROUPS[text]())
    codes = tuple(c.strip() for c in text.split(",") if c.strip())
    bad = [c for c in codes if not is_iso3(c)]
    if not codes or bad:
        raise UsageError(f"invalid exporters {text!r}; valid choices: {', '.join(EXPORTER_GROUPS)} or ISO3 codes "
                         "separated by commas (e.g. DEU,FRA)")
    return ",".join(codes), codes


def _countries(text: str, name: str) -> tuple[str, ...]:
    codes = tuple(c.strip().upper() for c in str(text).split(",") if c.strip())
    bad = [c for c in codes if not is_iso3(c)]
    if not codes or bad:
        raise UsageError(f"invalid {name} {text!r}: use ISO3 codes separated by commas, e.g. {','.join(NEIGHBOURS)}")
    return codes


def _level(q) -> str:
    from ..schema import CODE_LEVELS

    return _choice("code level", str(q.get("level")).upper(), [k for k in CODE_LEVELS if k != "TOTAL"])


def _rows(ctx, q, products: str):
    """product_trade export rows of the query's exporters and product set at one level, summed over the exporters
    per partner, product code and month: exporter (label), partner, year, month (0 = whole year), product_code,
    currency, source, value. Memoised per context: every re-routing indicator starts here, so a batch of them
    (report, summary, benchmark) reads product_trade once."""
    _choice("product set", products, PRODUCT_SETS)
    label, codes = exporters(q.get("exporters"))
    level = "TOTAL" if products == "total" else _level(q)

    def build():
        t = ctx.table("product_trade", "re-routing indicators")
        predicates = [t.flow == "export", t.reporter.isin(list(codes)), t.code_level == level]
        if products == "sanctioned":
            predicates.append(t.sanctioned)
        elif products == "chpl":
            predicates.append(t.chpl_tier.notnull())
        t = t.filter(*predicates)
        t = t.select(partner=t.partner, year=t.year.cast("int16"), month=t.month.fill_null(0).cast("int8"),
                     product_code=t.product_code, currency=t.currency, source=t.source, value=t.value)
        sums = t.group_by("partner", "year", "month", "product_code", "currency", "source").aggregate(
            value=t.value.sum())
        return sums.select(exporter=ibis.literal(label), partner=sums.partner, year=sums.year, month=sums.month,
                           product_code=sums.product_code, value=sums.value, currency=sums.currency,
                           source=sums.source)

    return ctx.memo(f"rerouting_rows:{label}:{products}:{level}", build)


def _control(ctx, q):
    """The control rows: all goods minus the sanctioned codes at the level, per exporter, partner and month, where
    both exist (same currency)."""
    total = _rows(ctx, q, "total")
    sanctioned = _rows(ctx, q, "sanctioned")
    s = sanctioned.group_by("exporter", "partner", "year", "month", "currency").aggregate(
        s_value=sanctioned.value.sum(), s_source=sanctioned.source.max())
    j = total.inner_join(s, ["exporter", "partner", "year", "month", "currency"])
    return j.select(j.exporter, j.partner, j.year, j.month, product_code=ibis.literal(CONTROL_CODE),
                    value=j.value - j.s_value, currency=j.currency, source=j.source + " minus " + j.s_source)


def product_rows(ctx, q, products: str | None = None):
    """The rows of a product set (the `products` parameter by default); the control set included."""
    products = products or q.get("products")
    _choice("product set", products, PRODUCT_SETS)
    return _control(ctx, q) if products == "other" else _rows(ctx, q, products)


def _cover(rows):
    """The months each source covers in each year (0 = a whole-year figure): source, year, month."""
    return rows.select("source", "year", "month").distinct()


def _zero_filled(sums, rows, keys):
    """sums (keys + year, month, value) over every month its source covers, value 0 where there was no row:
    Comext has no row for a month without recorded trade."""
    cells = sums.select(*keys).distinct()
    cover = _cover(rows)
    grid = cells.inner_join(cover, "source")
    j = grid.left_join(sums, [*keys, "year", "month"])
    return j.select(*keys, "year", "month", value=j.value.fill_null(0.0))


def partner_series(ctx, q, products: str | None = None):
    """Monthly (or annual) sums of a product set per exporter, partner and source, zero-filled."""
    rows = product_rows(ctx, q, products)
    keys = ["exporter", "partner", "currency", "source"]
    sums = rows.group_by(*keys, "year", "month").aggregate(value=rows.value.sum())
    return _zero_filled(sums, rows, keys), rows


def _partial(months, month_data):
    """The partial_year quality flag where fewer than 12 months of monthly data are compared."""
    return quality.expression(months=ibis.ifelse(month_data, months, 12))


def same_months(series, rows, keys, from_month: int, base_year: int | None = None):
    """Each year's sum over the months its source covers from `from_month` on, against the same months of the year
    before (or of `base_year`, for every later year), only where that year covers every one of them. Columns: keys,
    base_year, year, months, first_month, last_month, base_value, end_value (annual data: whole years, 12)."""
    cover = _cover(rows)
    end = cover.filter((cover.month >= from_month) | (cover.month == 0))
    earlier = cover.view()  # a self-join: Ibis needs a distinct view of the table
    if base_year is None:
        prior = earlier.select(source=earlier.source, p_year=earlier.year + 1, month=earlier.month,
                               b_year=earlier.year, seen=ibis.literal(1))
    else:
        base = earlier.filter(earlier.year == base_year)
        later = end.filter(end.year > base_year).select("source", "year").distinct()
        j = later.inner_join(base, "source")
        prior = j.select(source=j.source, p_year=j.year, month=j.month, b_year=j.year_right, seen=ibis.literal(1))
    j = end.left_join(prior, [end.source == prior.source, end.year == prior.p_year, end.month == prior.month])
    per_year = j.group_by(source=j.source, year=j.year).aggregate(
        n=j.month.count(), n_prior=j.seen.sum(), first_month=j.month.min(), last_month=j.month.max(),
        b_year=j.b_year.max())
    ok = per_year.filter(per_year.n == per_year.n_prior.fill_null(0))
    months = end.inner_join(ok.select("source", "year", "b_year"), ["source", "year"])
    e = series.inner_join(months.drop("b_year"), ["source", "year", "month"])
    e = e.group_by(*keys, "year").aggregate(end_value=e.value.sum())
    base_months = months.select(months.source, year=months.b_year, month=months.month, c_year=months.year)
    b = series.inner_join(base_months, ["source", "year", "month"])
    b = b.group_by(*keys, year=b.c_year).aggregate(base_value=b.value.sum())
    j = e.inner_join(b, [*keys, "year"])
    j = j.inner_join(ok, ["source", "year"])
    annual = j.first_month == 0
    return j.select(*keys, base_year=j.b_year.cast("int16"), year=j.year.cast("int16"),
                    months=ibis.ifelse(annual, 12, j.n).cast("int8"),
                    first_month=ibis.ifelse(annual, 1, j.first_month).cast("int8"),
                    last_month=ibis.ifelse(annual, 12, j.last_month).cast("int8"),
                    base_value=j.base_value, end_value=j.end_value,
                    quality=_partial(ibis.ifelse(annual, 12, j.n), ~annual))


def product_labels(ctx) -> list[str]:
    """Source labels of the re-routing indicators: product_trade's sources and the control's composite label."""
    sources = ctx.sources_of("product_trade")
    products = [s for s in sources if s != "eurostat_comext"]
    control = [f"eurostat_comext minus {s}" for s in products] if "eurostat_comext" in sources else []
    return sorted(sources) + control


_COMMON = (
    Param("products", "sanctioned", "product set: " + " | ".join(PRODUCT_SETS), str),
    Param("level", "CN8", "code level of the products summed: CN8 | HS6 | HS4 (never mixed)", str),
    Param("exporters", "EUU", "exporting side: EUU (the EU's own rows), EU27 (sum of the member states) or ISO3 "
                              "codes", str),
)
_SETS_DOC = """products: sanctioned (codes on the EU export-sanction annexes, `sanctioned` true), chpl (HS6 on the
Common High Priority Items List), all, total (all goods), other (the control: all goods minus the sanctioned codes).
Codes of one level only (CN8 by default; HS4 rows overlap their CN8 codes). A month with no row is a month with no
recorded trade: zero, over the months the source covers."""
_SOURCES_DOC = """The product_trade source (eurostat_sanctioned: Eurostat Comext extract of 2023-01-21, EU exports of
the sanction-annex codes, 2020-01..2022-11; baci: CEPII BACI when a BACI folder is read); the control is labelled
'eurostat_comext minus eurostat_sanctioned' (all-goods totals extracted 2024-11 minus the 2023 extract)."""


@register("rerouting_exports", dimension="trade", title="Exports of sanctioned goods per partner, indexed",
          unit="currency of the source (EUR for Eurostat); index: baseline month = 100",
          definition=f"""The exporters' exports of a product set to each partner per month (annual data: per year),
          with `index` = value / baseline x 100, baseline = the average month of `baseline_year` (default 2021, the
          last full year before the invasion of February 2022; annual data: that year's value), and `yoy` = value /
          the same month a year earlier. {_SETS_DOC}""",
          inputs=("product_trade",), sources=_SOURCES_DOC, labels=product_labels,
          params=(*_COMMON, Param("baseline_year", BASELINE_YEAR, "year whose average month is 100", int)),
          columns=("exporter", "partner", "year", "month", "products", "code_level", "value", "currency",
                   "baseline", "index", "yoy", "quality", "source"),
          sort=("exporter", "partner", "source", "year", "month"))
def rerouting_exports(ctx, q):
    series, rows = partner_series(ctx, q)
    keys = ["exporter", "partner", "currency", "source"]
    cover = _cover(rows)
    months = cover.group_by("source", "year").aggregate(n_months=cover.month.count())
    base = series.filter(series.year == q.get("baseline_year"))
    base = base.group_by(*keys, "year").aggregate(total=base.value.sum())
    base = base.inner_join(months, ["source", "year"])
    base = base.select(*keys, baseline=base.total / base.n_months)
    earlier = series.view()  # a self-join: Ibis needs a distinct view of the table
    prev = earlier.select(*keys, p_year=earlier.year + 1, month=earlier.month, prev=earlier.value)
    j = series.left_join(base, keys)
    j = j.left_join(prev, [*[j[k] == prev[k] for k in keys], j.year == prev.p_year, j.month == prev.month])
    level = "TOTAL" if q.get("products") == "total" else _level(q)
    return j.select(j.exporter, j.partner, year=j.year, month=ibis.ifelse(j.month == 0, ibis.null("int8"), j.month),
                    products=ibis.literal(q.get("products")), code_level=ibis.literal(level), value=j.value,
                    currency=j.currency, baseline=j.baseline,
                    index=ibis.ifelse(j.baseline > 0, j.value / j.baseline * 100, ibis.null("float64")),
                    yoy=ibis.ifelse(j.prev > 0, j.value / j.prev, ibis.null("float64")),
                    quality=ibis.literal(""), source=j.source)


@register("rerouting_growth", dimension="trade", title="Exports of sanctioned goods: the same months a year earlier",
          unit="multiple (x)",
          definition=f"""end_value / base_value: the exporters' exports of a product set to the partner over the
          months of `year` that the source covers from `from_month` on (default 1: January), against the same months
          of the year before, or of `base_year` when given (e.g. 2021, before the invasion), only where that year
          covers them all. months < 12 is a partial period
          (partial_year flag): e.g. the EU extract ends in November 2022, so 2022 is Jan-Nov 2022 vs Jan-Nov 2021.
          {_SETS_DOC}""",
          inputs=("product_trade",), sources=_SOURCES_DOC, labels=product_labels,
          params=(*_COMMON, Param("from_month", 1, "first month compared in each year (1-12)", int),
                  Param("base_year", None, "compare every later year with this one (default: the year before)",
                        int)),
          columns=("exporter", "partner", "products", "code_level", "base_year", "year", "months", "first_month",
                   "last_month", "base_value", "end_value", "value", "pct", "currency", "quality", "source"),
          sort=("exporter", "partner", "source", "year"))
def rerouting_growth(ctx, q):
    series, rows = partner_series(ctx, q)
    c = same_months(series, rows, ["exporter", "partner", "currency", "source"], _from_month(q), q.get("base_year"))
    c = c.filter(c.base_value > 0)
    multiple = c.end_value / c.base_value
    level = "TOTAL" if q.get("products") == "total" else _level(q)
    return c.select(c.exporter, c.partner, products=ibis.literal(q.get("products")), code_level=ibis.literal(level),
                    base_year=c.base_year, year=c.year, months=c.months, first_month=c.first_month,
                    last_month=c.last_month, base_value=c.base_value, end_value=c.end_value, value=multiple,
                    pct=(multiple - 1) * 100, currency=c.currency, quality=c.quality, source=c.source)


def _from_month(q) -> int:
    month = q.get("from_month")
    if not 1 <= int(month) <= 12:
        raise UsageError(f"invalid from_month {month!r}: a month number 1-12")
    return int(month)


def _group(rows, by: str):
    _choice("grouping", by, GROUPINGS)
    if by == "all":
        return ibis.literal("all")
    if by == "chapter":
        return rows.product_code.substr(0, 2)
    return rows.product_code


@register("rerouting_leakage", dimension="trade", title="Leakage ratio: rise to the neighbours / fall to Russia",
          unit="ratio (0.1 = the neighbours gained a tenth of what Russia lost)",
          definition=f"""value = rise / fall over the same months of `year` and the year before (from `from_month`,
          default 3: March 2022, the first full month of the sanctions, to the last month the source covers):
          rise = the exporters' exports of the product set to the `neighbours` (default
          {','.join(NEIGHBOURS)}) minus the same months a year earlier, fall = exports to `target` (default RUS) a
          year earlier minus now. Overall (by=all), per HS chapter (by=chapter: first two digits of the code) or per
          product code (by=product, with its label: the top products). value is null where exports to the target
          did not fall. The EBRD's "Eurasian roundabout" paper puts the extra flows to the neighbours at about 5-10%
          of the fall in direct exports (EU, UK and US exporters). {_SETS_DOC}""",
          inputs=("product_trade",), sources=_SOURCES_DOC, labels=product_labels, partner_column=None,
          params=(*_COMMON, Param("from_month", POST_MONTH, "first month compared in each year (1-12)", int),
                  Param("neighbours", ",".join(NEIGHBOURS), "ISO3 codes of the neighbours", str),
                  Param("target", TARGET, "ISO3 code of the sanctioned destination", str),
                  Param("by", "all", "grouping: " + " | ".join(GROUPINGS), str)),
          columns=("exporter", "year", "base_year", "months", "first_month", "last_month", "group", "label",
                   "neighbours_base", "neighbours_end", "rise", "target_base", "target_end", "fall", "value",
                   "currency", "quality", "source"),
          sort=("exporter", "source", "year", "group"))
def rerouting_leakage(ctx, q):
    neighbours = _countries(q.get("neighbours"), "neighbours")
    (target,) = _countries(q.get("target"), "target")[:1]
    by = q.get("by")
    rows = product_rows(ctx, q)
    rows = rows.filter(rows.partner.isin([*neighbours, target]))
    rows = rows.mutate(group=_group(rows, by))
    keys = ["exporter", "partner", "group", "currency", "source"]
    sums = rows.group_by(*keys, "year", "month").aggregate(value=rows.value.sum())
    series = _zero_filled(sums, rows, keys)
    c = same_months(series, rows, keys, _from_month(q))
    is_target = c.partner == target
    agg = c.group_by("exporter", "group", "currency", "source", "year", "base_year", "months", "first_month",
                     "last_month", "quality").aggregate(
        neighbours_base=ibis.ifelse(is_target, 0.0, c.base_value).sum(),
        neighbours_end=ibis.ifelse(is_target, 0.0, c.end_value).sum(),
        target_base=ibis.ifelse(is_target, c.base_value, 0.0).sum(),
        target_end=ibis.ifelse(is_target, c.end_value, 0.0).sum())
    rise = agg.neighbours_end - agg.neighbours_base
    fall = agg.target_base - agg.target_end
    out = agg.mutate(rise=rise, fall=fall, value=ibis.ifelse(fall > 0, rise / fall, ibis.null("float64")))
    if by == "product" and ctx.has("product_codes"):
        codes = ctx.table("product_codes")
        codes = codes.filter(codes.code_level == _level(q))
        codes = codes.group_by(group=codes.product_code).aggregate(label=codes.label.min())
        out = out.left_join(codes, "group")
        label = out.label
    else:
        label = ibis.null("string")
    return out.select(out.exporter, out.year, out.base_year, out.months, out.first_month, out.last_month, out.group,
                      label=label, neighbours_base=out.neighbours_base, neighbours_end=out.neighbours_end,
                      rise=out.rise, target_base=out.target_base, target_end=out.target_end, fall=out.fall,
                      value=out.value, currency=out.currency, quality=out.quality, source=out.source)


# The two legs of the roundabout as the leg column names them.
LEG_EU = "EU exports of the product set to the partner"
LEG_RUSSIA = "partner's exports to Russia (all goods)"


@register("rerouting_roundabout", dimension="trade", title="Both legs of the roundabout, side by side",
          unit="multiple (x) against the year before",
          definition=f"""For each neighbour and year, two rows: '{LEG_EU}' (the same months as rerouting_growth,
          source currency) and '{LEG_RUSSIA}' per source view of the trade indicators (the neighbour's own
          statistics, e.g. national_kg; the IMF's figures, e.g. mirror:imf_imts = Russia's imports as the IMF
          estimates them), whole years in US dollars. value = end_value / base_value against the year before;
          quality carries partial periods and estimates. The two legs come from different sources and units:
          compare their multiples, never their levels. {_SETS_DOC}""",
          inputs=("product_trade", "trade_flows"), sources=_SOURCES_DOC + " The Russia leg: trade indicator source "
          "views (own statistics, mirror:<source>).", labels=product_labels,
          params=(*_COMMON, Param("neighbours", ",".join(NEIGHBOURS), "ISO3 codes of the neighbours", str),
                  Param("target", TARGET, "ISO3 code of the sanctioned destination", str)),
          columns=("partner", "year", "leg", "base_year", "months", "base_value", "end_value", "value", "unit",
                   "quality", "source"),
          sort=("partner", "year", "leg", "source"))
def rerouting_roundabout(ctx, q):
    neighbours = list(_countries(q.get("neighbours"), "neighbours"))
    (target,) = _countries(q.get("target"), "target")[:1]
    series, rows = partner_series(ctx, q)
    series = series.filter(series.partner.isin(neighbours))
    c = same_months(series, rows, ["exporter", "partner", "currency", "source"], 1)
    c = c.filter(c.base_value > 0)
    eu = c.select(partner=c.partner, year=c.year, leg=ibis.literal(LEG_EU), base_year=c.base_year, months=c.months,
                  base_value=c.base_value, end_value=c.end_value, value=c.end_value / c.base_value,
                  unit=c.currency, quality=c.quality, source=c.source)
    v = views(ctx)
    v = v.filter(v.country.isin(neighbours), v.partner == target, v.flow == "export", v.source != "reconciled")
    a = v.view()  # a self-join: Ibis needs a distinct view of the table
    a = a.select(a_country=a.country, a_source=a.source, a_basis=a.basis, p_year=a.year + 1, base_value=a.value,
                 a_est=a.is_estimate, a_months=a.months)
    j = v.inner_join(a, [v.country == a.a_country, v.source == a.a_source, v.basis == a.a_basis,
                         v.year == a.p_year])
    j = j.filter(j.base_value > 0)
    months = ibis.least(j.months, j.a_months).cast("int8")
    flags = quality.expression(estimate=j.is_estimate | j.a_est, months=months)
    ru = j.select(partner=j.country, year=j.year.cast("int16"), leg=ibis.literal(LEG_RUSSIA),
                  base_year=(j.year - 1).cast("int16"), months=months, base_value=j.base_value, end_value=j.value,
                  value=j.value / j.base_value, unit=ibis.literal("USD"), quality=flags, source=j.source)
    return ibis.union(eu, ru, distinct=False)


@register("rerouting_panel", dimension="trade", title="Product x partner x month panel for the event study",
          unit="currency of the source",
          definition=f"""One row per exporter, partner, product code and month (annual data: year): the product
          set's codes (sanctioned = true) and the control series '{CONTROL_CODE}' (all goods minus the sanctioned
          codes, sanctioned = false), zero-filled over the months the source covers for every product x partner
          cell with any trade. The input of multipolar.analysis.event_study. {_SETS_DOC}""",
          inputs=("product_trade",), sources=_SOURCES_DOC, labels=product_labels,
          params=_COMMON,
          columns=("exporter", "partner", "product_code", "year", "month", "value", "sanctioned", "currency",
                   "quality", "source"),
          sort=("exporter", "partner", "product_code", "year", "month"))
def rerouting_panel(ctx, q):
    products = q.get("products")
    if products not in ("sanctioned", "chpl"):
        raise invalid_choice("product set of the event-study panel", products, ("sanctioned", "chpl"))
    treated = _rows(ctx, q, products).mutate(sanctioned=ibis.literal(True))
    control = _control(ctx, q).mutate(sanctioned=ibis.literal(False))
    rows = ibis.union(treated, control, distinct=False)
    # One source per cell: the control's label differs from the products' source, so the months covered are taken
    # from the product rows (the control exists only where both sources have the month).
    keys = ["exporter", "partner", "product_code", "sanctioned", "currency", "source"]
    sums = rows.group_by(*keys, "year", "month").aggregate(value=rows.value.sum())
    cells = sums.filter(sums.value > 0).select(*keys).distinct()
    cover = _cover(treated).select("year", "month").distinct()
    grid = cells.cross_join(cover)
    j = grid.left_join(sums, [*keys, "year", "month"])
    return j.select(j.exporter, j.partner, j.product_code, year=j.year,
                    month=ibis.ifelse(j.month == 0, ibis.null("int8"), j.month), value=j.value.fill_null(0.0),
                    sanctioned=j.sanctioned, currency=j.currency,
                    # one whole month (or one whole year of annual data) per row: nothing to flag
                    quality=ibis.literal(""), source=j.source)
