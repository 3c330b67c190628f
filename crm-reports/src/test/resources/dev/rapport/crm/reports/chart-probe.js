// Measures each chart of the analytics report as the browser laid it out, and writes what it
// found into the page, for ChromiumRenderTest to read from the DOM that Chromium dumps:
//   data-rendered  the <svg>'s width x height on the page, in CSS pixels
//   data-texts     how many of its <text> elements have a box of non-zero size
//   data-marks     per series: how many shapes filled with the series' colour, of non-zero size,
//                  lie (by their centre) inside the chart's data area (so legend swatches,
//                  drawn outside it, are not counted)
(function () {
  function norm(colour) {
    return String(colour).replace(/\s+/g, '');
  }
  document.querySelectorAll('figure.chart').forEach(function (fig) {
    var svg = fig.querySelector('svg');
    if (!svg) {
      fig.setAttribute('data-rendered', 'no-svg');
      return;
    }
    var box = svg.getBoundingClientRect();
    var scale = box.width / svg.width.baseVal.value;
    var p = fig.getAttribute('data-plot').split(',').map(Number);
    var area = {left: box.left + p[0] * scale - 1, top: box.top + p[1] * scale - 1,
      right: box.left + (p[0] + p[2]) * scale + 1, bottom: box.top + (p[1] + p[3]) * scale + 1};
    var series = fig.getAttribute('data-series').split(';').map(function (s) {
      var i = s.lastIndexOf('=');
      return {name: s.substring(0, i), colour: norm(s.substring(i + 1)), marks: 0};
    });
    svg.querySelectorAll('rect, path, ellipse, circle, polygon').forEach(function (el) {
      var b = el.getBoundingClientRect();
      if (b.width < 0.5 || b.height < 0.5) {
        return;
      }
      var x = b.left + b.width / 2;
      var y = b.top + b.height / 2;
      if (x < area.left || x > area.right || y < area.top || y > area.bottom) {
        return;
      }
      var fill = norm(getComputedStyle(el).fill);
      series.forEach(function (s) {
        if (s.colour === fill) {
          s.marks++;
        }
      });
    });
    var texts = 0;
    svg.querySelectorAll('text').forEach(function (t) {
      var b = t.getBBox();
      if (b.width > 0 && b.height > 0) {
        texts++;
      }
    });
    fig.setAttribute('data-rendered', Math.round(box.width) + 'x' + Math.round(box.height));
    fig.setAttribute('data-texts', String(texts));
    fig.setAttribute('data-marks', series.map(function (s) { return s.name + '=' + s.marks; }).join(';'));
  });
  document.body.setAttribute('data-probe', 'done');
})();
