using System;
using BenchmarkDotNet.Attributes;
using FrameIpc.Tests;

namespace FrameIpc.Benchmarks
{
    /// <summary>FrameIPC's row of the 10,000-message tick: the view's sends are flushed in setup, one engine tick is measured.</summary>
    public partial class TickBenchmarks
    {
        /// <summary>The view flushes this many sends per frame, keeping each batch frame well under MaxFrameChars.</summary>
        private const int SendsPerFlush = 1000;

        private const string PrimitiveChannel = "hud:health";

        private IpcHarness _frameIpc = null!;
        private int _frameIpcReceived;
        private int _frameIpcPrimitiveSum;
        private PlayerState? _frameIpcLast;

        partial void SetupFrameIpc()
        {
            // The budget must not be what stops the tick: the case is "all 10,000 in one tick", and the count says so after.
            var options = new IpcOptions { MaxMessagesPerTick = Messages, TickTimeBudget = TimeSpan.FromSeconds(10) };
            _frameIpc = IpcHarness.Connected(options: options);
            _frameIpc.Main.On<PlayerState>(Channel, (e, state) =>
            {
                _frameIpcLast = state;
                _frameIpcReceived++;
            });
            _frameIpc.Main.On(PrimitiveChannel, e =>
            {
                _frameIpcPrimitiveSum += e.Arg<int>(0) + e.Arg<int>(1) + (e.Arg<bool>(2) ? 1 : 0) == 188 ? 1 : 0;
                _frameIpcReceived++;
            });
        }

        partial void WarmUpFrameIpc()
        {
            QueueFrameIpc();
            FrameIpcTick();
            CheckFrameIpc();
            QueueFrameIpcPrimitive();
            FrameIpcTickPrimitive();
            CheckFrameIpcPrimitive();
        }

        partial void CleanupFrameIpc() => _frameIpc.Dispose();

        [IterationSetup(Target = nameof(FrameIpcTick))]
        public void QueueFrameIpc()
        {
            _frameIpcReceived = 0;
            for (int i = 0; i < Messages; i++)
            {
                _frameIpc.View.Send(Channel, PlayerState.Sample);
                if ((i + 1) % SendsPerFlush == 0)
                {
                    _frameIpc.View.Tick();
                }
            }
        }

        [IterationCleanup(Target = nameof(FrameIpcTick))]
        public void CheckFrameIpc()
        {
            ExpectAll(_frameIpcReceived, "FrameIPC");
            PlayerState.Check(_frameIpcLast);
        }

        [Benchmark(OperationsPerInvoke = Messages, Description = "FrameIPC tick (PlayerState)")]
        public void FrameIpcTick() => _frameIpc.Main.Tick();

        [IterationSetup(Target = nameof(FrameIpcTickPrimitive))]
        public void QueueFrameIpcPrimitive()
        {
            _frameIpcReceived = 0;
            _frameIpcPrimitiveSum = 0;
            for (int i = 0; i < Messages; i++)
            {
                _frameIpc.View.Send(PrimitiveChannel, 87, 100, true);
                if ((i + 1) % SendsPerFlush == 0)
                {
                    _frameIpc.View.Tick();
                }
            }
        }

        [IterationCleanup(Target = nameof(FrameIpcTickPrimitive))]
        public void CheckFrameIpcPrimitive()
        {
            ExpectAll(_frameIpcReceived, "FrameIPC");
            ExpectAll(_frameIpcPrimitiveSum, "FrameIPC (arguments intact)");
        }

        /// <summary>The machinery's own cost per message in a full tick: three primitive arguments, no serializer.</summary>
        [Benchmark(OperationsPerInvoke = Messages, Description = "FrameIPC tick (87, 100, true)")]
        public void FrameIpcTickPrimitive() => _frameIpc.Main.Tick();
    }
}
