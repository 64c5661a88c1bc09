using System;

namespace FrameIpc.Tests
{
    /// <summary>
    /// A view that speaks raw frames and keeps nothing of what it receives but counts and the last frame (in a reused
    /// buffer), so that receiving allocates nothing: for allocation tests and benchmarks of the engine's relays. No
    /// assertions, so the benchmarks compile it too.
    /// </summary>
    internal sealed class QuietRawView : IFrameReceiver
    {
        private readonly IFrameTransport _end;
        private char[] _last = new char[1 << 16];

        public QuietRawView(IpcMain main)
        {
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            _end = viewEnd;
            _end.Start(this);
            Contents = main.Attach(engineEnd);
            Send("{\"k\":\"hello\",\"v\":1}");
        }

        public WebContents Contents { get; }
        public int Frames { get; private set; }
        public long Chars { get; private set; }
        public int LastLength { get; private set; }

        /// <summary>The last frame received, as a string (allocates: for checks outside a measurement).</summary>
        public string Last => new string(_last, 0, LastLength);

        public void Send(string frame) => _end.Send(frame.AsSpan());

        public void OnFrame(ReadOnlySpan<char> frame)
        {
            Frames++;
            Chars += frame.Length;
            if (frame.Length > _last.Length) _last = new char[frame.Length * 2];
            frame.CopyTo(_last);
            LastLength = frame.Length;
        }

        public void OnClosed(string reason) { }

        public void Close() => _end.Dispose();

        /// <summary>
        /// Joins two views with an engine-made channel (its Port1 to <paramref name="a"/>, Port2 to <paramref name="b"/>) and
        /// ticks once: each then names its end -1, and what one posts on it reaches the other through the engine.
        /// </summary>
        public static void Join(IpcMain main, QuietRawView a, QuietRawView b)
        {
            var channel = new MessageChannelMain(main);
            a.Contents.PostMessage("join", 0, new[] { channel.Port1 });
            b.Contents.PostMessage("join", 0, new[] { channel.Port2 });
            main.Tick();
        }
    }
}
