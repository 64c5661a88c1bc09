using System;
using Newtonsoft.Json;

namespace FrameIpc
{
    /// <summary>
    /// The one Newtonsoft configuration FrameIPC uses: no type names from the wire (<c>$type</c> is ignored, never obeyed),
    /// no reference metadata, bounded depth, and delegates refused at the sender.
    /// </summary>
    internal static class IpcJson
    {
        public const int SerializerMaxDepth = 64;

        public static readonly JsonSerializerSettings Settings = new JsonSerializerSettings
        {
            TypeNameHandling = TypeNameHandling.None,
            MetadataPropertyHandling = MetadataPropertyHandling.Ignore,
            ReferenceLoopHandling = ReferenceLoopHandling.Error,
            DateParseHandling = DateParseHandling.None,
            MaxDepth = SerializerMaxDepth,
            Converters = { new UnsendableTypeConverter() },
        };

        /// <summary>Thread-safe for concurrent (de)serialization; reused so no per-call serializer is built.</summary>
        public static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

        public static T Deserialize<T>(string json) => JsonConvert.DeserializeObject<T>(json, Settings)!;

        public static string Serialize<T>(T value) => JsonConvert.SerializeObject(value, Settings);

        /// <summary>Refuses what JSON cannot carry, with a message that names the type, instead of Newtonsoft's walk through its members.</summary>
        private sealed class UnsendableTypeConverter : JsonConverter
        {
            public override bool CanConvert(Type objectType) =>
                typeof(Delegate).IsAssignableFrom(objectType) || typeof(System.IO.Stream).IsAssignableFrom(objectType) ||
                typeof(System.Reflection.MemberInfo).IsAssignableFrom(objectType) || objectType == typeof(IntPtr);

            public override bool CanRead => false;

            public override object ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
                throw new NotSupportedException();

            public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
                throw new JsonSerializationException($"a {value?.GetType().FullName} cannot be sent as JSON");
        }
    }
}
