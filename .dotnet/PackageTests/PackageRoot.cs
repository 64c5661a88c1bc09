using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace FrameIpc.PackageTests
{
    /// <summary>The package root: the folder holding package.json, where Unity sees the package.</summary>
    internal static class PackageRoot
    {
        private static readonly Lazy<string> Root = new Lazy<string>(Find);

        public static string Path => Root.Value;

        /// <summary>Absolute path of a package-relative path written with '/'.</summary>
        public static string Combine(string relative) =>
            System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

        private static string Find()
        {
            // FRAMEIPC_PACKAGE_ROOT checks another copy (a broken one, to see these tests fail).
            string? overridden = Environment.GetEnvironmentVariable("FRAMEIPC_PACKAGE_ROOT");
            if (!string.IsNullOrEmpty(overridden))
            {
                return WalkUp(System.IO.Path.GetFullPath(overridden))
                    ?? throw new InvalidOperationException("FRAMEIPC_PACKAGE_ROOT=" + overridden + " holds no package.json");
            }

            // Walk up from the test assembly first (a build inside the repo), then fall back to the
            // path baked in at build time, since FRAMEIPC_BUILD_ROOT may put the output anywhere.
            string assemblyDir = System.IO.Path.GetDirectoryName(typeof(PackageRoot).Assembly.Location) ?? "";
            string? found = WalkUp(assemblyDir);
            if (found != null) return found;

            string? baked = typeof(PackageRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "FrameIpcPackageRoot")?.Value;
            if (!string.IsNullOrEmpty(baked))
            {
                found = WalkUp(System.IO.Path.GetFullPath(baked));
                if (found != null) return found;
            }
            throw new InvalidOperationException(
                "No package.json above " + assemblyDir + " nor at the build's package root '" + baked + "'.");
        }

        private static string? WalkUp(string start)
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "package.json"))
                    && Directory.Exists(System.IO.Path.Combine(dir.FullName, "Runtime")))
                {
                    return dir.FullName;
                }
            }
            return null;
        }
    }
}
