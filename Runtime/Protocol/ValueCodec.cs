using System;
using Newtonsoft.Json;

namespace FrameIpc
{
    /// <summary>
    /// How a value of type <typeparamref name="T"/> is written to and read from JSON. Primitives take a direct path that
    /// neither boxes nor allocates; everything else goes through the endpoint's Newtonsoft serializer: the writer carries it
    /// (<see cref="IpcJsonContext.Of"/>), a reader is handed it. Chosen once per type.
    /// </summary>
    internal static class ValueCodec<T>
    {
        public delegate T ReadFn(char[] buffer, int start, int length, int maxDepth, IpcJsonContext json);

        // First: the two below are made from it (static fields initialize in order). Looked up once for both.
        private static readonly IpcCodec<T>? Generated = IpcCodecs.Find<T>();

        public static readonly Action<JsonTextWriter, T> Write = CreateWriter();
        public static readonly ReadFn Read = CreateReader();

        private static volatile bool s_prepared;

        /// <summary>For tests: <see cref="Prepare"/> has run for this type.</summary>
        internal static bool IsPrepared => s_prepared;

        /// <summary>
        /// Initialises this type's codec now rather than on its first message: called when a typed listener or handler
        /// is registered (a scene load), so the tick that receives the type's first message does not pay for the type
        /// loads, the generated codec's lookup and the JIT compilation of its methods. Idempotent; cheap after the first call.
        /// </summary>
        public static void Prepare()
        {
            if (s_prepared) return;
            GC.KeepAlive(Write); // reading the fields runs the type's initialiser (Generated, then Write and Read)
            GC.KeepAlive(Read);
            if (Generated != null)
            {
                Generated.PrepareMethods();
                JitPreparation.PrepareInstance(typeof(IpcCodec<T>), Read, Write);
            }
            s_prepared = true;
        }

        private static Action<JsonTextWriter, T> CreateWriter()
        {
            // --- Generated [IpcMessage] codec (Codecs/): no reflection, no Newtonsoft contract. ---
            // Only with the default conventions: a generated codec bakes camelCase names in, so an endpoint with its own
            // naming or converters (IpcOptions.Json) takes the Newtonsoft path for the type instead.
            var generated = Generated;
            if (generated != null)
                return (j, v) =>
                {
                    var context = IpcJsonContext.Of(j);
                    if (context.IsDefault) generated.WriteJson(j, v);
                    else context.Serializer.Serialize(j, v);
                };
            // ---
            object? w = null;
            if (typeof(T) == typeof(int)) w = new Action<JsonTextWriter, int>((j, v) => j.WriteValue(v));
            else if (typeof(T) == typeof(long)) w = new Action<JsonTextWriter, long>((j, v) => j.WriteValue(v));
            else if (typeof(T) == typeof(float)) w = new Action<JsonTextWriter, float>((j, v) => j.WriteValue(v));
            else if (typeof(T) == typeof(double)) w = new Action<JsonTextWriter, double>((j, v) => j.WriteValue(v));
            else if (typeof(T) == typeof(bool)) w = new Action<JsonTextWriter, bool>((j, v) => j.WriteValue(v));
            else if (typeof(T) == typeof(string)) w = new Action<JsonTextWriter, string?>((j, v) => j.WriteValue(v));
            return w != null ? (Action<JsonTextWriter, T>)w : (j, v) => IpcJsonContext.Of(j).Serializer.Serialize(j, v);
        }

        private static ReadFn CreateReader()
        {
            IpcCodecs.Initialised?.Invoke(typeof(T));
            // --- Generated [IpcMessage] codec (Codecs/): no reflection, no Newtonsoft contract. ---
            var generated = Generated;
            if (generated != null)
                return (b, s, l, d, json) => json.IsDefault ? generated.ReadJson(b, s, l, d) : SliceJsonReader.Deserialize<T>(b, s, l, json.Serializer);
            // ---
            object? r = null;
            if (typeof(T) == typeof(int)) r = new ValueCodec<int>.ReadFn(ReadInt32);
            else if (typeof(T) == typeof(long)) r = new ValueCodec<long>.ReadFn((b, s, l, d, _) => Scanner(b, s, l, d).ReadInt64());
            else if (typeof(T) == typeof(double)) r = new ValueCodec<double>.ReadFn((b, s, l, d, _) => Scanner(b, s, l, d).ReadDouble());
            else if (typeof(T) == typeof(float)) r = new ValueCodec<float>.ReadFn((b, s, l, d, _) => (float)Scanner(b, s, l, d).ReadDouble());
            else if (typeof(T) == typeof(bool)) r = new ValueCodec<bool>.ReadFn((b, s, l, d, _) => Scanner(b, s, l, d).ReadBoolean());
            else if (typeof(T) == typeof(string)) r = new ValueCodec<string?>.ReadFn(ReadString);
            return r != null ? (ReadFn)r : (b, s, l, d, json) => SliceJsonReader.Deserialize<T>(b, s, l, json.Serializer);
        }

        private static JsonScanner Scanner(char[] b, int s, int l, int d) => new JsonScanner(new ReadOnlySpan<char>(b, s, l), d);

        private static int ReadInt32(char[] b, int s, int l, int d, IpcJsonContext json)
        {
            long v = Scanner(b, s, l, d).ReadInt64();
            if (v < int.MinValue || v > int.MaxValue) throw new FormatException($"{v} does not fit in an Int32");
            return (int)v;
        }

        private static string? ReadString(char[] b, int s, int l, int d, IpcJsonContext json)
        {
            var scanner = Scanner(b, s, l, d);
            if (scanner.TryReadNull()) return null;
            var raw = scanner.ReadRawString(out bool escaped);
            return escaped ? SliceJsonReader.Deserialize<string>(b, s, l, IpcJson.Serializer) : raw.ToString();
        }
    }
}
