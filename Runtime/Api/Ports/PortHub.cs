using System;
using System.Collections.Generic;

namespace FrameIpc
{
    /// <summary>
    /// The engine's MessagePorts, one per <see cref="IpcMain"/>: where a view's <c>portmessage</c> and <c>portclose</c> go,
    /// the ports a page's send transfers, and the ports whose queued messages or 'close' wait for the next tick. A message
    /// between two views is copied from one view's frame into the other's batch: no engine code, no allocation.
    /// Tick thread only.
    /// </summary>
    internal sealed class PortHub : IDisposable
    {
        private readonly IpcMain _main;
        private List<MessagePortMain> _scheduled = new List<MessagePortMain>();
        private List<MessagePortMain> _delivering = new List<MessagePortMain>();
        private ArgsEncoder? _encoder; // made on the first engine-to-engine post

        public PortHub(IpcMain main)
        {
            _main = main;
            Json = main.Limits.Json;
            MaxDepth = main.Options.MaxDepth;
            MaxQueuedChars = main.Options.MaxPortQueuedChars;
            MaxPortsPerView = main.Options.MaxPortsPerView;
        }

        /// <summary>One event for every port message, refilled each time: valid while a listener runs.</summary>
        public PortMessageEvent Event { get; } = new PortMessageEvent();
        public IpcJsonContext Json { get; }
        public int MaxDepth { get; }
        public int MaxQueuedChars { get; }
        public int MaxPortsPerView { get; }

        /// <summary>True when some port has messages or a 'close' for the next tick.</summary>
        public bool HasWork => _scheduled.Count > 0;

        public void Schedule(MessagePortMain port)
        {
            if (port.Scheduled) return;
            port.Scheduled = true;
            _scheduled.Add(port);
        }

        /// <summary>At the start of a tick: what ports queued. What their listeners post waits for the next tick.</summary>
        public void DeliverPending()
        {
            var ports = _scheduled;
            _scheduled = _delivering;
            _delivering = ports;
            for (int i = 0; i < ports.Count; i++)
            {
                ports[i].Scheduled = false;
                ports[i].DeliverQueued();
            }
            ports.Clear();
        }

        public ReadOnlySpan<char> Encode<TArgs>(in TArgs args) where TArgs : struct, IIpcArgs =>
            (_encoder ??= new ArgsEncoder(Json)).Encode("a MessagePortMain", args);

        public void ListenerFailed(string message, Exception ex) => _main.Report(IpcDiagnosticKind.ListenerError, 0, null, message, ex);

        /// <summary>
        /// A page's send that transfers ports (<c>p</c>): for each, the engine's stand-in for the page's port and the
        /// <see cref="MessagePortMain"/> entangled with it, which the listeners get in <see cref="IpcEvent.Ports"/>. Null when
        /// the ids are refused (the send is refused whole, nothing is kept).
        /// </summary>
        public MessagePortMain[]? Receive(WebContents view, IpcConnection connection, Envelope e)
        {
            int count = 0;
            var error = e.To >= 0
                ? IpcException.Protocol("Ports cannot be transferred with a relay ('to'); post them to the engine")
                : view.Ports.ReadPageIds(e.Buffer!, e.Ports, MaxDepth, MaxPortsPerView, out count);
            if (error != null)
            {
                connection.Refusals.RefuseEnvelope(e, error);
                return null;
            }
            var ports = new MessagePortMain[count];
            for (int i = 0; i < count; i++)
            {
                var inPage = new MessagePortMain(this) { View = view, WireId = view.Ports.Ids[i] };
                var here = new MessagePortMain(this);
                MessagePortMain.Entangle(inPage, here);
                view.Ports.Add(inPage);
                ports[i] = here;
            }
            if (!view.Hears(e.Channel!))
            {
                // Nobody listens, so nobody can keep them: closed at once (the page's ends hear of it), as a port that
                // nobody references is collected and closed in a browser.
                for (int i = 0; i < count; i++) ports[i].Close();
                _main.Report(IpcDiagnosticKind.Undeliverable, view.Id, e.Channel,
                    $"{count} port(s) sent on '{e.Channel}' with no listener were closed", null);
            }
            return ports;
        }

        /// <summary>
        /// A message on a port that lives in <paramref name="view"/>: copied into the batch of the view holding the other end,
        /// or given to the engine port there. An unknown id is refused; a closed one (a message that crossed the close) is only
        /// reported.
        /// </summary>
        public void OnPortMessage(WebContents view, IpcConnection connection, Envelope e)
        {
            if (!e.Args.IsPresent)
            {
                connection.Refusals.RefuseEnvelope(e, IpcException.Protocol("A 'portmessage' envelope needs an array member 'a' holding the message"));
                return;
            }
            if (!Find(view, connection, e, out var inPage)) return;
            var other = inPage.Partner;
            if (other == null) return;
            var args = new ReadOnlySpan<char>(e.Buffer!, e.Args.Start, e.Args.Length);
            IpcException? refused;
            try
            {
                refused = other.View != null
                    ? Relay(other, args)
                    : other.Accept(args, e.Buffer, e.Args, view);
            }
            catch (IpcException ex)
            {
                refused = ex;
            }
            if (refused != null) connection.Refusals.RefuseEnvelope(e, refused);
        }

        /// <summary>The page closed its end: the other end hears of it.</summary>
        public void OnPortClose(WebContents view, IpcConnection connection, Envelope e)
        {
            if (!Find(view, connection, e, out var inPage)) return;
            view.Ports.Remove(inPage.WireId);
            inPage.Disentangle();
        }

        /// <summary>The view reloaded or went away: every port it held closes.</summary>
        public void ViewGone(WebContents view, bool reload) => view.Ports.CloseAll(reload);

        public void Dispose() => _encoder?.Dispose();

        private static IpcException? Relay(MessagePortMain to, ReadOnlySpan<char> args)
        {
            to.View!.Connection.Outbox.Ports.WritePortMessage(to.WireId, args);
            return null;
        }

        private bool Find(WebContents view, IpcConnection connection, Envelope e, out MessagePortMain port)
        {
            if (view.Ports.TryGet(e.PortId, out port)) return true;
            var kind = EnvelopeKinds.Name(e.Kind);
            if (view.Ports.WasUsed(e.PortId))
                _main.Report(IpcDiagnosticKind.Undeliverable, view.Id, null, $"A '{kind}' for port {e.PortId} of view {view.Id} was dropped: that port is closed", null);
            else
                connection.Refusals.RefuseEnvelope(e, IpcException.Protocol($"Unknown port id {e.PortId}: no port with that id was transferred on this connection"));
            return false;
        }
    }
}
