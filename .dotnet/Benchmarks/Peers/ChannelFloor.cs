using System.Threading.Channels;
using Newtonsoft.Json;

namespace FrameIpc.Benchmarks
{
    /// <summary>
    /// The floor: the least any JSON message bridge can do. A bare <see cref="Channel{T}"/> hop with
    /// <see cref="JsonConvert"/> encode/decode of the payload, no envelope, no channel name, no ids.
    /// </summary>
    public sealed class ChannelFloor
    {
        private readonly Channel<string> _toEngine = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        private readonly Channel<string> _toView = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

        /// <summary>The last payload the engine-side "listener" decoded.</summary>
        public PlayerState? LastReceived { get; private set; }

        /// <summary>How many payloads the engine side decoded since the last <see cref="ResetCount"/>.</summary>
        public int Received { get; private set; }

        public void ResetCount() => Received = 0;

        /// <summary>View side: encode and queue.</summary>
        public void Send(PlayerState state) => _toEngine.Writer.TryWrite(JsonConvert.SerializeObject(state));

        /// <summary>Engine side: drain the queue, decode each message and hand it to the listener.</summary>
        public void Drain()
        {
            while (_toEngine.Reader.TryRead(out string? json))
            {
                LastReceived = JsonConvert.DeserializeObject<PlayerState>(json);
                Received++;
            }
        }

        /// <summary>
        /// A request/response with both sides in one thread: encode the argument, hop, decode, run the "handler",
        /// encode its result, hop back, decode.
        /// </summary>
        public PlayerState? Invoke(int playerId)
        {
            _toEngine.Writer.TryWrite(JsonConvert.SerializeObject(playerId));
            _toEngine.Reader.TryRead(out string? request);
            int id = JsonConvert.DeserializeObject<int>(request!);
            _toView.Writer.TryWrite(JsonConvert.SerializeObject(Handler(id)));
            _toView.Reader.TryRead(out string? response);
            return JsonConvert.DeserializeObject<PlayerState>(response!);
        }

        /// <summary>Engine side of a broadcast: queue an already encoded message to this view.</summary>
        public void PushToView(string json) => _toView.Writer.TryWrite(json);

        /// <summary>View side: drain and decode what the engine pushed; returns how many arrived.</summary>
        public int DrainView()
        {
            int count = 0;
            while (_toView.Reader.TryRead(out string? json))
            {
                LastReceived = JsonConvert.DeserializeObject<PlayerState>(json);
                count++;
            }
            return count;
        }

        private static PlayerState Handler(int playerId) => playerId == 7 ? PlayerState.Sample : new PlayerState();
    }
}
