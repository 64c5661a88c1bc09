namespace FrameIpc
{
    /// <summary>
    /// How one end opens the conversation: the one thing that makes a connection the engine's or the renderer's end.
    /// The connection is given one (<see cref="EngineHandshake"/>, <see cref="RendererHandshake"/>) instead of a flag.
    /// </summary>
    internal abstract class Handshake
    {
        /// <summary>The connection's transport started: the renderer says hello; the engine waits for one.</summary>
        public abstract void Begin(IpcConnection connection);

        /// <summary>
        /// A <c>hello</c> or <c>ready</c> from the peer. False when that kind is not valid in this direction (the
        /// connection refuses it like any other misdirected envelope).
        /// </summary>
        public abstract bool Accept(IpcConnection connection, Envelope e);
    }
}
