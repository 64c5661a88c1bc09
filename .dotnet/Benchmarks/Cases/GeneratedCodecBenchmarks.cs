using System;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using FrameIpc.Tests;

namespace FrameIpc.Benchmarks
{
    /// <summary>
    /// FrameIPC with generated [IpcMessage] codecs: the send, invoke and 10,000-message tick cases of the other classes,
    /// with payloads the generator wrote codecs for, plus a struct payload. Compare with the Newtonsoft rows of
    /// SendBenchmarks, InvokeBenchmarks and TickBenchmarks (same harness, same ticks).
    /// </summary>
    [BenchmarkCategory("GeneratedCodecs")]
    public class GeneratedCodecBenchmarks
    {
        private const string Channel = "hud:state";
        private const string PoseChannel = "hud:pose";
        private const int PerFrame = 100;
        private const int Messages = 10_000;
        private const int SendsPerFlush = 1000;

        private IpcHarness _ipc = null!;
        private GeneratedPlayerState? _last;
        private GeneratedPlayerPose _lastPose;
        private int _received;

        [GlobalSetup]
        public void Setup()
        {
            var options = new IpcOptions { MaxMessagesPerTick = Messages, TickTimeBudget = TimeSpan.FromSeconds(10) };
            _ipc = IpcHarness.Connected(options: options);
            _ipc.Main.On<GeneratedPlayerState>(Channel, (e, state) => { _last = state; _received++; });
            _ipc.Main.On<GeneratedPlayerPose>(PoseChannel, (e, pose) => _lastPose = pose);
            _ipc.Main.Handle(Channel, e => e.Arg<int>(0) == 7 ? GeneratedPlayerState.Sample : null);

            // Each path runs once and must deliver its payload intact: a broken case fails here, not in a report.
            Send();
            GeneratedPlayerState.Check(_last);
            SendStruct();
            GeneratedPlayerPose.Check(_lastPose);
            GeneratedPlayerState.Check(Invoke());
            QueueTick();
            Tick();
            CheckTick();

            // Tick runs one 10,000-message tick per iteration, 15 in all: without this its first iterations measured the
            // tiered JIT's tier-0 code (3-8 us per message) rather than the steady state a game reaches in its first
            // seconds, and the median depended on how many fell before the tier-up (performance.md, issue 12).
            for (int round = 0; round < 40; round++)
            {
                QueueTick();
                Tick();
                CheckTick();
            }
            Thread.Sleep(300); // the tiered JIT compiles the methods found hot in the background, after a short delay
        }

        [GlobalCleanup]
        public void Cleanup() => _ipc.Dispose();

        [Benchmark(Description = "FrameIPC send (PlayerState, generated codec)")]
        public void Send()
        {
            _ipc.View.Send(Channel, GeneratedPlayerState.Sample);
            _ipc.View.Tick();
            _ipc.Main.Tick();
        }

        [Benchmark(OperationsPerInvoke = PerFrame, Description = "FrameIPC send (PlayerState, generated codec), 100 per tick")]
        public void SendBatched()
        {
            for (int i = 0; i < PerFrame; i++) _ipc.View.Send(Channel, GeneratedPlayerState.Sample);
            _ipc.View.Tick();
            _ipc.Main.Tick();
        }

        [Benchmark(Description = "FrameIPC send (struct, generated codec)")]
        public void SendStruct()
        {
            _ipc.View.Send(PoseChannel, GeneratedPlayerPose.Sample);
            _ipc.View.Tick();
            _ipc.Main.Tick();
        }

        [Benchmark(OperationsPerInvoke = PerFrame, Description = "FrameIPC send (struct, generated codec), 100 per tick")]
        public void SendStructBatched()
        {
            for (int i = 0; i < PerFrame; i++) _ipc.View.Send(PoseChannel, GeneratedPlayerPose.Sample);
            _ipc.View.Tick();
            _ipc.Main.Tick();
        }

        [Benchmark(Description = "FrameIPC invoke (int → PlayerState, generated codec)")]
        public GeneratedPlayerState Invoke()
        {
            ValueTask<GeneratedPlayerState> call = _ipc.View.InvokeAsync<int, GeneratedPlayerState>(Channel, 7);
            for (int round = 0; round < 10 && !call.IsCompleted; round++) _ipc.TickAll();
            if (!call.IsCompleted) throw new InvalidOperationException("The invoke did not complete within 10 rounds of ticks.");
            return call.GetAwaiter().GetResult();
        }

        [IterationSetup(Target = nameof(Tick))]
        public void QueueTick()
        {
            _received = 0;
            for (int i = 0; i < Messages; i++)
            {
                _ipc.View.Send(Channel, GeneratedPlayerState.Sample);
                if ((i + 1) % SendsPerFlush == 0) _ipc.View.Tick();
            }
        }

        [IterationCleanup(Target = nameof(Tick))]
        public void CheckTick()
        {
            if (_received != Messages) throw new InvalidOperationException($"The tick dispatched {_received} of {Messages} messages.");
            GeneratedPlayerState.Check(_last);
        }

        [Benchmark(OperationsPerInvoke = Messages, Description = "FrameIPC tick (PlayerState, generated codec)")]
        public void Tick() => _ipc.Main.Tick();
    }
}
