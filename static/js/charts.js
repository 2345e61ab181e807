// Draws every Plotly chart from its data-figure JSON (built by apps/dashboard/charts.py),
// on first load and again whenever htmx puts new content in the page.
(function () {
  "use strict";

  var CONFIG = { responsive: true, displaylogo: false, displayModeBar: false };

  function draw(element) {
    var figure = JSON.parse(element.getAttribute("data-figure"));
    // Content restored from htmx's history cache holds Plotly's markup without its state.
    element.replaceChildren();
    window.Plotly.newPlot(element, figure.data, figure.layout, CONFIG);
  }

  function drawWithin(root) {
    if (!window.Plotly || !root.querySelectorAll) return;
    if (root.matches("[data-figure]")) draw(root);
    root.querySelectorAll("[data-figure]").forEach(draw);
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
