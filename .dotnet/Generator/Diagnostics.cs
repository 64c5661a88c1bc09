using Microsoft.CodeAnalysis;

namespace FrameIpc.Generator
{
    /// <summary>What the generator reports. Errors stop a codec being written; the info only says a member takes the Newtonsoft path.</summary>
    internal static class Diagnostics
    {
        private const string Category = "FrameIpc.Codecs";

        public static readonly DiagnosticDescriptor NotAccessible = new DiagnosticDescriptor("FIPC001",
            "[IpcMessage] type is not accessible", "[IpcMessage] type '{0}' and the types containing it must be public or internal",
            Category, DiagnosticSeverity.Error, true);

        public static readonly DiagnosticDescriptor NotSupported = new DiagnosticDescriptor("FIPC002",
            "[IpcMessage] type cannot have a codec", "[IpcMessage] type '{0}' is generic, abstract or static; mark a concrete, non-generic type",
            Category, DiagnosticSeverity.Error, true);

        public static readonly DiagnosticDescriptor NoConstructor = new DiagnosticDescriptor("FIPC003",
            "[IpcMessage] type has no usable constructor", "[IpcMessage] type '{0}' needs a parameterless constructor or exactly one public constructor",
            Category, DiagnosticSeverity.Error, true);

        public static readonly DiagnosticDescriptor Fallback = new DiagnosticDescriptor("FIPC004",
            "Member uses the Newtonsoft path", "{0}.{1} ({2}) has no generated code and is read and written by FrameIPC's Newtonsoft path",
            Category, DiagnosticSeverity.Info, true);

        public static DiagnosticDescriptor? Check(INamedTypeSymbol type)
        {
            if (type.IsGenericType || type.IsAbstract || type.IsStatic) return NotSupported;
            for (ISymbol? t = type; t is INamedTypeSymbol n; t = n.ContainingType)
            {
                var a = n.DeclaredAccessibility;
                if (a != Accessibility.Public && a != Accessibility.Internal && a != Accessibility.ProtectedOrInternal) return NotAccessible;
            }
            return null;
        }
    }
}
