using System.Globalization;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace FrameIpc.CodecTests
{
    /// <summary>Writes and reads through ValueCodec (so through a generated codec when there is one) and, as the reference, Newtonsoft.</summary>
    internal static class CodecHarness
    {
        // IpcJson's settings with plan12's naming convention (camelCase, dictionary keys and explicit names unchanged).
        // Once the `json` branch makes that the default, this is IpcJson.Serializer itself.
        public static readonly JsonSerializer Reference = CreateReference();

        private static JsonSerializer CreateReference()
        {
            var s = IpcJson.Settings;
            var settings = new JsonSerializerSettings
            {
                TypeNameHandling = s.TypeNameHandling, MetadataPropertyHandling = s.MetadataPropertyHandling,
                ReferenceLoopHandling = s.ReferenceLoopHandling, DateParseHandling = s.DateParseHandling, MaxDepth = s.MaxDepth,
                Converters = s.Converters,
                ContractResolver = new DefaultContractResolver
                {
                    NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false },
                },
            };
            return JsonSerializer.Create(settings);
        }

        public static string WriteGenerated<T>(T value) => Write(j => ValueCodec<T>.Write(j, value));

        public static string WriteReference<T>(T value) => Write(j => Reference.Serialize(j, value, typeof(T)));

        public static T ReadGenerated<T>(string json) => ValueCodec<T>.Read(json.ToCharArray(), 0, json.Length, IpcJson.SerializerMaxDepth);

        public static T ReadReference<T>(string json)
        {
            using var reader = new TaggedJsonReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
            return Reference.Deserialize<T>(reader);
        }

        private static string Write(System.Action<JsonTextWriter> write)
        {
            var text = new StringWriter(CultureInfo.InvariantCulture);
            using (var writer = new TaggedJsonWriter(text) { Formatting = Formatting.None }) write(writer);
            return text.ToString();
        }
    }
}
