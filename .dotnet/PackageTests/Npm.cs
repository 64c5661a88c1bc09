using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.PackageTests
{
    /// <summary>Runs npm as a user would, in the package root. .ci/run installs Node.js and npm.</summary>
    internal static class Npm
    {
        // Generous: a loaded 2-core machine may take a while to start node.
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

        /// <summary>Runs npm with the arguments and returns its standard output; fails the test on any error.</summary>
        public static string Run(params string[] arguments)
        {
            var (exitCode, output, errors) = RunIn(PackageRoot.Path, offline: true, arguments);
            Assert.That(exitCode, Is.EqualTo(0), "npm " + string.Join(" ", arguments) + " failed:\n" + errors + output);
            return output;
        }

        /// <summary>Runs npm in <paramref name="directory"/> and returns its exit code and output, for a test that expects failure too.</summary>
        public static (int ExitCode, string Output, string Errors) RunIn(string directory, bool offline, params string[] arguments)
        {
            var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments) start.ArgumentList.Add(argument);
            // No network, no prompts: packing is local, and notices would only slow it down.
            start.Environment["npm_config_update_notifier"] = "false";
            start.Environment["npm_config_fund"] = "false";
            start.Environment["npm_config_audit"] = "false";
            if (offline) start.Environment["npm_config_offline"] = "true";

            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException("npm did not start");
            }
            catch (Win32Exception e)
            {
                Assert.Fail("npm is not installed or not on PATH (" + e.Message + "). These tests pack the package the way " +
                    "Unity's \"Add package from tarball\" gets it; .ci/run installs Node.js and npm for them.");
                throw;
            }
            using (process)
            {
                Task<string> stdout = process.StandardOutput.ReadToEndAsync();
                Task<string> stderr = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
                {
                    process.Kill(entireProcessTree: true);
                    Assert.Fail("npm " + string.Join(" ", arguments) + " did not finish in " + Timeout);
                }
                process.WaitForExit();
                return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
            }
        }
    }
}
