using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NUnit.Framework;

namespace FrameIpc.PackageTests
{
    /// <summary>
    /// The .NET build grants internals through csproj items, which Unity never reads. Unity compiles
    /// Tests/Runtime and Tests/Editor as two assemblies where .NET has one, so each needs the grant
    /// in source, or the tests that compile on .NET fail to compile in Unity.
    /// </summary>
    [TestFixture]
    public sealed class InternalsVisibilityTests
    {
        private static readonly Regex SourceGrant = new Regex(@"\[\s*assembly\s*:\s*(?:System\.Runtime\.CompilerServices\.)?InternalsVisibleTo\s*\(\s*""([^""]+)""");

        [Test]
        public void UnityTestAssembliesSeeWhatTheDotNetTestsSee()
        {
            XDocument project = XDocument.Load(PackageRoot.Combine(".dotnet/Runtime/FrameIpc.csproj"));
            var grantedToDotNet = new HashSet<string>(project.Descendants("InternalsVisibleTo")
                .Select(e => (string?)e.Attribute("Include") ?? ""));

            var needed = new List<string>();
            if (grantedToDotNet.Contains("FrameIpc.Tests")) needed.AddRange(new[] { "FrameIpc.Tests", "FrameIpc.Editor.Tests" });

            var grantedInSource = new HashSet<string>(Directory.EnumerateFiles(PackageRoot.Combine("Runtime"), "*.cs", SearchOption.AllDirectories)
                .Where(p => !Path.GetRelativePath(PackageRoot.Path, p).Replace('\\', '/').StartsWith("Runtime/Unity/", StringComparison.Ordinal))
                .SelectMany(p => SourceGrant.Matches(File.ReadAllText(p)).Select(m => m.Groups[1].Value)));

            List<string> missing = needed.Where(n => !grantedInSource.Contains(n)).ToList();
            Assert.That(missing, Is.Empty,
                "Runtime/ needs [assembly: InternalsVisibleTo(\"...\")] in source (for instance Runtime/AssemblyInfo.cs) for:" + Listing.Of(missing));
        }
    }
}
