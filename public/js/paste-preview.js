// Progressive enhancement for the paste box: as the user types, the server reads the paste (the
// same reader the form uses) and the first rows, or what could not be read and where, are shown.
// The form works without it.
(function () {
  'use strict';
  var DELAY = 400;

  function show(target, data) {
    target.textContent = '';
    if (data.error) {
      var problem = document.createElement('p');
      problem.className = 'field-error';
      problem.textContent = data.error.message;
      target.appendChild(problem);
      return;
    }
    var summary = document.createElement('p');
    summary.textContent =
      'Read as a ' + data.formatName + ': ' + data.rows + ' rows × ' + data.columns + ' columns.';
    target.appendChild(summary);
    var wrap = document.createElement('div');
    wrap.className = 'overflow-auto';
    var table = document.createElement('table');
    table.className = 'paste-grid';
    data.preview.forEach(function (cells, r) {
      var tr = document.createElement('tr');
      if (r < data.headerRows) tr.className = 'header-row';
      cells.forEach(function (text) {
        var td = document.createElement(r < data.headerRows ? 'th' : 'td');
        td.textContent = text;
        tr.appendChild(td);
      });
      table.appendChild(tr);
    });
    wrap.appendChild(table);
    target.appendChild(wrap);
  }

  document.querySelectorAll('form.paste-form').forEach(function (form) {
    var textarea = form.querySelector('textarea[name="table"]');
    var format = form.querySelector('select[name="format"]');
    var target = form.querySelector('.paste-preview');
    var token = form.querySelector('input[name="_csrf"]');
    if (!textarea || !target || !token || !window.fetch) return;
    var timer = null;
    var sequence = 0;
    function read() {
      var mine = ++sequence;
      if (!textarea.value.trim()) {
        target.textContent = '';
        return;
      }
      window
        .fetch(target.getAttribute('data-endpoint'), {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token.value },
          body: JSON.stringify({ table: textarea.value, format: format ? format.value : 'auto' }),
        })
        .then(function (response) {
          return response.json();
        })
        .then(function (data) {
          if (mine === sequence) show(target, data);
        })
        .catch(function () {
          if (mine === sequence) target.textContent = '';
        });
    }
    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(read, DELAY);
    }
    textarea.addEventListener('input', later);
    if (format) format.addEventListener('change', later);
    if (textarea.value.trim()) read();
  });
})();
