using System;

namespace FrameIpc
{
    /// <summary>
    /// The limits one connection enforces, as plain values: the API layer builds them from its options, so nothing in
    /// Dispatch reads an API type. <see cref="HeldChars"/> is what makes an end hold its batch until the handshake.
    /// </summary>
    internal sealed class ConnectionLimits
    {
        public ConnectionLimits(int maxFrameChars, int maxDepth, int maxChannelChars, int maxQueuedFrames, long maxQueuedChars,
            int maxRunningInvokes, TimeSpan defaultInvokeTimeout, int? heldChars, IpcJsonContext? json = null)
        {
            MaxFrameChars = maxFrameChars;
            MaxDepth = maxDepth;
            MaxChannelChars = maxChannelChars;
            MaxQueuedFrames = maxQueuedFrames;
            MaxQueuedChars = maxQueuedChars;
            MaxRunningInvokes = maxRunningInvokes;
            DefaultInvokeTimeout = defaultInvokeTimeout;
            HeldChars = heldChars;
            Json = json ?? IpcJsonContext.Default;
        }

        public int MaxFrameChars { get; }
        public int MaxDepth { get; }
        public int MaxChannelChars { get; }
        public int MaxQueuedFrames { get; }
        public long MaxQueuedChars { get; }
        public int MaxRunningInvokes { get; }
        public TimeSpan DefaultInvokeTimeout { get; }

        /// <summary>The JSON conventions values are written and read with (the endpoint's <c>IpcOptions.Json</c>).</summary>
        public IpcJsonContext Json { get; }

        /// <summary>
        /// Characters the batch may hold before the handshake, or null when it is never held. The engine holds (a page that
        /// has not said hello yet cannot take messages); the renderer opens the conversation, so it never waits.
        /// </summary>
        public int? HeldChars { get; }
    }
}
