using System;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace FrameIpc.PackageTests
{
    /// <summary>
    /// Runtime/'s layers depend one way: a file names types of its own layer and of lower layers only
    /// (the order is declared once, in Documentation~/architecture.md; <see cref="LayerOrder"/> reads it).
    /// </summary>
    [TestFixture]
    public sealed class LayeringTests
    {
        [Test]
        public void EveryRuntimeFolderIsALayer()
        {
            var layers = LayerOrder.Load();
            // A folder with no source is no layer: Runtime/Generator holds only the shipped generator DLL (GeneratorDllTests).
            var folders = Directory.GetDirectories(PackageRoot.Combine("Runtime"))
                .Where(d => Directory.GetFiles(d, "*.cs", SearchOption.AllDirectories).Length > 0).Select(Path.GetFileName).ToList();
            Assert.That(folders.Where(f => layers.Rank(f!) == 0).ToList(), Is.Empty,
                "Runtime/ folders missing from the layer list in " + LayerOrder.Document);
            Assert.That(layers.Names.Where(n => !folders.Contains(n)).ToList(), Is.Empty,
                "layers in " + LayerOrder.Document + " with no folder under Runtime/");
            var loose = Directory.GetFiles(PackageRoot.Combine("Runtime"), "*.cs").Select(Path.GetFileName).ToList();
            Assert.That(loose, Is.EquivalentTo(new[] { "AssemblyInfo.cs" }), "files directly in Runtime/ belong to no layer: only assembly attributes may live there");
        }

        [Test]
        public void NoFileNamesATypeOfAHigherLayer()
        {
            var check = new LayerCheck(LayerOrder.Load()).AddRuntime();
            var violations = check.Check();
            Assert.That(check.Errors.Count, Is.Zero, "Runtime/ must compile for its names to resolve:" + Listing.Of(check.Errors.Take(20)));
            Assert.That(violations.Select(v => v.ToString()).ToList(), Is.Empty,
                "names that point up the layer order of " + LayerOrder.Document + ":" + Listing.Of(violations.Select(v => v.ToString())));
        }

        [Test]
        public void APlantedWrongWayReferenceIsReported()
        {
            // Protocol reaching up to Api: a type named, and a member used through a var that names no type.
            const string planted = @"namespace FrameIpc
{
    internal static class PlantedUpwardReference
    {
        public static object Engine() => new IpcMain();
        public static string Name() => nameof(PlantedUpwardReference);
        public static void Use(IpcMain main) { var options = main.Options; options.ToString(); }
    }
}
";
            const string rightWay = @"namespace FrameIpc
{
    internal static class PlantedDownwardReference
    {
        public static object Frame() => new Envelope();
    }
}
";
            string path = "Runtime/Protocol/PlantedUpwardReference.cs";
            var check = new LayerCheck(LayerOrder.Load()).AddRuntime()
                .Add(path, planted)
                .Add("Runtime/Api/PlantedDownwardReference.cs", rightWay);
            var violations = check.Check();
            Assert.That(check.Errors.Count, Is.Zero, "the planted files compile:" + Listing.Of(check.Errors.Take(20)));

            var plantedHere = violations.Where(v => v.File == path).Select(v => v.ToString()).ToList();
            Assert.That(plantedHere, Has.Member($"{path}:5: Protocol names FrameIpc.IpcMain, declared in Api (Runtime/Api/IpcMain.cs)"));
            Assert.That(plantedHere, Has.Member($"{path}:7: Protocol names FrameIpc.IpcMain, declared in Api (Runtime/Api/IpcMain.cs)"));
            Assert.That(plantedHere, Has.Member($"{path}:7: Protocol names FrameIpc.IpcOptions, declared in Api (Runtime/Api/IpcOptions.cs)"));
            Assert.That(violations.Where(v => v.File.StartsWith("Runtime/Api/Planted", StringComparison.Ordinal)).ToList(), Is.Empty,
                "a name pointing down is no violation");
        }

        [Test]
        public void TheLayerListIsReadFromItsFence()
        {
            var order = LayerOrder.Parse(new[] { "# A", "## Layers", "text", "```text", "1. Low   words", "2. High  more words", "```", "3. Outside" });
            Assert.That(order.Names, Is.EqualTo(new[] { "Low", "High" }));
            Assert.That(order.LayerOf("Runtime/High/Deep/File.cs"), Is.EqualTo("High"));
            Assert.That(order.LayerOf("Runtime/AssemblyInfo.cs"), Is.Null);
            Assert.Throws<InvalidDataException>(() => LayerOrder.Parse(new[] { "## Layers", "```", "1. Low", "3. Skipped", "```" }));
        }
    }
}
