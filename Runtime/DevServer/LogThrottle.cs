using System.Collections.Generic;
using System.Diagnostics;

namespace FrameIpc
{
    /// <summary>
    /// A flood hits the same bound thousands of times a second: one line a second per reason, with the count skipped,
    /// keeps the log (often Unity's console) usable while it lasts. Thread-safe.
    /// </summary>
    internal sealed class LogThrottle
    {
        private const int MaxReasons = 64; // reasons are few; never let the table grow

        private readonly Dictionary<string, (long At, int Skipped)> _last = new Dictionary<string, (long, int)>();

        /// <summary>The line to log for <paramref name="reason"/>, or null when one was logged less than a second ago.</summary>
        public string? Admit(string reason, string message)
        {
            long now = Stopwatch.GetTimestamp();
            int skipped;
            lock (_last)
            {
                if (_last.TryGetValue(reason, out var last) && now - last.At < Stopwatch.Frequency)
                {
                    _last[reason] = (last.At, last.Skipped + 1);
                    return null;
                }
                skipped = last.Skipped;
                if (_last.Count > MaxReasons) _last.Clear();
                _last[reason] = (now, 0);
            }
            return skipped > 0 ? $"{message} ({skipped} more like it since the last such line)" : message;
        }
    }
}
