using System;

namespace FrameIpc
{
    /// <summary>
    /// Everything one connection writes to its peer: the batch the tick flushes (held until the handshake when the
    /// limits say so), the immediate path for a blocked sync caller and the handshake answer, and the error notices.
    /// Results and errors have one writer each (<see cref="WriteResult{T}"/>, <see cref="WriteError(long, string, string, string?, string?, bool, int)"/>),
    /// whichever path they leave by. Any thread may write; <see cref="Gate"/> orders them.
    /// </summary>
    internal sealed partial class Outbox
    {
        public readonly object Gate = new object();
        private readonly FrameWriter _batch;
        private readonly FrameWriter _immediate;
        private readonly ErrorNotices _notices = new ErrorNotices();
        private readonly IFrameTransport _transport;
        private readonly IConnectionHost _host;
        private readonly ConnectionLimits _limits;
        private readonly Action<string> _transportFailed;
        private bool _held;
        private string? _closedReason;
        private long _lastId;

        public Outbox(IFrameTransport transport, IConnectionHost host, ConnectionLimits limits, Action<string> transportFailed)
        {
            _transport = transport;
            _host = host;
            _limits = limits;
            _batch = new FrameWriter(limits.Json);
            _immediate = new FrameWriter(limits.Json);
            _transportFailed = transportFailed;
            _held = limits.HeldChars != null;
            // Until the peer's handshake says otherwise, it is assumed to take what this side takes.
            _batch.MaxFrameChars = _immediate.MaxFrameChars = _notices.Writer.MaxFrameChars = limits.MaxFrameChars;
        }

        public bool IsClosed => _closedReason != null;

        /// <summary>Characters written since the last flush (the batch that the next flush sends).</summary>
        public int PendingChars { get { lock (Gate) return _batch.Length; } }

        /// <summary>The peer's frame limit that outbound batches are split under.</summary>
        public int PeerFrameLimit => _batch.MaxFrameChars;

        /// <summary>
        /// The largest frame the peer takes, from its handshake (<c>max</c>); every outbound batch is split under it.
        /// Absent or smaller than 64, this side's own limit stays in force.
        /// </summary>
        public void SetPeerFrameLimit(int maxFrameChars)
        {
            if (maxFrameChars < 64) return;
            lock (Gate) _batch.MaxFrameChars = _immediate.MaxFrameChars = _notices.Writer.MaxFrameChars = maxFrameChars;
        }

        /// <summary>The handshake is done: a held batch leaves at the next flush.</summary>
        public void Open() => _held = false;

        /// <summary>Every writer checks <see cref="IsClosed"/> first, so the buffers can go back now.</summary>
        public void Close(string reason)
        {
            lock (Gate)
            {
                _closedReason = reason ?? "closed";
                _batch.Dispose();
                _immediate.Dispose();
                _notices.Writer.Dispose();
            }
        }

        /// <summary>Queues a send in this tick's batch; throws at the sender if the arguments cannot be JSON or the view is gone.</summary>
        public void Send<TArgs>(string channel, in TArgs args, int to = -1, int from = -1, int frame = 0) where TArgs : struct, IIpcArgs
        {
            ChannelArgument.Check(channel, _limits.MaxChannelChars);
            lock (Gate)
            {
                EnsureOpen(channel);
                _batch.Begin(EnvelopeKind.Send);
                _batch.String("ch", channel);
                if (to >= 0) _batch.Int("to", to);
                if (from > 0) _batch.Int("from", from);
                if (frame > 0) _batch.Int("fr", frame);
                WriteArgs(channel, args);
                _batch.End(channel);
                EnsureHeldFits(channel);
                Trace(_batch, EnvelopeKind.Send, channel, 0);
            }
        }

        /// <summary>
        /// Sends arguments that are already one valid JSON array (another view's message being relayed, a broadcast encoded
        /// once); <paramref name="from"/> is the origin view for a relay, or -1.
        /// </summary>
        public void SendEncoded(string channel, ReadOnlySpan<char> argsJson, int from = -1)
        {
            lock (Gate)
            {
                EnsureOpen(channel);
                _batch.Begin(EnvelopeKind.Send);
                _batch.String("ch", channel);
                if (from >= 0) _batch.Int("from", from);
                if (argsJson.Length > 0) _batch.RawValue("a", argsJson);
                _batch.End(channel);
                EnsureHeldFits(channel);
                Trace(_batch, EnvelopeKind.Send, channel, 0, from > 0 ? from : 0);
            }
        }

        /// <summary>
        /// Writes a request that waits on an id (<c>invoke</c>, <c>sync</c>) and returns its id. Call under <see cref="Gate"/>;
        /// the id is only used up when the envelope was written, so a refused call leaves no gap.
        /// </summary>
        public long WriteRequest<TArgs>(EnvelopeKind kind, string channel, in TArgs args, long timeoutMs, int frame = 0) where TArgs : struct, IIpcArgs
        {
            EnsureOpen(channel);
            long id = _lastId + 1;
            _batch.Begin(kind);
            _batch.Int("id", id);
            _batch.String("ch", channel);
            if (frame > 0) _batch.Int("fr", frame);
            WriteArgs(channel, args);
            if (timeoutMs >= 0) _batch.Int("t", timeoutMs);
            _batch.End(channel);
            EnsureHeldFits(channel);
            Trace(_batch, kind, channel, id);
            _lastId = id;
            return id;
        }

        /// <summary>Tells the peer this side stopped waiting on <paramref name="id"/>, so its handler's token fires there too.</summary>
        public void WriteCancel(long id, int frame = 0)
        {
            lock (Gate)
            {
                if (IsClosed) return;
                _batch.Begin(EnvelopeKind.Cancel);
                _batch.Int("id", id);
                if (frame > 0) _batch.Int("fr", frame);
                _batch.End();
                Trace(_batch, EnvelopeKind.Cancel, null, id);
            }
        }

        /// <summary>
        /// The one writer of a result value: with the batch, or at once when a sync caller is blocked on it
        /// (<paramref name="immediate"/>). A value that cannot be sent becomes an error result, and a diagnostic. Without
        /// <paramref name="withValue"/> the result has no <c>r</c> at all (a sync call nobody listened to: no value).
        /// </summary>
        public void WriteResult<T>(long id, string channel, T value, bool immediate = false, bool withValue = true, int frame = 0)
        {
            lock (Gate)
            {
                if (IsClosed) return;
                var writer = immediate ? _immediate : _batch;
                writer.Begin(EnvelopeKind.Result);
                writer.Int("id", id);
                if (frame > 0) writer.Int("fr", frame);
                try
                {
                    if (withValue) writer.Value("r", value);
                    writer.End(channel);
                }
                catch (Exception ex)
                {
                    if (!(ex is IpcException)) writer.Abort(); // End cut out an over-long result itself
                    var error = ErrorEnvelope.Unsendable(channel, ex);
                    _host.Report(IpcDiagnosticKind.HandlerError, channel, error.Message, ex);
                    ErrorEnvelope.Write(writer, EnvelopeKind.Result, id, error.Name, error.Message, error.Code, null, frame);
                }
                Trace(writer, EnvelopeKind.Result, null, id);
                if (immediate) SendImmediateLocked();
            }
        }

        /// <summary>The error result of a handler that threw, was cancelled, or could not run.</summary>
        public void WriteError(long id, Exception ex, int frame = 0)
        {
            if (ex is IpcException ipc) WriteError(id, ipc.Name, ipc.RemoteMessage, ipc.Code, ipc.DataJson, frame: frame);
            else if (ex is OperationCanceledException) WriteError(id, IpcErrorNames.Abort, ex.Message, IpcErrorCodes.Canceled, null, frame: frame);
            else WriteError(id, IpcErrorNames.Error, ex.Message, null, null, frame: frame);
        }

        /// <summary>The one writer of an error result, with the batch or at once (<paramref name="immediate"/>).</summary>
        public void WriteError(long id, string name, string message, string? code, string? dataJson, bool immediate = false, int frame = 0)
        {
            lock (Gate)
            {
                if (IsClosed) return;
                var writer = immediate ? _immediate : _batch;
                ErrorEnvelope.Write(writer, EnvelopeKind.Result, id, name, message, code, dataJson, frame);
                Trace(writer, EnvelopeKind.Result, null, id);
                if (immediate) SendImmediateLocked();
            }
        }

        /// <summary>Queues an <c>error</c> notice; notices leave together at the next flush, ahead of the batch, never held.</summary>
        public void WriteNotice(string name, string message, string? code)
        {
            lock (Gate)
            {
                if (!IsClosed && _notices.Add(name, message, code)) Trace(_notices.Writer, EnvelopeKind.Error, null, 0);
            }
        }

        /// <summary>The renderer's opening of the handshake; it leaves with the batch, which is never held on that side.</summary>
        public void WriteHello()
        {
            lock (Gate)
            {
                if (IsClosed) return;
                _batch.Begin(EnvelopeKind.Hello);
                _batch.Int("v", Protocol.Version);
                _batch.Int("max", _limits.MaxFrameChars);
                _batch.End();
            }
        }

        /// <summary>The engine's answer to a hello goes ahead of the batch, so what was held arrives after it.</summary>
        public void SendReady(int viewId)
        {
            lock (Gate)
            {
                if (IsClosed) return;
                _immediate.Begin(EnvelopeKind.Ready);
                _immediate.Int("v", Protocol.Version);
                _immediate.Int("view", viewId);
                _immediate.Int("max", _limits.MaxFrameChars);
                _immediate.End();
                Trace(_immediate, EnvelopeKind.Ready, null, 0);
                SendImmediateLocked();
            }
        }

        /// <summary>
        /// Sends what this tick wrote: the error notices, then the batch (unless held until the handshake), each as one
        /// frame, or split into frames under the peer's limit when it is longer.
        /// </summary>
        public void Flush()
        {
            if (_batch.IsEmpty && _notices.IsEmpty) return; // seen without the gate: a write landing meanwhile leaves next flush
            lock (Gate)
            {
                if (IsClosed) return;
                if (_notices.EndTick()) WriteOut(_notices.Writer);
                if (_batch.IsEmpty || IsClosed || _held) return;
                WriteOut(_batch);
            }
        }

        private void SendImmediateLocked() => WriteOut(_immediate);

        private void WriteOut(FrameWriter writer)
        {
            try
            {
                if (!IsClosed) writer.WriteTo(_transport);
            }
            catch (Exception ex)
            {
                // A transport that says it is closed (ViewGoneError) was closed by its page, say for a reload: its reason is no failure.
                _transportFailed(ex is IpcException gone && gone.Name == IpcErrorNames.ViewGone ? gone.Message : "transport failed: " + ex.Message);
            }
            finally
            {
                writer.Clear();
            }
        }

        private void Trace(FrameWriter writer, EnvelopeKind kind, string? channel, long id, int relayFrom = 0)
        {
            var tracer = _host.Tracer;
            if (tracer != null && tracer.Enabled) tracer.Record(_host.ViewId, IpcTraceDirection.Out, kind, channel, id, writer.LastEnvelopeLength, 0, relayFrom);
        }

        private void EnsureOpen(string channel)
        {
            if (IsClosed)
                throw new IpcException(IpcErrorNames.ViewGone, $"Cannot send on '{channel}': view {_host.ViewId} is closed ({_closedReason})", IpcErrorCodes.ViewGone);
        }

        /// <summary>
        /// Before the handshake the batch is held, up to <see cref="ConnectionLimits.HeldChars"/>: the envelope just written
        /// that would pass it is cut out again and refused, so what is held never exceeds the bound.
        /// </summary>
        private void EnsureHeldFits(string channel)
        {
            if (!_held || _batch.Length <= _limits.HeldChars) return;
            _batch.RemoveLast();
            throw new IpcException(IpcErrorNames.Limit,
                $"Cannot send on '{channel}': view {_host.ViewId} is not ready and its hold buffer is full ({_limits.HeldChars} characters)",
                IpcErrorCodes.Limit);
        }

        /// <summary>Writes the arguments, or cuts the half-written envelope out again and says which channel could not be sent.</summary>
        private void WriteArgs<TArgs>(string channel, in TArgs args) where TArgs : struct, IIpcArgs
        {
            try
            {
                _batch.Args(args);
            }
            catch (Exception ex)
            {
                _batch.Abort();
                throw ErrorEnvelope.Unsendable(channel, ex);
            }
        }
    }
}
