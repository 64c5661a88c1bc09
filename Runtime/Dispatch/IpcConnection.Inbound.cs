using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc
{
    internal sealed partial class IpcConnection
    {
        // Where the head frame's envelopes start and end (pairs), found while validating it: only the head frame is ever
        // dispatched, so one reused array serves every frame, including one that resumes on a later tick.
        private int[] _bounds = new int[64];
        private int _boundsCount;

        /// <summary>Dispatches one frame; false when the budget ran out mid-batch (it resumes at the frame's cursor next tick).</summary>
        private bool ProcessFrame(InboundFrame f, ref int budget, long deadline)
        {
            if (f.OversizeLength > 0)
            {
                Refuse(IpcDiagnosticKind.LimitExceeded, new IpcException(IpcErrorNames.Limit,
                    $"Frame of {f.OversizeLength} characters refused: the limit is {_options.MaxFrameChars}", IpcErrorCodes.Limit));
                return true;
            }
            if (!f.Validated)
            {
                try
                {
                    EnvelopeReader.Validate(f.Buffer, f.Length, _options.MaxDepth, out f.IsBatch, ref _bounds, out _boundsCount);
                    f.Cursor = 0;
                    f.Validated = true;
                }
                catch (IpcException ex)
                {
                    Refuse(ex.Name == IpcErrorNames.Limit ? IpcDiagnosticKind.LimitExceeded : IpcDiagnosticKind.ProtocolError, ex);
                    return true;
                }
            }
            if (!f.IsBatch)
            {
                budget--;
                DispatchOne(f.Buffer, 0, f.Length);
                return true;
            }
            for (int sinceClockCheck = 1; ; sinceClockCheck++)
            {
                if (budget <= 0 || _state == ConnectionState.Closed) return _state == ConnectionState.Closed;
                if ((sinceClockCheck & 31) == 0 && Stopwatch.GetTimestamp() >= deadline) return false;
                if (f.Cursor >= _boundsCount) return true;
                int envelope = f.Cursor++;
                budget--;
                DispatchOne(f.Buffer, _bounds[2 * envelope], _bounds[2 * envelope + 1]);
            }
        }

        private void DispatchOne(char[] buffer, int start, int end)
        {
            var e = IpcPools.Rent(Envelope.Pool);
            try
            {
                try
                {
                    EnvelopeReader.Read(buffer, start, end, _options.MaxDepth, _options.MaxChannelChars, _host.Names, e);
                }
                catch (IpcException ex)
                {
                    EnvelopeReader.ReadKindAndId(buffer, start, end, _options.MaxDepth, e);
                    RefuseEnvelope(e, ex);
                    return;
                }
                catch (Exception ex)
                {
                    EnvelopeReader.ReadKindAndId(buffer, start, end, _options.MaxDepth, e);
                    RefuseEnvelope(e, IpcException.Protocol("Malformed envelope: " + ex.Message));
                    return;
                }
                var tracer = _host.Tracer;
                if (tracer == null || !tracer.Enabled)
                {
                    Handle(e);
                    return;
                }
                long started = tracer.Now();
                var kind = e.Kind;
                var channel = e.Channel;
                long id = e.Id;
                int relayTo = kind == EnvelopeKind.Send && e.To > 0 ? e.To : 0;
                Handle(e);
                tracer.Record(_host.ViewId, IpcTraceDirection.In, kind, channel, id, end - start, tracer.Now() - started, relayTo);
            }
            finally
            {
                _event.Clear();
                IpcPools.Return(Envelope.Pool, e);
            }
        }

        private void Handle(Envelope e)
        {
            var filter = _host.Channels;
            if (filter != null && e.Channel != null && !filter.Allows(e.Channel))
            {
                var ex = new IpcException(IpcErrorNames.Forbidden, $"View {_host.ViewId} may not use channel '{e.Channel}'", IpcErrorCodes.Forbidden);
                _host.Report(IpcDiagnosticKind.Forbidden, e.Channel, ex.Message, ex);
                RefuseEnvelope(e, ex, reported: true);
                return;
            }
            switch (e.Kind)
            {
                case EnvelopeKind.Hello when _isEngine: _host.OnHello(e); return;
                case EnvelopeKind.Ready when !_isEngine: _host.OnReady(e); return;
                case EnvelopeKind.Send when e.Channel != null:
                    if (e.To >= 0)
                    {
                        if (_isEngine) _host.Relay(e);
                        else RefuseEnvelope(e, IpcException.Protocol("Member 'to' is only valid from a view"));
                        return;
                    }
                    SetEvent(e);
                    _host.Emit(_event);
                    return;
                case EnvelopeKind.Invoke when e.Channel != null && e.Id > 0: HandleInvoke(e); return;
                case EnvelopeKind.Sync when _isEngine && e.Channel != null && e.Id > 0: HandleSync(e); return;
                case EnvelopeKind.Result when e.Id > 0: CompletePending(e); return;
                case EnvelopeKind.Cancel when e.Id > 0: CancelIncoming(e.Id); return;
                case EnvelopeKind.Error when e.Error.IsPresent:
                    if (!TryReadError(e, out var name, out var message, out var code, out _)) return;
                    Report(IpcDiagnosticKind.PeerError, null, $"the peer reported {name}{(code != null ? " (" + code + ")" : "")}: {message}", null);
                    return;
                default:
                    RefuseEnvelope(e, IpcException.Protocol(DescribeInvalid(e)));
                    return;
            }
        }

        private string DescribeInvalid(Envelope e)
        {
            var kind = EnvelopeKinds.Name(e.Kind);
            switch (e.Kind)
            {
                case EnvelopeKind.Send:
                case EnvelopeKind.Invoke:
                case EnvelopeKind.Sync:
                    if (e.Channel == null) return $"A '{kind}' envelope needs a string member 'ch'";
                    if (e.Kind == EnvelopeKind.Sync && !_isEngine) return "Only a view may send 'sync'";
                    return $"A '{kind}' envelope needs a positive integer member 'id'";
                case EnvelopeKind.Result:
                case EnvelopeKind.Cancel: return $"A '{kind}' envelope needs a positive integer member 'id'";
                case EnvelopeKind.Error: return "An 'error' envelope needs an object member 'e'";
                default: return $"'{kind}' is not valid in this direction";
            }
        }

        private void SetEvent(Envelope e)
        {
            int senderId = _isEngine ? _host.ViewId : (e.From >= 0 ? e.From : 0);
            _event.Set(e.Channel!, _host.SenderFacade, senderId, _host.ReplyTarget, e.Buffer!, e.Args, _options.MaxDepth);
        }

        private void HandleInvoke(Envelope e)
        {
            var channel = e.Channel!;
            if (_incoming.ContainsKey(e.Id))
            {
                RefuseEnvelope(e, IpcException.Protocol($"Duplicate invoke id {e.Id}: an invoke with that id is still running"));
                return;
            }
            if (_incoming.Count >= _options.MaxRunningInvokes)
            {
                // Checked before the handler is looked up, so a refused invoke never uses up a HandleOnce.
                RefuseEnvelope(e, new IpcException(IpcErrorNames.Limit,
                    $"Invoke '{channel}' refused: {_options.MaxRunningInvokes} invokes from {(_isEngine ? "view " + _host.ViewId : "the engine")} are already running (IpcOptions.MaxRunningInvokes)",
                    IpcErrorCodes.Limit));
                return;
            }
            var handler = _host.TakeHandler(channel);
            if (handler == null)
            {
                WriteErrorResult(e.Id, IpcErrorNames.Error, $"No handler registered for '{channel}'", null, null);
                return;
            }
            SetEvent(e);
            if (handler.IsSynchronous)
            {
                try
                {
                    handler.RunSync(_event, this, e.Id);
                }
                catch (Exception ex)
                {
                    Report(IpcDiagnosticKind.HandlerError, channel, $"the handler of '{channel}' threw: {ex.Message}", ex);
                    WriteErrorResult(e.Id, ex);
                }
                return;
            }
            // No timer per call: the tick cancels the token when the deadline heap says it is due.
            var cts = new CancellationTokenSource();
            IncomingCall call;
            try
            {
                call = handler.RunAsync(_event.Detach(cts.Token), cts.Token);
            }
            catch (Exception ex)
            {
                cts.Dispose();
                Report(IpcDiagnosticKind.HandlerError, channel, $"the handler of '{channel}' threw: {ex.Message}", ex);
                WriteErrorResult(e.Id, ex);
                return;
            }
            call.Id = e.Id;
            call.Channel = channel;
            call.Cancellation = cts;
            call.Owner = this;
            // No t (or 0) gets this side's default: a caller that never gives up must not hold a handler here forever.
            call.TimeoutMs = e.TimeoutMs > 0 ? e.TimeoutMs : (long)_options.DefaultInvokeTimeout.TotalMilliseconds;
            if (call.Task.IsCompleted)
            {
                FinishIncoming(call);
                return;
            }
            call.DeadlineTimestamp = DeadlineAfter(Now(), Math.Min(call.TimeoutMs, MaxDeadlineMs));
            _incoming.Add(e.Id, call);
            _incomingDeadlines.Add(call);
            call.Task.ContinueWith(s_onHandlerDone, call, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        private void HandleSync(Envelope e)
        {
            var channel = e.Channel!;
            SetEvent(e);
            _event.IsSync = true;
            _host.Emit(_event);
            if (!_event.HasReturnValue)
            {
                var message = _host.HasListeners(channel)
                    ? $"No listener set a ReturnValue for '{channel}'"
                    : $"No listener registered for '{channel}'";
                WriteImmediateError(e.Id, IpcErrorNames.Error, message);
                return;
            }
            WriteImmediateResult(e.Id, channel, _event.ReturnValue);
        }

        /// <summary>Reads an envelope's error object; a malformed one is refused (and false returned).</summary>
        private bool TryReadError(Envelope e, out string name, out string message, out string? code, out string? data)
        {
            try
            {
                EnvelopeReader.ReadError(e.Buffer!, e.Error, _options.MaxDepth, out name, out message, out code, out data);
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
        private void Refuse(IpcDiagnosticKind kind, IpcException ex)
        {
            Report(kind, null, ex.Message, ex);
            SendErrorNotice(ex.Name, ex.Message, ex.Code);
        }

        /// <summary>One envelope that could not be used: an error result when its sender waits on an id, else an error notice.</summary>
        private void RefuseEnvelope(Envelope e, IpcException ex, bool reported = false)
        {
            var kind = ex.Name == IpcErrorNames.Limit ? IpcDiagnosticKind.LimitExceeded : IpcDiagnosticKind.ProtocolError;
            if (!reported) Report(kind, e.Channel, ex.Message, ex);
            bool waiting = (e.Kind == EnvelopeKind.Invoke || e.Kind == EnvelopeKind.Sync) && e.Id > 0;
            if (!waiting) SendErrorNotice(ex.Name, ex.Message, ex.Code);
            else if (e.Kind == EnvelopeKind.Sync) WriteImmediateError(e.Id, ex.Name, ex.Message, ex.Code);
            else WriteErrorResult(e.Id, ex.Name, ex.Message, ex.Code, null);
        }
    }
}
