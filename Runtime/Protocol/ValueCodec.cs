using System;
using Newtonsoft.Json;

namespace FrameIpc
{
    /// <summary>
    /// How a value of type <typeparamref name="T"/> is written to and read from JSON. Primitives take a direct path that
    /// neither boxes nor allocates; everything else goes through the one shared Newtonsoft serializer. Chosen once per type.
    /// </summary>
    internal static class ValueCodec<T>
    {
        public delegate T ReadFn(char[] buffer, int start, int length, int maxDepth);

        public static readonly Action<JsonTextWriter, T> Write = CreateWriter();
        public static readonly ReadFn Read = CreateReader();

        private static Action<JsonTextWriter, T> CreateWriter()
        {
            // --- Generated [IpcMessage] codec (Codecs/): no reflection, no Newtonsoft contract. ---
            var generated = IpcCodecs.Find<T>();
            if (generated != null) return generated.WriteJson;
            // ---
            object? w = null;
            if (typeof(T) == typeof(int)) w = new Action<JsonTextWriter, int>((j, v) => j.WriteValue(v));
            else if (typeof(T) == typeof(long)) w = new Action<JsonTextWriter, long>((j, v) => j.WriteValue(v));
            else if (typeof(T) == typeof(float)) w = new Action<JsonTextWriter, float>((j, v) => j.WriteValue(v));
            else if (typeof(T) == typeof(double)) w = new Action<JsonTextWriter, double>((j, v) => j.WriteValue(v));
            else if (typeof(T) == typeof(bool)) w = new Action<JsonTextWriter, bool>((j, v) => j.WriteValue(v));
            else if (typeof(T) == typeof(string)) w = new Action<JsonTextWriter, string?>((j, v) => j.WriteValue(v));
            return w != null ? (Action<JsonTextWriter, T>)w : (j, v) => IpcJson.Serializer.Serialize(j, v);
        }

        private static ReadFn CreateReader()
        {
            // --- Generated [IpcMessage] codec (Codecs/): no reflection, no Newtonsoft contract. ---
            var generated = IpcCodecs.Find<T>();
            if (generated != null) return generated.ReadJson;
            // ---
            object? r = null;
            if (typeof(T) == typeof(int)) r = new ValueCodec<int>.ReadFn(ReadInt32);
            else if (typeof(T) == typeof(long)) r = new ValueCodec<long>.ReadFn((b, s, l, d) => Scanner(b, s, l, d).ReadInt64());
            else if (typeof(T) == typeof(double)) r = new ValueCodec<double>.ReadFn((b, s, l, d) => Scanner(b, s, l, d).ReadDouble());
            else if (typeof(T) == typeof(float)) r = new ValueCodec<float>.ReadFn((b, s, l, d) => (float)Scanner(b, s, l, d).ReadDouble());
            else if (typeof(T) == typeof(bool)) r = new ValueCodec<bool>.ReadFn((b, s, l, d) => Scanner(b, s, l, d).ReadBoolean());
            else if (typeof(T) == typeof(string)) r = new ValueCodec<string?>.ReadFn(ReadString);
            return r != null ? (ReadFn)r : (b, s, l, d) => SliceJsonReader.Deserialize<T>(b, s, l);
        }

        private static JsonScanner Scanner(char[] b, int s, int l, int d) => new JsonScanner(new ReadOnlySpan<char>(b, s, l), d);

        private static int ReadInt32(char[] b, int s, int l, int d)
        {
            long v = Scanner(b, s, l, d).ReadInt64();
            if (v < int.MinValue || v > int.MaxValue) throw new FormatException($"{v} does not fit in an Int32");
            return (int)v;
        }

        private static string? ReadString(char[] b, int s, int l, int d)
        {
            var scanner = Scanner(b, s, l, d);
            if (scanner.TryReadNull()) return null;
            var raw = scanner.ReadRawString(out bool escaped);
            return escaped ? SliceJsonReader.Deserialize<string>(b, s, l) : raw.ToString();
        }
    }
}
