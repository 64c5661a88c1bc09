using System;

namespace FrameIpc
{
    /// <summary>
    /// Moves whole text frames between the engine and one view, nothing else.
    /// Implementations: <see cref="InMemoryTransport"/>, the WebSocket dev server, the script bridge.
    /// </summary>
    public interface IFrameTransport : IDisposable
    {
        /// <summary>Starts delivering the peer's frames to <paramref name="receiver"/>. Called once, by the endpoint that owns this transport.</summary>
        void Start(IFrameReceiver receiver);

        /// <summary>
        /// Writes one frame to the peer. Called on the ticking thread; <paramref name="frame"/> is only valid during
        /// the call, so a transport that sends later must copy it. Throws <see cref="IpcException"/> when closed.
        /// </summary>
        void Send(ReadOnlySpan<char> frame);

        /// <summary>
        /// False when a blocking call (<c>SendSync</c>) made on the current thread could never be answered,
        /// e.g. an in-memory peer that is ticked by this very thread.
        /// </summary>
        bool CanBlockCurrentThread { get; }
    }
}
