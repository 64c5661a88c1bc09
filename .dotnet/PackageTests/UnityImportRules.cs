using System;

namespace FrameIpc.PackageTests
{
    /// <summary>
    /// Which names Unity imports, as the manual's "Hidden assets" lists them. .tools/meta.py applies
    /// the same rules; change both together.
    /// </summary>
    internal static class UnityImportRules
    {
        public const string MetaExtension = ".meta";

        /// <summary>Names Unity skips, with everything inside them.</summary>
        public static bool IsHidden(string name) =>
            name.StartsWith(".", StringComparison.Ordinal)
            || name.EndsWith("~", StringComparison.Ordinal)
            || string.Equals(name, "cvs", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase);

        /// <summary>True when Unity imports the package-relative path (written with '/').</summary>
        public static bool IsImported(string relativePath)
        {
            foreach (string segment in relativePath.Split('/'))
            {
                if (segment.Length == 0 || IsHidden(segment)) return false;
            }
            return true;
        }

        public static bool IsMeta(string relativePath) =>
            relativePath.EndsWith(MetaExtension, StringComparison.Ordinal);
    }
}
