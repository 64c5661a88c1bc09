using System;
using System.IO;
using NUnit.Framework;

namespace FrameIpc.UnityFidelity
{
    /// <summary>
    /// The package compiles as Unity compiles it, in the Editor and for a player; and the check has teeth: an API
    /// newer than Unity's NUnit, or a C# feature past 9, planted in a copy of the sources fails it.
    /// </summary>
    public class UnityCompileTests
    {
        private static UnityPackageLayout Layout => UnityPackageLayout.Scan(UnityReferences.PackageRoot);

        [TestCase(UnityTarget.Editor)]
        [TestCase(UnityTarget.Player)]
        public void ThePackageCompilesAsUnityCompilesIt(UnityTarget target)
        {
            var compiler = new UnityCompiler(Layout, target);
            var errors = compiler.Compile();
            TestContext.WriteLine($"{target}: compiled {string.Join(", ", compiler.Compiled)}");
            Assert.That(errors, Is.Empty, string.Join(Environment.NewLine, errors));
            Assert.That(compiler.Compiled, Has.Member("FrameIpc").And.Member("FrameIpc.Unity").And.Member("FrameIpc.Tests")
                .And.Member(UnityPackageLayout.AssemblyCSharp));
            if (target == UnityTarget.Editor)
                Assert.That(compiler.Compiled, Has.Member("FrameIpc.Editor").And.Member("FrameIpc.Editor.Tests")
                    .And.Member(UnityPackageLayout.AssemblyCSharpEditor));
            else
                Assert.That(compiler.Compiled, Has.No.Member("FrameIpc.Editor").And.No.Member(UnityPackageLayout.AssemblyCSharpEditor));
        }

        [Test]
        public void EveryCSharpFileTheTestsAndSamplesShipIsInTheCompile()
        {
            var layout = Layout;
            Assert.That(layout.Find("FrameIpc.Tests").Sources, Has.Some.EndsWith("LifecycleTests.cs"));
            Assert.That(layout.Find("FrameIpc.Editor.Tests").Sources, Has.Some.EndsWith("IpcMonitorRegistryTests.cs"));
            Assert.That(layout.Find(UnityPackageLayout.AssemblyCSharp).Sources, Has.Some.EndsWith("HudController.cs"));
            Assert.That(layout.Find(UnityPackageLayout.AssemblyCSharpEditor).Sources, Has.Some.EndsWith("EditorPanelWindow.cs"));
            Assert.That(layout.Find("FrameIpc").Sources, Has.None.Contains(Path.DirectorySeparatorChar + "Unity" + Path.DirectorySeparatorChar));
        }

        [TestCase("FrameIpc.Editor.Tests", "[NUnit.Framework.NonParallelizable] public class Planted { }", "NonParallelizable",
            TestName = "A planted [NonParallelizable] (NUnit 3.7+) fails the compile")]
        [TestCase("FrameIpc.Tests", "public class Planted { [NUnit.Framework.Test] public void T() { NUnit.Framework.Assert.Multiple(() => { }); } }",
            "UNITYNUNIT", TestName = "A planted Assert.Multiple (NUnit 3.6+) fails the compile")]
        [TestCase("FrameIpc.Tests", "public class Planted { public void T() { NUnit.Framework.Warn.If(true); } }",
            "UNITYNUNIT", TestName = "A planted Warn.If (NUnit 3.6+) fails the compile")]
        [TestCase("FrameIpc.Tests",
            "public class Planted { public void T() { NUnit.Framework.Assert.That(new[] { 1 }, NUnit.Framework.Does.Not.Contain(2)); } }",
            "CS1503", TestName = "A planted Does.Not.Contain over a collection fails the compile")]
        [TestCase("FrameIpc", "namespace P; public class Planted { }", "CS8773",
            TestName = "A planted file-scoped namespace (C# 10) fails the compile")]
        [TestCase("FrameIpc", "public record Planted(int X);", "IsExternalInit",
            TestName = "A planted positional record without IsExternalInit fails the compile")]
        [TestCase("FrameIpc", "public class Planted { UnityEngine.Object o; }", "UnityEngine",
            TestName = "A planted UnityEngine use in the engine-free core fails the compile")]
        [TestCase("FrameIpc.Unity", "public class Planted { void F() { UnityEditor.EditorApplication.update += null; } }", "UnityEditor",
            TestName = "A planted UnityEditor use without #if UNITY_EDITOR fails the player compile")]
        public void APlantedErrorFailsTheCompile(string assembly, string source, string expected)
        {
            var compiler = new UnityCompiler(Layout, UnityTarget.Player);
            if (assembly.Contains("Editor")) compiler = new UnityCompiler(Layout, UnityTarget.Editor);
            compiler.Plant(assembly, "Planted.cs", source);
            var errors = compiler.Compile();
            TestContext.WriteLine(string.Join(Environment.NewLine, errors));
            Assert.That(errors, Has.Some.Contains("Planted.cs").And.Some.Contains(expected));
        }
    }
}
