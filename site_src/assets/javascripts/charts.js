// Draws the interactive chart of every [data-chart] box with Plotly, loaded from this site only when
// a chart comes near the screen. Until then (and without JavaScript, and in print) the box shows the
// chart's static SVG picture, which also gives the box its size: Plotly draws in a layer over it. The bundle is plotly.js's official "basic" one (scatter, bar,
// pie: every kind of chart the site draws), a quarter of the full bundle's size. Redraws when the
// reader switches between light and dark.
(function () {
  "use strict";
  var plotlySrc = document.currentScript.src.replace(/charts\.js(\?.*)?$/, "vendor/plotly-basic.min.js");
  var plotly = null;

  function loadPlotly() {
    if (!plotly) {
      plotly = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = plotlySrc;
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return plotly;
  }

  function colours() {
    var style = getComputedStyle(document.body);
    return {
      text: style.getPropertyValue("--md-default-fg-color").trim() || "#000",
      grid: style.getPropertyValue("--md-default-fg-color--lightest").trim() || "#ddd",
      paper: style.getPropertyValue("--md-default-bg-color").trim() || "#fff"
    };
  }

  // No mode bar: its buttons would sit in the tab order inside the aria-hidden box, and its "download
  // as PNG" needs a blob: image the site's policy refuses; the caption links the SVG and the CSV.
  var config = { responsive: true, displayModeBar: false };

  function draw(element) {
    Promise.all([loadPlotly(), fetch(element.dataset.chart).then(function (r) { return r.json(); })])
      .then(function (loaded) {
        var figure = loaded[1], c = colours();
        var layer = element.querySelector(".chart__interactive");
        if (!layer) {
          layer = document.createElement("div");
          layer.className = "chart__interactive";
          element.appendChild(layer);
        }
        var layout = Object.assign({}, figure.layout, {
          paper_bgcolor: c.paper, plot_bgcolor: c.paper, font: { color: c.text },
          xaxis: Object.assign({}, figure.layout.xaxis, { gridcolor: c.grid }),
          yaxis: Object.assign({}, figure.layout.yaxis, { gridcolor: c.grid })
        });
        return loaded[0].react(layer, figure.data, layout, config).then(function () {
          element.dataset.drawn = "true";
        });
      });
  }

  // A chart draws once it is near the screen and the reader has done something on the page
  // (scrolled, moved the pointer, touched, pressed a key). A chart in view on arrival thus waits
  // for the first sign of a reader instead of making every visit, robots' too, pay for plotly.js;
  // its summary and data table are on the page from the start.
  var readerActive = false;
  var waiting = [];
  ["scroll", "pointermove", "pointerdown", "touchstart", "keydown"].forEach(function (type) {
    window.addEventListener(type, function () {
      readerActive = true;
      waiting.splice(0).forEach(draw);
    }, { once: true, passive: true, capture: true });
  });

  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) { return; }
      observer.unobserve(entry.target);
      if (readerActive) { draw(entry.target); } else { waiting.push(entry.target); }
    });
  }, { rootMargin: "200px" });

  function init() {
    document.querySelectorAll("[data-chart]").forEach(function (element) { observer.observe(element); });
  }

  new MutationObserver(function () {
    document.querySelectorAll("[data-chart][data-drawn]").forEach(draw);
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  init();
})();
