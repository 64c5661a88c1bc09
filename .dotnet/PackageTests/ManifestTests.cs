using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using NUnit.Framework;

namespace FrameIpc.PackageTests
{
    /// <summary>package.json as Unity's Package Manager validates it, and kept in step with the .NET build.</summary>
    [TestFixture]
    public sealed class ManifestTests
    {
        // SemVer 2.0.0's own expression.
        private const string SemVer = @"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$";

        /// <summary>Json.NET version inside each com.unity.nuget.newtonsoft-json version we may depend on.</summary>
        private static readonly Dictionary<string, string> JsonNetInUnityPackage = new Dictionary<string, string>
        {
            ["3.2.1"] = "13.0.2",
        };

        private JsonElement manifest;

        [OneTimeSetUp]
        public void Load() => manifest = Manifest.Load();

        [Test]
        public void NameIsAReverseDomainPackageName()
        {
            Assert.That(Manifest.String(manifest, "name"), Is.EqualTo("com.frameipc.ipc"));
            Assert.That(Manifest.String(manifest, "name"), Does.Match(@"^[a-z0-9-_]+(\.[a-z0-9-_]+)+$").And.Length.LessThanOrEqualTo(214));
        }

        [Test]
        public void VersionIsSemVer()
        {
            Assert.That(Manifest.String(manifest, "version"), Does.Match(SemVer));
        }

        [Test]
        public void UnityVersionHasUnitysFormat()
        {
            Assert.That(Manifest.String(manifest, "unity"), Does.Match(@"^\d{4}\.\d+$"), "'unity' is YEAR.MINOR, as 2021.3");
            Assert.That(int.Parse(Manifest.String(manifest, "unity").Split('.')[0]), Is.GreaterThanOrEqualTo(2021), "C# 9 needs Unity 2021.2 or later");
            if (manifest.TryGetProperty("unityRelease", out JsonElement release))
            {
                Assert.That(release.GetString(), Does.Match(@"^\d+[abfp]\d+$"), "'unityRelease' is as 0f1");
            }
        }

        [Test]
        public void DescriptiveFieldsAreFilled()
        {
            Assert.That(Manifest.String(manifest, "displayName"), Is.EqualTo("FrameIPC"));
            Assert.That(Manifest.String(manifest, "description"), Has.Length.GreaterThan(20));
            Assert.That(manifest.GetProperty("author").GetProperty("name").GetString(), Is.Not.Empty);
            Assert.That(manifest.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()), Is.Not.Empty.And.All.Not.Empty);
            Assert.That(Manifest.String(manifest, "license"), Is.EqualTo("MIT"));
            Assert.That(File.ReadAllText(PackageRoot.Combine("LICENSE.md")), Does.StartWith("MIT License"));
        }

        [Test]
        public void DependenciesAreUnitysNewtonsoftAndUnityNuGetsObjectPool()
        {
            Assert.That(Manifest.Dependencies(), Is.EquivalentTo(new Dictionary<string, string>
            {
                ["com.unity.nuget.newtonsoft-json"] = "3.2.1",
                ["org.nuget.microsoft.extensions.objectpool"] = "8.0.11",
            }));
            Assert.That(Manifest.Dependencies().Values, Has.All.Match(SemVer));
        }

        [Test]
        public void DependenciesMatchTheDotNetBuild()
        {
            // The .NET tests must run against the library versions Unity users get.
            XElement props = XDocument.Load(PackageRoot.Combine(".dotnet/Directory.Build.props")).Root!;
            string Property(string name) => props.Descendants(name).Select(e => e.Value).FirstOrDefault() ?? "(missing)";
            Dictionary<string, string> deps = Manifest.Dependencies();
            Assert.That(JsonNetInUnityPackage.TryGetValue(deps["com.unity.nuget.newtonsoft-json"], out string? jsonNet), Is.True,
                "add the Json.NET version of this com.unity.nuget.newtonsoft-json to the table");
            Assert.That(Property("NewtonsoftVersion"), Is.EqualTo(jsonNet), "NewtonsoftVersion in .dotnet/Directory.Build.props");
            Assert.That(Property("ObjectPoolVersion"), Is.EqualTo(deps["org.nuget.microsoft.extensions.objectpool"]), "ObjectPoolVersion in .dotnet/Directory.Build.props");
        }

        [Test]
        public void NoScopedRegistriesAndNoExternalHosts()
        {
            // Scoped registries belong in the user's Packages/manifest.json; the README says which.
            Assert.That(manifest.TryGetProperty("scopedRegistries", out _), Is.False);
            Assert.That(File.ReadAllText(PackageRoot.Combine("package.json")), Does.Not.Contain("://"));
        }

        [Test]
        public void EverySamplePathIsAFolderUnderSamples()
        {
            var samples = manifest.GetProperty("samples").EnumerateArray().ToList();
            Assert.That(samples.Select(s => Manifest.String(s, "displayName")), Is.EquivalentTo(new[] { "HUD Overlay", "Editor Panel" }));
            foreach (JsonElement sample in samples)
            {
                string path = Manifest.String(sample, "path");
                Assert.That(Manifest.String(sample, "description"), Is.Not.Empty, path);
                Assert.That(path, Does.StartWith("Samples~/"), "Unity imports samples only from Samples~");
                Assert.That(Directory.Exists(PackageRoot.Combine(path)), Is.True, path + " is a folder");
                Assert.That(Directory.EnumerateFileSystemEntries(PackageRoot.Combine(path)), Is.Not.Empty, path + " holds the sample");
            }
            Assert.That(samples.Select(s => Manifest.String(s, "path")), Is.Unique);
        }

        [Test]
        public void ChangelogHasThisVersion()
        {
            Assert.That(File.ReadAllText(PackageRoot.Combine("CHANGELOG.md")), Does.Contain("## [" + Manifest.String(manifest, "version") + "]"));
        }
    }
}
