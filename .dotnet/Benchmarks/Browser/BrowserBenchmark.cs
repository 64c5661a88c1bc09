using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace FrameIpc.Benchmarks
{
    /// <summary>
    /// <c>--browser</c>: headless Chromium loads bench.html from the WebSocket dev server, and ipc-renderer.js sends
    /// bursts to an engine ticking at 60 fps. Prints messages/s page→engine and the time of an invoke burst, in ms and
    /// in frames. Options: <c>--messages N</c> (default 100,000), <c>--invokes N</c> (10,000), <c>--rounds N</c> (5),
    /// <c>--devtools</c> (drive the page with Playwright over DevTools instead of letting it run alone; see <see cref="BrowserLauncher"/>).
    /// </summary>
    public static class BrowserBenchmark
    {
        private const double FrameMs = 1000.0 / 60;

        public static int Run(IReadOnlyList<string> args) => RunAsync(
            Option(args, "--messages", 100_000), Option(args, "--invokes", 10_000), Option(args, "--rounds", 5), args.Contains("--devtools")).GetAwaiter().GetResult();

        private static async Task<int> RunAsync(int messages, int invokes, int rounds, bool devTools)
        {
            string pages = Path.Combine(AppContext.BaseDirectory, "Browser");
            using var engine = new BrowserEngine();
            using var server = new WebSocketDevServer(engine.Main, new WebSocketDevServerOptions { Enabled = true, Port = 0, StaticFilesRoot = pages });
            server.Log += line => Console.Error.WriteLine("dev server: " + line);
            server.Start();
            engine.Start();

            (string version, string json, IReadOnlyList<string> pageErrors) =
                await BrowserLauncher.RunAsync(engine, server.PageUrl("bench.html"), messages, invokes, rounds, devTools);

            JObject result = JObject.Parse(json);
            Console.WriteLine($"FrameIPC in a real browser: {version}, headless, WebSocket dev server on loopback, engine ticking at 60 fps.");
            Console.WriteLine("Payload: PlayerState (~100 characters of JSON), decoded to the C# type by the engine's listener / handler: " +
                              "through Newtonsoft (unmarked) or through its [IpcMessage] twin's generated codec.");
            bool ok = pageErrors.Count == 0;
            double typedRate = Sends("PlayerState", result["sends"]!, messages, ref ok);
            double generatedRate = Sends("PlayerState [IpcMessage]", result["generatedSends"]!, messages, ref ok);
            double typedBurst = Invokes("state:get → PlayerState", result["invokes"]!, invokes, ref ok);
            double primitiveRate = Sends("(87, 100, true)", result["primitiveSends"]!, messages, ref ok);
            double primitiveBurst = Invokes("math:double int → int", result["primitiveInvokes"]!, invokes, ref ok);
            Console.WriteLine();
            Console.WriteLine($"| browser (Chromium, WebSocket, 60 fps engine), median of {rounds} | PlayerState (Newtonsoft) | PlayerState [IpcMessage] (generated codec) | primitive args |");
            Console.WriteLine("|---|---:|---:|---:|");
            Console.WriteLine($"| page→engine sends ({messages:N0} in a burst) | {typedRate:N0} msg/s | {generatedRate:N0} msg/s | {primitiveRate:N0} msg/s |");
            Console.WriteLine($"| {invokes:N0} invokes in a burst | {typedBurst:0} ms = {typedBurst / FrameMs:0.0} frames | – | {primitiveBurst:0} ms = {primitiveBurst / FrameMs:0.0} frames |");
            foreach (string error in pageErrors) Console.Error.WriteLine("page error: " + error);
            Console.WriteLine(ok ? "FrameIpc.Benchmarks --browser: every message and invoke arrived intact." : "FrameIpc.Benchmarks --browser: FAILED (see above).");
            return ok ? 0 : 1;
        }

        private static double Sends(string payload, JToken bursts, int messages, ref bool ok)
        {
            var rates = new List<double>();
            foreach (JToken burst in bursts)
            {
                double ms = (double)burst["ms"]!;
                JToken engine = burst["engine"]!;
                ok &= (int)engine["received"]! == messages && (int)engine["wrong"]! == 0;
                rates.Add(messages / (ms / 1000));
                Console.WriteLine($"  send burst {payload}: {messages:N0} in {ms:0} ms = {messages / (ms / 1000):N0} msg/s page→engine " +
                                  $"(page queued them in {(double)burst["queuedMs"]!:0} ms; engine dispatched first→last in {(double)engine["firstToLastMs"]!:0} ms " +
                                  $"over {(long)engine["frames"]!} ticks, {(double)engine["tickMs"]!:0} ms of it inside Tick, at most {(int)engine["busiestTick"]!:N0} per tick; " +
                                  $"received {(int)engine["received"]!:N0})");
            }
            return Median(rates);
        }

        private static double Invokes(string call, JToken bursts, int invokes, ref bool ok)
        {
            var times = new List<double>();
            foreach (JToken burst in bursts)
            {
                double ms = (double)burst["ms"]!;
                JToken engine = burst["engine"]!;
                ok &= (int)engine["answered"]! == invokes && (int)burst["wrong"]! == 0;
                times.Add(ms);
                Console.WriteLine($"  invoke burst {call}: {invokes:N0} answered in {ms:0} ms = {ms / FrameMs:0.0} frames at 60 fps " +
                                  $"(page issued them in {(double)burst["queuedMs"]!:0} ms; engine ticks during the burst: {(long)engine["frames"]! - 1}, " +
                                  $"{(double)engine["tickMs"]!:0} ms inside Tick, at most {(int)engine["busiestTick"]!:N0} messages per tick; answered {(int)engine["answered"]!:N0})");
            }
            return Median(times);
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
        }

        private static int Option(IReadOnlyList<string> args, string name, int fallback)
        {
            for (int i = 0; i + 1 < args.Count; i++)
            {
                if (args[i] == name) return int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
            return fallback;
        }
    }
}
