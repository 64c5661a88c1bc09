using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using FrameIpc.Tests;

namespace FrameIpc.Benchmarks
{
    /// <summary>
    /// <c>--first-message [--processes N]</c>: the first typed message of a fresh process, the hitch issue 12 is about.
    /// Each sample is a new process (this program again, with <c>--first-message-child KIND</c>) that constructs an
    /// <see cref="IpcMain"/> (where the process's first engine warms the machinery up, <c>IpcOptions.WarmUp</c>), attaches an
    /// in-memory renderer and ticks through the handshake, then times with <see cref="Stopwatch"/> the first message of a
    /// payload type it has not used yet: the engine tick that receives and decodes it, and an engine send of it with the
    /// tick that encodes and flushes it. KIND is <c>generated</c> (an [IpcMessage] type), <c>newtonsoft</c> (its unmarked
    /// twin) or <c>primitive</c> (three primitive arguments: the machinery alone); each runs as the process's very first
    /// message, and again after one primitive message each way (<c>--after-primitive</c>), which leaves the payload
    /// type's own first-use cost. Prints the median and the maximum over N processes (default 15) of each time, and of the
    /// methods the JIT compiled on the engine's thread in three of them (a count the machine's load does not change).
    /// <c>--baseline PATH</c> (another build's FrameIpc.Benchmarks.dll) alternates its children with this build's and
    /// prints both rows. A measurement, not a test: it asserts nothing about time.
    /// </summary>
    public static class FirstMessageBenchmark
    {
        private const string Channel = "hud:state";

        public static int Run(IReadOnlyList<string> args)
        {
            int processes = 15;
            string? baseline = null;
            for (int i = 0; i + 1 < args.Count; i++)
            {
                if (args[i] == "--processes") processes = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                if (args[i] == "--baseline") baseline = System.IO.Path.GetFullPath(args[i + 1]);
            }

            // Each child prints the five times of Times, then the methods the JIT compiled on its thread in three of them.
            // With a baseline (another build's FrameIpc.Benchmarks.dll), its children alternate with this build's, process
            // by process, so load changes during the run fall on both alike; an older child's missing figures print as "–".
            var builds = baseline == null ? new[] { (string?)null } : new[] { baseline, null };
            var rows = new List<(string Name, double[][] First, double[][] AfterPrimitive)>();
            foreach (var kind in new[] { "generated", "newtonsoft", "primitive" })
            {
                string name = kind == "generated" ? "PlayerState, [IpcMessage] (generated codec)"
                    : kind == "newtonsoft" ? "PlayerState, unmarked (Newtonsoft)" : "(87, 100, true), primitives";
                var first = Samples(kind, false, processes, builds);
                var after = Samples(kind, true, processes, builds);
                for (int b = 0; b < builds.Length; b++)
                    rows.Add((builds.Length == 1 ? name : name + (builds[b] == null ? ", this build" : ", baseline"), first[b], after[b]));
            }
            Console.WriteLine($"The first message of a fresh process: {processes} processes per row, Stopwatch, ms (median / max).");
            PrintTable(rows, Times, 0, "0.00");
            Console.WriteLine();
            Console.WriteLine("Methods the JIT compiled on the engine's thread (median / max): load-independent.");
            PrintTable(rows, CompiledIn, Times.Length, "0");
            return 0;
        }

        private static readonly string[] Times =
            { "engine tick receiving it", "engine send + tick", "registering the listener", "constructing the IpcMain", "attaching the view + handshake" };

        private static readonly string[] CompiledIn = { "engine tick receiving it", "constructing the IpcMain", "attaching the view + handshake" };

        /// <summary>Samples per build (null: this program), the builds' children alternating.</summary>
        private static double[][][] Samples(string kind, bool afterPrimitive, int processes, string?[] builds)
        {
            var samples = new double[builds.Length][][];
            for (int b = 0; b < builds.Length; b++) samples[b] = new double[processes][];
            for (int p = 0; p < processes; p++)
                for (int b = 0; b < builds.Length; b++) samples[b][p] = RunChild(builds[b], kind, afterPrimitive);
            return samples;
        }

        private static void PrintTable(List<(string Name, double[][] First, double[][] AfterPrimitive)> rows, string[] columns, int offset, string format)
        {
            Console.WriteLine("| payload | " + string.Join(" | ", columns.Select(c => "first message of the process: " + c)) + " | " +
                              string.Join(" | ", columns.Select(c => "after one primitive message each way: " + c)) + " |");
            Console.WriteLine("|---|" + string.Concat(Enumerable.Repeat("---:|", columns.Length * 2)));
            foreach (var (name, first, after) in rows)
            {
                var cells = new List<string>();
                foreach (var samples in new[] { first, after })
                    for (int c = 0; c < columns.Length; c++)
                    {
                        var values = samples.Select(v => offset + c < v.Length ? v[offset + c] : double.NaN).ToList();
                        cells.Add(double.IsNaN(values[0]) ? "–"
                            : $"{Median(values).ToString(format, CultureInfo.InvariantCulture)} / {values.Max().ToString(format, CultureInfo.InvariantCulture)}");
                    }
                Console.WriteLine($"| {name} | {string.Join(" | ", cells)} |");
            }
        }

        /// <summary>
        /// In the child process: one first message each way, timed; prints "receive-ms send-ms register-ms construct-ms
        /// connect-ms" (registering the engine's listener, where a typed listener initialises its type's codec;
        /// constructing the process's first <see cref="IpcMain"/>, where the machinery is warmed up unless IpcOptions.WarmUp
        /// is off; attaching the view and ticking through its handshake). With
        /// <paramref name="afterPrimitive"/>, one message of primitive arguments crosses each way first (untimed), so the
        /// machinery's own first use (its JIT) is paid and what is left is the payload type's.
        /// </summary>
        public static int Child(string kind, bool afterPrimitive)
        {
            // Constructing the engine (where a process's first engine warms the messaging machinery up) and attaching the
            // view through its handshake are timed apart.
            IpcHarness? made = null;
            double constructMs = Time(() => made = new IpcHarness());
            long constructMethods = s_lastMethods;
            using var ipc = made!;
            double connectMs = Time(() =>
            {
                ipc.AddView().Renderer.Connect();
                if (!ipc.TickUntilReady()) throw new InvalidOperationException("the view never finished its handshake");
            });
            long connectMethods = s_lastMethods;
            if (afterPrimitive)
            {
                int seen = 0;
                ipc.Main.On("warm", e => seen += e.Arg<int>(0));
                ipc.View.On("warm", e => seen += e.Arg<int>(0));
                ipc.View.Send("warm", 1, true);
                ipc.Links[0].Contents.Send("warm", 2, true);
                ipc.TickAll();
                ipc.TickAll();
                if (seen != 3) throw new InvalidOperationException("the warm-up messages did not arrive");
            }
            double receiveMs, sendMs, registerMs;
            if (kind == "primitive")
            {
                int got = 0;
                registerMs = Time(() => ipc.Main.On(Channel, e => got = e.Arg<int>(0) + e.Arg<int>(1) + (e.Arg<bool>(2) ? 1 : 0)));
                ipc.View.Send(Channel, 87, 100, true);
                ipc.View.Tick();
                receiveMs = Time(() => ipc.Main.Tick());
                s_receiveMethods = s_lastMethods;
                if (got != 188) throw new InvalidOperationException("the primitive message did not arrive intact");
                sendMs = Time(() =>
                {
                    ipc.Links[0].Contents.Send(Channel, 87, 100, true);
                    ipc.Main.Tick();
                });
            }
            else if (kind == "generated") (receiveMs, sendMs, registerMs) = Measure(ipc, GeneratedPlayerState.Sample, GeneratedPlayerState.Check);
            else (receiveMs, sendMs, registerMs) = Measure(ipc, PlayerState.Sample, PlayerState.Check);
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0:R} {1:R} {2:R} {3:R} {4:R} {5} {6} {7}", receiveMs, sendMs, registerMs,
                constructMs, connectMs, s_receiveMethods, constructMethods, connectMethods));
            return 0;
        }

        /// <summary>
        /// The first message of <typeparamref name="T"/> each way: the engine tick receiving it, then an engine send and its
        /// tick; and, before them, registering the engine's listener.
        /// </summary>
        private static (double Receive, double Send, double Register) Measure<T>(IpcHarness ipc, T sample, Action<T?> check) where T : class
        {
            T? got = null;
            double register = Time(() => ipc.Main.On<T>(Channel, (e, state) => got = state));
            ipc.View.Send(Channel, sample);
            ipc.View.Tick();
            double receive = Time(() => ipc.Main.Tick());
            s_receiveMethods = s_lastMethods;
            check(got);
            double send = Time(() =>
            {
                ipc.Links[0].Contents.Send(Channel, sample);
                ipc.Main.Tick();
            });
            return (receive, send, register);
        }

        private static long s_receiveMethods; // methods the JIT compiled in the tick receiving the first message
        private static long s_lastMethods; // methods the JIT compiled on this thread during the last Time call

        private static double Time(Action action)
        {
            long methods = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true);
            long start = Stopwatch.GetTimestamp();
            action();
            double ms = (Stopwatch.GetTimestamp() - start) * 1000.0 / Stopwatch.Frequency;
            s_lastMethods = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true) - methods;
            return ms;
        }

        private static double[] RunChild(string? build, string kind, bool afterPrimitive)
        {
            // This program again (through the dotnet host when it runs as a .dll, directly as an apphost), or the baseline.
            string host = build != null ? "dotnet" : Environment.ProcessPath ?? "dotnet";
            string self = build ?? Assembly.GetEntryAssembly()!.Location;
            bool viaDotnet = System.IO.Path.GetFileNameWithoutExtension(host) == "dotnet";
            var start = new ProcessStartInfo(host)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (viaDotnet) start.ArgumentList.Add(self);
            start.ArgumentList.Add("--first-message-child");
            start.ArgumentList.Add(kind);
            if (afterPrimitive) start.ArgumentList.Add("--after-primitive");
            using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start " + host);
            string output = child.StandardOutput.ReadToEnd();
            string errors = child.StandardError.ReadToEnd();
            child.WaitForExit();
            if (child.ExitCode != 0) throw new InvalidOperationException($"the {kind} child failed ({child.ExitCode}): {errors}{output}");
            return output.Trim().Split(' ').Select(part => double.Parse(part, CultureInfo.InvariantCulture)).ToArray();
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted[sorted.Count / 2];
        }
    }
}
