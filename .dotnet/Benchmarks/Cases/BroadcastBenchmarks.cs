using System;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json;

namespace FrameIpc.Benchmarks
{
    /// <summary>
    /// One engine→view message to 4 views: encoded (once where the implementation allows), delivered to each view,
    /// and decoded to a <see cref="PlayerState"/> by a listener in every view. Reported per broadcast, not per view.
    /// </summary>
    [BenchmarkCategory("Broadcast4")]
    public partial class BroadcastBenchmarks
    {
        public const int ViewCount = 4;
        private const string Channel = "hud:state";

        private readonly ChannelFloor[] _floors = new ChannelFloor[ViewCount];
        private readonly UnpooledEndpoint[] _unpooledViews = new UnpooledEndpoint[ViewCount];
        private int _unpooledReceived;
        private PlayerState? _unpooledLast;
        private readonly StreamJsonRpcPair[] _rpcs = new StreamJsonRpcPair[ViewCount];
        private readonly Task[] _rpcSends = new Task[ViewCount];
        private readonly SemaphoreSlim _rpcArrived = new SemaphoreSlim(0);
        private PlayerState? _rpcLast;

        [GlobalSetup]
        public void Setup()
        {
            for (int i = 0; i < ViewCount; i++)
            {
                _floors[i] = new ChannelFloor();
                var (_, view) = UnpooledEndpoint.CreatePair();
                view.On(Channel, args =>
                {
                    _unpooledLast = args[0].ToObject<PlayerState>();
                    _unpooledReceived++;
                });
                _unpooledViews[i] = view;
                _rpcs[i] = StreamJsonRpcPair.Create(configureView: v => v.AddLocalRpcMethod(Channel, new Action<PlayerState>(OnRpcState)));
            }
            SetupFrameIpc();

            ChannelFloor();
            PlayerState.Check(_floors[ViewCount - 1].LastReceived);
            _unpooledReceived = 0;
            UnpooledNewtonsoft();
            if (_unpooledReceived != ViewCount)
            {
                throw new InvalidOperationException("The unpooled broadcast missed a view.");
            }
            PlayerState.Check(_unpooledLast);
            StreamJsonRpc().GetAwaiter().GetResult();
            PlayerState.Check(_rpcLast);
            CheckFrameIpc();
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            foreach (StreamJsonRpcPair rpc in _rpcs)
            {
                rpc.Dispose();
            }
            CleanupFrameIpc();
        }

        [Benchmark(Baseline = true, Description = "Channel + JsonConvert (floor)")]
        public void ChannelFloor()
        {
            string json = JsonConvert.SerializeObject(PlayerState.Sample);
            for (int i = 0; i < ViewCount; i++)
            {
                _floors[i].PushToView(json);
                _floors[i].DrainView();
            }
        }

        [Benchmark(Description = "Unpooled Newtonsoft (JObject envelope)")]
        public void UnpooledNewtonsoft()
        {
            string frame = UnpooledEndpoint.Encode(Channel, PlayerState.Sample);
            for (int i = 0; i < ViewCount; i++)
            {
                _unpooledViews[i].Push(frame);
                _unpooledViews[i].Tick();
            }
        }

        [Benchmark(Description = "StreamJsonRpc notify x4 (FullDuplexStream)")]
        public async Task StreamJsonRpc()
        {
            for (int i = 0; i < ViewCount; i++)
            {
                _rpcSends[i] = _rpcs[i].Engine.NotifyAsync(Channel, PlayerState.Sample);
            }
            await Task.WhenAll(_rpcSends).ConfigureAwait(false);
            for (int i = 0; i < ViewCount; i++)
            {
                await _rpcArrived.WaitAsync().ConfigureAwait(false);
            }
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
