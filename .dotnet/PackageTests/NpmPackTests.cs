using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;

namespace FrameIpc.PackageTests
{
    /// <summary>
    /// `npm pack` makes the tarball for Unity's "Add package from tarball": it must hold everything
    /// Unity imports (each asset with its .meta), the samples' sources, and no build output.
    /// </summary>
    [TestFixture]
    public sealed class NpmPackTests
    {
        /// <summary>Folders that only builds and tools create.</summary>
        private static readonly string[] BuildOutputFolders = { "bin", "obj", "node_modules", "BenchmarkDotNet.Artifacts", "TestResults" };

        private PackageScan scan = null!;

        [OneTimeSetUp]
        public void ScanFirst()
        {
            // Scan before packing: files other people add meanwhile can only make the pack larger.
            scan = PackageScan.Of(PackageRoot.Path);
        }

        [Test]
        public void DryRunListsWhatUnityNeedsAndNoBuildOutput()
        {
            List<string> packed = PackedFiles(Npm.Run("pack", "--dry-run", "--json", "--ignore-scripts"));

            Assert.That(packed, Does.Contain("package.json").And.Contain("Runtime.meta").And.Contain("Runtime/FrameIpc.asmdef"));
            NoneMissing(packed, ExpectedFiles(), "files Unity imports (or samples need) that the pack leaves out (check .npmignore):");
            Forbidden(packed);
        }

        [Test]
        public void PackedTarballHoldsTheManifestAndEveryMeta()
        {
            string destination = Path.Combine(Path.GetTempPath(), "frameipc-pack-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(destination);
            try
            {
                string output = Npm.Run("pack", "--json", "--ignore-scripts", "--pack-destination", destination);
                string fileName = JsonDocument.Parse(output).RootElement[0].GetProperty("filename").GetString()!;
                SortedDictionary<string, string?> files = Tarball.Read(Path.Combine(destination, fileName));

                Assert.That(files.Keys, Has.None.StartsWith("(outside package/)"), "npm puts every entry under package/");
                Assert.That(files.ContainsKey("package.json"), Is.True, "package/package.json");
                JsonElement packedManifest = Manifest.Parse(files["package.json"]!);
                JsonElement manifest = Manifest.Load();
                Assert.That(Manifest.String(packedManifest, "name"), Is.EqualTo(Manifest.String(manifest, "name")));
                Assert.That(Manifest.String(packedManifest, "version"), Is.EqualTo(Manifest.String(manifest, "version")));

                NoneMissing(files.Keys, scan.Metas, ".meta files the tarball leaves out:");
                Forbidden(files.Keys);

                // What Unity will see once it unpacks the tarball into Library/PackageCache.
                MetaAudit audit = MetaAudit.Of(PackageScan.OfFileList(files.Keys), meta => files[meta] ?? "");
                List<string> problems = audit.Missing.Select(a => "no meta: " + a)
                    .Concat(audit.Orphans.Select(m => "orphan: " + m))
                    .Concat(audit.Malformed.Select(m => "malformed: " + m))
                    .Concat(audit.DuplicateGuids.Select(g => "duplicate guid: " + g)).ToList();
                Assert.That(problems, Is.Empty, "what Unity would find wrong in the tarball:" + Listing.Of(problems));
            }
            finally
            {
                Directory.Delete(destination, recursive: true);
            }
        }

        /// <summary>Every imported file and meta, plus the sources of the samples and of Documentation~.</summary>
        private IEnumerable<string> ExpectedFiles()
        {
            IEnumerable<string> imported = scan.Assets.Where(a => !a.Value).Select(a => a.Key).Concat(scan.Metas);
            IEnumerable<string> extra = new[] { "Samples~", "Documentation~" }
                .Where(folder => Directory.Exists(PackageRoot.Combine(folder)))
                .SelectMany(folder => Directory.EnumerateFiles(PackageRoot.Combine(folder), "*", SearchOption.AllDirectories))
                .Select(p => Path.GetRelativePath(PackageRoot.Path, p).Replace('\\', '/'))
                .Where(p => !IsBuildOutput(p));
            return imported.Concat(extra);
        }

        private static bool IsBuildOutput(string path) =>
            path.Split('/').Any(segment => segment.StartsWith(".", StringComparison.Ordinal) || BuildOutputFolders.Contains(segment))
            || path.EndsWith(".tgz", StringComparison.Ordinal);

        private static void Forbidden(IEnumerable<string> packed)
        {
            List<string> bad = packed.Where(IsBuildOutput).ToList();
            Assert.That(bad, Is.Empty, "build output, dot-folders or tarballs in the pack (add them to .npmignore):" + Listing.Of(bad));
        }

        private static void NoneMissing(IEnumerable<string> packed, IEnumerable<string> expected, string what)
        {
            var set = new HashSet<string>(packed, StringComparer.Ordinal);
            List<string> missing = expected.Where(e => !set.Contains(e)).ToList();
            Assert.That(missing, Is.Empty, what + Listing.Of(missing));
        }

        private static List<string> PackedFiles(string npmJson)
        {
            JsonElement pack = JsonDocument.Parse(npmJson).RootElement[0];
            return pack.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).ToList();
        }
    }
}
