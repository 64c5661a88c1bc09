using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace FrameIpc
{
    internal sealed partial class IpcConnection
    {
        /// <summary>
        /// Expiries and cancels one connection handles per tick even when dispatch used the whole message budget, so
        /// deadlines still make progress under a flood (each one is O(log n) and writes one small envelope).
        /// </summary>
        internal const int MinExpiriesPerTick = 32;

        /// <summary>The longest deadline kept (about 24.8 days): a larger <c>t</c> is clamped, so the timestamp cannot overflow.</summary>
        private const long MaxDeadlineMs = int.MaxValue;

        // Invokes this side waits on, by deadline; guarded by _gate, like _pending.
        private readonly DeadlineHeap _pendingDeadlines = new DeadlineHeap();
        // The peer's invokes whose handlers run here, by deadline; the tick thread only, like _incoming.
        private readonly DeadlineHeap _incomingDeadlines = new DeadlineHeap();
        // Invokes whose caller's token fired (any thread), for the tick to cancel; guarded by _gate. The id is kept
        // beside the object because a pooled invoke may have completed and been reused by the time the tick looks.
        private readonly List<KeyValuePair<long, PendingInvoke>> _cancelRequests = new List<KeyValuePair<long, PendingInvoke>>();

        /// <summary>Finished handlers the tick has looked at so far: it never walks the ones still running.</summary>
        internal long RunningScanned { get; private set; }

        /// <summary>Entries both deadline heaps have looked at so far: a test's proof that a tick does not scan.</summary>
        internal long DeadlineVisits
        {
            get { lock (_gate) return _pendingDeadlines.Visits + _incomingDeadlines.Visits; }
        }

        /// <summary>Any thread: a caller's token fired. Queued; the tick rejects the caller and tells the peer.</summary>
        internal void OnCancelRequested(PendingInvoke pending, long id)
        {
            lock (_gate) _cancelRequests.Add(new KeyValuePair<long, PendingInvoke>(id, pending));
        }

        /// <summary>
        /// After dispatch: cancels what callers cancelled, then expires the earliest deadlines first, both within what is
        /// left of the tick's budget (<paramref name="budget"/> messages, <paramref name="deadline"/> in time) plus
        /// <see cref="MinExpiriesPerTick"/>; what does not fit waits for the next tick. Looks at nothing that is not due.
        /// </summary>
        private void Expire(long now, ref int budget, long deadline)
        {
            int done = 0;
            ExpireIncoming(now, ref budget, deadline, ref done);
            ExpirePending(now, ref budget, deadline, ref done);
        }

        private static bool MayExpireMore(int budget, long deadline, int done)
        {
            if (done < MinExpiriesPerTick) return true;
            if (budget <= 0) return false;
            // The clock is read every 32 expiries, as dispatch does: reading it costs about as much as one expiry.
            return (done & 31) != 0 || Stopwatch.GetTimestamp() < deadline;
        }

        /// <summary>Handlers whose caller's deadline passed: the caller is told it timed out, and the handler's token fires.</summary>
        private void ExpireIncoming(long now, ref int budget, long deadline, ref int done)
        {
            while (_state != ConnectionState.Closed && MayExpireMore(budget, deadline, done))
            {
                if (!(_incomingDeadlines.PeekDue(now) is IncomingCall call)) return;
                _incomingDeadlines.Remove(call);
                _incoming.Remove(call.Id);
                done++;
                if (budget > 0) budget--;
                if (call.Task.IsCompleted)
                {
                    FinishIncoming(call); // it finished as the deadline passed: its own outcome stands
                    continue;
                }
                WriteErrorResult(call.Id, IpcErrorNames.Timeout, $"no result within {call.TimeoutMs} ms", IpcErrorCodes.Timeout, null);
                Abandon(call);
            }
        }

        /// <summary>Invokes this side waits on that were cancelled or timed out: the caller is rejected, the peer gets a cancel.</summary>
        private void ExpirePending(long now, ref int budget, long deadline, ref int done)
        {
            lock (_gate)
            {
                int taken = 0;
                while (_state != ConnectionState.Closed && MayExpireMore(budget, deadline, done))
                {
                    PendingInvoke? p;
                    if (taken < _cancelRequests.Count)
                    {
                        var request = _cancelRequests[taken++];
                        // Answered (or rejected) before the tick got here: the result won, nothing to cancel.
                        if (!_pending.TryGetValue(request.Key, out p) || p != request.Value) continue;
                    }
                    else if ((p = _pendingDeadlines.PeekDue(now) as PendingInvoke) == null) break;
                    _pending.Remove(p.Id);
                    _pendingDeadlines.Remove(p);
                    done++;
                    if (budget > 0) budget--;
                    // Tell the other side, so the handler's token fires there too.
                    _out.Begin(EnvelopeKind.Cancel);
                    _out.Int("id", p.Id);
                    _out.End();
                    TraceOut(_out, EnvelopeKind.Cancel, null, p.Id);
                    _expired.Add(p);
                }
                if (taken > 0) _cancelRequests.RemoveRange(0, taken);
            }
            // Completing runs the caller's continuation inline, so it happens outside the lock.
            for (int i = 0; i < _expired.Count; i++)
            {
                var p = _expired[i];
                if (p.CancelRequested) FailPending(p, new OperationCanceledException($"Invoke '{p.Channel}' was cancelled", p.CancellationToken));
                else FailPending(p, IpcException.ForInvoke(p.Channel, IpcErrorNames.Timeout, $"no result within {p.TimeoutMs} ms", IpcErrorCodes.Timeout, null));
            }
            _expired.Clear();
        }

        /// <summary>Ticks (Stopwatch) from now until <paramref name="milliseconds"/> have passed.</summary>
        private static long DeadlineAfter(long now, long milliseconds) => now + (long)(milliseconds / 1000.0 * Stopwatch.Frequency);
    }
}
