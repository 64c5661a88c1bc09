using System;
using System.Diagnostics;

namespace FrameIpc
{
    internal sealed partial class IpcConnection
    {
        /// <summary>Queues a send in this tick's batch; throws at the sender if the arguments cannot be JSON or the view is gone.</summary>
        public void Send<TArgs>(string channel, in TArgs args, int to = -1, int from = -1) where TArgs : struct, IIpcArgs
        {
            IpcEmitter.CheckChannel(channel);
            lock (_gate)
            {
                EnsureCanSend(channel);
                _out.Begin(EnvelopeKind.Send);
                _out.String("ch", channel);
                if (to >= 0) _out.Int("to", to);
                if (from > 0) _out.Int("from", from);
                WriteArgs(channel, args);
                _out.End();
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
                _out.End();
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
            IpcEmitter.CheckChannel(channel);
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
                }
                catch (Exception ex)
                {
                    _out.Abort();
                    var error = Unsendable(channel, ex);
                    Report(IpcDiagnosticKind.HandlerError, channel, error.Message, ex);
                    WriteErrorResult(id, error.Name, error.Message, error.Code, null);
                    return;
                }
                _out.End();
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
                _out.Begin(EnvelopeKind.Result);
                _out.Int("id", id);
                _out.Error("e", name, message, code, dataJson);
                _out.End();
                TraceOut(_out, EnvelopeKind.Result, null, id);
            }
        }

        /// <summary>Sends the whole batch now: the one transport write of this tick for this view.</summary>
        public void Flush()
        {
            lock (_gate)
            {
                if (_out.IsEmpty || _state == ConnectionState.Closed) return;
                if (_isEngine && _state != ConnectionState.Ready) return; // held until the handshake
                try
                {
                    _transport.Send(_out.Finish());
                }
                catch (Exception ex)
                {
                    OnClosed("transport failed: " + ex.Message);
                }
                finally
                {
                    _out.Clear();
                }
            }
        }

        public void SendHello()
        {
            lock (_gate)
            {
                if (_state == ConnectionState.Closed) return;
                _out.Begin(EnvelopeKind.Hello);
                _out.Int("v", Protocol.Version);
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
                _immediate.End();
                SendImmediateLocked();
            }
        }

        public void SendErrorNotice(string name, string message, string? code)
        {
            lock (_gate)
            {
                if (_state == ConnectionState.Closed) return;
                Immediate(EnvelopeKind.Error, 0);
                _immediate.Error("e", name, message, code, null);
                _immediate.End();
                SendImmediateLocked();
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
                }
                catch (Exception ex)
                {
                    _immediate.Abort();
                    var error = Unsendable(channel, ex);
                    _immediate.Begin(EnvelopeKind.Result);
                    _immediate.Int("id", id);
                    _immediate.Error("e", error.Name, error.Message, error.Code, null);
                }
                _immediate.End();
                SendImmediateLocked();
            }
        }

        private void WriteImmediateError(long id, string name, string message, string? code = null)
        {
            lock (_gate)
            {
                if (_state == ConnectionState.Closed) return;
                Immediate(EnvelopeKind.Result, id);
                _immediate.Int("id", id);
                _immediate.Error("e", name, message, code, null);
                _immediate.End();
                SendImmediateLocked();
            }
        }

        private void SendImmediateLocked()
        {
            TraceOut(_immediate, _immediateKind, null, _immediateId);
            try
            {
                if (_state != ConnectionState.Closed) _transport.Send(_immediate.Finish());
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
            if (_isEngine && _state != ConnectionState.Ready && _out.Length > _options.MaxHeldChars)
                throw new IpcException(IpcErrorNames.Limit,
                    $"Cannot send on '{channel}': view {_host.ViewId} is not ready and its hold buffer is full ({_options.MaxHeldChars} characters)",
                    IpcErrorCodes.Limit);
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

        private static IpcException Unsendable(string channel, Exception ex) => new IpcException(IpcErrorNames.Error,
            $"Cannot send on '{channel}': an argument cannot be sent as JSON ({ex.Message})", null, null, ex);

        private static long Now() => Stopwatch.GetTimestamp();
    }
}
