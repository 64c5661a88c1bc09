using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FrameIpc.Generator
{
    /// <summary>
    /// Writes a codec for every type marked [IpcMessage]. An ISourceGenerator, not an incremental one: Unity 2021.3's
    /// compiler (Roslyn 3.8) runs only these (see the csproj). Each codec is found at run time through an assembly
    /// attribute it also writes, because Unity does not run module initialisers.
    /// </summary>
    [Generator]
    public sealed class IpcMessageGenerator : ISourceGenerator
    {
        public const string MarkerName = "FrameIpc.IpcMessageAttribute";

        public void Initialize(GeneratorInitializationContext context) =>
            context.RegisterForSyntaxNotifications(() => new CandidateReceiver());

        public void Execute(GeneratorExecutionContext context)
        {
            if (!(context.SyntaxReceiver is CandidateReceiver receiver)) return;
            var marker = context.Compilation.GetTypeByMetadataName(MarkerName);
            if (marker == null) return;

            var marked = new List<INamedTypeSymbol>();
            var seen = new HashSet<string>();
            foreach (var declaration in receiver.Candidates)
            {
                var model = context.Compilation.GetSemanticModel(declaration.SyntaxTree);
                if (!(model.GetDeclaredSymbol(declaration) is INamedTypeSymbol type)) continue;
                if (!HasAttribute(type, marker)) continue;
                // A partial type has several declarations; generate once.
                if (!seen.Add(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))) continue;
                var problem = Diagnostics.Check(type);
                if (problem != null) { context.ReportDiagnostic(Diagnostic.Create(problem, declaration.Identifier.GetLocation(), type.Name)); continue; }
                marked.Add(type);
            }

            var codecs = new CodecNames(marked);
            foreach (var type in marked)
            {
                var message = MessageModel.Build(type, context.Compilation);
                if (message.Problem != null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Diagnostics.NoConstructor, type.Locations[0], type.Name));
                    continue;
                }
                foreach (var member in message.Members)
                    if (TypeShapes.Classify(member.Type, codecs) == Shape.Fallback)
                        context.ReportDiagnostic(Diagnostic.Create(Diagnostics.Fallback, member.Symbol.Locations[0], type.Name, member.Symbol.Name, member.Type.ToDisplayString()));
                var source = new CodecWriter(message, codecs).Write();
                context.AddSource(codecs.NameOf(type) + ".g.cs", SourceText.From(source, Encoding.UTF8));
            }
        }

        internal static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attribute)
        {
            foreach (var a in symbol.GetAttributes())
                if (SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)) return true;
            return false;
        }

        private sealed class CandidateReceiver : ISyntaxReceiver
        {
            public List<TypeDeclarationSyntax> Candidates { get; } = new List<TypeDeclarationSyntax>();

            // Classes, structs and records (a record is a TypeDeclarationSyntax too, under Roslyn 3.8 and later).
            public void OnVisitSyntaxNode(SyntaxNode node)
            {
                if (node is TypeDeclarationSyntax t && t.AttributeLists.Count > 0 && !(node is InterfaceDeclarationSyntax)) Candidates.Add(t);
            }
        }
    }
}
