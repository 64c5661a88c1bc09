using System;
using System.Collections.Generic;

namespace FrameIpc.Tests
{
    /// <summary>
    /// A view that speaks raw frames: for feeding the engine malformed, hostile or hand-written input, and for seeing
    /// exactly what the engine put on the wire.
    /// </summary>
    internal sealed class RawView : IFrameReceiver
    {
        private readonly IFrameTransport _end;

        public RawView(IpcMain main, bool hello = true, IpcChannelFilter channels = null)
        {
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            _end = viewEnd;
            _end.Start(this);
            Contents = main.Attach(engineEnd, null, channels);
            if (hello) Send("{\"k\":\"hello\",\"v\":1}");
        }

        public WebContents Contents { get; }
        public List<string> Received { get; } = new List<string>();
        public string ClosedReason { get; private set; }

        public void Send(string frame) => _end.Send(frame.AsSpan());

        public void OnFrame(ReadOnlySpan<char> frame) => Received.Add(frame.ToString());

        public void OnClosed(string reason) => ClosedReason = reason;

        public string AllReceived => string.Join("\n", Received);

        /// <summary>How many times <paramref name="text"/> occurs in everything received (frames may be split or batched).</summary>
        public int Count(string text)
        {
            int n = 0;
            foreach (var frame in Received)
                for (int at = frame.IndexOf(text, StringComparison.Ordinal); at >= 0; at = frame.IndexOf(text, at + text.Length, StringComparison.Ordinal)) n++;
            return n;
        }

        public void Close() => _end.Dispose();
    }
}
