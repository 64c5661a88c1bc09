using System;
using Newtonsoft.Json;

namespace FrameIpc
{
    /// <summary>
    /// FrameIPC's Newtonsoft configuration with the default conventions (<see cref="IpcJsonContext.Default"/>): no type names
    /// from the wire (<c>$type</c> is ignored, never obeyed), no reference metadata, bounded depth, unsendable types refused
    /// at the sender, camelCase member names, and bytes and dates as tagged values. An endpoint with its own
    /// <see cref="IpcJsonOptions"/> has its own <see cref="IpcJsonContext"/>.
    /// </summary>
    internal static class IpcJson
    {
        public const int SerializerMaxDepth = 64;

        public static JsonSerializerSettings Settings => IpcJsonContext.Default.Settings;

        /// <summary>The default conventions' serializer; thread-safe, reused so no per-call serializer is built.</summary>
        public static JsonSerializer Serializer => IpcJsonContext.Default.Serializer;

        // Through the tagged reader and writer, as frames are: escaped member names (protocol.md) read the same here.
        public static T Deserialize<T>(string json)
        {
            using var reader = new TaggedJsonReader(new System.IO.StringReader(json)) { DateParseHandling = DateParseHandling.None, MaxDepth = SerializerMaxDepth };
            var value = Serializer.Deserialize<T>(reader)!;
            if (reader.Read()) throw new JsonReaderException("Additional text found in JSON string after finishing deserializing object.");
            return value;
        }

        public static string Serialize<T>(T value)
        {
            var text = new System.IO.StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            using (var writer = new TaggedJsonWriter(text) { Formatting = Formatting.None }) Serializer.Serialize(writer, value);
            return text.ToString();
        }
    }
}
