using System;
using System.Diagnostics;
using System.Threading;

namespace FrameIpc
{
    /// <summary>
    /// One end of one engine↔view link: its state, its handshake, and the switch that hands each inbound envelope to
    /// the job that owns it (<see cref="Outbox"/>, <see cref="PendingInvokes"/>, <see cref="RunningHandlers"/>, or the
    /// host's routing). The engine holds one per view (behind <see cref="IConnectionHost"/>); a C# renderer holds one.
    /// The two ends differ only by what they are given: a handshake, limits (which say whether the batch is held), a
    /// host, and for the renderer a <see cref="SyncWait"/>.
    /// </summary>
    internal sealed class IpcConnection : IFrameReceiver, IFrameLossSink, ITickThreadAware, IDisposable
    {
        /// <summary>See <see cref="ExpiryBudget.MinPerTick"/>.</summary>
        internal const int MinExpiriesPerTick = ExpiryBudget.MinPerTick;

        /// <summary>See <see cref="ErrorNotices.MaxPerFlush"/>.</summary>
        internal const int MaxNoticesPerFlush = ErrorNotices.MaxPerFlush;

        private readonly IFrameTransport _transport;
        private readonly ConnectionLimits _limits;
        private readonly Handshake _handshake;
        private readonly SyncWait? _syncWait;
        private readonly InboundQueue _queue;
        private readonly InboundBatch _batch = new InboundBatch();
        private string? _peerClosedReason;
        private ConnectionState _state = ConnectionState.Connecting;

        public IpcConnection(IFrameTransport transport, IConnectionHost host, ConnectionLimits limits, Handshake handshake, SyncWait? syncWait = null)
        {
            _transport = transport ?? throw new ArgumentNullException(nameof(transport));
            Host = host;
            _limits = limits;
            _handshake = handshake;
            _syncWait = syncWait;
            _queue = new InboundQueue(limits.MaxQueuedFrames, limits.MaxQueuedChars);
            Outbox = new Outbox(transport, host, limits, OnClosed);
            Invokes = new PendingInvokes(Outbox, host, limits);
            Handlers = new RunningHandlers(Outbox, host, limits);
            Refusals = new Refusals(Outbox, host, limits.MaxDepth);
        }

        public IConnectionHost Host { get; }
        public Outbox Outbox { get; }

        /// <summary>This side's invokes, waiting on the peer.</summary>
        public PendingInvokes Invokes { get; }

        /// <summary>The peer's invokes, running here.</summary>
        public RunningHandlers Handlers { get; }

        /// <summary>How input that cannot be used is refused (a diagnostic here, an error to the peer).</summary>
        public Refusals Refusals { get; }

        public ConnectionState State => _state;
        public string? CloseReason { get; private set; }
        public int QueuedFrames => _queue.Count;
        public long QueuedChars => _queue.Chars;
        public int PendingInvokes => Invokes.Count;
        public int RunningHandlers => Handlers.Count;
        internal long RunningScanned => Handlers.Scanned;
        internal long DeadlineVisits => Invokes.DeadlineVisits + Handlers.DeadlineVisits;
        internal int PeerFrameLimit => Outbox.PeerFrameLimit;

        /// <summary>Starts the transport, then the handshake (the renderer says hello; the engine waits for one).</summary>
        public void Start()
        {
            _transport.Start(this);
            _handshake.Begin(this);
        }

        /// <summary>Acts as a page reload on the renderer side: this side's work is rejected and the handshake runs again.</summary>
        public void Restart()
        {
            RejectAllWork($"view {Host.ViewId} reloaded");
            _handshake.Begin(this);
        }

        /// <summary>Renderer side: a blocking call, answered on the transport's thread (see <see cref="SyncWait"/>).</summary>
        public TResult SendSync<TArgs, TResult>(string channel, in TArgs args, TimeSpan? timeout) where TArgs : struct, IIpcArgs
        {
            ChannelArgument.Check(channel, _limits.MaxChannelChars);
            if (_syncWait == null) throw new InvalidOperationException("SendSync is a renderer-side call.");
            return _syncWait.Call<TArgs, TResult>(Outbox, _transport, channel, args, timeout ?? _limits.DefaultInvokeTimeout);
        }

        /// <summary>Any thread: copies the frame into a pooled buffer and queues it; the tick decodes it.</summary>
        public void OnFrame(ReadOnlySpan<char> frame)
        {
            if (_state == ConnectionState.Closed) return;
            if (_syncWait != null && _syncWait.TryAccept(frame)) return;
            _queue.Offer(frame, _limits.MaxFrameChars);
        }

        /// <summary>Any thread: the transport dropped frames before they reached this side; the tick reports it.</summary>
        void IFrameLossSink.OnFramesLost(int frames, long chars, string why) =>
            _queue.NoteLost($"{frames} frame(s) ({chars} characters) were dropped: {why}");

        /// <summary>Any thread: the transport is gone. The tick rejects what was pending.</summary>
        public void OnClosed(string reason)
        {
            Interlocked.CompareExchange(ref _peerClosedReason, reason ?? "closed", null);
            _syncWait?.Abort(reason ?? "closed");
        }

        /// <summary>
        /// Frames queued, or refused or lost since the last tick: whether <see cref="Process"/> has anything to do. Read
        /// without a lock; a frame arriving as it is read waits for the next tick.
        /// </summary>
        public bool HasInbound => _queue.HasWork;

        /// <summary>
        /// Whether <see cref="Complete"/> may expire or cancel anything (a deadline or a cancel is waiting either way), so
        /// needs the clock. Read without a lock; one added as it is read is looked at by the next tick.
        /// </summary>
        public bool MayExpire => Handlers.HasDeadlines || Invokes.MayExpire;

        /// <summary>Dispatches queued envelopes until the queue, the message budget or the time slice runs out.</summary>
        public void Process(ref int budget, long deadline)
        {
            int dropped = _queue.TakeDropped(out long droppedChars);
            // Frames that never reached the queue (this side does not tick fast enough): the peer is told they were refused.
            if (dropped > 0)
                Refusals.Refuse(IpcDiagnosticKind.LimitExceeded, new IpcException(IpcErrorNames.Limit,
                    $"{dropped} frame(s) ({droppedChars} characters) refused: view {Host.ViewId}'s inbound queue holds at most " +
                    $"{_limits.MaxQueuedFrames} frames and {_limits.MaxQueuedChars} characters, and the receiver is not keeping up", IpcErrorCodes.Limit));
            var lost = _queue.TakeLost();
            if (lost != null) Refusals.Refuse(IpcDiagnosticKind.LimitExceeded, new IpcException(IpcErrorNames.Limit, lost, IpcErrorCodes.Limit));
            bool first = true;
            while (budget > 0 && _state != ConnectionState.Closed)
            {
                var frame = _queue.Peek();
                if (frame == null) break;
                // The clock is read between frames, not after the last one: a tick of one frame reads it not at all here.
                if (!first && Stopwatch.GetTimestamp() >= deadline) break;
                first = false;
                bool finished;
                try
                {
                    finished = DispatchFrame(frame, ref budget, deadline);
                }
                catch (Exception ex)
                {
                    // Nothing may stop the tick: a frame that broke dispatch is reported and dropped, never retried.
                    Host.Report(IpcDiagnosticKind.ProtocolError, null, "a frame could not be dispatched: " + ex.Message, ex);
                    finished = true;
                }
                if (_state == ConnectionState.Closed) break; // Close() released the queue, this frame included
                if (!finished) break;
                _queue.DropHead();
                frame.Release();
            }
        }

        /// <summary>
        /// After dispatch: a closed transport, finished handlers, then cancelled or expired invokes both ways within what
        /// is left of the tick's budget (plus <see cref="ExpiryBudget.MinPerTick"/>), then the batch.
        /// </summary>
        public void Complete(long now, ref int budget, long deadline)
        {
            var reason = Volatile.Read(ref _peerClosedReason);
            if (reason != null && _state != ConnectionState.Closed) Close(reason);
            if (_state == ConnectionState.Closed) return;
            Handlers.Poll();
            int done = 0;
            Handlers.Expire(now, ref budget, deadline, ref done);
            Invokes.Expire(now, ref budget, deadline, ref done);
            Outbox.Flush();
        }

        public void Close(string reason)
        {
            if (_state == ConnectionState.Closed) return;
            _state = ConnectionState.Closed;
            CloseReason = reason;
            // First, so that a rejected caller's continuation that sends gets ViewGoneError rather than a lost message.
            Outbox.Close(reason);
            RejectAllWork($"view {Host.ViewId} went away ({reason})");
            _queue.Clear();
            _syncWait?.Abort(reason);
            try { _transport.Dispose(); }
            catch (Exception ex) { Host.Report(IpcDiagnosticKind.Lifecycle, null, "transport failed to close: " + ex.Message, ex); }
            Host.OnClosed(reason);
        }

        public void Dispose()
        {
            Close("disposed");
            _syncWait?.Dispose();
        }

        /// <summary>Sends what was written so far (tests and producers that flush between ticks).</summary>
        internal void Flush() => Outbox.Flush();

        internal void MarkReady()
        {
            _state = ConnectionState.Ready;
            Outbox.Open();
        }

        /// <summary>A reload or a close: every invoke either way is over, none is left hanging.</summary>
        internal void RejectAllWork(string why)
        {
            Invokes.RejectAll(why);
            Handlers.AbandonAll();
        }

        /// <summary>True on the thread that ticks this connection's owner: blocking there would deadlock.</summary>
        public bool IsTickThread() => Host.TickThreadId == Environment.CurrentManagedThreadId;

        /// <summary>Dispatches the head frame's envelopes; false when the budget ran out mid-batch (it resumes next tick).</summary>
        private bool DispatchFrame(InboundFrame f, ref int budget, long deadline)
        {
            var refusal = _batch.Open(f, _limits);
            if (refusal != null)
            {
                Refusals.Refuse(refusal.Name == IpcErrorNames.Limit ? IpcDiagnosticKind.LimitExceeded : IpcDiagnosticKind.ProtocolError, refusal);
                return true;
            }
            for (int n = 1; !_batch.IsDone(f); n++)
            {
                if (budget <= 0 || _state == ConnectionState.Closed) return _state == ConnectionState.Closed;
                // The clock is read every 32 envelopes: reading it costs about as much as dispatching one.
                if ((n & 31) == 0 && Stopwatch.GetTimestamp() >= deadline) return false;
                _batch.Next(f, out int start, out int end, out var args);
                budget--;
                DispatchOne(f.Buffer, start, end, args);
            }
            return true;
        }

        /// <summary>Reads one envelope and hands it to the switch (recording it when tracing is on).</summary>
        private void DispatchOne(char[] buffer, int start, int end, JsonRange args)
        {
            var e = IpcPools.Rent(Envelope.Pool);
            try
            {
                try
                {
                    EnvelopeReader.Read(buffer, start, end, _limits.MaxDepth, _limits.MaxChannelChars, Host.Names, e, args);
                }
                catch (Exception ex)
                {
                    EnvelopeReader.ReadKindAndId(buffer, start, end, _limits.MaxDepth, e);
                    Refusals.RefuseEnvelope(e, ex as IpcException ?? IpcException.Protocol("Malformed envelope: " + ex.Message));
                    return;
                }
                var tracer = Host.Tracer;
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
                tracer.Record(Host.ViewId, IpcTraceDirection.In, kind, channel, id, end - start, tracer.Now() - started, relayTo);
            }
            finally
            {
                IpcPools.Return(Envelope.Pool, e);
            }
        }

        /// <summary>The inbound switch: each kind goes to the one job that owns it.</summary>
        private void Handle(Envelope e)
        {
            if (e.Channel != null && !Host.MayUse(e.Channel))
            {
                var ex = new IpcException(IpcErrorNames.Forbidden, $"View {Host.ViewId} may not use channel '{e.Channel}'", IpcErrorCodes.Forbidden);
                Host.Report(IpcDiagnosticKind.Forbidden, e.Channel, ex.Message, ex);
                Refusals.RefuseEnvelope(e, ex, reported: true);
                return;
            }
            switch (e.Kind)
            {
                case EnvelopeKind.Hello:
                case EnvelopeKind.Ready:
                    if (!_handshake.Accept(this, e)) Refusals.RefuseEnvelope(e, IpcException.Protocol(InboundRules.DescribeInvalid(e)));
                    return;
                case EnvelopeKind.Send when e.Channel != null: Host.OnSend(this, e); return;
                case EnvelopeKind.Sync when e.Channel != null && e.Id > 0: Host.OnSync(this, e); return;
                case EnvelopeKind.Invoke when e.Channel != null && e.Id > 0:
                    var refusal = Handlers.Admit(e);
                    if (refusal != null) Refusals.RefuseEnvelope(e, refusal);
                    else Host.OnInvoke(this, e);
                    return;
                case EnvelopeKind.Result when e.Id > 0: Invokes.Complete(e, Refusals); return;
                case EnvelopeKind.Cancel when e.Id > 0: Handlers.Cancel(e.Id, e.Frame); return;
                case EnvelopeKind.Frame: Host.OnFrame(this, e); return;
                case EnvelopeKind.PortMessage when e.PortId != 0: Host.OnPortMessage(this, e); return;
                case EnvelopeKind.PortClose when e.PortId != 0: Host.OnPortClose(this, e); return;
                case EnvelopeKind.Error when e.Error.IsPresent:
                    if (!Refusals.TryReadError(e, out var name, out var message, out var code, out _)) return;
                    Host.Report(IpcDiagnosticKind.PeerError, null, $"the peer reported {name}{(code != null ? " (" + code + ")" : "")}: {message}", null);
                    return;
                default:
                    Refusals.RefuseEnvelope(e, IpcException.Protocol(InboundRules.DescribeInvalid(e)));
                    return;
            }
        }
    }
}
