namespace FrameIpc
{
    /// <summary>
    /// The renderer's end: it says <c>hello</c> (protocol version, its frame limit) and becomes ready when the engine
    /// answers with <c>ready</c>, which carries the id the engine gave this view.
    /// </summary>
    internal sealed class RendererHandshake : Handshake
    {
        public override void Begin(IpcConnection connection)
        {
            connection.Outbox.WriteHello();
            connection.Outbox.Flush();
        }

        public override bool Accept(IpcConnection connection, Envelope e)
        {
            if (e.Kind != EnvelopeKind.Ready) return false;
            if (e.MaxFrame > 0) connection.Outbox.SetPeerFrameLimit(e.MaxFrame);
            connection.MarkReady();
            connection.Host.OnHandshake(e.ViewId, reload: false);
            return true;
        }
    }
}
