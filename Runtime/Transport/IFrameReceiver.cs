using System;

namespace FrameIpc
{
    /// <summary>What a transport delivers to. Both methods may be called from any thread.</summary>
    public interface IFrameReceiver
    {
        /// <summary>One frame from the peer. The span is only valid during the call; the receiver copies it.</summary>
        void OnFrame(ReadOnlySpan<char> frame);

        /// <summary>The connection is gone (peer closed, network error, disposal). Called at most once.</summary>
        void OnClosed(string reason);
    }
}
