// The playground's own page: the sidebar in a 300 px frame beside a read-only view of the workbook, and the
// controls (latency, make the next call fail, reset). Cells are set with textContent only, never as markup.

export const PLAYGROUND_PAGE = `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>Spool Union Tracker — playground</title>
<style>
  body { margin: 0; font: 14px system-ui, sans-serif; display: flex; height: 100vh; }
  #side { width: 300px; min-width: 300px; height: 100vh; border: 0; border-right: 1px solid #bbb; }
  main { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  #controls { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 8px; background: #f3f3f3; }
  #controls label { display: flex; gap: 4px; align-items: center; }
  #controls input, #controls select, #controls button { min-height: 32px; }
  [role=tablist] { display: flex; flex-wrap: wrap; gap: 2px; padding: 4px 8px 0; border-bottom: 1px solid #bbb; }
  [role=tab] { border: 1px solid #bbb; border-bottom: 0; background: #e8e8e8; padding: 6px 12px; cursor: pointer; }
  [role=tab][aria-selected=true] { background: #fff; font-weight: 600; }
  [role=tab] .mark { color: #b06d00; margin-left: 4px; }
  [role=tab].touched { box-shadow: inset 0 3px 0 #e0a800; }
  #changes { display: flex; flex-wrap: wrap; gap: 4px 6px; align-items: center; margin: 0; padding: 4px 8px; font-size: 12px; background: #fffbe6; }
  #changes[hidden] { display: none; }
  #changes button { font: 12px ui-monospace, monospace; padding: 2px 6px; min-height: 24px; background: #fff3b0; border: 1px solid #e0c54f; cursor: pointer; }
  #panel { flex: 1; overflow: auto; }
  /* Separate borders: a sticky cell keeps its own borders (collapsed ones stay behind, leaving gaps). */
  table { border-collapse: separate; border-spacing: 0; font-size: 12px; }
  th, td { border: 0 solid #ddd; border-width: 0 1px 1px 0; padding: 2px 6px; white-space: pre; max-width: 320px; overflow: hidden; text-overflow: ellipsis; scroll-margin: 32px 8px 8px 64px; }
  thead th { border-top-width: 1px; }
  tr > :first-child { border-left-width: 1px; }
  /* Column letters above everything that scrolls, row numbers above the cells, the corner above both. */
  thead th, tbody th { background: #f3f3f3; position: sticky; }
  thead th { top: 0; z-index: 2; }
  tbody th { left: 0; z-index: 1; }
  thead th:first-child { left: 0; z-index: 3; }
  .changed { background: #fff3b0; }
  td.target { outline: 2px solid #b06d00; outline-offset: -2px; }
  #log { font-size: 12px; color: #444; }
  #save { font-size: 12px; margin: 0; padding: 4px 8px; }
  #save.failed { background: #fde2e1; color: #8a1c14; font-weight: 600; }
  #save.saved { color: #2d5a27; }
</style>
</head>
<body>
<iframe id="side" src="sidebar" title="Barra lateral"></iframe>
<main>
  <div id="controls">
    <strong id="book"></strong>
    <label>Latencia (ms) <input id="latency" type="number" min="0" step="100" value="0"></label>
    <label>Próxima llamada
      <select id="fail">
        <option value="none">normal</option>
        <option value="before">falla sin ejecutarse</option>
        <option value="lost">se ejecuta y se pierde la respuesta</option>
      </select>
    </label>
    <button id="reset" type="button">Restablecer libro</button>
    <button id="resumen" type="button">Menú: Resumen de producción</button>
    <span id="log"></span>
  </div>
  <p id="save" role="status" hidden></p>
  <div id="changes" role="group" aria-label="Celdas cambiadas" hidden></div>
  <div role="tablist" aria-label="Hojas" id="tabs"></div>
  <div id="panel" role="tabpanel"></div>
</main>
<script>
(function () {
  var state = { sheets: [], current: null, change: null };
  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (var k in attrs || {}) node.setAttribute(k, attrs[k]);
    return node;
  }
  function letter(n) {
    var s = '';
    while (n > 0) { var r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); }
    return s;
  }
  // The last call that changed cells (kept by the server until the next one): what it did to one sheet.
  function changeOf(name) {
    return state.change ? state.change.sheets.filter(function (s) { return s.name === name; })[0] || null : null;
  }
  function firstCell(range) {
    var m = /^([A-Z]+)([0-9]+)/.exec(range.slice(range.lastIndexOf('!') + 1));
    var col = 0;
    for (var i = 0; i < m[1].length; i++) col = col * 26 + m[1].charCodeAt(i) - 64;
    return [Number(m[2]) - 1, col - 1];
  }
  // Shows the sheet and scrolls its cell (0-based) into view, outlined.
  function goTo(name, cell) {
    state.current = name;
    renderTabs();
    renderSheet();
    var row = document.querySelectorAll('#panel tbody tr')[cell[0]];
    var td = row && row.children[cell[1] + 1];
    if (!td) return;
    td.classList.add('target');
    td.setAttribute('tabindex', '-1');
    td.scrollIntoView({ block: 'center', inline: 'start' });
    td.focus({ preventScroll: true });
  }
  var MAX_LISTED = 12;
  function renderChanges() {
    var bar = document.getElementById('changes');
    bar.replaceChildren();
    bar.hidden = !state.change;
    if (!state.change) return;
    bar.appendChild(el('span', 'Cambiadas por ' + state.change.call + ':'));
    var listed = 0, left = 0;
    state.change.sheets.forEach(function (sheet) {
      sheet.ranges.forEach(function (range) {
        if (listed >= MAX_LISTED) { left++; return; }
        listed++;
        var button = el('button', range, { type: 'button', title: 'Ver ' + range });
        button.addEventListener('click', function () { goTo(sheet.name, firstCell(range)); });
        bar.appendChild(button);
      });
    });
    if (left > 0) bar.appendChild(el('span', '… y ' + left + ' rangos más'));
  }
  function renderTabs() {
    var tabs = document.getElementById('tabs');
    tabs.replaceChildren();
    state.sheets.forEach(function (sheet) {
      var tab = el('button', sheet.name, { role: 'tab', type: 'button', 'aria-selected': String(sheet.name === state.current), 'aria-controls': 'panel' });
      // The marker is not part of the tab's name: the tab stays "Operaciones" to a screen reader or a test.
      if (changeOf(sheet.name)) {
        tab.className = 'touched';
        tab.setAttribute('title', 'Con celdas cambiadas por ' + state.change.call);
        tab.appendChild(el('span', '●', { 'class': 'mark', 'aria-hidden': 'true' }));
      }
      tab.addEventListener('click', function () { state.current = sheet.name; renderTabs(); renderSheet(); });
      tabs.appendChild(tab);
    });
  }
  function renderSheet() {
    var panel = document.getElementById('panel');
    panel.replaceChildren();
    var sheet = state.sheets.filter(function (s) { return s.name === state.current; })[0];
    if (!sheet) return;
    panel.setAttribute('aria-label', sheet.name);
    var changed = {};
    var change = changeOf(sheet.name);
    (change ? change.cells : []).forEach(function (cell) { changed[cell[0] + ',' + cell[1]] = true; });
    var width = sheet.rows.reduce(function (w, r) { return Math.max(w, r.length); }, 0);
    var table = el('table', null, { 'aria-label': sheet.name });
    var head = el('thead');
    var headRow = el('tr');
    headRow.appendChild(el('th', '', { scope: 'col' }));
    for (var c = 1; c <= width; c++) headRow.appendChild(el('th', letter(c), { scope: 'col' }));
    head.appendChild(headRow);
    table.appendChild(head);
    var body = el('tbody');
    sheet.rows.forEach(function (row, r) {
      var tr = el('tr');
      tr.appendChild(el('th', r + 1, { scope: 'row' }));
      for (var c = 0; c < width; c++) {
        var text = row[c] === undefined ? '' : row[c];
        var td = el('td', text, { title: text });
        if (changed[r + ',' + c]) td.className = 'changed';
        tr.appendChild(td);
      }
      body.appendChild(tr);
    });
    table.appendChild(body);
    panel.appendChild(table);
    if (sheet.hiddenRows > 0) panel.appendChild(el('p', '… ' + sheet.hiddenRows + ' filas más'));
    (sheet.charts || []).forEach(function (chart) {
      panel.appendChild(el('p', 'Gráfico incrustado (no se dibuja aquí): «' + chart.title + '», rangos ' + chart.ranges.join(', ') + ', anclado en ' + chart.anchor + '.', { 'class': 'chart' }));
    });
  }
  function refresh() {
    return fetch('api/workbook').then(function (r) { return r.json(); }).then(function (book) {
      state.sheets = book.sheets;
      state.change = book.change;
      if (!state.current || !book.sheets.some(function (s) { return s.name === state.current; }))
        state.current = book.sheets.length ? book.sheets[0].name : null;
      document.getElementById('book').textContent = book.name + ' (' + book.timeZone + ')';
      document.getElementById('latency').value = String(book.control.latencyMs);
      document.getElementById('fail').value = book.control.failNext;
      document.getElementById('log').textContent = 'Llamadas: ' + book.calls + (book.lastCall ? ' · última: ' + book.lastCall : '') +
        (book.alert ? ' · aviso «' + book.alert.title + '»: ' + book.alert.message : '');
      var save = document.getElementById('save');
      save.hidden = !book.save;
      if (book.save) {
        save.className = book.save.ok ? 'saved' : 'failed';
        save.textContent = (book.save.ok ? '' : '⚠ ') + book.save.message + (book.save.notes.length ? ' · ' + book.save.notes.join(' · ') : '');
      }
      renderChanges();
      renderTabs();
      renderSheet();
    });
  }
  function control(body) {
    return fetch('api/control', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(refresh);
  }
  document.getElementById('latency').addEventListener('change', function (e) { control({ latencyMs: Number(e.target.value) || 0 }); });
  document.getElementById('fail').addEventListener('change', function (e) { control({ failNext: e.target.value }); });
  document.getElementById('reset').addEventListener('click', function () {
    fetch('api/reset', { method: 'POST' }).then(function () {
      document.getElementById('side').contentWindow.location.reload();
      return refresh();
    });
  });
  // Runs the menu item as the menu would (a top-level function of Code.js), then shows the sheet it made.
  document.getElementById('resumen').addEventListener('click', function () {
    fetch('rpc/menuRefreshSummary', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"args":[]}' }).then(function () {
      state.current = 'Resumen';
      return refresh();
    });
  });
  window.addEventListener('message', function (event) {
    if (event.data && event.data.playground === 'called') refresh();
  });
  refresh();
})();
</script>
</body>
</html>
`;
