using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace FrameIpc
{
    /// <summary>
    /// Records recent traffic (a ring buffer of envelopes) and per-tick statistics, for the IPC Monitor and for tests.
    /// Off by default, and then it costs one boolean check per envelope. Readers copy out under a lock, so the
    /// Editor window may poll it from its own update while the game ticks.
    /// </summary>
    public sealed class IpcTracer
    {
        private readonly object _lock = new object();
        private readonly IpcTraceEntry[] _ring;
        private readonly Dictionary<string, IpcChannelTraffic> _channels = new Dictionary<string, IpcChannelTraffic>(StringComparer.Ordinal);
        private readonly long _origin = Stopwatch.GetTimestamp();
        private int _next;
        private int _count;
        private long _charsIn;
        private long _charsOut;

        /// <summary>Channels counted one by one; traffic on further channels is counted under <see cref="OtherChannels"/>.</summary>
        public const int MaxChannels = 1024;

        /// <summary>The name under which traffic past <see cref="MaxChannels"/> distinct channels is counted.</summary>
        public const string OtherChannels = "(other channels)";

        /// <summary>Creates a tracer keeping the last <paramref name="capacity"/> envelopes (default 1,024).</summary>
        public IpcTracer(int capacity = 1024)
        {
            if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), "must be positive");
            _ring = new IpcTraceEntry[capacity];
        }

        /// <summary>Whether envelopes and ticks are recorded. Default false.</summary>
        public bool Enabled { get; set; }

        /// <summary>How many envelopes the ring keeps.</summary>
        public int Capacity => _ring.Length;

        /// <summary>The last tick recorded while enabled.</summary>
        public IpcTickStats LastTick { get; private set; }

        /// <summary>The slowest tick recorded while enabled.</summary>
        public IpcTickStats LongestTick { get; private set; }

        /// <summary>Envelopes recorded since creation or <see cref="Clear"/>.</summary>
        public long TotalRecorded { get; private set; }

        /// <summary>Copies the recorded envelopes, oldest first, into <paramref name="buffer"/>; returns how many.</summary>
        public int CopyRecent(IpcTraceEntry[] buffer)
        {
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            lock (_lock)
            {
                int n = Math.Min(_count, buffer.Length);
                int start = (_next - n + _ring.Length) % _ring.Length;
                for (int i = 0; i < n; i++) buffer[i] = _ring[(start + i) % _ring.Length];
                return n;
            }
        }

        /// <summary>Fills <paramref name="into"/> with traffic per channel (cleared first), in no particular order.</summary>
        public void CopyChannels(List<IpcChannelTraffic> into)
        {
            into.Clear();
            lock (_lock)
                foreach (var pair in _channels) into.Add(pair.Value);
        }

        /// <summary>Forgets every envelope, channel count and tick statistic.</summary>
        public void Clear()
        {
            lock (_lock)
            {
                _next = _count = 0;
                _channels.Clear();
                TotalRecorded = 0;
                LastTick = LongestTick = default;
            }
        }

        internal long Now() => Stopwatch.GetTimestamp();

        internal void Record(int viewId, IpcTraceDirection direction, EnvelopeKind kind, string? channel, long id, int size, long handlerTicks, int relayViewId = 0)
        {
            var entry = new IpcTraceEntry(Elapsed(Stopwatch.GetTimestamp() - _origin), viewId, direction, kind, channel, id, size, Elapsed(handlerTicks), relayViewId);
            lock (_lock)
            {
                _ring[_next] = entry;
                _next = (_next + 1) % _ring.Length;
                if (_count < _ring.Length) _count++;
                TotalRecorded++;
                if (direction == IpcTraceDirection.In) _charsIn += size;
                else _charsOut += size;
                if (channel == null) return;
                if (!_channels.TryGetValue(channel, out var traffic))
                {
                    // A page inventing channel names must not grow the tracer either: past the bound, one bucket.
                    if (_channels.Count >= MaxChannels) channel = OtherChannels;
                    if (!_channels.TryGetValue(channel, out traffic)) _channels[channel] = traffic = new IpcChannelTraffic(channel);
                }
                traffic.Count(direction, size);
            }
        }

        internal void RecordTick(long tick, int messages, int backlog, long elapsedTicks, int pendingInvokes)
        {
            lock (_lock)
            {
                var stats = new IpcTickStats(tick, messages, _charsIn, _charsOut, backlog, Elapsed(elapsedTicks), pendingInvokes, IpcPools.Rented, IpcPools.Returned);
                _charsIn = _charsOut = 0;
                LastTick = stats;
                if (stats.DurationMs >= LongestTick.DurationMs) LongestTick = stats;
            }
        }

        private static double Elapsed(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
    }
}
