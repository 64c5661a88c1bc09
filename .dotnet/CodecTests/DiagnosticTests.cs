extern alias generator;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace FrameIpc.CodecTests
{
    /// <summary>What the generator refuses at compile time, and what it only reports (the Newtonsoft path for a member).</summary>
    public class DiagnosticTests
    {
        [TestCase("public static class Outer { [IpcMessage] private sealed class P { public int A; } }", "FIPC001")]
        [TestCase("[IpcMessage] public sealed class P<T> { public T A; }", "FIPC002")]
        [TestCase("[IpcMessage] public abstract class P { public int A; }", "FIPC002")]
        [TestCase("[IpcMessage] public sealed class P { public P(int a) { } public P(string b) { } public int A; }", "FIPC003")]
        [TestCase("[IpcMessage] public sealed class P { public System.Guid Id; }", "FIPC004")]
        public void TheGeneratorReports(string source, string id)
        {
            var diagnostics = Run(source, out _);
            Assert.That(diagnostics.Select(d => d.Id).ToList(), Has.Member(id));
        }

        [Test]
        public void AFallbackIsOnlyInformationAndTheCodecIsStillWritten()
        {
            var diagnostics = Run("[IpcMessage] public sealed class P { public System.Guid Id; public int A; }", out var output);
            Assert.That(diagnostics.Single(d => d.Id == "FIPC004").Severity, Is.EqualTo(DiagnosticSeverity.Info));
            Assert.That(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList(), Is.Empty);
            Assert.That(output.GetTypeByMetadataName("FrameIpc.Generated.P_IpcCodec"), Is.Not.Null);
        }

        private static ImmutableArray<Diagnostic> Run(string source, out Compilation output)
        {
            var references = System.AppDomain.CurrentDomain.GetAssemblies()
                .Where(a => !a.IsDynamic && a.Location.Length > 0).Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.Location))
                .Append(MetadataReference.CreateFromFile(typeof(IpcMessageAttribute).Assembly.Location))
                .Append(MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location));
            var options = new CSharpParseOptions(LanguageVersion.CSharp9);
            var compilation = CSharpCompilation.Create("Probe", new[] { CSharpSyntaxTree.ParseText("using FrameIpc;\n" + source, options) },
                references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new ISourceGenerator[] { new generator::FrameIpc.Generator.IpcMessageGenerator() }, parseOptions: options);
            driver.RunGeneratorsAndUpdateCompilation(compilation, out output, out var diagnostics);
            return diagnostics;
        }
    }
}
