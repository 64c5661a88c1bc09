using System;
using System.Text;

namespace FrameIpc
{
    /// <summary>
    /// The words of a value that cannot be read as the type asked for: <c>expected int, got string "seven"</c>, from the
    /// JSON itself (its kind and a shortened copy), so the primitive fast paths and Newtonsoft say the same thing. Built
    /// only on failure.
    /// </summary>
    internal static class TypeMismatch
    {
        /// <summary>Longest copy of the offending value quoted in a message, in characters; a longer one is cut with "…".</summary>
        public const int MaxQuotedChars = 40;

        /// <summary>
        /// <c>expected T, got kind value</c>; when the JSON's kind is one the type could take (a number out of range, an
        /// object with a bad member), the reader's own reason follows in parentheses.
        /// </summary>
        public static string Describe(Type expected, char[] buffer, int start, int length, Exception reason)
        {
            var text = new ReadOnlySpan<char>(buffer, start, length).Trim();
            string kind = KindOf(text);
            var message = new StringBuilder("expected ").Append(NameOf(expected)).Append(", got ").Append(kind);
            if (kind != "null") message.Append(' ').Append(Shorten(text));
            if (Accepts(expected, kind)) message.Append(" (").Append(reason.Message).Append(')');
            return message.ToString();
        }

        private static string KindOf(ReadOnlySpan<char> json)
        {
            if (json.IsEmpty) return "nothing";
            switch (json[0])
            {
                case '"': return "string";
                case '{': return "object";
                case '[': return "array";
                case 't': case 'f': return "boolean";
                case 'n': return "null";
                default: return "number";
            }
        }

        private static string Shorten(ReadOnlySpan<char> json) =>
            json.Length <= MaxQuotedChars ? json.ToString() : json.Slice(0, MaxQuotedChars - 1).ToString() + "…";

        // Whether a value of this JSON kind could be the type, so the failure lies deeper and the reader's reason helps.
        private static bool Accepts(Type type, string kind)
        {
            var t = Nullable.GetUnderlyingType(type) ?? type;
            if (t == typeof(string)) return kind == "string";
            if (t == typeof(bool)) return kind == "boolean";
            if (t.IsPrimitive || t == typeof(decimal)) return kind == "number";
            return kind != "null";
        }

        /// <summary>The type as C# spells it: <c>int</c>, <c>string</c>, <c>int?</c>, <c>List&lt;PlayerState&gt;</c>.</summary>
        public static string NameOf(Type type)
        {
            if (type == typeof(int)) return "int";
            if (type == typeof(long)) return "long";
            if (type == typeof(float)) return "float";
            if (type == typeof(double)) return "double";
            if (type == typeof(bool)) return "bool";
            if (type == typeof(string)) return "string";
            if (type == typeof(decimal)) return "decimal";
            if (type == typeof(short)) return "short";
            if (type == typeof(byte)) return "byte";
            if (type == typeof(uint)) return "uint";
            if (type == typeof(ulong)) return "ulong";
            if (type == typeof(object)) return "object";
            if (type.IsArray) return NameOf(type.GetElementType()!) + "[]";
            var underlying = Nullable.GetUnderlyingType(type);
            if (underlying != null) return NameOf(underlying) + "?";
            if (!type.IsGenericType) return type.Name;
            var name = type.Name;
            int tick = name.IndexOf('`');
            var result = new StringBuilder(tick > 0 ? name.Substring(0, tick) : name).Append('<');
            var args = type.GetGenericArguments();
            for (int i = 0; i < args.Length; i++) result.Append(i == 0 ? "" : ", ").Append(NameOf(args[i]));
            return result.Append('>').ToString();
        }
    }
}
