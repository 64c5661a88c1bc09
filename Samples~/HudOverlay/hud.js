// The HUD Overlay page: gauges the engine pushes (hud:health, hud:ammo, hud:notify, hud:frame, hud:config) and a
// Reload button that invokes the engine (hud:reload) and shows its reply. It only uses ipcRenderer's Electron API.
(function () {
  'use strict';
  var booted = false;
  var maxHealth = 100;
  var maxAmmo = 30;

  function $(id) { return document.getElementById(id); }

  function setHealth(hp) {
    $('health-value').textContent = hp;
    var bar = $('health-bar');
    bar.style.width = Math.max(0, Math.min(100, (hp / maxHealth) * 100)) + '%';
    bar.classList.toggle('low', hp < 30);
  }

  function setAmmo(n) {
    $('ammo-value').textContent = n;
    $('ammo-value').parentNode.classList.toggle('empty', n === 0);
    var pips = $('ammo-pips');
    if (pips.children.length !== maxAmmo) {
      pips.textContent = '';
      for (var i = 0; i < maxAmmo; i++) pips.appendChild(document.createElement('i'));
    }
    for (var k = 0; k < pips.children.length; k++) pips.children[k].classList.toggle('spent', k >= n);
  }

  function notify(text) {
    var list = $('notifications');
    var item = document.createElement('li');
    item.textContent = text;
    list.insertBefore(item, list.firstChild);
    while (list.children.length > 4) list.removeChild(list.lastChild);
    setTimeout(function () { item.classList.add('fade'); }, 4000);
    setTimeout(function () { if (item.parentNode) item.parentNode.removeChild(item); }, 4500);
  }

  function status(text, state) {
    var el = $('status');
    el.textContent = text;
    el.className = 'dot ' + (state || '');
  }

  function boot() {
    var ipc = window.ipcRenderer;
    if (booted || !ipc) return;
    booted = true;
    ipc.on('hud:config', function (event, config) {
      maxHealth = config.maxHealth || maxHealth;
      maxAmmo = config.maxAmmo || maxAmmo;
      $('ammo-max').textContent = maxAmmo;
    });
    ipc.on('hud:health', function (event, hp) { setHealth(hp); });
    ipc.on('hud:ammo', function (event, n) { setAmmo(n); });
    ipc.on('hud:notify', function (event, text) { notify(text); });
    ipc.on('hud:frame', function (event, frame) {
      $('frame').textContent = 'engine frame ' + frame;
      if (ipc.isReady) status('connected as view ' + ipc.viewId + ' (' + ipc.bridge + ')', 'online');
    });
    ipc.ready.then(function (viewId) { status('connected as view ' + viewId + ' (' + ipc.bridge + ')', 'online'); });
    // The renderer reconnects by itself when the engine goes away (a stopped game, a domain reload): say so meanwhile.
    setInterval(function () { if (!ipc.isReady) status('waiting for the engine…', 'offline'); }, 1000);

    var button = $('reload');
    button.addEventListener('click', function () {
      var reply = $('reply');
      button.disabled = true;
      ipc.invoke('hud:reload').then(function (text) {
        reply.textContent = text;
        reply.className = 'reply ok';
      }, function (err) {
        reply.textContent = err.message;
        reply.className = 'reply error';
      }).then(function () { button.disabled = false; });
    });
  }

  // Served by the dev server (?frameipc= in the URL): show a stand-in scene behind the HUD.
  if (/[?&]frameipc=/.test(location.search)) document.body.classList.add('standalone');

  window.hudBoot = boot;
  window.hudLoadLocalRenderer = function () {
    if (window.ipcRenderer) { boot(); return; }
    var script = document.createElement('script');
    script.src = 'ipc-renderer.js';
    script.onload = boot;
    script.onerror = function () { status('ipc-renderer.js not found: see the sample README', 'offline'); };
    document.head.appendChild(script);
  };
  boot(); // a host that injected the renderer before the page's scripts
})();
