using System;
using System.Collections.Concurrent;
using Newtonsoft.Json;

namespace FrameIpc
{
    /// <summary>
    /// The one Newtonsoft configuration FrameIPC uses: no type names from the wire (<c>$type</c> is ignored, never obeyed),
    /// no reference metadata, bounded depth, delegates refused at the sender, and bytes and dates as tagged values.
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
            // Tagged values (protocol.md): bytes and dates cross as what a page reads as Uint8Array and Date.
            Converters = { new UnsendableTypeConverter(), new TaggedBytesConverter(), new TaggedDateConverter() },
        };

        /// <summary>Thread-safe for concurrent (de)serialization; reused so no per-call serializer is built.</summary>
        public static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

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

        /// <summary>
        /// Refuses what JSON cannot carry, with a message that names the type, instead of Newtonsoft's walk through its members.
        /// Newtonsoft asks every converter about every value it reads or writes, so the answer is cached per type.
        /// </summary>
        private sealed class UnsendableTypeConverter : JsonConverter
        {
            private static readonly ConcurrentDictionary<Type, bool> s_unsendable = new ConcurrentDictionary<Type, bool>();
            private static readonly Func<Type, bool> s_classify = Classify;
            private const string UnityObjectTypeName = "Unity" + "Engine.Object";

            public override bool CanConvert(Type objectType) =>
                objectType == typeof(IntPtr) || objectType == typeof(UIntPtr) ||
                (!objectType.IsPrimitive && objectType != typeof(string) && s_unsendable.GetOrAdd(objectType, s_classify));

            private static bool Classify(Type type) => WhatCannotCross(type) != null;

            /// <summary>What a type is that no IPC can carry (Electron's structured clone refuses the same), or null.</summary>
            private static string? WhatCannotCross(Type type)
            {
                if (typeof(Delegate).IsAssignableFrom(type)) return "a delegate";
                if (typeof(System.Threading.Tasks.Task).IsAssignableFrom(type) || type == typeof(System.Threading.Tasks.ValueTask) ||
                    (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Threading.Tasks.ValueTask<>))) return "a task";
                if (type.IsPointer || type == typeof(IntPtr) || type == typeof(UIntPtr)) return "a pointer";
                if (typeof(System.IO.Stream).IsAssignableFrom(type)) return "a stream";
                if (typeof(System.Reflection.MemberInfo).IsAssignableFrom(type) || typeof(System.Reflection.Assembly).IsAssignableFrom(type) ||
                    typeof(System.Reflection.Module).IsAssignableFrom(type) || typeof(System.Reflection.ParameterInfo).IsAssignableFrom(type))
                    return "a reflection object";
                // Runtime has no engine reference: an engine object (a GameObject, a Texture...) is known by its base's name,
                // written in two parts because EngineReferenceTests reads source text and a name is not a reference.
                for (var t = type; t != null; t = t.BaseType)
                    if (t.FullName == UnityObjectTypeName) return "a Unity engine object (send its data, not the object)";
                return null;
            }

            public override bool CanRead => false;

            public override object ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
                throw new NotSupportedException();

            public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
                throw new JsonSerializationException(
                    $"An object could not be cloned. {value?.GetType().FullName} is {WhatCannotCross(value?.GetType() ?? typeof(object)) ?? "not sendable"}.");
        }
    }
}
