using System;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace FrameIpc.Benchmarks
{
    /// <summary>
    /// One small view→engine message, per message: encoded, queued, dispatched to one listener, decoded to a typed
    /// <see cref="PlayerState"/>. Every implementation does all of it inside the measured call.
    /// </summary>
    [BenchmarkCategory("Send")]
    public partial class SendBenchmarks
    {
        private const string Channel = "hud:state";

        private readonly ChannelFloor _floor = new ChannelFloor();
        private UnpooledEndpoint _unpooledEngine = null!;
        private UnpooledEndpoint _unpooledView = null!;
        private PlayerState? _unpooledLast;
        private StreamJsonRpcPair _rpc = null!;
        private readonly SemaphoreSlim _rpcArrived = new SemaphoreSlim(0);
        private PlayerState? _rpcLast;

        [GlobalSetup]
        public void Setup()
        {
            (_unpooledEngine, _unpooledView) = UnpooledEndpoint.CreatePair();
            _unpooledEngine.On(Channel, args => _unpooledLast = args[0].ToObject<PlayerState>());
            _rpc = StreamJsonRpcPair.Create(configureEngine: engine => engine.AddLocalRpcMethod(Channel, new Action<PlayerState>(OnRpcState)));
            SetupFrameIpc();

            // Each path runs once before measuring and must deliver the payload intact: a broken case fails here.
            ChannelFloor();
            PlayerState.Check(_floor.LastReceived);
            UnpooledNewtonsoft();
            PlayerState.Check(_unpooledLast);
            StreamJsonRpc().GetAwaiter().GetResult();
            PlayerState.Check(_rpcLast);
            CheckFrameIpc();
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _rpc.Dispose();
            CleanupFrameIpc();
        }

        [Benchmark(Baseline = true, Description = "Channel + JsonConvert (floor)")]
        public void ChannelFloor()
        {
            _floor.Send(PlayerState.Sample);
            _floor.Drain();
        }

        [Benchmark(Description = "Unpooled Newtonsoft (JObject envelope)")]
        public void UnpooledNewtonsoft()
        {
            _unpooledView.Send(Channel, PlayerState.Sample);
            _unpooledEngine.Tick();
        }

        [Benchmark(Description = "StreamJsonRpc notify (FullDuplexStream)")]
        public async Task StreamJsonRpc()
        {
            await _rpc.View.NotifyAsync(Channel, PlayerState.Sample).ConfigureAwait(false);
            await _rpcArrived.WaitAsync().ConfigureAwait(false);
        }

        private void OnRpcState(PlayerState state)
        {
            _rpcLast = state;
            _rpcArrived.Release();
        }

        partial void SetupFrameIpc();

        partial void CheckFrameIpc();

        partial void CleanupFrameIpc();
    }
}
