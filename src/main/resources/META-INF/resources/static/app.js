// shop-health pages: behaviour attached by data attributes, no inline scripts (the pages' CSP allows only 'self').
(function () {
  'use strict';

  function trendChart(canvas) {
    if (!window.Chart) { return; }
    var d = JSON.parse(canvas.getAttribute('data-chart'));
    var colors = ['rgba(154,103,0,0.12)', 'rgba(188,76,0,0.14)', 'rgba(207,34,46,0.14)'];
    var bands = {
      id: 'bands',
      beforeDatasetsDraw: function (chart) {
        var y = chart.scales.y, area = chart.chartArea, ctx = chart.ctx;
        var edges = d.bands.concat([100]);
        for (var i = 0; i < d.bands.length; i++) {
          var top = y.getPixelForValue(edges[i + 1]), bottom = y.getPixelForValue(edges[i]);
          ctx.save(); ctx.fillStyle = colors[i];
          ctx.fillRect(area.left, top, area.right - area.left, bottom - top); ctx.restore();
        }
      }
    };
    canvas.chart = new Chart(canvas, {
      type: 'line',
      data: { labels: d.labels, datasets: [{ label: d.label, data: d.scores, borderColor: '#0b5cad',
        backgroundColor: '#0b5cad', tension: 0.2, pointRadius: 2 }] },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { min: 0, max: 100 } },
        plugins: { legend: { display: false }, tooltip: { callbacks: {
          afterLabel: function (item) { return d.levels[item.dataIndex]; } } } } },
      plugins: [bands]
    });
    canvas.setAttribute('data-drawn', 'true');
  }

  // verdicts before and after a change: data-bar-chart='{"labels":[…],"before":[…],"after":[…],…}'
  function barChart(canvas) {
    if (!window.Chart) { return; }
    var d = JSON.parse(canvas.getAttribute('data-bar-chart'));
    canvas.chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: d.labels, datasets: [
        { label: d.beforeLabel, data: d.before, backgroundColor: '#8c959f' },
        { label: d.afterLabel, data: d.after, backgroundColor: '#0b5cad' }] },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
    canvas.setAttribute('data-drawn', 'true');
  }

  // a text area with line numbers beside it: the gutter follows its lines and its scrolling; lines with a
  // problem (data-marked="3,17") stay marked
  function lined(area) {
    var gutter = document.querySelector('[data-gutter-for="' + area.id + '"]');
    if (!gutter) { return; }
    var marked = (gutter.getAttribute('data-marked') || '').split(',').filter(Boolean);
    var count = -1;
    function update() {
      var n = area.value.split('\n').length;
      if (n === count) { return; }
      count = n;
      var html = [];
      for (var i = 1; i <= n; i++) {
        html.push(marked.indexOf(String(i)) >= 0 ? '<span class="bad">' + i + '</span>' : '<span>' + i + '</span>');
      }
      gutter.innerHTML = html.join('\n');
    }
    area.addEventListener('input', update);
    area.addEventListener('scroll', function () { gutter.scrollTop = area.scrollTop; });
    update();
    // a problem's link (#L12) puts the cursor on that line
    var m = /^#L(\d+)$/.exec(location.hash);
    if (m) {
      var lines = area.value.split('\n'), pos = 0;
      for (var j = 0; j < Number(m[1]) - 1 && j < lines.length; j++) { pos += lines[j].length + 1; }
      area.focus(); area.setSelectionRange(pos, pos);
      area.scrollTop = Math.max(0, (Number(m[1]) - 5) * parseFloat(getComputedStyle(area).lineHeight));
    }
  }

  // a counter under a textarea with maxlength: data-counter="id of the element that shows it"
  function counter(area) {
    var out = document.getElementById(area.getAttribute('data-counter'));
    function update() { out.textContent = area.value.length + ' / ' + area.getAttribute('maxlength'); }
    area.addEventListener('input', update); update();
  }

  // the explanation is required for the reason OTHER
  function reasonRequires(form) {
    var detail = form.querySelector('[name=detail]');
    function update() {
      var other = form.querySelector('[name=reason]:checked');
      detail.required = !!other && other.value === 'OTHER';
    }
    form.querySelectorAll('[name=reason]').forEach(function (r) { r.addEventListener('change', update); });
    update();
  }

  // keyboard shortcuts listed on the page: data-shortcut="key" clicks (links, buttons) or focuses (inputs)
  function shortcuts() {
    var map = {};
    document.querySelectorAll('[data-shortcut]').forEach(function (el) { map[el.getAttribute('data-shortcut')] = el; });
    if (!Object.keys(map).length) { return; }
    document.addEventListener('keydown', function (e) {
      var t = e.target;
      if (e.ctrlKey || e.metaKey || e.altKey || (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT'))) { return; }
      var el = map[e.key];
      if (!el) { return; }
      e.preventDefault();
      if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') { el.focus(); } else { el.click(); }
    });
  }

  function init() {
    // the trend arrives as an htmx fragment after the page: draw charts in whatever content htmx adds
    if (window.htmx) {
      htmx.onLoad(function (elt) {
        if (!elt.querySelectorAll) { return; }
        if (elt.matches('canvas[data-chart]:not([data-drawn])')) { trendChart(elt); }
        elt.querySelectorAll('canvas[data-chart]:not([data-drawn])').forEach(trendChart);
        elt.querySelectorAll('canvas[data-bar-chart]:not([data-drawn])').forEach(barChart);
      });
    }
    document.querySelectorAll('canvas[data-chart]:not([data-drawn])').forEach(trendChart);
    document.querySelectorAll('canvas[data-bar-chart]:not([data-drawn])').forEach(barChart);
    document.querySelectorAll('textarea[data-lines]').forEach(lined);
    document.querySelectorAll('textarea[data-counter]').forEach(counter);
    document.querySelectorAll('form[data-cancel-form]').forEach(reasonRequires);
    shortcuts();
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
