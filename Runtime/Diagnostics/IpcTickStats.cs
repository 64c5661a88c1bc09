namespace FrameIpc
{
    /// <summary>What one <c>Tick()</c> did, as the tracer recorded it.</summary>
    public readonly struct IpcTickStats
    {
        internal IpcTickStats(long tick, int messages, long charsIn, long charsOut, int backlog, double durationMs, int pendingInvokes, long poolRented, long poolReturned)
        {
            Tick = tick;
            Messages = messages;
            CharsIn = charsIn;
            CharsOut = charsOut;
            Backlog = backlog;
            DurationMs = durationMs;
            PendingInvokes = pendingInvokes;
            PoolRented = poolRented;
            PoolReturned = poolReturned;
        }

        /// <summary>The tick's number (<see cref="IpcMain.TickCount"/>).</summary>
        public long Tick { get; }
        /// <summary>Envelopes dispatched.</summary>
        public int Messages { get; }
        /// <summary>Characters of frames taken off the inbound queues.</summary>
        public long CharsIn { get; }
        /// <summary>Characters of frames sent.</summary>
        public long CharsOut { get; }
        /// <summary>Frames still queued when the tick ended (left for the next one).</summary>
        public int Backlog { get; }
        /// <summary>How long the tick took.</summary>
        public double DurationMs { get; }
        /// <summary>Invokes the engine is waiting on, across views.</summary>
        public int PendingInvokes { get; }
        /// <summary><see cref="IpcPools.Rented"/> when the tick ended.</summary>
        public long PoolRented { get; }
        /// <summary><see cref="IpcPools.Returned"/> when the tick ended.</summary>
        public long PoolReturned { get; }
    }
}
