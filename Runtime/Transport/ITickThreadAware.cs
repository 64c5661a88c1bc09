namespace FrameIpc
{
    /// <summary>
    /// A receiver that knows which thread ticks it. <see cref="InMemoryTransport"/> asks its peer's receiver, so a
    /// blocking call made on the very thread that must answer it is refused instead of waiting forever; the transport
    /// layer declares the question so that it never names the connection that answers it.
    /// </summary>
    internal interface ITickThreadAware
    {
        /// <summary>Whether the calling thread is the one that ticks this receiver.</summary>
        bool IsTickThread();
    }
}
