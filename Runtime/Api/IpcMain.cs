using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace FrameIpc
{
    /// <summary>
    /// The engine side: Electron's <c>ipcMain</c>, plus the views attached to it. Call <see cref="Tick"/> once per frame
    /// on the game's main thread; every listener, handler and invoke completion runs inside it.
    /// </summary>
    public sealed partial class IpcMain : IpcEmitter, IDisposable
    {
        private static readonly Predicate<WebContents> s_isDestroyed = v => v.IsDestroyed;
        private readonly object _viewsLock = new object();
        private readonly CopyOnWriteArray<WebContents> _views = new CopyOnWriteArray<WebContents>();
        private int _nextViewId;
        private bool _disposed;
        private bool _viewClosed;
        private readonly object _broadcastLock = new object();
        private ArgsEncoder? _broadcast; // made on the first broadcast: an engine that never broadcasts rents nothing for it
        internal readonly Action<Exception, IpcEvent> ListenerFailed;
        private readonly TickRunner _tick;

        /// <summary>Creates the engine side with the given limits (defaults: see <see cref="IpcOptions"/>; the first one warms up, <see cref="IpcOptions.WarmUp"/>).</summary>
        public IpcMain(IpcOptions? options = null) : base(new ChannelNames())
        {
            Options = (options ?? new IpcOptions()).Validate();
            Limits = Options.ToLimits(heldChars: Options.MaxHeldChars);
            TickThreadId = Environment.CurrentManagedThreadId;
            ListenerFailed = (ex, e) => Report(IpcDiagnosticKind.ListenerError, e.SenderId, e.Channel, $"a listener of '{e.Channel}' threw: {ex.Message}", ex);
            Ports = new PortHub(this);
            _tick = new TickRunner(nameof(IpcMain), ex => Report(IpcDiagnosticKind.ListenerError, 0, null, "an async continuation threw: " + ex.Message, ex));
            if (Options.WarmUp) IpcWarmUp.EnsureRan(); // once per process: the machinery's first use, here rather than mid-game
        }

        /// <summary>The limits and budgets in force.</summary>
        public IpcOptions Options { get; }

        /// <summary>The options' limits as every view's connection enforces them.</summary>
        internal ConnectionLimits Limits { get; }

        internal PortHub Ports { get; } // the engine's MessagePorts (Api/Ports/PortHub.cs)

        /// <summary>The thread that last called <see cref="Tick"/> (the creating thread until the first tick).</summary>
        public int TickThreadId { get; private set; }

        /// <summary>Every problem: malformed frames, listeners that threw, refused messages. Raised on the ticking thread.</summary>
        public event Action<IpcDiagnostic>? Diagnostic;

        /// <summary>A view finished its handshake (again, after a reload: see <see cref="WebContents.LoadCount"/>). Raised in <see cref="Tick"/>.</summary>
        public event Action<WebContents>? ViewReady;

        /// <summary>A view went away; its pending invokes were rejected. Raised in <see cref="Tick"/> or in <see cref="WebContents.Close"/>.</summary>
        public event Action<WebContents>? ViewDestroyed;

        /// <summary>
        /// Decides each view-to-view relay that <see cref="IpcOptions.AllowRelay"/> and both views' channel filters let
        /// through: <c>(from, to, channel)</c>, true to deliver. Called in <see cref="Tick"/>; a hook that throws refuses.
        /// Default null: every such relay is delivered.
        /// </summary>
        public Func<WebContents, WebContents, string, bool>? RelayFilter { get; set; }

        /// <summary>The views attached and not yet destroyed.</summary>
        public IReadOnlyList<WebContents> Views => _views.Snapshot;

        /// <summary>
        /// Attaches a view reached through <paramref name="transport"/>. Thread-safe. It becomes ready after its hello.
        /// <paramref name="origin"/> is checked against <see cref="IpcOptions.AllowedOrigins"/> (a refused view's transport is
        /// closed and an <see cref="IpcException"/> named ForbiddenError is thrown); <paramref name="channels"/>, when given,
        /// limits what the view may send or invoke.
        /// </summary>
        public WebContents Attach(IFrameTransport transport, string? origin = null, IpcChannelFilter? channels = null)
        {
            if (transport == null) throw new ArgumentNullException(nameof(transport));
            var allowed = Options.AllowedOrigins;
            if (allowed != null && (origin == null || !allowed.Contains(origin)))
            {
                transport.Dispose();
                var message = $"Origin '{origin ?? "(none)"}' is not allowed to attach";
                Report(IpcDiagnosticKind.Forbidden, 0, null, message, null);
                throw new IpcException(IpcErrorNames.Forbidden, message, IpcErrorCodes.Forbidden);
            }
            WebContents view;
            lock (_viewsLock)
            {
                if (_disposed) throw new ObjectDisposedException(nameof(IpcMain));
                view = new WebContents(this, ++_nextViewId, transport, origin, channels);
                _views.Add(view);
            }
            try
            {
                view.Connection.Start();
            }
            catch
            {
                _views.Remove(view);
                view.Connection.Dispose();
                throw;
            }
            return view;
        }

        /// <summary>The view with that id, or null if there is none (or it is gone).</summary>
        public WebContents? FromId(int id)
        {
            var views = _views.Snapshot;
            for (int i = 0; i < views.Length; i++)
                if (views[i].Id == id) return views[i];
            return null;
        }

        /// <summary>
        /// Sends to every ready view; views not ready yet or gone are skipped. The payload is serialized once and its
        /// characters copied into each view's batch.
        /// </summary>
        public void Broadcast<T1>(string channel, T1 arg1) => BroadcastArgs(channel, new IpcArgs<T1>(arg1));

        /// <summary>Sends to every ready view, with two arguments.</summary>
        public void Broadcast<T1, T2>(string channel, T1 arg1, T2 arg2) => BroadcastArgs(channel, new IpcArgs<T1, T2>(arg1, arg2));

        private void BroadcastArgs<TArgs>(string channel, in TArgs args) where TArgs : struct, IIpcArgs
        {
            CheckChannel(channel);
            var views = _views.Snapshot;
            lock (_broadcastLock)
            {
                if (_disposed) throw new ObjectDisposedException(nameof(IpcMain));
                var json = (_broadcast ??= new ArgsEncoder(Limits.Json)).Encode(channel, args);
                for (int i = 0; i < views.Length; i++)
                    if (views[i].IsReady) views[i].Connection.Outbox.SendEncoded(channel, json);
            }
        }

        /// <summary>
        /// Drains each view's inbound queue in order within <see cref="IpcOptions.MaxMessagesPerTick"/> and
        /// <see cref="IpcOptions.TickTimeBudget"/> (what does not fit waits for the next tick), runs listeners and handlers,
        /// resolves invoke completions, and sends what this tick produced as one batch per view.
        /// Throws if called from inside a listener or handler.
        /// </summary>
        public void Tick()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(IpcMain));
            TickThreadId = Environment.CurrentManagedThreadId;
            int messages = _tick.Run(_views.Snapshot, Ports, Options, out long elapsed);
            if (_viewClosed) PruneClosedViews();
            RecordTick(messages, elapsed);
        }

        /// <summary>Closes every view and refuses further ticks.</summary>
        public void Dispose()
        {
            WebContents[] views;
            lock (_viewsLock)
            {
                if (_disposed) return;
                _disposed = true;
                views = _views.Snapshot;
            }
            for (int i = 0; i < views.Length; i++) views[i].Connection.Dispose();
            _views.Clear();
            lock (_broadcastLock) _broadcast?.Dispose();
            Ports.Dispose();
        }

        /// <summary>
        /// A send from one view to another (<c>to</c>): delivered only when <see cref="IpcOptions.AllowRelay"/> is on, the
        /// receiver exists, its channel filter allows the channel (the sender's was checked on arrival) and
        /// <see cref="RelayFilter"/> agrees. Anything else answers the sender with an error notice and a diagnostic.
        /// </summary>
        internal void Relay(WebContents from, Envelope e)
        {
            string channel = e.Channel!;
            int to = e.To;
            if (!Options.AllowRelay)
            {
                RefuseRelay(from, channel, $"Cannot relay '{channel}' to view {to}: relay between views is off (IpcOptions.AllowRelay)");
                return;
            }
            var target = FromId(to);
            if (target == null || target.IsDestroyed)
            {
                var message = $"Cannot relay '{channel}' to view {to}: there is no such view";
                Report(IpcDiagnosticKind.Undeliverable, from.Id, channel, message, null);
                from.Connection.Outbox.WriteNotice(IpcErrorNames.Error, message, null);
                RelaysRefused++;
                return;
            }
            if (target.Channels != null && !target.Channels.Allows(channel))
            {
                RefuseRelay(from, channel, $"Cannot relay '{channel}' to view {to}: view {to} may not use channel '{channel}'");
                return;
            }
            var filter = RelayFilter;
            if (filter != null)
            {
                bool allowed;
                try
                {
                    allowed = filter(from, target, channel);
                }
                catch (Exception ex)
                {
                    // A hook that fails refuses: a relay is only ever let through by a hook that said yes.
                    Report(IpcDiagnosticKind.ListenerError, from.Id, channel, "the RelayFilter threw: " + ex.Message, ex);
                    allowed = false;
                }
                if (!allowed)
                {
                    RefuseRelay(from, channel, $"Cannot relay '{channel}' to view {to}: refused by IpcMain.RelayFilter");
                    return;
                }
            }
            try
            {
                var args = e.Args.IsPresent ? new ReadOnlySpan<char>(e.Buffer!, e.Args.Start, e.Args.Length) : default;
                target.Connection.Outbox.SendEncoded(channel, args, from.Id);
                RelaysDelivered++;
            }
            catch (IpcException ex)
            {
                Report(IpcDiagnosticKind.Undeliverable, from.Id, channel, ex.Message, ex);
                from.Connection.Outbox.WriteNotice(ex.Name, ex.Message, ex.Code);
                RelaysRefused++;
            }
        }

        private void RefuseRelay(WebContents from, string channel, string message)
        {
            RelaysRefused++;
            Report(IpcDiagnosticKind.Forbidden, from.Id, channel, message, null);
            from.Connection.Outbox.WriteNotice(IpcErrorNames.Forbidden, message, IpcErrorCodes.Forbidden);
        }

        internal void OnViewReady(WebContents view, bool reload)
        {
            Report(IpcDiagnosticKind.Lifecycle, view.Id, null, reload ? "reloaded: pending invokes rejected, handshake again" : "ready", null);
            try { ViewReady?.Invoke(view); }
            catch (Exception ex) { Report(IpcDiagnosticKind.ListenerError, view.Id, null, "a ViewReady handler threw: " + ex.Message, ex); }
        }

        internal void OnViewClosed(WebContents view, string reason)
        {
            _viewClosed = true;
            Report(IpcDiagnosticKind.Lifecycle, view.Id, null, "destroyed: " + reason, null);
            try { ViewDestroyed?.Invoke(view); }
            catch (Exception ex) { Report(IpcDiagnosticKind.ListenerError, view.Id, null, "a ViewDestroyed handler threw: " + ex.Message, ex); }
        }

        internal void Report(IpcDiagnosticKind kind, int viewId, string? channel, string message, Exception? exception) =>
            TickRunner.Report(Diagnostic, kind, viewId, channel, message, exception);

        private void PruneClosedViews()
        {
            _viewClosed = false;
            _views.RemoveAll(s_isDestroyed);
        }
    }
}
