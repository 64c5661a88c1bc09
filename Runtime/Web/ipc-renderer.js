/*!
 * FrameIPC ipc-renderer.js: the page side of FrameIPC (wire protocol v1, Documentation~/protocol.md).
 * Electron's ipcRenderer API, spoken to a game engine over a WebSocket dev server or an embedded browser's script bridge.
 * One file, three ways to load it: a plain <script> (globals FrameIpc and ipcRenderer), an ES module imported for its
 * side effect (`import './ipc-renderer.js'`, then `FrameIpc.ipcRenderer`), or CommonJS / a bundler (`require`, `import {}`).
 * Documentation~/browser.md says how the bridge is found.
 */
(function (root, factory) {
  'use strict';
  var api = factory(root);
  if (typeof module === 'object' && module && module.exports) module.exports = api;
  if (root && typeof root.window === 'object' && !root.FrameIpc) {
    root.FrameIpc = api;
    if (!root.ipcRenderer) root.ipcRenderer = api.ipcRenderer;
  }
})(typeof globalThis !== 'undefined' ? globalThis : typeof window !== 'undefined' ? window : this, function (root) {
  'use strict';
  // Loaded twice (the page's own <script> and a host's injection): keep the first instance.
  if (root && root.FrameIpc && root.FrameIpc.ipcRenderer) return root.FrameIpc;

  var PROTOCOL_VERSION = 1;
  var MAX_ID = 0x7fffffff;
  var DEFAULTS = {
    invokeTimeout: 10000,   // ms; 0 = no deadline. Matches IpcOptions.DefaultInvokeTimeout.
    batching: 'frame',      // flush once per animation frame; or 'task' (after the current task), or 'microtask'
    maxBatchChars: 262144,  // a batch frame is closed past this many characters and another one started
    maxFrameChars: 1048576, // one envelope longer than this is refused here, as the engine would (IpcOptions.MaxFrameChars)
    maxHeldChars: 1048576,  // characters held while not ready; past it send throws / invoke rejects with LimitError
    reconnect: true,        // WebSocket: reconnect after the engine goes away, backing off from 250 ms to 5 s
    helloRetry: 0           // script bridges: ms between repeated hellos until ready (0 = once); see browser.md
  };

  /** An error from the other side (or about the crossing): name, message, code and data survive it. */
  function IpcError(name, message, code, data, channel) {
    var self = new Error(message);
    Object.setPrototypeOf(self, IpcError.prototype);
    self.name = name || 'Error';
    self.code = code === undefined || code === null ? undefined : String(code);
    self.data = data;
    self.channel = channel;
    self.remoteMessage = message;
    return self;
  }
  IpcError.prototype = Object.create(Error.prototype, { constructor: { value: IpcError, writable: true, configurable: true } });
  Object.setPrototypeOf(IpcError, Error);
  IpcError.forInvoke = function (channel, e) {
    var err = IpcError(e.name, "Error invoking remote method '" + channel + "': " + e.name + ': ' + e.message, e.code, e.data, channel);
    err.remoteMessage = e.message;
    return err;
  };

  function wireError(name, message, code) { return { name: name, message: message, code: code }; }

  function toWireError(err) {
    if (err === null || typeof err !== 'object') return { name: 'Error', message: String(err) };
    var e = { name: String(err.name || 'Error'), message: String(err.message === undefined ? err : err.message) };
    if (err.code !== undefined && err.code !== null) e.code = String(err.code);
    if (err.data !== undefined) e.data = err.data;
    return e;
  }

  function checkChannel(channel) {
    if (typeof channel !== 'string' || channel.length === 0) throw new TypeError('An IPC channel must be a non-empty string, got ' + typeof channel);
  }

  function reportError(err) {
    if (typeof root.reportError === 'function') root.reportError(err);
    else if (typeof console !== 'undefined') console.error(err);
  }

  function create(options) {
    var opts = {};
    var key;
    for (key in DEFAULTS) opts[key] = DEFAULTS[key];
    var env = (options && options.root) || root;

    var listeners = new Map();   // channel -> [{fn, once}]
    var handlers = new Map();    // channel -> {fn, once}
    var pending = new Map();     // invoke id -> {channel, resolve, reject, timer, posted, unlisten}
    var running = new Map();     // engine invoke id -> AbortController (or a stand-in)
    var queue = [];              // [{s: envelope JSON, id: invoke id or 0}]
    var queuedChars = 0;
    var flushScheduled = false;
    var bridge = null;           // {kind, post(frame), retryHello}
    var started = false, isReady = false, viewId = 0, nextId = 1;
    var helloTimer = null, discoverTimer = null, discoverTries = 0;
    var resolveReady;
    var readyPromise = new Promise(function (resolve) { resolveReady = resolve; });
    var senders = new Map();     // senderId -> frozen facade

    var api = {};

    // ---- outbound -------------------------------------------------------------------------------------------

    function enqueue(envelope, id) {
      var s = JSON.stringify(envelope);
      if (s.length > opts.maxFrameChars) {
        throw IpcError('LimitError', 'Message on \'' + envelope.ch + '\' is ' + s.length + ' characters, over the limit of ' + opts.maxFrameChars, 'ELIMIT');
      }
      if (!isReady && queuedChars + s.length > opts.maxHeldChars) {
        throw IpcError('LimitError', 'More than ' + opts.maxHeldChars + ' characters held before the engine is ready; message on \'' + envelope.ch + '\' refused', 'ELIMIT');
      }
      queue.push({ s: s, id: id || 0 });
      queuedChars += s.length;
      scheduleFlush();
    }

    function scheduleFlush() {
      if (flushScheduled || !isReady || queue.length === 0) return;
      flushScheduled = true;
      if (opts.batching === 'frame' && typeof env.requestAnimationFrame === 'function' && !pageHidden()) {
        // One crossing per animation frame. The timer covers a frame that never comes (a host that stops painting).
        var done = false;
        var run = function () { if (!done) { done = true; flush(); } };
        env.requestAnimationFrame(run);
        setTimeout(run, 100);
      } else if (opts.batching === 'microtask') {
        Promise.resolve().then(flush);
      } else {
        nextTask(flush); // 'task', and 'frame' in a hidden page, where animation frames stop and timers are throttled
      }
    }

    function pageHidden() { return !!(env.document && env.document.visibilityState === 'hidden'); }

    // A MessageChannel task runs right after the current task and its promise jobs, so one batch carries
    // everything they sent, async handler results included; unlike setTimeout(0) it is neither clamped
    // to 4 ms when nested nor throttled in a hidden page.
    var channelPort = null, taskCallback = null;
    function nextTask(callback) {
      if (channelPort === null && typeof MessageChannel === 'function') {
        var channel = new MessageChannel();
        channel.port1.onmessage = function () { var cb = taskCallback; taskCallback = null; if (cb) cb(); };
        if (typeof channel.port1.unref === 'function') channel.port1.unref(); // Node: don't keep the process alive
        channelPort = channel.port2;
      }
      if (channelPort) { taskCallback = callback; channelPort.postMessage(0); }
      else setTimeout(callback, 0);
    }

    function flush() {
      flushScheduled = false;
      if (!isReady || queue.length === 0) return;
      var items = queue;
      queue = [];
      queuedChars = 0;
      var start = 0;
      while (start < items.length) {
        var end = start, chars = 0;
        while (end < items.length && (end === start || chars + items[end].s.length + 1 <= opts.maxBatchChars)) {
          chars += items[end].s.length + 1;
          end++;
        }
        var frame;
        if (end - start === 1) frame = items[start].s;
        else {
          var parts = new Array(end - start);
          for (var i = start; i < end; i++) parts[i - start] = items[i].s;
          frame = '{"k":"batch","m":[' + parts.join(',') + ']}';
        }
        if (!post(frame)) {
          // The bridge went away mid-flush: hold this frame and the rest for the next connection.
          queue = items.slice(start).concat(queue);
          for (var q = 0; q < queue.length; q++) queuedChars += queue[q].s.length;
          return;
        }
        for (var j = start; j < end; j++) {
          var p = items[j].id && pending.get(items[j].id);
          if (p) p.posted = true;
        }
        start = end;
      }
    }

    function post(frame) {
      if (!bridge) return false;
      try { return bridge.post(frame) !== false; }
      catch (err) { reportError(err); return false; }
    }

    // ---- inbound --------------------------------------------------------------------------------------------

    function receive(frame) {
      var value = frame;
      if (typeof frame === 'string') {
        try { value = JSON.parse(frame); }
        catch (err) { protocolError('Malformed frame: ' + err.message); return; }
      }
      if (value && value.k === 'batch') {
        if (!Array.isArray(value.m)) { protocolError('A batch needs an array m'); return; }
        for (var i = 0; i < value.m.length; i++) dispatch(value.m[i]);
      } else dispatch(value);
    }

    function protocolError(message) {
      reportError(IpcError('ProtocolError', message, 'EPROTO'));
      if (isReady) { queue.push({ s: JSON.stringify({ k: 'error', e: wireError('ProtocolError', message, 'EPROTO') }), id: 0 }); scheduleFlush(); }
    }

    function dispatch(m) {
      if (!m || typeof m !== 'object' || typeof m.k !== 'string') { protocolError('An envelope must be an object with a string k'); return; }
      switch (m.k) {
        case 'ready': onReady(m); break;
        case 'send': onSend(m); break;
        case 'invoke': onInvoke(m); break;
        case 'result': onResult(m); break;
        case 'cancel': onCancel(m); break;
        case 'error': if (typeof api.onerror === 'function') api.onerror(errorFromWire(m.e)); else reportError(errorFromWire(m.e)); break;
        default: protocolError("Unknown envelope kind '" + m.k + "'");
      }
    }

    function errorFromWire(e) {
      e = e && typeof e === 'object' ? e : {};
      return IpcError(String(e.name || 'Error'), String(e.message === undefined ? '' : e.message), e.code, e.data);
    }

    function onReady(m) {
      if (typeof m.view !== 'number') { protocolError('ready needs a numeric view'); return; }
      if (helloTimer) { clearInterval(helloTimer); helloTimer = null; }
      viewId = m.view;
      isReady = true;
      resolveReady(viewId);
      scheduleFlush();
    }

    function senderFor(id) {
      var s = senders.get(id);
      if (!s) {
        s = id === 0
          ? Object.freeze({ send: api.send, invoke: api.invoke })
          : Object.freeze({ send: function (channel) { var a = Array.prototype.slice.call(arguments, 1); return api.sendTo.apply(null, [id, channel].concat(a)); } });
        senders.set(id, s);
      }
      return s;
    }

    function onSend(m) {
      if (typeof m.ch !== 'string') { protocolError('send needs a string ch'); return; }
      var from = typeof m.from === 'number' ? m.from : 0;
      emit(m.ch, { senderId: from, sender: senderFor(from) }, Array.isArray(m.a) ? m.a : []);
    }

    function emit(channel, event, args) {
      var list = listeners.get(channel);
      if (!list) return;
      var copy = list.slice();
      var callArgs = [event].concat(args);
      for (var i = 0; i < copy.length; i++) {
        var entry = copy[i];
        if (entry.once) removeEntry(channel, entry);
        try { entry.fn.apply(null, callArgs); } catch (err) { reportError(err); }
      }
    }

    function onInvoke(m) {
      if (typeof m.id !== 'number' || typeof m.ch !== 'string') { protocolError('invoke needs a numeric id and a string ch'); return; }
      var id = m.id, channel = m.ch;
      var handler = handlers.get(channel);
      if (!handler) { reply(id, undefined, wireError('Error', "No handler registered for '" + channel + "'")); return; }
      if (handler.once) handlers.delete(channel);
      var controller = makeAbortController();
      running.set(id, controller);
      var event = { senderId: 0, sender: senderFor(0), signal: controller.signal };
      var outcome;
      try { outcome = Promise.resolve(handler.fn.apply(null, [event].concat(Array.isArray(m.a) ? m.a : []))); }
      catch (err) { outcome = Promise.reject(err); }
      outcome.then(function (value) {
        if (running.get(id) !== controller) return; // cancelled: the engine no longer wants it
        running.delete(id);
        reply(id, value, null);
      }, function (err) {
        if (running.get(id) !== controller) return;
        running.delete(id);
        reply(id, undefined, toWireError(err));
      });
    }

    function reply(id, value, error) {
      var envelope = error ? { k: 'result', id: id, e: error } : { k: 'result', id: id };
      if (!error && value !== undefined) envelope.r = value;
      var s;
      try { s = JSON.stringify(envelope); }
      catch (err) { s = JSON.stringify({ k: 'result', id: id, e: wireError('Error', 'The handler\'s result could not be sent: ' + err.message) }); }
      queue.push({ s: s, id: 0 });
      queuedChars += s.length;
      scheduleFlush();
    }

    function onCancel(m) {
      var controller = running.get(m.id);
      if (!controller) return;
      running.delete(m.id);
      controller.abort(IpcError('AbortError', 'The engine cancelled this invoke', 'ECANCELED'));
    }

    function onResult(m) {
      var p = pending.get(m.id);
      if (!p) return; // timed out or aborted here already
      settle(m.id, p);
      // A busy page runs its timer late, after the answer to a deadline the engine enforced on its side (a cancelled
      // handler's AbortError) or a late value: past the deadline the caller's outcome is the timeout, whichever came first.
      if (p.deadline && now() >= p.deadline) { p.reject(timeoutError(p.channel, p.timeout)); return; }
      if (m.e !== undefined) p.reject(IpcError.forInvoke(p.channel, errorFromWire(m.e)));
      else p.resolve(m.r === undefined ? null : m.r);
    }

    function settle(id, p) {
      pending.delete(id);
      if (p.timer) clearTimeout(p.timer);
      if (p.unlisten) p.unlisten();
    }

    function makeAbortController() {
      if (typeof AbortController === 'function') return new AbortController();
      var signal = { aborted: false, reason: undefined, onabort: null };
      return { signal: signal, abort: function (reason) { signal.aborted = true; signal.reason = reason; if (signal.onabort) signal.onabort(); } };
    }

    // ---- connection -----------------------------------------------------------------------------------------

    function connected(b) {
      bridge = b;
      bridge.post(JSON.stringify({ k: 'hello', v: PROTOCOL_VERSION }));
      if (b.retryHello && opts.helloRetry > 0) {
        helloTimer = setInterval(function () { if (!isReady && bridge) bridge.post(JSON.stringify({ k: 'hello', v: PROTOCOL_VERSION })); }, opts.helloRetry);
      }
    }

    function disconnected(reason) {
      bridge = null;
      isReady = false;
      if (helloTimer) { clearInterval(helloTimer); helloTimer = null; }
      pending.forEach(function (p, id) {
        if (!p.posted) return; // never left the page: it goes out on the next connection
        settle(id, p);
        p.reject(IpcError.forInvoke(p.channel, { name: 'ViewGoneError', message: 'The connection to the engine closed (' + reason + ')', code: 'EVIEWGONE' }));
      });
      running.forEach(function (controller) { controller.abort(IpcError('ViewGoneError', 'The connection to the engine closed', 'EVIEWGONE')); });
      running.clear();
    }

    function queryParam(name) {
      var search = env.location && env.location.search;
      if (!search || typeof URLSearchParams !== 'function') return null;
      return new URLSearchParams(search).get(name);
    }

    function connectWebSocket(url, token) {
      var delay = 250;
      var open = function () {
        var full = token ? url + (url.indexOf('?') >= 0 ? '&' : '?') + 'token=' + encodeURIComponent(token) : url;
        var ws = new env.WebSocket(full);
        var b = { kind: 'websocket', post: function (frame) { if (ws.readyState !== 1) return false; ws.send(frame); return true; } };
        ws.onopen = function () { delay = 250; connected(b); };
        ws.onmessage = function (e) { receive(e.data); };
        ws.onclose = function (e) {
          if (bridge === b) disconnected('WebSocket closed, code ' + e.code + (e.reason ? ': ' + e.reason : ''));
          if (opts.reconnect) { setTimeout(open, delay); delay = Math.min(delay * 2, 5000); }
        };
      };
      open();
    }

    // Order: explicit init, the page URL's ?frameipc=, then the script bridges, most specific first.
    function discover() {
      var url = queryParam('frameipc');
      if (url) { connectWebSocket(url, queryParam('token')); return true; }
      var host = env.frameIpcHost;
      if (host && typeof host.post === 'function') { connected({ kind: 'host', retryHello: true, post: function (f) { host.post(f); } }); return true; }
      var vuplex = env.vuplex;
      if (vuplex && typeof vuplex.postMessage === 'function') {
        vuplex.addEventListener('message', function (e) { receive(e.data); });
        connected({ kind: 'vuplex', retryHello: true, post: function (f) { vuplex.postMessage(f); } });
        return true;
      }
      var webview = env.chrome && env.chrome.webview;
      if (webview && typeof webview.postMessage === 'function') {
        webview.addEventListener('message', function (e) { receive(e.data); });
        connected({ kind: 'webview2', retryHello: true, post: function (f) { webview.postMessage(f); } });
        return true;
      }
      if (typeof env.cefQuery === 'function') {
        connected({ kind: 'cef', retryHello: true, post: function (f) {
          env.cefQuery({ request: f, persistent: false, onSuccess: function () {}, onFailure: function (code, message) { reportError(IpcError('Error', 'cefQuery failed (' + code + '): ' + message)); } });
        } });
        return true;
      }
      return false;
    }

    function start() {
      if (started) return;
      started = true;
      if (env.document && typeof env.document.addEventListener === 'function') {
        // A page hidden while a frame flush waits would wait for a frame that never comes.
        env.document.addEventListener('visibilitychange', function () { if (pageHidden() && flushScheduled) flush(); });
      }
      if (discover()) return;
      // An embedded browser may inject its bridge after our script ran (Vuplex announces it with 'vuplexready').
      var retry = function () {
        if (bridge || !discover()) return false;
        if (discoverTimer) { clearTimeout(discoverTimer); discoverTimer = null; }
        return true;
      };
      if (typeof env.addEventListener === 'function') env.addEventListener('vuplexready', retry);
      // Every 200 ms for 10 s, then every 2 s: a host may inject its bridge (or frameIpcHost) at any time.
      var poll = function () {
        if (retry()) return;
        if (++discoverTries === 50 && typeof console !== 'undefined') {
          console.warn('FrameIPC: no bridge found yet (no ?frameipc= in the URL, no frameIpcHost, vuplex, chrome.webview or cefQuery); still looking, or call ipcRenderer.init().');
        }
        discoverTimer = setTimeout(poll, discoverTries < 50 ? 200 : 2000);
      };
      discoverTimer = setTimeout(poll, 200);
    }

    // ---- public API -----------------------------------------------------------------------------------------

    api.on = function (channel, listener) {
      checkChannel(channel);
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      var list = listeners.get(channel);
      if (!list) listeners.set(channel, list = []);
      list.push({ fn: listener, once: false });
      return api;
    };
    api.addListener = api.on;

    api.once = function (channel, listener) {
      api.on(channel, listener);
      listeners.get(channel)[listeners.get(channel).length - 1].once = true;
      return api;
    };

    function removeEntry(channel, entry) {
      var list = listeners.get(channel);
      if (!list) return;
      var i = list.indexOf(entry);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) listeners.delete(channel);
    }

    api.off = function (channel, listener) {
      var list = listeners.get(channel);
      if (!list) return api;
      for (var i = list.length - 1; i >= 0; i--) {
        if (list[i].fn === listener) { removeEntry(channel, list[i]); break; }
      }
      return api;
    };
    api.removeListener = api.off;

    api.removeAllListeners = function (channel) {
      if (channel === undefined) listeners.clear(); else listeners.delete(channel);
      return api;
    };

    api.listenerCount = function (channel) { var list = listeners.get(channel); return list ? list.length : 0; };

    api.send = function (channel) {
      checkChannel(channel);
      enqueue({ k: 'send', ch: channel, a: Array.prototype.slice.call(arguments, 1) }, 0);
    };

    api.sendTo = function (targetViewId, channel) {
      if (typeof targetViewId !== 'number' || targetViewId <= 0 || targetViewId % 1 !== 0) throw new TypeError('sendTo needs a positive integer view id');
      checkChannel(channel);
      enqueue({ k: 'send', ch: channel, a: Array.prototype.slice.call(arguments, 2), to: targetViewId }, 0);
    };

    api.invoke = function (channel) {
      return invokeCore(channel, null, Array.prototype.slice.call(arguments, 1));
    };

    api.invokeWithOptions = function (channel, options) {
      return invokeCore(channel, options || {}, Array.prototype.slice.call(arguments, 2));
    };

    function invokeCore(channel, callOptions, args) {
      try { checkChannel(channel); } catch (err) { return Promise.reject(err); }
      var timeout = callOptions && callOptions.timeout !== undefined ? callOptions.timeout : opts.invokeTimeout;
      var signal = callOptions && callOptions.signal;
      if (signal && signal.aborted) return Promise.reject(abortError(channel));
      var id = nextId;
      nextId = nextId >= MAX_ID ? 1 : nextId + 1;
      return new Promise(function (resolve, reject) {
        var p = { channel: channel, resolve: resolve, reject: reject, timer: null, deadline: 0, timeout: 0, posted: false, unlisten: null };
        var envelope = { k: 'invoke', id: id, ch: channel, a: args };
        if (timeout > 0 && isFinite(timeout)) {
          envelope.t = Math.ceil(timeout);
          p.timeout = timeout;
          p.deadline = now() + timeout;
          p.timer = setTimeout(function () { giveUp(id, p, timeoutError(channel, timeout)); }, timeout);
        }
        if (signal && typeof signal.addEventListener === 'function') {
          var onAbort = function () { giveUp(id, p, abortError(channel)); };
          signal.addEventListener('abort', onAbort);
          p.unlisten = function () { signal.removeEventListener('abort', onAbort); };
        }
        pending.set(id, p);
        try { enqueue(envelope, id); }
        catch (err) { settle(id, p); reject(err); }
      });
    }

    function timeoutError(channel, timeout) {
      return IpcError.forInvoke(channel, { name: 'TimeoutError', message: 'No result within ' + timeout + ' ms', code: 'ETIMEDOUT' });
    }

    function now() { return typeof performance !== 'undefined' && typeof performance.now === 'function' ? performance.now() : Date.now(); }

    function abortError(channel) {
      return IpcError.forInvoke(channel, { name: 'AbortError', message: 'The invoke was aborted', code: 'ECANCELED' });
    }

    // A timed-out or aborted invoke: reject here, and tell the engine so its handler's token is cancelled.
    function giveUp(id, p, error) {
      if (pending.get(id) !== p) return;
      settle(id, p);
      if (p.posted) {
        queue.push({ s: JSON.stringify({ k: 'cancel', id: id }), id: 0 });
        scheduleFlush();
      } else {
        for (var i = 0; i < queue.length; i++) {
          if (queue[i].id === id) { queuedChars -= queue[i].s.length; queue.splice(i, 1); break; }
        }
      }
      p.reject(error);
    }

    api.sendSync = function (channel) {
      throw new Error("ipcRenderer.sendSync('" + channel + "') cannot block over the " + (bridge ? bridge.kind : 'page\'s') +
        ' bridge: a page cannot wait for the engine without freezing. Use ipcRenderer.invoke() and await its Promise instead.');
    };

    function addHandler(channel, handler, once) {
      checkChannel(channel);
      if (typeof handler !== 'function') throw new TypeError('handler must be a function');
      if (handlers.has(channel)) throw new Error("Attempted to register a second handler for '" + channel + "'");
      handlers.set(channel, { fn: handler, once: once });
    }
    api.handle = function (channel, handler) { addHandler(channel, handler, false); };
    api.handleOnce = function (channel, handler) { addHandler(channel, handler, true); };
    api.removeHandler = function (channel) { handlers.delete(channel); };

    api.init = function (initOptions) {
      initOptions = initOptions || {};
      if ((initOptions.url || initOptions.host) && started && bridge) {
        throw new Error('ipcRenderer.init({url|host}) came after a bridge was chosen (' + bridge.kind + '); call it before the page finishes parsing');
      }
      for (key in DEFAULTS) if (initOptions[key] !== undefined) opts[key] = initOptions[key];
      if (initOptions.url || initOptions.host) {
        started = true;
        if (discoverTimer) { clearTimeout(discoverTimer); discoverTimer = null; }
        if (initOptions.url) connectWebSocket(initOptions.url, initOptions.token);
        else connected({ kind: 'host', retryHello: true, post: function (f) { initOptions.host.post(f); } });
      } else if (!started) start();
      return api;
    };

    api.onerror = null;
    api.receive = receive; // for script bridges that deliver by calling a function: window.__frameIpcReceive
    Object.defineProperty(api, 'viewId', { get: function () { return viewId; }, enumerable: true });
    Object.defineProperty(api, 'isReady', { get: function () { return isReady; }, enumerable: true });
    Object.defineProperty(api, 'bridge', { get: function () { return bridge ? bridge.kind : null; }, enumerable: true });
    api.ready = readyPromise;
    Object.defineProperty(api, '_start', { value: start }); // for the loader below, not for pages
    if (options) for (key in DEFAULTS) if (options[key] !== undefined) opts[key] = options[key];
    return api;
  }

  var ipcRenderer = create(null);
  var isPage = root && typeof root.window === 'object' && typeof root.document === 'object';
  if (isPage) {
    // Engine-to-page delivery for bridges that can only run script (CEF, the generic host, ExecuteJavaScript).
    var receiveFn = function (frame) { ipcRenderer.receive(frame); };
    Object.defineProperty(root, '__frameIpcReceive', { value: receiveFn, writable: false, configurable: false });
    // Deferred so that an init() in any later script of the page, or in the same task, wins over discovery.
    if (root.document.readyState === 'loading') root.document.addEventListener('DOMContentLoaded', ipcRenderer._start);
    else setTimeout(ipcRenderer._start, 0);
  }

  return {
    PROTOCOL_VERSION: PROTOCOL_VERSION,
    ipcRenderer: ipcRenderer,
    IpcError: IpcError,
    create: create
  };
});
