using System;
using System.Globalization;
using Newtonsoft.Json;

namespace FrameIpc
{
    /// <summary>
    /// <see cref="DateTime"/> and <see cref="DateTimeOffset"/> as the wire's tagged date,
    /// <c>{"$ipc":"date","v":"2026-01-02T03:04:05.678Z"}</c> (UTC, ISO 8601), which a page reads as a Date. A DateTime of
    /// kind Unspecified is taken as UTC. Reading gives a UTC DateTime, or a DateTimeOffset with offset zero, and also
    /// accepts a bare ISO 8601 string.
    /// </summary>
    internal sealed class TaggedDateConverter : JsonConverter
    {
        // Up to 7 fraction digits, trailing zeros (and a bare '.') left out: a page keeps milliseconds, C# all of them.
        private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

        public override bool CanConvert(Type objectType)
        {
            var type = Nullable.GetUnderlyingType(objectType) ?? objectType;
            return type == typeof(DateTime) || type == typeof(DateTimeOffset);
        }

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            if (value == null) { writer.WriteNull(); return; }
            DateTime utc = value is DateTimeOffset offset ? offset.UtcDateTime : ToUtc((DateTime)value);
            writer.WriteStartObject();
            TaggedJsonWriter.WriteTag(writer, TaggedValue.DateKind);
            writer.WritePropertyName("v");
            writer.WriteValue(utc.ToString(Format, CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        private static DateTime ToUtc(DateTime value) => value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            _ => value,
        };

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            var type = Nullable.GetUnderlyingType(objectType);
            if (reader.TokenType == JsonToken.Null)
            {
                if (type != null) return null;
                throw TaggedValue.Mismatch(objectType, "null");
            }
            string text = reader.TokenType switch
            {
                JsonToken.StartObject => TaggedValue.ReadTaggedString(reader, TaggedValue.DateKind, "v", objectType),
                JsonToken.String => (string)reader.Value!,
                _ => throw TaggedValue.Mismatch(objectType, "a JSON " + reader.TokenType),
            };
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                throw TaggedValue.Mismatch(objectType, "a date that is not ISO 8601");
            }
            if ((type ?? objectType) == typeof(DateTimeOffset)) return parsed.ToUniversalTime();
            return parsed.UtcDateTime;
        }
    }
}
