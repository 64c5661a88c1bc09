using System.Collections.Generic;
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
                var views = _views.Snapshot;
                for (int i = 0; i < views.Length; i++) n += views[i].Connection.QueuedFrames;
                return n;
            }
        }

        /// <summary>View-to-view sends (<c>sendTo</c>) delivered so far.</summary>
        public long RelaysDelivered { get; private set; }

        /// <summary>View-to-view sends refused so far (relay off, no such view, a channel filter, <see cref="RelayFilter"/>).</summary>
        public long RelaysRefused { get; private set; }

        /// <summary>Recent traffic and per-tick statistics; off until <see cref="IpcTracer.Enabled"/> is set.</summary>
        public IpcTracer Tracer { get; } = new IpcTracer();

        /// <summary>Invokes the engine is waiting on, across views.</summary>
        public int PendingInvokes
        {
            get
            {
                int n = 0;
                var views = _views.Snapshot;
                for (int i = 0; i < views.Length; i++) n += views[i].Connection.PendingInvokes;
                return n;
            }
        }

        /// <summary>Fills <paramref name="into"/> (cleared first) with every invoke the engine is waiting on, and its age.</summary>
        public void CopyPendingInvokes(List<IpcPendingInvoke> into)
        {
            into.Clear();
            var views = _views.Snapshot;
            long now = Stopwatch.GetTimestamp();
            for (int i = 0; i < views.Length; i++) views[i].Connection.Invokes.CopyTo(views[i].Id, now, into);
        }

        private void RecordTick(int messages, long elapsedTimestamp)
        {
            TickCount++;
            LastTickMessages = messages;
            LastTickMilliseconds = elapsedTimestamp * 1000.0 / Stopwatch.Frequency;
            if (Tracer.Enabled) Tracer.RecordTick(TickCount, messages, QueuedFrames, elapsedTimestamp, PendingInvokes);
        }
    }
}
