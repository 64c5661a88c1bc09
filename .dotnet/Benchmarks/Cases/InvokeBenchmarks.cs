using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace FrameIpc.Benchmarks
{
    /// <summary>
    /// One invoke round trip with both sides in C#: the view asks <c>state:get</c> with a player id, the engine's handler
    /// answers a <see cref="PlayerState"/>, the view gets it decoded. The result object is part of every row's allocation.
    /// </summary>
    [BenchmarkCategory("Invoke")]
    public partial class InvokeBenchmarks
    {
        private const string Channel = "state:get";

        private readonly ChannelFloor _floor = new ChannelFloor();
        private UnpooledEndpoint _unpooledEngine = null!;
        private UnpooledEndpoint _unpooledView = null!;
        private StreamJsonRpcPair _rpc = null!;

        [GlobalSetup]
        public void Setup()
        {
            (_unpooledEngine, _unpooledView) = UnpooledEndpoint.CreatePair();
            _unpooledEngine.Handle(Channel, args => Lookup(args[0].ToObject<int>()));
            _rpc = StreamJsonRpcPair.Create(configureEngine: engine => engine.AddLocalRpcMethod(Channel, new Func<int, PlayerState>(Lookup)));
            SetupFrameIpc();

            PlayerState.Check(ChannelFloor());
            PlayerState.Check(UnpooledNewtonsoft());
            PlayerState.Check(StreamJsonRpc().GetAwaiter().GetResult());
            CheckFrameIpc();
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _rpc.Dispose();
            CleanupFrameIpc();
        }

        [Benchmark(Baseline = true, Description = "Channel + JsonConvert (floor)")]
        public PlayerState? ChannelFloor() => _floor.Invoke(7);

        [Benchmark(Description = "Unpooled Newtonsoft (JObject envelope)")]
        public PlayerState UnpooledNewtonsoft()
        {
            Task<PlayerState> call = _unpooledView.InvokeAsync<PlayerState>(Channel, 7);
            _unpooledEngine.Tick();
            _unpooledView.Tick();
            return call.GetAwaiter().GetResult();
        }

        [Benchmark(Description = "StreamJsonRpc invoke (FullDuplexStream)")]
        public Task<PlayerState> StreamJsonRpc() => _rpc.View.InvokeAsync<PlayerState>(Channel, 7);

        /// <summary>The engine's handler: a lookup that allocates nothing, so every row measures only the bridge.</summary>
        internal static PlayerState Lookup(int playerId) => playerId == 7 ? PlayerState.Sample : new PlayerState();

        partial void SetupFrameIpc();

        partial void CheckFrameIpc();

        partial void CleanupFrameIpc();
    }
}
