using System;
using System.Diagnostics;

namespace FrameIpc
{
    internal sealed partial class IpcConnection
    {
        /// <summary>Queues a send in this tick's batch; throws at the sender if the arguments cannot be JSON or the view is gone.</summary>
        public void Send<TArgs>(string channel, in TArgs args, int to = -1, int from = -1) where TArgs : struct, IIpcArgs
        {
            CheckChannel(channel);
            lock (_gate)
            {
                EnsureCanSend(channel);
                _out.Begin(EnvelopeKind.Send);
                _out.String("ch", channel);
                if (to >= 0) _out.Int("to", to);
                if (from > 0) _out.Int("from", from);
                WriteArgs(channel, args);
                _out.End(channel);
                EnsureHeldFits(channel);
                TraceOut(_out, EnvelopeKind.Send, channel, 0);
            }
        }

        /// <summary>
        /// Sends arguments that are already one valid JSON array (another view's message being relayed, a broadcast encoded
        /// once); <paramref name="from"/> is the origin view for a relay, or -1.
        /// </summary>
        public void SendEncoded(string channel, ReadOnlySpan<char> argsJson, int from = -1)
        {
            lock (_gate)
            {
                EnsureCanSend(channel);
                _out.Begin(EnvelopeKind.Send);
                _out.String("ch", channel);
                if (from >= 0) _out.Int("from", from);
                if (argsJson.Length > 0) _out.RawValue("a", argsJson);
                _out.End(channel);
                EnsureHeldFits(channel);
                TraceOut(_out, EnvelopeKind.Send, channel, 0, from > 0 ? from : 0);
            }
        }

        /// <summary>Sends arguments given as JSON text, after checking that they are exactly one valid array.</summary>
        public void SendJson(string channel, string argsJson)
        {
            var buffer = argsJson.ToCharArray();
            var scanner = new JsonScanner(buffer, _options.MaxDepth);
            if (scanner.Peek() != '[') throw IpcException.Protocol($"Cannot send on '{channel}': the arguments must be a JSON array");
            scanner.SkipValue();
            if (!scanner.AtEnd) throw IpcException.Protocol($"Cannot send on '{channel}': extra text after the arguments' array");
            CheckChannel(channel);
            SendEncoded(channel, buffer);
        }

        /// <summary>Writes a handler's value as the result of invoke <paramref name="id"/>.</summary>
        public void WriteResult<T>(long id, string channel, T value)
        {
            lock (_gate)
            {
                if (_state == ConnectionState.Closed) return;
                _out.Begin(EnvelopeKind.Result);
                _out.Int("id", id);
                try
                {
                    _out.Value("r", value);
                    _out.End(channel);
                }
                catch (Exception ex)
                {
                    if (!(ex is IpcException)) _out.Abort(); // End cut out an over-long result itself
                    var error = Unsendable(channel, ex);
                    Report(IpcDiagnosticKind.HandlerError, channel, error.Message, ex);
                    WriteErrorResult(id, error.Name, error.Message, error.Code, null);
                    return;
                }
                TraceOut(_out, EnvelopeKind.Result, null, id);
            }
        }

        public void WriteErrorResult(long id, Exception ex)
        {
            if (ex is IpcException ipc) WriteErrorResult(id, ipc.Name, ipc.RemoteMessage, ipc.Code, ipc.DataJson);
            else if (ex is OperationCanceledException) WriteErrorResult(id, IpcErrorNames.Abort, ex.Message, IpcErrorCodes.Canceled, null);
            else WriteErrorResult(id, IpcErrorNames.Error, ex.Message, null, null);
        }

        public void WriteErrorResult(long id, string name, string message, string? code, string? dataJson)
        {
            lock (_gate)
            {
                if (_state == ConnectionState.Closed) return;
                WriteError(_out, EnvelopeKind.Result, id, name, message, code, dataJson);
                TraceOut(_out, EnvelopeKind.Result, null, id);
            }
        }

        /// <summary>
        /// Sends what this tick wrote: the error notices, then the batch (held on the engine side until the handshake),
        /// each as one frame, or split into frames under the peer's limit when it is longer.
        /// </summary>
        public void Flush()
        {
            lock (_gate)
            {
                if (_state == ConnectionState.Closed) return;
                if (_suppressedNotices > 0)
                {
                    WriteError(_notices, EnvelopeKind.Error, 0, IpcErrorNames.Limit,
                        $"{_suppressedNotices} more error notice(s) this tick were not sent: at most {MaxNoticesPerFlush} leave per tick", IpcErrorCodes.Limit, null);
                    _suppressedNotices = 0;
                }
                if (!_notices.IsEmpty) WriteOut(_notices);
                if (_out.IsEmpty || _state == ConnectionState.Closed) return;
                if (_isEngine && _state != ConnectionState.Ready) return; // held until the handshake
                WriteOut(_out);
            }
        }

        private void WriteOut(FrameWriter writer)
        {
            try
            {
                writer.WriteTo(_transport);
            }
            catch (Exception ex)
            {
                OnClosed("transport failed: " + ex.Message);
            }
            finally
            {
                writer.Clear();
            }
        }

        /// <summary>
        /// The largest frame the peer takes, from its handshake (<c>max</c>); every outbound batch is split under it.
        /// Absent or smaller than 64, this side's own <see cref="IpcOptions.MaxFrameChars"/> stays in force.
        /// </summary>
        internal void SetPeerFrameLimit(int maxFrameChars)
        {
            if (maxFrameChars < 64) return;
            lock (_gate) _out.MaxFrameChars = _immediate.MaxFrameChars = _notices.MaxFrameChars = maxFrameChars;
        }

        /// <summary>Characters written since the last flush (the batch that the next flush sends).</summary>
        internal int PendingOutboundChars
        {
            get { lock (_gate) return _out.Length; }
        }

        /// <summary>The peer's frame limit that outbound batches are split under.</summary>
        internal int PeerFrameLimit => _out.MaxFrameChars;

        public void SendHello()
        {
            lock (_gate)
            {
                if (_state == ConnectionState.Closed) return;
                _out.Begin(EnvelopeKind.Hello);
                _out.Int("v", Protocol.Version);
                _out.Int("max", _options.MaxFrameChars);
                _out.End();
            }
            Flush();
        }

        /// <summary>The handshake answer goes ahead of the batch, so what was held arrives after it.</summary>
        public void SendReady(int viewId)
        {
            lock (_gate)
            {
                if (_state == ConnectionState.Closed) return;
                Immediate(EnvelopeKind.Ready, 0);
                _immediate.Int("v", Protocol.Version);
                _immediate.Int("view", viewId);
                _immediate.Int("max", _options.MaxFrameChars);
                _immediate.End();
                SendImmediateLocked();
            }
        }

        /// <summary>
        /// Queues an <c>error</c> notice. Notices leave together at the next flush, ahead of the batch and never held;
        /// past <see cref="MaxNoticesPerFlush"/> in one tick they are only counted, so a peer that sends garbage cannot
        /// make this side write more than it read.
        /// </summary>
        public void SendErrorNotice(string name, string message, string? code)
        {
            lock (_gate)
            {
                if (_state == ConnectionState.Closed) return;
                if (_notices.EnvelopeCount >= MaxNoticesPerFlush)
                {
                    _suppressedNotices++;
                    return;
                }
                WriteError(_notices, EnvelopeKind.Error, 0, name, message, code, null);
                TraceOut(_notices, EnvelopeKind.Error, null, 0);
            }
        }

        /// <summary>
        /// Writes an error envelope (a result with <c>e</c>, or a notice). A message too long for a frame (a handler's
        /// exception text can be anything) is shortened, and its data dropped, rather than lose the answer.
        /// </summary>
        private static void WriteError(FrameWriter writer, EnvelopeKind kind, long id, string name, string message, string? code, string? dataJson)
        {
            for (int attempt = 0; ; attempt++)
            {
                writer.Begin(kind);
                if (id > 0) writer.Int("id", id);
                writer.Error("e", name, message, code, dataJson);
                try
                {
                    writer.End();
                    return;
                }
                catch (IpcException) when (attempt == 0)
                {
                    int keep = Math.Max(0, Math.Min(message.Length, writer.MaxEnvelopeChars / 8 - 64));
                    message = message.Substring(0, keep) + $" [cut: {message.Length} characters did not fit in a frame]";
                    if (name.Length > 64) name = name.Substring(0, 64);
                    if (code != null && code.Length > 64) code = code.Substring(0, 64);
                    dataJson = null;
                }
            }
        }

        /// <summary>A sync caller is blocked on this answer: it leaves at once, not with the batch.</summary>
        private void WriteImmediateResult(long id, string channel, object? value)
        {
            lock (_gate)
            {
                if (_state == ConnectionState.Closed) return;
                Immediate(EnvelopeKind.Result, id);
                _immediate.Int("id", id);
                try
                {
                    _immediate.Value("r", value);
                    _immediate.End(channel);
                }
                catch (Exception ex)
                {
                    if (!(ex is IpcException)) _immediate.Abort(); // End cut out an over-long result itself
                    var error = Unsendable(channel, ex);
                    WriteError(_immediate, EnvelopeKind.Result, id, error.Name, error.Message, error.Code, null);
                }
                SendImmediateLocked();
            }
        }

        private void WriteImmediateError(long id, string name, string message, string? code = null)
        {
            lock (_gate)
            {
                if (_state == ConnectionState.Closed) return;
                _immediateKind = EnvelopeKind.Result;
                _immediateId = id;
                WriteError(_immediate, EnvelopeKind.Result, id, name, message, code, null);
                SendImmediateLocked();
            }
        }

        private void SendImmediateLocked()
        {
            TraceOut(_immediate, _immediateKind, null, _immediateId);
            try
            {
                if (_state != ConnectionState.Closed) _immediate.WriteTo(_transport);
            }
            catch (Exception ex)
            {
                OnClosed("transport failed: " + ex.Message);
            }
            finally
            {
                _immediate.Clear();
            }
        }

        private EnvelopeKind _immediateKind;
        private long _immediateId;

        private void Immediate(EnvelopeKind kind, long id)
        {
            _immediateKind = kind;
            _immediateId = id;
            _immediate.Begin(kind);
        }

        private void TraceOut(FrameWriter writer, EnvelopeKind kind, string? channel, long id, int relayFrom = 0)
        {
            var tracer = _host.Tracer;
            if (tracer != null && tracer.Enabled) tracer.Record(_host.ViewId, IpcTraceDirection.Out, kind, channel, id, writer.LastEnvelopeLength, 0, relayFrom);
        }

        private void EnsureCanSend(string channel)
        {
            if (_state == ConnectionState.Closed)
                throw new IpcException(IpcErrorNames.ViewGone, $"Cannot send on '{channel}': view {_host.ViewId} is closed ({CloseReason})", IpcErrorCodes.ViewGone);
        }

        /// <summary>
        /// Before the handshake the batch is held, up to <see cref="IpcOptions.MaxHeldChars"/>: the envelope just written
        /// that would pass it is cut out again and refused, so what is held never exceeds the bound.
        /// </summary>
        private void EnsureHeldFits(string channel)
        {
            if (!_isEngine || _state == ConnectionState.Ready || _out.Length <= _options.MaxHeldChars) return;
            _out.RemoveLast();
            throw new IpcException(IpcErrorNames.Limit,
                $"Cannot send on '{channel}': view {_host.ViewId} is not ready and its hold buffer is full ({_options.MaxHeldChars} characters)",
                IpcErrorCodes.Limit);
        }

        /// <summary>Electron's check, plus the length bound that every receiver applies (<see cref="IpcOptions.MaxChannelChars"/>).</summary>
        private void CheckChannel(string channel)
        {
            IpcEmitter.CheckChannel(channel);
            if (channel.Length > _options.MaxChannelChars)
                throw new IpcException(IpcErrorNames.Limit,
                    $"Channel name of {channel.Length} characters is over the limit of {_options.MaxChannelChars}", IpcErrorCodes.Limit);
        }

        /// <summary>Writes the arguments, or cuts the half-written envelope out again and says which channel could not be sent.</summary>
        private void WriteArgs<TArgs>(string channel, in TArgs args) where TArgs : struct, IIpcArgs
        {
            try
            {
                _out.Args(args);
            }
            catch (Exception ex)
            {
                _out.Abort();
                throw Unsendable(channel, ex);
            }
        }

        private static IpcException Unsendable(string channel, Exception ex) => ex is IpcException ipc && ipc.Name == IpcErrorNames.Limit
            ? ipc
            : new IpcException(IpcErrorNames.Error, $"Cannot send on '{channel}': an argument cannot be sent as JSON ({ex.Message})", null, null, ex);

        private static long Now() => Stopwatch.GetTimestamp();
    }
}
