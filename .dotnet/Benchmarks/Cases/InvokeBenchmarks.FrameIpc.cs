using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using FrameIpc.Tests;

namespace FrameIpc.Benchmarks
{
    /// <summary>FrameIPC's rows of the invoke case: renderer.InvokeAsync → the engine's handler → the result, ticking both sides.</summary>
    public partial class InvokeBenchmarks
    {
        private const string PrimitiveChannel = "math:double";

        private IpcHarness _frameIpc = null!;

        partial void SetupFrameIpc()
        {
            _frameIpc = IpcHarness.Connected();
            _frameIpc.Main.Handle(Channel, e => Lookup(e.Arg<int>(0)));
            _frameIpc.Main.Handle(PrimitiveChannel, e => e.Arg<int>(0) * 2);
        }

        partial void CheckFrameIpc()
        {
            PlayerState.Check(FrameIpcTyped());
            if (FrameIpcPrimitive() != 42)
            {
                throw new InvalidOperationException("FrameIPC's primitive invoke returned the wrong value.");
            }
        }

        partial void CleanupFrameIpc() => _frameIpc.Dispose();

        [Benchmark(Description = "FrameIPC invoke (int → PlayerState)")]
        public PlayerState FrameIpcTyped() => Complete(_frameIpc.View.InvokeAsync<int, PlayerState>(Channel, 7));

        /// <summary>The machinery's own cost: an int there and an int back, so the result allocates nothing either.</summary>
        [Benchmark(Description = "FrameIPC invoke (int → int)")]
        public int FrameIpcPrimitive() => Complete(_frameIpc.View.InvokeAsync<int, int>(PrimitiveChannel, 21));

        /// <summary>View flushes the invoke, the engine answers and flushes, the view resolves: one round of ticks, a few if needed.</summary>
        private T Complete<T>(ValueTask<T> call)
        {
            for (int round = 0; round < 10 && !call.IsCompleted; round++)
            {
                _frameIpc.TickAll();
            }
            if (!call.IsCompleted)
            {
                throw new InvalidOperationException("FrameIPC's invoke did not complete within 10 rounds of ticks.");
            }
            return call.GetAwaiter().GetResult();
        }
    }
}
