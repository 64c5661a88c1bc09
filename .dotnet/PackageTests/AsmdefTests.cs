using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace FrameIpc.PackageTests
{
    /// <summary>The assembly definitions, checked for what makes Unity refuse, warn, or ship tests and editor code in players.</summary>
    [TestFixture]
    public sealed class AsmdefTests
    {
        /// <summary>Unity assemblies our asmdefs may name; extend when a sample needs another.</summary>
        private static readonly string[] KnownUnityAssemblies = { "UnityEngine.TestRunner", "UnityEditor.TestRunner" };

        /// <summary>Precompiled DLLs and the package that brings each (null: Unity's Test Framework, tests only).</summary>
        private static readonly Dictionary<string, string?> KnownDlls = new Dictionary<string, string?>
        {
            ["Newtonsoft.Json.dll"] = "com.unity.nuget.newtonsoft-json",
            ["Microsoft.Extensions.ObjectPool.dll"] = "org.nuget.microsoft.extensions.objectpool",
            ["nunit.framework.dll"] = null,
        };

        private List<AsmdefFile> asmdefs = null!;
        private List<string> loadErrors = null!;

        [OneTimeSetUp]
        public void LoadAll()
        {
            asmdefs = new List<AsmdefFile>();
            loadErrors = new List<string>();
            foreach (string path in AsmdefFile.FindAll())
            {
                try { asmdefs.Add(AsmdefFile.Load(path)); }
                catch (Exception e) when (e is System.Text.Json.JsonException || e is InvalidDataException) { loadErrors.Add(path + ": " + e.Message); }
            }
        }

        private IEnumerable<AsmdefFile> Package => asmdefs.Where(a => !a.RelativePath.StartsWith("Samples~/", StringComparison.Ordinal));

        private AsmdefFile Get(string path) => asmdefs.Single(a => a.RelativePath == path);

        private static void NoProblems(IEnumerable<string> problems, string what) =>
            Assert.That(problems.ToList(), Is.Empty, what + Listing.Of(problems));

        [Test]
        public void EveryAsmdefParses()
        {
            NoProblems(loadErrors, "asmdefs that are not valid JSON objects:");
        }

        [TestCase("Runtime/FrameIpc.asmdef")]
        [TestCase("Runtime/Unity/FrameIpc.Unity.asmdef")]
        [TestCase("Editor/FrameIpc.Editor.asmdef")]
        [TestCase("Tests/Runtime/FrameIpc.Tests.asmdef")]
        [TestCase("Tests/Editor/FrameIpc.Editor.Tests.asmdef")]
        public void TheLayoutsAssembliesExist(string path)
        {
            Assert.That(asmdefs.Select(a => a.RelativePath), Does.Contain(path));
        }

        [Test]
        public void NamesMatchFileNamesAndAreUnique()
        {
            NoProblems(asmdefs.Where(a => a.Name != a.FileNameWithoutExtension).Select(a => a.RelativePath + " is named '" + a.Name + "'"),
                "asmdefs whose name differs from their file name:");
            NoProblems(asmdefs.GroupBy(a => a.Name).Where(g => g.Count() > 1).Select(g => g.Key + ": " + string.Join(", ", g.Select(a => a.RelativePath))),
                "assembly names defined twice:");
            NoProblems(asmdefs.GroupBy(a => a.Folder).Where(g => g.Count() > 1).Select(g => g.Key + ": " + string.Join(", ", g.Select(a => a.RelativePath))),
                "folders with more than one asmdef (Unity refuses them):");
        }

        [Test]
        public void ReferencesResolveByName()
        {
            var guidToName = AsmdefGuids();
            var problems = new List<string>();
            foreach (AsmdefFile a in asmdefs)
            {
                foreach (string reference in a.References)
                {
                    string name = reference.StartsWith("GUID:", StringComparison.Ordinal)
                        ? guidToName.TryGetValue(reference.Substring(5), out string? byGuid) ? byGuid : reference
                        : reference;
                    if (!asmdefs.Any(b => b.Name == name) && !KnownUnityAssemblies.Contains(name)) problems.Add(a.RelativePath + " -> " + reference);
                }
            }
            NoProblems(problems, "references to no asmdef in the package and no known Unity assembly:");
        }

        [Test]
        public void EditorAssembliesAreEditorOnly()
        {
            NoProblems(asmdefs.Where(a => a.IsMeantForEditor && !a.IsEditorOnly).Select(a => a.RelativePath),
                "editor assemblies without includePlatforms [\"Editor\"] (they would break player builds):");
        }

        [Test]
        public void PlayerAssembliesReferenceNoEditorAssembly()
        {
            var editorOnly = new HashSet<string>(asmdefs.Where(a => a.IsEditorOnly).Select(a => a.Name)) { "UnityEditor.TestRunner" };
            NoProblems(asmdefs.Where(a => !a.IsEditorOnly).SelectMany(a => a.References.Where(editorOnly.Contains).Select(r => a.RelativePath + " -> " + r)),
                "player assemblies referencing editor-only ones:");
        }

        [Test]
        public void TestAssembliesAreTestAssemblies()
        {
            var problems = new List<string>();
            foreach (AsmdefFile a in Package.Where(a => a.IsTest))
            {
                if (!a.DefineConstraints.Contains("UNITY_INCLUDE_TESTS")) problems.Add(a.RelativePath + ": defineConstraints lacks UNITY_INCLUDE_TESTS");
                if (a.AutoReferenced) problems.Add(a.RelativePath + ": autoReferenced must be false");
                if (!a.OverrideReferences || !a.PrecompiledReferences.Contains("nunit.framework.dll")) problems.Add(a.RelativePath + ": needs overrideReferences with nunit.framework.dll");
                if (!a.References.Contains("UnityEngine.TestRunner")) problems.Add(a.RelativePath + ": needs UnityEngine.TestRunner");
                bool editor = a.RelativePath.StartsWith("Tests/Editor/", StringComparison.Ordinal);
                if (editor != a.References.Contains("UnityEditor.TestRunner")) problems.Add(a.RelativePath + (editor ? ": needs UnityEditor.TestRunner" : ": runtime tests take UnityEngine.TestRunner only"));
            }
            Assert.That(Package.Count(a => a.IsTest), Is.EqualTo(2), "the two test assemblies, Tests/Runtime and Tests/Editor");
            NoProblems(problems, "test assembly settings:");
        }

        [Test]
        public void OnlyTestAssembliesTakeTheTestFramework()
        {
            NoProblems(Package.Where(a => !a.IsTest && (a.PrecompiledReferences.Contains("nunit.framework.dll")
                    || a.References.Any(KnownUnityAssemblies.Contains) || a.DefineConstraints.Contains("UNITY_INCLUDE_TESTS")))
                .Select(a => a.RelativePath), "non-test assemblies using NUnit or the test runner:");
        }

        [Test]
        public void TheCoreHasNoEngineReferences()
        {
            AsmdefFile core = Get("Runtime/FrameIpc.asmdef");
            Assert.That(core.Name, Is.EqualTo("FrameIpc"));
            Assert.That(core.NoEngineReferences, Is.True, "noEngineReferences");
            Assert.That(core.References, Is.Empty, "the core is the bottom layer");
            Assert.That(core.IncludePlatforms, Is.Empty, "the core runs on every platform");
            Assert.That(core.AutoReferenced, Is.True, "autoReferenced: user scripts see FrameIpc without an asmdef");
            Assert.That(core.OverrideReferences, Is.True, "overrideReferences: only the DLLs it names");
            Assert.That(core.PrecompiledReferences, Is.EquivalentTo(new[] { "Newtonsoft.Json.dll", "Microsoft.Extensions.ObjectPool.dll" }));
        }

        [Test]
        public void PrecompiledReferencesComeFromDeclaredDependencies()
        {
            var dependencies = Manifest.Dependencies();
            var problems = new List<string>();
            foreach (AsmdefFile a in asmdefs)
            {
                if (a.PrecompiledReferences.Count > 0 && !a.OverrideReferences) problems.Add(a.RelativePath + ": precompiledReferences are ignored without overrideReferences");
                foreach (string dll in a.PrecompiledReferences)
                {
                    if (!KnownDlls.TryGetValue(dll, out string? package)) problems.Add(a.RelativePath + ": unknown DLL " + dll);
                    else if (package != null && !dependencies.ContainsKey(package)) problems.Add(a.RelativePath + ": " + dll + " needs " + package + " in package.json");
                }
            }
            NoProblems(problems, "precompiled references:");
        }

        [Test]
        public void EveryScriptBelongsToAnAssembly()
        {
            // A script outside any asmdef in a package is not compiled, and Unity warns about it.
            var folders = new HashSet<string>(Package.Select(a => a.Folder));
            var scan = PackageScan.Of(PackageRoot.Path);
            foreach (string asmref in scan.Assets.Keys.Where(p => p.EndsWith(".asmref", StringComparison.Ordinal)))
            {
                folders.Add(asmref.Contains('/') ? asmref.Substring(0, asmref.LastIndexOf('/')) : "");
            }
            NoProblems(scan.Assets.Keys.Where(p => p.EndsWith(".cs", StringComparison.Ordinal) && !HasAssembly(p, folders)),
                "scripts in no assembly definition:");
        }

        private static bool HasAssembly(string script, HashSet<string> folders)
        {
            for (int slash = script.LastIndexOf('/'); slash > 0; slash = script.LastIndexOf('/', slash - 1))
            {
                if (folders.Contains(script.Substring(0, slash))) return true;
            }
            return folders.Contains("");
        }

        private Dictionary<string, string> AsmdefGuids()
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            var scan = PackageScan.Of(PackageRoot.Path);
            MetaAudit audit = MetaAudit.Of(scan, meta => File.ReadAllText(PackageRoot.Combine(meta)));
            foreach (AsmdefFile a in Package)
            {
                if (audit.Guids.TryGetValue(a.RelativePath + ".meta", out string? guid)) map[guid] = a.Name;
            }
            return map;
        }
    }
}
