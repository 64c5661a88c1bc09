namespace FrameIpc
{
    /// <summary>Constants of the wire protocol (Documentation~/protocol.md).</summary>
    public static class Protocol
    {
        /// <summary>The protocol version this build speaks, sent in <c>hello</c> and <c>ready</c>.</summary>
        public const int Version = 1;
    }
}
