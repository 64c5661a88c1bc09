using System;
using System.IO;
using System.Reflection;

namespace FrameIpc.Demo
{
    /// <summary>How the demo runs; every field has the default the command line starts from.</summary>
    public sealed class DemoOptions
    {
        /// <summary>The folder served over HTTP. Default: the HUD Overlay sample beside this project.</summary>
        public string PageFolder { get; set; } = DefaultPageFolder();

        /// <summary>The dev server's port. Default 0: a free one.</summary>
        public int Port { get; set; }

        /// <summary>Simulated frames per second. Default 60.</summary>
        public double FramesPerSecond { get; set; } = 60;

        /// <summary>How long to run. Default: until cancelled (Ctrl+C).</summary>
        public TimeSpan Duration { get; set; } = TimeSpan.MaxValue;

        /// <summary>Where the URL and the per-second stats go. Default standard output.</summary>
        public TextWriter Output { get; set; } = Console.Out;

        /// <summary>Parses <c>--port N</c>, <c>--fps N</c>, <c>--seconds N</c>, <c>--pages DIR</c>; throws <see cref="ArgumentException"/> on anything else.</summary>
        public static DemoOptions Parse(string[] args)
        {
            var o = new DemoOptions();
            for (int i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--port": o.Port = int.Parse(Next()); break;
                    case "--fps": o.FramesPerSecond = double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                    case "--seconds": o.Duration = TimeSpan.FromSeconds(double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture)); break;
                    case "--pages": o.PageFolder = Path.GetFullPath(Next()); break;
                    default: throw new ArgumentException($"Unknown option '{args[i]}'. Options: --port N, --fps N, --seconds N, --pages DIR");
                }
            }
            return o;
        }

        private static string DefaultPageFolder()
        {
            foreach (var a in typeof(DemoOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
                if (a.Key == "HudOverlayFolder" && a.Value != null && Directory.Exists(a.Value)) return a.Value;
            return Path.Combine(AppContext.BaseDirectory, "HudOverlay");
        }
    }
}
