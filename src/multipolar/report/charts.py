"""Plotly figures for the report, as plain figure dicts (data + layout): frames in, figures out, no data access.

Figures are built as dicts rather than `plotly.graph_objects` because the validating object layer costs seconds
for a report's worth of traces; plotly.js draws the same JSON either way.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json

import pandas as pd

# Colours of the two powers, everywhere (China red, Russia blue); "level" grey.
COLOURS = {"CHN": "#c0392b", "RUS": "#2457a6", "level": "#7f8c8d"}
# Line styles and marker symbols cycled over source labels so each source is drawn distinctly (also in grey print).
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "star", "cross", "triangle-down")
# Colours of membership roles on the timeline.
ROLE_COLOURS = {"member": "#34495e", "observer": "#95a5a6", "dialogue_partner": "#d4ac0d", "partner": "#d4ac0d",
                "associate": "#7fb3d5", "applicant": "#e59866", "invited": "#b9770e"}
# Options passed to every figure: no Plotly logo, resizes with the page, PNG export at double resolution.
CONFIG = {"displaylogo": False, "responsive": True, "toImageButtonOptions": {"format": "png", "scale": 2}}
# Fonts and margins every figure starts from (the "plotly_white" template is added once per page, see template()).
BASE_LAYOUT = {"font": {"family": "system-ui, -apple-system, Segoe UI, sans-serif", "size": 12},
               "margin": {"l": 50, "r": 20, "t": 50, "b": 40}, "hovermode": "closest"}
# Horizontal and vertical gaps between subplots (fractions of the figure).
HGAP, VGAP = 0.08, 0.14


@functools.cache
def template() -> dict:
    """Plotly's 'plotly_white' template as JSON-ready dict (shared by every figure of a page)."""
    import plotly.io as pio

    return pio.templates["plotly_white"].to_plotly_json()


def source_styles(labels) -> dict[str, dict]:
    """A distinct (dash, symbol) per source label, stable for a given set of labels."""
    styles = {}
    for label, dash, symbol in zip(sorted(set(labels)), itertools.cycle(DASHES), itertools.cycle(SYMBOLS)):
        styles[label] = {"dash": dash, "symbol": symbol}
    return styles


def gapped(years, values) -> tuple[list, list]:
    """Years and values with a None inserted wherever a year is missing, so a line breaks at gaps in the data
    instead of bridging them."""
    xs, ys, last = [], [], None
    for year, value in zip(years, values):
        year = int(year)
        if last is not None and year > last + 1:
            xs.append(last + 1)
            ys.append(None)
        xs.append(year)
        ys.append(None if value is None or pd.isna(value) else float(value))
        last = year
    return xs, ys


def grid(n: int, ncols: int = 2) -> list[dict]:
    """Axis domains for n panels, ncols a row: [{'x': [a, b], 'y': [c, d], 'row': r, 'col': c}, …]."""
    ncols = min(ncols, n) or 1
    nrows = -(-n // ncols)
    width = (1 - HGAP * (ncols - 1)) / ncols
    height = (1 - VGAP * (nrows - 1)) / nrows
    out = []
    for i in range(n):
        row, col = divmod(i, ncols)
        x0 = col * (width + HGAP)
        y1 = 1 - row * (height + VGAP)
        out.append({"x": [round(x0, 4), round(x0 + width, 4)], "y": [round(y1 - height, 4), round(y1, 4)],
                    "row": row, "col": col})
    return out


def _axes(layout: dict, i: int, cell: dict, title: str, yformat: str | None, **xaxis) -> tuple[str, str]:
    """Add panel i's axes and title to layout; returns the trace axis ids ('x2', 'y2')."""
    suffix = "" if i == 0 else str(i + 1)
    layout[f"xaxis{suffix}"] = {"domain": cell["x"], "anchor": f"y{suffix}", **xaxis}
    layout[f"yaxis{suffix}"] = {"domain": cell["y"], "anchor": f"x{suffix}", "rangemode": "tozero",
                                **({"tickformat": yformat} if yformat else {})}
    layout.setdefault("annotations", []).append({
        "text": title, "showarrow": False, "xref": "paper", "yref": "paper", "x": sum(cell["x"]) / 2,
        "y": cell["y"][1], "xanchor": "center", "yanchor": "bottom", "font": {"size": 14}})
    return f"x{suffix}", f"y{suffix}"


def _line(x, y, name, colour, style, axes=("x", "y"), group=None, show=True, hover="") -> dict:
    return {"type": "scatter", "mode": "lines+markers", "x": x, "y": y, "name": name, "legendgroup": group or name,
            "showlegend": show, "xaxis": axes[0], "yaxis": axes[1], "connectgaps": False,
            "line": {"color": colour, "dash": style["dash"], "width": 2},
            "marker": {"symbol": style["symbol"], "size": 5, "color": colour}, "hovertemplate": hover}


def _flow_suffix(frame: pd.DataFrame) -> str:
    if "flow" in frame.columns and len(frame) and frame["flow"].iloc[0] != "turnover":
        return f" ({frame['flow'].iloc[0]}s)"
    return ""


def state_figure(country: str, name: str, panels: dict[str, tuple[pd.DataFrame, str]], styles: dict[str, dict],
                 names: dict[str, str]) -> dict:
    """One state: China's and Russia's values over time in each panel (title → (indicator frame, axis format)),
    two panels a row, one line per power and source (colour = power, dash and marker = source)."""
    titles = list(panels)
    cells = grid(len(titles))
    nrows = max(c["row"] for c in cells) + 1
    layout = {**BASE_LAYOUT, "margin": {"l": 50, "r": 20, "t": 30, "b": 30}, "height": 330 * nrows + 60,
              "legend": {"orientation": "h", "y": -0.06, "yanchor": "top", "font": {"size": 10}},
              "meta": {"country": country, "name": name}}
    data, shown = [], set()
    for i, (title, cell) in enumerate(zip(titles, cells)):
        frame, fmt = panels[title]
        axes = _axes(layout, i, cell, title, fmt)
        hover = "%{y:.1%}" if fmt.endswith("%") else "%{y:.3f}"
        rows = frame[frame["country"] == country] if not frame.empty else frame
        if rows.empty:
            layout["annotations"].append({"text": "no data in the pack", "showarrow": False,
                                          "xref": f"{axes[0]} domain", "yref": f"{axes[1]} domain",
                                          "x": 0.5, "y": 0.5, "font": {"color": "#888"}})
            continue
        for (source, partner), part in rows.groupby(["source", "partner"], sort=True):
            part = part[part["value"].notna()].sort_values("year")
            xs, ys = gapped(part["year"], part["value"])
            who = names.get(partner, partner)
            data.append(_line(xs, ys, f"{who} · {source}{_flow_suffix(part)}", COLOURS.get(partner, "#555"),
                              styles.get(source, {"dash": "solid", "symbol": "circle"}), axes,
                              group=f"{partner}|{source}", show=(partner, source) not in shown,
                              hover=f"{who} · {source}<br>%{{x}}: {hover}<extra></extra>"))
            shown.add((partner, source))
    return {"data": data, "layout": layout}


def heatmap_figure(table: pd.DataFrame, names: dict[str, str]) -> dict:
    """China-minus-Russia lead (share points) per state × dimension; red = China ahead, blue = Russia ahead."""
    labels = table.attrs.get("labels", pd.DataFrame(index=table.index, columns=table.columns))
    labels = labels.reindex(index=table.index, columns=table.columns)
    z = (table.astype(float) * 100).round(1)
    values = [[None if pd.isna(v) else float(v) for v in row] for row in z.values.tolist()]
    text = [["" if v is None else f"{v:+.1f}" for v in row] for row in values]
    custom = [["no comparison" if pd.isna(lbl) else str(lbl) for lbl in row] for row in labels.values.tolist()]
    present = [abs(v) for row in values for v in row if v is not None]
    bound = max([10.0] + present)
    trace = {"type": "heatmap", "z": values, "x": [c.capitalize() for c in table.columns],
             "y": [names.get(c, c) for c in table.index], "text": text, "texttemplate": "%{text}",
             "customdata": custom, "zmid": 0, "zmin": -bound, "zmax": bound, "xgap": 2, "ygap": 2,
             "colorscale": [[0, COLOURS["RUS"]], [0.5, "#f7f7f7"], [1, COLOURS["CHN"]]],
             "colorbar": {"title": {"text": "China − Russia<br>(share points)"}},
             "hovertemplate": "%{y} · %{x}<br>China − Russia: %{z:+.1f} points<br>%{customdata}<extra></extra>"}
    layout = {**BASE_LAYOUT, "margin": {"l": 110, "r": 20, "t": 40, "b": 40}, "height": 90 + 42 * len(table.index),
              "yaxis": {"autorange": "reversed"},
              "title": {"text": "Who is ahead, latest year compared (red: China, blue: Russia)", "x": 0.01}}
    return {"data": [trace], "layout": layout}


def asymmetry_figure(frame: pd.DataFrame, styles: dict[str, dict]) -> dict:
    """The junior-partner view: how much more Russia depends on China than China on Russia, by source (left), and
    the two shares behind the ratio (right)."""
    layout = {**BASE_LAYOUT, "height": 440, "legend": {"orientation": "h", "y": -0.15, "yanchor": "top",
                                                       "font": {"size": 10}}}
    cells = grid(2)
    left = _axes(layout, 0, cells[0], "Russia's dependence on China ÷ China's on Russia (×)", None)
    right = _axes(layout, 1, cells[1], "China's share of Russia's trade vs Russia's share of China's", ".0%")
    layout["shapes"] = [{"type": "line", "xref": "x domain", "yref": "y", "x0": 0, "x1": 1, "y0": 1, "y1": 1,
                         "line": {"color": "#999", "width": 1, "dash": "dot"}}]
    data = []
    for source, part in (frame.groupby("source", sort=True) if not frame.empty else []):
        part = part.sort_values("year")
        style = styles.get(source, {"dash": "solid", "symbol": "circle"})
        years, ratio = gapped(part["year"], part["value"])
        china = gapped(part["year"], part["country_share"])[1]
        russia = gapped(part["year"], part["partner_share"])[1]
        data.append(_line(years, ratio, f"ratio · {source}", "#6c3483", style, left, group=source,
                          hover=f"{source}<br>%{{x}}: ×%{{y:.2f}}<extra></extra>"))
        data.append(_line(years, china, f"China in Russia's trade · {source}", COLOURS["CHN"], style, right,
                          group=source, hover=f"China's share of Russia's trade ({source})<br>%{{x}}: %{{y:.1%}}"
                                              "<extra></extra>"))
        data.append(_line(years, russia, f"Russia in China's trade · {source}", COLOURS["RUS"], style, right,
                          group=source, hover=f"Russia's share of China's trade ({source})<br>%{{x}}: %{{y:.1%}}"
                                              "<extra></extra>"))
    return {"data": data, "layout": layout}


def membership_figure(organization: str, title: str, rows: pd.DataFrame, names: dict[str, str],
                      today: dt.date) -> dict:
    """A Gantt chart of one organization: a bar per country and role from start to end (open ends run to today)."""
    frame = rows.copy()
    frame["end_shown"] = [today if e is None or pd.isna(e) else e for e in frame["end"]]
    frame["label"] = [names.get(c, c) for c in frame["country"]]
    order = frame.sort_values(["start", "label"], kind="stable")["label"].drop_duplicates().tolist()
    data = []
    for role, part in frame.groupby("role", sort=False):
        starts = pd.to_datetime(part["start"])
        ends = pd.to_datetime(part["end_shown"])
        citations = part["citation"] if "citation" in part else pd.Series([""] * len(part))
        data.append({
            "type": "bar", "orientation": "h", "y": part["label"].tolist(),
            "base": starts.dt.strftime("%Y-%m-%d").tolist(),
            "x": ((ends - starts).dt.total_seconds() * 1000).round().tolist(),
            "name": role.replace("_", " "), "marker": {"color": ROLE_COLOURS.get(role, "#888")},
            "customdata": [[s, "" if e is None or pd.isna(e) else str(e), str(c)[:160]]
                           for s, e, c in zip(starts.dt.strftime("%Y-%m-%d"), part["end"], citations)],
            "hovertemplate": "%{y}: " + role.replace("_", " ") + " %{customdata[0]} → %{customdata[1]}"
                             "<br>%{customdata[2]}<extra></extra>"})
    layout = {**BASE_LAYOUT, "margin": {"l": 130, "r": 20, "t": 60, "b": 30}, "barmode": "overlay",
              "height": 100 + 22 * max(len(order), 1),
              "title": {"text": title, "x": 0.01, "y": 0.98, "yanchor": "top"},
              "xaxis": {"type": "date", "range": ["1991-01-01", today.isoformat()]},
              "yaxis": {"categoryorder": "array", "categoryarray": order[::-1]},
              "legend": {"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 1, "xanchor": "right"},
              "showlegend": True}
    return {"data": data, "layout": layout}


def _json_default(value):
    if isinstance(value, (dt.date, dt.datetime, pd.Timestamp)):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _finite(value):
    """value with every NaN/infinity (at any depth) replaced by None."""
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def to_json(figure) -> str:
    """A figure dict as JSON safe to inline in a <script>: no '</' sequences, NaN and infinities as null."""
    try:
        text = json.dumps(figure, ensure_ascii=False, separators=(",", ":"), default=_json_default, allow_nan=False)
    except ValueError:
        text = json.dumps(_finite(figure), ensure_ascii=False, separators=(",", ":"), default=_json_default)
    return text.replace("</", "<\\/")


def to_div(figure: dict, div_id: str) -> str:
    """The figure as an HTML fragment: a div and the script drawing it (plotly.js must already be on the page and
    the page must define `window.MP_TEMPLATE`, see template())."""
    return (f'<div id="{div_id}" class="plotly-graph-div" style="width:100%;height:{figure["layout"]["height"]}px">'
            f'</div>\n<script>mpDraw("{div_id}", {to_json(figure)});</script>')


# The partial plotly.js bundle (scatter, bar, heatmap) vendored from the npm registry, with its licence; how it is
# made: tools/plotly-bundle/README.md.
PLOTLY_BUNDLE = "plotly-multipolar.min.js"


@functools.cache
def plotly_js() -> str:
    """The partial plotly.js bundle, to inline (the report) or serve (the dashboard)."""
    from importlib import resources

    return resources.files("multipolar.report").joinpath("assets", PLOTLY_BUNDLE).read_text(encoding="utf-8")
