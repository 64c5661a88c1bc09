using System;

namespace FrameIpc
{
    /// <summary>
    /// Input from the peer that cannot be used: a diagnostic on this side, and the peer is told: an error result when it
    /// waits on an id, else an <c>error</c> notice. Never an exception into the tick.
    /// </summary>
    internal sealed class Refusals
    {
        private readonly Outbox _outbox;
        private readonly IConnectionHost _host;
        private readonly int _maxDepth;

        public Refusals(Outbox outbox, IConnectionHost host, int maxDepth)
        {
            _outbox = outbox;
            _host = host;
            _maxDepth = maxDepth;
        }

        /// <summary>Reads an envelope's error object; a malformed one is refused (and false returned).</summary>
        public bool TryReadError(Envelope e, out string name, out string message, out string? code, out string? data)
        {
            try
            {
                EnvelopeReader.ReadError(e.Buffer!, e.Error, _maxDepth, out name, out message, out code, out data);
                return true;
            }
            catch (Exception ex)
            {
                RefuseEnvelope(e, IpcException.Protocol("Malformed error object: " + ex.Message));
                name = message = "";
                code = data = null;
                return false;
            }
        }

        /// <summary>A whole frame that could not be read: a diagnostic here, an <c>error</c> envelope to the peer.</summary>
        public void Refuse(IpcDiagnosticKind kind, IpcException ex)
        {
            _host.Report(kind, null, ex.Message, ex);
            _outbox.WriteNotice(ex.Name, ex.Message, ex.Code);
        }

        /// <summary>One envelope that could not be used: an error result when its sender waits on an id, else an error notice.</summary>
        public void RefuseEnvelope(Envelope e, IpcException ex, bool reported = false)
        {
            var kind = ex.Name == IpcErrorNames.Limit ? IpcDiagnosticKind.LimitExceeded : IpcDiagnosticKind.ProtocolError;
            if (!reported) _host.Report(kind, e.Channel, ex.Message, ex);
            bool waiting = (e.Kind == EnvelopeKind.Invoke || e.Kind == EnvelopeKind.Sync) && e.Id > 0;
            if (!waiting) _outbox.WriteNotice(ex.Name, ex.Message, ex.Code);
            else _outbox.WriteError(e.Id, ex.Name, ex.Message, ex.Code, null, immediate: e.Kind == EnvelopeKind.Sync, frame: e.Frame);
        }
    }
}
