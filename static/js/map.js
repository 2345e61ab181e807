// Draws /map/ (apps/maps) with plotly.js, from this site's static files only: province outlines
// from the GeoJSON named by this script's data-outlines attribute (fetched once), then one marker
// per covered city, coloured by its value. A click on a marker opens the city's profile.
// Longitude and latitude are drawn as x and y, the latitude axis stretched by 1/cos(36°) so that
// China keeps its shape (an equirectangular projection true at the country's middle latitude).
(function () {
  "use strict";

  var OUTLINES_URL = document.currentScript && document.currentScript.getAttribute("data-outlines");
  var FONT = "WenQuanYi Micro Hei, PingFang SC, Microsoft YaHei, Noto Sans CJK SC, system-ui, sans-serif";
  var CONFIG = { responsive: true, displaylogo: false, displayModeBar: false, scrollZoom: false };
  var MIDDLE_LATITUDE = 36;
  var LON_RANGE = [73, 141.5];
  var LAT_RANGE = [16.5, 54];
  var NO_VALUE = "#cbd5e1";
  var COLORSCALE = [[0, "#fde68a"], [0.5, "#f97316"], [1, "#9f1239"]];
  var outlines = null;

  function rings(geometry) {
    if (!geometry) return [];
    if (geometry.type === "Polygon") return geometry.coordinates;
    if (geometry.type === "MultiPolygon") return [].concat.apply([], geometry.coordinates);
    return [];
  }

  // Every ring of every province as one line: null between rings keeps them apart. The data draws
  // the South China Sea islands in their own framed inset to the south-east, as Chinese maps do.
  function toLines(geojson) {
    var lines = { lon: [], lat: [] };
    geojson.features.forEach(function (feature) {
      rings(feature.geometry).forEach(function (ring) {
        ring.forEach(function (point) {
          lines.lon.push(point[0]);
          lines.lat.push(point[1]);
        });
        lines.lon.push(null);
        lines.lat.push(null);
      });
    });
    return lines;
  }

  function loadOutlines() {
    if (!outlines) {
      outlines = fetch(OUTLINES_URL)
        .then(function (response) {
          if (!response.ok) throw new Error("map outlines: HTTP " + response.status);
          return response.json();
        })
        .then(toLines);
      outlines.catch(function () { outlines = null; }); // try again on the next draw
    }
    return outlines;
  }

  function hoverText(city) {
    return "<b>" + city.name + "</b> " + (city.name_en || "") + "<br>" + city.label;
  }

  function markers(cities, options) {
    return {
      type: "scatter", mode: "markers", name: options.name, showlegend: options.showlegend,
      x: cities.map(function (c) { return c.lon; }),
      y: cities.map(function (c) { return c.lat; }),
      text: cities.map(hoverText),
      customdata: cities.map(function (c) { return c.url; }),
      hovertemplate: "%{text}<extra></extra>",
      marker: Object.assign({ size: 12, line: { color: "#ffffff", width: 1.5 } }, options.marker),
    };
  }

  function figure(data, lines) {
    var placed = data.cities.filter(function (c) { return c.lon !== null && c.lat !== null; });
    var isEmpty = function (c) { return c.value === null || (data.mode === "tag" && c.value === 0); };
    var empty = placed.filter(isEmpty);
    var valued = placed.filter(function (c) { return !isEmpty(c); });
    var traces = [
      {
        type: "scatter", mode: "lines", x: lines.lon, y: lines.lat, hoverinfo: "skip", showlegend: false,
        fill: "toself", fillcolor: "#f8fafc", line: { color: "#94a3b8", width: 0.7 },
      },
      markers(empty, { name: data.empty_label, showlegend: empty.length > 0, marker: { color: NO_VALUE } }),
    ];
    if (valued.length) {
      traces.push(markers(valued, {
        name: data.title, showlegend: false,
        marker: {
          color: valued.map(function (c) { return c.value; }), colorscale: COLORSCALE, showscale: true,
          // Counts of clusters tick by whole numbers; figures in full (15,456, not 15k: 亿元 is the unit).
          colorbar: Object.assign({ title: { text: data.unit, side: "top" }, thickness: 12, len: 0.5, x: 1, y: 0.75,
                                    tickformat: ",~g" }, data.mode === "tag" ? { tick0: 0, dtick: 1 } : {}),
        },
      }));
    }
    var hidden = { visible: false, showgrid: false, zeroline: false };
    var layout = {
      margin: { l: 0, r: 0, t: 0, b: 0 },
      font: { family: FONT, size: 13, color: "#1e293b" },
      paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)",
      hovermode: "closest", hoverlabel: { font: { family: FONT } }, dragmode: "pan",
      xaxis: Object.assign({ range: LON_RANGE, constrain: "domain" }, hidden),
      yaxis: Object.assign({ range: LAT_RANGE, scaleanchor: "x", constrain: "domain",
                             scaleratio: 1 / Math.cos(MIDDLE_LATITUDE * Math.PI / 180) }, hidden),
      legend: { x: 0, y: 0, xanchor: "left", yanchor: "bottom", bgcolor: "rgba(255,255,255,0.8)" },
    };
    return { data: traces, layout: layout };
  }

  function draw(element) {
    var source = document.getElementById(element.getAttribute("data-map"));
    if (!source || !window.Plotly) return;
    var data = JSON.parse(source.textContent);
    loadOutlines().then(function (lines) {
      if (!element.isConnected) return;
      var built = figure(data, lines);
      element.replaceChildren(); // markup restored from htmx's history cache has no Plotly state
      window.Plotly.newPlot(element, built.data, built.layout, CONFIG).then(function () {
        element.setAttribute("data-drawn", "true");
      });
      element.on("plotly_click", function (event) {
        var point = event.points && event.points[0];
        if (point && point.customdata) window.location.assign(point.customdata);
      });
      var dragLayer = function () { return element.querySelector(".nsewdrag"); };
      element.on("plotly_hover", function () { if (dragLayer()) dragLayer().style.cursor = "pointer"; });
      element.on("plotly_unhover", function () { if (dragLayer()) dragLayer().style.cursor = ""; });
    });
  }

  function drawWithin(root) {
    if (!root.querySelectorAll) return;
    if (root.matches("[data-map]")) draw(root);
    root.querySelectorAll("[data-map]").forEach(draw);
  }

  // htmx fires htmx:load for the body at start-up, for swapped-in content and for restored history.
  document.addEventListener("htmx:load", function (event) { drawWithin(event.detail.elt); });

  document.addEventListener("htmx:beforeCleanupElement", function (event) {
    var element = event.detail.elt;
    if (window.Plotly && element.matches && element.matches("[data-map]")) window.Plotly.purge(element);
  });

  // Without htmx (blocked or failed to load) the map still draws once.
  document.addEventListener("DOMContentLoaded", function () {
    if (!window.htmx) drawWithin(document.body);
  });
})();
