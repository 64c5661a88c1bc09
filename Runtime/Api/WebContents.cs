using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// The engine's handle on one view (a page in an embedded browser, a WebSocket client, a C# renderer): Electron's
    /// <c>webContents</c>. <c>Send</c> and <c>InvokeAsync</c> come from <see cref="IpcSenderExtensions"/>.
    /// </summary>
    public sealed partial class WebContents : IIpcSender
    {
        private readonly IpcMain _main;

        internal WebContents(IpcMain main, int id, IFrameTransport transport, string? origin, IpcChannelFilter? channels)
        {
            _main = main;
            Id = id;
            Origin = origin;
            Channels = channels;
            Ipc = new IpcEmitter(main.Names);
            Frames = new ViewFrames(main, this);
            // The engine's end is given what makes it the engine's: the view's routing, limits that hold the batch until
            // the page's hello, and the handshake that answers it.
            Connection = new IpcConnection(transport, new EngineRouting(main, this), main.Limits, new EngineHandshake());
        }

        internal IpcConnection Connection { get; }

        internal ViewFrames Frames { get; }

        /// <summary>The view's main frame (Electron's <c>webContents.mainFrame</c>): frame id 0, the top page.</summary>
        public WebFrameMain MainFrame => Frames.MainFrame;

        /// <summary>The frame with id <paramref name="frameId"/> (0 the main frame), or null when no such frame is attached.</summary>
        public WebFrameMain? FindFrame(int frameId) => Frames.Find(frameId);

        /// <summary>The main frame and every attached subframe (a copy). Electron's <c>mainFrame.framesInSubtree</c>.</summary>
        public IReadOnlyList<WebFrameMain> AllFrames => Frames.Snapshot();

        /// <summary>Electron's <c>frame-created</c>: a subframe's client said hello through this view's top page. Default none.</summary>
        public event Action<WebFrameMain>? FrameCreated;

        /// <summary>Electron's <c>did-frame-navigate</c>: a subframe loaded a new document (its Url and Origin are updated). Default none.</summary>
        public event Action<WebFrameMain>? FrameNavigated;

        /// <summary>A subframe was removed, or the view reloaded or went away; its pending invokes were rejected. Default none.</summary>
        public event Action<WebFrameMain>? FrameDetached;

        /// <summary>
        /// Electron's <c>webContents.sendToFrame(frameId, channel, ...args)</c>: a message to one frame of this view. Throws
        /// <see cref="IpcException"/> (ViewGoneError) when no frame with that id is attached.
        /// </summary>
        public void SendToFrame(int frameId, string channel) => FrameFor(frameId, channel).SendArgs(channel, new IpcArgs());

        /// <summary>Sends a message with one argument to one frame of this view.</summary>
        public void SendToFrame<T1>(int frameId, string channel, T1 arg1) => FrameFor(frameId, channel).SendArgs(channel, new IpcArgs<T1>(arg1));

        /// <summary>Sends a message with two arguments to one frame of this view.</summary>
        public void SendToFrame<T1, T2>(int frameId, string channel, T1 arg1, T2 arg2) =>
            FrameFor(frameId, channel).SendArgs(channel, new IpcArgs<T1, T2>(arg1, arg2));

        internal void RaiseFrameEvent(WebFrameMain frame, FrameOp op)
        {
            var handlers = op == FrameOp.Attach ? FrameCreated : op == FrameOp.Navigate ? FrameNavigated : FrameDetached;
            if (handlers == null) return;
            try { handlers(frame); }
            catch (Exception ex) { _main.Report(IpcDiagnosticKind.ListenerError, Id, null, $"a WebContents frame event handler threw: {ex.Message}", ex); }
        }

        private WebFrameMain FrameFor(int frameId, string channel) => Frames.Find(frameId) ??
            throw new IpcException(IpcErrorNames.ViewGone, $"Cannot send on '{channel}': no frame {frameId} is attached to view {Id}", IpcErrorCodes.ViewGone);

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
