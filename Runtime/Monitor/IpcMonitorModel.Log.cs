using System;
using System.Collections.Generic;
using System.Globalization;

namespace FrameIpc
{
    internal sealed partial class IpcMonitorModel
    {
        private readonly List<IpcTraceEntry> _log = new List<IpcTraceEntry>();
        private readonly List<string?> _logChannels = new List<string?>();
        private readonly Dictionary<InvokeKey, string> _invokeChannels = new Dictionary<InvokeKey, string>();

        /// <summary>The log: the newest traced envelopes that pass <see cref="ChannelFilter"/>, oldest first.</summary>
        public IReadOnlyList<IpcTraceEntry> Log => _log;

        /// <summary>
        /// The channel of <see cref="Log"/>[<paramref name="index"/>]: its own, or for a result or cancel the channel of
        /// the invoke it answers (when that invoke is still in the trace); null for handshakes and errors.
        /// </summary>
        public string? LogChannel(int index) => _logChannels[index];

        /// <summary>
        /// One log line, e.g. <c>12.345 s  view 1  in   invoke  hud:fire  #3  57 chars  0.120 ms</c>; a relayed send says
        /// <c>relay to view 2</c> (as it came in) or <c>relay from view 1</c> (as it went out).
        /// </summary>
        public string FormatLogLine(int index) => Format(_log[index], _logChannels[index]);

        /// <summary>Formats one traced envelope as a log line; <paramref name="channel"/> overrides the entry's.</summary>
        public static string Format(in IpcTraceEntry entry, string? channel = null)
        {
            var c = CultureInfo.InvariantCulture;
            var line = string.Format(c, "{0,9:0.000} s  view {1}  {2,-3}  {3,-6}  {4}", entry.TimeMs / 1000, entry.ViewId,
                entry.Direction == IpcTraceDirection.In ? "in" : "out", EnvelopeKinds.Name(entry.Kind), channel ?? entry.Channel ?? "-");
            if (entry.InvokeId != 0) line += "  #" + entry.InvokeId.ToString(c);
            if (entry.RelayViewId != 0)
                line += (entry.Direction == IpcTraceDirection.In ? "  relay to view " : "  relay from view ") + entry.RelayViewId.ToString(c);
            line += "  " + entry.Size.ToString(c) + " chars";
            if (entry.Direction == IpcTraceDirection.In && entry.HandlerMs > 0) line += string.Format(c, "  {0:0.000} ms", entry.HandlerMs);
            return line;
        }

        private void RebuildLog()
        {
            _log.Clear();
            _logChannels.Clear();
            _invokeChannels.Clear();
            // Two passes: an inbound envelope is traced after its handler ran, so a result can come before its invoke.
            for (int i = 0; i < _snapshotCount; i++)
            {
                var e = _snapshot[i];
                if ((e.Kind == EnvelopeKind.Invoke || e.Kind == EnvelopeKind.Sync) && e.Channel != null)
                    _invokeChannels[new InvokeKey(e.ViewId, e.InvokeId, e.Direction)] = e.Channel;
            }
            for (int i = 0; i < _snapshotCount; i++)
            {
                var entry = _snapshot[i];
                var channel = ResolveChannel(entry);
                if (_channelFilter.Length > 0 && (channel == null || channel.IndexOf(_channelFilter, StringComparison.OrdinalIgnoreCase) < 0)) continue;
                _log.Add(entry);
                _logChannels.Add(channel);
            }
            int excess = _log.Count - _maxLogLines;
            if (excess <= 0) return;
            _log.RemoveRange(0, excess);
            _logChannels.RemoveRange(0, excess);
        }

        // An invoke and its cancel travel the same way; its result travels back. Ids are per initiating side, so the
        // key holds the view and the direction the invoke went.
        private string? ResolveChannel(in IpcTraceEntry entry)
        {
            switch (entry.Kind)
            {
                case EnvelopeKind.Cancel:
                    return Lookup(entry.ViewId, entry.InvokeId, entry.Direction) ?? entry.Channel;
                case EnvelopeKind.Result:
                    var invoked = entry.Direction == IpcTraceDirection.In ? IpcTraceDirection.Out : IpcTraceDirection.In;
                    return Lookup(entry.ViewId, entry.InvokeId, invoked) ?? entry.Channel;
                default:
                    return entry.Channel;
            }
        }

        private string? Lookup(int viewId, long id, IpcTraceDirection direction) =>
            _invokeChannels.TryGetValue(new InvokeKey(viewId, id, direction), out var channel) ? channel : null;

        private readonly struct InvokeKey : IEquatable<InvokeKey>
        {
            private readonly int _view;
            private readonly long _id;
            private readonly IpcTraceDirection _direction;

            public InvokeKey(int view, long id, IpcTraceDirection direction)
            {
                _view = view;
                _id = id;
                _direction = direction;
            }

            public bool Equals(InvokeKey other) => _view == other._view && _id == other._id && _direction == other._direction;
            public override bool Equals(object? obj) => obj is InvokeKey other && Equals(other);
            public override int GetHashCode() => (_view * 397) ^ _id.GetHashCode() ^ ((int)_direction << 30);
        }
    }
}
