#nullable enable
using System.Linq;
using System.Reflection;

namespace FrameIpc.Editor
{
    /// <summary>
    /// Whether a member's reference type is marked nullable (<c>string?</c>), read from the compiler's attributes by name:
    /// .NET Standard 2.1 has no NullabilityInfoContext. Only the member's own type is read, not its type arguments.
    /// </summary>
    internal static class NullableAnnotations
    {
        private const string Nullable = "System.Runtime.CompilerServices.NullableAttribute";
        private const string Context = "System.Runtime.CompilerServices.NullableContextAttribute";
        private const byte Annotated = 2;

        /// <summary>True when the member is annotated nullable; false when not, or when it is oblivious (no #nullable).</summary>
        public static bool IsNullable(MemberInfo member)
        {
            CustomAttributeData? own = member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == Nullable);
            if (own != null) return First(own.ConstructorArguments[0].Value) == Annotated;
            // Without its own attribute the member takes the nearest context: the declaring type's, then its outer types'.
            for (System.Type? type = member.DeclaringType; type != null; type = type.DeclaringType)
            {
                CustomAttributeData? context = type.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == Context);
                if (context != null) return context.ConstructorArguments[0].Value is byte b && b == Annotated;
            }
            return false;
        }

        private static byte First(object? value)
        {
            if (value is byte single) return single;
            if (value is System.Collections.Generic.IReadOnlyList<CustomAttributeTypedArgument> many && many.Count > 0 && many[0].Value is byte b) return b;
            return 0;
        }
    }
}
