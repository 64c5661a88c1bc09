using Microsoft.CodeAnalysis;

namespace FrameIpc.Generator
{
    internal enum Shape { Primitive, String, Enum, Nullable, Array, List, Dictionary, Message, Fallback }

    /// <summary>Which code a member type gets; anything not listed here takes FrameIPC's Newtonsoft path (<see cref="Shape.Fallback"/>).</summary>
    internal static class TypeShapes
    {
        public static Shape Classify(ITypeSymbol type, CodecNames codecs)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean: case SpecialType.System_Byte: case SpecialType.System_SByte:
                case SpecialType.System_Int16: case SpecialType.System_UInt16: case SpecialType.System_Int32:
                case SpecialType.System_UInt32: case SpecialType.System_Int64: case SpecialType.System_UInt64:
                case SpecialType.System_Single: case SpecialType.System_Double: case SpecialType.System_Decimal:
                case SpecialType.System_Char:
                    return Shape.Primitive;
                case SpecialType.System_String:
                    return Shape.String;
            }
            if (type.TypeKind == TypeKind.Enum) return Shape.Enum;
            // byte[] crosses as a tagged value (protocol.md), written by its Newtonsoft converter.
            if (type is IArrayTypeSymbol bytes && bytes.ElementType.SpecialType == SpecialType.System_Byte) return Shape.Fallback;
            if (type is IArrayTypeSymbol array) return array.Rank == 1 && Classify(array.ElementType, codecs) != Shape.Fallback ? Shape.Array : Shape.Fallback;
            if (codecs.TryGet(type, out _)) return Shape.Message;
            if (type is INamedTypeSymbol named && named.IsGenericType)
            {
                var definition = named.OriginalDefinition;
                if (definition.SpecialType == SpecialType.System_Nullable_T)
                    return Classify(named.TypeArguments[0], codecs) != Shape.Fallback ? Shape.Nullable : Shape.Fallback;
                var name = definition.ToDisplayString();
                if (name == "System.Collections.Generic.List<T>")
                    return Classify(named.TypeArguments[0], codecs) != Shape.Fallback ? Shape.List : Shape.Fallback;
                if (name == "System.Collections.Generic.Dictionary<TKey, TValue>" && named.TypeArguments[0].SpecialType == SpecialType.System_String)
                    return Classify(named.TypeArguments[1], codecs) != Shape.Fallback ? Shape.Dictionary : Shape.Fallback;
            }
            return Shape.Fallback;
        }

        public static ITypeSymbol Element(ITypeSymbol type) => type is IArrayTypeSymbol a ? a.ElementType : ((INamedTypeSymbol)type).TypeArguments[type is INamedTypeSymbol n && n.TypeArguments.Length == 2 ? 1 : 0];
    }
}
