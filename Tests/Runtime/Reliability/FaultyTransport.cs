using System;
using System.Threading;

namespace FrameIpc.Tests.Reliability
{
    /// <summary>
    /// Wraps one transport end and injects the faults a real link has: a write that throws (a socket that broke
    /// mid-batch), a connection lost under both sides at once, a start or close that throws. Thread-safe enough for
    /// tests: faults are armed from the test's thread, writes come from the ticking thread.
    /// </summary>
    internal sealed class FaultyTransport : IFrameTransport
    {
        private readonly IFrameTransport _inner;
        private IFrameReceiver _receiver;
        private int _writes;
        private volatile bool _dropped;

        public FaultyTransport(IFrameTransport inner) { _inner = inner; }

        /// <summary>Writes that reached the inner transport.</summary>
        public int Writes => Volatile.Read(ref _writes);

        /// <summary>When set, every write from now on throws it (the way a broken socket's writes do).</summary>
        public Exception FailSends { get; set; }

        public Exception FailStart { get; set; }
        public Exception FailDispose { get; set; }

        public bool CanBlockCurrentThread => _inner.CanBlockCurrentThread;

        public void Start(IFrameReceiver receiver)
        {
            if (FailStart != null) throw FailStart;
            _receiver = receiver;
            _inner.Start(receiver);
        }

        public void Send(ReadOnlySpan<char> frame)
        {
            if (_dropped) throw new IpcException(IpcErrorNames.ViewGone, "connection lost", IpcErrorCodes.ViewGone);
            var failure = FailSends;
            if (failure != null) throw failure;
            _inner.Send(frame);
            Interlocked.Increment(ref _writes);
        }

        /// <summary>A frame written by hand, bypassing the endpoint (what a buggy or hostile peer would send).</summary>
        public void SendRaw(string frame) => _inner.Send(frame.AsSpan());

        /// <summary>The link is gone under both sides at once: this end's receiver and the peer both hear of it.</summary>
        public void Drop(string reason = "connection lost")
        {
            _dropped = true;
            _inner.Dispose();
            _receiver?.OnClosed(reason);
        }

        public void Dispose()
        {
            _inner.Dispose();
            if (FailDispose != null) throw FailDispose;
        }
    }
}
