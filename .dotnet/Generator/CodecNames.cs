using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FrameIpc.Generator
{
    /// <summary>The generated codec class of each marked type in this compilation, so codecs call each other directly.</summary>
    internal sealed class CodecNames
    {
        public const string Namespace = "FrameIpc.Generated";
        private readonly Dictionary<ITypeSymbol, string> _names = new Dictionary<ITypeSymbol, string>(SymbolEqualityComparer.Default);

        public CodecNames(IEnumerable<INamedTypeSymbol> marked)
        {
            foreach (var type in marked) _names[type] = Sanitize(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)) + "_IpcCodec";
        }

        public bool TryGet(ITypeSymbol type, out string name) => _names.TryGetValue(type.WithNullableAnnotation(NullableAnnotation.None), out name!) || _names.TryGetValue(type, out name!);

        public string NameOf(ITypeSymbol type) => _names[type];

        private static string Sanitize(string fullName)
        {
            var chars = fullName.Replace("global::", "").ToCharArray();
            for (int i = 0; i < chars.Length; i++) if (!char.IsLetterOrDigit(chars[i])) chars[i] = '_';
            return new string(chars);
        }
    }
}
