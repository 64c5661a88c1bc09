using System;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// The view side in C#: Electron's <c>ipcRenderer</c>, for C# UIs, other processes and tests. Call <see cref="Connect"/>
    /// once, then <see cref="Tick"/> on the view's own thread; its listeners, handlers and completions run inside it.
    /// </summary>
    public sealed class IpcRenderer : IpcEmitter, IIpcSender, IDisposable
    {
        private readonly TickRunner _tick;
        internal readonly Action<Exception, IpcEvent> ListenerFailed;
        private bool _connected;

        /// <summary>Creates the renderer over its end of a transport. Nothing is sent until <see cref="Connect"/>.</summary>
        public IpcRenderer(IFrameTransport transport, IpcOptions? options = null) : base(new ChannelNames())
        {
            Options = (options ?? new IpcOptions()).Validate();
            // The renderer is given what makes it the renderer: its handshake, limits that never hold the batch, and a
            // SyncWait for blocking calls.
            var limits = Options.ToLimits(heldChars: null);
            Json = limits.Json;
            Connection = new IpcConnection(transport, new RendererRouting(this), limits,
                new RendererHandshake(), new SyncWait(Options.MaxDepth, limits.Json));
            ListenerFailed = (ex, e) => Report(IpcDiagnosticKind.ListenerError, e.Channel, $"a listener of '{e.Channel}' threw: {ex.Message}", ex);
            _tick = new TickRunner(nameof(IpcRenderer), ex => Report(IpcDiagnosticKind.ListenerError, null, "an async continuation threw: " + ex.Message, ex));
        }

        internal IpcConnection Connection { get; }

        /// <summary>This renderer's JSON conventions (<see cref="IpcOptions.Json"/>).</summary>
        internal IpcJsonContext Json { get; }

        internal IpcOptions Options { get; }

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
        }

        /// <summary>Acts as a page reload: this side's pending invokes are rejected and the handshake runs again.</summary>
        public void Reload() => Connection.Restart();

        /// <inheritdoc />
        public void SendArgs<TArgs>(string channel, in TArgs args) where TArgs : struct, IIpcArgs => Connection.Outbox.Send(channel, args);

        /// <inheritdoc />
        public ValueTask<TResult> InvokeArgsAsync<TArgs, TResult>(string channel, in TArgs args, IpcInvokeOptions options) where TArgs : struct, IIpcArgs =>
            Connection.Invokes.Invoke<TArgs, TResult>(channel, args, options.Timeout, options.CancellationToken);

        /// <summary>
        /// Blocks until an engine listener sets <c>ReturnValue</c> (or the timeout, default 10 s; then a TimeoutError). With
        /// no listener on the engine, returns <c>default</c> at once, as Electron's caller gets no value (the engine warns);
        /// listeners that set no <c>ReturnValue</c> make it throw at once. Not on a thread that ticks the engine.
        /// </summary>
        public TResult SendSync<TResult>(string channel, TimeSpan? timeout = null) =>
            Connection.SendSync<IpcArgs, TResult>(channel, new IpcArgs(), timeout);

        /// <summary>Blocks until an engine listener sets <c>ReturnValue</c>; one argument.</summary>
        public TResult SendSync<T1, TResult>(string channel, T1 arg1, TimeSpan? timeout = null) =>
            Connection.SendSync<IpcArgs<T1>, TResult>(channel, new IpcArgs<T1>(arg1), timeout);

        /// <summary>Blocks until an engine listener sets <c>ReturnValue</c>; two arguments.</summary>
        public TResult SendSync<T1, T2, TResult>(string channel, T1 arg1, T2 arg2, TimeSpan? timeout = null) =>
            Connection.SendSync<IpcArgs<T1, T2>, TResult>(channel, new IpcArgs<T1, T2>(arg1, arg2), timeout);

        /// <summary>Sends to another view through the engine; its listener sees this view's id as <c>SenderId</c>.</summary>
        public void SendTo(int viewId, string channel) => Connection.Outbox.Send(channel, new IpcArgs(), to: viewId);

        /// <summary>Sends to another view through the engine, with one argument.</summary>
        public void SendTo<T1>(int viewId, string channel, T1 arg1) => Connection.Outbox.Send(channel, new IpcArgs<T1>(arg1), to: viewId);

        /// <summary>Sends to another view through the engine, with two arguments.</summary>
        public void SendTo<T1, T2>(int viewId, string channel, T1 arg1, T2 arg2) => Connection.Outbox.Send(channel, new IpcArgs<T1, T2>(arg1, arg2), to: viewId);

        /// <summary>Runs this side's listeners, handlers and completions, and sends what they produced as one batch.</summary>
        public void Tick() => _tick.Run(Connection, Options);

        /// <summary>Closes the connection; pending invokes are rejected.</summary>
        public void Dispose() => Connection.Dispose();

        /// <summary>The handshake's answer arrived (from <see cref="RendererRouting"/>).</summary>
        internal void OnReady(int viewId)
        {
            if (viewId > 0) ViewId = viewId;
            try { Ready?.Invoke(this); }
            catch (Exception ex) { Report(IpcDiagnosticKind.ListenerError, null, "a Ready handler threw: " + ex.Message, ex); }
        }

        internal void Report(IpcDiagnosticKind kind, string? channel, string message, Exception? exception) =>
            TickRunner.Report(Diagnostic, kind, ViewId, channel, message, exception);
    }
}
