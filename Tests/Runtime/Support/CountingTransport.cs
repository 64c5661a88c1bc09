using System;

namespace FrameIpc.Tests
{
    /// <summary>Wraps a transport end and counts the frames written through it, and the longest.</summary>
    internal sealed class CountingTransport : IFrameTransport
    {
        private readonly IFrameTransport _inner;
        public CountingTransport(IFrameTransport inner) { _inner = inner; }
        public int Writes { get; private set; }
        public int LongestFrame { get; private set; }
        public bool CanBlockCurrentThread => _inner.CanBlockCurrentThread;
        public void Start(IFrameReceiver receiver) => _inner.Start(receiver);
        public void Send(ReadOnlySpan<char> frame)
        {
            Writes++;
            if (frame.Length > LongestFrame) LongestFrame = frame.Length;
            _inner.Send(frame);
        }
        public void Dispose() => _inner.Dispose();
    }
}
