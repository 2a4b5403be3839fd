// Draw the report's figures (inline JSON, no network) and mark the page ready once every chart has drawn:
// headless printing and the browser tests wait for window.reportReady.
(function () {
  "use strict";
  window.reportReady = false;
  window.mpDraw = function (id, fig) {
    fig.layout.template = window.MP_TEMPLATE;
    try {
      Plotly.newPlot(id, fig.data, fig.layout, window.MP_CONFIG);
    } catch (err) {
      var div = document.getElementById(id);
      if (div) { div.textContent = "This chart could not be drawn: " + err; }
    }
  };
  var started = Date.now();
  function drawn(div) {
    return div.querySelector("svg.main-svg") !== null && div._fullData && div._fullData.length > 0;
  }
  function check() {
    var divs = Array.prototype.slice.call(document.querySelectorAll(".plotly-graph-div"));
    var done = divs.filter(drawn).length;
    var status = document.getElementById("render-status");
    if (done === divs.length) {
      window.reportReady = true;
      document.body.setAttribute("data-charts-drawn", String(done));
      if (status) { status.textContent = done + " charts drawn"; status.className = "status done"; }
      return;
    }
    if (status) { status.textContent = "Drawing charts… " + done + "/" + divs.length; }
    if (Date.now() - started < 60000) { window.setTimeout(check, 100); }
    else if (status) { status.textContent = "Only " + done + " of " + divs.length + " charts drew"; }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", check); } else { check(); }
})();
