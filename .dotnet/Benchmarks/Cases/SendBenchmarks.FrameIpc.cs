using BenchmarkDotNet.Attributes;
using FrameIpc.Tests;

namespace FrameIpc.Benchmarks
{
    /// <summary>FrameIPC's rows of the send case: the C# renderer sends, the engine's tick dispatches to one listener.</summary>
    public partial class SendBenchmarks
    {
        private const string PrimitiveChannel = "hud:health";

        /// <summary>A game frame carries many messages: the batched rows send this many per pair of ticks.</summary>
        public const int PerFrame = 100;

        private IpcHarness _frameIpc = null!;
        private PlayerState? _frameIpcLast;
        private int _frameIpcPrimitive;

        partial void SetupFrameIpc()
        {
            _frameIpc = IpcHarness.Connected();
            _frameIpc.Main.On<PlayerState>(Channel, (e, state) => _frameIpcLast = state);
            _frameIpc.Main.On(PrimitiveChannel, e => _frameIpcPrimitive = e.Arg<int>(0) + e.Arg<int>(1) + (e.Arg<bool>(2) ? 1 : 0));
        }

        partial void CheckFrameIpc()
        {
            FrameIpcTyped();
            PlayerState.Check(_frameIpcLast);
            FrameIpcPrimitive();
            if (_frameIpcPrimitive != 188)
            {
                throw new System.InvalidOperationException("FrameIPC's primitive send did not arrive.");
            }
        }

        partial void CleanupFrameIpc() => _frameIpc.Dispose();

        /// <summary>The case as specified: a ~100-byte object, decoded to <see cref="PlayerState"/> for the listener.</summary>
        [Benchmark(Description = "FrameIPC send (PlayerState)")]
        public void FrameIpcTyped()
        {
            _frameIpc.View.Send(Channel, PlayerState.Sample);
            _frameIpc.View.Tick();
            _frameIpc.Main.Tick();
        }

        /// <summary>The machinery's own cost: three primitive arguments, nothing for a serializer to do.</summary>
        [Benchmark(Description = "FrameIPC send (87, 100, true)")]
        public void FrameIpcPrimitive()
        {
            _frameIpc.View.Send(PrimitiveChannel, 87, 100, true);
            _frameIpc.View.Tick();
            _frameIpc.Main.Tick();
        }

        /// <summary>As <see cref="FrameIpcTyped"/>, 100 messages per frame: one batch frame each way, ticks shared. Per message.</summary>
        [Benchmark(OperationsPerInvoke = PerFrame, Description = "FrameIPC send (PlayerState), 100 per tick")]
        public void FrameIpcTypedBatched()
        {
            for (int i = 0; i < PerFrame; i++)
            {
                _frameIpc.View.Send(Channel, PlayerState.Sample);
            }
            _frameIpc.View.Tick();
            _frameIpc.Main.Tick();
        }

        /// <summary>As <see cref="FrameIpcPrimitive"/>, 100 messages per frame. Per message.</summary>
        [Benchmark(OperationsPerInvoke = PerFrame, Description = "FrameIPC send (87, 100, true), 100 per tick")]
        public void FrameIpcPrimitiveBatched()
        {
            for (int i = 0; i < PerFrame; i++)
            {
                _frameIpc.View.Send(PrimitiveChannel, 87, 100, true);
            }
            _frameIpc.View.Tick();
            _frameIpc.Main.Tick();
        }
    }
}
