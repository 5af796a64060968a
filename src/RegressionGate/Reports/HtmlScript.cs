namespace RegressionGate.Reports;

/// <summary>
/// The HTML report's charts: plain JavaScript that reads the page's <c>chart-data</c> JSON and draws SVG into the
/// page's empty <c>svg.chart</c> elements. Text goes in through <c>textContent</c> only, elements are created in the
/// namespace of the page's own SVG element, and nothing is fetched.
/// </summary>
static class HtmlScript
{
    public const string Js = """
        (function () {
          'use strict';
          var data = JSON.parse(document.getElementById('chart-data').textContent);

          function el(parent, name, attrs, text) {
            var node = document.createElementNS(parent.namespaceURI, name);
            Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, String(attrs[key])); });
            if (text !== undefined) node.textContent = text;
            parent.appendChild(node);
            return node;
          }
          function tip(node, text) { el(node, 'title', {}, text); return node; }
          function fmt(value) { return value === null ? 'n/a' : value.toFixed(3); }
          function frame(svg, width, height) {
            svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
            svg.setAttribute('width', width);
            svg.setAttribute('height', height);
          }
          function empty(svg, width, height, message) {
            el(svg, 'text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', 'class': 'empty' }, message);
          }
          function yAxis(svg, box, ticks, max, format) {
            ticks.forEach(function (tick) {
              var y = box.top + box.height * (1 - tick / max);
              el(svg, 'line', { x1: box.left, x2: box.left + box.width, y1: y, y2: y, 'class': 'grid' });
              el(svg, 'text', { x: box.left - 6, y: y + 4, 'text-anchor': 'end', 'class': 'tick' }, format(tick));
            });
          }
          function legend(svg, x, y, entries) {
            entries.forEach(function (entry, i) {
              var at = x + i * 110;
              el(svg, 'rect', { x: at, y: y - 10, width: 12, height: 12, 'class': 'swatch ' + entry[1] });
              el(svg, 'text', { x: at + 17, y: y, 'class': 'axis' }, entry[0]);
            });
          }
          function countTicks(max) {
            var step = Math.max(1, Math.ceil(max / 5));
            var ticks = [];
            for (var t = 0; t <= max; t += step) ticks.push(t);
            if (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step);
            return ticks;
          }

          // Retrieval metrics: baseline and current bars per metric, the current value's 95% interval, the floor.
          function metrics(svg) {
            var rows = data.metrics, width = 560, height = 300;
            var box = { left: 48, top: 24, width: 560 - 48 - 16, height: 300 - 24 - 70 };
            frame(svg, width, height);
            if (!rows.some(function (r) { return r.current !== null || r.baseline !== null; })) {
              empty(svg, width, height, 'Retrieval was not measured: no question names relevant segments.');
              return;
            }
            var y = function (v) { return box.top + box.height * (1 - v); };
            yAxis(svg, box, [0, 0.25, 0.5, 0.75, 1], 1, function (t) { return t.toFixed(2); });
            var group = box.width / rows.length, bar = Math.min(52, group / 3);
            rows.forEach(function (r, i) {
              var center = box.left + group * i + group / 2;
              var both = r.baseline !== null && r.current !== null;
              if (r.baseline !== null) {
                var bx = both ? center - bar - 2 : center - bar / 2;
                tip(el(svg, 'rect', { x: bx, y: y(r.baseline), width: bar, height: box.height * r.baseline,
                  'class': 'bar baseline', 'data-metric': r.key, 'data-series': 'baseline', 'data-value': r.baseline }), r.name + ' baseline: ' + fmt(r.baseline));
                el(svg, 'text', { x: bx + bar / 2, y: y(r.baseline) - 4, 'text-anchor': 'middle', 'class': 'tick' }, fmt(r.baseline));
              }
              if (r.current !== null) {
                var cx = both ? center + 2 : center - bar / 2;
                tip(el(svg, 'rect', { x: cx, y: y(r.current), width: bar, height: box.height * r.current,
                  'class': 'bar current' + (r.failed ? ' fail' : ''), 'data-metric': r.key, 'data-series': 'current', 'data-value': r.current }),
                  r.name + ' current: ' + fmt(r.current) + (r.low !== null ? ' (95% interval ' + fmt(r.low) + ' to ' + fmt(r.high) + ')' : ''));
                if (r.low !== null && r.high !== null) {
                  var mid = cx + bar / 2;
                  el(svg, 'line', { x1: mid, x2: mid, y1: y(r.low), y2: y(r.high), 'class': 'interval' });
                  el(svg, 'line', { x1: mid - 6, x2: mid + 6, y1: y(r.low), y2: y(r.low), 'class': 'interval' });
                  el(svg, 'line', { x1: mid - 6, x2: mid + 6, y1: y(r.high), y2: y(r.high), 'class': 'interval' });
                }
                el(svg, 'text', { x: cx + bar / 2, y: Math.min(y(r.current), r.high !== null ? y(r.high) : box.height) - 4, 'text-anchor': 'middle', 'class': 'tick' }, fmt(r.current));
              }
              tip(el(svg, 'line', { x1: center - bar - 8, x2: center + bar + 8, y1: y(r.floor), y2: y(r.floor), 'class': 'floor' }), r.name + ' floor: ' + r.floor);
              el(svg, 'text', { x: center, y: box.top + box.height + 18, 'text-anchor': 'middle' }, r.name);
            });
            legend(svg, box.left, height - 16, [['baseline', 'baseline'], ['current', 'current'], ['floor', 'floor']]);
          }

          // Confusion matrix as a heat map: rows manual, columns automated, the diagonal outlined.
          function confusion(svg) {
            var c = data.confusion, width = 360, height = 320;
            frame(svg, width, height);
            if (c === null) { empty(svg, width, height, 'No answer has both a manual label and a judgment.'); return; }
            var size = 72, left = 96, top = 64, max = 1;
            c.rows.forEach(function (row) { row.forEach(function (n) { max = Math.max(max, n); }); });
            el(svg, 'text', { x: left + size * 1.5, y: 22, 'text-anchor': 'middle', 'class': 'axis' }, 'automated label');
            el(svg, 'text', { x: 16, y: top + size * 1.5, 'text-anchor': 'middle', 'class': 'axis', transform: 'rotate(-90 16 ' + (top + size * 1.5) + ')' }, 'manual label');
            c.labels.forEach(function (label, i) {
              el(svg, 'text', { x: left + size * i + size / 2, y: top - 10, 'text-anchor': 'middle' }, label);
              el(svg, 'text', { x: left - 12, y: top + size * i + size / 2 + 5, 'text-anchor': 'end' }, label);
            });
            c.rows.forEach(function (row, m) {
              row.forEach(function (n, a) {
                var x = left + size * a, y = top + size * m, share = n / max;
                tip(el(svg, 'rect', { x: x, y: y, width: size, height: size, 'fill-opacity': (0.06 + 0.94 * share).toFixed(3),
                  'class': 'cell' + (m === a ? ' diagonal' : ''), 'data-manual': c.labels[m], 'data-automated': c.labels[a], 'data-count': n }),
                  'manual ' + c.labels[m] + ', automated ' + c.labels[a] + ': ' + n + (n === 1 ? ' answer' : ' answers'));
                el(svg, 'text', { x: x + size / 2, y: y + size / 2 + 5, 'text-anchor': 'middle', 'class': 'count' + (share > 0.55 ? ' light' : '') }, String(n));
              });
            });
          }

          // AR score distribution: for each score, one bar per manual label counting the answers people labelled so.
          function arDistribution(svg) {
            var d = data.arDistribution, width = 560, height = 300;
            var box = { left: 48, top: 24, width: 560 - 48 - 16, height: 300 - 24 - 70 };
            frame(svg, width, height);
            if (d === null) { empty(svg, width, height, 'No answer was judged.'); return; }
            var max = 1;
            d.groups.forEach(function (g) { g.counts.forEach(function (n) { max = Math.max(max, n); }); });
            var ticks = countTicks(max), top = ticks[ticks.length - 1];
            yAxis(svg, box, ticks, top, String);
            var slot = box.width / d.bins.length, bar = Math.min(36, (slot - 16) / d.groups.length);
            d.bins.forEach(function (bin, b) {
              var start = box.left + slot * b + (slot - bar * d.groups.length) / 2;
              d.groups.forEach(function (g, i) {
                var n = g.counts[b], h = box.height * n / top;
                tip(el(svg, 'rect', { x: start + bar * i, y: box.top + box.height - h, width: Math.max(bar - 2, 1), height: h,
                  'class': 'bar label-' + g.manual, 'data-manual': g.manual, 'data-score': bin, 'data-count': n }),
                  (g.manual === 'none' ? 'no manual label' : 'manual ' + g.manual) + ', AR ' + bin + ': ' + n + (n === 1 ? ' answer' : ' answers'));
              });
              el(svg, 'text', { x: box.left + slot * b + slot / 2, y: box.top + box.height + 18, 'text-anchor': 'middle' }, 'AR ' + bin);
            });
            legend(svg, box.left, height - 16, d.groups.map(function (g) {
              return [g.manual === 'none' ? 'no manual label' : 'manual ' + g.manual, 'label-' + g.manual];
            }));
          }

          // Rank-biased overlap of each question's ranking with its baseline, lowest first, against the minimum. Every bar
          // is labelled with its question id (turned upright, shortened past 12 characters; the tooltip has it whole), and
          // the chart grows wider rather than drop labels when there are many questions.
          function overlap(svg) {
            var o = data.overlap, n = o.questions.length, minStep = 16;
            var left = 48, right = 16, top = 20, bottom = 100;
            var width = Math.max(900, left + right + n * minStep), height = 340;
            var box = { left: left, top: top, width: width - left - right, height: height - top - bottom };
            frame(svg, width, height);
            if (n === 0) { empty(svg, width, height, 'No question has a verified baseline ranking to compare with.'); return; }
            var y = function (v) { return box.top + box.height * (1 - v); };
            yAxis(svg, box, [0, 0.25, 0.5, 0.75, 1], 1, function (t) { return t.toFixed(2); });
            var step = Math.min(box.width / n, 28), gap = step > 4 ? 2 : 0;
            o.questions.forEach(function (q, i) {
              var node = tip(el(svg, 'rect', { x: box.left + step * i, y: y(q.value), width: Math.max(step - gap, 0.5), height: box.height * q.value,
                'class': 'bar overlap' + (q.passed ? '' : ' fail'), 'data-question': q.id, 'data-value': q.value }), q.id + ': RBO ' + fmt(q.value));
              node.addEventListener('click', function () { location.hash = q.anchor; });
              var x = box.left + step * i + step / 2 + 4, ty = box.top + box.height + 8;
              var label = q.id.length > 12 ? q.id.slice(0, 11) + '\u2026' : q.id;
              tip(el(svg, 'text', { x: x, y: ty, 'text-anchor': 'end', 'class': 'tick bar-label', 'data-question': q.id,
                transform: 'rotate(-90 ' + x + ' ' + ty + ')' }, label), q.id);
            });
            tip(el(svg, 'line', { x1: box.left, x2: box.left + box.width, y1: y(o.minimum), y2: y(o.minimum), 'class': 'threshold' }), 'minimum ' + o.minimum);
            el(svg, 'text', { x: box.left + box.width / 2, y: height - 12, 'text-anchor': 'middle', 'class': 'axis' },
              n + ' questions with a baseline, lowest overlap first (p = ' + o.p + '; dashed: minimum ' + o.minimum + ')');
          }

          // One metric's distribution: how many questions scored in each tenth of 0–1, with the mean and its baseline.
          function metricDistribution(svg, d) {
            var width = 440, height = 260;
            var box = { left: 40, top: 24, width: 440 - 40 - 12, height: 260 - 24 - 64 };
            frame(svg, width, height);
            var total = d.counts.reduce(function (a, n) { return a + n; }, 0);
            if (total === 0) { empty(svg, width, height, 'No question had anything to grade for ' + d.name + '.'); return; }
            var max = Math.max.apply(null, d.counts.concat([1]));
            var ticks = countTicks(max), top = ticks[ticks.length - 1];
            yAxis(svg, box, ticks, top, String);
            var slot = box.width / d.bins.length;
            d.bins.forEach(function (bin, b) {
              var n = d.counts[b], h = box.height * n / top, upper = (b + 1) / d.bins.length;
              tip(el(svg, 'rect', { x: box.left + slot * b + 1, y: box.top + box.height - h, width: Math.max(slot - 2, 1), height: h,
                'class': 'bar current', 'data-metric': d.key, 'data-bin': bin, 'data-count': n }),
                d.name + ' ' + bin + '–' + upper.toFixed(1) + ': ' + n + (n === 1 ? ' question' : ' questions'));
              el(svg, 'text', { x: box.left + slot * b + slot / 2, y: box.top + box.height + 14, 'text-anchor': 'middle', 'class': 'tick' }, bin);
            });
            var x = function (v) { return box.left + box.width * v; };
            if (d.baseline !== null)
              tip(el(svg, 'line', { x1: x(d.baseline), x2: x(d.baseline), y1: box.top, y2: box.top + box.height, 'class': 'floor', 'data-series': 'baseline', 'data-value': d.baseline }), 'baseline mean ' + fmt(d.baseline));
            if (d.mean !== null)
              tip(el(svg, 'line', { x1: x(d.mean), x2: x(d.mean), y1: box.top, y2: box.top + box.height, 'class': 'threshold', 'data-series': 'mean', 'data-value': d.mean }), 'mean ' + fmt(d.mean));
            el(svg, 'text', { x: box.left + box.width / 2, y: height - 12, 'text-anchor': 'middle', 'class': 'axis' },
              d.name + ': ' + total + ' questions, mean ' + fmt(d.mean) + (d.baseline !== null ? ' (baseline ' + fmt(d.baseline) + ')' : ''));
          }

          var charts = { 'chart-metrics': metrics, 'chart-confusion': confusion, 'chart-ar': arDistribution, 'chart-overlap': overlap };
          data.metricDistributions.forEach(function (d) {
            charts['chart-metric-' + d.key] = function (svg) { metricDistribution(svg, d); };
          });
          Object.keys(charts).forEach(function (id) {
            var svg = document.getElementById(id);
            if (!svg) return;
            try {
              charts[id](svg);
              svg.setAttribute('data-drawn', 'true');
            } catch (e) {
              el(svg, 'text', { x: 10, y: 20, 'class': 'error' }, 'chart failed: ' + e);
            }
          });
        })();
        """;
}
