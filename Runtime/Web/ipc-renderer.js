/*!
 * FrameIPC ipc-renderer.js: the page side of FrameIPC (wire protocol v1, Documentation~/protocol.md).
 * Electron's ipcRenderer API, spoken to a game engine over a WebSocket dev server or an embedded browser's script bridge.
 * One file, three ways to load it: a plain <script> (globals FrameIpc and ipcRenderer), an ES module imported for its
 * side effect (`import './ipc-renderer.js'`, then `FrameIpc.ipcRenderer`), or CommonJS / a bundler (`require`, `import {}`).
 * Documentation~/browser.md says how the bridge is found.
 */
(function (root, factory) {
  'use strict';
  // True when scope[name] was set by a script or a host; false when it is absent or only HTML put it there: named
  // access (an element's id or name, an <iframe name>) yields an Element, an HTMLCollection or a window, never an own
  // property. So `<div id="ipcRenderer">` or `<iframe name="vuplex">` can neither disable IPC nor pose as a bridge.
  function isGenuineGlobal(scope, name) {
    var value = scope[name];
    if (value === undefined || value === null) return false;
    if (Object.prototype.hasOwnProperty.call(scope, name)) return true;
    if (typeof value !== 'object' && typeof value !== 'function') return true;
    try {
      if (value.window === value) return false;
      if (typeof scope.Node === 'function' && value instanceof scope.Node) return false;
      if (typeof scope.HTMLCollection === 'function' && value instanceof scope.HTMLCollection) return false;
    } catch (err) { return false; } // a cross-origin window refuses the look
    return true;
  }
  var key = typeof Symbol === 'function' ? Symbol.for('frameipc') : '__frameIpcInstance';
  var api = factory(root, isGenuineGlobal, key);
  if (typeof module === 'object' && module && module.exports) module.exports = api;
  if (!root) return;
  // Under a key no HTML can clobber: how a second copy and the ES module entry find this instance.
  if (!root[key]) Object.defineProperty(root, key, { value: api, configurable: true });
  if (typeof root.window === 'object') {
    if (!isGenuineGlobal(root, 'FrameIpc')) root.FrameIpc = api;
    if (!isGenuineGlobal(root, 'ipcRenderer')) root.ipcRenderer = api.ipcRenderer;
  }
})(typeof globalThis !== 'undefined' ? globalThis : typeof window !== 'undefined' ? window : this, function (root, isGenuineGlobal, instanceKey) {
  'use strict';
  // Loaded twice (the page's own <script> and a host's injection): keep the first instance.
  var first = root && root[instanceKey];
  if (first && typeof first === 'object' && first.ipcRenderer) return first;

  var PROTOCOL_VERSION = 1;
  var MAX_ID = 0x7fffffff;
  // The most arguments one message may carry: a JavaScript call takes each on the stack, and past about 120,000 Chromium
  // throws a RangeError before any code runs; 65,536 is the limit JavaScriptCore (Safari) documents, safe everywhere.
  var MAX_ARGS = 65536;
  var ENGINE_MAX_DEFAULT = 1048576; // the engine's receive limit when its ready says none (protocol.md)
  var BATCH_OVERHEAD = '{"k":"batch","m":[]}'.length;
  var DEFAULTS = {
    invokeTimeout: 10000,   // ms; 0 = no deadline. Matches IpcOptions.DefaultInvokeTimeout.
    batching: 'frame',      // flush once per animation frame; or 'task' (after the current task), or 'microtask'
    maxBatchChars: 262144,  // a batch frame is closed past this many characters and another one started
    maxFrameChars: 1048576, // one envelope longer than this is refused here, as the engine would (IpcOptions.MaxFrameChars)
    maxHeldChars: 1048576,  // characters held while not ready; past it send throws / invoke rejects with LimitError
    maxChannelChars: 1024,  // a longer channel name is refused at the sender, as the engine would (IpcOptions.MaxChannelChars)
    reconnect: true,        // WebSocket: reconnect after the engine goes away, backing off from 250 ms to 5 s
    helloRetry: 0,          // script bridges: ms between repeated hellos until ready (0 = once); see browser.md
    allowedQueryHosts: null, // hosts (host:port) a ?frameipc= URL may name besides loopback; see browser.md
    frameOrigins: null      // origins besides this page's own whose frames may use its bridge and sendToHost to it; see browser.md
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

  // Electron's texts for argument errors: its webContents.send and ipcRenderer refuse a non-string channel with this one.
  function checkChannel(channel) {
    if (typeof channel !== 'string') throw new TypeError('Missing required channel argument');
    if (channel.length === 0) throw new TypeError('An IPC channel must be a non-empty string');
  }

  // Node's EventEmitter (which Electron's ipcRenderer is) words a bad listener this way.
  function checkListener(listener) {
    if (typeof listener !== 'function') {
      throw new TypeError('The "listener" argument must be of type function. Received ' + (listener === null ? 'null' : 'type ' + typeof listener));
    }
  }

  // ---- tagged values (protocol.md, "Tagged values") ----------------------------------------------------------
  // JSON carries no bytes or Dates; Electron's structured clone does. A value JSON cannot say is sent as an object whose
  // member TAG names its kind. An ordinary object's own member named TAG (or TAG with more leading '$') goes out with
  // one more '$' and comes back without it, so nothing a page sends is ever mistaken for a tagged value.
  var TAG = '$ipc';
  var ESCAPED_KEY = /^\$+ipc$/;
  var BYTE_TYPES = ['Uint8Array', 'Int8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
    'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'DataView', 'ArrayBuffer'];
  // Structured clone refuses these; so does Electron's ipcRenderer, with this message.
  var UNCLONABLE = 'An object could not be cloned.';

  /** A tagged value or an escape made here: the replacer passes it through instead of escaping it again. */
  function Tagged(kind) { this[TAG] = kind; }

  function unclonable(what) {
    var err = new Error(UNCLONABLE + ' (' + what + ' cannot cross to the engine)');
    err.name = 'DataCloneError';
    return err;
  }

  function refused(what, instead) {
    return new TypeError(what + ' cannot be sent: FrameIPC carries JSON values, bytes and Dates (protocol.md); ' + instead);
  }

  function typeTag(value) { return Object.prototype.toString.call(value).slice(8, -1); }

  function toBase64(bytes) {
    if (typeof bytes.toBase64 === 'function') return bytes.toBase64();
    var text = '';
    for (var i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(text);
  }

  function fromBase64(text) {
    if (typeof text !== 'string') throw new TypeError('a bytes value needs a base64 string b64');
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
    var raw = atob(text), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  // JSON.stringify's replacer: `this` holds the value as it was before toJSON (a Date's toJSON already made a string).
  function encodeReplacer(key, value) {
    var raw = this[key];
    var t = typeof raw;
    if (t === 'function') throw unclonable('a function');
    if (t === 'symbol') throw unclonable('a Symbol');
    if (t === 'bigint') throw refused('A BigInt', 'send it as a string');
    if (t !== 'object' || raw === null || raw instanceof Tagged) return value;
    if (ArrayBuffer.isView(raw)) {
      var view = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
      return bytesTag(view, typeTag(raw));
    }
    var tag = typeTag(raw);
    switch (tag) {
      case 'Object': return value === raw ? escapeKeys(raw, 1) : value;
      case 'Array': case 'Number': case 'String': case 'Boolean': case 'Arguments': return value;
      case 'ArrayBuffer': case 'SharedArrayBuffer': return bytesTag(new Uint8Array(raw), 'ArrayBuffer');
      case 'Date':
        if (isNaN(raw.getTime())) throw refused('An invalid Date', 'send a valid one or null');
        var date = new Tagged('date');
        date.v = raw.toISOString();
        return date;
      case 'Error': return { name: String(raw.name), message: String(raw.message) };
      case 'Map': throw refused('A Map', 'send Array.from(map) or Object.fromEntries(map)');
      case 'Set': throw refused('A Set', 'send Array.from(set)');
      case 'RegExp': throw refused('A RegExp', 'send its source');
      case 'Promise': case 'WeakMap': case 'WeakSet': case 'WeakRef': case 'MessagePort': throw unclonable('a ' + tag);
      default:
        // A platform object (document.location, a canvas context, a DOM node, a window...) is not a value; one that says
        // how it is JSON (DOMRect's toJSON) has said so already.
        if (value !== raw) return value;
        throw unclonable('a ' + tag);
    }
  }

  // An object whose own keys look like the tag: a copy with the keys renamed (add = 1 on send, -1 on receive).
  function escapeKeys(object, add) {
    var copy = null;
    for (var name in object) {
      if (name.charCodeAt(0) === 36 && ESCAPED_KEY.test(name) && Object.prototype.hasOwnProperty.call(object, name) && (add > 0 || name.length > TAG.length)) {
        copy = {};
        break;
      }
    }
    if (!copy) return object;
    for (var key in object) {
      if (!Object.prototype.hasOwnProperty.call(object, key)) continue;
      var renamed = ESCAPED_KEY.test(key) ? (add > 0 ? '$' + key : key.slice(1)) : key;
      // defineProperty: an own '__proto__' member stays a member, as JSON.parse made it, and never sets the prototype.
      Object.defineProperty(copy, renamed, { value: object[key], enumerable: true, writable: true, configurable: true });
    }
    return copy;
  }

  function bytesTag(view, type) {
    var tagged = new Tagged('bytes');
    if (type !== 'Uint8Array') tagged.type = type;
    tagged.b64 = toBase64(view);
    return tagged;
  }

  // Only what the replacer would change or refuse needs it: a replacer costs a call per key and value, and takes
  // JSON.stringify off V8's fast path (2.4 times the time of a PlayerState-sized message). isPlain proves a value
  // plain with a cheap walk; anything it is not sure of takes the replacer, which converts it or refuses it with its
  // own error (a cycle included: past the depth or the budget the walk gives up and the replacer's stringify reports it).
  var PLAIN_DEPTH = 64;      // nesting the walk follows before it leaves the value to the replacer
  var PLAIN_OBJECTS = 65536; // objects and arrays one message's walk visits before it does the same
  var plainBudget = 0;
  var toStringTag = typeof Symbol === 'function' ? Symbol.toStringTag : '@@toStringTag';

  function needsReplacer(args) {
    plainBudget = PLAIN_OBJECTS;
    for (var i = 0; i < args.length; i++) {
      var v = args[i], t = typeof v;
      if (t === 'function' || t === 'symbol' || t === 'bigint') return true;
      if (t === 'object' && v !== null) {
        try { if (!isPlain(v, 0)) return true; }
        catch (err) { return true; } // a revoked Proxy, a getter that throws: the replacer's walk meets it again
      }
    }
    return false;
  }

  // Plain: strings, numbers, booleans, null, undefined; arrays of Array.prototype; objects whose prototype is
  // Object.prototype or null, with no toJSON, no Symbol.toStringTag and no key starting with '$' (the tag's escape).
  // JSON.stringify writes such a value exactly as it does with encodeReplacer, which returns each of them unchanged.
  function isPlain(value, depth) {
    if (--plainBudget < 0 || depth > PLAIN_DEPTH) return false;
    var proto = Object.getPrototypeOf(value), v, t;
    if (proto === Array.prototype && Array.isArray(value)) {
      if (value.toJSON !== undefined) return false;
      for (var i = 0; i < value.length; i++) {
        v = value[i];
        t = typeof v;
        if (t === 'object' ? v !== null && !isPlain(v, depth + 1) : t === 'function' || t === 'symbol' || t === 'bigint') return false;
      }
      return true;
    }
    if ((proto !== Object.prototype && proto !== null) || value.toJSON !== undefined || value[toStringTag] !== undefined) return false;
    for (var key in value) {
      if (key.charCodeAt(0) === 36) return false;
      v = value[key];
      t = typeof v;
      if (t === 'object' ? v !== null && !isPlain(v, depth + 1) : t === 'function' || t === 'symbol' || t === 'bigint') return false;
    }
    return true;
  }

  function stringifyEnvelope(envelope, values) {
    return needsReplacer(values) ? JSON.stringify(envelope, encodeReplacer) : JSON.stringify(envelope);
  }

  // JSON.parse's reviver, children first: a tagged object becomes its value; escaped keys lose their extra '$'.
  function decodeReviver(key, value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    if (!Object.prototype.hasOwnProperty.call(value, TAG)) return escapeKeys(value, -1);
    switch (value[TAG]) {
      case 'bytes': return bytesOf(fromBase64(value.b64), value.type);
      case 'date':
        var date = typeof value.v === 'string' ? new Date(value.v) : new Date(NaN);
        if (isNaN(date.getTime())) throw new TypeError('a date needs an ISO-8601 string v');
        return date;
      default: throw new TypeError('unknown tagged value kind ' + JSON.stringify(String(value[TAG])).slice(0, 80));
    }
  }

  function bytesOf(bytes, type) {
    if (type === undefined || type === 'Uint8Array') return bytes;
    if (BYTE_TYPES.indexOf(type) < 0 || typeof root[type] !== 'function') throw new TypeError('unknown bytes type ' + JSON.stringify(String(type)).slice(0, 80));
    if (type === 'ArrayBuffer') return bytes.buffer;
    if (type === 'DataView') return new DataView(bytes.buffer);
    var Ctor = root[type];
    if (bytes.length % Ctor.BYTES_PER_ELEMENT !== 0) throw new TypeError(bytes.length + ' bytes do not make a ' + type);
    return new Ctor(bytes.buffer);
  }

  /** Parses a frame; tagged values are decoded only when the text has one (the reviver costs on every value). */
  function parseFrame(text) {
    return text.indexOf(TAG + '"') >= 0 ? JSON.parse(text, decodeReviver) : JSON.parse(text);
  }

  /** A channel or kind as it may appear in an error message: never the whole of a huge one. */
  function clip(text) { return text.length > 80 ? text.slice(0, 80) + '...' : text; }

  function limitError(message) { return IpcError('LimitError', message, 'ELIMIT'); }

  function warn(message) { if (typeof console !== 'undefined') console.warn(message); }

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
    var queue = [];              // [{s: envelope JSON, id: invoke id or 0, bound: true for what only this connection understands}]
    var queuedChars = 0;
    var flushScheduled = false;
    var bridge = null;           // {kind, post(frame), retryHello}
    var started = false, isReady = false, viewId = 0, nextId = 1;
    var engineMax = ENGINE_MAX_DEFAULT; // the largest frame the engine accepts, from its ready
    var querySocket = null;      // the WebSocket that the page URL's ?frameipc= opened: {stop()}; a host bridge replaces it
    var explicit = false;        // init({url|host}) chose the bridge: discovery stops
    var queryTried = false;
    var state = 'connecting', stateListeners = [];
    var helloTimer = null, discoverTimer = null, discoverTries = 0;
    var resolveReady;
    var readyPromise = new Promise(function (resolve) { resolveReady = resolve; });
    var senders = new Map();     // senderId -> frozen facade
    var leaving = false;         // between pagehide and a pageshow that restores the page: every send leaves at once
    var unloaded = false;        // unload ran: past its handlers, this client belongs to a page that is gone
    // MessagePorts (protocol.md, "MessagePorts"): id -> the port this client keeps and relays. The page names the ports
    // it transfers 1, 2, 3...; the engine names those it transfers -1, -2, -3...
    var ports = new Map();       // id -> {port: the end relayed here, user: the end given to a listener (engine's ports) or null}
    var nextPortId = 1, engineIdsSeen = 0;
    var transferred = typeof WeakSet === 'function' ? new WeakSet() : new Set();

    var api = {};

    // ---- outbound -------------------------------------------------------------------------------------------

    // The largest frame that may leave: the page's own limit and the engine's, whichever is smaller.
    function sendLimit() { return Math.min(opts.maxFrameChars, engineMax); }

    function enqueue(envelope, id, bound) {
      if (frameRefusal) throw frameRefusal;
      var ch = clip(envelope.ch);
      if (envelope.ch.length > opts.maxChannelChars) {
        throw limitError('The channel name \'' + ch + '\' is ' + envelope.ch.length + ' characters, over the limit of ' + opts.maxChannelChars);
      }
      if (envelope.a.length > MAX_ARGS) {
        throw limitError('Message on \'' + ch + '\' has ' + envelope.a.length + ' arguments, over the limit of ' + MAX_ARGS + '; send them as one array');
      }
      var s = stringifyEnvelope(envelope, envelope.a);
      if (s.length > sendLimit()) {
        throw limitError('Message on \'' + ch + '\' is ' + s.length + ' characters, over the limit of ' + sendLimit() +
          (engineMax < opts.maxFrameChars ? ' (the engine\'s)' : ''));
      }
      if (!isReady && queuedChars + s.length > opts.maxHeldChars) {
        throw limitError('More than ' + opts.maxHeldChars + ' characters held before the engine is ready; message on \'' + ch + '\' refused');
      }
      push(s, id || 0, !!bound);
    }

    function push(s, id, bound) {
      queue.push({ s: s, id: id, bound: bound });
      queuedChars += s.length;
      scheduleFlush();
    }

    function scheduleFlush() {
      if (leaving && isReady) { flush(); return; } // no frame, task or timer comes after unload: now or never
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
      var items = refuseOversize(queue);
      queue = [];
      queuedChars = 0;
      // Each frame stays within the engine's limit, the batch wrapper and commas counted; one envelope may go alone.
      var batchLimit = Math.min(opts.maxBatchChars, sendLimit());
      var start = 0;
      while (start < items.length) {
        var end = start + 1, chars = BATCH_OVERHEAD + items[start].s.length;
        while (end < items.length && chars + 1 + items[end].s.length <= batchLimit) {
          chars += 1 + items[end].s.length;
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

    // What was held while the engine's limit was unknown, or larger: an envelope over it now cannot leave. Its invoke is
    // rejected; a send's caller has returned, so the console says what was refused.
    function refuseOversize(items) {
      var limit = sendLimit(), kept = null;
      for (var i = 0; i < items.length; i++) {
        var item = items[i];
        if (item.s.length <= limit) { if (kept) kept.push(item); continue; }
        if (!kept) kept = items.slice(0, i);
        var error = limitError('A held message of ' + item.s.length + ' characters is over the engine\'s limit of ' + limit + ' and was not sent');
        var p = item.id && pending.get(item.id);
        if (p) { settle(item.id, p); p.reject(IpcError.forInvoke(p.channel, error)); }
        else reportError(error);
      }
      return kept || items;
    }

    function post(frame) {
      if (!bridge) return false;
      try { return bridge.post(frame) !== false; }
      catch (err) { reportError(err); return false; }
    }

    // ---- inbound --------------------------------------------------------------------------------------------

    function receive(frame) {
      var value = frame;
      if (typeof frame === 'string' && frame.length > opts.maxFrameChars) {
        notice(limitError('A frame of ' + frame.length + ' characters is over this page\'s limit of ' + opts.maxFrameChars + ' and was refused'));
        return;
      }
      try {
        if (typeof frame === 'string') value = parseFrame(frame);
        else if (frame && typeof frame === 'object') value = parseFrame(JSON.stringify(frame)); // a bridge that delivers objects
      } catch (err) { protocolError('Malformed frame: ' + err.message); return; }
      if (value && value.k === 'batch') {
        if (!Array.isArray(value.m)) { protocolError('A batch needs an array m'); return; }
        for (var i = 0; i < value.m.length; i++) dispatch(value.m[i]);
      } else dispatch(value);
    }

    function protocolError(message) { notice(IpcError('ProtocolError', message, 'EPROTO')); }

    // A problem no one here waits on: the console, and the engine as an error notice (its Diagnostic reports it).
    function notice(error) {
      reportError(error);
      if (isReady) push(JSON.stringify({ k: 'error', e: wireError(error.name, error.message, error.code) }), 0, true);
    }

    function dispatch(m) {
      if (!m || typeof m !== 'object' || typeof m.k !== 'string') { protocolError('An envelope must be an object with a string k'); return; }
      if (m.fr && routeToFrame(m)) return; // the top page relays what is meant for one of its frames
      switch (m.k) {
        case 'ready': onReady(m); break;
        case 'send': onSend(m); break;
        case 'invoke': onInvoke(m); break;
        case 'result': onResult(m); break;
        case 'cancel': onCancel(m); break;
        case 'portmessage': onPortMessage(m); break;
        case 'portclose': onPortClose(m); break;
        case 'error': if (typeof api.onerror === 'function') api.onerror(errorFromWire(m.e)); else reportError(errorFromWire(m.e)); break;
        default: protocolError("Unknown envelope kind '" + clip(m.k) + "'");
      }
    }

    function errorFromWire(e) {
      e = e && typeof e === 'object' ? e : {};
      return IpcError(String(e.name || 'Error'), String(e.message === undefined ? '' : e.message), e.code, e.data);
    }

    function onReady(m) {
      if (typeof m.view !== 'number') { protocolError('ready needs a numeric view'); return; }
      var validMax = typeof m.max === 'number' && m.max > 0 && m.max % 1 === 0;
      if (helloTimer) { clearInterval(helloTimer); helloTimer = null; }
      viewId = m.view;
      frameId = typeof m.fr === 'number' ? m.fr : 0;
      engineMax = validMax ? m.max : ENGINE_MAX_DEFAULT; // absent means the protocol's default
      isReady = true;
      // A malformed max does not stop the handshake: the engine hears of it, and the default applies.
      if (m.max !== undefined && !validMax) protocolError('ready\'s max must be a positive integer; using ' + ENGINE_MAX_DEFAULT);
      resolveReady(viewId);
      setState('ready', null);
      framesReady();
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
      var args = Array.isArray(m.a) ? m.a : [];
      if (args.length > MAX_ARGS) {
        if (listeners.has(m.ch)) notice(tooManyArgs(m.ch, args.length));
        return;
      }
      var eventPorts = [];
      if (m.p !== undefined && !(eventPorts = receivePorts(m.p, listeners.has(m.ch)))) return;
      emit(m.ch, { senderId: from, sender: senderFor(from), ports: eventPorts }, args);
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

    // A listener cannot be called with more arguments than a call can carry (MAX_ARGS).
    function tooManyArgs(channel, count) {
      return limitError('A message on \'' + clip(channel) + '\' with ' + count + ' arguments was refused: over this page\'s limit of ' + MAX_ARGS);
    }

    function onInvoke(m) {
      if (typeof m.id !== 'number' || typeof m.ch !== 'string') { protocolError('invoke needs a numeric id and a string ch'); return; }
      var id = m.id, channel = m.ch;
      // The protocol's rule for a duplicate id: the one still running keeps it, the newcomer gets a ProtocolError.
      if (running.has(id)) { reply(id, undefined, wireError('ProtocolError', 'Duplicate invoke id ' + id + ': an invoke with that id is still running', 'EPROTO')); return; }
      var handler = handlers.get(channel);
      if (!handler) { reply(id, undefined, wireError('Error', "No handler registered for '" + channel + "'")); return; }
      var args = Array.isArray(m.a) ? m.a : [];
      if (args.length > MAX_ARGS) { var tooMany = tooManyArgs(channel, args.length); reply(id, undefined, wireError(tooMany.name, tooMany.message, tooMany.code)); return; }
      if (handler.once) handlers.delete(channel);
      var controller = makeAbortController();
      running.set(id, controller);
      var event = { senderId: 0, sender: senderFor(0), signal: controller.signal, ports: [] };
      var outcome;
      try { outcome = Promise.resolve(handler.fn.apply(null, [event].concat(args))); }
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
      try { s = stringifyEnvelope(envelope, [value, error && error.data]); }
      catch (err) { s = JSON.stringify({ k: 'result', id: id, e: wireError('Error', 'The handler\'s result could not be sent: ' + err.message) }); }
      if (s.length > sendLimit()) {
        // The caller is answered even so: with why its result cannot cross.
        s = JSON.stringify({ k: 'result', id: id, e: wireError('LimitError', 'The result is ' + s.length + ' characters, over the limit of ' + sendLimit(), 'ELIMIT') });
      }
      push(s, 0, true);
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

    // ---- MessagePorts ---------------------------------------------------------------------------------------------

    function dataCloneError(message) {
      var err = new Error(message);
      err.name = 'DataCloneError';
      return err;
    }

    // Blink's words for what a transfer list may not hold.
    function checkTransferable(list, i) {
      var port = list[i];
      if (typeof MessagePort !== 'function' || !(port instanceof MessagePort)) throw new TypeError('Value at index ' + i + ' does not have a transferable type.');
      if (transferred.has(port)) throw dataCloneError('Port at index ' + i + ' is already neutered.');
      if (list.indexOf(port) < i) throw dataCloneError('Message port at index ' + i + ' is a duplicate of an earlier port.');
    }

    // Whether this browser fires MessagePort's 'close' when the entangled port closes (the HTML standard's newer event).
    var NATIVE_PORT_CLOSE = typeof MessagePort === 'function' && 'onclose' in MessagePort.prototype;

    // Keeps `port` as the page's end of port `id`: what arrives on it goes to the engine, and its close too. `user` is the
    // port a listener got for an engine's port (null for the page's own): its close() is seen here in every browser.
    function attachPort(id, port, user) {
      var entry = { port: port, user: user };
      transferred.add(port);
      ports.set(id, entry);
      port.onmessage = function (ev) { relayPortMessage(id, entry, ev); };
      var closedHere = function () {
        if (ports.get(id) !== entry) return; // closed from the engine's side already
        ports.delete(id);
        port.close();
        if (isReady) push(JSON.stringify({ k: 'portclose', p: id }), 0, true);
      };
      port.addEventListener('close', closedHere);
      if (user) {
        user.close = function () { MessagePort.prototype.close.call(user); closedHere(); };
      }
    }

    // The engine's side closed port `id`: the page's port is closed, and a listener's port hears 'close' even where the
    // browser does not fire it (there, a port the page made itself and transferred is not told: see browser.md).
    function closePort(entry) {
      entry.port.close();
      if (!entry.user || NATIVE_PORT_CLOSE) return;
      var ev = new Event('close');
      entry.user.dispatchEvent(ev);
      if (typeof entry.user.onclose === 'function') {
        try { entry.user.onclose(ev); } catch (err) { reportError(err); }
      }
    }

    function relayPortMessage(id, entry, ev) {
      if (ports.get(id) !== entry) return;
      if (ev.ports && ev.ports.length > 0) {
        // Ports inside port messages are not supported: refused, and the ports sent with it are closed, not kept.
        for (var i = 0; i < ev.ports.length; i++) ev.ports[i].close();
        reportError(dataCloneError('A message on port ' + id + ' carried MessagePorts, which FrameIPC does not relay; it was dropped. Transfer ports with ipcRenderer.postMessage instead.'));
        return;
      }
      var s;
      try { s = stringifyEnvelope({ k: 'portmessage', p: id, a: [ev.data] }, [ev.data]); }
      catch (err) { reportError(err); return; }
      if (s.length > sendLimit()) {
        reportError(limitError('A message on port ' + id + ' is ' + s.length + ' characters, over the limit of ' + sendLimit() + ', and was dropped'));
        return;
      }
      if (!isReady && queuedChars + s.length > opts.maxHeldChars) {
        reportError(limitError('More than ' + opts.maxHeldChars + ' characters held before the engine is ready; a message on port ' + id + ' was dropped'));
        return;
      }
      push(s, 0, true);
    }

    // The ports of an engine's send (engine-named: -1, -2...): a local MessageChannel each, one end for the listener, the
    // other kept and relayed. Nobody listening: they are closed at once, so the engine's ends hear of it.
    function receivePorts(ids, heard) {
      if (!Array.isArray(ids)) { protocolError('send\'s p must be an array of port ids'); return null; }
      for (var i = 0; i < ids.length; i++) {
        var id = ids[i];
        if (typeof id !== 'number' || id % 1 !== 0 || id >= 0 || -id <= engineIdsSeen) {
          protocolError('Port id ' + JSON.stringify(id) + ' is not a new engine port id (-1, -2...)');
          return null;
        }
        engineIdsSeen = -id;
      }
      var given = [];
      for (var j = 0; j < ids.length; j++) {
        if (!heard) { push(JSON.stringify({ k: 'portclose', p: ids[j] }), 0, true); continue; }
        var channel = new MessageChannel();
        attachPort(ids[j], channel.port2, channel.port1);
        given.push(channel.port1);
      }
      return given;
    }

    function portUsed(id) { return id > 0 ? id < nextPortId : -id <= engineIdsSeen; }

    function onPortMessage(m) {
      var entry = typeof m.p === 'number' ? ports.get(m.p) : undefined;
      if (!entry) {
        if (typeof m.p !== 'number' || !portUsed(m.p)) protocolError('Unknown port id ' + clip(JSON.stringify(m.p) || '') + ' in a portmessage');
        return; // a closed port: the message crossed its close
      }
      if (!Array.isArray(m.a)) { protocolError('portmessage needs an array a'); return; }
      entry.port.postMessage(m.a[0]);
    }

    function onPortClose(m) {
      var entry = typeof m.p === 'number' ? ports.get(m.p) : undefined;
      if (!entry) {
        if (typeof m.p !== 'number' || !portUsed(m.p)) protocolError('Unknown port id ' + clip(JSON.stringify(m.p) || '') + ' in a portclose');
        return;
      }
      ports.delete(m.p);
      closePort(entry);
    }

    function closeAllPorts() {
      var all = Array.from(ports.values());
      ports.clear();
      for (var i = 0; i < all.length; i++) closePort(all[i]);
    }

    // ---- page lifecycle ------------------------------------------------------------------------------------------

    // What the page sends while it is being left must leave now: after unload no animation frame, task or timer runs.
    // beforeunload may be cancelled, so it only flushes; pagehide starts the synchronous mode, pageshow (a page restored
    // from the back/forward cache) ends it.
    function watchLifecycle() {
      if (!env.document || typeof env.addEventListener !== 'function') return;
      var leave = function (e) {
        if (e.type !== 'beforeunload') leaving = true;
        if (e.type === 'unload') unloaded = true;
        if (isReady) flush();
      };
      env.addEventListener('beforeunload', leave);
      env.addEventListener('pagehide', leave);
      env.addEventListener('unload', leave);
      env.addEventListener('pageshow', function (e) { if (e.persisted) leaving = unloaded = false; });
    }

    // Electron throws this when a context (a closed window, an unloaded page) that someone kept a reference to calls
    // IPC. Here: once the window is closed (close(), a removed iframe) or its page unloaded (a navigation), only its own
    // pagehide/visibilitychange/unload handlers may still send. A caller after them
    // (an opener holding child.ipcRenderer) would be dropped silently, so it gets the error.
    var LIFECYCLE_EVENTS = { beforeunload: 1, pagehide: 1, visibilitychange: 1, unload: 1 };
    function checkReleased() {
      if (!unloaded && env.closed !== true) return;
      var current = env.event;
      if (current && LIFECYCLE_EVENTS[current.type] === 1) return;
      throw new Error('IPC method called after context was released');
    }

    // ---- connection -----------------------------------------------------------------------------------------

    function helloFrame() {
      var hello = { k: 'hello', v: PROTOCOL_VERSION, max: opts.maxFrameChars };
      if (bridge && bridge.kind === 'frame' && env.location) hello.url = String(env.location.href); // the top page reports it
      return JSON.stringify(hello);
    }

    function connected(b) {
      bridge = b;
      setState('connecting', null);
      bridge.post(helloFrame());
      // A subframe's top page may load its client after the frame's: it says hello until answered.
      var every = opts.helloRetry > 0 ? opts.helloRetry : b.kind === 'frame' ? 250 : 0;
      if (b.retryHello && every > 0) {
        helloTimer = setInterval(function () { if (!isReady && bridge) bridge.post(helloFrame()); }, every);
      }
    }

    function disconnected(reason, next) {
      bridge = null;
      isReady = false;
      engineMax = ENGINE_MAX_DEFAULT;
      if (helloTimer) { clearInterval(helloTimer); helloTimer = null; }
      // Results, cancels and notices name ids of this connection only; a new one would not know them.
      var kept = [];
      queuedChars = 0;
      for (var i = 0; i < queue.length; i++) if (!queue[i].bound) { kept.push(queue[i]); queuedChars += queue[i].s.length; }
      queue = kept;
      pending.forEach(function (p, id) {
        if (!p.posted) return; // never left the page: it goes out on the next connection
        settle(id, p);
        p.reject(IpcError.forInvoke(p.channel, { name: 'ViewGoneError', message: 'The connection to the engine closed (' + reason + ')', code: 'EVIEWGONE' }));
      });
      running.forEach(function (controller) { controller.abort(IpcError('ViewGoneError', 'The connection to the engine closed', 'EVIEWGONE')); });
      closeAllPorts();
      running.clear();
      framesDisconnected(reason);
      setState(next.state, reason, next.retryIn);
    }

    function setState(next, reason, retryIn) {
      if (next === state) return;
      var change = { state: next, previous: state, reason: reason || undefined, retryIn: retryIn, viewId: viewId };
      state = next;
      var copy = stateListeners.slice();
      for (var i = 0; i < copy.length; i++) {
        try { copy[i](change); } catch (err) { reportError(err); }
      }
    }

    function queryParam(name) {
      var search = env.location && env.location.search;
      if (!search || typeof URLSearchParams !== 'function') return null;
      return new URLSearchParams(search).get(name);
    }

    // Reconnects with backoff (250 ms doubling to 5 s) while opts.reconnect holds, until stop().
    function connectWebSocket(url, token) {
      var delay = 250, stopped = false, ws = null;
      var handle = { stop: function () { stopped = true; if (ws) ws.close(1000, 'replaced'); } };
      var open = function () {
        if (stopped) return;
        var full = token ? url + (url.indexOf('?') >= 0 ? '&' : '?') + 'token=' + encodeURIComponent(token) : url;
        var socketNow = ws = new env.WebSocket(full);
        var b = { kind: 'websocket', post: function (frame) { if (socketNow.readyState !== 1) return false; socketNow.send(frame); return true; } };
        socketNow.onopen = function () { delay = 250; if (!stopped) connected(b); };
        socketNow.onmessage = function (e) { if (bridge === b) receive(e.data); };
        socketNow.onclose = function (e) {
          if (stopped) return;
          var retry = opts.reconnect ? delay : undefined;
          var reason = 'WebSocket closed, code ' + e.code + (e.reason ? ': ' + e.reason : '');
          var next = { state: opts.reconnect ? 'reconnecting' : 'closed', retryIn: retry };
          if (bridge === b) disconnected(reason, next);
          else if (!opts.reconnect || state !== 'connecting') setState(next.state, reason, retry); // a first attempt stays 'connecting'
          if (opts.reconnect) { setTimeout(open, delay); delay = Math.min(delay * 2, 5000); }
        };
      };
      open();
      return handle;
    }

    // The page URL's ?frameipc=: honoured for a loopback address, or a host the page allowed itself (allowedQueryHosts).
    // Anyone can send a link, so the URL alone must not point the page's IPC at another machine.
    function queryBridge() {
      var url = queryParam('frameipc');
      if (!url) return null;
      var parsed;
      try { parsed = new URL(url); } catch (err) { parsed = null; }
      if (!parsed || (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:')) {
        warn('FrameIPC: ignored ?frameipc=' + clip(url) + ': not a ws:// or wss:// URL');
        return null;
      }
      if (!isLoopback(parsed.hostname) && !isAllowedQueryHost(parsed)) {
        warn('FrameIPC: ignored ?frameipc=' + clip(url) + ': not a loopback address. A page that means to reach ' + parsed.host +
          ' says so with ipcRenderer.init({ allowedQueryHosts: [\'' + parsed.host + '\'] }) before it finishes parsing');
        return null;
      }
      return { url: url, token: queryParam('token') };
    }

    function isLoopback(hostname) {
      // The URL parser has already written 127.1 or 0x7f.1 as 127.0.0.1, and [0::1] as [::1].
      return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
    }

    function isAllowedQueryHost(parsed) {
      var allowed = opts.allowedQueryHosts;
      if (!allowed || typeof allowed.length !== 'number') return false;
      for (var i = 0; i < allowed.length; i++) {
        var entry = String(allowed[i]).toLowerCase();
        if (entry === parsed.host || (entry.indexOf(':') < 0 && entry === parsed.hostname && parsed.port === '')) return true;
      }
      return false;
    }

    // A host's own objects, most specific first. Only what a script or the host set counts (see isGenuineGlobal).
    function hostBridge() {
      var host = isGenuineGlobal(env, 'frameIpcHost') ? env.frameIpcHost : null;
      if (host && typeof host.post === 'function') return { kind: 'host', retryHello: true, post: function (f) { host.post(f); } };
      var vuplex = isGenuineGlobal(env, 'vuplex') ? env.vuplex : null;
      if (vuplex && typeof vuplex.postMessage === 'function' && typeof vuplex.addEventListener === 'function') {
        return { kind: 'vuplex', retryHello: true, post: function (f) { vuplex.postMessage(f); },
          listen: function (b) { vuplex.addEventListener('message', function (e) { if (bridge === b) receive(e.data); }); } };
      }
      var webview = isGenuineGlobal(env, 'chrome') && env.chrome && env.chrome.webview;
      if (webview && typeof webview.postMessage === 'function' && typeof webview.addEventListener === 'function') {
        return { kind: 'webview2', retryHello: true, post: function (f) { webview.postMessage(f); },
          listen: function (b) { webview.addEventListener('message', function (e) { if (bridge === b) receive(e.data); }); } };
      }
      if (isGenuineGlobal(env, 'cefQuery') && typeof env.cefQuery === 'function') {
        return { kind: 'cef', retryHello: true, post: function (f) {
          env.cefQuery({ request: f, persistent: false, onSuccess: function () {}, onFailure: function (code, message) { reportError(IpcError('Error', 'cefQuery failed (' + code + '): ' + message)); } });
        } };
      }
      return null;
    }

    function useHost(b) {
      if (querySocket) {
        // An injected host bridge wins over a ?frameipc= connection, even one made before the host appeared.
        querySocket.stop();
        querySocket = null;
        if (bridge) disconnected('an embedded browser\'s host bridge replaced the ?frameipc= connection', { state: 'connecting' });
      }
      if (b.listen) b.listen(b);
      connected(b);
    }

    // Order: explicit init, then a host bridge, then the page URL's ?frameipc=. True once nothing can win any more.
    function discover() {
      var b = hostBridge();
      if (b) { useHost(b); return true; }
      if (!querySocket && !queryTried) {
        queryTried = true;
        var query = queryBridge();
        if (query) querySocket = connectWebSocket(query.url, query.token);
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
      if (isSubframe()) { connected(frameBridge()); return; } // an <iframe>: through the top page, unless init chose a bridge
      if (discover()) return;
      // An embedded browser may inject its bridge after our script ran (Vuplex announces it with 'vuplexready'),
      // and then wins even over a ?frameipc= connection already made.
      var retry = function () {
        if (explicit || (bridge && !querySocket)) return true; // settled: nothing can win any more
        if (!discover()) return false;
        if (discoverTimer) { clearTimeout(discoverTimer); discoverTimer = null; }
        return true;
      };
      if (typeof env.addEventListener === 'function') env.addEventListener('vuplexready', retry);
      // Every 200 ms for 10 s, then every 2 s: a host may inject its bridge (or frameIpcHost) at any time.
      var poll = function () {
        discoverTimer = null;
        if (retry()) return;
        if (++discoverTries === 50 && !querySocket && typeof console !== 'undefined') {
          console.warn('FrameIPC: no bridge found yet (no frameIpcHost, vuplex, chrome.webview or cefQuery, no loopback ?frameipc= in the URL); still looking, or call ipcRenderer.init().');
        }
        discoverTimer = setTimeout(poll, discoverTries < 50 ? 200 : 2000);
      };
      discoverTimer = setTimeout(poll, 200);
    }

    // ---- frames (browser.md, "Frames") ----------------------------------------------------------------------
    // A page in an <iframe> speaks through its top page's bridge: it posts its frames to window.top, whose client checks
    // who sent them (a frame of this page, of an allowed origin), names the frame on each envelope (fr) and sends them
    // on; what the engine sends to a frame (fr) the top page posts to that frame's window. The top page also tells the
    // engine when a frame attaches, navigates or goes (the 'frame' envelope), so one view has many frames.

    var frameId = 0;          // this client's frame id, from its ready (0: the top page)
    var frameRecords = [];    // top page: [{id, win, origin, url, doc, parent, attached, answered}]
    var nextFrameId = 1;
    var frameRefusal = null;  // a subframe the top page refused: every send throws it
    var warnedOrigins = {};
    var docToken = Date.now().toString(36) + Math.random().toString(36).slice(2); // this document, in its hellos

    function isSubframe() {
      try { return !!env.top && env.top !== env && env.window === env; } catch (err) { return false; }
    }

    function parentOf(win) { try { return win.parent; } catch (err) { return null; } }

    // True for a window in this page's frame tree (a frame's frame too), never for an opener's popup or another tab.
    function isDescendant(win) {
      for (var w = win, i = 0; w && i < 64; i++) {
        var p = parentOf(w);
        if (!p || p === w) return false;
        if (p === env) return true;
        w = p;
      }
      return false;
    }

    // This page's own origin always; others only when the page listed them (init({ frameOrigins })).
    function originAllowed(origin) {
      if (env.location && origin === env.location.origin && origin !== 'null') return true;
      var list = opts.frameOrigins;
      if (!list || typeof list.length !== 'number') return false;
      for (var i = 0; i < list.length; i++) if (String(list[i]) === origin) return true;
      return false;
    }

    function recordOf(win) {
      for (var i = 0; i < frameRecords.length; i++) if (frameRecords[i].win === win) return frameRecords[i];
      return null;
    }

    function recordById(id) {
      for (var i = 0; i < frameRecords.length; i++) if (frameRecords[i].id === id) return frameRecords[i];
      return null;
    }

    function postTo(win, origin, data) {
      try { win.postMessage(data, origin && origin !== 'null' ? origin : '*'); } catch (err) { reportError(err); }
    }

    function refuseFrame(win, origin, why, host) {
      var message = 'FrameIPC: a frame of ' + origin + ' may not ' + (host ? 'sendToHost to' : 'use the bridge of') + ' this page (' +
        location0() + '): ' + why;
      if (!warnedOrigins[origin + why]) { warnedOrigins[origin + why] = true; warn(message); }
      postTo(win, origin, { frameipc: 'refused', host: !!host, message: message });
    }

    function location0() { return env.location ? env.location.origin : 'no origin'; }

    function notAllowed(origin) {
      return 'its origin is not allowed; the top page allows it with ipcRenderer.init({ frameOrigins: [\'' + origin + '\'] })';
    }

    function onWindowMessage(event) {
      var d = event.data;
      if (!d || typeof d !== 'object' || typeof d.frameipc !== 'string') return;
      var kind = d.frameipc;
      if (kind === 'host') { onSendToHost(event, d); return; }
      if (kind === 'up' || kind === 'leave') { if (!isSubframe()) fromFrame(event, d); return; }
      if (bridge && bridge.kind === 'frame' && event.source === env.top) toThisFrame(d);
      else if (kind === 'refused' && d.host && event.source === env.parent) reportError(IpcError('ForbiddenError', String(d.message), 'EFORBIDDEN'));
    }

    // ---- the top page's side

    function fromFrame(event, d) {
      var win = event.source, origin = event.origin, rec = recordOf(win);
      var why = !isDescendant(win) ? 'it is not a frame of this page' : !originAllowed(origin) ? notAllowed(origin) : null;
      if (why) {
        if (rec) dropFrame(rec);
        if (d.frameipc === 'up') refuseFrame(win, origin, why, false);
        return;
      }
      if (d.frameipc === 'leave') { if (rec && rec.doc === d.doc) frameLeft(rec); return; }
      if (typeof d.f !== 'string' || d.f.length > opts.maxFrameChars) return; // its own client never posts more
      var value;
      try { value = JSON.parse(d.f); } catch (err) { return; } // the frame's own client never posts what does not parse
      var list = value && value.k === 'batch' && Array.isArray(value.m) ? value.m : [value];
      for (var i = 0; i < list.length; i++) {
        var m = list[i];
        if (!m || typeof m !== 'object' || typeof m.k !== 'string') continue;
        if (m.k === 'hello') { frameHello(win, origin, d.doc, m); rec = recordOf(win); continue; }
        if (!rec || !rec.answered || rec.doc !== d.doc) continue; // a frame speaks after its ready, from its document
        if (m.k !== 'send' && m.k !== 'invoke' && m.k !== 'result' && m.k !== 'cancel' && m.k !== 'error') continue;
        m.fr = rec.id; // whatever the frame wrote there: it speaks for itself only
        var s = JSON.stringify(m);
        if (s.length > sendLimit()) continue; // its own client checks the max its ready gave it
        push(s, 0, true);
      }
    }

    function frameHello(win, origin, doc, m) {
      var rec = recordOf(win), url = typeof m.url === 'string' ? m.url : null;
      if (!rec) {
        var parent = 0;
        for (var w = parentOf(win), i = 0; w && w !== env && i < 64; w = parentOf(w), i++) {
          var up = recordOf(w);
          if (up) { parent = up.id; break; }
        }
        rec = { id: nextFrameId++, win: win, parent: parent, attached: false, answered: false };
        frameRecords.push(rec);
      } else if (rec.doc !== doc) {
        rec.answered = false;
        if (rec.attached) pushFrameOp(rec, 'navigate', origin, url || location0());
      }
      rec.doc = doc;
      rec.origin = origin;
      rec.url = url;
      answerFrame(rec);
    }

    // Once this page is ready: the engine hears of the frame, then the frame gets its ready (again, for a retried hello).
    function answerFrame(rec) {
      if (!isReady || rec.doc === null) return;
      if (!rec.attached) { rec.attached = true; pushFrameOp(rec, 'attach', rec.origin, rec.url); }
      rec.answered = true;
      // Room for the fr this page adds to each of the frame's envelopes.
      var ready = { k: 'ready', v: PROTOCOL_VERSION, view: viewId, max: sendLimit() - 24, fr: rec.id };
      postTo(rec.win, rec.origin, { frameipc: 'down', f: JSON.stringify(ready) });
    }

    function pushFrameOp(rec, op, origin, url) {
      if (!isReady) return;
      var envelope = { k: 'frame', fr: rec.id, op: op };
      if (op === 'attach') envelope.parent = rec.parent;
      if (origin) envelope.origin = origin;
      if (url) envelope.url = url;
      push(JSON.stringify(envelope), 0, true);
    }

    // The frame's document is going: removed (its window is closed by now) or navigating (a new hello will follow).
    function frameLeft(rec) {
      rec.answered = false;
      rec.doc = null;
      var closed;
      try { closed = rec.win.closed === true; } catch (err) { closed = true; }
      if (closed) dropFrame(rec);
      else if (rec.attached) pushFrameOp(rec, 'navigate', null, null);
    }

    // The engine detaches a frame's own frames with it; here they go too, unannounced.
    function dropFrame(rec) {
      var gone = [rec.id];
      for (var i = 0; i < frameRecords.length; i++) {
        if (gone.indexOf(frameRecords[i].parent) >= 0 && gone.indexOf(frameRecords[i].id) < 0) { gone.push(frameRecords[i].id); i = -1; }
      }
      frameRecords = frameRecords.filter(function (r) { return gone.indexOf(r.id) < 0; });
      if (rec.attached) pushFrameOp(rec, 'detach', null, null);
    }

    // An envelope from the engine with fr: to that frame's window, only while it is the document that said hello.
    function routeToFrame(m) {
      if (bridge && bridge.kind === 'frame') return false; // a subframe's own envelopes carry its fr
      var rec = recordById(m.fr);
      if (rec && rec.answered) postTo(rec.win, rec.origin, { frameipc: 'down', f: stringifyEnvelope(m, [m.a, m.r, m.e]) });
      return true;
    }

    // This page lost the engine: its frames did too; they say hello again and are attached anew when it is back.
    function framesDisconnected(reason) {
      for (var i = 0; i < frameRecords.length; i++) {
        var rec = frameRecords[i];
        rec.attached = rec.answered = false;
        postTo(rec.win, rec.origin, { frameipc: 'gone', reason: reason });
      }
    }

    // Every handshake is a fresh start on the engine (a repeated hello counts as a reload there): the frames attach again.
    function framesReady() {
      for (var i = 0; i < frameRecords.length; i++) {
        frameRecords[i].attached = false;
        answerFrame(frameRecords[i]);
      }
    }

    // ---- a subframe's side

    function frameBridge() {
      var hellos = 0;
      return { kind: 'frame', retryHello: true, post: function (f) {
        // Before ready only hellos leave: 40 of them unanswered is 10 s.
        if (!isReady && ++hellos === 40) {
          warn('FrameIPC: this frame\'s top page has not answered in 10 s: does it load ipc-renderer.js (and allow this origin)? ' +
            'A frame with a bridge of its own says so with ipcRenderer.init({ host }) or ipcRenderer.init({ url }).');
        }
        env.top.postMessage({ frameipc: 'up', f: f, doc: docToken }, '*');
      } };
    }

    function toThisFrame(d) {
      if (d.frameipc === 'down' && typeof d.f === 'string') { receive(d.f); return; }
      var b = bridge;
      if (d.frameipc === 'gone') {
        disconnected(String(d.reason), { state: 'connecting' });
        connected(b);
      } else if (d.frameipc === 'refused' && !d.host) {
        frameRefusal = IpcError('ForbiddenError', String(d.message), 'EFORBIDDEN');
        disconnected(frameRefusal.message, { state: 'closed' });
        pending.forEach(function (p, id) { settle(id, p); p.reject(IpcError.forInvoke(p.channel, frameRefusal)); });
        queue = [];
        queuedChars = 0;
        reportError(frameRefusal);
      } else if (d.frameipc === 'refused') reportError(IpcError('ForbiddenError', String(d.message), 'EFORBIDDEN'));
    }

    // Electron's <webview> ipc-message: a guest's sendToHost reaches its <iframe> element in this page, no engine involved.
    function onSendToHost(event, d) {
      if (typeof d.ch !== 'string' || !Array.isArray(d.a) || !env.document) return;
      var frames = env.document.querySelectorAll('iframe, frame'), element = null;
      for (var i = 0; i < frames.length && !element; i++) if (frames[i].contentWindow === event.source) element = frames[i];
      if (!element) return; // not a frame of this page's document
      if (!originAllowed(event.origin)) { refuseFrame(event.source, event.origin, notAllowed(event.origin), true); return; }
      var e = new env.Event('ipc-message');
      e.channel = d.ch;
      e.args = d.a;
      element.dispatchEvent(e);
    }

    function watchFrames() {
      if (typeof env.addEventListener !== 'function' || env.window !== env) return;
      env.addEventListener('message', onWindowMessage);
      env.addEventListener('pagehide', function () {
        if (bridge && bridge.kind === 'frame') env.top.postMessage({ frameipc: 'leave', doc: docToken }, '*');
      });
    }

    // ---- public API -----------------------------------------------------------------------------------------

    api.on = function (channel, listener) {
      checkChannel(channel);
      checkListener(listener);
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

    /** The channels with listeners, as Node's EventEmitter says. The connection's own state never appears here. */
    api.eventNames = function () { return Array.from(listeners.keys()); };

    /** Calls listener({ state, previous, reason, retryIn, viewId }) on every change of connectionState; returns an unsubscribe. */
    api.onConnectionStateChange = function (listener) {
      checkListener(listener);
      stateListeners.push(listener);
      return function () {
        var i = stateListeners.indexOf(listener);
        if (i >= 0) stateListeners.splice(i, 1);
      };
    };

    api.send = function (channel) {
      checkReleased();
      checkChannel(channel);
      enqueue({ k: 'send', ch: channel, a: Array.prototype.slice.call(arguments, 1) }, 0);
    };

    api.sendTo = function (targetViewId, channel) {
      checkReleased();
      if (typeof targetViewId !== 'number' || targetViewId <= 0 || targetViewId % 1 !== 0) throw new TypeError('sendTo needs a positive integer view id');
      checkChannel(channel);
      enqueue({ k: 'send', ch: channel, a: Array.prototype.slice.call(arguments, 2), to: targetViewId }, 0);
    };

    // Electron's ipcRenderer.postMessage(channel, message, [transfer]): the engine's listener gets e.Ports. This client
    // keeps each port and relays its messages; the page must not use a port it transferred.
    api.postMessage = function (channel, message, transfer) {
      checkReleased();
      checkChannel(channel);
      var list = transfer === undefined || transfer === null ? [] : transfer;
      if (!Array.isArray(list)) throw new TypeError("Failed to execute 'postMessage': the transfer list must be an array of MessagePorts");
      if (list.length > 0 && isSubframe() && (!bridge || bridge.kind === 'frame')) {
        throw new Error('ipcRenderer.postMessage() cannot transfer MessagePorts from an <iframe>: only the top page transfers ports');
      }
      for (var i = 0; i < list.length; i++) checkTransferable(list, i);
      var ids = [];
      for (var j = 0; j < list.length; j++) ids.push(nextPortId + j);
      var envelope = { k: 'send', ch: channel, a: [message] };
      if (ids.length > 0) envelope.p = ids;
      enqueue(envelope, 0, ids.length > 0);
      nextPortId += ids.length;
      for (var k = 0; k < list.length; k++) attachPort(ids[k], list[k], null);
    };

    api.invoke = function (channel) {
      return invokeCore(channel, null, Array.prototype.slice.call(arguments, 1));
    };

    api.invokeWithOptions = function (channel, options) {
      return invokeCore(channel, options || {}, Array.prototype.slice.call(arguments, 2));
    };

    function invokeCore(channel, callOptions, args) {
      try { checkReleased(); checkChannel(channel); } catch (err) { return Promise.reject(err); }
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
        push(JSON.stringify({ k: 'cancel', id: id }), 0, true);
      } else {
        for (var i = 0; i < queue.length; i++) {
          if (queue[i].id === id) { queuedChars -= queue[i].s.length; queue.splice(i, 1); break; }
        }
      }
      p.reject(error);
    }

    /** Electron's sendToHost: to the page that embeds this one, as an 'ipc-message' event on its <iframe>; no engine. */
    api.sendToHost = function (channel) {
      checkReleased();
      checkChannel(channel);
      if (!isSubframe()) throw new Error('ipcRenderer.sendToHost() needs an embedding page: this page is not in a frame');
      env.parent.postMessage({ frameipc: 'host', ch: channel, a: Array.prototype.slice.call(arguments, 1) }, '*');
    };

    api.sendSync = function (channel) {
      throw new Error("ipcRenderer.sendSync('" + channel + "') cannot block over the " + (bridge ? bridge.kind : 'page\'s') +
        ' bridge: a page cannot wait for the engine without freezing. Use ipcRenderer.invoke() and await its Promise instead.');
    };

    function addHandler(channel, handler, once) {
      checkChannel(channel);
      if (typeof handler !== 'function') throw new TypeError("Expected handler to be a function, but found type '" + typeof handler + "'");
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
        explicit = true;
        if (discoverTimer) { clearTimeout(discoverTimer); discoverTimer = null; }
        if (initOptions.url) connectWebSocket(initOptions.url, initOptions.token);
        else connected({ kind: 'host', retryHello: true, post: function (f) { initOptions.host.post(f); } });
      } else if (!started) start();
      return api;
    };

    api.onerror = null;
    api.receive = receive; // for script bridges that deliver by calling a function: window.__frameIpcReceive
    Object.defineProperty(api, 'viewId', { get: function () { return viewId; }, enumerable: true });
    Object.defineProperty(api, 'frameId', { get: function () { return frameId; }, enumerable: true });
    Object.defineProperty(api, 'isReady', { get: function () { return isReady; }, enumerable: true });
    Object.defineProperty(api, 'bridge', { get: function () { return bridge ? bridge.kind : null; }, enumerable: true });
    Object.defineProperty(api, 'connectionState', { get: function () { return state; }, enumerable: true });
    api.ready = readyPromise;
    Object.defineProperty(api, '_start', { value: start }); // for the loader below, not for pages
    watchLifecycle();
    if (!options) watchFrames(); // one relay per window: the page's own instance, not one made with create()
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
