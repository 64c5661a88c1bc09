using System;

namespace FrameIpc
{
    /// <summary>What a connection writes for MessagePorts (Documentation~/protocol.md, "MessagePorts"): a send that transfers
    /// ports, a message on a port, and a port's close. Each goes into the tick's batch, in order with the rest.</summary>
    internal sealed partial class Outbox
    {
        /// <summary>
        /// A send whose envelope also lists the ids of the ports it transfers (<c>p</c>). Throws at the sender, as
        /// <see cref="Send{TArgs}"/> does, and then nothing was written.
        /// </summary>
        public void SendWithPorts<TArgs>(string channel, in TArgs args, long[] portIds, int portCount) where TArgs : struct, IIpcArgs
        {
            ChannelArgument.Check(channel, _limits.MaxChannelChars);
            lock (Gate)
            {
                EnsureOpen(channel);
                _batch.Begin(EnvelopeKind.Send);
                _batch.String("ch", channel);
                WriteArgs(channel, args);
                _batch.Ints("p", portIds, portCount);
                _batch.End(channel);
                EnsureHeldFits(channel);
                Trace(_batch, EnvelopeKind.Send, channel, 0);
            }
        }

        /// <summary>
        /// A message on port <paramref name="portId"/> whose <c>a</c> is already one valid JSON array (relayed from another
        /// view's port, or queued here). Allocates nothing. Throws a LimitError when it does not fit.
        /// </summary>
        public void WritePortMessage(long portId, ReadOnlySpan<char> argsJson)
        {
            lock (Gate)
            {
                EnsurePortOpen(portId);
                _batch.Begin(EnvelopeKind.PortMessage);
                _batch.Int("p", portId);
                _batch.RawValue("a", argsJson);
                _batch.End();
                EnsurePortHeldFits(portId);
                Trace(_batch, EnvelopeKind.PortMessage, null, portId);
            }
        }

        /// <summary>A message on port <paramref name="portId"/>, written from an engine value.</summary>
        public void WritePortMessage<TArgs>(long portId, in TArgs args) where TArgs : struct, IIpcArgs
        {
            lock (Gate)
            {
                EnsurePortOpen(portId);
                _batch.Begin(EnvelopeKind.PortMessage);
                _batch.Int("p", portId);
                WriteArgs(PortName(portId), args);
                _batch.End();
                EnsurePortHeldFits(portId);
                Trace(_batch, EnvelopeKind.PortMessage, null, portId);
            }
        }

        /// <summary>Tells the peer that the other end of port <paramref name="portId"/> closed. Never throws; a closed view needs no telling.</summary>
        public void WritePortClose(long portId)
        {
            lock (Gate)
            {
                if (IsClosed) return;
                _batch.Begin(EnvelopeKind.PortClose);
                _batch.Int("p", portId);
                _batch.End();
                Trace(_batch, EnvelopeKind.PortClose, null, portId);
            }
        }

        // The name is made only on the refusal path: a port message that fits allocates nothing.
        private void EnsurePortHeldFits(long portId)
        {
            if (_held && _batch.Length > _limits.HeldChars) EnsureHeldFits(PortName(portId));
        }

        private static string PortName(long portId) => "port " + portId;

        private void EnsurePortOpen(long portId)
        {
            if (IsClosed)
                throw new IpcException(IpcErrorNames.ViewGone, $"Cannot post on port {portId}: view {_host.ViewId} is closed ({_closedReason})", IpcErrorCodes.ViewGone);
        }
    }
}
