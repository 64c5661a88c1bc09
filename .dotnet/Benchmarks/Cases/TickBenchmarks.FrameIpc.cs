using System;
using BenchmarkDotNet.Attributes;

namespace FrameIpc.Benchmarks
{
    /// <summary>FrameIPC's row of the 10,000-message tick: the view's sends are flushed in setup, one engine tick is measured.</summary>
    public partial class TickBenchmarks
    {
        /// <summary>The view flushes this many sends per frame, keeping each batch frame well under MaxFrameChars.</summary>
        private const int SendsPerFlush = 1000;

        private FrameIpcRig _frameIpc = null!;
        private int _frameIpcReceived;
        private PlayerState? _frameIpcLast;

        partial void SetupFrameIpc()
        {
            // The budget must not be what stops the tick: the case is "all 10,000 in one tick", and the count says so after.
            var options = new IpcOptions { MaxMessagesPerTick = Messages, TickTimeBudget = TimeSpan.FromSeconds(10) };
            _frameIpc = FrameIpcRig.Create(options: options);
            _frameIpc.Main.On<PlayerState>(Channel, (e, state) =>
            {
                _frameIpcLast = state;
                _frameIpcReceived++;
            });
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
    }
}
