using System;

namespace FrameIpc
{
    /// <summary>Sends what a <see cref="FrameWriter"/> holds over a transport, as many frames as the peer's limit takes.</summary>
    internal static class FrameWriterTransport
    {
        /// <summary>Writes the frames to <paramref name="transport"/>; returns how many. See <see cref="FrameWriter.WriteFrames"/>.</summary>
        public static int WriteTo(this FrameWriter writer, IFrameTransport transport) => writer.WriteFrames(new Sink(transport));

        // A struct, so the writer's generic loop is specialised for it and nothing is boxed per tick.
        private readonly struct Sink : IFrameSink
        {
            private readonly IFrameTransport _transport;

            public Sink(IFrameTransport transport) { _transport = transport; }

            public void Send(ReadOnlySpan<char> frame) => _transport.Send(frame);
        }
    }
}
