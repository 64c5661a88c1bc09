using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FrameIpc.PackageTests
{
    /// <summary>
    /// Compiles Runtime/ with Roslyn as the .NET build does (C# 9, no Unity defines, so Runtime/Unity's files are
    /// empty here: being the top layer, nothing they name can point up) and, with the semantic model, resolves every
    /// name in each file's code: a type named directly (including what <c>var</c> stands for) or the type whose
    /// member is used. A name whose type is declared in a file of a higher layer is a violation. Documentation
    /// comments are not code and are not read.
    /// </summary>
    internal sealed class LayerCheck
    {
        private readonly LayerOrder _layers;
        private readonly List<(string Path, string Text)> _sources = new List<(string, string)>();

        public LayerCheck(LayerOrder layers)
        {
            _layers = layers;
        }

        /// <summary>Adds every .cs file under Runtime/.</summary>
        public LayerCheck AddRuntime()
        {
            foreach (var file in Directory.EnumerateFiles(PackageRoot.Combine("Runtime"), "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                Add(Path.GetRelativePath(PackageRoot.Path, file).Replace('\\', '/'), File.ReadAllText(file));
            return this;
        }

        /// <summary>Adds one source file under a package-relative path (the planted-reference test adds its own).</summary>
        public LayerCheck Add(string relativePath, string text)
        {
            _sources.Add((relativePath, text));
            return this;
        }

        /// <summary>The compiler's errors; the check is only as good as the compile, so the tests require none.</summary>
        public List<string> Errors { get; } = new List<string>();

        public List<LayerViolation> Check()
        {
            var parse = new CSharpParseOptions(LanguageVersion.CSharp9);
            var trees = _sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Path)).ToList();
            var compilation = CSharpCompilation.Create("FrameIpc", trees, References(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
            Errors.AddRange(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));

            var found = new Dictionary<string, LayerViolation>(StringComparer.Ordinal);
            foreach (var tree in trees)
            {
                string? layer = _layers.LayerOf(tree.FilePath);
                if (layer == null) continue;
                int rank = _layers.Rank(layer);
                var model = compilation.GetSemanticModel(tree);
                foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
                {
                    var type = NamedType(model, name);
                    if (type == null) continue;
                    var (declaredIn, declaredLayer) = Declaration(type);
                    if (declaredLayer == null || _layers.Rank(declaredLayer) <= rank) continue;
                    int line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    var v = new LayerViolation(tree.FilePath, line, type.ToDisplayString(), layer, declaredLayer, declaredIn!);
                    found[v.ToString()] = v;
                }
            }
            return found.Values.OrderBy(v => v.File, StringComparer.Ordinal).ThenBy(v => v.Line).ThenBy(v => v.Type, StringComparer.Ordinal).ToList();
        }

        // The type a name depends on: the type it names, or the type declaring the member it names.
        private static INamedTypeSymbol? NamedType(SemanticModel model, SimpleNameSyntax name)
        {
            var info = model.GetSymbolInfo(name);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
            if (symbol == null)
            {
                // `var` and aliases resolve through the type they stand for.
                symbol = model.GetTypeInfo(name).Type;
                if (symbol == null) return null;
            }
            switch (symbol)
            {
                case INamedTypeSymbol t: return t.OriginalDefinition;
                case IMethodSymbol m when m.MethodKind == MethodKind.ReducedExtension: return m.ReducedFrom?.ContainingType ?? m.ContainingType;
                case IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol: return symbol.ContainingType?.OriginalDefinition;
                default: return null;
            }
        }

        // Where a source type is declared; a partial type declared in several layers counts as in its highest.
        private (string? Path, string? Layer) Declaration(INamedTypeSymbol type)
        {
            string? path = null, layer = null;
            foreach (var r in type.DeclaringSyntaxReferences)
            {
                string? l = _layers.LayerOf(r.SyntaxTree.FilePath);
                if (l == null || (layer != null && _layers.Rank(l) < _layers.Rank(layer))) continue;
                // Of a partial type's files in one layer, name the main one (Type.cs before Type.Feature.cs).
                if (l == layer && r.SyntaxTree.FilePath.Length >= path!.Length) continue;
                layer = l;
                path = r.SyntaxTree.FilePath;
            }
            return (path, layer);
        }

        private static IEnumerable<MetadataReference> References()
        {
            // .NET Standard 2.1 and the netstandard2.0 builds of the two packages, as Unity compiles: the newer
            // runtime's span overloads would need a newer C#.
            var dlls = new List<string>(Directory.GetFiles(Package("netstandard.library.ref", "2.1.0", "ref/netstandard2.1"), "*.dll"));
            dlls.Add(Path.Combine(Package("newtonsoft.json", Metadata("NewtonsoftVersion"), "lib/netstandard2.0"), "Newtonsoft.Json.dll"));
            dlls.Add(Path.Combine(Package("microsoft.extensions.objectpool", Metadata("ObjectPoolVersion"), "lib/netstandard2.0"), "Microsoft.Extensions.ObjectPool.dll"));
            return dlls.Select(p => MetadataReference.CreateFromFile(p));
        }

        private static string Package(string id, string version, string folder) =>
            Path.Combine(Metadata("NuGetPackageRoot"), id, version, folder.Replace('/', Path.DirectorySeparatorChar));

        private static string Metadata(string key) =>
            typeof(LayerCheck).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
    }

    /// <summary>One name in a lower layer's file that points up.</summary>
    internal sealed class LayerViolation
    {
        public LayerViolation(string file, int line, string type, string layer, string typeLayer, string typeFile)
        {
            File = file;
            Line = line;
            Type = type;
            Layer = layer;
            TypeLayer = typeLayer;
            TypeFile = typeFile;
        }

        public string File { get; }
        public int Line { get; }
        public string Type { get; }
        public string Layer { get; }
        public string TypeLayer { get; }
        public string TypeFile { get; }

        public override string ToString() => $"{File}:{Line}: {Layer} names {Type}, declared in {TypeLayer} ({TypeFile})";
    }
}
