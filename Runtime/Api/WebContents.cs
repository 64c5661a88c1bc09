using System;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// The engine's handle on one view (a page in an embedded browser, a WebSocket client, a C# renderer): Electron's
    /// <c>webContents</c>. <c>Send</c> and <c>InvokeAsync</c> come from <see cref="IpcSenderExtensions"/>.
    /// </summary>
    public sealed class WebContents : IIpcSender
    {
        private readonly IpcMain _main;

        internal WebContents(IpcMain main, int id, IFrameTransport transport, string? origin, IpcChannelFilter? channels)
        {
            _main = main;
            Id = id;
            Origin = origin;
            Channels = channels;
            Connection = new IpcConnection(transport, new Host(this), main.Options, isEngine: true);
        }

        internal IpcConnection Connection { get; }

        /// <summary>The view's id, unique within its <see cref="IpcMain"/>, starting at 1.</summary>
        public int Id { get; }

        /// <summary>The page's origin as the transport saw it (the WebSocket Origin header), or null.</summary>
        public string? Origin { get; }

        /// <summary>The channels this view may send or invoke on, or null for any.</summary>
        public IpcChannelFilter? Channels { get; }

        /// <summary>Listeners and handlers for this view only; its handlers take precedence over <see cref="IpcMain"/>'s.</summary>
        public IpcEmitter Ipc { get; } = new IpcEmitter();

        /// <summary>True once the view's handshake is done and until it goes away. Sends before that are held.</summary>
        public bool IsReady => Connection.State == ConnectionState.Ready;

        /// <summary>True once the view is gone for good (closed by either side); sends then throw.</summary>
        public bool IsDestroyed => Connection.State == ConnectionState.Closed;

        /// <summary>Why the view went away, once <see cref="IsDestroyed"/>.</summary>
        public string? DestroyReason => Connection.CloseReason;

        /// <summary>How many times the page loaded (handshakes seen); 2 or more means it reloaded.</summary>
        public int LoadCount { get; private set; }

        /// <summary>Invokes this view's handlers that are still pending an answer.</summary>
        public int PendingInvokes => Connection.PendingInvokes;

        /// <inheritdoc />
        public void SendArgs<TArgs>(string channel, in TArgs args) where TArgs : struct, IIpcArgs => Connection.Send(channel, args);

        /// <inheritdoc />
        public ValueTask<TResult> InvokeArgsAsync<TArgs, TResult>(string channel, in TArgs args, IpcInvokeOptions options) where TArgs : struct, IIpcArgs =>
            Connection.Invoke<TArgs, TResult>(channel, args, options);

        /// <summary>
        /// Sends a message whose arguments are given as a JSON array text, e.g. <c>[87, "low"]</c> (the IPC Monitor's
        /// test message). Throws <see cref="IpcException"/> if it is not one valid JSON array.
        /// </summary>
        public void SendJson(string channel, string argsJson) => Connection.SendJson(channel, argsJson ?? "[]");

        /// <summary>Closes the view from the engine side: pending invokes both ways are rejected, and the transport is closed.</summary>
        public void Close(string reason = "closed by the engine") => Connection.Close(reason);

        /// <inheritdoc />
        public override string ToString() => $"WebContents {Id}{(Origin != null ? " (" + Origin + ")" : "")}";

        private sealed class Host : IConnectionHost
        {
            private readonly WebContents _view;
            public Host(WebContents view) { _view = view; }

            public int ViewId => _view.Id;
            public IIpcSender ReplyTarget => _view;
            public WebContents? SenderFacade => _view;
            public ChannelNames Names => _view._main.Names;
            public int TickThreadId => _view._main.TickThreadId;
            public IpcChannelFilter? Channels => _view.Channels;
            public IpcTracer? Tracer => _view._main.Tracer;

            public void OnHello(Envelope e)
            {
                if (e.Version != Protocol.Version)
                {
                    var message = $"Unsupported protocol version {e.Version}; this engine speaks {Protocol.Version}";
                    _view._main.Report(IpcDiagnosticKind.ProtocolError, _view.Id, null, message, null);
                    _view.Connection.SendErrorNotice(IpcErrorNames.Protocol, message, IpcErrorCodes.Protocol);
                    return;
                }
                if (e.MaxFrame > 0) _view.Connection.SetPeerFrameLimit(e.MaxFrame);
                bool reload = _view.Connection.State == ConnectionState.Ready;
                if (reload) _view.Connection.OnReload();
                _view.LoadCount++;
                _view.Connection.SendReady(_view.Id);
                _view.Connection.MarkReady();
                _view._main.OnViewReady(_view, reload);
            }

            public void OnReady(Envelope e) { }

            public void Emit(IpcEvent e)
            {
                _view.Ipc.Emit(e, _view._main.ListenerFailed);
                _view._main.Emit(e, _view._main.ListenerFailed);
            }

            public bool HasListeners(string channel) => _view.Ipc.ListenerCount(channel) + _view._main.ListenerCount(channel) > 0;

            public IpcHandler? TakeHandler(string channel) => _view.Ipc.TakeHandler(channel) ?? _view._main.TakeHandler(channel);

            public void Relay(Envelope e) => _view._main.Relay(_view, e);

            public void OnClosed(string reason) => _view._main.OnViewClosed(_view, reason);

            public void Report(IpcDiagnosticKind kind, string? channel, string message, Exception? exception) =>
                _view._main.Report(kind, _view.Id, channel, message, exception);
        }
    }
}
