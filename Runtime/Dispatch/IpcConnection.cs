using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace FrameIpc
{
    /// <summary>
    /// One end of one engine↔view link: the ordered inbound queue any thread fills, the outbound batch the tick
    /// flushes, the invokes this side is waiting on, and the peer's invokes still running here. The engine holds one
    /// per view (behind <see cref="WebContents"/>); an <see cref="IpcRenderer"/> holds one.
    /// </summary>
    internal sealed partial class IpcConnection : IFrameReceiver, IFrameLossSink, ITickThreadAware, IDisposable
    {
        private readonly IFrameTransport _transport;
        private readonly IConnectionHost _host;
        private readonly IpcOptions _options;
        private readonly bool _isEngine;
        private readonly InboundQueue _queue;
        private readonly FrameWriter _out = new FrameWriter();
        private readonly FrameWriter _immediate = new FrameWriter();
        private readonly FrameWriter _notices = new FrameWriter();
        private int _suppressedNotices;

        /// <summary>Error notices one flush sends at most; the rest are counted in one last notice.</summary>
        internal const int MaxNoticesPerFlush = 32;
        private readonly object _gate = new object();
        private readonly Dictionary<long, PendingInvoke> _pending = new Dictionary<long, PendingInvoke>();
        private readonly Dictionary<long, IncomingCall> _incoming = new Dictionary<long, IncomingCall>();
        private readonly List<PendingInvoke> _expired = new List<PendingInvoke>();
        // Handlers that finished (filled from any thread under _doneLock), swapped with _finished for the tick to drain.
        private readonly object _doneLock = new object();
        private List<IncomingCall> _done = new List<IncomingCall>();
        private List<IncomingCall> _finished = new List<IncomingCall>();
        private readonly IpcEvent _event = new IpcEvent();
        private readonly SyncWait? _syncWait;
        private long _nextId;
        private int _dropped;
        private long _droppedChars;
        private string? _lost;
        private string? _peerClosedReason;
        private ConnectionState _state = ConnectionState.Connecting;

        public IpcConnection(IFrameTransport transport, IConnectionHost host, IpcOptions options, bool isEngine)
        {
            _transport = transport ?? throw new ArgumentNullException(nameof(transport));
            _host = host;
            _options = options;
            _isEngine = isEngine;
            _queue = new InboundQueue(options.MaxQueuedFrames, options.MaxQueuedChars);
            // Until the peer's handshake says otherwise, it is assumed to take what this side takes.
            _out.MaxFrameChars = _immediate.MaxFrameChars = _notices.MaxFrameChars = options.MaxFrameChars;
            if (!isEngine) _syncWait = new SyncWait(options.MaxDepth);
        }

        public ConnectionState State => _state;
        public string? CloseReason { get; private set; }
        public int QueuedFrames => _queue.Count;
        public long QueuedChars => _queue.Chars;
        public int PendingInvokes { get { lock (_gate) return _pending.Count; } }
        public int RunningHandlers => _incoming.Count;
        public IFrameTransport Transport => _transport;

        public void Start() => _transport.Start(this);

        /// <summary>Any thread: copies the frame into a pooled buffer and queues it; the tick decodes it.</summary>
        public void OnFrame(ReadOnlySpan<char> frame)
        {
            if (_state == ConnectionState.Closed) return;
            if (_syncWait != null && _syncWait.TryAccept(frame)) return;
            var queued = frame.Length > _options.MaxFrameChars ? InboundFrame.RentOversize(frame.Length) : InboundFrame.Rent(frame);
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
            if (dropped > 0) ReportDropped(dropped, Interlocked.Exchange(ref _droppedChars, 0));
            var lost = Interlocked.Exchange(ref _lost, null);
            if (lost != null) Refuse(IpcDiagnosticKind.LimitExceeded, new IpcException(IpcErrorNames.Limit, lost, IpcErrorCodes.Limit));
            while (budget > 0 && _state != ConnectionState.Closed)
            {
                var frame = _queue.Peek();
                if (frame == null) break;
                bool finished;
                try
                {
                    finished = ProcessFrame(frame, ref budget, deadline);
                }
                catch (Exception ex)
                {
                    // Nothing may stop the tick: a frame that broke dispatch is reported and dropped, never retried.
                    Report(IpcDiagnosticKind.ProtocolError, null, "a frame could not be dispatched: " + ex.Message, ex);
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
        /// After dispatch: a closed transport, finished handlers, then expired or cancelled invokes within what is left of
        /// the tick's budget (see <see cref="Expire"/>), then the batch.
        /// </summary>
        public void Complete(long now, ref int budget, long deadline)
        {
            CheckPeerClosed();
            if (_state == ConnectionState.Closed) return;
            PollIncoming();
            Expire(now, ref budget, deadline);
            Flush();
        }

        public void Close(string reason)
        {
            if (_state == ConnectionState.Closed) return;
            _state = ConnectionState.Closed;
            CloseReason = reason;
            RejectAllPending($"view {_host.ViewId} went away ({reason})");
            AbandonIncoming();
            _queue.Clear();
            lock (_gate)
            {
                // Every writer path checks the state first, so the buffers can go back now.
                _out.Dispose();
                _immediate.Dispose();
                _notices.Dispose();
            }
            _syncWait?.Abort(reason);
            try { _transport.Dispose(); }
            catch (Exception ex) { Report(IpcDiagnosticKind.Lifecycle, null, "transport failed to close: " + ex.Message, ex); }
            _host.OnClosed(reason);
        }

        public void Dispose()
        {
            Close("disposed");
            _syncWait?.Dispose();
        }

        private void CheckPeerClosed()
        {
            var reason = Volatile.Read(ref _peerClosedReason);
            if (reason != null && _state != ConnectionState.Closed) Close(reason);
        }

        internal void MarkReady() => _state = ConnectionState.Ready;

        /// <summary>
        /// Frames that never reached the queue (it was full, in frames or in characters, because this side does not tick
        /// fast enough): a diagnostic here, and an error notice so the peer knows its messages were refused.
        /// </summary>
        private void ReportDropped(int frames, long chars)
        {
            var ex = new IpcException(IpcErrorNames.Limit,
                $"{frames} frame(s) ({chars} characters) refused: view {_host.ViewId}'s inbound queue holds at most {_options.MaxQueuedFrames} frames " +
                $"and {_options.MaxQueuedChars} characters, and the receiver is not keeping up", IpcErrorCodes.Limit);
            Refuse(IpcDiagnosticKind.LimitExceeded, ex);
        }

        /// <summary>True on the thread that ticks this connection's owner: blocking there would deadlock.</summary>
        public bool IsTickThread() => _host.TickThreadId == Environment.CurrentManagedThreadId;

        private void Report(IpcDiagnosticKind kind, string? channel, string message, Exception? ex) => _host.Report(kind, channel, message, ex);
    }
}
