using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Newtonsoft.Json;

namespace FrameIpc
{
    /// <summary>
    /// byte[], <see cref="ReadOnlyMemory{T}"/>, <see cref="Memory{T}"/> and <see cref="ArraySegment{T}"/> of bytes as the
    /// wire's tagged bytes, <c>{"$ipc":"bytes","b64":"..."}</c>, which a page reads as a Uint8Array. Reading also accepts
    /// a bare base64 string (Newtonsoft's own form) and an array of numbers 0..255.
    /// </summary>
    internal sealed class TaggedBytesConverter : JsonConverter
    {
        public override bool CanConvert(Type objectType)
        {
            var type = Nullable.GetUnderlyingType(objectType) ?? objectType;
            return type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>) || type == typeof(Memory<byte>) || type == typeof(ArraySegment<byte>);
        }

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            if (value == null) { writer.WriteNull(); return; }
            writer.WriteStartObject();
            TaggedJsonWriter.WriteTag(writer, TaggedValue.BytesKind);
            writer.WritePropertyName("b64");
            writer.WriteValue(ToArray(value)); // Newtonsoft writes a byte[] as base64, streaming
            writer.WriteEndObject();
        }

        private static byte[] ToArray(object value)
        {
            ReadOnlyMemory<byte> memory = value switch
            {
                byte[] array => array,
                ReadOnlyMemory<byte> rom => rom,
                Memory<byte> m => m,
                ArraySegment<byte> segment => segment,
                _ => throw new JsonSerializationException("not bytes: " + value.GetType().Name),
            };
            return MemoryMarshal.TryGetArray(memory, out var whole) && whole.Offset == 0 && whole.Count == whole.Array!.Length
                ? whole.Array
                : memory.ToArray();
        }

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            var type = Nullable.GetUnderlyingType(objectType);
            if (reader.TokenType == JsonToken.Null)
            {
                if (type != null || objectType == typeof(byte[])) return null;
                throw TaggedValue.Mismatch(objectType, "null");
            }
            byte[] bytes = reader.TokenType switch
            {
                JsonToken.StartObject => FromBase64(TaggedValue.ReadTaggedString(reader, TaggedValue.BytesKind, "b64", objectType), objectType),
                JsonToken.String => FromBase64((string)reader.Value!, objectType),
                JsonToken.StartArray => ReadNumbers(reader, objectType),
                _ => throw TaggedValue.Mismatch(objectType, "a JSON " + reader.TokenType),
            };
            var target = type ?? objectType;
            if (target == typeof(ReadOnlyMemory<byte>)) return new ReadOnlyMemory<byte>(bytes);
            if (target == typeof(Memory<byte>)) return new Memory<byte>(bytes);
            if (target == typeof(ArraySegment<byte>)) return new ArraySegment<byte>(bytes);
            return bytes;
        }

        private static byte[] FromBase64(string text, Type target)
        {
            try { return Convert.FromBase64String(text); }
            catch (FormatException) { throw TaggedValue.Mismatch(target, "a string that is not base64"); }
        }

        private static byte[] ReadNumbers(JsonReader reader, Type target)
        {
            var bytes = new List<byte>();
            while (reader.Read() && reader.TokenType != JsonToken.EndArray)
            {
                if (reader.TokenType != JsonToken.Integer) throw TaggedValue.Mismatch(target, "an array holding a " + reader.TokenType);
                long n = Convert.ToInt64(reader.Value);
                if (n < 0 || n > 255) throw TaggedValue.Mismatch(target, $"an array holding {n}, not a byte");
                bytes.Add((byte)n);
            }
            return bytes.ToArray();
        }
    }
}
