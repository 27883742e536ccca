// Mounts every <canvas data-chart="…"> on the page. The server builds each chart's config; this
// script only adds what JSON cannot carry: tooltip text, click-through to the paper, error bars.
(function () {
  'use strict';

  function pointOf(chart, element) {
    var dataset = chart.data.datasets[element.datasetIndex];
    return dataset && dataset.data ? dataset.data[element.index] : undefined;
  }

  function formatNumber(value) {
    return typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : String(value);
  }

  var errorBars = {
    id: 'benchledgerErrorBars',
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      var yScale = chart.scales.y;
      chart.data.datasets.forEach(function (dataset, datasetIndex) {
        var meta = chart.getDatasetMeta(datasetIndex);
        if (meta.hidden || meta.type === 'line') return;
        meta.data.forEach(function (element, index) {
          var point = dataset.data[index];
          if (!point || typeof point.stderr !== 'number' || !(point.stderr > 0)) return;
          var top = yScale.getPixelForValue(point.y + point.stderr);
          var bottom = yScale.getPixelForValue(point.y - point.stderr);
          ctx.save();
          ctx.strokeStyle = dataset.borderColor || '#000';
          ctx.lineWidth = 1;
          ctx.beginPath();
          ctx.moveTo(element.x, top);
          ctx.lineTo(element.x, bottom);
          ctx.moveTo(element.x - 4, top);
          ctx.lineTo(element.x + 4, top);
          ctx.moveTo(element.x - 4, bottom);
          ctx.lineTo(element.x + 4, bottom);
          ctx.stroke();
          ctx.restore();
        });
      });
    },
  };

  function enhance(config) {
    var options = (config.options = config.options || {});
    var plugins = (options.plugins = options.plugins || {});
    var tooltip = (plugins.tooltip = plugins.tooltip || {});
    tooltip.callbacks = {
      label: function (item) {
        // Scatter points are objects with their own label; bar values are plain numbers.
        var point = typeof item.raw === 'object' && item.raw ? item.raw : {};
        var y = typeof item.raw === 'number' ? item.raw : point.y;
        var text = (point.label || item.dataset.label || '') + ': ' + formatNumber(y);
        if (typeof point.stderr === 'number') text += ' ± ' + formatNumber(point.stderr);
        return text;
      },
      afterLabel: function (item) {
        var point = typeof item.raw === 'object' && item.raw ? item.raw : {};
        return point.paper ? point.paper : '';
      },
    };
    options.onClick = function (event, elements, chart) {
      for (var i = 0; i < elements.length; i += 1) {
        var point = pointOf(chart, elements[i]);
        if (point && point.href) {
          window.location.assign(point.href);
          return;
        }
      }
    };
    options.onHover = function (event, elements, chart) {
      var linked = elements.some(function (element) {
        var point = pointOf(chart, element);
        return point && point.href;
      });
      chart.canvas.classList.toggle('clickable', linked);
    };
    if (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
      options.animation = false;
    }
    options.responsive = true;
    options.maintainAspectRatio = false;
    config.plugins = [errorBars];
    return config;
  }

  function mount(canvas) {
    try {
      var config = JSON.parse(canvas.getAttribute('data-chart'));
      new Chart(canvas, enhance(config));
      canvas.setAttribute('data-mounted', 'true');
    } catch (error) {
      canvas.setAttribute('data-mounted', 'failed');
      throw error;
    }
  }

  function mountAll() {
    if (typeof Chart === 'undefined') return;
    Array.prototype.forEach.call(document.querySelectorAll('canvas[data-chart]'), mount);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
})();
