namespace FrameIpc
{
    /// <summary>An invoke the engine sent to a view and is still waiting on.</summary>
    public readonly struct IpcPendingInvoke
    {
        internal IpcPendingInvoke(int viewId, string channel, long id, double ageMs, long timeoutMs)
        {
            ViewId = viewId;
            Channel = channel;
            Id = id;
            AgeMs = ageMs;
            TimeoutMs = timeoutMs;
        }

        /// <summary>The view it went to.</summary>
        public int ViewId { get; }
        /// <summary>Its channel.</summary>
        public string Channel { get; }
        /// <summary>Its invoke id.</summary>
        public long Id { get; }
        /// <summary>Milliseconds since it was sent.</summary>
        public double AgeMs { get; }
        /// <summary>Its deadline, in milliseconds after it was sent.</summary>
        public long TimeoutMs { get; }
    }
}
