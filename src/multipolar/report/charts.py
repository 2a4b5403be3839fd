"""Plotly figures for the report, as plain figure dicts (data + layout): frames in, figures out, no data access.

Drawn in the manner of Our World in Data's grapher: a title that states the finding and a "Source:" line (both in
the page, around the chart, see `figure_html`), units on the axis, labels at the ends of the lines instead of a
legend, China red and Russia blue everywhere, one highlighted source view with the others faded, hollow markers
for figures that are not firm (estimates, imputed, preliminary, partial years) and a diamond where the reconciled
view changes source view (the rows' `quality` flags).

Figures are built as dicts rather than `plotly.graph_objects` because the validating object layer costs seconds
for a report's worth of traces; plotly.js draws the same JSON either way.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json

import pandas as pd

from .selection import flags, is_hollow, is_switch, row_flags, short_flag, source_name

# Colours of the two powers, everywhere (China red, Russia blue); "level" grey; the ratio of the two purple.
COLOURS = {"CHN": "#c0392b", "RUS": "#2457a6", "level": "#7f8c8d", "ratio": "#6c3483"}
# Colours of membership roles on the timeline.
ROLE_COLOURS = {"member": "#34495e", "observer": "#95a5a6", "dialogue_partner": "#d4ac0d", "partner": "#d4ac0d",
                "associate": "#7fb3d5", "applicant": "#e59866", "invited": "#b9770e"}
# Options passed to every figure: no Plotly logo, resizes with the page, PNG export at double resolution.
CONFIG = {"displaylogo": False, "responsive": True, "toImageButtonOptions": {"format": "png", "scale": 2}}
# Fonts and margins every figure starts from (the "plotly_white" template is added once per page, see template()).
BASE_LAYOUT = {"font": {"family": "system-ui, -apple-system, Segoe UI, sans-serif", "size": 12},
               "margin": {"l": 56, "r": 16, "t": 12, "b": 36}, "hovermode": "closest", "showlegend": False}
# Opacity and width of the source views that are not highlighted.
FADED = {"opacity": 0.28, "width": 1.2}
# Width of the highlighted lines.
HIGHLIGHT_WIDTH = 2.6
# Height of a line chart (pixels).
LINE_HEIGHT = 300
# Fraction of the x-axis span left free right of the last year for the line-end labels.
LABEL_ROOM = 0.2
# Least vertical distance between two line-end labels (pixels).
LABEL_GAP = 15


@functools.cache
def template() -> dict:
    """Plotly's 'plotly_white' template as JSON-ready dict (shared by every figure of a page)."""
    import plotly.io as pio

    return pio.templates["plotly_white"].to_plotly_json()


def gapped(years, values, extra=None) -> tuple[list, list, list]:
    """Years and values (and a parallel list `extra`) with a None inserted wherever a year is missing, so a line
    breaks at gaps in the data instead of bridging them."""
    xs, ys, es, last = [], [], [], None
    extra = list(extra) if extra is not None else [None] * len(list(years))
    for year, value, e in zip(years, values, extra):
        year = int(year)
        if last is not None and year > last + 1:
            xs.append(last + 1)
            ys.append(None)
            es.append(None)
        xs.append(year)
        ys.append(None if value is None or pd.isna(value) else float(value))
        es.append(e)
        last = year
    return xs, ys, es


def year_ticks(first: int, last: int) -> list[int]:
    """Whole years to label on an axis: the first and the last (as OWID's grapher does) and every 1, 2, 5 or 10
    years between them by the span, none crowding the ends."""
    span = last - first
    step = 1 if span <= 6 else 2 if span <= 12 else 5 if span <= 30 else 10
    gap = step * 0.7  # closer to an end than this, a tick label would crowd the end's
    inner = [y for y in range(first + 1, last) if y % step == 0 and y - first >= gap and last - y >= gap]
    return sorted({first, *inner, last})


def x_axis(years: tuple[int, int] | None, label_room: float = LABEL_ROOM) -> dict:
    """A year axis over (first, last) with room on the right for line-end labels; integer ticks only."""
    if not years:
        return {"tickformat": "d", "showgrid": False}
    first, last = years
    room = max(2.0, (last - first) * label_room)
    return {"range": [first - 0.5, last + room], "tickvals": year_ticks(first, last), "tickformat": "d",
            "showgrid": False, "zeroline": False}


def line(xs, ys, qualities, *, name: str, colour: str, highlighted: bool, hover: str, source: str) -> dict:
    """One scatter trace: highlighted (thick, markers: hollow for flagged figures, a diamond at a source switch) or
    faded (thin, translucent, no markers)."""
    trace = {"type": "scatter", "x": xs, "y": ys, "name": name, "connectgaps": False, "hovertemplate": hover,
             "meta": {"source": source, "highlighted": highlighted}}
    if not highlighted:
        trace.update({"mode": "lines", "opacity": FADED["opacity"],
                      "line": {"color": colour, "width": FADED["width"]}})
        return trace
    symbols, sizes, notes = [], [], []
    for y, q in zip(ys, qualities):
        if y is None:
            symbols.append("circle")
            sizes.append(0)
            notes.append("")
            continue
        switch, hollow = is_switch(q), is_hollow(q)
        symbols.append("diamond" if switch else "circle-open" if hollow else "circle")
        sizes.append(10 if switch else 8 if hollow else 5)
        words = " · ".join(short_flag(f) for f in flags(q))
        notes.append(f"<br><i>{html.escape(words)}</i>" if words else "")
    trace.update({"mode": "lines+markers", "line": {"color": colour, "width": HIGHLIGHT_WIDTH},
                  "marker": {"color": colour, "symbol": symbols, "size": sizes, "line": {"width": 1.6,
                                                                                        "color": colour}},
                  "customdata": notes})
    return trace


def spread(wanted: list[float], gap: float) -> list[float]:
    """Positions as close to `wanted` (ascending) as possible with at least `gap` between neighbours: labels that
    would overlap form a cluster, spaced by `gap` and centred on where its labels wanted to be."""
    clusters: list[list[int]] = []
    for i, w in enumerate(wanted):
        clusters.append([i])
        while len(clusters) > 1:  # merge with the cluster below while they overlap
            below, top = clusters[-2], clusters[-1]
            merged = below + top
            start = sum(wanted[j] - gap * k for k, j in enumerate(below)) / len(below)
            if start + gap * len(below) <= sum(wanted[j] - gap * k for k, j in enumerate(top)) / len(top):
                break
            clusters[-2:] = [merged]
    out = [0.0] * len(wanted)
    for cluster in clusters:
        base = sum(wanted[j] - gap * k for k, j in enumerate(cluster)) / len(cluster)
        for k, j in enumerate(cluster):
            out[j] = base + gap * k
    return out


def end_labels(traces: list[dict], yrange: tuple[float, float], plot_height: float = LINE_HEIGHT - 48) -> list[dict]:
    """Annotations at the last point of each highlighted line (its name, in its colour), spread apart so that no
    two overlap: at least LABEL_GAP pixels between neighbours, each moved as little as that allows."""
    ends = []
    for t in traces:
        if not t["meta"]["highlighted"]:
            continue
        points = [(x, y) for x, y in zip(t["x"], t["y"]) if y is not None]
        if points:
            ends.append([points[-1][0], points[-1][1], t["meta"].get("label") or t["name"], t["line"]["color"]])
    ends.sort(key=lambda e: e[1])
    low, high = yrange
    scale = plot_height / ((high - low) or 1.0)
    wanted = [(e[1] - low) * scale for e in ends]
    placed = spread(wanted, LABEL_GAP)
    return [{"x": x, "y": y, "text": f"<b>{html.escape(label)}</b>", "xanchor": "left", "yanchor": "middle",
             "xshift": 6, "yshift": round(p - w, 1), "showarrow": False, "font": {"color": colour, "size": 12},
             "xref": "x", "yref": "y"} for (x, y, label, colour), p, w in zip(ends, placed, wanted)]


def lines_figure(series: list[dict], *, years: tuple[int, int] | None, yformat: str | None, ytitle: str,
                 height: int = LINE_HEIGHT, empty: str = "no data in the pack", label_room: float = LABEL_ROOM) -> dict:
    """A line chart of `series` (dicts: years, values, qualities, name, label, colour, highlighted, source,
    source_name): highlighted lines labelled at their ends, faded ones hover-only; a shared year axis."""
    data = []
    top = 0.0
    bottom = 0.0
    for s in series:
        xs, ys, qs = gapped(s["years"], s["values"], s["qualities"])
        if years:
            keep = [i for i, x in enumerate(xs) if years[0] <= x <= years[1]]
            xs, ys, qs = [xs[i] for i in keep], [ys[i] for i in keep], [qs[i] for i in keep]
        if not any(y is not None for y in ys):
            continue
        top = max([top] + [y for y in ys if y is not None])
        bottom = min([bottom] + [y for y in ys if y is not None])
        value = "%{y:.1%}" if yformat and yformat.endswith("%") else "%{y:.3~f}"
        hover = (f"<b>{html.escape(s['name'])}</b><br>{html.escape(s['source_name'])}<br>%{{x}}: {value}"
                 + ("%{customdata}" if s["highlighted"] else "") + "<extra></extra>")
        trace = line(xs, ys, qs, name=s["name"], colour=s["colour"], highlighted=s["highlighted"], hover=hover,
                     source=s["source"])
        trace["meta"]["label"] = s.get("label") or s["name"]
        data.append(trace)
    data.sort(key=lambda t: t["meta"]["highlighted"])  # highlighted lines drawn last, on top
    layout = {**BASE_LAYOUT, "height": height, "xaxis": x_axis(years, label_room),
              "yaxis": {"title": {"text": ytitle, "font": {"size": 11}}, "rangemode": "tozero",
                        "zeroline": True, "automargin": True, **({"tickformat": yformat} if yformat else {})}}
    if not data:
        layout["annotations"] = [{"text": empty, "showarrow": False, "xref": "paper", "yref": "paper", "x": 0.5,
                                  "y": 0.5, "font": {"color": "#888"}}]
        layout["yaxis"]["range"] = [0, 1]
        return {"data": [], "layout": layout}
    low, high = min(0.0, bottom), top
    if yformat and yformat.endswith("%"):
        high = min(1.0, top * 1.12) if top > 0 else 1.0
        layout["yaxis"]["range"] = [low, high]
    layout["annotations"] = end_labels(data, (low, high), height - 48)
    return {"data": data, "layout": layout}


def power_series(frame: pd.DataFrame, country: str, highlight: str | None, names: dict[str, str],
                 flow_note: bool = True) -> list[dict]:
    """China's and Russia's lines for one state from an indicator frame: one per (partner, source view); the
    highlighted view's lines are named 'China' and 'Russia', the others by power and source."""
    if frame is None or frame.empty:
        return []
    rows = frame[(frame["country"] == country) & frame["partner"].isin(["CHN", "RUS"])] \
        if (frame["country"] != country).any() or not frame["partner"].isin(["CHN", "RUS"]).all() else frame
    rows = rows.assign(_q=row_flags(rows))
    out = []
    for (source, partner), part in rows.groupby(["source", "partner"], sort=True):
        part = part[part["value"].notna()].sort_values("year")
        if part.empty:
            continue
        who = "China" if partner == "CHN" else "Russia"
        flow = part["flow"].iloc[0] if "flow" in part.columns else None
        suffix = f" ({flow}s)" if flow_note and flow and flow != "turnover" else ""
        named = source_name(source, names) + suffix
        out.append({"years": part["year"].tolist(), "values": part["value"].tolist(),
                    "qualities": part["_q"].tolist(), "name": f"{who} · {named}", "label": who,
                    "colour": COLOURS[partner], "highlighted": source == highlight, "source": source,
                    "source_name": named})
    return out


def heatmap_figure(table: pd.DataFrame, names: dict[str, str], columns: dict[str, str] | None = None) -> dict:
    """China-minus-Russia lead (share points) per state × dimension; red = China ahead, blue = Russia ahead; cells
    the crossover reads as no clear lead are marked ≈."""
    labels = table.attrs.get("labels", pd.DataFrame(index=table.index, columns=table.columns))
    labels = labels.reindex(index=table.index, columns=table.columns)
    readings = table.attrs.get("readings", pd.DataFrame(index=table.index, columns=table.columns))
    readings = readings.reindex(index=table.index, columns=table.columns)
    z = (table.astype(float) * 100).round(1)
    values = [[None if pd.isna(v) else float(v) for v in row] for row in z.values.tolist()]
    reads = readings.values.tolist()
    text = [["" if v is None else ("≈" if r == "no clear lead" else "") + f"{v:+.1f}" for v, r in zip(row, rr)]
            for row, rr in zip(values, reads)]
    custom = [["no comparison" if pd.isna(lbl) else f"{r}: {lbl}" for lbl, r in zip(row, rr)]
              for row, rr in zip(labels.values.tolist(), reads)]
    present = [abs(v) for row in values for v in row if v is not None]
    bound = max([10.0] + present)
    trace = {"type": "heatmap", "z": values, "x": [(columns or {}).get(c, c.capitalize()) for c in table.columns],
             "y": [names.get(c, c) for c in table.index], "text": text, "texttemplate": "%{text}",
             "customdata": custom, "zmid": 0, "zmin": -bound, "zmax": bound, "xgap": 2, "ygap": 2,
             "colorscale": [[0, COLOURS["RUS"]], [0.5, "#f7f7f7"], [1, COLOURS["CHN"]]],
             "colorbar": {"title": {"text": "China − Russia,<br>share points", "font": {"size": 11}},
                          "thickness": 12},
             "hovertemplate": "%{y} · %{x}<br>China − Russia: %{z:+.1f} points<br>%{customdata}<extra></extra>"}
    layout = {**BASE_LAYOUT, "margin": {"l": 100, "r": 10, "t": 10, "b": 30},
              "height": 60 + 36 * max(len(table.index), 1), "yaxis": {"autorange": "reversed", "automargin": True},
              "xaxis": {"side": "top"}}
    return {"data": [trace], "layout": layout}


def membership_figure(rows: pd.DataFrame, names: dict[str, str], today: dt.date) -> dict:
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
    layout = {**BASE_LAYOUT, "margin": {"l": 10, "r": 10, "t": 30, "b": 30}, "barmode": "overlay",
              "height": 90 + 20 * max(len(order), 1),
              "xaxis": {"type": "date", "range": ["1991-01-01", today.isoformat()]},
              "yaxis": {"categoryorder": "array", "categoryarray": order[::-1], "automargin": True},
              "legend": {"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "xanchor": "left"},
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


def figure_html(figure: dict, div_id: str, *, title: str, source: str, kind: str, subtitle: str = "",
                **attrs) -> str:
    """A chart as the page shows it: a <figure> with the title stating the finding, an optional subtitle, the
    chart, and the "Source:" line under it (all in the page, so they wrap on a phone and print as text)."""
    extra = "".join(f' data-{k.replace("_", "-")}="{html.escape(str(v))}"' for k, v in attrs.items())
    sub = f'<p class="chart-subtitle">{html.escape(subtitle)}</p>' if subtitle else ""
    return (f'<figure class="chart" data-chart="{kind}"{extra}><h4 class="chart-title">{html.escape(title)}</h4>'
            f'{sub}{to_div(figure, div_id)}<figcaption class="chart-source">{html.escape(source)}</figcaption>'
            "</figure>")


# The partial plotly.js bundle (scatter, bar, heatmap) vendored from the npm registry, with its licence; how it is
# made: tools/plotly-bundle/README.md.
PLOTLY_BUNDLE = "plotly-multipolar.min.js"


@functools.cache
def plotly_js() -> str:
    """The partial plotly.js bundle, to inline (the report) or serve (the dashboard)."""
    from importlib import resources

    return resources.files("multipolar.report").joinpath("assets", PLOTLY_BUNDLE).read_text(encoding="utf-8")
