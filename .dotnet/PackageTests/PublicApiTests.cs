using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using NUnit.Framework;

namespace FrameIpc.PackageTests
{
    /// <summary>
    /// The public API of the built FrameIpc assembly is listed in <see cref="ListFile"/>, checked in, so any change to
    /// the surface shows in review. To accept a change, run <see cref="AcceptCommand"/>.
    /// </summary>
    [TestFixture]
    public sealed class PublicApiTests
    {
        public const string ListFile = ".dotnet/PackageTests/PublicApi.txt";
        public const string ActualFile = ".dotnet/PackageTests/PublicApi.actual.txt";
        public const string AcceptVariable = "FRAMEIPC_ACCEPT_API";
        public const string AcceptCommand = AcceptVariable + "=1 dotnet test .dotnet/PackageTests/FrameIpc.PackageTests.csproj --filter FullyQualifiedName~PublicApiTests";

        /// <summary>
        /// Newtonsoft.Json types allowed on the public surface, with the user hook that needs each: only the JSON settings
        /// hook (<c>IpcJsonOptions</c>). Arguments are still written through <c>IpcArgWriter</c> and read as values.
        /// </summary>
        private static readonly Dictionary<string, string> AllowedNewtonsoft = new Dictionary<string, string>
        {
            ["FrameIpc.IpcJsonOptions.NamingStrategy"] = "the naming policy is Newtonsoft's NamingStrategy",
            ["FrameIpc.IpcJsonOptions.Converters"] = "user converters are Newtonsoft JsonConverters",
            ["FrameIpc.IpcJsonOptions.Configure"] = "the escape hatch receives Newtonsoft's settings (safety settings re-imposed after)",
        };

        private static Assembly FrameIpc => typeof(global::FrameIpc.IpcMain).Assembly;

        [Test]
        public void ThePublicApiMatchesItsList()
        {
            var actual = PublicApi.Lines(FrameIpc);
            string listPath = PackageRoot.Combine(ListFile), actualPath = PackageRoot.Combine(ActualFile);
            string text = string.Join("\n", actual) + "\n";
            if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
            {
                File.WriteAllText(listPath, text);
                if (File.Exists(actualPath)) File.Delete(actualPath);
                TestContext.WriteLine($"{ListFile} rewritten: {actual.Count} lines.");
            }
            var expected = File.Exists(listPath) ? File.ReadAllLines(listPath).Where(l => l.Length > 0).ToList() : new List<string>();
            var removed = expected.Except(actual, StringComparer.Ordinal).Select(l => "- " + l).ToList();
            var added = actual.Except(expected, StringComparer.Ordinal).Select(l => "+ " + l).ToList();
            if (removed.Count + added.Count == 0)
            {
                if (File.Exists(actualPath)) File.Delete(actualPath);
                Assert.That(actual, Is.EqualTo(expected), "the list is sorted as generated");
                return;
            }
            File.WriteAllText(actualPath, text);
            Assert.Fail($"The public API differs from {ListFile} ({removed.Count} removed, {added.Count} added):" + Listing.Of(removed.Concat(added)) +
                $"\nThe actual list is in {ActualFile}. If the change is meant, accept it with:\n  {AcceptCommand}\nand commit {ListFile}.");
        }

        [Test]
        public void NoNewtonsoftTypeIsPublicExceptWhereAHookNeedsIt()
        {
            var found = PublicApi.Mentions(FrameIpc)
                .SelectMany(m => PublicApi.Parts(m.Type).Select(t => (m.Where, Type: t)))
                .Where(m => m.Type.Assembly.GetName().Name == "Newtonsoft.Json" && !AllowedNewtonsoft.ContainsKey(m.Where))
                .Select(m => $"{m.Where}: {PublicApi.Name(m.Type)}")
                .Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
            Assert.That(found, Is.Empty, "Newtonsoft.Json on FrameIpc's public surface:" + Listing.Of(found));
        }

        [Test]
        public void TheListerSeesWhatItMustSee()
        {
            // Checked against types whose shape is known, so a lister that printed nothing could not pass the tests above.
            var lines = PublicApi.Lines(FrameIpc);
            Assert.That(lines, Has.Member("FrameIpc.IpcMain (sealed class) : FrameIpc.IpcEmitter, System.IDisposable"));
            Assert.That(lines, Has.Member("FrameIpc.EnvelopeKind.Send = 3"));
            Assert.That(lines, Has.Member("FrameIpc.IpcArgWriter.Write<T>(T value): void"));
            Assert.That(lines.Where(l => l.StartsWith("FrameIpc.WebSocketFrameTransport", StringComparison.Ordinal)).ToList(), Is.Empty, "internal types are not listed");
            Assert.That(PublicApi.Name(typeof(Dictionary<string, int?>[])), Is.EqualTo("System.Collections.Generic.Dictionary<string, int?>[]"));
        }
    }
}
