using System;
using System.Collections.Generic;

namespace FrameIpc
{
    /// <summary>
    /// What the IPC Monitor window shows, computed without Unity: it polls an engine's <see cref="IpcMain.Tracer"/>
    /// (turning it on while the model lives) for a live log with a channel filter and a pause, per-channel counts, the
    /// invokes the engine waits on with their age, the attached views, tick and pool statistics; and it sends test
    /// messages to a view. Call <see cref="Poll"/> from the window's update, on the thread that ticks the engine.
    /// </summary>
    internal sealed partial class IpcMonitorModel : IDisposable
    {
        private readonly bool _tracerWasEnabled;
        private readonly IpcTraceEntry[] _snapshot;
        private int _snapshotCount;
        private readonly List<IpcChannelTraffic> _channels = new List<IpcChannelTraffic>();
        private readonly List<IpcPendingInvoke> _pending = new List<IpcPendingInvoke>();
        private readonly List<IpcMonitorView> _views = new List<IpcMonitorView>();
        private string _channelFilter = "";
        private int _maxLogLines = 200;
        private bool _disposed;

        /// <summary>Watches <paramref name="main"/>, turning its tracer on until <see cref="Dispose"/> (which restores it).</summary>
        public IpcMonitorModel(IpcMain main)
        {
            Main = main ?? throw new ArgumentNullException(nameof(main));
            _tracerWasEnabled = main.Tracer.Enabled;
            main.Tracer.Enabled = true;
            _snapshot = new IpcTraceEntry[main.Tracer.Capacity];
        }

        /// <summary>The engine watched.</summary>
        public IpcMain Main { get; }

        /// <summary>While true, <see cref="Poll"/> leaves the log as it is (counts and statistics still update). Default false.</summary>
        public bool Paused { get; set; }

        /// <summary>
        /// Shows only log entries whose channel contains this text (ordinal, ignoring case); results and cancels count as
        /// their invoke's channel. Default empty: every entry.
        /// </summary>
        public string ChannelFilter
        {
            get => _channelFilter;
            set
            {
                _channelFilter = value ?? "";
                RebuildLog();
            }
        }

        /// <summary>The most log entries kept in <see cref="Log"/> (the newest). Default 200.</summary>
        public int MaxLogLines
        {
            get => _maxLogLines;
            set
            {
                if (value < 1) throw new ArgumentOutOfRangeException(nameof(value), "must be at least 1");
                _maxLogLines = value;
                RebuildLog();
            }
        }

        /// <summary>Traffic per channel, sorted by channel name.</summary>
        public IReadOnlyList<IpcChannelTraffic> Channels => _channels;

        /// <summary>Invokes the engine is waiting on, oldest first.</summary>
        public IReadOnlyList<IpcPendingInvoke> PendingInvokes => _pending;

        /// <summary>The views attached to the engine, by id.</summary>
        public IReadOnlyList<IpcMonitorView> Views => _views;

        /// <summary>The last tick the tracer recorded.</summary>
        public IpcTickStats LastTick { get; private set; }

        /// <summary>The slowest tick the tracer recorded.</summary>
        public IpcTickStats LongestTick { get; private set; }

        /// <summary>View-to-view sends the engine delivered (<see cref="IpcMain.RelaysDelivered"/>).</summary>
        public long RelaysDelivered { get; private set; }

        /// <summary>View-to-view sends the engine refused (<see cref="IpcMain.RelaysRefused"/>).</summary>
        public long RelaysRefused { get; private set; }

        /// <summary>Envelopes the tracer recorded since it was cleared.</summary>
        public long TotalRecorded { get; private set; }

        /// <summary>Pooled objects in use right now (<see cref="IpcPools.Outstanding"/>).</summary>
        public long PoolOutstanding { get; private set; }

        /// <summary>Pooled objects rented so far (<see cref="IpcPools.Rented"/>).</summary>
        public long PoolRented { get; private set; }

        /// <summary>How many polls found something new: a window repaints when it changes.</summary>
        public int Version { get; private set; }

        /// <summary>Reads the tracer, the engine's pending invokes and views, and the pool counters.</summary>
        public void Poll()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(IpcMonitorModel));
            var tracer = Main.Tracer;
            long total = tracer.TotalRecorded;
            bool changed = total != TotalRecorded || tracer.LastTick.Tick != LastTick.Tick
                || Main.RelaysDelivered != RelaysDelivered || Main.RelaysRefused != RelaysRefused;
            RelaysDelivered = Main.RelaysDelivered;
            RelaysRefused = Main.RelaysRefused;
            TotalRecorded = total;
            LastTick = tracer.LastTick;
            LongestTick = tracer.LongestTick;
            PoolRented = IpcPools.Rented;
            PoolOutstanding = IpcPools.Outstanding;
            tracer.CopyChannels(_channels);
            _channels.Sort((a, b) => string.CompareOrdinal(a.Channel, b.Channel));
            Main.CopyPendingInvokes(_pending);
            _pending.Sort((a, b) => b.AgeMs.CompareTo(a.AgeMs));
            changed |= CopyViews();
            if (!Paused)
            {
                _snapshotCount = tracer.CopyRecent(_snapshot);
                RebuildLog();
            }
            if (changed || _pending.Count > 0) Version++;
        }

        /// <summary>Forgets the recorded traffic and statistics (the tracer's and this model's log).</summary>
        public void ClearTrace()
        {
            Main.Tracer.Clear();
            _snapshotCount = 0;
            RebuildLog();
            Version++;
        }

        /// <summary>
        /// Sends <paramref name="channel"/> with the arguments in <paramref name="argsJson"/> (a JSON array, e.g.
        /// <c>[87, "low"]</c>; empty means none) to view <paramref name="viewId"/>; it leaves with the next tick.
        /// Returns false, with the reason in <paramref name="status"/>, for a missing or not-ready view, an empty channel
        /// or arguments that are not one JSON array. Never throws for bad input.
        /// </summary>
        public bool TrySendTestMessage(int viewId, string channel, string argsJson, out string status)
        {
            if (string.IsNullOrWhiteSpace(channel))
            {
                status = "Enter a channel name";
                return false;
            }
            var view = Main.FromId(viewId);
            if (view == null || view.IsDestroyed)
            {
                status = $"There is no view {viewId}";
                return false;
            }
            if (!view.IsReady)
            {
                status = $"View {viewId} is not ready yet";
                return false;
            }
            var args = string.IsNullOrWhiteSpace(argsJson) ? "[]" : argsJson.Trim();
            try
            {
                view.SendJson(channel, args);
            }
            catch (IpcException ex)
            {
                status = ex.Message;
                return false;
            }
            status = $"Sent '{channel}' {args} to view {viewId}";
            return true;
        }

        /// <summary>Restores the tracer's <see cref="IpcTracer.Enabled"/> to what it was.</summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            Main.Tracer.Enabled = _tracerWasEnabled;
        }

        private bool CopyViews()
        {
            var views = Main.Views;
            bool changed = views.Count != _views.Count;
            for (int i = 0; i < views.Count; i++)
            {
                var v = new IpcMonitorView(views[i]);
                if (i < _views.Count)
                {
                    changed |= _views[i].Id != v.Id || _views[i].IsReady != v.IsReady || _views[i].LoadCount != v.LoadCount;
                    _views[i] = v;
                }
                else _views.Add(v);
            }
            if (_views.Count > views.Count) _views.RemoveRange(views.Count, _views.Count - views.Count);
            return changed;
        }
    }
}
