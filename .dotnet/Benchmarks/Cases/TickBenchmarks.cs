using System;
using BenchmarkDotNet.Attributes;

namespace FrameIpc.Benchmarks
{
    /// <summary>
    /// One engine tick that dispatches 10,000 queued view→engine messages, each decoded to a <see cref="PlayerState"/>.
    /// The messages are encoded and queued in <c>IterationSetup</c> (the view's work, outside the measurement);
    /// the measured call is the engine's drain. Reported per message: multiply the mean by 10,000 for the tick.
    /// StreamJsonRpc has no tick (it dispatches on its own threads as frames arrive), so it has no row here.
    /// </summary>
    [BenchmarkCategory("Tick10k")]
    public partial class TickBenchmarks
    {
        public const int Messages = 10_000;
        private const string Channel = "hud:state";

        private readonly ChannelFloor _floor = new ChannelFloor();
        private UnpooledEndpoint _unpooledEngine = null!;
        private UnpooledEndpoint _unpooledView = null!;
        private int _unpooledReceived;
        private PlayerState? _unpooledLast;

        [GlobalSetup]
        public void Setup()
        {
            (_unpooledEngine, _unpooledView) = UnpooledEndpoint.CreatePair();
            _unpooledEngine.On(Channel, args =>
            {
                _unpooledLast = args[0].ToObject<PlayerState>();
                _unpooledReceived++;
            });
            SetupFrameIpc();

            // Each measured iteration is one invocation, so BenchmarkDotNet's warm-ups are only a few ticks: warm up here
            // until tiered JIT has promoted everything (it waits ~100 ms of quiet, then compiles on another thread, which the
            // CPU clock would count), and prove every row dispatches all 10,000 before anything is measured.
            for (int round = 0; round < 20; round++)
            {
                QueueFloor();
                ChannelFloor();
                CheckFloor();
                QueueUnpooled();
                UnpooledNewtonsoft();
                CheckUnpooled();
                WarmUpFrameIpc();
            }
        }

        [GlobalCleanup]
        public void Cleanup() => CleanupFrameIpc();

        [IterationSetup(Target = nameof(ChannelFloor))]
        public void QueueFloor()
        {
            _floor.ResetCount();
            for (int i = 0; i < Messages; i++)
            {
                _floor.Send(PlayerState.Sample);
            }
        }

        [IterationCleanup(Target = nameof(ChannelFloor))]
        public void CheckFloor()
        {
            ExpectAll(_floor.Received, "the floor");
            PlayerState.Check(_floor.LastReceived);
        }

        [IterationSetup(Target = nameof(UnpooledNewtonsoft))]
        public void QueueUnpooled()
        {
            _unpooledReceived = 0;
            for (int i = 0; i < Messages; i++)
            {
                _unpooledView.Send(Channel, PlayerState.Sample);
            }
        }

        [IterationCleanup(Target = nameof(UnpooledNewtonsoft))]
        public void CheckUnpooled()
        {
            ExpectAll(_unpooledReceived, "the unpooled peer");
            PlayerState.Check(_unpooledLast);
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Messages, Description = "Channel + JsonConvert (floor)")]
        public void ChannelFloor() => _floor.Drain();

        [Benchmark(OperationsPerInvoke = Messages, Description = "Unpooled Newtonsoft (JObject envelope)")]
        public void UnpooledNewtonsoft() => _unpooledEngine.Tick();

        /// <summary>Every queued message must have been dispatched by the one measured tick, or the row means nothing.</summary>
        internal static void ExpectAll(int received, string who)
        {
            if (received != Messages)
            {
                throw new InvalidOperationException($"One tick of {who} dispatched {received} of {Messages} messages.");
            }
        }

        partial void SetupFrameIpc();

        partial void WarmUpFrameIpc();

        partial void CleanupFrameIpc();
    }
}
