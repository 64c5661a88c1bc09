using System.Diagnostics;

namespace FrameIpc
{
    /// <summary>How many deadlines a tick may expire, shared by this side's invokes and the peer's running handlers.</summary>
    internal static class ExpiryBudget
    {
        /// <summary>
        /// Expiries and cancels one connection handles per tick even when dispatch used the whole message budget, so
        /// deadlines still make progress under a flood (each one is O(log n) and writes one small envelope).
        /// </summary>
        public const int MinPerTick = 32;

        /// <summary>The longest deadline kept (about 24.8 days): a larger <c>t</c> is clamped, so the timestamp cannot overflow.</summary>
        public const long MaxDeadlineMs = int.MaxValue;

        public static bool MayExpireMore(int budget, long deadline, int done)
        {
            if (done < MinPerTick) return true;
            if (budget <= 0) return false;
            // The clock is read every 32 expiries, as dispatch does: reading it costs about as much as one expiry.
            return (done & 31) != 0 || Stopwatch.GetTimestamp() < deadline;
        }

        /// <summary>Ticks (Stopwatch) from now until <paramref name="milliseconds"/> have passed.</summary>
        public static long DeadlineAfter(long now, long milliseconds) => now + (long)(milliseconds / 1000.0 * Stopwatch.Frequency);
    }
}
