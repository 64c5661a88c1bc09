// The HUD Overlay page: gauges the engine pushes (hud:health, hud:ammo, hud:notify, hud:frame, hud:config) and a
// Reload button that invokes the engine (hud:reload) and shows its reply. It only uses ipcRenderer's Electron API.
// Type-checked, still plain JavaScript: `tsc -p .` here checks it against hud-channels.d.ts, which is generated from the
// C# contract HudChannels.cs, so a channel used in the wrong direction or with the wrong payload does not compile.
// @ts-check
/** @typedef {import('frameipc-renderer').IpcRenderer<import('./hud-channels').HudChannels>} HudIpc */
(function () {
  'use strict';
  var booted = false;
  var maxHealth = 100;
  var maxAmmo = 30;

  /** @param {string} id @returns {HTMLElement} the element, which index.html always has */
  function $(id) { return /** @type {HTMLElement} */ (document.getElementById(id)); }

  /** @param {number} hp */

  function setHealth(hp) {
    $('health-value').textContent = String(hp);
    var bar = $('health-bar');
    bar.style.width = Math.max(0, Math.min(100, (hp / maxHealth) * 100)) + '%';
    bar.classList.toggle('low', hp < 30);
  }

  /** @param {number} n */
  function setAmmo(n) {
    $('ammo-value').textContent = String(n);
    /** @type {HTMLElement} */ ($('ammo-value').parentElement).classList.toggle('empty', n === 0);
    var pips = $('ammo-pips');
    if (pips.children.length !== maxAmmo) {
      pips.textContent = '';
      for (var i = 0; i < maxAmmo; i++) pips.appendChild(document.createElement('i'));
    }
    for (var k = 0; k < pips.children.length; k++) pips.children[k].classList.toggle('spent', k >= n);
  }

  /** @param {string} text */
  function notify(text) {
    var list = $('notifications');
    var item = document.createElement('li');
    item.textContent = text;
    list.insertBefore(item, list.firstChild);
    while (list.lastChild && list.children.length > 4) list.removeChild(list.lastChild);
    setTimeout(function () { item.classList.add('fade'); }, 4000);
    setTimeout(function () { if (item.parentNode) item.parentNode.removeChild(item); }, 4500);
  }

  /** @param {string} text @param {string} [state] */
  function status(text, state) {
    var el = $('status');
    el.textContent = text;
    el.className = 'dot ' + (state || '');
  }

  function boot() {
    // The renderer's global, seen through the HUD's channel map (the cast is the only typing the page needs).
    var ipc = /** @type {HudIpc | undefined} */ (window.ipcRenderer);
    if (booted || !ipc) return;
    var hud = ipc; // narrowed for the callbacks below
    booted = true;
    ipc.on('hud:config', function (event, config) {
      maxHealth = config.maxHealth || maxHealth;
      maxAmmo = config.maxAmmo || maxAmmo;
      $('ammo-max').textContent = String(maxAmmo);
    });
    ipc.on('hud:health', function (event, hp) { setHealth(hp); });
    ipc.on('hud:ammo', function (event, n) { setAmmo(n); });
    ipc.on('hud:notify', function (event, text) { notify(text); });
    ipc.on('hud:frame', function (event, frame) {
      $('frame').textContent = 'engine frame ' + frame;
      if (hud.isReady) status('connected as view ' + hud.viewId + ' (' + hud.bridge + ')', 'online');
    });
    ipc.ready.then(function (viewId) { status('connected as view ' + viewId + ' (' + hud.bridge + ')', 'online'); });
    // The renderer reconnects by itself when the engine goes away (a stopped game, a domain reload): say so meanwhile.
    setInterval(function () { if (!hud.isReady) status('waiting for the engine…', 'offline'); }, 1000);

    var button = /** @type {HTMLButtonElement} */ ($('reload'));
    button.addEventListener('click', function () {
      var reply = $('reply');
      button.disabled = true;
      hud.invoke('hud:reload').then(function (text) {
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

  // index.html's script tag calls these two by name.
  var page = /** @type {Window & { hudBoot?: () => void, hudLoadLocalRenderer?: () => void }} */ (window);
  page.hudBoot = boot;
  page.hudLoadLocalRenderer = function () {
    if (window.ipcRenderer) { boot(); return; }
    var script = document.createElement('script');
    script.src = 'ipc-renderer.js';
    script.onload = boot;
    script.onerror = function () { status('ipc-renderer.js not found: see the sample README', 'offline'); };
    document.head.appendChild(script);
  };
  boot(); // a host that injected the renderer before the page's scripts
})();
