using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// The peer's invokes whose asynchronous handlers run on this side: admitted under the limit, started with a token and
    /// a deadline, cancelled by the peer, expired, abandoned when the peer goes away, and finished (their result written)
    /// on the ticking thread. The tick looks only at handlers that finished or are due, never at every running one.
    /// </summary>
    internal sealed class RunningHandlers
    {
        private static readonly Action<Task, object?> s_onDone = (task, state) => { var call = (IncomingCall)state!; call.Owner!.OnDone(call); };

        private readonly Outbox _outbox;
        private readonly IConnectionHost _host;
        private readonly ConnectionLimits _limits;
        // The tick thread only.
        private readonly Dictionary<InvokeKey, IncomingCall> _byId = new Dictionary<InvokeKey, IncomingCall>();
        private readonly DeadlineHeap _deadlines = new DeadlineHeap();
        // Handlers that finished (filled from any thread under _doneLock), swapped with _finished for the tick to drain.
        private readonly object _doneLock = new object();
        private List<IncomingCall> _done = new List<IncomingCall>();
        private List<IncomingCall> _finished = new List<IncomingCall>();
        private int _doneCount; // _done.Count, written under _doneLock, read without it by Poll

        public RunningHandlers(Outbox outbox, IConnectionHost host, ConnectionLimits limits)
        {
            _outbox = outbox;
            _host = host;
            _limits = limits;
        }

        public int Count => _byId.Count;

        /// <summary>Finished handlers the tick has looked at so far: it never walks the ones still running.</summary>
        public long Scanned { get; private set; }

        public long DeadlineVisits => _deadlines.Visits;

        /// <summary>Whether a running handler has a deadline for <see cref="Expire"/> to look at (tick thread).</summary>
        public bool HasDeadlines => _deadlines.Count > 0;

        /// <summary>
        /// Checked before the handler is looked up, so a refused invoke never uses up a HandleOnce: null when the invoke
        /// may run, else why not.
        /// </summary>
        public IpcException? Admit(Envelope e)
        {
            if (_byId.ContainsKey(new InvokeKey(e.Frame, e.Id)))
                return IpcException.Protocol($"Duplicate invoke id {e.Id}: an invoke with that id is still running");
            if (_byId.Count >= _limits.MaxRunningInvokes)
                return new IpcException(IpcErrorNames.Limit,
                    $"Invoke '{e.Channel}' refused: {_limits.MaxRunningInvokes} invokes from {_host.PeerName} are already running (IpcOptions.MaxRunningInvokes)",
                    IpcErrorCodes.Limit);
            return null;
        }

        /// <summary>
        /// Tracks a started handler until it finishes, its caller cancels, or its deadline (the caller's <c>t</c>, or this
        /// side's default: a caller that never gives up must not hold a handler here forever) passes.
        /// </summary>
        public void Start(IncomingCall call, Envelope e, CancellationTokenSource cancellation)
        {
            call.Id = e.Id;
            call.Frame = e.Frame;
            call.Channel = e.Channel!;
            call.Cancellation = cancellation;
            call.Owner = this;
            call.TimeoutMs = e.TimeoutMs > 0 ? e.TimeoutMs : (long)_limits.DefaultInvokeTimeout.TotalMilliseconds;
            if (call.Task.IsCompleted)
            {
                Finish(call);
                return;
            }
            call.DeadlineTimestamp = ExpiryBudget.DeadlineAfter(Stopwatch.GetTimestamp(), Math.Min(call.TimeoutMs, ExpiryBudget.MaxDeadlineMs));
            _byId.Add(new InvokeKey(e.Frame, e.Id), call);
            _deadlines.Add(call);
            call.Task.ContinueWith(s_onDone, call, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        /// <summary>The peer's <c>cancel</c>.</summary>
        public void Cancel(long id, int frame = 0)
        {
            var key = new InvokeKey(frame, id);
            if (!_byId.TryGetValue(key, out var call) || call.Abandoned)
            {
                _host.Report(IpcDiagnosticKind.UnknownInvokeId, null, $"a cancel for invoke id {id}{FrameText(frame)}, which is not running", null);
                return;
            }
            _byId.Remove(key);
            _deadlines.Remove(call);
            Abandon(call);
        }

        /// <summary>Writes the results of the handlers that finished since the last tick.</summary>
        public void Poll()
        {
            // Read without the lock: a handler finishing as it is read is answered by the next tick.
            if (Volatile.Read(ref _doneCount) == 0) return;
            lock (_doneLock)
            {
                if (_done.Count == 0) return;
                var swap = _done;
                _done = _finished;
                _doneCount = 0;
                _finished = swap;
            }
            for (int i = 0; i < _finished.Count; i++)
            {
                var call = _finished[i];
                Scanned++;
                // Abandoned (cancelled, expired, or its peer went away) calls already left _byId: nothing to answer.
                var key = new InvokeKey(call.Frame, call.Id);
                if (call.Abandoned || !_byId.TryGetValue(key, out var running) || running != call) continue;
                _byId.Remove(key);
                _deadlines.Remove(call);
                Finish(call);
            }
            _finished.Clear();
        }

        /// <summary>Handlers whose caller's deadline passed: the caller is told it timed out, and the handler's token fires.</summary>
        public void Expire(long now, ref int budget, long deadline, ref int done)
        {
            while (!_outbox.IsClosed && ExpiryBudget.MayExpireMore(budget, deadline, done))
            {
                if (!(_deadlines.PeekDue(now) is IncomingCall call)) return;
                _deadlines.Remove(call);
                _byId.Remove(new InvokeKey(call.Frame, call.Id));
                done++;
                if (budget > 0) budget--;
                if (call.Task.IsCompleted)
                {
                    Finish(call); // it finished as the deadline passed: its own outcome stands
                    continue;
                }
                _outbox.WriteError(call.Id, IpcErrorNames.Timeout, $"no result within {call.TimeoutMs} ms", IpcErrorCodes.Timeout, null, frame: call.Frame);
                Abandon(call);
            }
        }

        /// <summary>The peer that invoked these is gone: cancel their handlers and drop their results.</summary>
        public void AbandonAll()
        {
            foreach (var pair in _byId) Abandon(pair.Value);
            _byId.Clear();
            _deadlines.Clear();
            lock (_doneLock)
            {
                _done.Clear();
                _doneCount = 0;
            }
        }

        /// <summary>One frame of the peer navigated or went away: its calls are abandoned like a reloading view's.</summary>
        public void AbandonFrame(int frame)
        {
            if (_byId.Count == 0) return;
            var gone = new List<InvokeKey>();
            foreach (var pair in _byId)
                if (pair.Key.Frame == frame) gone.Add(pair.Key);
            foreach (var key in gone)
            {
                var call = _byId[key];
                _byId.Remove(key);
                _deadlines.Remove(call);
                Abandon(call);
            }
        }

        private static string FrameText(int frame) => frame > 0 ? " of frame " + frame : "";

        /// <summary>
        /// Any thread (the handler task's continuation): queues a finished call for the tick, which writes its result. The
        /// tick then looks only at calls that finished, never at every running one.
        /// </summary>
        private void OnDone(IncomingCall call)
        {
            lock (_doneLock)
            {
                _done.Add(call);
                Volatile.Write(ref _doneCount, _done.Count);
            }
        }

        private void Finish(IncomingCall call)
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
                call.WriteResult(_outbox);
                return;
            }
            var failure = task.IsCanceled ? new OperationCanceledException($"The handler of '{call.Channel}' was cancelled") : task.Exception!.GetBaseException();
            if (!task.IsCanceled) _host.Report(IpcDiagnosticKind.HandlerError, call.Channel, $"the handler of '{call.Channel}' failed: {failure.Message}", failure);
            _outbox.WriteError(call.Id, failure, call.Frame);
        }

        /// <summary>
        /// Stops tracking a call whose caller gave up: its token fires, and its result is never sent. A handler that ignores
        /// the token may run on; only its failure is still observed (so it is not an unobserved task exception).
        /// </summary>
        private void Abandon(IncomingCall call)
        {
            call.Abandoned = true;
            try { call.Cancellation?.Cancel(); }
            catch (AggregateException ex) { _host.Report(IpcDiagnosticKind.HandlerError, call.Channel, "a cancellation callback threw", ex); }
            if (!call.Task.IsCompleted)
                call.Task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
