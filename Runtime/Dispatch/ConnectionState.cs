namespace FrameIpc
{
    /// <summary>Where a connection is in its life.</summary>
    internal enum ConnectionState
    {
        /// <summary>Attached, waiting for the handshake; sends are held.</summary>
        Connecting,
        /// <summary>Handshake done; sends flush every tick.</summary>
        Ready,
        /// <summary>Gone for good; sends throw, pending invokes were rejected.</summary>
        Closed,
    }
}
