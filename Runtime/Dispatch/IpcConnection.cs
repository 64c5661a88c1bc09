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
    internal sealed class IpcConnection : IFrameReceiver, IFrameLossSink, IDisposable
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
        private int _dropped;
        private long _droppedChars;
        private string? _lost;
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
        }

        public IConnectionHost Host { get; }
        public Outbox Outbox { get; }

        /// <summary>This side's invokes, waiting on the peer.</summary>
        public PendingInvokes Invokes { get; }

        /// <summary>The peer's invokes, running here.</summary>
        public RunningHandlers Handlers { get; }

        public ConnectionState State => _state;
        public string? CloseReason { get; private set; }
        public int QueuedFrames => _queue.Count;
        public long QueuedChars => _queue.Chars;
        public int PendingInvokes => Invokes.Count;
        public int RunningHandlers => Handlers.Count;
        internal long RunningScanned => Handlers.Scanned;
        internal long DeadlineVisits => Invokes.DeadlineVisits + Handlers.DeadlineVisits;
        internal int PeerFrameLimit => Outbox.PeerFrameLimit;
        internal ConnectionLimits Limits => _limits;

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
            var queued = frame.Length > _limits.MaxFrameChars ? InboundFrame.RentOversize(frame.Length) : InboundFrame.Rent(frame);
            if (!_queue.TryEnqueue(queued))
            {
                queued.Release();
                Interlocked.Increment(ref _dropped);
                Interlocked.Add(ref _droppedChars, frame.Length);
            }
        }

        /// <summary>Any thread: the transport dropped frames before they reached this side; the tick reports it.</summary>
        void IFrameLossSink.OnFramesLost(int frames, long chars, string why) =>
            Volatile.Write(ref _lost, $"{frames} frame(s) ({chars} characters) were dropped: {why}");

        /// <summary>Any thread: the transport is gone. The tick rejects what was pending.</summary>
        public void OnClosed(string reason)
        {
            Interlocked.CompareExchange(ref _peerClosedReason, reason ?? "closed", null);
            _syncWait?.Abort(reason ?? "closed");
        }

        /// <summary>Dispatches queued envelopes until the queue, the message budget or the time slice runs out.</summary>
        public void Process(ref int budget, long deadline)
        {
            int dropped = Interlocked.Exchange(ref _dropped, 0);
            // Frames that never reached the queue (this side does not tick fast enough): the peer is told they were refused.
            if (dropped > 0)
                Refuse(IpcDiagnosticKind.LimitExceeded, new IpcException(IpcErrorNames.Limit,
                    $"{dropped} frame(s) ({Interlocked.Exchange(ref _droppedChars, 0)} characters) refused: view {Host.ViewId}'s inbound queue holds at most " +
                    $"{_limits.MaxQueuedFrames} frames and {_limits.MaxQueuedChars} characters, and the receiver is not keeping up", IpcErrorCodes.Limit));
            var lost = Interlocked.Exchange(ref _lost, null);
            if (lost != null) Refuse(IpcDiagnosticKind.LimitExceeded, new IpcException(IpcErrorNames.Limit, lost, IpcErrorCodes.Limit));
            while (budget > 0 && _state != ConnectionState.Closed)
            {
                var frame = _queue.Peek();
                if (frame == null) break;
                bool finished;
                try
                {
                    finished = _batch.Dispatch(this, frame, ref budget, deadline);
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
                if (Stopwatch.GetTimestamp() >= deadline) break;
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
            RejectAllWork($"view {Host.ViewId} went away ({reason})");
            _queue.Clear();
            Outbox.Close(reason);
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
        internal bool IsTickThread() => Host.TickThreadId == Environment.CurrentManagedThreadId;

        /// <summary>Reads one envelope and hands it to the switch (recording it when tracing is on).</summary>
        internal void DispatchOne(char[] buffer, int start, int end)
        {
            var e = IpcPools.Rent(IpcPools.Envelopes);
            try
            {
                try
                {
                    EnvelopeReader.Read(buffer, start, end, _limits.MaxDepth, _limits.MaxChannelChars, Host.Names, e);
                }
                catch (Exception ex)
                {
                    EnvelopeReader.ReadKindAndId(buffer, start, end, _limits.MaxDepth, e);
                    RefuseEnvelope(e, ex as IpcException ?? IpcException.Protocol("Malformed envelope: " + ex.Message));
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
                IpcPools.Return(IpcPools.Envelopes, e);
            }
        }

        /// <summary>The inbound switch: each kind goes to the one job that owns it.</summary>
        private void Handle(Envelope e)
        {
            if (e.Channel != null && !Host.MayUse(e.Channel))
            {
                var ex = new IpcException(IpcErrorNames.Forbidden, $"View {Host.ViewId} may not use channel '{e.Channel}'", IpcErrorCodes.Forbidden);
                Host.Report(IpcDiagnosticKind.Forbidden, e.Channel, ex.Message, ex);
                RefuseEnvelope(e, ex, reported: true);
                return;
            }
            switch (e.Kind)
            {
                case EnvelopeKind.Hello:
                case EnvelopeKind.Ready:
                    if (!_handshake.Accept(this, e)) RefuseEnvelope(e, IpcException.Protocol(InboundRules.DescribeInvalid(e)));
                    return;
                case EnvelopeKind.Send when e.Channel != null: Host.OnSend(this, e); return;
                case EnvelopeKind.Sync when e.Channel != null && e.Id > 0: Host.OnSync(this, e); return;
                case EnvelopeKind.Invoke when e.Channel != null && e.Id > 0:
                    var refusal = Handlers.Admit(e);
                    if (refusal != null) RefuseEnvelope(e, refusal);
                    else Host.OnInvoke(this, e);
                    return;
                case EnvelopeKind.Result when e.Id > 0: Invokes.Complete(e, this); return;
                case EnvelopeKind.Cancel when e.Id > 0: Handlers.Cancel(e.Id); return;
                case EnvelopeKind.Error when e.Error.IsPresent:
                    if (!TryReadError(e, out var name, out var message, out var code, out _)) return;
                    Host.Report(IpcDiagnosticKind.PeerError, null, $"the peer reported {name}{(code != null ? " (" + code + ")" : "")}: {message}", null);
                    return;
                default:
                    RefuseEnvelope(e, IpcException.Protocol(InboundRules.DescribeInvalid(e)));
                    return;
            }
        }

        /// <summary>Reads an envelope's error object; a malformed one is refused (and false returned).</summary>
        internal bool TryReadError(Envelope e, out string name, out string message, out string? code, out string? data)
        {
            try
            {
                EnvelopeReader.ReadError(e.Buffer!, e.Error, _limits.MaxDepth, out name, out message, out code, out data);
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
        internal void Refuse(IpcDiagnosticKind kind, IpcException ex)
        {
            Host.Report(kind, null, ex.Message, ex);
            Outbox.WriteNotice(ex.Name, ex.Message, ex.Code);
        }

        /// <summary>One envelope that could not be used: an error result when its sender waits on an id, else an error notice.</summary>
        internal void RefuseEnvelope(Envelope e, IpcException ex, bool reported = false)
        {
            var kind = ex.Name == IpcErrorNames.Limit ? IpcDiagnosticKind.LimitExceeded : IpcDiagnosticKind.ProtocolError;
            if (!reported) Host.Report(kind, e.Channel, ex.Message, ex);
            bool waiting = (e.Kind == EnvelopeKind.Invoke || e.Kind == EnvelopeKind.Sync) && e.Id > 0;
            if (!waiting) Outbox.WriteNotice(ex.Name, ex.Message, ex.Code);
            else Outbox.WriteError(e.Id, ex.Name, ex.Message, ex.Code, null, immediate: e.Kind == EnvelopeKind.Sync);
        }
    }
}
