// Type declarations for ipc-renderer.js (FrameIPC, wire protocol v1).
//
// Typed channels: describe each channel once, then view ipcRenderer through the map.
//
//   interface Channels {
//     'inventory:get': { args: [kind: string]; result: { count: number } };  // page invokes, engine handles
//     'hud:health':    { args: [hp: number, max: number] };                  // engine sends, page listens
//   }
//   const ipc = ipcRenderer as IpcRenderer<Channels>;
//   const { count } = await ipc.invoke('inventory:get', 'potions');
//   ipc.on('hud:health', (event, hp, max) => { ... });
//
// Channels not in the map are rejected by the compiler; the default map accepts any channel with any arguments.
// A spec with a direction (what the C# contract generator writes) is also refused in the other direction: send only
// takes 'page-to-engine' channels, on/once 'engine-to-page', invoke 'page-invoke', handle 'engine-invoke'. A spec
// without one may be used every way.

/** One channel: the arguments sent with it and, for invoke/handle, what the handler returns. */
export interface ChannelSpec {
  args: unknown[];
  result?: unknown;
  /** Who sends on it; a spec without one may be used in every direction. */
  direction?: ChannelDirection;
}

/** The four directions of a C# contract channel: PageToEngine, EngineToPage, PageInvoke, EngineInvoke. */
export type ChannelDirection = 'page-to-engine' | 'engine-to-page' | 'page-invoke' | 'engine-invoke';

/** Channel name to spec (an interface with one member per channel works too). */
export type ChannelMap = { [channel: string]: ChannelSpec };

/** The map used when none is given: any channel, any arguments, any result. */
export interface AnyChannels {
  [channel: string]: { args: any[]; result: any };
}

export type ChannelName<C> = Extract<keyof C, string>;
export type ChannelArgs<C, K extends keyof C> = C[K] extends { args: infer A } ? (A extends unknown[] ? A : never) : never;
/** The channels of C usable in direction D: those declared with it, and those declared without a direction. */
export type ChannelFor<C, D extends ChannelDirection> =
  Extract<{ [K in keyof C]: C[K] extends { direction: infer X } ? (D extends X ? K : never) : K }[keyof C], string>;
export type ChannelResult<C, K extends keyof C> = C[K] extends { result: infer R } ? R : void;

/** What a listener or handler may use to answer whoever sent the message. Never the bridge itself. */
export interface IpcSenderFacade {
  /** Sends back to the sender: the engine, or (for a message relayed by sendTo) the view that sent it. */
  send(channel: string, ...args: unknown[]): void;
  /** Present when the sender is the engine: invoke one of its handlers. */
  invoke?(channel: string, ...args: unknown[]): Promise<unknown>;
}

/** The first argument of every listener. */
export interface IpcRendererEvent {
  /** 0 for the engine; the sending view's id for a message relayed with sendTo. */
  readonly senderId: number;
  readonly sender: IpcSenderFacade;
  /**
   * The ports the engine transferred with `webContents.PostMessage(channel, message, ports)` (Electron's `event.ports`):
   * real MessagePorts, entangled through the engine with a `MessagePortMain` or with a port in another view. Empty for
   * every other message.
   */
  readonly ports: readonly MessagePort[];
}

/** The first argument of a handler registered with handle(): aborted when the engine cancels the invoke or goes away. */
export interface IpcRendererInvokeEvent extends IpcRendererEvent {
  readonly signal: AbortSignal;
}

/** Per-call options of invokeWithOptions. */
export interface InvokeOptions {
  /** Deadline in milliseconds; 0 means none. Default: init's invokeTimeout (10,000 ms). Sent to the engine as `t`. */
  timeout?: number;
  /** Aborting it rejects the invoke with an AbortError and cancels the engine handler's CancellationToken. */
  signal?: AbortSignal;
}

/** Options of init(). Every one has a default; call init() before the page finishes parsing when you pass url or host. */
export interface InitOptions {
  /**
   * WebSocket dev server URL, e.g. `ws://127.0.0.1:PORT/ipc`. Default: the page's `?frameipc=` query parameter, used only
   * when no embedded browser injected a host bridge, and only for a loopback address or one in allowedQueryHosts.
   */
  url?: string;
  /** The dev server's session token. Default: the page's `&token=` query parameter. */
  token?: string;
  /** A host object to post frames to; the engine answers by calling `window.__frameIpcReceive(frame)`. */
  host?: { post(frame: string): void };
  /** Default invoke deadline in ms; 0 means none. Default 10,000. */
  invokeTimeout?: number;
  /**
   * When queued messages leave, as one batch frame: 'frame' (default: at the next animation frame, within 100 ms;
   * right after the current task while the page is hidden), 'task' (right after the current task), or 'microtask'.
   */
  batching?: 'frame' | 'task' | 'microtask';
  /** A batch frame is closed past this many characters and another started. Default 262,144. */
  maxBatchChars?: number;
  /** One message longer than this many characters is refused with a LimitError. Default 1,048,576 (the engine's IpcOptions.MaxFrameChars). */
  maxFrameChars?: number;
  /** Characters held while the engine is not ready; past it send throws and invoke rejects with a LimitError. Default 1,048,576. */
  maxHeldChars?: number;
  /** A longer channel name is refused at the sender with a LimitError, as the engine would (IpcOptions.MaxChannelChars). Default 1,024. */
  maxChannelChars?: number;
  /**
   * Hosts (`'devbox.lan:8080'`, or a name without port for the default one) that the page URL's `?frameipc=` may name
   * besides loopback (127.0.0.0/8, localhost, [::1]). Set it with init() before the page finishes parsing. Default none.
   */
  allowedQueryHosts?: string[];
  /**
   * Origins (`'https://store.example'`, exact) besides this page's own whose `<iframe>`s may use this page's bridge
   * to the engine, and whose sendToHost reaches this page. A frame of another origin is refused: it gets a
   * ForbiddenError, and nothing it sends reaches the engine. Default none (this page's own origin only).
   */
  frameOrigins?: string[];
  /** Reconnect to the dev server after it goes away, backing off from 250 ms to 5 s. Default true. */
  reconnect?: boolean;
  /**
   * Script bridges: repeat hello every this many ms until ready, for glue that starts listening after the page loaded.
   * A repeat the engine already answered counts as a reload there, so keep it off unless needed. Default 0 (off).
   */
  helloRetry?: number;
}

/** An error from the other side, or about the crossing. `message` is wrapped as Electron does for invokes. */
export declare class IpcError extends Error {
  constructor(name: string, message: string, code?: string, data?: unknown, channel?: string);
  /** Error, TimeoutError, AbortError, ViewGoneError, ProtocolError, LimitError, ForbiddenError, or the handler's own. */
  name: string;
  /** ETIMEDOUT, ECANCELED, EVIEWGONE, EPROTO, ELIMIT, EFORBIDDEN, or the handler's own; undefined when none. */
  code: string | undefined;
  /** Any JSON the handler attached. */
  data: unknown;
  /** The invoke's channel, when there is one. */
  channel: string | undefined;
  /** The message as the side that raised it wrote it, without the `Error invoking remote method` wrapping. */
  remoteMessage: string;
}

/**
 * Where the connection to the engine stands. 'connecting': looking for a bridge, or handshaking; 'ready': messages flow;
 * 'reconnecting': the WebSocket closed and the page retries with backoff (sends are held, bounded by maxHeldChars);
 * 'closed': it closed and `reconnect` is off.
 */
export type ConnectionState = 'connecting' | 'ready' | 'reconnecting' | 'closed';

/** What onConnectionStateChange listeners get. */
export interface ConnectionStateChange {
  readonly state: ConnectionState;
  readonly previous: ConnectionState;
  /** Why the connection closed, e.g. `WebSocket closed, code 1006`; undefined when it opened. */
  readonly reason: string | undefined;
  /** Milliseconds until the next attempt, when state is 'reconnecting'. */
  readonly retryIn: number | undefined;
  /** The view id of the latest handshake (0 before the first). */
  readonly viewId: number;
}

export interface IpcRenderer<C extends { [K in keyof C]: ChannelSpec } = AnyChannels> {
  /** Listens on a channel the engine (or another view) sends on. */
  on<K extends ChannelFor<C, 'engine-to-page'>>(channel: K, listener: (event: IpcRendererEvent, ...args: ChannelArgs<C, K>) => void): this;
  /** Same as on. */
  addListener<K extends ChannelFor<C, 'engine-to-page'>>(channel: K, listener: (event: IpcRendererEvent, ...args: ChannelArgs<C, K>) => void): this;
  /** Listens for the next message only. */
  once<K extends ChannelFor<C, 'engine-to-page'>>(channel: K, listener: (event: IpcRendererEvent, ...args: ChannelArgs<C, K>) => void): this;
  /** Removes one registration of the listener (the latest). */
  off<K extends ChannelName<C>>(channel: K, listener: (...args: any[]) => void): this;
  /** Same as off. */
  removeListener<K extends ChannelName<C>>(channel: K, listener: (...args: any[]) => void): this;
  /** Removes every listener of the channel, or of all channels. */
  removeAllListeners(channel?: ChannelName<C>): this;
  listenerCount(channel: ChannelName<C>): number;
  /** The channels that have listeners, as Node's EventEmitter; never internal ones (connection state, handlers). */
  eventNames(): string[];

  /**
   * One-way message to the engine. Arguments are serialized now, as JSON plus bytes (typed arrays, DataView, ArrayBuffer:
   * byte[] in C#) and Dates (DateTime); held until the engine is ready. Throws `An object could not be cloned.` for a
   * function, Promise, Symbol, WeakMap, WeakSet, MessagePort or DOM object, a TypeError for a Map, Set, BigInt or a
   * circular structure, `Missing required channel argument` for a channel that is not a string, and
   * `IPC method called after context was released` once the page is gone.
   */
  send<K extends ChannelFor<C, 'page-to-engine'>>(channel: K, ...args: ChannelArgs<C, K>): void;
  /**
   * Electron's sendToHost: from a page in an `<iframe>` to the page that embeds it, as an `ipc-message` event
   * (IpcMessageEvent) on that `<iframe>` element; no engine involved. Arguments cross by structured clone. The embedding
   * page must run ipc-renderer.js and allow this page's origin (its own is allowed; others with frameOrigins).
   * Throws in a page that is not in a frame.
   */
  sendToHost(channel: string, ...args: unknown[]): void;
  /** One-way message to another view, relayed by the engine. */
  sendTo<K extends ChannelName<C>>(viewId: number, channel: K, ...args: ChannelArgs<C, K>): void;
  /**
   * Electron's `ipcRenderer.postMessage(channel, message, [transfer])`: sends one message and transfers MessagePorts to
   * the engine, whose listener gets them in `e.Ports`. Do not use a port after transferring it. Throws a DataCloneError
   * for a port transferred before ("Port at index 0 is already neutered.") or given twice, and a TypeError for anything
   * that is not a MessagePort.
   */
  postMessage(channel: string, message: unknown, transfer?: MessagePort[]): void;
  /** Calls the engine's handler; rejects with an IpcError (TimeoutError after 10 s by default), or with send's errors. */
  invoke<K extends ChannelFor<C, 'page-invoke'>>(channel: K, ...args: ChannelArgs<C, K>): Promise<ChannelResult<C, K>>;
  /** invoke with a per-call deadline and AbortSignal. */
  invokeWithOptions<K extends ChannelFor<C, 'page-invoke'>>(channel: K, options: InvokeOptions, ...args: ChannelArgs<C, K>): Promise<ChannelResult<C, K>>;
  /** Always throws: no bridge here can block a page. Use invoke. */
  sendSync(channel: ChannelName<C>, ...args: unknown[]): never;

  /** Lets the engine invoke the page. Throws `Attempted to register a second handler for '<ch>'` on a second one. */
  handle<K extends ChannelFor<C, 'engine-invoke'>>(
    channel: K,
    handler: (event: IpcRendererInvokeEvent, ...args: ChannelArgs<C, K>) => ChannelResult<C, K> | Promise<ChannelResult<C, K>>): void;
  /** handle, removed before its first call. */
  handleOnce<K extends ChannelFor<C, 'engine-invoke'>>(
    channel: K,
    handler: (event: IpcRendererInvokeEvent, ...args: ChannelArgs<C, K>) => ChannelResult<C, K> | Promise<ChannelResult<C, K>>): void;
  removeHandler(channel: ChannelFor<C, 'engine-invoke'>): void;

  /** Chooses the bridge or changes options; see InitOptions. */
  init(options?: InitOptions): this;
  /** Resolves with the view id on the first handshake. */
  readonly ready: Promise<number>;
  /** The engine's id for this view; 0 before ready. Changes after a reconnect (a new handshake). */
  readonly viewId: number;
  readonly isReady: boolean;
  /** This page's frame id in its view: 0 for the top page, the engine's WebFrameMain.Id in an `<iframe>` (after ready). */
  readonly frameId: number;
  /** Where the connection stands; see ConnectionState. */
  readonly connectionState: ConnectionState;
  /** Calls the listener on every change of connectionState; returns a function that removes it. */
  onConnectionStateChange(listener: (change: ConnectionStateChange) => void): () => void;
  /** 'websocket', 'host', 'vuplex', 'webview2', 'cef', 'frame' (an `<iframe>` through its top page), or null while none is found. */
  readonly bridge: string | null;
  /** Called with `error` envelopes from the engine (protocol problems no one waits on). Default: reported to the console. */
  onerror: ((error: IpcError) => void) | null;
  /** Delivers one frame from the engine (what `window.__frameIpcReceive` calls). */
  receive(frame: string | object): void;
}

/** What an `<iframe>` element dispatches when the page in it calls ipcRenderer.sendToHost (Electron's `<webview>` ipc-message). */
export interface IpcMessageEvent extends Event {
  readonly channel: string;
  readonly args: unknown[];
}

export declare const ipcRenderer: IpcRenderer;
export declare const PROTOCOL_VERSION: 1;
/** A separate instance, e.g. for tests with a fake host. */
export declare function create(options?: InitOptions & { root?: object }): IpcRenderer;

export interface FrameIpcGlobal {
  readonly PROTOCOL_VERSION: 1;
  readonly ipcRenderer: IpcRenderer;
  readonly IpcError: typeof IpcError;
  create(options?: InitOptions & { root?: object }): IpcRenderer;
}

declare global {
  interface Window {
    /** Set by ipc-renderer.js when loaded as a script or module. */
    FrameIpc: FrameIpcGlobal;
    ipcRenderer: IpcRenderer;
    /** Engine-to-page delivery for script bridges. */
    readonly __frameIpcReceive: (frame: string) => void;
    /** A generic host object; defined by ScriptBridgeTransport.InjectionScript. */
    frameIpcHost?: { post(frame: string): void };
  }
  interface HTMLElementEventMap {
    /** On an `<iframe>`: the page in it called ipcRenderer.sendToHost. */
    'ipc-message': IpcMessageEvent;
  }
}
