using System;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// The engine's handle on one view (a page in an embedded browser, a WebSocket client, a C# renderer): Electron's
    /// <c>webContents</c>. <c>Send</c> and <c>InvokeAsync</c> come from <see cref="IpcSenderExtensions"/>.
    /// </summary>
    public sealed partial class WebContents : IIpcSender, IConnectionOwner
    {
        private readonly IpcMain _main;

        internal WebContents(IpcMain main, int id, IFrameTransport transport, string? origin, IpcChannelFilter? channels)
        {
            _main = main;
            Id = id;
            Origin = origin;
            Channels = channels;
            Ipc = new IpcEmitter(main.Names);
            // The engine's end is given what makes it the engine's: the view's routing, limits that hold the batch until
            // the page's hello, and the handshake that answers it.
            Connection = new IpcConnection(transport, new EngineRouting(main, this), main.Limits, new EngineHandshake());
        }

        internal IpcConnection Connection { get; }

        IpcConnection IConnectionOwner.Connection => Connection;

        /// <summary>The view's id, unique within its <see cref="IpcMain"/>, starting at 1.</summary>
        public int Id { get; }

        /// <summary>The page's origin as the transport saw it (the WebSocket Origin header), or null.</summary>
        public string? Origin { get; }

        /// <summary>The channels this view may send or invoke on, or null for any.</summary>
        public IpcChannelFilter? Channels { get; }

        /// <summary>Listeners and handlers for this view only; its handlers take precedence over <see cref="IpcMain"/>'s.</summary>
        public IpcEmitter Ipc { get; }

        /// <summary>
        /// Electron's <c>ipc-message</c>: raised for every message this view sends (<c>send</c>), with the channel, before the
        /// listeners of <see cref="Ipc"/> and <see cref="IpcMain"/>, and whether or not the channel has any. Arguments are read
        /// from the event. Raised in <see cref="IpcMain.Tick"/>; a handler that throws is reported (ListenerError) and the
        /// listeners still run. Default none.
        /// </summary>
        public event Action<IpcEvent, string>? IpcMessage;

        /// <summary>
        /// Electron's <c>ipc-message-sync</c>: the same for every <c>sendSync</c> of this view, before the listeners; setting
        /// <see cref="IpcEvent.ReturnValue"/> here answers the caller. A handler counts as a listener (no "without listeners"
        /// warning). Default none.
        /// </summary>
        public event Action<IpcEvent, string>? IpcMessageSync;

        internal bool HasIpcMessageSyncListeners => IpcMessageSync != null;

        /// <summary>Raises <see cref="IpcMessage"/> or <see cref="IpcMessageSync"/> for one message.</summary>
        internal void RaiseIpcMessage(IpcEvent e, bool sync)
        {
            var handlers = sync ? IpcMessageSync : IpcMessage;
            if (handlers == null) return;
            try
            {
                handlers(e, e.Channel);
            }
            catch (Exception ex)
            {
                _main.Report(IpcDiagnosticKind.ListenerError, Id, e.Channel,
                    $"a WebContents.{(sync ? nameof(IpcMessageSync) : nameof(IpcMessage))} handler threw: {ex.Message}", ex);
            }
        }

        /// <summary>True once the view's handshake is done and until it goes away. Sends before that are held.</summary>
        public bool IsReady => Connection.State == ConnectionState.Ready;

        /// <summary>True once the view is gone for good (closed by either side); sends then throw.</summary>
        public bool IsDestroyed => Connection.State == ConnectionState.Closed;

        /// <summary>Why the view went away, once <see cref="IsDestroyed"/>.</summary>
        public string? DestroyReason => Connection.CloseReason;

        /// <summary>How many times the page loaded (handshakes seen); 2 or more means it reloaded.</summary>
        public int LoadCount { get; internal set; }

        /// <summary>Invokes this view's handlers that are still pending an answer.</summary>
        public int PendingInvokes => Connection.PendingInvokes;

        /// <inheritdoc />
        public void SendArgs<TArgs>(string channel, in TArgs args) where TArgs : struct, IIpcArgs => Connection.Outbox.Send(channel, args);

        /// <inheritdoc />
        public ValueTask<TResult> InvokeArgsAsync<TArgs, TResult>(string channel, in TArgs args, IpcInvokeOptions options) where TArgs : struct, IIpcArgs =>
            Connection.Invokes.Invoke<TArgs, TResult>(channel, args, options.Timeout, options.CancellationToken);

        /// <summary>
        /// Sends a message whose arguments are given as a JSON array text, e.g. <c>[87, "low"]</c> (the IPC Monitor's
        /// test message). Throws <see cref="IpcException"/> if it is not one valid JSON array.
        /// </summary>
        public void SendJson(string channel, string argsJson)
        {
            var buffer = (argsJson ?? "[]").ToCharArray();
            var scanner = new JsonScanner(buffer, _main.Options.MaxDepth);
            if (scanner.Peek() != '[') throw IpcException.Protocol($"Cannot send on '{channel}': the arguments must be a JSON array");
            scanner.SkipValue();
            if (!scanner.AtEnd) throw IpcException.Protocol($"Cannot send on '{channel}': extra text after the arguments' array");
            ChannelArgument.Check(channel, _main.Options.MaxChannelChars);
            Connection.Outbox.SendEncoded(channel, buffer);
        }

        /// <summary>Closes the view from the engine side: pending invokes both ways are rejected, and the transport is closed.</summary>
        public void Close(string reason = "closed by the engine") => Connection.Close(reason);

        /// <inheritdoc />
        public override string ToString() => $"WebContents {Id}{(Origin != null ? " (" + Origin + ")" : "")}";
    }
}
