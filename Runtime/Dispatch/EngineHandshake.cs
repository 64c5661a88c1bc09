namespace FrameIpc
{
    /// <summary>
    /// The engine's end: each <c>hello</c> from the page is answered with <c>ready</c> (the view's id and this side's frame
    /// limit), ahead of the batch held until then. A second hello is a reload: what was pending either way is rejected.
    /// </summary>
    internal sealed class EngineHandshake : Handshake
    {
        public override void Begin(IpcConnection connection) { }

        public override bool Accept(IpcConnection connection, Envelope e)
        {
            if (e.Kind != EnvelopeKind.Hello) return false;
            var host = connection.Host;
            if (e.Version != Protocol.Version)
            {
                var message = $"Unsupported protocol version {e.Version}; this engine speaks {Protocol.Version}";
                host.Report(IpcDiagnosticKind.ProtocolError, null, message, null);
                connection.Outbox.WriteNotice(IpcErrorNames.Protocol, message, IpcErrorCodes.Protocol);
                return true;
            }
            if (e.MaxFrame > 0) connection.Outbox.SetPeerFrameLimit(e.MaxFrame);
            bool reload = connection.State == ConnectionState.Ready;
            if (reload) connection.RejectAllWork($"view {host.ViewId} reloaded");
            connection.Outbox.SendReady(host.ViewId);
            connection.MarkReady();
            host.OnHandshake(host.ViewId, reload);
            return true;
        }
    }
}
