// Draws every Plotly chart from its data-figure JSON (built by apps/dashboard/charts.py),
// on first load and again whenever htmx puts new content in the page.
// plotly.js (~500 KB compressed) is fetched only once a page actually holds a chart: its URL
// comes from this script's data-plotly attribute.
(function () {
  "use strict";

  // The mode bar offers one button, shown over a chart on hover or tap: download it as a PNG (named after its title).
  var CONFIG = { responsive: true, displaylogo: false, displayModeBar: "hover", modeBarButtons: [["toImage"]] };
  var PLOTLY_URL = document.currentScript && document.currentScript.getAttribute("data-plotly");
  var waiting = [];
  var loading = false;

  function draw(element) {
    var figure = JSON.parse(element.getAttribute("data-figure"));
    // Content restored from htmx's history cache holds Plotly's markup without its state.
    element.replaceChildren();
    var name = (element.getAttribute("aria-label") || "chart").replace(/[\\/:*?"<>|\s]+/g, "-");
    var config = Object.assign({}, CONFIG, { toImageButtonOptions: { format: "png", filename: name, scale: 2 } });
    window.Plotly.newPlot(element, figure.data, figure.layout, config);
  }

  function withPlotly(callback) {
    if (window.Plotly) return callback();
    waiting.push(callback);
    if (loading || !PLOTLY_URL) return;
    loading = true;
    var script = document.createElement("script");
    script.src = PLOTLY_URL;
    script.onload = function () {
      var callbacks = waiting;
      waiting = [];
      callbacks.forEach(function (fn) { fn(); });
    };
    document.head.appendChild(script);
  }

  function drawWithin(root) {
    if (!root.querySelectorAll) return;
    var elements = Array.prototype.slice.call(root.querySelectorAll("[data-figure]"));
    if (root.matches("[data-figure]")) elements.unshift(root);
    if (!elements.length) return;
    withPlotly(function () {
      elements.forEach(function (element) { if (element.isConnected) draw(element); });
    });
  }

  // htmx fires htmx:load for the body at start-up, for swapped-in content and for restored history.
  document.addEventListener("htmx:load", function (event) {
    drawWithin(event.detail.elt);
  });

  // Let Plotly drop its listeners for charts that a swap takes out of the page.
  document.addEventListener("htmx:beforeCleanupElement", function (event) {
    var element = event.detail.elt;
    if (window.Plotly && element.matches && element.matches("[data-figure]")) window.Plotly.purge(element);
  });

  // Without htmx (blocked or failed to load) the charts still draw once.
  document.addEventListener("DOMContentLoaded", function () {
    if (!window.htmx) drawWithin(document.body);
  });
})();
