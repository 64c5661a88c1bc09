namespace FrameIpc
{
    /// <summary>Envelopes and characters seen on one channel, per direction, while the tracer was on.</summary>
    public sealed class IpcChannelTraffic
    {
        internal IpcChannelTraffic(string channel) { Channel = channel; }

        /// <summary>The channel.</summary>
        public string Channel { get; }
        /// <summary>Envelopes from views.</summary>
        public long MessagesIn { get; private set; }
        /// <summary>Envelopes to views.</summary>
        public long MessagesOut { get; private set; }
        /// <summary>Characters from views.</summary>
        public long CharsIn { get; private set; }
        /// <summary>Characters to views.</summary>
        public long CharsOut { get; private set; }

        internal void Count(IpcTraceDirection direction, int size)
        {
            if (direction == IpcTraceDirection.In)
            {
                MessagesIn++;
                CharsIn += size;
            }
            else
            {
                MessagesOut++;
                CharsOut += size;
            }
        }
    }
}
