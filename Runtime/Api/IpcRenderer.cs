using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// The view side in C#: Electron's <c>ipcRenderer</c>, for C# UIs, other processes and tests. Call <see cref="Connect"/>
    /// once, then <see cref="Tick"/> on the view's own thread; its listeners, handlers and completions run inside it.
    /// </summary>
    public sealed class IpcRenderer : IpcEmitter, IIpcSender, IDisposable
    {
        private readonly IpcOptions _options;
        private readonly TickSynchronizationContext _continuations; // see Tick: awaits resume on the ticking thread
        private readonly Action<Exception, IpcEvent> _listenerFailed;
        private bool _ticking;
        private bool _connected;

        /// <summary>Creates the renderer over its end of a transport. Nothing is sent until <see cref="Connect"/>.</summary>
        public IpcRenderer(IFrameTransport transport, IpcOptions? options = null)
        {
            _options = (options ?? new IpcOptions()).Validate();
            Connection = new IpcConnection(transport, new Host(this), _options, isEngine: false);
            _listenerFailed = (ex, e) => Report(IpcDiagnosticKind.ListenerError, e.Channel, $"a listener of '{e.Channel}' threw: {ex.Message}", ex);
            _continuations = new TickSynchronizationContext(ex => Report(IpcDiagnosticKind.ListenerError, null, "an async continuation threw: " + ex.Message, ex));
        }

        internal IpcConnection Connection { get; }

        /// <summary>The id the engine gave this view in its handshake; 0 until then.</summary>
        public int ViewId { get; private set; }

        /// <summary>True once the engine answered the handshake.</summary>
        public bool IsReady => Connection.State == ConnectionState.Ready;

        /// <summary>True once the connection is gone.</summary>
        public bool IsClosed => Connection.State == ConnectionState.Closed;

        /// <summary>Problems seen on this side. Raised on the renderer's ticking thread.</summary>
        public event Action<IpcDiagnostic>? Diagnostic;

        /// <summary>The engine answered the handshake. Raised in <see cref="Tick"/>.</summary>
        public event Action<IpcRenderer>? Ready;

        /// <summary>Starts the transport and sends the handshake (a page does this on load).</summary>
        public void Connect()
        {
            if (_connected) throw new InvalidOperationException("IpcRenderer.Connect() was already called.");
            _connected = true;
            Connection.Start();
            Connection.SendHello();
        }

        /// <summary>Acts as a page reload: this side's pending invokes are rejected and the handshake runs again.</summary>
        public void Reload()
        {
            Connection.OnReload();
            Connection.SendHello();
        }

        /// <inheritdoc />
        public void SendArgs<TArgs>(string channel, in TArgs args) where TArgs : struct, IIpcArgs => Connection.Send(channel, args);

        /// <inheritdoc />
        public ValueTask<TResult> InvokeArgsAsync<TArgs, TResult>(string channel, in TArgs args, IpcInvokeOptions options) where TArgs : struct, IIpcArgs =>
            Connection.Invoke<TArgs, TResult>(channel, args, options);

        /// <summary>Blocks until an engine listener sets <c>ReturnValue</c> (or the timeout, default 10 s). Not on a thread that ticks the engine.</summary>
        public TResult SendSync<TResult>(string channel, TimeSpan? timeout = null) =>
            Connection.SendSync<IpcArgs, TResult>(channel, new IpcArgs(), timeout);

        /// <summary>Blocks until an engine listener sets <c>ReturnValue</c>; one argument.</summary>
        public TResult SendSync<T1, TResult>(string channel, T1 arg1, TimeSpan? timeout = null) =>
            Connection.SendSync<IpcArgs<T1>, TResult>(channel, new IpcArgs<T1>(arg1), timeout);

        /// <summary>Blocks until an engine listener sets <c>ReturnValue</c>; two arguments.</summary>
        public TResult SendSync<T1, T2, TResult>(string channel, T1 arg1, T2 arg2, TimeSpan? timeout = null) =>
            Connection.SendSync<IpcArgs<T1, T2>, TResult>(channel, new IpcArgs<T1, T2>(arg1, arg2), timeout);

        /// <summary>Sends to another view through the engine; its listener sees this view's id as <c>SenderId</c>.</summary>
        public void SendTo(int viewId, string channel) => Connection.Send(channel, new IpcArgs(), to: viewId);

        /// <summary>Sends to another view through the engine, with one argument.</summary>
        public void SendTo<T1>(int viewId, string channel, T1 arg1) => Connection.Send(channel, new IpcArgs<T1>(arg1), to: viewId);

        /// <summary>Sends to another view through the engine, with two arguments.</summary>
        public void SendTo<T1, T2>(int viewId, string channel, T1 arg1, T2 arg2) => Connection.Send(channel, new IpcArgs<T1, T2>(arg1, arg2), to: viewId);

        /// <summary>Runs this side's listeners, handlers and completions, and sends what they produced as one batch.</summary>
        public void Tick()
        {
            if (_ticking) throw new InvalidOperationException("IpcRenderer.Tick() was called from inside a listener or handler; ticks cannot nest.");
            _ticking = true;
            // As in IpcMain.Tick: a thread without a SynchronizationContext gets this view's for the tick, so an await in a
            // handler resumes on the ticking thread at the next tick. Never throws; allocates nothing with nothing posted.
            var outerContext = _continuations.Enter(replace: false);
            try
            {
                int budget = _options.MaxMessagesPerTick;
                long deadline = Stopwatch.GetTimestamp() + (long)(_options.TickTimeBudget.TotalSeconds * Stopwatch.Frequency);
                Connection.Process(ref budget, deadline);
                Connection.Complete(Stopwatch.GetTimestamp(), ref budget, deadline);
            }
            finally
            {
                _continuations.Exit(outerContext);
                _ticking = false;
            }
        }

        /// <summary>Closes the connection; pending invokes are rejected.</summary>
        public void Dispose() => Connection.Dispose();

        private void Report(IpcDiagnosticKind kind, string? channel, string message, Exception? exception)
        {
            var handler = Diagnostic;
            if (handler == null) return;
            try { handler(new IpcDiagnostic(kind, ViewId, channel, message, exception)); }
            catch (Exception) { /* a failing diagnostics sink must not take the tick down */ }
        }

        private sealed class Host : IConnectionHost
        {
            private readonly IpcRenderer _r;
            public Host(IpcRenderer renderer) { _r = renderer; }

            public int ViewId => _r.ViewId;
            public IIpcSender ReplyTarget => _r;
            public WebContents? SenderFacade => null;
            public ChannelNames Names => _r.Names;
            public int TickThreadId => -1;
            public IpcChannelFilter? Channels => null;
            public IpcTracer? Tracer => null;

            public void OnHello(Envelope e) { }

            public void OnReady(Envelope e)
            {
                _r.ViewId = e.ViewId > 0 ? e.ViewId : _r.ViewId;
                if (e.MaxFrame > 0) _r.Connection.SetPeerFrameLimit(e.MaxFrame);
                _r.Connection.MarkReady();
                try { _r.Ready?.Invoke(_r); }
                catch (Exception ex) { _r.Report(IpcDiagnosticKind.ListenerError, null, "a Ready handler threw: " + ex.Message, ex); }
            }

            public void Emit(IpcEvent e) => _r.Emit(e, _r._listenerFailed);
            public bool HasListeners(string channel) => _r.ListenerCount(channel) > 0;
            public IpcHandler? TakeHandler(string channel) => _r.TakeHandler(channel);
            public void Relay(Envelope e) { }
            public void OnClosed(string reason) => _r.Report(IpcDiagnosticKind.Lifecycle, null, "closed: " + reason, null);
            public void Report(IpcDiagnosticKind kind, string? channel, string message, Exception? exception) => _r.Report(kind, channel, message, exception);
        }
    }
}
