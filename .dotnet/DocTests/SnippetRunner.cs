using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FrameIpc.DocTests
{
    /// <summary>
    /// Compiles a C# snippet as the top-level program of a small assembly (C# 9, as Unity compiles), with the usings of a
    /// .NET console project plus FrameIpc, the engine scaffold and the one its marker names, then runs it on its own thread.
    /// </summary>
    public static class SnippetRunner
    {
        private static readonly string[] Usings =
            { "System", "System.Collections.Generic", "System.Linq", "System.Threading", "System.Threading.Tasks", "FrameIpc" };

        /// <summary>The folders of the game project a snippet runs in (relative paths the docs use).</summary>
        public static readonly string[] ProjectFolders = { "Hud", "Assets/StreamingAssets/ui" };

        public static string ScaffoldPath(string name) => Path.Combine(AppContext.BaseDirectory, "Scaffolds", name + ".cs");

        /// <summary>Compiles the snippet; returns the assembly image, or throws with every error.</summary>
        public static byte[] Compile(DocSnippet snippet)
        {
            var parse = new CSharpParseOptions(LanguageVersion.CSharp9);
            var scaffolds = new List<string> { "Engine" };
            if (snippet.Scaffold != null)
            {
                if (!File.Exists(ScaffoldPath(snippet.Scaffold))) throw new InvalidOperationException($"{snippet}: no scaffold named '{snippet.Scaffold}'");
                scaffolds.Add(snippet.Scaffold);
            }
            var prelude = new StringBuilder();
            foreach (var u in Usings) prelude.Append("using ").Append(u).Append(";\n");
            foreach (var s in scaffolds) prelude.Append("using static ").Append(Path.GetFileNameWithoutExtension(s)).Append("Scaffold;\n");
            // The #line keeps error positions in the document's own lines.
            prelude.Append("#line ").Append(snippet.Line + 1).Append(" \"").Append(snippet.Document).Append("\"\n");
            var program = CSharpSyntaxTree.ParseText(prelude + snippet.Code, parse, snippet.Document, Encoding.UTF8);
            var scaffoldTrees = scaffolds.Select(s => CSharpSyntaxTree.ParseText(File.ReadAllText(ScaffoldPath(s)), parse, s + ".cs", Encoding.UTF8)).ToList();
            var compilation = Create(program, scaffoldTrees);
            var image = Emit(snippet, compilation);
            // It runs on .NET here, but a Unity script only has .NET Standard 2.1: an API past it fails the snippet too.
            var unity = CSharpCompilation.Create("UnitySnippet", scaffoldTrees.Prepend(program), NetStandard21References(), compilation.Options);
            var unityErrors = unity.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (unityErrors.Count > 0)
                throw new InvalidOperationException($"{snippet} does not compile against .NET Standard 2.1, as in Unity:\n" +
                    string.Join("\n", unityErrors) + "\n--- the snippet:\n" + snippet.Code);
            // What the snippet starts and a real program would stop on quit (a dev server's listener, an engine) is
            // disposed after its last statement, so one snippet's server does not outlive it; the snippet itself is as written.
            var cleanup = Cleanup(compilation, program);
            return cleanup == null ? image : Emit(snippet, Create(CSharpSyntaxTree.ParseText(cleanup, parse, snippet.Document, Encoding.UTF8), scaffoldTrees));
        }

        private static CSharpCompilation Create(SyntaxTree program, List<SyntaxTree> scaffolds) =>
            CSharpCompilation.Create("Snippet_" + Guid.NewGuid().ToString("N"), scaffolds.Prepend(program), References(),
                new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Disable, concurrentBuild: false));

        private static byte[] Emit(DocSnippet snippet, CSharpCompilation compilation)
        {
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
                throw new InvalidOperationException($"{snippet} does not compile:\n" + string.Join("\n", errors) + "\n--- the snippet:\n" + snippet.Code);
            return image.ToArray();
        }

        /// <summary>The program with a Dispose() of each top-level FrameIpc disposable after its statements, or null if none.</summary>
        private static string Cleanup(CSharpCompilation compilation, SyntaxTree program)
        {
            var model = compilation.GetSemanticModel(program);
            var root = program.GetRoot();
            var statements = root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().ToList();
            var disposables = new List<string>();
            foreach (var statement in statements)
            {
                if (!(statement.Statement is Microsoft.CodeAnalysis.CSharp.Syntax.LocalDeclarationStatementSyntax local) || local.UsingKeyword != default) continue;
                foreach (var variable in local.Declaration.Variables)
                {
                    var type = (model.GetDeclaredSymbol(variable) as ILocalSymbol)?.Type;
                    if (type == null || type.ContainingNamespace?.ToDisplayString() != "FrameIpc") continue;
                    if (type.AllInterfaces.Any(i => i.ToDisplayString() == "System.IDisposable")) disposables.Add(variable.Identifier.Text);
                }
            }
            if (disposables.Count == 0) return null;
            var text = root.ToFullString();
            int end = statements[statements.Count - 1].FullSpan.End;
            var dispose = new StringBuilder("\n#line hidden\n");
            for (int i = disposables.Count - 1; i >= 0; i--) dispose.Append(disposables[i]).Append(".Dispose();\n");
            return text.Substring(0, end) + dispose + text.Substring(end);
        }

        /// <summary>Runs a compiled snippet's program on its own thread; returns what it threw (null if nothing), or throws on a hang.</summary>
        public static Exception Run(DocSnippet snippet, byte[] image, TimeSpan hangLimit, out Type scaffold)
        {
            var context = new AssemblyLoadContext(snippet.Name, isCollectible: true);
            var assembly = context.LoadFromStream(new MemoryStream(image));
            scaffold = assembly.GetType("EngineScaffold", throwOnError: true);
            Exception failure = null;
            var entry = assembly.EntryPoint ?? throw new InvalidOperationException($"{snippet} has no statements to run");
            var thread = new Thread(() =>
            {
                try { entry.Invoke(null, entry.GetParameters().Length == 0 ? null : new object[] { Array.Empty<string>() }); }
                catch (TargetInvocationException ex) { failure = ex.InnerException; }
            }) { IsBackground = true, Name = "snippet " + snippet.Name };
            // The snippets name folders of a game project (a dev server's StaticFilesRoot): run them in one, made fresh.
            var project = Path.Combine(Path.GetTempPath(), "frameipc-snippet-" + Guid.NewGuid().ToString("N"));
            foreach (var folder in ProjectFolders) Directory.CreateDirectory(Path.Combine(project, folder));
            var outerDirectory = Environment.CurrentDirectory;
            Environment.CurrentDirectory = project;
            try
            {
                thread.Start();
                if (!thread.Join(hangLimit))
                    throw new TimeoutException($"{snippet} hung: its program did not finish within {hangLimit.TotalSeconds} s (does it await before anything ticks?)");
                return failure;
            }
            finally
            {
                Environment.CurrentDirectory = outerDirectory;
                try { Directory.Delete(project, recursive: true); } catch (IOException) { /* a hung snippet may still hold it */ }
            }
        }

        private static string NuGet(string relative) =>
            Path.Combine(typeof(SnippetRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value, relative);

        private static List<MetadataReference> NetStandard21References()
        {
            var refs = Directory.GetFiles(NuGet("netstandard.library.ref/2.1.0/ref/netstandard2.1"), "*.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
            // FrameIpc itself is built for netstandard2.1; Json.NET as Unity's package ships it.
            refs.Add(MetadataReference.CreateFromFile(typeof(IpcMain).Assembly.Location));
            refs.Add(MetadataReference.CreateFromFile(NuGet("newtonsoft.json/13.0.2/lib/netstandard2.0/Newtonsoft.Json.dll")));
            return refs;
        }

        private static List<MetadataReference> References()
        {
            var refs = new List<MetadataReference>();
            var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator);
            foreach (var path in platform)
            {
                var name = Path.GetFileName(path);
                if (name.StartsWith("System.", StringComparison.Ordinal) || name == "netstandard.dll" || name == "mscorlib.dll")
                    refs.Add(MetadataReference.CreateFromFile(path));
            }
            foreach (var dll in new[] { typeof(IpcMain).Assembly.Location, typeof(Newtonsoft.Json.JsonConvert).Assembly.Location })
                refs.Add(MetadataReference.CreateFromFile(dll));
            return refs;
        }
    }
}
