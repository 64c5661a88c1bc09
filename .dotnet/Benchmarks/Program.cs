using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FrameIpc.Benchmarks
{
    /// <summary>
    /// <c>-- --filter '*'</c> runs the full suite (timed in process CPU time; <c>--wall-clock</c> for elapsed time);
    /// <c>--dry</c> runs every benchmark once (CI); <c>--browser</c> measures headless Chromium over the WebSocket dev
    /// server; <c>--first-message</c> times the first typed message of fresh processes; <c>--tick-loop</c> runs the 10,000-message
    /// tick alone (instruction counts, A/B loops). Any other BenchmarkDotNet switch
    /// passes through.
    /// Exits non-zero if any benchmark failed, so a broken case cannot pass CI silently.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var rest = new List<string>(args);
            if (rest.Remove("--browser"))
            {
                return BrowserBenchmark.Run(rest);
            }
            if (rest.Remove("--tick-loop"))
            {
                return TickReceiveLoop.Run(rest);
            }
            if (rest.Remove("--first-message"))
            {
                return FirstMessageBenchmark.Run(rest);
            }
            int child = rest.IndexOf("--first-message-child");
            if (child >= 0 && child + 1 < rest.Count)
            {
                return FirstMessageBenchmark.Child(rest[child + 1], rest.Contains("--after-primitive"));
            }
            bool dry = rest.Remove("--dry");
            bool wallClock = rest.Remove("--wall-clock");
            if (!rest.Contains("--filter"))
            {
                // Without a filter BenchmarkDotNet asks on stdin which benchmark to run; CI has no stdin.
                rest.Add("--filter");
                rest.Add("*");
            }
            IConfig config = dry ? BenchmarkConfigs.Dry() : BenchmarkConfigs.Full(wallClock);
            Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest.ToArray(), config).ToArray();
            if (!dry)
            {
                PeerRatioReport.Print(summaries, Console.Out, wallClock ? "elapsed time" : "process CPU time");
            }
            return SummaryCheck.Failures(summaries, Console.Error) == 0 ? 0 : 1;
        }
    }
}
