using System;
using System.IO;
using System.Threading;

namespace FrameIpc.Demo
{
    /// <summary><c>dotnet run --project Samples~/Demo [-- --port 8080]</c>: prints the HUD's URL, then one line of stats a second.</summary>
    public static class Program
    {
        /// <summary>Runs the demo until Ctrl+C (or <c>--seconds</c>).</summary>
        public static int Main(string[] args)
        {
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (sender, e) =>
            {
                e.Cancel = true; // stop cleanly: the loop ends, the server closes its connections
                stop.Cancel();
            };
            return Run(args, Console.Out, Console.Error, stop.Token);
        }

        /// <summary>
        /// The demo with its streams given (the tests read them). Returns 0 after a clean run, 2 for a bad option,
        /// 3 when the server cannot listen; each failure is one line on <paramref name="error"/>, never a stack trace.
        /// </summary>
        public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
        {
            DemoOptions options;
            try { options = DemoOptions.Parse(args); }
            catch (ArgumentException ex)
            {
                error.WriteLine(ex.Message);
                return 2;
            }
            options.Output = output;
            DemoHost host;
            try { host = new DemoHost(options); }
            catch (DirectoryNotFoundException ex)
            {
                error.WriteLine(ex.Message + " (demo option: --pages DIR)");
                return 2;
            }
            using (host)
            {
                try { host.Start(); }
                catch (InvalidOperationException ex)
                {
                    // A port in use is a fact to report, not a crash: one line, and how to pick another.
                    error.WriteLine(ex.Message + " (demo option: --port N, or --port 0 for any free port)");
                    return 3;
                }
                output.WriteLine("FrameIPC demo: a simulated {0} fps game loop serving the HUD Overlay page.", options.FramesPerSecond);
                output.WriteLine("Open this URL in a browser (Ctrl+C to stop; it stays valid when the demo restarts):");
                output.WriteLine("  " + host.PageUrl);
                output.WriteLine(DemoStats.Legend);
                host.Run(cancellationToken);
                output.WriteLine("Stopped after {0} frames.", host.Loop.Frame);
            }
            return 0;
        }
    }
}
