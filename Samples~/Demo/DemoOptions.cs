using System;
using System.Globalization;
using System.IO;
using System.Reflection;

namespace FrameIpc.Demo
{
    /// <summary>How the demo runs; every field has the default the command line starts from.</summary>
    public sealed class DemoOptions
    {
        /// <summary>The folder served over HTTP. Default: the HUD Overlay sample beside this project.</summary>
        public string PageFolder { get; set; } = DefaultPageFolder();

        /// <summary>
        /// The dev server's port. Default <see cref="WebSocketDevServerOptions.DefaultPort"/> (21820), the same every run, so
        /// an open page reconnects after the demo restarts; 0 picks a free one.
        /// </summary>
        public int Port { get; set; } = WebSocketDevServerOptions.DefaultPort;

        /// <summary>Simulated frames per second. Default 60.</summary>
        public double FramesPerSecond { get; set; } = 60;

        /// <summary>How long to run. Default: until cancelled (Ctrl+C).</summary>
        public TimeSpan Duration { get; set; } = TimeSpan.MaxValue;

        /// <summary>Where the URL and the per-second stats go. Default standard output.</summary>
        public TextWriter Output { get; set; } = Console.Out;

        /// <summary>
        /// Parses <c>--port N</c>, <c>--fps N</c>, <c>--seconds N</c>, <c>--pages DIR</c>; throws <see cref="ArgumentException"/>
        /// with a one-line message naming the option on anything else or on a value out of range.
        /// </summary>
        public static DemoOptions Parse(string[] args)
        {
            var o = new DemoOptions();
            for (int i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--port": o.Port = (int)Number(args[i], Next(), 0, 65535, integer: true); break;
                    case "--fps": o.FramesPerSecond = Number(args[i], Next(), 1, 1000, integer: false); break;
                    case "--seconds": o.Duration = TimeSpan.FromSeconds(Number(args[i], Next(), 0, 1e6, integer: false)); break;
                    case "--pages": o.PageFolder = Path.GetFullPath(Next()); break;
                    default: throw new ArgumentException($"Unknown option '{args[i]}'. Options: --port N, --fps N, --seconds N, --pages DIR");
                }
            }
            return o;
        }

        private static double Number(string option, string text, double min, double max, bool integer)
        {
            var style = integer ? NumberStyles.None : NumberStyles.AllowDecimalPoint;
            if (!double.TryParse(text, style, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
                throw new ArgumentException($"{option} needs {(integer ? "a whole number" : "a number")} from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
            return value;
        }

        private static string DefaultPageFolder()
        {
            foreach (var a in typeof(DemoOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
                if (a.Key == "HudOverlayFolder" && a.Value != null && Directory.Exists(a.Value)) return a.Value;
            return Path.Combine(AppContext.BaseDirectory, "HudOverlay");
        }
    }
}
