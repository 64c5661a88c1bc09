using System.Globalization;
using System.IO;
using Newtonsoft.Json;

namespace FrameIpc.CodecTests
{
    /// <summary>Writes and reads through ValueCodec (so through a generated codec when there is one) and, as the reference, Newtonsoft.</summary>
    internal static class CodecHarness
    {
        // The reference is FrameIPC's own default serializer (camelCase, IpcOptions.Json's default): a generated codec must
        // write and read exactly what an unmarked type gets through it.
        public static JsonSerializer Reference => IpcJson.Serializer;

        public static string WriteGenerated<T>(T value) => Write(j => ValueCodec<T>.Write(j, value));

        public static string WriteReference<T>(T value) => Write(j => Reference.Serialize(j, value, typeof(T)));

        public static T ReadGenerated<T>(string json) => ValueCodec<T>.Read(json.ToCharArray(), 0, json.Length, IpcJson.SerializerMaxDepth, IpcJsonContext.Default);

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
