using System.IO;
using NUnit.Framework;

namespace FrameIpc.PackageTests
{
    /// <summary>
    /// A package installed from git or a tarball is read-only, and Unity ignores any asset that has
    /// no .meta there: every file and folder it imports needs one, committed, with a GUID of its own.
    /// </summary>
    [TestFixture]
    public sealed class MetaFileTests
    {
        private const string Fix = "\nRun `python3 .tools/meta.py` (add metas) or `python3 .tools/meta.py --prune` (drop orphans).";

        private MetaAudit audit = null!;
        private PackageScan scan = null!;

        [OneTimeSetUp]
        public void ScanPackage()
        {
            scan = PackageScan.Of(PackageRoot.Path);
            audit = MetaAudit.Of(scan, meta => File.ReadAllText(PackageRoot.Combine(meta)));
        }

        [Test]
        public void EveryImportedFileAndFolderHasAMeta()
        {
            Assert.That(audit.Missing, Is.Empty, "assets without a .meta:" + Listing.Of(audit.Missing) + Fix);
        }

        [Test]
        public void NoMetaIsOrphaned()
        {
            Assert.That(audit.Orphans, Is.Empty, ".meta files whose asset is gone:" + Listing.Of(audit.Orphans) + Fix);
        }

        [Test]
        public void EveryMetaIsWellFormedForItsAsset()
        {
            Assert.That(audit.Malformed, Is.Empty, "malformed .meta files:" + Listing.Of(audit.Malformed));
        }

        [Test]
        public void GuidsAreUniqueInThePackage()
        {
            Assert.That(audit.DuplicateGuids, Is.Empty,
                "GUIDs used by more than one .meta (give all but one a fresh GUID):" + Listing.Of(audit.DuplicateGuids));
        }

        [Test]
        public void ThePackageItselfIsSeen()
        {
            // Guards the scan: a rule that hid everything would pass every other test here.
            Assert.That(scan.Assets.ContainsKey("package.json"), Is.True);
            Assert.That(scan.Assets.ContainsKey("Runtime/FrameIpc.asmdef"), Is.True);
            Assert.That(scan.Assets.Keys, Has.None.StartsWith(".dotnet").And.None.StartsWith("Samples~").And.None.StartsWith("Documentation~"));
        }

        [TestCase("Runtime/Api/IpcMain.cs", true)]
        [TestCase("Runtime", true)]
        [TestCase(".dotnet/Tests/Foo.cs", false)]
        [TestCase("Samples~/HudOverlay/index.html", false)]
        [TestCase("Runtime/.hidden/Foo.cs", false)]
        [TestCase("Runtime/Notes~/Foo.cs", false)]
        [TestCase("Runtime/cvs/Foo.cs", false)]
        [TestCase("Runtime/Foo.tmp", false)]
        public void UnityImportRulesFollowTheManual(string path, bool imported)
        {
            Assert.That(UnityImportRules.IsImported(path), Is.EqualTo(imported));
        }
    }
}
