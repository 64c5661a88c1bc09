using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace FrameIpc
{
    /// <summary>
    /// One endpoint's JSON conventions, built once from its <see cref="IpcJsonOptions"/>: the serializer its values are
    /// written and read with. Endpoints with default options share <see cref="Default"/> (and its contract cache). The
    /// writer of a frame carries it (<see cref="TaggedJsonWriter.Json"/>), so writing a value looks nothing up; readers
    /// are handed it.
    /// </summary>
    internal sealed class IpcJsonContext
    {
        public static readonly IpcJsonContext Default = new IpcJsonContext(null);

        private IpcJsonContext(IpcJsonOptions? options)
        {
            IsDefault = options == null || options.IsDefault;
            var user = options?.Converters ?? (IList<JsonConverter>)Array.Empty<JsonConverter>();
            var resolver = new IpcContractResolver(options?.NamingStrategy ?? DefaultNaming(), user);
            var settings = new JsonSerializerSettings
            {
                ReferenceLoopHandling = ReferenceLoopHandling.Error,
                DateParseHandling = DateParseHandling.None,
            };
            foreach (var c in user) settings.Converters.Add(c);
            // Tagged values (protocol.md): bytes and dates cross as what a page reads as Uint8Array and Date.
            settings.Converters.Add(new TaggedBytesConverter());
            settings.Converters.Add(new TaggedDateConverter());
            options?.Configure?.Invoke(settings);
            // What keeps the wire safe is not the user's to turn off: no type names obeyed or written, no reference
            // metadata, bounded depth, and the resolver that refuses what cannot cross.
            settings.TypeNameHandling = TypeNameHandling.None;
            settings.MetadataPropertyHandling = MetadataPropertyHandling.Ignore;
            settings.PreserveReferencesHandling = PreserveReferencesHandling.None;
            settings.MaxDepth = IpcJson.SerializerMaxDepth;
            settings.ContractResolver = resolver;
            Settings = settings;
            Serializer = JsonSerializer.Create(settings);
        }

        /// <summary>True for the default conventions (camelCase, no user converters): generated codecs apply.</summary>
        public bool IsDefault { get; }

        public JsonSerializerSettings Settings { get; }

        /// <summary>Thread-safe for concurrent (de)serialization; reused so no per-call serializer is built.</summary>
        public JsonSerializer Serializer { get; }

        /// <summary>The context for <paramref name="options"/>: <see cref="Default"/> when they change nothing.</summary>
        public static IpcJsonContext For(IpcJsonOptions? options) =>
            options == null || options.IsDefault ? Default : new IpcJsonContext(options);

        /// <summary>The context a value written to <paramref name="writer"/> follows (the default for a foreign writer).</summary>
        public static IpcJsonContext Of(JsonWriter writer) => (writer as TaggedJsonWriter)?.Json ?? Default;

        private static NamingStrategy DefaultNaming() =>
            new CamelCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false };
    }
}
