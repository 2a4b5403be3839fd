// multipolar dashboard: every page fetches the JSON API and draws with the plotly.js the server ships (no CDN).
// Charts follow the report's manner (Our World in Data's grapher): a title stating the finding, units on the axis,
// a "Source:" line under the chart with the sources' declared names, labels at line ends instead of a legend,
// China red and Russia blue, one highlighted source view with the others faded, hollow markers for figures that
// are not firm and a diamond where the reconciled view changes source. A new page: a template whose `page` block
// names it, and a function pages.<name> below.
(function () {
  "use strict";
  var COLOURS = { CHN: "#c0392b", RUS: "#2457a6" };
  var OTHERS = ["#5d6770", "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#a6761d"];
  var DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"];
  var CONFIG = { displaylogo: false, responsive: true };
  // Which quality flags (indicators/quality.py) draw a hollow marker (not a firm figure) and which a diamond (the
  // reconciled view switches source view): served with the page, as the report draws them.
  var FLAGS = window.MP_FLAGS;
  var HOLLOW = FLAGS.hollow;
  var FIRST_YEAR = 1992;  // as the report: the Central Asian states exist since 1991
  var NAMES = { CHN: "China", RUS: "Russia", WLD: "World" };
  // Column headers in words; other columns: the name with spaces.
  var LABELS = {
    name: "State", country: "State", dimension: "Dimension", source: "Source id", source_name: "Source",
    measure: "Measure", first_year: "China first ahead", held: "Lead held", latest_year: "Latest year",
    latest_lead: "China − Russia", leader: "Reading", reading: "Reading", china_latest: "China",
    russia_latest: "Russia", since_year: "China ahead since", leader_since: "Leader since",
    lead_change: "Change of China's lead (5 yrs)", first_compared: "First year compared", n_years: "Years compared",
    quality: "Flags", latest_quality: "Flags of the latest values", note: "Note", partner: "Partner", year: "Year", flow: "Flow", value: "Value",
    partner_value: "Partner value", total_value: "Total", is_estimate: "Estimate", months: "Months",
    basis: "Source view used", organization: "Organization", role: "Role", start: "From", end: "Until",
    citation: "Act cited", view: "Source view"
  };
  function label(c) { return LABELS[c] || (c.charAt(0).toUpperCase() + c.slice(1)).replace(/_/g, " "); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else if (k === "cls") { node.className = attrs[k]; }
      else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); }
    });
    return node;
  }

  function api(path, options) {
    return fetch(path, options).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.detail || ("HTTP " + r.status)); }
        return body;
      });
    });
  }

  function pct(v) { return v === null || v === undefined ? "" : (v * 100).toFixed(1) + "%"; }
  function num(v) {
    if (v === null || v === undefined || v === "") { return ""; }
    if (typeof v !== "number") { return String(v); }
    if (Number.isInteger(v) && Math.abs(v) < 1e6) { return String(v); }  // years, ranks, counts
    if (Math.abs(v) >= 1e9) { return (v / 1e9).toFixed(2) + " bn"; }
    if (Math.abs(v) >= 1e6) { return (v / 1e6).toFixed(1) + " m"; }
    return Math.abs(v) < 1 ? v.toFixed(3) : v.toLocaleString("en", { maximumFractionDigits: 2 });
  }
  function isShare(unit) { return /share/.test(unit || ""); }
  function isIndex(measure) { return /influence|index/.test(measure || ""); }
  function measureValue(measure, v) {
    if (v === null || v === undefined) { return "–"; }
    if (isIndex(measure)) { return v.toFixed(2); }
    if (/share|agreement/.test(measure || "")) { return pct(v); }
    if (/finance/.test(measure || "")) { return "$" + num(v); }
    return num(v);
  }
  function unique(values) { return values.filter(function (v, i, a) { return a.indexOf(v) === i; }); }
  function flagsOf(q) { return (q || "").split(";").map(function (f) { return f.trim(); }).filter(Boolean); }
  function flagName(f) { return f.split(":")[0]; }
  function shortFlag(f) {
    var parts = f.split(":"), word = parts[0].replace(/_/g, " "), d = parts[1] || "";
    if (/^\d+m$/.test(d)) { d = d.slice(0, -1) + (d === "1m" ? " month" : " months"); }
    else if (/^\d+y$/.test(d)) { d = d.slice(0, -1) + (d === "1y" ? " year" : " years"); }
    return d ? word + " (" + d + ")" : word;
  }
  function qualityOf(r) { return r.quality || ""; }
  function nameOf(code, names) { return (names && names[code]) || NAMES[code] || code; }

  function message(div, text, cls) {
    div.innerHTML = "";
    div.appendChild(el("p", { cls: cls || "note", text: text }));
  }

  // -- charts ---------------------------------------------------------------------------------------------------
  function yearTicks(first, last) {
    var span = last - first, step = span <= 6 ? 1 : span <= 12 ? 2 : span <= 30 ? 5 : 10, ticks = [first];
    for (var y = first + 1; y < last; y++) {
      if (y % step === 0 && y - first >= step * 0.7 && last - y >= step * 0.7) { ticks.push(y); }
    }
    if (last !== first) { ticks.push(last); }
    return ticks;
  }

  // Lines from rows: one per key; a gap in years breaks the line (null inserted).
  function lines(rows, keyOf) {
    var groups = {};
    rows.forEach(function (r) {
      if (r.year === null || r.year === undefined || r.value === null || r.value === undefined) { return; }
      var k = keyOf(r);
      (groups[k] = groups[k] || []).push(r);
    });
    return Object.keys(groups).sort().map(function (k) {
      var g = groups[k].sort(function (a, b) { return a.year - b.year; });
      var xs = [], ys = [], qs = [], last = null;
      g.forEach(function (r) {
        if (last !== null && r.year > last + 1) { xs.push(last + 1); ys.push(null); qs.push(""); }
        xs.push(r.year); ys.push(r.value); qs.push(qualityOf(r)); last = r.year;
      });
      return { key: k, first: g[0], x: xs, y: ys, q: qs };
    });
  }

  // Label positions (px, ascending) as close to `wanted` as possible with `gap` between neighbours: labels that
  // would overlap form a cluster centred on where they wanted to be (as the report's charts.spread).
  function spread(wanted, gap) {
    var clusters = [];
    function base(c) { return c.reduce(function (s, j, k) { return s + wanted[j] - gap * k; }, 0) / c.length; }
    wanted.forEach(function (w, i) {
      clusters.push([i]);
      while (clusters.length > 1) {
        var below = clusters[clusters.length - 2], top = clusters[clusters.length - 1];
        if (base(below) + gap * below.length <= base(top)) { break; }
        clusters.splice(clusters.length - 2, 2, below.concat(top));
      }
    });
    var out = wanted.slice();
    clusters.forEach(function (c) { var b = base(c); c.forEach(function (j, k) { out[j] = b + gap * k; }); });
    return out;
  }

  // series: [{x, y, q, name, label, colour, dash, highlighted, sourceName}] → a line chart with end labels.
  function lineChart(div, series, opts) {
    var years = opts.years, share = opts.share, traces = [], ends = [], top = 0, bottom = 0;
    series.forEach(function (s) {
      var keep = s.x.map(function (x, i) { return years ? (x >= years[0] && x <= years[1]) : true; });
      var xs = s.x.filter(function (_, i) { return keep[i]; }), ys = s.y.filter(function (_, i) { return keep[i]; });
      var qs = s.q.filter(function (_, i) { return keep[i]; });
      var present = ys.filter(function (v) { return v !== null; });
      if (!present.length) { return; }
      top = Math.max.apply(null, [top].concat(present)); bottom = Math.min.apply(null, [bottom].concat(present));
      var value = share ? "%{y:.1%}" : "%{y:.3~f}";
      var t = { type: "scatter", x: xs, y: ys, name: s.name, connectgaps: false,
        meta: { source: s.source, highlighted: s.highlighted, label: s.label } };
      if (s.highlighted) {
        t.mode = "lines+markers";
        t.line = { color: s.colour, width: 2.6, dash: s.dash || "solid" };
        t.marker = { color: s.colour, line: { color: s.colour, width: 1.6 },
          symbol: qs.map(function (q) {
            var f = flagsOf(q).map(flagName);
            return f.indexOf(FLAGS["switch"]) >= 0 ? "diamond" : f.some(function (n) { return HOLLOW.indexOf(n) >= 0; })
              ? "circle-open" : "circle";
          }),
          size: qs.map(function (q, i) {
            var f = flagsOf(q).map(flagName);
            return ys[i] === null ? 0 : f.indexOf(FLAGS["switch"]) >= 0 ? 10
              : f.some(function (n) { return HOLLOW.indexOf(n) >= 0; }) ? 8 : 5;
          }) };
        t.customdata = qs.map(function (q) { var f = flagsOf(q).map(shortFlag).join(" · "); return f ? "<br><i>" + f + "</i>" : ""; });
        t.hovertemplate = "<b>" + s.name + "</b><br>" + s.sourceName + "<br>%{x}: " + value + "%{customdata}<extra></extra>";
        var last = null;
        ys.forEach(function (v, i) { if (v !== null) { last = [xs[i], v]; } });
        if (last) { ends.push({ x: last[0], y: last[1], text: s.label, colour: s.colour }); }
      } else {
        t.mode = "lines";
        t.opacity = 0.28;
        t.line = { color: s.colour, width: 1.2, dash: s.dash || "solid" };
        t.hovertemplate = "<b>" + s.name + "</b><br>" + s.sourceName + "<br>%{x}: " + value + "<extra></extra>";
      }
      traces.push(t);
    });
    traces.sort(function (a, b) { return (a.meta.highlighted ? 1 : 0) - (b.meta.highlighted ? 1 : 0); });
    if (!traces.length) { message(div, opts.empty || "No data in the pack for this choice."); return Promise.resolve(); }
    ends.sort(function (a, b) { return a.y - b.y; });
    var height = opts.height || 320, low = Math.min(0, bottom), high = share ? (top > 0 ? Math.min(1, top * 1.12) : 1) : top;
    var scale = (height - 46) / ((high - low) || 1), wanted = ends.map(function (e) { return (e.y - low) * scale; });
    var placed = spread(wanted, 15), shift = placed.map(function (p, j) { return p - wanted[j]; });
    var allX = [].concat.apply([], traces.map(function (t) { return t.x; })).filter(function (x) { return x !== null; });
    var first = years ? years[0] : Math.min.apply(null, allX), lastYear = years ? years[1] : Math.max.apply(null, allX);
    var room = Math.max(2, (lastYear - first) * (opts.labelRoom || 0.2));
    var layout = {
      template: "plotly_white", height: opts.height || 320, showlegend: false, hovermode: "closest",
      margin: { l: 56, r: 12, t: 10, b: 36 }, font: { family: "system-ui, sans-serif", size: 12 },
      xaxis: { range: [first - 0.5, lastYear + room], tickvals: yearTicks(first, lastYear), tickformat: "d",
               showgrid: false, zeroline: false },
      yaxis: { title: { text: opts.ytitle || "", font: { size: 11 } }, tickformat: share ? ".2~%" : "",
               rangemode: "tozero", automargin: true },
      annotations: ends.map(function (e, j) {
        return { x: e.x, y: e.y, text: "<b>" + e.text + "</b>", xanchor: "left", yanchor: "middle", xshift: 6,
                 yshift: shift[j], showarrow: false, font: { color: e.colour, size: 12 }, xref: "x", yref: "y" };
      })
    };
    if (share) { layout.yaxis.range = [Math.min(0, bottom), top > 0 ? Math.min(1, top * 1.12) : 1]; }
    div.innerHTML = "";
    return Plotly.newPlot(div, traces, layout, CONFIG).then(function () {
      div.setAttribute("data-drawn", String(traces.length));
    });
  }

  // A figure around a chart div: the title stating the finding, the chart, the source line.
  function figure(box, title, subtitle) {
    box.innerHTML = "";
    var h = el("h2", { cls: "chart-title", text: title || "" });
    var sub = el("p", { cls: "chart-subtitle", text: subtitle || "" });
    var chart = el("div", { cls: "chart-canvas" });
    var src = el("p", { cls: "chart-source", text: "" });
    [h, sub, chart, src].forEach(function (n) { box.appendChild(n); });
    return { title: h, subtitle: sub, chart: chart, source: src };
  }

  function sourceLine(body, drawn) {
    var names = drawn.map(function (s) { return (body.source_names || {})[s] || s; });
    var h = body.highlight && (body.source_names || {})[body.highlight];
    if (h) { names = [h].concat(names.filter(function (n) { return n !== h; })); }
    return "Source: " + (unique(names).join("; ") || "none in the data pack");
  }

  // The China and Russia lines of one state from an indicator answer.
  function powerSeries(body, country) {
    var rows = body.rows.filter(function (r) { return r.country === country; });
    return lines(rows, function (r) { return r.partner + "|" + r.source; }).map(function (l) {
      var r = l.first, who = nameOf(r.partner), on = r.source === body.highlight;
      var named = (body.source_names || {})[r.source] || r.source;
      var suffix = r.flow && r.flow !== "turnover" ? " (" + r.flow + "s)" : "";
      return { x: l.x, y: l.y, q: l.q, name: who + " · " + named + suffix, label: who, source: r.source,
               colour: COLOURS[r.partner] || OTHERS[0], highlighted: on, sourceName: named + suffix };
    });
  }

  function chartYears(bodies, country) {
    var ys = [];
    bodies.forEach(function (b) {
      if (!b) { return; }
      b.rows.forEach(function (r) { if (r.country === country && r.value !== null && r.year) { ys.push(r.year); } });
    });
    if (!ys.length) { return null; }
    return [Math.max(FIRST_YEAR, Math.min.apply(null, ys)), Math.max.apply(null, ys)];
  }

  // -- tables ---------------------------------------------------------------------------------------------------
  function table(rows, columns, format) {
    var t = el("table", { cls: "data" });
    t.appendChild(el("thead", {}, [el("tr", {}, columns.map(function (c) {
      return el("th", { text: label(c), title: c, "data-column": c, cls: "col-" + c });
    }))]));
    var tb = el("tbody");
    rows.forEach(function (r) {
      tb.appendChild(el("tr", {}, columns.map(function (c) {
        var v = r[c];
        return el("td", { cls: "col-" + c,
          text: format ? format(c, v, r) : (v === null || v === undefined ? "" : String(v)) });
      })));
    });
    t.appendChild(tb);
    return t;
  }

  var CROSS_COLUMNS = ["name", "dimension", "source_name", "first_year", "held", "latest_year", "leader",
                       "china_latest", "russia_latest", "leader_since", "lead_change", "quality", "note"];

  // The crossover row's own reading (indicators/leads.py decides it); "" where the row compared nothing.
  function readingOf(r) {
    if (r.latest_lead === null || r.latest_lead === undefined) { return ""; }
    return r.leader;
  }

  function crossoverTable(rows) {
    var t = table(rows, CROSS_COLUMNS, function (c, v, r) {
      if (c === "held") { return v === null || v === undefined ? "" : (v ? "yes" : "no"); }
      if (c === "leader") { return readingOf(r); }
      if (c === "china_latest" || c === "russia_latest") { return measureValue(r.measure, v); }
      if (c === "quality") { return flagsOf(v).map(shortFlag).join(", "); }
      if (c === "lead_change") {  // change of China's lead; > 0: moving toward China
        if (v === null || v === undefined) { return ""; }
        var share = /share|agreement/.test(r.measure || "") && !isIndex(r.measure);
        return (v > 0 ? "+" : "") + (share ? (v * 100).toFixed(1) + " pts" : v.toFixed(2));
      }
      return v === null || v === undefined ? "" : String(v);
    });
    Array.prototype.forEach.call(t.querySelectorAll("tbody tr"), function (tr, i) {
      var lead = readingOf(rows[i]);
      tr.className = lead === "China" ? "lead-china" : lead === "Russia" ? "lead-russia" : lead ? "lead-unclear" : "";
    });
    return t;
  }

  // The who-leads grid: one row per state, a cell per dimension with the reading, its year, values, source, flags.
  var DIM_TITLES = { trade: "Trade", security: "Arms imports", diplomacy: "UN votes", finance: "Lending",
                     composite: "Composite index" };
  function leadGrid(body) {
    var dims = unique(body.rows.map(function (r) { return r.dimension; }));
    var order = ["trade", "security", "diplomacy", "finance", "composite"];
    dims.sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); });
    var t = el("table", { cls: "data grid" });
    t.appendChild(el("thead", {}, [el("tr", {}, [el("th", { text: "State" })].concat(dims.map(function (d) {
      return el("th", { text: DIM_TITLES[d] || d });
    })))]));
    var tb = el("tbody");
    body.states.forEach(function (c) {
      var rows = body.rows.filter(function (r) { return r.country === c; });
      if (!rows.length) { return; }
      var tr = el("tr", { "data-country": c }, [el("th", { scope: "row" }, [el("a", { href: "/country/" + c, text: rows[0].name })])]);
      dims.forEach(function (d) {
        var r = rows.filter(function (x) { return x.dimension === d; })[0];
        if (!r) { tr.appendChild(el("td", { cls: "lead none", text: "no data", "data-label": DIM_TITLES[d] || d })); return; }
        // Only one power has data (the crossover's own flag): nothing was compared.
        var nocomp = !r.reading || flagsOf(r.quality).some(function (f) { return flagName(f) === "no_comparison"; });
        var reading = nocomp ? "no comparison" : r.reading;
        var css = nocomp ? "none" : r.reading === "China" ? "CHN" : r.reading === "Russia" ? "RUS" : "unclear";
        var figures = !nocomp ? "China " + measureValue(r.measure, r.china) + " · Russia " + measureValue(r.measure, r.russia)
          : [["China", r.china], ["Russia", r.russia]].filter(function (p) { return p[1] !== null && p[1] !== undefined; })
              .map(function (p) { return p[0] + " " + measureValue(r.measure, p[1]); }).join(" · ");
        // the cell's flags in a few words each, as the report words them (report.selection.chips)
        var shown = (r.chips || "").split(" | ").filter(Boolean);
        tr.appendChild(el("td", { cls: "lead lead-" + css, "data-label": DIM_TITLES[d] || d, "data-reading": r.reading || "",
                                  "data-year": r.latest_year || "", title: r.flags || r.note || "" }, [
          el("div", { cls: "who" }, [reading + " ", el("span", { cls: "year", text: r.latest_year ? String(r.latest_year) : "" }),
                                     !nocomp && r.reading !== "no clear lead" && r.since ? el("span", { cls: "since", text: " · since " + r.since }) : null]),
          figures ? el("div", { cls: "vals", text: figures }) : null,
          el("div", { cls: "src", text: r.source_name || "" }),
          shown.length ? el("div", { cls: "flags" }, shown.slice(0, 3).map(function (f) {
            return el("span", { cls: "flag", text: f });
          }).concat(shown.length > 3 ? [el("span", { cls: "flag more", text: "+" + (shown.length - 3) + " more" })] : [])) : null]));
      });
      tb.appendChild(tr);
    });
    t.appendChild(tb);
    return t;
  }

  function fillCountries(select, current, withPowers) {
    return api("/api/countries").then(function (list) {
      list.forEach(function (c) { NAMES[c.iso3] = c.name; });
      select.innerHTML = "";
      if (select.id === "country-select") { select.appendChild(el("option", { value: "", text: "— choose a state —" })); }
      list.filter(function (c) { return withPowers || !c.power; }).forEach(function (c) {
        var o = el("option", { value: c.iso3, text: c.name + " (" + c.iso3 + ")" });
        if (current && current.indexOf(c.iso3) >= 0) { o.selected = true; }
        select.appendChild(o);
      });
      return list;
    });
  }

  function downloadPNG(div, title, source, filename) {
    var layout = JSON.parse(JSON.stringify(div.layout));
    layout.title = { text: title, x: 0.01, xanchor: "left", font: { size: 15 } };
    layout.margin = Object.assign({}, layout.margin, { t: 50, b: 80 });
    layout.annotations = (layout.annotations || []).concat([{ text: source, xref: "paper", yref: "paper", x: 0,
      y: -0.22, xanchor: "left", yanchor: "top", showarrow: false, font: { size: 11, color: "#5d6770" } }]);
    return Plotly.toImage({ data: div.data, layout: layout }, { format: "png", width: 1000, height: 560, scale: 2 })
      .then(function (url) {
        var a = el("a", { href: url, download: filename });
        document.body.appendChild(a); a.click(); a.remove();
      });
  }

  // -- pages ----------------------------------------------------------------------------------------------------
  var pages = {};

  pages.index = function () {
    var region = document.getElementById("region-select");
    function load() {
      var r = region.value;
      var fbox = document.getElementById("findings"), gbox = document.getElementById("lead-grid");
      message(fbox, "Reading the crossover table (the first visit computes it)…", "loading");
      message(gbox, "Loading…", "loading");
      api("/api/findings?region=" + r).then(function (body) {
        fbox.innerHTML = "";
        fbox.appendChild(el("p", { cls: "findings" }, body.findings.map(function (f) {
          var at = f.indexOf(": ");
          return at > 0 && at < 30 ? el("span", { cls: "finding" }, [el("strong", { text: f.slice(0, at + 1) }), " " + f.slice(at + 2) + " "])
            : el("span", { cls: "finding", text: f + " " });
        })));
      }).catch(function (e) { message(fbox, e.message, "error"); });
      api("/api/leads?region=" + r).then(function (body) {
        gbox.innerHTML = "";
        gbox.appendChild(leadGrid(body));
        document.getElementById("leads-csv").setAttribute("href", "/api/leads?region=" + r + "&format=csv");
      }).catch(function (e) { message(gbox, e.message, "error"); });
    }
    region.addEventListener("change", load);
    load();
    var select = document.getElementById("country-select");
    fillCountries(select, null, true).then(function (list) {
      var groups = [["Central Asia", function (c) { return c.central_asia; }],
                    ["Other SCO members", function (c) { return !c.central_asia && !c.power && c.roles && c.roles.SCO === "member"; }],
                    ["SCO observers, partners and neighbours", function (c) { return !c.central_asia && !c.power && !(c.roles && c.roles.SCO === "member"); }],
                    ["The two powers", function (c) { return c.power; }]];
      var box = document.getElementById("country-list");
      groups.forEach(function (g) {
        var chosen = list.filter(g[1]);
        if (!chosen.length) { return; }
        box.appendChild(el("h3", { cls: "chip-group", text: g[0] }));
        box.appendChild(el("div", { cls: "chips" }, chosen.map(function (c) {
          var role = c.roles && c.roles.SCO ? " · SCO " + c.roles.SCO.replace(/_/g, " ") : "";
          return el("a", { href: "/country/" + c.iso3, cls: "chip", "data-iso3": c.iso3, text: c.name + role });
        })));
      });
    });
    select.addEventListener("change", function () { if (select.value) { location.href = "/country/" + select.value; } });
  };

  // The charts of a state's page: [indicator, dimension, subject, axis title, flow].
  var STATE_CHARTS = [["trade_share", "trade", "goods trade", "% of the state's goods trade", "turnover"],
                      ["arms_share_5y", "security", "arms imports", "% of its arms imports, 5-year sum", null],
                      ["un_agreement", "diplomacy", "UN votes", "% of UN General Assembly votes agreeing", null],
                      ["influence_score", "composite", "composite influence", "index, 0 (none) to 1", null]];

  pages.country = function () {
    var box = document.getElementById("country");
    var iso3 = box.getAttribute("data-iso3"), power = box.getAttribute("data-power") === "true";
    var name = document.querySelector("h1").textContent;
    var select = document.getElementById("country-select");
    fillCountries(select, [iso3], true);
    select.addEventListener("change", function () { if (select.value) { location.href = "/country/" + select.value; } });
    var specs = power ? [["trade_share", "trade", "goods trade", "% of the state's goods trade", "turnover"]] : STATE_CHARTS;
    var partner = power ? (iso3 === "CHN" ? "RUS" : "CHN") : "CHN,RUS";
    var leads = power ? Promise.resolve({ rows: [] }) : api("/api/leads?country=" + iso3).catch(function () { return { rows: [] }; });
    var bodies = specs.map(function (s) {
      var q = "/api/indicators/" + s[0] + "?country=" + iso3 + "&partner=" + partner + (s[4] ? "&flow=" + s[4] : "");
      return api(q).catch(function (e) { return { error: e.message, rows: [] }; });
    });
    Promise.all([leads].concat(bodies)).then(function (all) {
      var lead = all[0], got = all.slice(1), years = chartYears(got, iso3);
      specs.forEach(function (s, i) {
        var body = got[i], holder = document.getElementById("chart-" + s[0]);
        if (!holder) { return; }
        var cell = lead.rows.filter(function (r) { return r.dimension === s[1]; })[0];
        if (cell && cell.source && body.rows.some(function (r) { return r.source === cell.source; })) { body.highlight = cell.source; }
        var title = cell && cell.reading ? (cell.reading === "no clear lead" ? "No clear lead in " + name + "'s " + s[2]
          : cell.reading + " leads in " + name + "'s " + s[2]) + " (" + cell.latest_year + ")"
          : power ? (nameOf(partner) + "'s share of " + name + "'s goods trade") : name + "'s " + s[2];
        var f = figure(holder, title, body.highlight ? "Highlighted: " + ((body.source_names || {})[body.highlight] || body.highlight) + "; faded: the other source views (hover for names)" : "");
        if (body.error) { message(f.chart, body.error, "error"); return; }
        var series = powerSeries(body, iso3);
        f.source.textContent = sourceLine(body, unique(series.map(function (x) { return x.source; })));
        lineChart(f.chart, series, { years: years, share: isShare(body.unit), ytitle: s[3],
                                     empty: "No " + s[2] + " data for " + name + " in the pack." })
          .then(function () { holder.setAttribute("data-drawn", f.chart.getAttribute("data-drawn") || "0"); });
      });
    });
    api("/api/countries/" + iso3).then(function (body) {
      var roles = body.memberships.filter(function (m) { return !m.end; })
        .map(function (m) { return m.organization + " " + m.role.replace(/_/g, " "); });
      document.getElementById("roles").textContent = roles.length ? "Today: " + roles.join(" · ") : "";
      var rows = body.crossover.map(function (r) { r.name = body.name; return r; });
      var cbox = document.getElementById("crossover-rows");
      cbox.innerHTML = "";
      cbox.appendChild(rows.length ? crossoverTable(rows) : el("p", { text: "No crossover rows for this state." }));
      var mbox = document.getElementById("membership-rows");
      mbox.innerHTML = "";
      mbox.appendChild(table(body.memberships, ["organization", "role", "start", "end", "citation"]));
    }).catch(function (e) { message(document.getElementById("crossover-rows"), e.message, "error"); });
  };

  // The explorer keeps its choices in the URL (?indicator=…&country=…&…): shareable, and the back button works.
  var EXPLORER_FIELDS = ["indicator", "country", "partner", "years", "source", "flow"];

  pages.explorer = function () {
    var form = document.getElementById("explorer-form");
    var ind = document.getElementById("ex-indicator"), src = document.getElementById("ex-source");
    var flow = document.getElementById("ex-flow"), countries = document.getElementById("ex-country");
    var partner = document.getElementById("ex-partner"), years = document.getElementById("ex-years");
    var meta = {}, current = null;

    function refresh(keep) {
      var m = meta[ind.value];
      if (!m) { return; }
      src.innerHTML = ""; src.appendChild(el("option", { value: "", text: "all sources" }));
      m.labels.forEach(function (l) { src.appendChild(el("option", { value: l, text: (m.source_names || {})[l] || l })); });
      flow.innerHTML = ""; flow.appendChild(el("option", { value: "", text: m.flows.length ? "all flows" : "—" }));
      m.flows.forEach(function (f) { flow.appendChild(el("option", { value: f, text: f })); });
      if (!keep && m.flows.indexOf("turnover") >= 0) { flow.value = "turnover"; }
      partner.disabled = !m.partner;
      document.getElementById("ex-definition").textContent = m.title + " (" + m.unit + "). " + m.definition;
    }

    function state() {
      var chosen = Array.prototype.filter.call(countries.options, function (o) { return o.selected; })
        .map(function (o) { return o.value; });
      var q = new URLSearchParams();
      q.set("indicator", ind.value);
      if (chosen.length) { q.set("country", chosen.join(",")); }
      if (meta[ind.value] && meta[ind.value].partner && partner.value.trim()) { q.set("partner", partner.value.trim()); }
      if (years.value.trim()) { q.set("years", years.value.trim()); }
      if (src.value) { q.set("source", src.value); }
      if (flow.value) { q.set("flow", flow.value); }
      return q;
    }

    function restore(q) {
      if (q.get("indicator") && meta[q.get("indicator")]) { ind.value = q.get("indicator"); }
      refresh(true);
      var chosen = (q.get("country") || "KAZ").split(",");
      Array.prototype.forEach.call(countries.options, function (o) { o.selected = chosen.indexOf(o.value) >= 0; });
      partner.value = q.has("partner") ? q.get("partner") : "CHN,RUS";
      years.value = q.get("years") || "";
      src.value = q.get("source") || "";
      flow.value = q.has("flow") ? q.get("flow") : (meta[ind.value].flows.indexOf("turnover") >= 0 ? "turnover" : "");
    }

    function draw(q) {
      var m = meta[q.get("indicator")];
      var status = document.getElementById("ex-status"), box = document.getElementById("ex-figure");
      var apiq = new URLSearchParams(q); apiq.delete("indicator");
      var path = "/api/indicators/" + q.get("indicator") + "?" + apiq.toString();
      status.textContent = "Loading…"; status.className = "note";
      document.getElementById("ex-csv").setAttribute("href", path + "&format=csv");
      return api(path).then(function (body) {
        status.textContent = body.n_rows + " rows" + (body.truncated ? " (first " + body.limit + " shown)" : "") +
          " · " + body.title + " (" + body.unit + ")";
        document.getElementById("ex-gaps").textContent = body.gaps.length ? "Gaps: " + body.gaps.slice(0, 12).join("; ") : "";
        var countryList = unique(body.rows.map(function (r) { return r.country; }));
        var share = isShare(body.unit), highlight = q.get("source") ? q.get("source").split(",")[0] : body.highlight;
        var series = lines(body.rows, function (r) { return [r.country, r.partner || "", r.source, r.flow || ""].join("|"); })
          .map(function (l) {
            var r = l.first, ci = countryList.indexOf(r.country);
            var named = (body.source_names || {})[r.source] || r.source;
            var who = r.partner ? nameOf(r.partner) : nameOf(r.country);
            var lbl = countryList.length > 1 ? nameOf(r.country) + " · " + who : who;
            return { x: l.x, y: l.y, q: l.q, source: r.source, highlighted: r.source === highlight,
                     colour: COLOURS[r.partner] || OTHERS[(ci + 1) % OTHERS.length], dash: DASHES[ci % DASHES.length],
                     name: lbl + " · " + named + (r.flow && r.flow !== "turnover" ? " (" + r.flow + ")" : ""),
                     label: lbl, sourceName: named };
          });
        var drawn = unique(series.map(function (s) { return s.source; }));
        var f = figure(box, body.title + (countryList.length ? ": " + countryList.map(function (c) { return nameOf(c); }).join(", ") : ""),
                       highlight ? "Highlighted: " + ((body.source_names || {})[highlight] || highlight) + "; faded: the other source views" : "");
        f.chart.id = "ex-chart";
        body.highlight = highlight;
        f.source.textContent = sourceLine(body, drawn);
        current = { title: f.title.textContent, source: f.source.textContent, name: q.get("indicator") };
        var done = lineChart(f.chart, series, { years: null, share: share, ytitle: body.unit, height: 440,
                                                empty: body.rows.length ? "No yearly series to draw; see the table." : "No rows." });
        var tbox = document.getElementById("ex-table");
        tbox.innerHTML = "";
        tbox.appendChild(table(body.rows.slice(0, 300), body.columns, function (c, v) {
          if (c === "value" && share) { return pct(v); }
          if (c === "source") { return (body.source_names || {})[v] || v; }
          if (c === "quality") { return flagsOf(v).map(shortFlag).join(", "); }
          return typeof v === "number" ? num(v) : (v === null || v === undefined ? "" : String(v));
        }));
        return done;
      }).catch(function (e) { status.textContent = e.message; status.className = "error"; });
    }

    api("/api/indicators").then(function (list) {
      list.forEach(function (m) {
        meta[m.name] = m;
        ind.appendChild(el("option", { value: m.name, text: m.name + " — " + m.title }));
      });
      ind.value = meta.trade_share ? "trade_share" : list[0].name;
      return fillCountries(countries, ["KAZ"]);
    }).then(function () {
      var q = new URLSearchParams(location.search);
      restore(q);
      form.setAttribute("data-ready", "true");
      if (q.get("indicator") && q.get("country")) { draw(state()); }
    });
    ind.addEventListener("change", function () { refresh(false); });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var q = state();
      history.pushState(null, "", "/explorer?" + q.toString());
      draw(q);
    });
    window.addEventListener("popstate", function () {
      var q = new URLSearchParams(location.search);
      restore(q);
      if (q.get("indicator") && q.get("country")) { draw(state()); }
      else { document.getElementById("ex-figure").innerHTML = ""; }
    });
    document.getElementById("ex-png").addEventListener("click", function () {
      var chart = document.getElementById("ex-chart");
      if (chart && chart.data && current) { downloadPNG(chart, current.title, current.source, current.name + ".png"); }
    });
  };

  pages.crossover = function () {
    var form = document.getElementById("cross-form");
    var region = document.getElementById("cross-region"), dim = document.getElementById("cross-dimension");
    function pageQuery() {  // the page's URL keeps every choice, "all" included
      var q = new URLSearchParams();
      q.set("region", region.value);
      if (dim.value) { q.set("dimension", dim.value); }
      return q;
    }
    function load(q) {
      var a = new URLSearchParams(q), box = document.getElementById("cross-table");
      if (a.get("region") === "all") { a.delete("region"); }
      var path = "/api/crossover?" + a.toString();
      document.getElementById("cross-csv").setAttribute("href", path + (a.toString() ? "&" : "") + "format=csv");
      message(box, "Loading (the first request computes the table; later ones are instant)…", "loading");
      api(path).then(function (body) {
        box.innerHTML = "";
        box.appendChild(crossoverTable(body.rows));
      }).catch(function (e) { message(box, e.message, "error"); });
    }
    function restore() {
      var q = new URLSearchParams(location.search);
      region.value = q.get("region") || "sco";
      dim.value = q.get("dimension") || "";
      load(pageQuery());
    }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var q = pageQuery();
      history.pushState(null, "", "/crossover?" + q.toString());
      load(q);
    });
    window.addEventListener("popstate", restore);
    restore();
  };

  // Sanctions re-routing: the tables and charts as the report shows them (drawn from /api/rerouting's "section"),
  // the choices in the URL; the event study (a minute or two to fit the first time) is fetched after the rest.
  pages.rerouting = function () {
    var form = document.getElementById("rr-form"), charts = document.getElementById("rr-charts");
    var products = document.getElementById("rr-products"), partner = document.getElementById("rr-partner");
    var estimator = document.getElementById("rr-estimator"), status = document.getElementById("rr-status");
    var run = 0;

    function state() {
      var q = new URLSearchParams();
      if (partner.value.trim()) { q.set("partner", partner.value.trim()); }
      q.set("products", products.value);
      q.set("estimator", estimator.value);
      return q;
    }
    function restore(q) {
      partner.value = q.get("partner") || "";
      products.value = q.get("products") || "sanctioned";
      estimator.value = q.get("estimator") || "ppml";
    }
    function drawFigure(f, box) {
      var fig = el("figure", { cls: "chart", "data-chart": f.kind }, []);
      var parts = figure(fig, f.title, f.subtitle);
      parts.chart.id = f.id;
      parts.source.textContent = f.source;
      box.appendChild(fig);
      return Plotly.newPlot(parts.chart, f.figure.data, f.figure.layout, CONFIG).then(function () {
        parts.chart.setAttribute("data-drawn", "true");
      });
    }
    function legs(rows) {
      var t = el("table", { cls: "data" });
      t.appendChild(el("thead", {}, [el("tr", {}, ["Partner", "Year", "Leg", "Multiple of the year before", "From", "To",
        "Flags", "Source"].map(function (h) { return el("th", { text: h }); }))]));
      t.appendChild(el("tbody", {}, rows.map(function (r) {
        return el("tr", {}, [el("td", { text: r.partner }), el("td", { text: String(r.year) }), el("td", { text: r.leg }),
          el("td", { text: r.multiple || r.reason }), el("td", { text: r.base }), el("td", { text: r.end }),
          el("td", {}, r.flags.map(function (f, i) { return el("span", { cls: "flag", title: r.flag_texts[i], text: f }); })),
          el("td", { text: r.source })]);
      })));
      return t;
    }
    function show(q) {
      var mine = ++run, path = "/api/rerouting?" + q.toString();
      document.getElementById("rr-csv").setAttribute("href", path + "&format=csv");
      document.getElementById("rr-json").setAttribute("href", path);
      message(charts, "Loading…", "loading");
      status.textContent = "";
      return api(path).then(function (d) {
        if (mine !== run) { return; }
        var sec = d.section;
        charts.innerHTML = "";
        document.getElementById("rr-leakage").textContent = sec.leakage.join(" ") + " " + sec.ebrd;
        var box = document.getElementById("rr-legs");
        box.innerHTML = "";
        box.appendChild(legs(sec.legs));
        document.getElementById("rr-notes").textContent = d.notes.join(" ");
        var drawn = sec.figures.map(function (f) { return drawFigure(f, charts); });
        var slot = el("figure", { cls: "chart", "data-chart": "rerouting-event-pending" }, [
          el("p", { cls: "loading", text: "Fitting the event study (" + q.get("estimator").toUpperCase() +
            ")… one to two minutes the first time, then cached." })]);
        charts.insertBefore(slot, charts.children[1] || null);
        var esq = new URLSearchParams(q); esq.set("event_study", "true");
        api("/api/rerouting?" + esq.toString()).then(function (e) {
          if (mine !== run) { return; }
          var f = e.section.figures.filter(function (x) { return x.kind === "rerouting-event"; })[0];
          var holder = el("div");
          charts.replaceChild(holder, slot);
          if (f) { drawFigure(f, holder); }
          document.getElementById("rr-control").textContent = e.section.control;
          document.getElementById("rr-json").setAttribute("href", "/api/rerouting?" + esq.toString());
        }).catch(function (err) { if (mine === run) { message(slot, err.message || String(err), "error"); } });
        return Promise.all(drawn);
      }).catch(function (e) { if (mine === run) { message(charts, e.message || String(e), "error"); } });
    }
    restore(new URLSearchParams(location.search));
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var q = state();
      history.pushState(null, "", "/rerouting?" + q.toString());
      show(q);
    });
    window.addEventListener("popstate", function () { restore(new URLSearchParams(location.search)); show(state()); });
    form.setAttribute("data-ready", "true");
    show(state());
  };

  pages.claims = function () {
    var form = document.getElementById("claim-form");
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var text = document.getElementById("claim-text").value;
      var date = document.getElementById("claim-date").value || null;
      var status = document.getElementById("claim-status"), out = document.getElementById("claim-results");
      status.textContent = "Checking…"; status.className = "note"; out.innerHTML = "";
      api("/api/check", { method: "POST", headers: { "Content-Type": "application/json" },
                          body: JSON.stringify({ text: text, date: date }) })
        .then(function (body) {
          var claims = body.claims || [];
          status.textContent = claims.length ? claims.length + " claim(s) found" : "No checkable claim found in this text.";
          claims.forEach(function (v) {
            var observed = (v.observed || []).slice(0, 6).map(function (o) {
              var value = o.unit === "share" ? pct(o.value) : o.unit === "USD" ? "$" + num(o.value) : String(o.value);
              return el("li", { text: value + (o.year ? " (" + o.year + ")" : "") + " — " + o.source });
            });
            out.appendChild(el("article", { cls: "verdict " + v.verdict.replace(/ /g, "-"), "data-verdict": v.verdict }, [
              el("p", {}, [el("span", { cls: "badge " + v.verdict.replace(/ /g, "-"), text: v.verdict }),
                           " ", el("q", { text: v.text }), el("span", { cls: "type", text: " " + v.type })]),
              el("p", { cls: "reason", text: v.reason }),
              el("ul", { cls: "observed" }, observed)]));
          });
          (body.unchecked || []).forEach(function (u) {
            out.appendChild(el("article", { cls: "verdict unchecked", "data-verdict": "unchecked" }, [
              el("p", {}, [el("span", { cls: "badge", text: "not checked" }), " ", el("q", { text: u.text || String(u) })]),
              u.reason ? el("p", { cls: "reason", text: u.reason }) : null]));
          });
        })
        .catch(function (e) { status.textContent = e.message; status.className = "error"; });
    });
  };

  document.addEventListener("DOMContentLoaded", function () {
    var name = document.body.getAttribute("data-page");
    if (pages[name]) { pages[name](); }
  });
})();
