using System.Diagnostics;

namespace FrameIpc
{
    public sealed partial class IpcMain
    {
        /// <summary>Envelopes the last <see cref="Tick"/> dispatched.</summary>
        public int LastTickMessages { get; private set; }

        /// <summary>How long the last <see cref="Tick"/> took, in milliseconds.</summary>
        public double LastTickMilliseconds { get; private set; }

        /// <summary>Ticks run so far.</summary>
        public long TickCount { get; private set; }

        /// <summary>Frames waiting in every view's inbound queue right now (the backlog a tick budget left).</summary>
        public int QueuedFrames
        {
            get
            {
                int n = 0;
                var views = _views;
                for (int i = 0; i < views.Length; i++) n += views[i].Connection.QueuedFrames;
                return n;
            }
        }

        private void RecordTick(int messages, long elapsedTimestamp)
        {
            TickCount++;
            LastTickMessages = messages;
            LastTickMilliseconds = elapsedTimestamp * 1000.0 / Stopwatch.Frequency;
        }
    }
}
