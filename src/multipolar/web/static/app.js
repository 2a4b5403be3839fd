// multipolar dashboard: every page fetches the JSON API and draws with the plotly.js the server ships (no CDN).
(function () {
  "use strict";
  var COLOURS = { CHN: "#c0392b", RUS: "#2457a6" };
  var DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"];
  var SYMBOLS = ["circle", "square", "diamond", "triangle-up", "x", "star", "cross", "triangle-down"];
  var PALETTE = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"];
  var CONFIG = { displaylogo: false, responsive: true };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else if (k === "cls") { node.className = attrs[k]; }
      else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
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
  function isShare(unit) { return /share|0-1/.test(unit || ""); }

  function styleFor(labels) {
    var out = {};
    labels.slice().sort().forEach(function (label, i) {
      out[label] = { dash: DASHES[i % DASHES.length], symbol: SYMBOLS[i % SYMBOLS.length] };
    });
    return out;
  }

  function unique(values) { return values.filter(function (v, i, a) { return a.indexOf(v) === i; }); }

  // Group rows into lines: one per key; a gap in years breaks the line (null inserted).
  function lines(rows, keyOf) {
    var groups = {};
    rows.forEach(function (r) {
      if (r.year === null || r.year === undefined) { return; }
      var k = keyOf(r);
      (groups[k] = groups[k] || []).push(r);
    });
    return Object.keys(groups).sort().map(function (k) {
      var g = groups[k].sort(function (a, b) { return a.year - b.year; });
      var xs = [], ys = [], last = null;
      g.forEach(function (r) {
        if (last !== null && r.year > last + 1) { xs.push(last + 1); ys.push(null); }
        xs.push(r.year); ys.push(r.value); last = r.year;
      });
      return { key: k, first: g[0], x: xs, y: ys };
    });
  }

  function message(div, text, cls) {
    div.innerHTML = "";
    div.appendChild(el("p", { cls: cls || "note", text: text }));
  }

  // China vs Russia lines of one indicator (colour = partner, style = source).
  function drawPowers(div, body) {
    if (!body.rows.length) { message(div, "No data in the pack for this indicator and state."); return; }
    var styles = styleFor(unique(body.rows.map(function (r) { return r.source; })));
    var share = isShare(body.unit);
    var traces = lines(body.rows, function (r) { return r.partner + "|" + r.source + "|" + (r.flow || ""); })
      .map(function (l) {
        var r = l.first, st = styles[r.source];
        var colour = COLOURS[r.partner] || "#555";
        return { type: "scatter", mode: "lines+markers", x: l.x, y: l.y,
          name: (r.partner === "CHN" ? "China" : r.partner === "RUS" ? "Russia" : r.partner) + " · " + r.source +
            (r.flow && r.flow !== "turnover" ? " (" + r.flow + ")" : ""),
          line: { color: colour, dash: st.dash, width: 2 }, marker: { color: colour, symbol: st.symbol, size: 5 },
          hovertemplate: "%{x}: " + (share ? "%{y:.1%}" : "%{y:.3f}") + "<extra>%{fullData.name}</extra>" };
      });
    Plotly.newPlot(div, traces, { template: "plotly_white", height: 380, margin: { l: 50, r: 10, t: 10, b: 40 },
      yaxis: { tickformat: share ? ".0%" : "", rangemode: "tozero" },
      legend: { orientation: "h", y: -0.15, font: { size: 10 } } }, CONFIG).then(function () {
      div.setAttribute("data-drawn", String(traces.length));
    });
  }

  function table(rows, columns, format) {
    var t = el("table", { cls: "data" });
    t.appendChild(el("thead", {}, [el("tr", {}, columns.map(function (c) { return el("th", { text: c }); }))]));
    var tb = el("tbody");
    rows.forEach(function (r) {
      tb.appendChild(el("tr", {}, columns.map(function (c) {
        var v = r[c];
        return el("td", { text: format ? format(c, v, r) : (v === null || v === undefined ? "" : String(v)) });
      })));
    });
    t.appendChild(tb);
    return t;
  }

  function crossoverTable(rows) {
    var cols = ["name", "dimension", "source", "measure", "first_year", "held", "latest_year", "china_latest",
                "russia_latest", "leader_since", "lead_change", "note"];
    var t = table(rows, cols, function (c, v, r) {
      if (c === "held") { return v === null || v === undefined ? "" : (v ? "yes" : "no"); }
      var share = /share|agreement|score/.test(r.measure || "");
      if (c === "china_latest" || c === "russia_latest") { return share ? pct(v) : num(v); }
      if (c === "lead_change") {  // change of China's lead; > 0: moving toward China
        if (v === null || v === undefined) { return ""; }
        return (v > 0 ? "+" : "") + (share ? (v * 100).toFixed(1) + " pts" : num(v));
      }
      return v === null || v === undefined ? "" : String(v);
    });
    Array.prototype.forEach.call(t.querySelectorAll("tbody tr"), function (tr, i) {
      var lead = rows[i].latest_lead;
      if (lead !== null && lead !== undefined) { tr.className = lead > 0 ? "lead-china" : "lead-russia"; }
    });
    return t;
  }

  function fillCountries(select, current) {
    return api("/api/countries").then(function (list) {
      select.innerHTML = "";
      if (select.id === "country-select") { select.appendChild(el("option", { value: "", text: "— choose a state —" })); }
      list.filter(function (c) { return !c.power; }).forEach(function (c) {
        var o = el("option", { value: c.iso3, text: c.name + " (" + c.iso3 + ")" });
        if (current && current.indexOf(c.iso3) >= 0) { o.selected = true; }
        select.appendChild(o);
      });
      return list;
    });
  }

  // -- pages ----------------------------------------------------------------------------------------------------
  var pages = {};

  pages.index = function () {
    var select = document.getElementById("country-select");
    fillCountries(select).then(function (list) {
      var chips = document.getElementById("country-list");
      list.filter(function (c) { return !c.power && c.roles && c.roles.SCO; }).forEach(function (c) {
        chips.appendChild(el("a", { href: "/country/" + c.iso3, cls: "chip", text: c.name + " · SCO " +
          c.roles.SCO.replace("_", " ") }));
      });
    });
    select.addEventListener("change", function () { if (select.value) { location.href = "/country/" + select.value; } });
  };

  pages.country = function () {
    var iso3 = document.getElementById("country").getAttribute("data-iso3");
    var select = document.getElementById("country-select");
    fillCountries(select, [iso3]);
    select.addEventListener("change", function () { if (select.value) { location.href = "/country/" + select.value; } });
    Array.prototype.forEach.call(document.querySelectorAll(".chart[data-indicator]"), function (div) {
      var q = "/api/indicators/" + div.getAttribute("data-indicator") + "?country=" + iso3 + "&partner=CHN,RUS";
      if (div.getAttribute("data-flow")) { q += "&flow=" + div.getAttribute("data-flow"); }
      message(div, "Loading…", "loading");
      api(q).then(function (body) { div.innerHTML = ""; drawPowers(div, body); })
        .catch(function (e) { message(div, e.message, "error"); });
    });
    api("/api/countries/" + iso3).then(function (body) {
      var roles = body.memberships.filter(function (m) { return !m.end; })
        .map(function (m) { return m.organization + " " + m.role.replace("_", " "); });
      document.getElementById("roles").textContent = roles.length ? "Today: " + roles.join(" · ") : "";
      var rows = body.crossover.map(function (r) { r.name = body.name; return r; });
      var box = document.getElementById("crossover-rows");
      box.innerHTML = "";
      box.appendChild(rows.length ? crossoverTable(rows) : el("p", { text: "No crossover rows for this state." }));
      var mbox = document.getElementById("membership-rows");
      mbox.appendChild(table(body.memberships, ["organization", "role", "start", "end", "citation"]));
    }).catch(function (e) { message(document.getElementById("crossover-rows"), e.message, "error"); });
  };

  pages.explorer = function () {
    var form = document.getElementById("explorer-form");
    var ind = document.getElementById("ex-indicator"), src = document.getElementById("ex-source");
    var flow = document.getElementById("ex-flow"), countries = document.getElementById("ex-country");
    var meta = {};
    function refresh() {
      var m = meta[ind.value];
      if (!m) { return; }
      src.innerHTML = ""; src.appendChild(el("option", { value: "", text: "all sources" }));
      m.labels.forEach(function (l) { src.appendChild(el("option", { value: l, text: l })); });
      flow.innerHTML = ""; flow.appendChild(el("option", { value: "", text: m.flows.length ? "all flows" : "—" }));
      m.flows.forEach(function (f) { flow.appendChild(el("option", { value: f, text: f })); });
      if (m.flows.indexOf("turnover") >= 0) { flow.value = "turnover"; }
      document.getElementById("ex-partner").disabled = !m.partner;
      document.getElementById("ex-definition").textContent = m.title + " (" + m.unit + "). " + m.definition;
    }
    api("/api/indicators").then(function (list) {
      list.forEach(function (m) {
        meta[m.name] = m;
        ind.appendChild(el("option", { value: m.name, text: m.name + " — " + m.title }));
      });
      ind.value = meta.trade_share ? "trade_share" : list[0].name;
      refresh();
    });
    fillCountries(countries, ["KAZ"]);
    ind.addEventListener("change", refresh);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var chosen = Array.prototype.filter.call(countries.options, function (o) { return o.selected; })
        .map(function (o) { return o.value; });
      var m = meta[ind.value];
      var q = new URLSearchParams({ country: chosen.join(",") });
      var partner = document.getElementById("ex-partner").value.trim();
      if (m.partner && partner) { q.set("partner", partner); }
      var years = document.getElementById("ex-years").value.trim();
      if (years) { q.set("years", years); }
      if (src.value) { q.set("source", src.value); }
      if (flow.value) { q.set("flow", flow.value); }
      var status = document.getElementById("ex-status"), chart = document.getElementById("ex-chart");
      status.textContent = "Loading…";
      api("/api/indicators/" + ind.value + "?" + q.toString()).then(function (body) {
        status.textContent = body.n_rows + " rows" + (body.truncated ? " (first " + body.limit + " shown)" : "") +
          " · " + body.title + " (" + body.unit + ")";
        document.getElementById("ex-gaps").textContent = body.gaps.length ? "Gaps: " + body.gaps.slice(0, 12).join("; ") : "";
        var sources = unique(body.rows.map(function (r) { return r.source; }));
        var styles = styleFor(sources), share = isShare(body.unit);
        var keyOf = function (r) {
          return [r.country, r.partner || "", r.source, r.flow || ""].join("|");
        };
        var countryList = unique(body.rows.map(function (r) { return r.country; }));
        var traces = lines(body.rows, keyOf).map(function (l) {
          var r = l.first, st = styles[r.source];
          var colour = COLOURS[r.partner] && countryList.length === 1 ? COLOURS[r.partner]
            : PALETTE[(countryList.indexOf(r.country) * 2 + (r.partner === "RUS" ? 1 : 0)) % PALETTE.length];
          return { type: "scatter", mode: "lines+markers", x: l.x, y: l.y,
            name: [r.country, r.partner, r.source, r.flow].filter(Boolean).join(" · "),
            line: { color: colour, dash: st.dash }, marker: { color: colour, symbol: st.symbol, size: 5 } };
        });
        chart.innerHTML = "";
        if (traces.length) {
          Plotly.newPlot(chart, traces, { template: "plotly_white", height: 460, margin: { l: 60, r: 10, t: 10, b: 40 },
            yaxis: { tickformat: share ? ".0%" : "" }, legend: { orientation: "h", y: -0.15, font: { size: 10 } } }, CONFIG)
            .then(function () { chart.setAttribute("data-drawn", String(traces.length)); });
        } else { message(chart, body.rows.length ? "No yearly series to draw; see the table." : "No rows."); }
        var box = document.getElementById("ex-table");
        box.innerHTML = "";
        box.appendChild(table(body.rows.slice(0, 300), body.columns, function (c, v) {
          if (c === "value" && share) { return pct(v); }
          return typeof v === "number" ? num(v) : (v === null || v === undefined ? "" : String(v));
        }));
      }).catch(function (e) { status.textContent = e.message; status.className = "error"; });
    });
  };

  pages.crossover = function () {
    var form = document.getElementById("cross-form");
    function load() {
      var q = new URLSearchParams();
      var region = document.getElementById("cross-region").value;
      var dim = document.getElementById("cross-dimension").value;
      if (region) { q.set("region", region); }
      if (dim) { q.set("dimensions", dim); }
      var box = document.getElementById("cross-table");
      message(box, "Loading (the first request computes the table; later ones are instant)…", "loading");
      api("/api/crossover?" + q.toString()).then(function (body) {
        box.innerHTML = "";
        box.appendChild(crossoverTable(body.rows));
      }).catch(function (e) { message(box, e.message, "error"); });
    }
    form.addEventListener("submit", function (ev) { ev.preventDefault(); load(); });
    load();
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
          status.textContent = body.n_claims ? body.n_claims + " claim(s) found" : "No checkable claim found in this text.";
          body.verdicts.forEach(function (v) {
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
        })
        .catch(function (e) { status.textContent = e.message; status.className = "error"; });
    });
  };

  document.addEventListener("DOMContentLoaded", function () {
    var name = document.body.getAttribute("data-page");
    if (pages[name]) { pages[name](); }
  });
})();
