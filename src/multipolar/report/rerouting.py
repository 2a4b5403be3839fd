"""Plotly figures of the sanctions re-routing section (report and dashboard), as plain figure dicts: the event study
with its confidence bands, growth per partner, the top products; frames in, figures out, no data access."""

from __future__ import annotations

import pandas as pd

# Russia blue as everywhere (China red is not used here: China is no party to these figures); the neighbours, the
# roundabout's other side, in a colour of their own.
COLOURS = {"russia": "#2457a6", "neighbours": "#16a085", "band": 0.18}
GROUP_NAMES = {"neighbours": "Neighbours (ARM, GEO, KAZ, KGZ, UZB)", "russia": "Russia"}
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
BASE = {"font": {"family": "system-ui, -apple-system, Segoe UI, sans-serif", "size": 12},
        "margin": {"l": 60, "r": 20, "t": 50, "b": 90}, "hovermode": "closest"}


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def source_note(text: str) -> dict:
    """A 'Source: …' annotation under a figure's plotting area."""
    return {"text": f"Source: {text}", "xref": "paper", "yref": "paper", "x": 0, "y": -0.22, "xanchor": "left",
            "yanchor": "top", "showarrow": False, "font": {"size": 10, "color": "#555"}, "align": "left"}


def event_study_figure(coefficients: pd.DataFrame, spec: dict) -> dict:
    """Coefficients by month with (1 - alpha) confidence bands, one line per group, the reference month at 0."""
    data = []
    for group, rows in coefficients.groupby("group", sort=True):
        rows = rows.sort_values("period")
        colour = COLOURS.get(group, "#7f8c8d")
        name = GROUP_NAMES.get(group, group)
        x = rows["period"].tolist()
        data.append({"type": "scatter", "mode": "lines", "x": x + x[::-1],
                     "y": rows["ci_high"].tolist() + rows["ci_low"].tolist()[::-1], "fill": "toself",
                     "fillcolor": _rgba(colour, COLOURS["band"]), "line": {"width": 0}, "hoverinfo": "skip",
                     "legendgroup": group, "showlegend": False, "name": f"{name}: {int((1 - spec['alpha']) * 100)}% "
                                                                           "confidence band"})
        hover = [f"{p}: {e:+.2f} log points ({f:+.0%}), CI {lo:+.2f} to {hi:+.2f}"
                 for p, e, f, lo, hi in zip(x, rows["estimate"], rows["effect"], rows["ci_low"], rows["ci_high"])]
        data.append({"type": "scatter", "mode": "lines+markers", "x": x, "y": rows["estimate"].tolist(),
                     "name": name, "legendgroup": group, "line": {"color": colour, "width": 2},
                     "marker": {"size": 5}, "text": hover, "hoverinfo": "text"})
    layout = dict(BASE)
    layout.update({
        "title": {"text": "EU exports of sanctioned goods against non-sanctioned goods, by month "
                          f"(reference {spec['reference']} = 0)"},
        "xaxis": {"title": {"text": "month"}, "type": "category"},
        "yaxis": {"title": {"text": "log points (0.7 ≈ +100%)"}, "zeroline": True},
        "shapes": [{"type": "line", "xref": "x", "yref": "paper", "x0": spec["post_from"], "x1": spec["post_from"],
                    "y0": 0, "y1": 1, "line": {"dash": "dot", "color": "#555", "width": 1}}],
        "annotations": [source_note(f"Eurostat Comext ({spec['source']}); {spec['estimator'].upper()}, product x "
                                    f"partner and month fixed effects, errors clustered by product. Control: "
                                    f"{spec['control']}.")],
        "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom"},
    })
    return {"data": data, "layout": layout}


def growth_figure(growth: pd.DataFrame) -> dict:
    """The multiple per partner (same months a year earlier), Russia blue, the others the neighbours' colour."""
    rows = growth.sort_values("value", ascending=False)
    colours = [COLOURS["russia"] if p == "RUS" else COLOURS["neighbours"] for p in rows["partner"]]
    first, last = int(rows["first_month"].iloc[0]), int(rows["last_month"].iloc[0])
    span = f"{MONTHS[first - 1]}-{MONTHS[last - 1]}"
    year, base = int(rows["year"].iloc[0]), int(rows["base_year"].iloc[0])
    hover = [f"{p}: x{v:.2f} ({b / 1e6:,.1f} → {e / 1e6:,.1f} m {c}){' — ' + q if q else ''}"
             for p, v, b, e, c, q in zip(rows["partner"], rows["value"], rows["base_value"], rows["end_value"],
                                          rows["currency"], rows["quality"])]
    layout = dict(BASE)
    layout.update({
        "title": {"text": f"EU exports of {rows['products'].iloc[0]} goods, {span} {year} against {span} {base}"},
        "yaxis": {"title": {"text": "multiple (x, log scale)"}, "type": "log"},
        "shapes": [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": 1, "y1": 1,
                    "line": {"color": "#555", "width": 1, "dash": "dot"}}],
        "annotations": [source_note(", ".join(sorted(set(rows["source"])))
                                    + f"; CN8 codes only; flags: {', '.join(sorted(set(rows['quality']) - {''}))}")],
        "showlegend": False,
    })
    return {"data": [{"type": "bar", "x": rows["partner"].tolist(), "y": rows["value"].tolist(),
                      "marker": {"color": colours}, "text": [f"x{v:.1f}" for v in rows["value"]],
                      "textposition": "outside", "hovertext": hover, "hoverinfo": "text"}], "layout": layout}


def top_products_figure(top: pd.DataFrame, width: int = 60) -> dict:
    """The products whose exports to the neighbours rose most, with the fall of the same product's exports to
    Russia beside each."""
    rows = top.sort_values("rise")
    labels = [f"{g} {str(l)[:width]}{'…' if isinstance(l, str) and len(l) > width else ''}"
              for g, l in zip(rows["group"], rows["label"].fillna(""))]
    layout = dict(BASE)
    layout.update({
        "title": {"text": "Top products: rise in EU exports to the neighbours and fall to Russia (m EUR)"},
        "barmode": "group", "xaxis": {"title": {"text": "million EUR"}},
        "yaxis": {"automargin": True}, "margin": {"l": 20, "r": 20, "t": 50, "b": 90},
        "annotations": [source_note(", ".join(sorted(set(rows["source"]))) + "; "
                                    + ", ".join(sorted(set(rows["quality"]) - {""})))],
        "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom"},
    })
    return {"data": [
        {"type": "bar", "orientation": "h", "y": labels, "x": (rows["rise"] / 1e6).tolist(),
         "name": "rise to the neighbours", "marker": {"color": COLOURS["neighbours"]}},
        {"type": "bar", "orientation": "h", "y": labels, "x": (rows["fall"] / 1e6).tolist(),
         "name": "fall to Russia", "marker": {"color": COLOURS["russia"]}},
    ], "layout": layout}
