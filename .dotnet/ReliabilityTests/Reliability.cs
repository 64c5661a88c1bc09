using System;
using System.Globalization;

namespace FrameIpc.ReliabilityTests
{
    /// <summary>Settings shared by the runs: sizes can be changed from the environment to explore.</summary>
    internal static class Reliability
    {
        public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

        public static int EnvInt(string name, int fallback)
        {
            var text = Environment.GetEnvironmentVariable(name);
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : fallback;
        }
    }
}
