namespace FrameIpc
{
    /// <summary>
    /// Where a message from one view goes on the engine: this file is to FrameIPC what Electron's
    /// <c>lib/browser/ipc-dispatch.ts</c> is to Electron, and reads next to it. A message reaches, in this order, the
    /// view's own <see cref="WebContents.IpcMessage"/> (or <see cref="WebContents.IpcMessageSync"/>) event, the sending
    /// frame's scoped emitter (<see cref="WebFrameMain.Ipc"/>), the view's (<see cref="WebContents.Ipc"/>) and then
    /// <see cref="IpcMain"/>; an invoke goes to the first of
    /// them that has a handler, and with none its caller gets Electron's "No handler registered for '…'".
    /// One instance per view: the view's connection calls it, and it answers through that connection.
    /// </summary>
    internal sealed class EngineRouting : IConnectionHost
    {
        private readonly IpcMain _main;
        private readonly WebContents _view;
        // One event per view, refilled for each message: a listener's event is valid until it returns.
        private readonly IpcEvent _event = new IpcEvent();
        // An invoke's handler gets Electron's IpcMainInvokeEvent, with no Reply or ReturnValue: its own instance, so a
        // handler cannot downcast its way to them.
        private readonly IpcMainInvokeEvent _invokeEvent = new IpcMainInvokeEvent();

        public EngineRouting(IpcMain main, WebContents view)
        {
            _main = main;
            _view = view;
            PeerName = "view " + view.Id;
        }

        public int ViewId => _view.Id;
        public string PeerName { get; }
        public ChannelNames Names => _main.Names;
        public IpcTracer? Tracer => _main.Tracer;
        public int TickThreadId => _main.TickThreadId;

        public bool MayUse(string channel) => _view.Channels == null || _view.Channels.Allows(channel);

        /// <summary>
        /// Electron's <c>-ipc-message</c>: the view's <c>ipc-message</c> event, then every listener of every emitter, scoped
        /// first. With <c>to</c>: a relay, which is another view's message and raises none of them here.
        /// </summary>
        public void OnSend(IpcConnection connection, Envelope e)
        {
            if (e.To >= 0 && !e.Ports.IsPresent)
            {
                _main.Relay(_view, e); // sendTo: for another view's listeners, never this engine's
                return;
            }
            var frame = SenderFrame(connection, e);
            if (frame == null) return;
            var emitters = frame.Emitters;
            if (e.Ports.IsPresent && !frame.IsMainFrame)
            {
                // A port id names a port in the top page's client; a frame's ids would collide with its top page's.
                connection.Refusals.RefuseEnvelope(e, IpcException.Protocol($"Frame {frame.Id} cannot transfer MessagePorts: only the top page transfers ports"));
                return;
            }
            MessagePortMain[]? ports = null;
            if (e.Ports.IsPresent && (ports = _main.Ports.Receive(_view, connection, e)) == null) return;
            var ev = EventFor(e, frame);
            if (ports != null) ev.Ports = ports;
            try
            {
                _view.RaiseIpcMessage(ev, sync: false);
                for (int i = 0; i < emitters.Length; i++) emitters[i].Emit(ev, _main.ListenerFailed);
            }
            finally
            {
                ev.Clear();
            }
        }

        /// <summary>
        /// Electron's <c>-ipc-message-sync</c>: the view's <c>ipc-message-sync</c> event, then the same listeners, and the
        /// first <c>ReturnValue</c> set goes back at once to the blocked caller. With nobody listening, Electron's warning
        /// and an answer with no value (Electron does not throw). Listeners that set no <c>ReturnValue</c>: the event is
        /// released unanswered when they return (Electron answers "reply was never sent" when it is collected), so the caller
        /// is told at once rather than wait out its timeout.
        /// </summary>
        public void OnSync(IpcConnection connection, Envelope e)
        {
            var channel = e.Channel!;
            var frame = SenderFrame(connection, e);
            if (frame == null) return;
            var emitters = frame.Emitters;
            bool heard = _view.HasIpcMessageSyncListeners;
            for (int i = 0; i < emitters.Length && !heard; i++) heard = emitters[i].ListenerCount(channel) > 0;
            if (!heard)
                Report(IpcDiagnosticKind.Undeliverable, channel,
                    $"WebContents #{_view.Id} called ipcRenderer.sendSync() with '{channel}' channel without listeners.", null);
            var ev = EventFor(e, frame);
            ev.IsSync = true;
            try
            {
                _view.RaiseIpcMessage(ev, sync: true);
                for (int i = 0; i < emitters.Length; i++) emitters[i].Emit(ev, _main.ListenerFailed);
                if (ev.HasReturnValue)
                    connection.Outbox.WriteResult(e.Id, channel, ev.ReturnValue, immediate: true);
                else if (!heard)
                    connection.Outbox.WriteResult<object?>(e.Id, channel, null, immediate: true, withValue: false);
                else
                    connection.Outbox.WriteError(e.Id, IpcErrorNames.Error, $"No listener set a ReturnValue for '{channel}'", null, null, immediate: true);
            }
            finally
            {
                ev.Clear();
            }
        }

        /// <summary>Electron's <c>-ipc-invoke</c>: the first emitter that has a handler for the channel answers it.</summary>
        public void OnInvoke(IpcConnection connection, Envelope e)
        {
            var channel = e.Channel!;
            var frame = SenderFrame(connection, e);
            if (frame == null) return;
            var emitters = frame.Emitters;
            IpcHandler? handler = null;
            for (int i = 0; i < emitters.Length && handler == null; i++) handler = emitters[i].TakeHandler(channel);
            if (handler == null)
            {
                connection.Outbox.WriteError(e.Id, IpcErrorNames.Error, $"No handler registered for '{channel}'", null, null, frame: e.Frame);
                return;
            }
            var ev = _invokeEvent;
            ev.Set(channel, _view, _view.Id, ReplyTarget(frame), e.Buffer!, e.Args, _main.Options.MaxDepth, _main.Limits.Json);
            ev.SenderFrame = frame;
            try
            {
                handler.Run(ev, e, connection);
            }
            finally
            {
                ev.Clear();
            }
        }

        /// <summary>A subframe of this view attached, navigated or detached (the top page's client reports it).</summary>
        public void OnFrame(IpcConnection connection, Envelope e)
        {
            try
            {
                _view.Frames.Apply(connection, e.Frame, FrameLifecycle.Read(e.Buffer!, e.Self, _main.Options.MaxDepth));
            }
            catch (IpcException ex)
            {
                connection.Refusals.RefuseEnvelope(e, ex);
            }
        }

        /// <summary>A message on a port that lives in this view (Electron has no counterpart: its ports speak Mojo).</summary>
        public void OnPortMessage(IpcConnection connection, Envelope e) => _main.Ports.OnPortMessage(_view, connection, e);

        /// <summary>This view closed its end of a port.</summary>
        public void OnPortClose(IpcConnection connection, Envelope e) => _main.Ports.OnPortClose(_view, connection, e);

        public void OnHandshake(int viewId, bool reload)
        {
            _view.Frames.DetachAll(); // a reloaded top page has none of its old frames
            if (reload) _main.Ports.ViewGone(_view, reload: true);
            _view.LoadCount++;
            _main.OnViewReady(_view, reload);
        }

        public void OnClosed(string reason)
        {
            _view.Frames.DetachAll();
            _main.Ports.ViewGone(_view, reload: false);
            _main.OnViewClosed(_view, reason);
        }

        public void Report(IpcDiagnosticKind kind, string? channel, string message, System.Exception? exception) =>
            _main.Report(kind, _view.Id, channel, message, exception);

        /// <summary>Electron's <c>IpcMainEvent</c>: the sender is this view, and a reply goes back to the frame that sent.</summary>
        private IpcEvent EventFor(Envelope e, WebFrameMain frame)
        {
            _event.Set(e.Channel!, _view, _view.Id, ReplyTarget(frame), e.Buffer!, e.Args, _main.Options.MaxDepth, _main.Limits.Json);
            _event.SenderFrame = frame;
            return _event;
        }

        private IIpcSender ReplyTarget(WebFrameMain frame) => frame.IsMainFrame ? _view : frame;

        /// <summary>The frame an envelope names (<c>fr</c>; absent, the main frame); an unknown one is refused, and null returned.</summary>
        private WebFrameMain? SenderFrame(IpcConnection connection, Envelope e)
        {
            var frame = _view.Frames.Find(e.Frame);
            if (frame == null)
                connection.Refusals.RefuseEnvelope(e, IpcException.Protocol($"Unknown frame {e.Frame}: no such frame is attached to view {_view.Id}"));
            return frame;
        }
    }
}
