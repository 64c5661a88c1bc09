using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FrameIpc.UnityFidelity
{
    /// <summary>
    /// Compiles a <see cref="UnityPackageLayout"/> the way Unity 2021.3+ does: one assembly per .asmdef, C# 9, nullable
    /// off (Unity's default), the .NET Standard 2.1 API compatibility level, Unity's scripting defines, and only the
    /// references the .asmdef grants. Warnings are Unity's business; any error is returned.
    /// </summary>
    public sealed class UnityCompiler
    {
        // The assemblies Unity's Test Framework provides; the asmdefs name them to get NUnit, which they list themselves.
        private static readonly string[] UnityProvided = { "UnityEngine.TestRunner", "UnityEditor.TestRunner" };

        private readonly UnityPackageLayout _layout;
        private readonly UnityTarget _target;
        private readonly Dictionary<string, List<(string Path, string Text)>> _planted = new Dictionary<string, List<(string, string)>>();
        private readonly Dictionary<string, MetadataReference?> _built = new Dictionary<string, MetadataReference?>();
        private readonly List<string> _errors = new List<string>();
        private readonly CSharpParseOptions _parse;

        public UnityCompiler(UnityPackageLayout layout, UnityTarget target)
        {
            _layout = layout;
            _target = target;
            _parse = new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: Defines(target));
        }

        /// <summary>The assemblies compiled by <see cref="Compile"/>, in order.</summary>
        public List<string> Compiled { get; } = new List<string>();

        /// <summary>Adds a source file to an assembly for this compile only (the planted-error tests use it).</summary>
        public void Plant(string assembly, string path, string text)
        {
            if (!_planted.TryGetValue(assembly, out var list)) _planted[assembly] = list = new List<(string, string)>();
            list.Add((path, text));
        }

        /// <summary>Compiles every assembly the target includes; returns the errors, one line each, empty when clean.</summary>
        public List<string> Compile()
        {
            foreach (var a in _layout.Assemblies) Build(a.Name);
            return _errors;
        }

        /// <summary>Unity's scripting defines for a 2021.3 project at the .NET Standard 2.1 level with the package's tests on.</summary>
        public static string[] Defines(UnityTarget target)
        {
            var defines = new List<string>
            {
                "UNITY_5_3_OR_NEWER", "UNITY_2017_1_OR_NEWER", "UNITY_2019_1_OR_NEWER", "UNITY_2020_1_OR_NEWER", "UNITY_2021_1_OR_NEWER",
                "UNITY_2021_3_OR_NEWER", "UNITY_2021_3", "UNITY_2021", "NET_STANDARD_2_1", "NET_STANDARD", "NETSTANDARD2_1", "NETSTANDARD",
                "CSHARP_7_3_OR_NEWER", "UNITY_INCLUDE_TESTS", "DEBUG", "TRACE", "ENABLE_PROFILER",
            };
            if (target == UnityTarget.Editor) defines.AddRange(new[] { "UNITY_EDITOR", "UNITY_EDITOR_LINUX", "ENABLE_MONO", "UNITY_STANDALONE" });
            else defines.AddRange(new[] { "ENABLE_IL2CPP", "UNITY_STANDALONE", "UNITY_STANDALONE_LINUX" });
            return defines.ToArray();
        }

        private bool Includes(UnityAssemblyDefinition a)
        {
            if (a.EditorOnly && _target != UnityTarget.Editor) return false;
            var defines = _parse.PreprocessorSymbolNames.ToHashSet();
            return a.DefineConstraints.All(defines.Contains);
        }

        private MetadataReference? Build(string name)
        {
            if (_built.TryGetValue(name, out var done)) return done;
            _built[name] = null; // a cycle reads as "missing" and is reported where it is referenced
            MetadataReference? result = name switch
            {
                "UnityEngine" => Emit(name, new[] { UnityReferences.Stub("UnityEngine.cs"), UnityReferences.Stub("UnityValueTypes.cs") }, NetStandard()),
                "UnityEditor" => Emit(name, new[] { UnityReferences.Stub("UnityEditor.cs") }, NetStandard().Append(Require("UnityEngine", name))),
                _ => BuildPackageAssembly(_layout.Find(name)),
            };
            _built[name] = result;
            return result;
        }

        private MetadataReference? BuildPackageAssembly(UnityAssemblyDefinition a)
        {
            if (!Includes(a)) return null;
            var refs = new List<MetadataReference?>(NetStandard());
            if (!a.NoEngineReferences)
            {
                refs.Add(Require("UnityEngine", a.Name));
                if (_target == UnityTarget.Editor) refs.Add(Require("UnityEditor", a.Name));
            }
            var precompiled = a.OverrideReferences ? a.PrecompiledReferences : UnityReferences.AutoReferencedPrecompiled.ToList();
            foreach (var dll in precompiled) refs.Add(MetadataReference.CreateFromFile(UnityReferences.Precompiled(dll)));
            if (a.IsPredefined)
                foreach (var other in _layout.Assemblies)
                    if (!other.IsPredefined && other.AutoReferenced && Includes(other)) refs.Add(Require(other.Name, a.Name));
            foreach (var reference in a.References)
                if (Array.IndexOf(UnityProvided, reference) < 0) refs.Add(Require(reference, a.Name));
            return Emit(a.Name, a.Sources, refs);
        }

        private MetadataReference? Require(string name, string by)
        {
            var reference = Build(name);
            if (reference == null) _errors.Add($"[{_target}] {by}: references {name}, which is not compiled for this target");
            return reference;
        }

        private MetadataReference Emit(string name, IEnumerable<string> sources, IEnumerable<MetadataReference?> refs)
        {
            var trees = sources.Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), _parse, p, Encoding.UTF8)).ToList();
            if (_planted.TryGetValue(name, out var planted))
                trees.AddRange(planted.Select(p => CSharpSyntaxTree.ParseText(p.Text, _parse, p.Path, Encoding.UTF8)));
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Disable, allowUnsafe: false, concurrentBuild: false);
            var compilation = CSharpCompilation.Create(name, trees, refs.Where(r => r != null).Select(r => r!), options);
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            Compiled.Add(name);
            foreach (var d in result.Diagnostics)
                if (d.Severity == DiagnosticSeverity.Error) _errors.Add($"[{_target}] {name}: {d}");
            bool usesNUnit = refs.Any(r => r is PortableExecutableReference pe && pe.FilePath == UnityReferences.NUnit);
            if (usesNUnit)
                foreach (var e in NUnitForkRules.Check(compilation)) _errors.Add($"[{_target}] {name}: {e}");
            return result.Success ? MetadataReference.CreateFromImage(image.ToArray()) : compilation.ToMetadataReference();
        }

        private static readonly Lazy<MetadataReference[]> NetStandardRefs = new Lazy<MetadataReference[]>(() =>
            UnityReferences.NetStandard21.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray());

        private static IEnumerable<MetadataReference?> NetStandard() => NetStandardRefs.Value;
    }
}
