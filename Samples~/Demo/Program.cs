using System;
using System.Threading;

namespace FrameIpc.Demo
{
    /// <summary><c>dotnet run --project Samples~/Demo [-- --port 8080]</c>: prints the HUD's URL, then one line of stats a second.</summary>
    public static class Program
    {
        /// <summary>Runs the demo until Ctrl+C (or <c>--seconds</c>).</summary>
        public static int Main(string[] args)
        {
            DemoOptions options;
            try { options = DemoOptions.Parse(args); }
            catch (Exception ex) when (ex is ArgumentException || ex is FormatException)
            {
                Console.Error.WriteLine(ex.Message);
                return 2;
            }
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (sender, e) =>
            {
                e.Cancel = true; // stop cleanly: the loop ends, the server closes its connections
                stop.Cancel();
            };
            using var host = new DemoHost(options);
            host.Start();
            options.Output.WriteLine("FrameIPC demo: a simulated {0} fps game loop serving the HUD Overlay page.", options.FramesPerSecond);
            options.Output.WriteLine("Open this URL in a browser (Ctrl+C to stop):");
            options.Output.WriteLine("  " + host.PageUrl);
            host.Run(stop.Token);
            options.Output.WriteLine("Stopped after {0} frames.", host.Loop.Frame);
            return 0;
        }
    }
}
