using System.Collections.Generic;

namespace FrameIpc.PackageTests
{
    /// <summary>Failure messages list every offender, one a line, so one run shows all there is to fix.</summary>
    internal static class Listing
    {
        public static string Of(IEnumerable<string> items) => "\n  " + string.Join("\n  ", items);
    }
}
