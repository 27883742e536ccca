// Progressive enhancement for the submission forms: the forms work without it. It narrows each
// row's metric and recipe choices to the chosen benchmark and, on the table form, adds and
// removes rows, renumbering their names so the server reads rows[i][field].
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  function narrowChoices(row) {
    var benchmark = row.querySelector('select[name$="[benchmark]"]');
    var metric = row.querySelector('select[name$="[metric]"]');
    var recipe = row.querySelector('select[name$="[recipe]"]');
    if (!benchmark || !metric) return;
    var chosen = benchmark.options[benchmark.selectedIndex];
    var allowed =
      chosen && chosen.value ? (chosen.getAttribute('data-metrics') || '').split(' ') : null;
    Array.prototype.forEach.call(metric.options, function (option) {
      var show = !option.value || !allowed || allowed.indexOf(option.value) >= 0;
      option.hidden = !show;
      option.disabled = !show;
    });
    if (allowed && metric.value && allowed.indexOf(metric.value) < 0) metric.value = '';
    if (allowed && !metric.value && allowed.length === 1) metric.value = allowed[0];
    if (recipe) {
      Array.prototype.forEach.call(recipe.options, function (option) {
        var forBenchmark = option.getAttribute('data-benchmark');
        var show = !forBenchmark || !chosen || !chosen.value || forBenchmark === chosen.value;
        option.hidden = !show;
        option.disabled = !show;
      });
      if (recipe.selectedOptions[0] && recipe.selectedOptions[0].disabled) recipe.value = '';
    }
  }

  function renumber(row, key) {
    var number = Number(key) + 1;
    row.setAttribute('data-row', key);
    var legend = row.querySelector('legend');
    if (legend) legend.textContent = 'Row ' + number;
    row
      .querySelectorAll('[name], [id], [for], [aria-describedby], [data-field]')
      .forEach(function (el) {
        ['name', 'id', 'for', 'aria-describedby', 'data-field'].forEach(function (attr) {
          var value = el.getAttribute(attr);
          if (value === null) return;
          el.setAttribute(
            attr,
            value
              .replace(/rows\[\d+\]/g, 'rows[' + key + ']')
              .replace(/rows-\d+-/g, 'rows-' + key + '-'),
          );
        });
      });
  }

  function clear(row) {
    row.querySelectorAll('.field-error').forEach(function (el) {
      el.remove();
    });
    row.querySelectorAll('[aria-invalid]').forEach(function (el) {
      el.removeAttribute('aria-invalid');
      var describedBy = (el.getAttribute('aria-describedby') || '')
        .split(' ')
        .filter(function (id) {
          return id && !/-error$/.test(id);
        })
        .join(' ');
      if (describedBy) el.setAttribute('aria-describedby', describedBy);
      else el.removeAttribute('aria-describedby');
    });
    row.querySelectorAll('input').forEach(function (input) {
      input.value = '';
    });
    // A select without an empty choice (split, adaptation, role) keeps its value.
    row.querySelectorAll('select').forEach(function (select) {
      var empty = Array.prototype.some.call(select.options, function (option) {
        return option.value === '';
      });
      if (empty) select.value = '';
    });
  }

  function removeButton(row, container) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary outline remove-row';
    button.textContent = 'Remove this row';
    button.addEventListener('click', function () {
      if (container.querySelectorAll('fieldset.claim-row').length <= 1) {
        clear(row);
        return;
      }
      var next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      var focusTarget = next && next.querySelector('input, select');
      if (focusTarget) focusTarget.focus();
    });
    row.appendChild(button);
  }

  function enhanceTable(form) {
    var container = form.querySelector('#rows');
    if (!container) return;
    var nextKey = Number(container.getAttribute('data-next-row')) || 0;
    container.querySelectorAll('fieldset.claim-row').forEach(function (row) {
      removeButton(row, container);
    });
    var add = document.createElement('button');
    add.type = 'button';
    add.className = 'secondary add-row';
    add.textContent = 'Add a row';
    add.addEventListener('click', function () {
      var rows = container.querySelectorAll('fieldset.claim-row');
      var last = rows[rows.length - 1];
      var row = last.cloneNode(true);
      row.querySelectorAll('.remove-row').forEach(function (b) {
        b.remove();
      });
      var key = String(nextKey++);
      renumber(row, key);
      clear(row);
      // The copy keeps the previous row's model and setting (the controls marked data-repeat):
      // tables usually repeat them.
      last.querySelectorAll('[data-repeat] [name]').forEach(function (from) {
        var field = /\[(\w+)\]$/.exec(from.getAttribute('name'));
        var to = field && row.querySelector('[name$="[' + field[1] + ']"]');
        if (to) to.value = from.value;
      });
      container.appendChild(row);
      removeButton(row, container);
      narrowChoices(row);
      row.querySelector('select[name$="[benchmark]"]').focus();
    });
    container.insertAdjacentElement('afterend', add);
  }

  document.querySelectorAll('form.submission-form').forEach(function (form) {
    form.addEventListener('change', function (event) {
      var target = event.target;
      if (target && target.name && /\[benchmark\]$/.test(target.name)) {
        narrowChoices(target.closest('fieldset.claim-row'));
      }
    });
    form.querySelectorAll('fieldset.claim-row').forEach(narrowChoices);
    if (form.getAttribute('action') === '/submit/table') enhanceTable(form);
  });

  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
})();
