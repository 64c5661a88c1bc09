using System;
using System.Collections.Generic;

namespace FrameIpc
{
    /// <summary>Limits and budgets for one <see cref="IpcMain"/> or <see cref="IpcRenderer"/>. Read when the endpoint is created.</summary>
    public sealed class IpcOptions
    {
        /// <summary>Most envelopes one <c>Tick()</c> dispatches, across all views. Default 10,000. The rest waits for the next tick.</summary>
        public int MaxMessagesPerTick { get; set; } = 10_000;

        /// <summary>Time slice one <c>Tick()</c> may spend dispatching before it leaves the rest for the next tick. Default 8 ms.</summary>
        public TimeSpan TickTimeBudget { get; set; } = TimeSpan.FromMilliseconds(8);

        /// <summary>
        /// Deadline of an invoke (either direction) and of <c>SendSync</c> when the call gives none, and of a peer's invoke
        /// that arrives without one (no <c>t</c>, or 0): its handler's token is cancelled then, and the caller gets a
        /// TimeoutError. Default 10 s.
        /// </summary>
        public TimeSpan DefaultInvokeTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Longest inbound frame accepted, in characters. Default 1,048,576. Longer frames are refused with a LimitError.</summary>
        public int MaxFrameChars { get; set; } = 1 << 20;

        /// <summary>Deepest nesting of objects and arrays accepted in a frame. Default 64.</summary>
        public int MaxDepth { get; set; } = 64;

        /// <summary>
        /// Characters held for a view that is not ready yet (sends before its handshake), delivered when it is.
        /// Default 1,048,576. A send past it throws a LimitError at the sender.
        /// </summary>
        public int MaxHeldChars { get; set; } = 1 << 20;

        /// <summary>Most inbound frames queued for one view before further frames are refused. Default 65,536.</summary>
        public int MaxQueuedFrames { get; set; } = 65_536;

        /// <summary>
        /// Most characters the inbound frames queued for one view may hold (memory: twice this in bytes). Default
        /// 16,777,216 (32 MiB). A frame past it is refused: the sender gets a LimitError notice, and a diagnostic says so.
        /// </summary>
        public long MaxQueuedChars { get; set; } = 16L << 20;

        /// <summary>
        /// Longest channel name, in characters, sent or accepted. Default 1,024. A longer one is refused with a
        /// LimitError: at the sender (it throws) and at the receiver (an error result or notice to the peer).
        /// </summary>
        public int MaxChannelChars { get; set; } = 1024;

        /// <summary>
        /// Most invokes from one peer whose handlers may run at once on this side (for the engine: per view). Default 4,096.
        /// One more is answered at once with a LimitError (<c>ELIMIT</c>), and its handler is not called. Each running
        /// invoke also has a deadline: the caller's <c>t</c>, or <see cref="DefaultInvokeTimeout"/> when it gives none.
        /// </summary>
        public int MaxRunningInvokes { get; set; } = 4_096;

        /// <summary>
        /// Whether a view may send to another view through the engine (<c>sendTo</c>, the wire's <c>to</c>). Default false:
        /// such a send is refused with a ForbiddenError notice to its sender. When true, a relay must still pass the
        /// sender's and the receiver's <see cref="IpcChannelFilter"/> and <see cref="IpcMain.RelayFilter"/>. Engine only.
        /// </summary>
        public bool AllowRelay { get; set; }

        /// <summary>
        /// Most subframes (iframes speaking through their top page's bridge) one view may have attached at once; the main
        /// frame does not count. Default 64. One more is refused with a LimitError notice, and its messages are refused
        /// as from an unknown frame. Engine only.
        /// </summary>
        public int MaxFramesPerView { get; set; } = 64;

        /// <summary>
        /// Most characters of messages that may wait on one <see cref="MessagePortMain"/> that nobody started (or whose
        /// listeners have not run yet). Default 1,048,576. One more is refused: a page's message with a LimitError notice to
        /// that page and a diagnostic, an engine port's <c>PostMessage</c> with a LimitError thrown.
        /// </summary>
        public int MaxPortQueuedChars { get; set; } = 1 << 20;

        /// <summary>
        /// Most MessagePorts one view may hold open on its connection (those it transferred to the engine and those the engine
        /// transferred to it). Default 4,096. A transfer past it is refused whole: a page's send with a LimitError notice, the
        /// engine's <see cref="WebContents.PostMessage{T}"/> with a LimitError thrown.
        /// </summary>
        public int MaxPortsPerView { get; set; } = 4_096;

        /// <summary>
        /// Origins a view may be attached with (exact, e.g. <c>http://127.0.0.1:5173</c>), checked by <see cref="IpcMain.Attach"/>.
        /// Default null: any origin, including none. A view whose origin is not listed is refused before any message is read.
        /// </summary>
        public IList<string>? AllowedOrigins { get; set; }

        /// <summary>
        /// Whether constructing the process's first engine warms the messaging machinery up. Default true: once per
        /// process, on the thread that constructs the <see cref="IpcMain"/> (in a game: the main thread, at scene load), a
        /// few messages (the handshake, sends both ways, an object without a generated codec each way, an invoke each way)
        /// cross a private in-memory engine and renderer, so the code a first message runs is compiled and its types
        /// initialised then, not in the tick that receives a game's first real message. It costs tens of milliseconds once
        /// (about 90 ms on a 2-core machine under .NET's JIT; see performance.md), and nothing of it is visible: no listener,
        /// statistic, tracer, diagnostic or Monitor sees it, and every pooled object it rents is returned. Where there is
        /// no JIT (IL2CPP players) only the type initialisation is saved. Set false to skip it. Engine only.
        /// </summary>
        public bool WarmUp { get; set; } = true;

        /// <summary>
        /// How values are written and read as JSON: member naming (default camelCase), user converters, other Newtonsoft
        /// settings. Default: a fresh <see cref="IpcJsonOptions"/> (camelCase, no user converters). Read when the endpoint
        /// is created; each endpoint keeps its own, so two in one process may differ.
        /// </summary>
        public IpcJsonOptions Json { get; set; } = new IpcJsonOptions();

        /// <summary>The limits a connection enforces; <paramref name="heldChars"/> is null for an end that never holds its batch.</summary>
        internal ConnectionLimits ToLimits(int? heldChars) => new ConnectionLimits(MaxFrameChars, MaxDepth, MaxChannelChars,
            MaxQueuedFrames, MaxQueuedChars, MaxRunningInvokes, DefaultInvokeTimeout, heldChars, IpcJsonContext.For(Json));

        internal IpcOptions Validate()
        {
            if (MaxMessagesPerTick <= 0) throw new ArgumentOutOfRangeException(nameof(MaxMessagesPerTick), "must be positive");
            if (TickTimeBudget <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TickTimeBudget), "must be positive");
            if (DefaultInvokeTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(DefaultInvokeTimeout), "must be positive");
            if (MaxFrameChars < 64) throw new ArgumentOutOfRangeException(nameof(MaxFrameChars), "must be at least 64");
            if (MaxDepth < 4) throw new ArgumentOutOfRangeException(nameof(MaxDepth), "must be at least 4");
            if (MaxHeldChars < 0) throw new ArgumentOutOfRangeException(nameof(MaxHeldChars), "must not be negative");
            if (MaxQueuedFrames <= 0) throw new ArgumentOutOfRangeException(nameof(MaxQueuedFrames), "must be positive");
            if (MaxQueuedChars < MaxFrameChars) throw new ArgumentOutOfRangeException(nameof(MaxQueuedChars), "must be at least MaxFrameChars");
            if (MaxChannelChars < 1) throw new ArgumentOutOfRangeException(nameof(MaxChannelChars), "must be positive");
            if (Json == null) throw new ArgumentNullException(nameof(Json));
            if (MaxPortQueuedChars < 0) throw new ArgumentOutOfRangeException(nameof(MaxPortQueuedChars), "must not be negative");
            if (MaxPortsPerView <= 0) throw new ArgumentOutOfRangeException(nameof(MaxPortsPerView), "must be positive");
            if (MaxRunningInvokes <= 0) throw new ArgumentOutOfRangeException(nameof(MaxRunningInvokes), "must be positive");
            if (MaxFramesPerView < 0) throw new ArgumentOutOfRangeException(nameof(MaxFramesPerView), "must not be negative");
            return this;
        }
    }
}
