using System;

namespace FrameIpc
{
    /// <summary>
    /// What a connection writes for MessagePorts (Documentation~/protocol.md, "MessagePorts"): a send that transfers
    /// ports, a message on a port, and a port's close. Each goes into the tick's batch of its <see cref="Outbox"/>, in
    /// order with the rest, under the outbox's lock and its checks (open, held bound, envelope size).
    /// </summary>
    internal sealed class PortOutbox
    {
        private readonly Outbox _outbox;

        public PortOutbox(Outbox outbox) { _outbox = outbox; }

        /// <summary>A send that also lists the ids of the ports it transfers (<c>p</c>). Throws at the sender, and then nothing was written.</summary>
        public void SendWithPorts<TArgs>(string channel, in TArgs args, long[] portIds, int portCount) where TArgs : struct, IIpcArgs
        {
            ChannelArgument.Check(channel, _outbox.MaxChannelChars);
            lock (_outbox.Gate)
            {
                _outbox.EnsureOpenFor(channel);
                var batch = _outbox.BatchWriter;
                batch.Begin(EnvelopeKind.Send);
                batch.String("ch", channel);
                _outbox.WriteArgsFor(channel, args);
                batch.Ints("p", portIds, portCount);
                batch.End(channel);
                _outbox.EnsureHeldFitsFor(channel, 0);
                _outbox.TraceBatch(EnvelopeKind.Send, channel, 0);
            }
        }

        /// <summary>
        /// A message on port <paramref name="portId"/> whose <c>a</c> is already one valid JSON array (relayed from another
        /// view's port, or queued here). Allocates nothing. Throws a LimitError when it does not fit.
        /// </summary>
        public void WritePortMessage(long portId, ReadOnlySpan<char> argsJson)
        {
            lock (_outbox.Gate)
            {
                var batch = Begin(EnvelopeKind.PortMessage, portId);
                batch.RawValue("a", argsJson);
                End(batch, EnvelopeKind.PortMessage, portId);
            }
        }

        /// <summary>A message on port <paramref name="portId"/>, written from an engine value.</summary>
        public void WritePortMessage<TArgs>(long portId, in TArgs args) where TArgs : struct, IIpcArgs
        {
            lock (_outbox.Gate)
            {
                var batch = Begin(EnvelopeKind.PortMessage, portId);
                _outbox.WriteArgsFor("port " + portId, args);
                End(batch, EnvelopeKind.PortMessage, portId);
            }
        }

        /// <summary>Tells the peer that the other end of port <paramref name="portId"/> closed. Never throws: a closed view needs no telling.</summary>
        public void WritePortClose(long portId)
        {
            lock (_outbox.Gate)
            {
                if (_outbox.IsClosed) return;
                var batch = _outbox.BatchWriter;
                batch.Begin(EnvelopeKind.PortClose);
                batch.Int("p", portId);
                batch.End();
                _outbox.TraceBatch(EnvelopeKind.PortClose, null, portId);
            }
        }

        private FrameWriter Begin(EnvelopeKind kind, long portId)
        {
            if (_outbox.IsClosed)
                throw new IpcException(IpcErrorNames.ViewGone, $"Cannot post on port {portId}: its view is closed", IpcErrorCodes.ViewGone);
            var batch = _outbox.BatchWriter;
            batch.Begin(kind);
            batch.Int("p", portId);
            return batch;
        }

        private void End(FrameWriter batch, EnvelopeKind kind, long portId)
        {
            batch.End();
            _outbox.EnsureHeldFitsFor(null, portId);
            _outbox.TraceBatch(kind, null, portId);
        }
    }
}
