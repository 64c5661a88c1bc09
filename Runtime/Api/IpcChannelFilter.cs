using System;
using System.Collections.Generic;

namespace FrameIpc
{
    /// <summary>
    /// The channels one view may send, invoke or sendSync on, checked before any listener or handler runs (for a store page
    /// or mod content the game does not fully trust). Entries ending in <c>*</c> are prefixes: <c>"shop:*"</c>.
    /// </summary>
    public sealed class IpcChannelFilter
    {
        private readonly HashSet<string> _exact = new HashSet<string>(StringComparer.Ordinal);
        private readonly string[] _prefixes;

        private IpcChannelFilter(string[] entries)
        {
            var prefixes = new List<string>();
            foreach (var entry in entries)
            {
                if (string.IsNullOrEmpty(entry)) throw new ArgumentException("A channel filter entry cannot be empty.", nameof(entries));
                if (entry.EndsWith("*", StringComparison.Ordinal)) prefixes.Add(entry.Substring(0, entry.Length - 1));
                else _exact.Add(entry);
            }
            _prefixes = prefixes.ToArray();
        }

        /// <summary>Allows only the listed channels and prefixes.</summary>
        public static IpcChannelFilter Only(params string[] channelsOrPrefixes) =>
            new IpcChannelFilter(channelsOrPrefixes ?? throw new ArgumentNullException(nameof(channelsOrPrefixes)));

        /// <summary>True when the view may use <paramref name="channel"/>.</summary>
        public bool Allows(string channel)
        {
            if (_exact.Contains(channel)) return true;
            for (int i = 0; i < _prefixes.Length; i++)
                if (channel.StartsWith(_prefixes[i], StringComparison.Ordinal)) return true;
            return false;
        }
    }
}
