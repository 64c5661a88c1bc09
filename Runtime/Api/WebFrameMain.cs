using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// One frame of a view, as Electron's <c>WebFrameMain</c>: the view's main frame (<see cref="WebContents.MainFrame"/>,
    /// id 0) or an <c>&lt;iframe&gt;</c> whose <c>ipc-renderer.js</c> speaks through the top page's bridge. It has its own
    /// scoped <see cref="Ipc"/>, whose listeners hear only this frame and whose handlers take precedence over the view's
    /// and <see cref="IpcMain"/>'s; <c>Send</c> and <c>InvokeAsync</c> (from <see cref="IpcSenderExtensions"/>) reach this
    /// frame only. A frame that navigates keeps its id and object; its pending invokes both ways are rejected with a
    /// ViewGoneError, as a reloading view's are.
    /// </summary>
    public sealed class WebFrameMain : IIpcSender
    {
        internal WebFrameMain(IpcMain main, WebContents view, int id, WebFrameMain? parent, string? origin, string? url)
        {
            WebContents = view;
            Id = id;
            Parent = parent;
            Origin = origin;
            Url = url;
            Ipc = new IpcEmitter(main.Names);
            // The emitters a message of this frame reaches, in dispatch order (Electron's frame, webContents, ipcMain), made
            // once per frame so dispatch allocates no array.
            Emitters = new IpcEmitter[] { Ipc, view.Ipc, main };
        }

        /// <summary>The frame's id within its view: 0 for the main frame, the wire's <c>fr</c> for a subframe.</summary>
        public int Id { get; }

        /// <summary>The view this frame belongs to.</summary>
        public WebContents WebContents { get; }

        /// <summary>The frame that embeds this one (the main frame for a top-level iframe); null for the main frame.</summary>
        public WebFrameMain? Parent { get; }

        /// <summary>The main frame of the view.</summary>
        public WebFrameMain Top => WebContents.MainFrame;

        /// <summary>True for the view's main frame.</summary>
        public bool IsMainFrame => Id == 0;

        /// <summary>
        /// The frame's origin: for a subframe, as the top page's client saw it on the frame's messages (the browser's
        /// <c>MessageEvent.origin</c>); for the main frame, the view's <see cref="WebContents.Origin"/>.
        /// </summary>
        public string? Origin { get; internal set; }

        /// <summary>The URL the subframe's document reported when it said hello (null while it navigates, and for the main frame).</summary>
        public string? Url { get; internal set; }

        /// <summary>True once the frame was removed, or its view reloaded or went away: sends to it then throw.</summary>
        public bool Detached { get; internal set; }

        /// <summary>Listeners and handlers for this frame only, ahead of <see cref="WebContents.Ipc"/> and <see cref="IpcMain"/>.</summary>
        public IpcEmitter Ipc { get; }

        internal IpcEmitter[] Emitters { get; }

        /// <inheritdoc />
        public void SendArgs<TArgs>(string channel, in TArgs args) where TArgs : struct, IIpcArgs
        {
            EnsureAttached(channel);
            WebContents.Connection.Outbox.Send(channel, args, frame: Id);
        }

        /// <inheritdoc />
        public ValueTask<TResult> InvokeArgsAsync<TArgs, TResult>(string channel, in TArgs args, IpcInvokeOptions options) where TArgs : struct, IIpcArgs
        {
            EnsureAttached(channel);
            return WebContents.Connection.Invokes.Invoke<TArgs, TResult>(channel, args, options.Timeout, options.CancellationToken, Id);
        }

        /// <inheritdoc />
        public override string ToString() => $"WebFrameMain {Id} of view {WebContents.Id}{(Origin != null ? " (" + Origin + ")" : "")}";

        private void EnsureAttached(string channel)
        {
            if (Detached && !IsMainFrame)
                throw new IpcException(IpcErrorNames.ViewGone, $"Cannot send on '{channel}': frame {Id} of view {WebContents.Id} is detached", IpcErrorCodes.ViewGone);
        }
    }
}
