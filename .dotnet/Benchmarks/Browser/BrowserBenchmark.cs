using System;
using System.Collections.Generic;

namespace FrameIpc.Benchmarks
{
    /// <summary>The headless-Chromium measurement over the WebSocket dev server (see Documentation~/performance.md).</summary>
    public static class BrowserBenchmark
    {
        public static int Run(IReadOnlyList<string> args)
        {
            Console.Error.WriteLine("--browser: the WebSocket dev server is not part of this build yet.");
            return 2;
        }
    }
}
