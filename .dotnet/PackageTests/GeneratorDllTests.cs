using System;
using System.Diagnostics;
using System.IO;
using NUnit.Framework;

namespace FrameIpc.PackageTests
{
    /// <summary>
    /// The [IpcMessage] generator ships as a built DLL (Unity runs analyzers only from DLLs): it must be the build of
    /// the current source in .dotnet/Generator, and imported by Unity as an analyzer that no player or Editor loads.
    /// Refresh it with <c>bash .tools/build-generator.sh</c>.
    /// </summary>
    public class GeneratorDllTests
    {
        public const string Shipped = "Runtime/Generator/FrameIpc.Generator.dll";

        [Test]
        public void TheShippedGeneratorIsTheBuildOfTheCurrentSource()
        {
            string output = Path.Combine(Path.GetTempPath(), "frameipc-generator-" + Guid.NewGuid().ToString("N"));
            try
            {
                var start = new ProcessStartInfo("dotnet")
                {
                    ArgumentList = { "build", PackageRoot.Combine(".dotnet/Generator/FrameIpc.Generator.csproj"), "-c", "Release", "-nologo", "-v", "quiet" },
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                start.Environment["FRAMEIPC_BUILD_ROOT"] = output;
                using var build = Process.Start(start)!;
                string log = build.StandardOutput.ReadToEnd() + build.StandardError.ReadToEnd();
                build.WaitForExit();
                Assert.That(build.ExitCode, Is.EqualTo(0), "the generator does not build:\n" + log);

                byte[] built = File.ReadAllBytes(Path.Combine(output, "bin", "FrameIpc.Generator", "Release", "netstandard2.0", "FrameIpc.Generator.dll"));
                byte[] shipped = File.ReadAllBytes(PackageRoot.Combine(Shipped));
                Assert.That(shipped, Is.EqualTo(built),
                    Shipped + " is not the build of .dotnet/Generator: run `bash .tools/build-generator.sh` and commit the DLL");
            }
            finally
            {
                if (Directory.Exists(output)) Directory.Delete(output, true);
            }
        }

        [Test]
        public void TheShippedGeneratorIsAnAnalyzerThatNoPlatformLoads()
        {
            Assert.That(UnityImportRules.IsImported(Shipped), Is.True, "Unity must import the DLL to run it");
            // Inside Runtime/ (FrameIpc.asmdef), so Unity runs it for FrameIpc and every assembly that references it.
            Assert.That(File.Exists(PackageRoot.Combine("Runtime/FrameIpc.asmdef")), Is.True);
            string meta = File.ReadAllText(PackageRoot.Combine(Shipped + ".meta")).Replace("\r\n", "\n");
            Assert.That(meta, Does.Contain("\nlabels:\n- RoslynAnalyzer\n"));
            Assert.That(meta, Does.Contain("\nPluginImporter:\n"));
            Assert.That(meta, Does.Not.Contain("enabled: 1"), "an analyzer is never loaded by the Editor or a player");
            foreach (string platform in new[] { "Editor", "Linux64", "OSXUniversal", "Win", "Win64" })
                Assert.That(meta, Does.Contain("Exclude " + platform + ": 1"));
        }
    }
}
