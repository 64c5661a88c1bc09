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

        public RawView(IpcMain main, bool hello = true)
        {
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            _end = viewEnd;
            _end.Start(this);
            Contents = main.Attach(engineEnd);
            if (hello) Send("{\"k\":\"hello\",\"v\":1}");
        }

        public WebContents Contents { get; }
        public List<string> Received { get; } = new List<string>();
        public string ClosedReason { get; private set; }

        public void Send(string frame) => _end.Send(frame.AsSpan());

        public void OnFrame(ReadOnlySpan<char> frame) => Received.Add(frame.ToString());

        public void OnClosed(string reason) => ClosedReason = reason;

        public string AllReceived => string.Join("\n", Received);

        public void Close() => _end.Dispose();
    }
}
