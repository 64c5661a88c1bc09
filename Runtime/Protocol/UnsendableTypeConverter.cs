using System;
using Newtonsoft.Json;

namespace FrameIpc
{
    /// <summary>
    /// Refuses what JSON cannot carry, with a message that names the type, instead of Newtonsoft's walk through its members.
    /// <see cref="IpcContractResolver"/> gives it to a type's contract once, when the contract is made; a null of such a
    /// type is still written as null (Newtonsoft never asks a converter about null).
    /// </summary>
    internal sealed class UnsendableTypeConverter : JsonConverter
    {
        public static readonly UnsendableTypeConverter Instance = new UnsendableTypeConverter();
        private const string UnityObjectTypeName = "Unity" + "Engine.Object";

        /// <summary>What a type is that no IPC can carry (Electron's structured clone refuses the same), or null.</summary>
        public static string? WhatCannotCross(Type type)
        {
            if ((type.IsPrimitive && type != typeof(IntPtr) && type != typeof(UIntPtr)) || type == typeof(string)) return null;
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

        // Only ever set on a contract by the resolver; never picked from a serializer's list.
        public override bool CanConvert(Type objectType) => false;

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            if (reader.TokenType == JsonToken.Null) return null;
            throw new JsonSerializationException($"{objectType.FullName} is {WhatCannotCross(objectType) ?? "not sendable"}: it cannot be read from JSON.");
        }

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
            throw new JsonSerializationException(
                $"An object could not be cloned. {value?.GetType().FullName} is {WhatCannotCross(value?.GetType() ?? typeof(object)) ?? "not sendable"}.");
    }
}
