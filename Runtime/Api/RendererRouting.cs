using System;

namespace FrameIpc
{
    /// <summary>
    /// Where a message from the engine goes in a C# renderer: the renderer side's counterpart of
    /// <see cref="EngineRouting"/>, shaped like Electron's <c>lib/renderer/api/ipc-renderer.ts</c>. There is one emitter,
    /// the <see cref="IpcRenderer"/> itself; an invoke with no handler gets Electron's "No handler registered for '…'";
    /// what only a view may send (<c>sync</c>, a relay's <c>to</c>) is refused.
    /// </summary>
    internal sealed class RendererRouting : IConnectionHost
    {
        private readonly IpcRenderer _renderer;
        // One event, refilled for each message: a listener's event is valid until it returns.
        private readonly IpcEvent _event = new IpcEvent();
        private readonly IpcMainInvokeEvent _invokeEvent = new IpcMainInvokeEvent(); // a handler's: no Reply, no ReturnValue

        public RendererRouting(IpcRenderer renderer) { _renderer = renderer; }

        public int ViewId => _renderer.ViewId;
        public string PeerName => "the engine";
        public ChannelNames Names => _renderer.Names;
        public IpcTracer? Tracer => null;
        public int TickThreadId => -1;

        public bool MayUse(string channel) => true; // the engine may use any channel

        /// <summary>A message from the engine, or relayed by it from another view (<c>from</c>): every listener, in order.</summary>
        public void OnSend(IpcConnection connection, Envelope e)
        {
            if (e.To >= 0)
            {
                connection.Refusals.RefuseEnvelope(e, IpcException.Protocol("Member 'to' is only valid from a view"));
                return;
            }
            if (e.Ports.IsPresent)
            {
                RefusePorts(connection, e);
                return;
            }
            var ev = EventFor(e);
            try
            {
                _renderer.Emit(ev, _renderer.ListenerFailed);
            }
            finally
            {
                ev.Clear();
            }
        }

        /// <summary>Only a view blocks on a sync call; the engine never does.</summary>
        public void OnSync(IpcConnection connection, Envelope e) =>
            connection.Refusals.RefuseEnvelope(e, IpcException.Protocol("Only a view may send 'sync'"));

        /// <summary>An invoke from the engine: the renderer's handler answers it.</summary>
        public void OnInvoke(IpcConnection connection, Envelope e)
        {
            var channel = e.Channel!;
            var handler = _renderer.TakeHandler(channel);
            if (handler == null)
            {
                connection.Outbox.WriteError(e.Id, IpcErrorNames.Error, $"No handler registered for '{channel}'", null, null);
                return;
            }
            var ev = _invokeEvent;
            ev.Set(channel, null, e.From >= 0 ? e.From : 0, _renderer, e.Buffer!, e.Args, _renderer.Options.MaxDepth, _renderer.Json);
            try
            {
                handler.Run(ev, e, connection);
            }
            finally
            {
                ev.Clear();
            }
        }

        /// <summary>Frames are a view's: the engine never reports one.</summary>
        public void OnFrame(IpcConnection connection, Envelope e) =>
            connection.Refusals.RefuseEnvelope(e, IpcException.Protocol("Only a view may send 'frame'"));
        /// <summary>MessagePorts live in pages (ipc-renderer.js); the C# renderer has none, so the engine is told plainly.</summary>
        public void OnPortMessage(IpcConnection connection, Envelope e) => RefusePorts(connection, e);

        public void OnPortClose(IpcConnection connection, Envelope e) => RefusePorts(connection, e);

        private static void RefusePorts(IpcConnection connection, Envelope e) =>
            connection.Refusals.RefuseEnvelope(e, IpcException.Protocol($"The C# IpcRenderer does not support MessagePorts ('{EnvelopeKinds.Name(e.Kind)}' for port {e.PortId} refused)"));

        public void OnHandshake(int viewId, bool reload) => _renderer.OnReady(viewId);

        public void OnClosed(string reason) => _renderer.Report(IpcDiagnosticKind.Lifecycle, null, "closed: " + reason, null);

        public void Report(IpcDiagnosticKind kind, string? channel, string message, Exception? exception) =>
            _renderer.Report(kind, channel, message, exception);

        /// <summary>Electron's <c>IpcRendererEvent</c>: no sender object; <c>SenderId</c> is the relaying view, or 0 for the engine.</summary>
        private IpcEvent EventFor(Envelope e)
        {
            _event.Set(e.Channel!, null, e.From >= 0 ? e.From : 0, _renderer, e.Buffer!, e.Args, _renderer.Options.MaxDepth, _renderer.Json);
            return _event;
        }
    }
}
