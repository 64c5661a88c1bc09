using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// The invokes this side sent and still waits on: each is completed by the peer's result, failed by its error, by its
    /// deadline or by its caller's token, or rejected with the rest when the peer goes away. Shares the outbox's gate,
    /// so an invoke is written and registered in one step.
    /// </summary>
    internal sealed class PendingInvokes
    {
        private static readonly Action<object?> s_onCancel = state => ((PendingInvoke)state!).RequestCancel();

        private readonly Outbox _outbox;
        private readonly IConnectionHost _host;
        private readonly ConnectionLimits _limits;
        private readonly Dictionary<long, PendingInvoke> _byId = new Dictionary<long, PendingInvoke>();
        // By deadline; guarded by the gate, like _byId.
        private readonly DeadlineHeap _deadlines = new DeadlineHeap();
        // Invokes whose caller's token fired (any thread), for the tick to cancel; guarded by the gate. The id is kept
        // beside the object because a pooled invoke may have completed and been reused by the time the tick looks.
        private readonly List<KeyValuePair<long, PendingInvoke>> _cancelRequests = new List<KeyValuePair<long, PendingInvoke>>();
        private readonly List<PendingInvoke> _failing = new List<PendingInvoke>();

        public PendingInvokes(Outbox outbox, IConnectionHost host, ConnectionLimits limits)
        {
            _outbox = outbox;
            _host = host;
            _limits = limits;
        }

        public int Count { get { lock (_outbox.Gate) return _byId.Count; } }

        public long DeadlineVisits { get { lock (_outbox.Gate) return _deadlines.Visits; } }

        /// <summary>
        /// Whether <see cref="Expire"/> has anything to look at: an invoke waiting on a deadline, or a cancel request. Read
        /// without the gate (both are counts, read whole); one added as it is read is looked at by the next tick.
        /// </summary>
        public bool MayExpire => _deadlines.Count > 0 || _cancelRequests.Count > 0;

        /// <summary>Queues an invoke and returns the pooled task that the tick completes, fails, times out or cancels.</summary>
        public ValueTask<TResult> Invoke<TArgs, TResult>(string channel, in TArgs args, TimeSpan? timeout, CancellationToken token, int frame = 0)
            where TArgs : struct, IIpcArgs
        {
            ChannelArgument.Check(channel, _limits.MaxChannelChars);
            if (token.IsCancellationRequested) return new ValueTask<TResult>(Task.FromCanceled<TResult>(token));
            var wait = timeout ?? _limits.DefaultInvokeTimeout;
            var pending = PendingInvoke<TResult>.Rent();
            lock (_outbox.Gate)
            {
                long id;
                try
                {
                    id = _outbox.WriteRequest(EnvelopeKind.Invoke, channel, args, (long)wait.TotalMilliseconds, frame);
                }
                catch (IpcException)
                {
                    pending.Release();
                    throw;
                }
                pending.Id = id;
                pending.Frame = frame;
                pending.Channel = channel;
                pending.TimeoutMs = (long)wait.TotalMilliseconds;
                pending.DeadlineTimestamp = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
                pending.Owner = this;
                if (token.CanBeCanceled)
                {
                    pending.CancellationToken = token;
                    pending.Registration = token.Register(s_onCancel, pending);
                }
                _byId.Add(id, pending);
                _deadlines.Add(pending);
                return pending.Task;
            }
        }

        /// <summary>The peer's <c>result</c>: completes (or fails) the invoke it answers; its caller's continuation runs inline.</summary>
        public void Complete(Envelope e, Refusals refusals)
        {
            PendingInvoke? pending;
            lock (_outbox.Gate)
            {
                // Ids are this side's own; the frame must be the one it was sent to, or one frame could answer another's.
                if (_byId.TryGetValue(e.Id, out pending) && pending.Frame != e.Frame) pending = null;
                if (pending != null)
                {
                    _byId.Remove(e.Id);
                    _deadlines.Remove(pending);
                }
            }
            if (pending == null)
            {
                _host.Report(IpcDiagnosticKind.UnknownInvokeId, null, $"a result for invoke id {e.Id}, which is not pending (late, duplicate or unknown)", null);
                return;
            }
            try
            {
                if (!e.Error.IsPresent) pending.Complete(e.Buffer!, e.Result, _limits.MaxDepth, _limits.Json);
                else if (refusals.TryReadError(e, out var name, out var message, out var code, out var data))
                    pending.Fail(IpcException.ForInvoke(pending.Channel, name, message, code, data));
                else pending.Fail(IpcException.ForInvoke(pending.Channel, IpcErrorNames.Protocol, "the peer's error could not be read", IpcErrorCodes.Protocol, null));
            }
            catch (Exception ex)
            {
                // The caller's continuation runs inline here; whatever it throws is its own, not the tick's.
                _host.Report(IpcDiagnosticKind.ListenerError, pending.Channel, "an invoke continuation threw: " + ex.Message, ex);
            }
        }

        /// <summary>Any thread: a caller's token fired. Queued; the tick rejects the caller and tells the peer.</summary>
        public void OnCancelRequested(PendingInvoke pending, long id)
        {
            lock (_outbox.Gate) _cancelRequests.Add(new KeyValuePair<long, PendingInvoke>(id, pending));
        }

        /// <summary>Cancelled or timed-out invokes, within the tick's budget: the caller is rejected, the peer gets a cancel.</summary>
        public void Expire(long now, ref int budget, long deadline, ref int done)
        {
            if (!MayExpire) return;
            lock (_outbox.Gate)
            {
                int taken = 0;
                while (!_outbox.IsClosed && ExpiryBudget.MayExpireMore(budget, deadline, done))
                {
                    PendingInvoke? p;
                    if (taken < _cancelRequests.Count)
                    {
                        var request = _cancelRequests[taken++];
                        // Answered (or rejected) before the tick got here: the result won, nothing to cancel.
                        if (!_byId.TryGetValue(request.Key, out p) || p != request.Value) continue;
                    }
                    else if ((p = _deadlines.PeekDue(now) as PendingInvoke) == null) break;
                    _byId.Remove(p.Id);
                    _deadlines.Remove(p);
                    done++;
                    if (budget > 0) budget--;
                    _outbox.WriteCancel(p.Id, p.Frame);
                    _failing.Add(p);
                }
                if (taken > 0) _cancelRequests.RemoveRange(0, taken);
            }
            // Failing runs the caller's continuation inline, so it happens outside the lock.
            for (int i = 0; i < _failing.Count; i++)
            {
                var p = _failing[i];
                if (p.CancelRequested) Fail(p, new OperationCanceledException($"Invoke '{p.Channel}' was cancelled", p.CancellationToken));
                else Fail(p, IpcException.ForInvoke(p.Channel, IpcErrorNames.Timeout, $"no result within {p.TimeoutMs} ms", IpcErrorCodes.Timeout, null));
            }
            _failing.Clear();
        }

        /// <summary>Fails every invoke this side is waiting on (reload, close): none is left hanging.</summary>
        public void RejectAll(string why)
        {
            lock (_outbox.Gate)
            {
                foreach (var pair in _byId) _failing.Add(pair.Value);
                _byId.Clear();
                _deadlines.Clear();
                _cancelRequests.Clear();
            }
            for (int i = 0; i < _failing.Count; i++)
            {
                var p = _failing[i];
                Fail(p, IpcException.ForInvoke(p.Channel, IpcErrorNames.ViewGone, why, IpcErrorCodes.ViewGone, null));
            }
            _failing.Clear();
        }

        /// <summary>Fails the invokes sent to one frame of the peer (it navigated or went away); the rest wait on.</summary>
        public void RejectFrame(int frame, string why)
        {
            lock (_outbox.Gate)
            {
                foreach (var pair in _byId)
                    if (pair.Value.Frame == frame) _failing.Add(pair.Value);
                for (int i = 0; i < _failing.Count; i++)
                {
                    _byId.Remove(_failing[i].Id);
                    _deadlines.Remove(_failing[i]);
                }
            }
            for (int i = 0; i < _failing.Count; i++)
            {
                var p = _failing[i];
                Fail(p, IpcException.ForInvoke(p.Channel, IpcErrorNames.ViewGone, why, IpcErrorCodes.ViewGone, null));
            }
            _failing.Clear();
        }

        public void CopyTo(int viewId, long now, List<IpcPendingInvoke> into)
        {
            lock (_outbox.Gate)
            {
                foreach (var pair in _byId)
                {
                    var p = pair.Value;
                    long sentAt = p.DeadlineTimestamp - (long)(p.TimeoutMs / 1000.0 * Stopwatch.Frequency);
                    into.Add(new IpcPendingInvoke(viewId, p.Channel, p.Id, (now - sentAt) * 1000.0 / Stopwatch.Frequency, p.TimeoutMs));
                }
            }
        }

        /// <summary>Fails an invoke; its caller's continuation runs inline, and what that throws must not stop the tick.</summary>
        private void Fail(PendingInvoke p, Exception error)
        {
            string channel = p.Channel;
            try
            {
                p.Fail(error);
            }
            catch (Exception ex)
            {
                _host.Report(IpcDiagnosticKind.ListenerError, channel, "an invoke continuation threw: " + ex.Message, ex);
            }
        }
    }
}
