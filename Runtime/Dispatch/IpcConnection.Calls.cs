using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc
{
    internal sealed partial class IpcConnection
    {
        private static readonly Action<object?> s_onCancel = state => ((PendingInvoke)state!).RequestCancel();
        private static readonly Action<Task, object?> s_onHandlerDone = (task, state) => { var call = (IncomingCall)state!; call.Owner!.OnHandlerDone(call); };

        /// <summary>Queues an invoke and returns the pooled task that the tick completes, fails, times out or cancels.</summary>
        public ValueTask<TResult> Invoke<TArgs, TResult>(string channel, in TArgs args, IpcInvokeOptions options) where TArgs : struct, IIpcArgs
        {
            CheckChannel(channel);
            var token = options.CancellationToken;
            if (token.IsCancellationRequested) return new ValueTask<TResult>(Task.FromCanceled<TResult>(token));
            var timeout = options.Timeout ?? _options.DefaultInvokeTimeout;
            var pending = PendingInvoke<TResult>.Rent();
            lock (_gate)
            {
                long id = _nextId + 1;
                try
                {
                    EnsureCanSend(channel);
                    _out.Begin(EnvelopeKind.Invoke);
                    _out.Int("id", id);
                    _out.String("ch", channel);
                    WriteArgs(channel, args);
                    _out.Int("t", (long)timeout.TotalMilliseconds);
                    _out.End(channel);
                    EnsureHeldFits(channel);
                    TraceOut(_out, EnvelopeKind.Invoke, channel, id);
                }
                catch (IpcException)
                {
                    pending.Release();
                    throw;
                }
                _nextId = id;
                pending.Id = id;
                pending.Channel = channel;
                pending.TimeoutMs = (long)timeout.TotalMilliseconds;
                pending.DeadlineTimestamp = Now() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
                pending.Owner = this;
                if (token.CanBeCanceled)
                {
                    pending.CancellationToken = token;
                    pending.Registration = token.Register(s_onCancel, pending);
                }
                _pending.Add(id, pending);
                _pendingDeadlines.Add(pending);
                return pending.Task;
            }
        }

        private void CompletePending(Envelope e)
        {
            PendingInvoke? pending;
            lock (_gate)
            {
                if (_pending.TryGetValue(e.Id, out pending))
                {
                    _pending.Remove(e.Id);
                    _pendingDeadlines.Remove(pending);
                }
            }
            if (pending == null)
            {
                Report(IpcDiagnosticKind.UnknownInvokeId, null, $"a result for invoke id {e.Id}, which is not pending (late, duplicate or unknown)", null);
                return;
            }
            try
            {
                if (!e.Error.IsPresent) pending.Complete(e.Buffer!, e.Result, _options.MaxDepth);
                else if (TryReadError(e, out var name, out var message, out var code, out var data))
                    pending.Fail(IpcException.ForInvoke(pending.Channel, name, message, code, data));
                else pending.Fail(IpcException.ForInvoke(pending.Channel, IpcErrorNames.Protocol, "the peer's error could not be read", IpcErrorCodes.Protocol, null));
            }
            catch (Exception ex)
            {
                // The caller's continuation runs inline here; whatever it throws is its own, not the tick's.
                Report(IpcDiagnosticKind.ListenerError, pending.Channel, "an invoke continuation threw: " + ex.Message, ex);
            }
        }

        private void CancelIncoming(long id)
        {
            if (!_incoming.TryGetValue(id, out var call) || call.Abandoned)
            {
                Report(IpcDiagnosticKind.UnknownInvokeId, null, $"a cancel for invoke id {id}, which is not running", null);
                return;
            }
            _incoming.Remove(id);
            _incomingDeadlines.Remove(call);
            Abandon(call);
        }

        /// <summary>
        /// Stops tracking a call whose caller gave up: its token fires, and its result is never sent. A handler that ignores
        /// the token may run on; only its failure is still observed (so it is not an unobserved task exception).
        /// </summary>
        private void Abandon(IncomingCall call)
        {
            call.Abandoned = true;
            try { call.Cancellation?.Cancel(); }
            catch (AggregateException ex) { Report(IpcDiagnosticKind.HandlerError, call.Channel, "a cancellation callback threw", ex); }
            if (!call.Task.IsCompleted)
                call.Task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        /// <summary>
        /// Any thread (the handler task's continuation): queues a finished call for the tick, which writes its result. The
        /// tick then looks only at calls that finished, never at every running one.
        /// </summary>
        private void OnHandlerDone(IncomingCall call)
        {
            lock (_doneLock) _done.Add(call);
        }

        private void PollIncoming()
        {
            lock (_doneLock)
            {
                if (_done.Count == 0) return;
                var swap = _done;
                _done = _finished;
                _finished = swap;
            }
            for (int i = 0; i < _finished.Count; i++)
            {
                var call = _finished[i];
                RunningScanned++;
                // Abandoned (cancelled, expired, or its peer went away) calls already left _incoming: nothing to answer.
                if (call.Abandoned || !_incoming.TryGetValue(call.Id, out var running) || running != call) continue;
                _incoming.Remove(call.Id);
                _incomingDeadlines.Remove(call);
                FinishIncoming(call);
            }
            _finished.Clear();
        }

        private void FinishIncoming(IncomingCall call)
        {
            var task = call.Task;
            call.Cancellation?.Dispose();
            if (call.Abandoned)
            {
                _ = task.Exception; // observed: the caller stopped waiting, so nobody else will
                return;
            }
            if (task.Status == TaskStatus.RanToCompletion)
            {
                lock (_gate)
                {
                    if (_state == ConnectionState.Closed) return;
                    _out.Begin(EnvelopeKind.Result);
                    _out.Int("id", call.Id);
                    try
                    {
                        call.WriteResult(_out);
                        _out.End();
                        TraceOut(_out, EnvelopeKind.Result, null, call.Id);
                        return;
                    }
                    catch (Exception ex)
                    {
                        _out.Abort();
                        var error = Unsendable(call.Channel, ex);
                        WriteErrorResult(call.Id, error.Name, error.Message, null, null);
                        return;
                    }
                }
            }
            var failure = task.IsCanceled ? new OperationCanceledException($"The handler of '{call.Channel}' was cancelled") : task.Exception!.GetBaseException();
            if (!task.IsCanceled) Report(IpcDiagnosticKind.HandlerError, call.Channel, $"the handler of '{call.Channel}' failed: {failure.Message}", failure);
            WriteErrorResult(call.Id, failure);
        }

        /// <summary>Fails every invoke this side is waiting on (reload, close): none is left hanging.</summary>
        private void RejectAllPending(string why)
        {
            lock (_gate)
            {
                foreach (var pair in _pending) _expired.Add(pair.Value);
                _pending.Clear();
                _pendingDeadlines.Clear();
                _cancelRequests.Clear();
            }
            for (int i = 0; i < _expired.Count; i++)
            {
                var p = _expired[i];
                FailPending(p, IpcException.ForInvoke(p.Channel, IpcErrorNames.ViewGone, why, IpcErrorCodes.ViewGone, null));
            }
            _expired.Clear();
        }

        /// <summary>Fails an invoke; its caller's continuation runs inline, and what that throws must not stop the tick.</summary>
        private void FailPending(PendingInvoke p, Exception error)
        {
            string channel = p.Channel;
            try
            {
                p.Fail(error);
            }
            catch (Exception ex)
            {
                Report(IpcDiagnosticKind.ListenerError, channel, "an invoke continuation threw: " + ex.Message, ex);
            }
        }

        /// <summary>The peer that invoked these is gone: cancel their handlers and drop their results.</summary>
        private void AbandonIncoming()
        {
            foreach (var pair in _incoming) Abandon(pair.Value);
            _incoming.Clear();
            _incomingDeadlines.Clear();
            lock (_doneLock) _done.Clear();
        }

        public void CopyPending(int viewId, long now, System.Collections.Generic.List<IpcPendingInvoke> into)
        {
            lock (_gate)
            {
                foreach (var pair in _pending)
                {
                    var p = pair.Value;
                    long sentAt = p.DeadlineTimestamp - (long)(p.TimeoutMs / 1000.0 * Stopwatch.Frequency);
                    into.Add(new IpcPendingInvoke(viewId, p.Channel, p.Id, (now - sentAt) * 1000.0 / Stopwatch.Frequency, p.TimeoutMs));
                }
            }
        }

        /// <summary>The engine saw a second hello: the page reloaded.</summary>
        public void OnReload()
        {
            RejectAllPending($"view {_host.ViewId} reloaded");
            AbandonIncoming();
        }
    }
}
