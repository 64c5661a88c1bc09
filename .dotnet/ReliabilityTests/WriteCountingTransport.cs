using System;
using System.Threading;

namespace FrameIpc.ReliabilityTests
{
    /// <summary>Wraps a transport end and counts the frames and characters written through it.</summary>
    internal sealed class WriteCountingTransport : IFrameTransport
    {
        private readonly IFrameTransport _inner;
        private int _frames;
        private int _longest;

        public WriteCountingTransport(IFrameTransport inner) { _inner = inner; }

        public int Frames => Volatile.Read(ref _frames);
        public int LongestFrame => Volatile.Read(ref _longest);
        public bool CanBlockCurrentThread => _inner.CanBlockCurrentThread;
        public void Start(IFrameReceiver receiver) => _inner.Start(receiver);

        public void Send(ReadOnlySpan<char> frame)
        {
            Interlocked.Increment(ref _frames);
            if (frame.Length > _longest) Volatile.Write(ref _longest, frame.Length);
            _inner.Send(frame);
        }

        public void Dispose() => _inner.Dispose();
    }
}
