namespace FrameIpc
{
    /// <summary>
    /// Something with a deadline that a <see cref="DeadlineHeap"/> orders: an invoke this side waits on, or a peer's
    /// invoke whose handler runs here. The heap keeps <see cref="HeapIndex"/> current so an entry that finishes early
    /// leaves the heap at once (no stale entries, so the heap never holds more than what is pending).
    /// </summary>
    internal abstract class DeadlineEntry
    {
        /// <summary>When it expires, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
        public long DeadlineTimestamp;

        /// <summary>Where it sits in its heap, or -1 when it is in none.</summary>
        public int HeapIndex = -1;
    }
}
