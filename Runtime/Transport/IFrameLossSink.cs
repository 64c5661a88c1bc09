namespace FrameIpc
{
    /// <summary>
    /// A receiver that wants to hear of frames a transport had to drop before they reached it (a bridge that buffers
    /// what a page posts before its view is attached, past its bound). The engine's connection implements it, so the
    /// loss shows as a diagnostic and reaches the page as an error notice instead of passing in silence.
    /// </summary>
    internal interface IFrameLossSink
    {
        /// <summary>Any thread: <paramref name="frames"/> frames of <paramref name="chars"/> characters were dropped, and why.</summary>
        void OnFramesLost(int frames, long chars, string why);
    }
}
