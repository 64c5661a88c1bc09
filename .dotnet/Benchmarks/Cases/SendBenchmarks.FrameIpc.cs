using BenchmarkDotNet.Attributes;

namespace FrameIpc.Benchmarks
{
    /// <summary>FrameIPC's rows of the send case: the C# renderer sends, the engine's tick dispatches to one listener.</summary>
    public partial class SendBenchmarks
    {
        private const string PrimitiveChannel = "hud:health";

        private FrameIpcRig _frameIpc = null!;
        private PlayerState? _frameIpcLast;
        private int _frameIpcPrimitive;

        partial void SetupFrameIpc()
        {
            _frameIpc = FrameIpcRig.Create();
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
    }
}
