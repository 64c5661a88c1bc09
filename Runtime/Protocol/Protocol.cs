namespace FrameIpc
{
    /// <summary>Constants of the wire protocol (Documentation~/protocol.md).</summary>
    public static class Protocol
    {
        /// <summary>The protocol version this build speaks, sent in <c>hello</c> and <c>ready</c>.</summary>
        public const int Version = 1;

        /// <summary>
        /// The largest port id either side names (JavaScript's largest safe integer): the page names its ports 1, 2, 3...,
        /// the engine -1, -2, -3..., so the sign says whose an id is and the two never collide.
        /// </summary>
        internal const long MaxPortId = (1L << 53) - 1;
    }
}
