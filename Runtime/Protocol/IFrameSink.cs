using System;

namespace FrameIpc
{
    /// <summary>
    /// Where <see cref="FrameWriter"/> puts finished frames. The protocol layer declares it so that the writer can split
    /// a batch into frames without naming the transports above it; the transport layer adapts a transport to it.
    /// </summary>
    internal interface IFrameSink
    {
        /// <summary>One whole frame, valid only during the call.</summary>
        void Send(ReadOnlySpan<char> frame);
    }
}
