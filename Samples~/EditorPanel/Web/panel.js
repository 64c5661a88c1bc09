// The Editor Panel page: the Editor pushes panel:status; the panel invokes panel:objects and panel:select, and sends
// panel:log. Plain ipcRenderer (Electron's API) over the WebSocket dev server.
(function () {
  'use strict';
  var booted = false;
  function $(id) { return document.getElementById(id); }

  function boot() {
    var ipc = window.ipcRenderer;
    if (booted || !ipc) return;
    booted = true;

    ipc.ready.then(function (viewId) { $('connection').textContent = 'connected as view ' + viewId; });
    ipc.on('panel:status', function (event, status) {
      $('description').textContent = status.description;
      $('time').textContent = status.time.toFixed(1);
      $('ticks').textContent = status.ticks;
      var mode = $('mode');
      mode.textContent = status.playing ? 'play mode' : 'edit mode';
      mode.className = 'badge ' + (status.playing ? 'play' : 'edit');
    });

    $('refresh').addEventListener('click', function () {
      ipc.invoke('panel:objects').then(function (names) {
        var list = $('objects');
        list.textContent = '';
        names.forEach(function (name) {
          var item = document.createElement('li');
          item.textContent = name;
          item.addEventListener('click', function () { select(name); });
          list.appendChild(item);
        });
        if (names.length === 0) list.innerHTML = '<li class="muted">The active scene has no root objects.</li>';
      }, showError);
    });

    function select(name) {
      ipc.invoke('panel:select', name).then(function (found) {
        $('selection').textContent = found ? 'Selected ' + name + ' in the Editor.' : name + ' is gone: press Refresh.';
      }, showError);
    }

    function showError(err) { $('selection').textContent = err.message; }

    $('log-form').addEventListener('submit', function (e) {
      e.preventDefault();
      ipc.send('panel:log', $('log-text').value);
      $('selection').textContent = 'Sent to the Console.';
    });
  }

  window.panelBoot = boot;
  boot();
})();
