using System;
using Newtonsoft.Json;

namespace FrameIpc
{
    /// <summary>
    /// The wire's tagged values (protocol.md, "Tagged values"): what JSON cannot say (bytes, dates) travels as an object
    /// whose member <see cref="Tag"/> names its kind. An ordinary member named like the tag (<c>$ipc</c>, <c>$$ipc</c>, ...)
    /// is written with one more <c>$</c> (<see cref="TaggedJsonWriter"/>) and read without it (<see cref="TaggedJsonReader"/>),
    /// so no ordinary object is ever read as a tagged one.
    /// </summary>
    internal static class TaggedValue
    {
        public const string Tag = "$ipc";
        public const string BytesKind = "bytes";
        public const string DateKind = "date";

        /// <summary>True for <c>$ipc</c>, <c>$$ipc</c>, <c>$$$ipc</c>...: the names an ordinary member must not keep.</summary>
        public static bool LooksLikeTag(string name)
        {
            if (name.Length < Tag.Length || name[0] != '$' || !name.EndsWith("ipc", StringComparison.Ordinal)) return false;
            for (int i = 0; i < name.Length - 3; i++) if (name[i] != '$') return false;
            return true;
        }

        /// <summary>An ordinary member's name as it goes on the wire.</summary>
        public static string EscapeName(string name) => LooksLikeTag(name) ? "$" + name : name;

        /// <summary>
        /// Reads the members of a tagged object whose <c>{</c> the reader is on, checking that its kind is
        /// <paramref name="kind"/>; returns the string member <paramref name="valueName"/>. Unknown members are skipped.
        /// </summary>
        public static string ReadTaggedString(JsonReader reader, string kind, string valueName, Type target)
        {
            string? tag = null, value = null;
            while (reader.Read() && reader.TokenType != JsonToken.EndObject)
            {
                if (reader.TokenType != JsonToken.PropertyName) throw Mismatch(target, "a malformed object");
                string name = (string)reader.Value!;
                if (!reader.Read()) break;
                if (TaggedJsonReader.IsTag(reader, name)) tag = reader.TokenType == JsonToken.String ? (string)reader.Value! : "";
                else if (name == valueName && reader.TokenType == JsonToken.String) value = (string)reader.Value!;
                else reader.Skip();
            }
            if (tag == null) throw Mismatch(target, "an object that is not a tagged value (no \"" + Tag + "\" member)");
            if (tag != kind) throw Mismatch(target, "a tagged value of kind '" + Clip(tag) + "'");
            if (value == null) throw Mismatch(target, "a '" + kind + "' tagged value without its string \"" + valueName + "\"");
            return value;
        }

        public static JsonSerializationException Mismatch(Type target, string what) =>
            new JsonSerializationException($"Cannot read {what} as {target.Name} (protocol.md, \"Tagged values\")");

        private static string Clip(string text) => text.Length > 40 ? text.Substring(0, 40) + "..." : text;
    }
}
