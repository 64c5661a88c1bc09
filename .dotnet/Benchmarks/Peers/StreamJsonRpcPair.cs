using System;
using Nerdbank.Streams;
using StreamJsonRpc;

namespace FrameIpc.Benchmarks
{
    /// <summary>
    /// Microsoft's JSON-RPC library the way its docs set it up in one process: two <see cref="JsonRpc"/> peers over a
    /// Nerdbank.Streams <see cref="FullDuplexStream"/> pair, header-delimited framing, the Newtonsoft
    /// <see cref="JsonMessageFormatter"/>.
    /// </summary>
    public sealed class StreamJsonRpcPair : IDisposable
    {
        private StreamJsonRpcPair(JsonRpc engine, JsonRpc view)
        {
            Engine = engine;
            View = view;
        }

        public JsonRpc Engine { get; }

        public JsonRpc View { get; }

        /// <summary>Wires both peers, lets the caller add local methods (before listening, as StreamJsonRpc requires), starts both.</summary>
        public static StreamJsonRpcPair Create(Action<JsonRpc>? configureEngine = null, Action<JsonRpc>? configureView = null)
        {
            var (engineStream, viewStream) = FullDuplexStream.CreatePair();
            var engine = new JsonRpc(new HeaderDelimitedMessageHandler(engineStream, new JsonMessageFormatter()));
            var view = new JsonRpc(new HeaderDelimitedMessageHandler(viewStream, new JsonMessageFormatter()));
            configureEngine?.Invoke(engine);
            configureView?.Invoke(view);
            engine.StartListening();
            view.StartListening();
            return new StreamJsonRpcPair(engine, view);
        }

        public void Dispose()
        {
            View.Dispose();
            Engine.Dispose();
        }
    }
}
