"""The sanctions re-routing section of the report and the dashboard's page: figure dicts (the EU's exports per partner,
the event study with its confidence bands, the top products), each with a title stating its finding and a "Source:"
line with the sources' declared names, and the section's sentences and rows, all from the re-routing summary's JSON
(`analysis.rerouting.Rerouting.to_dict()`). Pure: no data access."""

from __future__ import annotations

import html
import math
import re

import pandas as pd

from ..countries import name_of
from ..indicators.rerouting import LEG_RUSSIA
from .charts import BASE_LAYOUT, COLOURS as POWER_COLOURS
from .selection import flag_texts, flag_words, flags, has_flag, short_flag, source_line, source_name

# Russia blue as everywhere; the neighbours (the roundabout's other side) in a colour of their own; other partners
# (Belarus, itself under sanctions) grey. China (red) is no party to these figures.
COLOURS = {"russia": POWER_COLOURS["RUS"], "neighbours": "#16a085", "other": "#7f8c8d", "band": 0.18}
GROUP_NAMES = {"neighbours": "Neighbours", "russia": "Russia"}
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
# The product sets in words (analysis.rerouting.PRODUCTS).
PRODUCT_WORDS = {"sanctioned": "sanctioned goods", "chpl": "high-priority goods (the common high-priority list)"}
# Height of the re-routing charts (pixels; the top-products chart grows with its products).
HEIGHT = 340
# Longest product name written over its bars on the top-products chart (the whole label is in the hover).
LABEL_WIDTH = 34
# The published estimate the leakage ratio is set against.
EBRD = ("The EBRD's \"Eurasian roundabout\" paper puts the extra flows to the neighbours at about 5–10% of the fall "
        "in direct exports, for EU, UK and US exporters together and on its own definitions, so the two ratios are "
        "not the same measure.")
# Ticks of the multiples' log axis.
MULTIPLE_TICKS = (0.25, 0.5, 1, 2, 4, 8, 16)


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _layout(**extra) -> dict:
    layout = {**BASE_LAYOUT, "height": HEIGHT}
    layout.update(extra)
    return layout


def months(row: dict) -> str:
    """'Jan–Nov ' for a row covering January to November ('' for a whole year)."""
    first, last = int(row["first_month"]), int(row["last_month"])
    return "" if (first, last) == (1, 12) else f"{MONTHS[first - 1]}–{MONTHS[last - 1]} "


def period(row: dict) -> str:
    """'Jan–Nov 2022 against Jan–Nov 2021': the months a row compares."""
    span = months(row)
    return f"{span}{int(row['year'])} against {span}{int(row['base_year'])}"


def multiple(value) -> str:
    """×7.1, ×0.41: two significant figures below 10."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    value = float(value)
    return f"×{value:.2g}" if value < 1 else f"×{value:.1f}"


def euros(value, currency: str = "EUR") -> str:
    """€3.8 bn, €495.0 m (other currencies by code)."""
    sign = "€" if currency == "EUR" else f"{currency} "
    value = float(value)
    return f"{sign}{value / 1e9:,.1f} bn" if abs(value) >= 1e9 else f"{sign}{value / 1e6:,.1f} m"


def country(code: str) -> str:
    return "EU27" if code == "EUU" else name_of(code)


def source_ids(text: str) -> list[str]:
    """The source ids named in a spec's source text ('eurostat_comext minus eurostat_sanctioned; …')."""
    return [s for s in dict.fromkeys(re.findall(r"[a-z][a-z0-9_:]+", text or "")) if s != "minus"]


# ---------------------------------------------------------------------------------------------------------------
# Figures


def growth_figure(growth: pd.DataFrame) -> dict:
    """The multiple per partner as horizontal bars (largest on top, the partners named), Russia blue, the
    neighbours green, a log axis with ×1 dotted."""
    rows = growth.sort_values("value", ascending=True)
    neighbours = set(rows.attrs.get("neighbours") or [])
    colours = [COLOURS["russia"] if p == "RUS" else COLOURS["neighbours"] if not neighbours or p in neighbours
               else COLOURS["other"] for p in rows["partner"]]
    names = [country(p) for p in rows["partner"]]
    hover = [f"<b>{html.escape(n)}</b>: {multiple(v)}<br>{euros(b, c)} → {euros(e, c)}"
             + (f"<br><i>{html.escape(', '.join(short_flag(f) for f in flags(q)))}</i>" if flags(q) else "")
             for n, v, b, e, c, q in zip(names, rows["value"], rows["base_value"], rows["end_value"],
                                          rows["currency"], rows["quality"])]
    low, high = min([1.0, *rows["value"]]), max([1.0, *rows["value"]])
    ticks = [t for t in MULTIPLE_TICKS if low / 1.5 <= t <= high * 1.5]
    layout = _layout(
        xaxis={"title": {"text": "multiple of the same months a year earlier (×, log scale)", "font": {"size": 11}},
               "type": "log", "zeroline": False, "tickvals": ticks, "ticktext": [f"×{t:g}" for t in ticks],
               "range": [math.log10(low / 2.2), math.log10(high * 1.6)]},
        yaxis={"automargin": True},
        margin={"l": 8, "r": 48, "t": 8, "b": 44},
        shapes=[{"type": "line", "xref": "x", "yref": "paper", "x0": 1, "x1": 1, "y0": 0, "y1": 1,
                 "line": {"color": "#555", "width": 1, "dash": "dot"}}])
    # Each bar runs from ×1 (no change) to the partner's multiple: a rise to the right, a fall to the left.
    return {"data": [{"type": "bar", "orientation": "h", "y": names, "base": [1.0] * len(rows),
                      "x": [float(v) - 1.0 for v in rows["value"]],
                      "marker": {"color": colours}, "text": [multiple(v) for v in rows["value"]],
                      "textposition": "outside", "cliponaxis": False, "hovertext": hover,
                      "hovertemplate": "%{hovertext}<extra></extra>", "meta": {"partners": rows["partner"].tolist()}}],
            "layout": layout}


def event_study_figure(coefficients: pd.DataFrame, spec: dict) -> dict:
    """Coefficients by month with their confidence bands, one line per group (labelled at its end), the reference
    month at 0 and a dotted line at the first month of the sanctions."""
    data, labels = [], []
    periods = sorted(set(coefficients["period"]))
    for group, rows in coefficients.groupby("group", sort=True):
        rows = rows.sort_values("period")
        colour = COLOURS.get(group, COLOURS["other"])
        name = GROUP_NAMES.get(group, group)
        x = rows["period"].tolist()
        data.append({"type": "scatter", "mode": "lines", "x": x + x[::-1],
                     "y": rows["ci_high"].tolist() + rows["ci_low"].tolist()[::-1], "fill": "toself",
                     "fillcolor": _rgba(colour, COLOURS["band"]), "line": {"width": 0}, "hoverinfo": "skip",
                     "name": f"{name}: {round((1 - spec['alpha']) * 100)}% confidence band"})
        hover = [f"<b>{name}</b> {p}: {e:+.2f} log points ({f:+.0%})<br>CI {lo:+.2f} to {hi:+.2f}"
                 for p, e, f, lo, hi in zip(x, rows["estimate"], rows["effect"], rows["ci_low"], rows["ci_high"])]
        data.append({"type": "scatter", "mode": "lines+markers", "x": x, "y": rows["estimate"].tolist(),
                     "name": name, "line": {"color": colour, "width": 2.6}, "marker": {"size": 4, "color": colour},
                     "text": hover, "hovertemplate": "%{text}<extra></extra>"})
        labels.append({"x": x[-1], "y": float(rows["estimate"].iloc[-1]), "text": f"<b>{name}</b>",
                       "xanchor": "left", "yanchor": "middle", "showarrow": False, "font": {"color": colour},
                       "xshift": 6})
    ticks = [p for p in periods if p.endswith("-01")]
    layout = _layout(
        xaxis={"type": "category", "tickvals": ticks, "ticktext": [p[:4] for p in ticks],
               "tickangle": 0, "range": [-0.5, len(periods) + 11]},
        yaxis={"title": {"text": f"log points against {_month_label(spec['reference'])} (0.7 ≈ ×2)",
                         "font": {"size": 11}}, "zeroline": True, "automargin": True},
        shapes=[{"type": "line", "xref": "x", "yref": "paper", "x0": spec["post_from"], "x1": spec["post_from"],
                 "y0": 0, "y1": 1, "line": {"dash": "dot", "color": "#555", "width": 1}}],
        annotations=labels, margin={"l": 56, "r": 16, "t": 8, "b": 36})
    return {"data": data, "layout": layout}


def _month_label(p: str) -> str:
    """'2022-03' → 'Mar 2022'."""
    return f"{MONTHS[int(p[5:7]) - 1]} {p[:4]}"


def short_label(label, code: str, width: int = LABEL_WIDTH) -> str:
    """A product label cut at a word boundary to about `width` characters (its CN8 code dropped: hover shows it)."""
    text = re.sub(r"\s*\[\d+\]\s*$", "", str(label or code))
    if len(text) <= width:
        return text
    cut = text[:width].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def top_products_figure(top: pd.DataFrame) -> dict:
    """The products whose exports to the neighbours rose most (the first on top), with the change of the same
    product's exports to Russia beside each (million EUR; a fall drawn as a positive bar, a rise as negative). Each
    product's name is written above its pair of bars (not beside them: it leaves the bars the width of a phone)."""
    rows = top.sort_values("rise").reset_index(drop=True)
    codes = rows["group"].astype(str).tolist()
    full = [html.escape(str(lb or g)) for g, lb in zip(codes, rows["label"])]
    words = [short_label(lb, g) for g, lb in zip(codes, rows["label"])]
    # Two products cut to the same words (two kinds of road tractor) are told apart by their codes.
    words = [f"{w} ({g})" if words.count(w) > 1 else w for w, g in zip(words, codes)]
    height = 70 + 48 * len(rows)
    layout = _layout(barmode="group", showlegend=True, height=height, bargap=0.55, bargroupgap=0.05,
                     xaxis={"title": {"text": "million EUR", "font": {"size": 11}}, "zeroline": True},
                     yaxis={"showticklabels": False, "type": "category", "categoryorder": "array",
                            "categoryarray": codes, "range": [-0.6, len(rows) - 0.1]},
                     legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "xanchor": "left"},
                     margin={"l": 8, "r": 16, "t": 30, "b": 44},
                     # (y as the category's index: a code like '85171300' would be read as a number)
                     annotations=[{"xref": "paper", "x": 0, "yref": "y", "y": i, "text": html.escape(word),
                                   "xanchor": "left", "yanchor": "bottom", "yshift": 10, "showarrow": False,
                                   "font": {"size": 11, "color": "#1d2329"}} for i, word in enumerate(words)])
    return {"data": [
        {"type": "bar", "orientation": "h", "y": codes, "x": (rows["rise"] / 1e6).round(1).tolist(),
         "name": "rise in exports to the neighbours", "marker": {"color": COLOURS["neighbours"]},
         "customdata": full, "hovertemplate": "%{customdata}<br>rise to the neighbours: €%{x:,.1f} m<extra></extra>"},
        {"type": "bar", "orientation": "h", "y": codes, "x": (rows["fall"] / 1e6).round(1).tolist(),
         "name": "fall in exports to Russia", "marker": {"color": COLOURS["russia"]},
         "customdata": full, "hovertemplate": "%{customdata}<br>fall to Russia: €%{x:,.1f} m<extra></extra>"},
    ], "layout": layout}


# ---------------------------------------------------------------------------------------------------------------
# Titles stating the finding, sentences, rows


def growth_title(growth: pd.DataFrame, products: str) -> str:
    """'EU exports of sanctioned goods rose most to Kyrgyzstan (×7.1) and fell to Russia (×0.41), Jan–Nov 2022
    against Jan–Nov 2021'."""
    rows = growth.sort_values("value", ascending=False)
    first = rows.iloc[0].to_dict()
    others = rows[rows["partner"] != "RUS"]
    parts = []
    if not others.empty:
        top = others.iloc[0]
        verb = "rose most" if top["value"] > 1 else "fell least"
        parts.append(f"{verb} to {country(top['partner'])} ({multiple(top['value'])})")
    russia = rows[rows["partner"] == "RUS"]
    if not russia.empty:
        value = russia.iloc[0]["value"]
        parts.append(f"{'fell' if value < 1 else 'rose'} to Russia ({multiple(value)})")
    return f"EU exports of {PRODUCT_WORDS.get(products, products)} " + " and ".join(parts) + f", {period(first)}"


def _effect(row: dict) -> tuple[str, str]:
    """('54% above', 'CI +32% to +79%') for a pooled coefficient; 'no different from' when its interval holds
    zero."""
    effect, low, high = (math.exp(row[k]) - 1 for k in ("estimate", "ci_low", "ci_high"))
    interval = f"CI {low:+.0%} to {high:+.0%}".replace("-", "−")
    if row["ci_low"] > 0:
        return f"{effect:.0%} above", interval
    if row["ci_high"] < 0:
        return f"{-effect:.0%} below", interval
    return "no different from", interval


def event_study_title(es: dict, products: str = "sanctioned") -> str:
    """The pooled effect in words: 'From Mar 2022 the EU's exports of sanctioned goods to the neighbours ran 54%
    above its other exports to them (95% CI +32% to +79%); to Russia, 58% below (CI −64% to −51%)'."""
    pooled = {r["group"]: r for r in es.get("pooled") or []}
    spec = es["spec"]
    if not pooled:
        return "Sanctioned goods against the EU's other exports to the same partners, by month"
    parts = []
    for i, (group, row) in enumerate(pooled.items()):
        words, interval = _effect(row)
        who = "the neighbours" if group == "neighbours" else GROUP_NAMES.get(group, group)
        if i == 0:
            parts.append(f"to {who} ran {words} its other exports to them "
                         f"({round((1 - spec['alpha']) * 100)}% {interval})")
        else:
            parts.append(f"to {who}, {words} ({interval})")
    goods = PRODUCT_WORDS.get(products, products).split(" (")[0]
    return f"From {_month_label(spec['post_from'])}, the EU's exports of {goods} " + "; ".join(parts)


def figures(summary: dict, names: dict[str, str]) -> list[dict]:
    """The section's charts in the order shown: {id, kind, title, subtitle, source, figure} each (the report wraps
    them in HTML, the dashboard draws the same dicts)."""
    if not summary or not summary.get("growth"):
        return []
    growth = pd.DataFrame(summary["growth"])
    growth.attrs["neighbours"] = list(summary.get("neighbours") or [])
    first = growth.iloc[0].to_dict()
    out = [{"id": "rr-growth", "kind": "rerouting-growth", "figure": growth_figure(growth),
            "title": growth_title(growth, summary["products"]),
            "subtitle": f"Multiple of the same months a year earlier, CN8 codes of the EU's "
                        f"{'export-sanction annexes' if summary['products'] == 'sanctioned' else 'high-priority list'}"
                        f"{flag_words(first.get('quality'), '; flags: ')}",
            "source": source_line(growth["source"], names)}]
    es = summary.get("event_study")
    if es:
        spec = es["spec"]
        out.append({"id": "rr-event", "kind": "rerouting-event",
                    "figure": event_study_figure(pd.DataFrame(es["coefficients"]), spec),
                    "title": event_study_title(es, summary["products"]),
                    "subtitle": f"Event study ({spec['estimator'].upper()}): coefficient by month with its "
                                f"{round((1 - spec['alpha']) * 100)}% confidence band, "
                                f"{_month_label(spec['reference'])} = 0, dotted: {_month_label(spec['post_from'])}; "
                                f"fixed effects {' and '.join(spec['fixed_effects'])}, errors clustered by "
                                f"{spec['cluster']} ({spec['n_clusters']:,}), {spec['n_obs']:,} observations",
                    "source": source_line(source_ids(spec.get("source", "")), names)
                              + f". Control: {spec['control']}."})
    top = pd.DataFrame(summary.get("top_products") or [])
    if not top.empty:
        lead = top.sort_values("rise", ascending=False).iloc[0]
        out.append({"id": "rr-top", "kind": "rerouting-top", "figure": top_products_figure(top),
                    "title": f"{short_label(lead['label'], lead['group'], 60)} led the rise in EU exports of these "
                             f"goods to the neighbours (+{euros(lead['rise'], lead['currency'])}), "
                             f"{period(lead.to_dict())}",
                    "subtitle": f"The {len(top)} products whose exports to the neighbours rose most, and the change "
                                f"of their exports to Russia (a fall is a positive bar){flag_words(lead['quality'])}",
                    "source": source_line(top["source"], names) + " (product labels as Eurostat publishes them)"})
    return out


def finding(summary: dict, names: dict[str, str]) -> str | None:
    """The key finding on re-routing: the largest rise to a neighbour and Russia's fall, with the period, source and
    flags, and the leakage ratio."""
    if not summary or not summary.get("growth"):
        return None
    growth = pd.DataFrame(summary["growth"]).sort_values("value", ascending=False)
    first = growth.iloc[0].to_dict()
    neighbours = growth[growth["partner"] != "RUS"]
    russia = growth[growth["partner"] == "RUS"]
    parts = []
    if not neighbours.empty:
        top = neighbours.iloc[0]
        parts.append(f"to {country(top['partner'])} {multiple(top['value'])} "
                     f"({euros(top['base_value'], top['currency'])} → {euros(top['end_value'], top['currency'])})")
    if not russia.empty:
        r = russia.iloc[0]
        parts.append(f"to Russia {multiple(r['value'])} ({euros(r['base_value'], r['currency'])} → "
                     f"{euros(r['end_value'], r['currency'])})")
    text = (f"Sanctions re-routing: the EU's exports of {PRODUCT_WORDS.get(summary['products'], 'these goods')}, "
            f"{period(first)}: " + ", ".join(parts)
            + f" ({source_line(growth['source'], names)[len('Source: '):]}{flag_words(first.get('quality'))})")
    leak = (summary.get("leakage") or [None])[0]
    if leak and leak.get("value") is not None:
        text += (f"; the neighbours gained {float(leak['value']):.2f} euro for each euro Russia lost "
                 f"({months(leak)}{int(leak['year'])})")
    return text + "."


def leakage_sentences(summary: dict, names: dict[str, str]) -> list[str]:
    """One sentence per leakage row: the rise to the neighbours, the fall to Russia, the ratio, with its period,
    source and flags."""
    out = []
    neighbours = ", ".join(country(c) for c in summary.get("neighbours") or [])
    for r in summary.get("leakage") or []:
        ratio = "n/a (no fall)" if r.get("value") is None else f"{float(r['value']):.2f}"
        out.append(f"Leakage ratio {ratio}: from {period(r)}, the EU's exports of these goods to the neighbours "
                   f"({neighbours}) rose by {euros(r['rise'], r['currency'])} while those to Russia fell by "
                   f"{euros(r['fall'], r['currency'])} ({source_name(r['source'], names)}"
                   f"{flag_words(r.get('quality'))}).")
    return out


def leg_rows(summary: dict, names: dict[str, str]) -> list[dict]:
    """The two legs of the roundabout as table rows: partner, year, leg, multiple (none for a part of a year set
    against a whole one: the reason instead), unit, flags and source in words."""
    rows = []
    for r in summary.get("roundabout") or []:
        quality = r.get("quality") or ""
        # A year's figure of a few months against a whole year before it is no multiple (the flag's own reading:
        # a partial year is never read as a year); the EU leg compares the same months of both years.
        part = [f for f in flags(quality) if f.startswith("partial_year")]
        partial = bool(part) and r["leg"] == LEG_RUSSIA
        rows.append({"partner": country(r["partner"]), "year": int(r["year"]), "leg": r["leg"],
                     "multiple": "" if partial else multiple(r["value"]),
                     "reason": f"not compared: {short_flag(part[0])} only" if partial else "",
                     "base": euros(r["base_value"], r["unit"]), "end": euros(r["end_value"], r["unit"]),
                     "unit": r["unit"], "flags": [short_flag(f) for f in flags(quality)],
                     "flag_texts": flag_texts(quality), "source": source_name(r["source"], names)})
    return rows


def section(summary: dict, names: dict[str, str]) -> dict:
    """Everything the report's section and the dashboard's page show: figures (dicts), the leakage sentences, the
    published comparison, the control and its limits, the legs' rows, and what the event study's absence means."""
    charts = figures(summary, names)
    if not charts:
        return {}
    es = summary.get("event_study")
    spec = es["spec"] if es else None
    return {"figures": charts, "leakage": leakage_sentences(summary, names), "ebrd": EBRD,
            "control": (f"The event study's control: {spec['control']}. Its limits: "
                        + "; ".join(spec["control_limits"]) + ".") if spec else "",
            "event_study": bool(es),
            "legs": leg_rows(summary, names), "notes": list(summary.get("notes") or []),
            "products": summary.get("products"), "year": summary.get("year")}
