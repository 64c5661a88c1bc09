using System;
using System.Collections.Generic;
using System.Globalization;
using FrameIpc.Tests;

namespace FrameIpc.Benchmarks
{
    /// <summary>
    /// <c>--tick-loop TICKS [ROUNDS] [--with-send]</c>: the engine's tick of <see cref="GeneratedCodecBenchmarks.Tick"/>
    /// (10,000 queued <see cref="GeneratedPlayerState"/> messages to an <c>On&lt;T&gt;</c> listener) run TICKS times per
    /// round, without BenchmarkDotNet. The frames are captured off the engine's transport once and replayed into its
    /// connection before each tick, so only the receive path runs (with <c>--with-send</c>, the view sends them each time).
    /// Prints the best tick of each round in ns of process CPU time per message. Made for instruction counts: under valgrind callgrind with
    /// <c>DOTNET_TieredCompilation=0</c>, the difference between a 1-tick and a 3-tick run is two ticks' work
    /// (<c>.tools/callgrind-tick.sh</c>); and for A/B loops of two builds, best of rounds.
    /// </summary>
    internal static class TickReceiveLoop
    {
        private const string Channel = "hud:state";
        private const int Messages = 10_000;
        private const int SendsPerFlush = 1000;

        public static int Run(List<string> args)
        {
            bool withSend = args.Remove("--with-send");
            int ticks = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1;
            int rounds = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
            var options = new IpcOptions { MaxMessagesPerTick = Messages, TickTimeBudget = TimeSpan.FromSeconds(10) };
            CapturingTransport? engineEnd = null;
            using var ipc = IpcHarness.Connected(options: options, wrap: t => engineEnd == null ? engineEnd = new CapturingTransport(t) : t);
            int received = 0;
            GeneratedPlayerState? last = null;
            ipc.Main.On<GeneratedPlayerState>(Channel, (e, state) => { last = state; received++; });

            engineEnd!.Recording = true;
            Queue(ipc);
            engineEnd.Recording = false;
            ipc.Main.Tick();
            Check(ref received, last);

            // Process CPU time, as the suite measures (Harness/ProcessCpuClock.cs): a busy machine delays a tick, the CPU
            // time it takes changes less.
            var clock = new ProcessCpuClock();
            if (!clock.IsAvailable) throw new PlatformNotSupportedException("--tick-loop needs clock_gettime's process CPU clock (Linux).");
            double best = double.MaxValue;
            for (int round = 0; round < rounds; round++)
            {
                double roundBest = double.MaxValue;
                for (int tick = 0; tick < ticks; tick++)
                {
                    if (withSend) Queue(ipc);
                    else engineEnd.Replay();
                    long started = clock.GetTimestamp();
                    ipc.Main.Tick();
                    long elapsed = clock.GetTimestamp() - started;
                    Check(ref received, last);
                    roundBest = Math.Min(roundBest, (double)elapsed / Messages);
                }
                best = Math.Min(best, roundBest);
                if (rounds > 1) Console.WriteLine($"round {round + 1}: {roundBest:F1} ns per message");
            }
            Console.WriteLine($"best: {best:F1} ns per message ({engineEnd.Frames} frames per tick, {(withSend ? "sent each tick" : "replayed")})");
            return 0;
        }

        private static void Queue(IpcHarness ipc)
        {
            for (int i = 0; i < Messages; i++)
            {
                ipc.View.Send(Channel, GeneratedPlayerState.Sample);
                if ((i + 1) % SendsPerFlush == 0) ipc.View.Tick();
            }
        }

        private static void Check(ref int received, GeneratedPlayerState? last)
        {
            if (received != Messages) throw new InvalidOperationException($"The tick dispatched {received} of {Messages} messages.");
            GeneratedPlayerState.Check(last);
            received = 0;
        }

        /// <summary>The engine's end of the pair: passes everything through, and keeps a copy of what arrives while recording.</summary>
        private sealed class CapturingTransport : IFrameTransport, IFrameReceiver
        {
            private readonly IFrameTransport _inner;
            private readonly List<string> _frames = new List<string>();
            private IFrameReceiver? _receiver;

            public CapturingTransport(IFrameTransport inner) => _inner = inner;

            public bool Recording { get; set; }
            public int Frames => _frames.Count;
            public bool CanBlockCurrentThread => _inner.CanBlockCurrentThread;

            public void Start(IFrameReceiver receiver)
            {
                _receiver = receiver;
                _inner.Start(this);
            }

            public void Send(ReadOnlySpan<char> frame) => _inner.Send(frame);

            public void Replay()
            {
                foreach (var frame in _frames) _receiver!.OnFrame(frame.AsSpan());
            }

            void IFrameReceiver.OnFrame(ReadOnlySpan<char> frame)
            {
                if (Recording) _frames.Add(frame.ToString());
                _receiver!.OnFrame(frame);
            }

            void IFrameReceiver.OnClosed(string reason) => _receiver!.OnClosed(reason);

            public void Dispose() => _inner.Dispose();
        }
    }
}
