#if UNITY_5_3_OR_NEWER
using System;
using System.Globalization;
using Newtonsoft.Json;
using UnityEngine;

namespace FrameIpc
{
    /// <summary>
    /// Unity's value types as plain JSON objects named by their fields, which is what a page expects
    /// (<c>Vector3</c> → <c>{"x":1,"y":2,"z":3}</c>) and what Newtonsoft alone cannot write: it follows computed properties
    /// such as <c>normalized</c> into a self-referencing loop. Names are Unity's field names whatever the naming strategy:
    /// x/y/z/w; r/g/b/a (Color32 as integers 0–255); Rect x/y/width/height; Bounds center/size (each a Vector3 object);
    /// Matrix4x4 m00..m33. Registered with every endpoint's serializer before the first scene loads; a user converter for
    /// one of these types (<see cref="IpcJsonOptions.Converters"/>) wins over these.
    /// </summary>
    internal static class UnityValueConverters
    {
        [RuntimeInitializeOnLoadMethod(RuntimeInitializeLoadType.SubsystemRegistration)]
#if UNITY_EDITOR
        [UnityEditor.InitializeOnLoadMethod]
#endif
        internal static void Register()
        {
            Add(new Converter<Vector2>(new[] { "x", "y" }, false, (v, p) => { p[0] = v.x; p[1] = v.y; }, p => new Vector2((float)p[0], (float)p[1])));
            Add(new Converter<Vector3>(new[] { "x", "y", "z" }, false, (v, p) => { p[0] = v.x; p[1] = v.y; p[2] = v.z; },
                p => new Vector3((float)p[0], (float)p[1], (float)p[2])));
            Add(new Converter<Vector4>(new[] { "x", "y", "z", "w" }, false, (v, p) => { p[0] = v.x; p[1] = v.y; p[2] = v.z; p[3] = v.w; },
                p => new Vector4((float)p[0], (float)p[1], (float)p[2], (float)p[3])));
            Add(new Converter<Vector2Int>(new[] { "x", "y" }, true, (v, p) => { p[0] = v.x; p[1] = v.y; }, p => new Vector2Int(ToInt(p[0]), ToInt(p[1]))));
            Add(new Converter<Vector3Int>(new[] { "x", "y", "z" }, true, (v, p) => { p[0] = v.x; p[1] = v.y; p[2] = v.z; },
                p => new Vector3Int(ToInt(p[0]), ToInt(p[1]), ToInt(p[2]))));
            Add(new Converter<Quaternion>(new[] { "x", "y", "z", "w" }, false, (v, p) => { p[0] = v.x; p[1] = v.y; p[2] = v.z; p[3] = v.w; },
                p => new Quaternion((float)p[0], (float)p[1], (float)p[2], (float)p[3])));
            Add(new Converter<Color>(new[] { "r", "g", "b", "a" }, false, (v, p) => { p[0] = v.r; p[1] = v.g; p[2] = v.b; p[3] = v.a; },
                p => new Color((float)p[0], (float)p[1], (float)p[2], (float)p[3])));
            Add(new Converter<Color32>(new[] { "r", "g", "b", "a" }, true, (v, p) => { p[0] = v.r; p[1] = v.g; p[2] = v.b; p[3] = v.a; },
                p => new Color32(ToByte(p[0]), ToByte(p[1]), ToByte(p[2]), ToByte(p[3]))));
            Add(new Converter<Rect>(new[] { "x", "y", "width", "height" }, false, (v, p) => { p[0] = v.x; p[1] = v.y; p[2] = v.width; p[3] = v.height; },
                p => new Rect((float)p[0], (float)p[1], (float)p[2], (float)p[3])));
            Add(new Converter<Bounds>(new[] { "center", "size" }, false, null, null));
            Add(new Converter<Matrix4x4>(MatrixNames, false, SplitMatrix, JoinMatrix));
        }

        private static void Add<T>(Converter<T> converter) where T : struct
        {
            IpcContractResolver.RegisterBuiltIn(typeof(T), converter);
            IpcContractResolver.RegisterBuiltIn(typeof(T?), converter);
        }

        private static readonly string[] MatrixNames =
        {
            "m00", "m01", "m02", "m03", "m10", "m11", "m12", "m13", "m20", "m21", "m22", "m23", "m30", "m31", "m32", "m33",
        };

        private static void SplitMatrix(Matrix4x4 m, double[] p)
        {
            p[0] = m.m00; p[1] = m.m01; p[2] = m.m02; p[3] = m.m03; p[4] = m.m10; p[5] = m.m11; p[6] = m.m12; p[7] = m.m13;
            p[8] = m.m20; p[9] = m.m21; p[10] = m.m22; p[11] = m.m23; p[12] = m.m30; p[13] = m.m31; p[14] = m.m32; p[15] = m.m33;
        }

        private static Matrix4x4 JoinMatrix(double[] p) => new Matrix4x4
        {
            m00 = (float)p[0], m01 = (float)p[1], m02 = (float)p[2], m03 = (float)p[3],
            m10 = (float)p[4], m11 = (float)p[5], m12 = (float)p[6], m13 = (float)p[7],
            m20 = (float)p[8], m21 = (float)p[9], m22 = (float)p[10], m23 = (float)p[11],
            m30 = (float)p[12], m31 = (float)p[13], m32 = (float)p[14], m33 = (float)p[15],
        };

        private static int ToInt(double v) =>
            v >= int.MinValue && v <= int.MaxValue && v == Math.Floor(v) ? (int)v : throw new JsonSerializationException($"{v} is not an int");

        private static byte ToByte(double v) =>
            v >= 0 && v <= 255 && v == Math.Floor(v) ? (byte)v : throw new JsonSerializationException($"{v} is not a byte (0-255)");

        /// <summary>
        /// One value type as an object of numbers (Bounds: of two Vector3 objects). The parts go through a scratch array
        /// per thread, so a value written or read allocates nothing of its own.
        /// </summary>
        private sealed class Converter<T> : JsonConverter where T : struct
        {
            [ThreadStatic] private static double[]? t_parts;
            private readonly string[] _names;
            private readonly bool _integral;
            private readonly Action<T, double[]>? _split;
            private readonly Func<double[], T>? _join;

            public Converter(string[] names, bool integral, Action<T, double[]>? split, Func<double[], T>? join)
            {
                _names = names;
                _integral = integral;
                _split = split;
                _join = join;
            }

            public override bool CanConvert(Type objectType) => objectType == typeof(T) || objectType == typeof(T?);

            public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
            {
                if (value == null) { writer.WriteNull(); return; }
                if (value is Bounds bounds)
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName("center");
                    serializer.Serialize(writer, bounds.center);
                    writer.WritePropertyName("size");
                    serializer.Serialize(writer, bounds.size);
                    writer.WriteEndObject();
                    return;
                }
                var parts = Parts();
                _split!((T)value, parts);
                writer.WriteStartObject();
                for (int i = 0; i < _names.Length; i++)
                {
                    writer.WritePropertyName(_names[i]);
                    // A whole number as an integer ({"x":1}, not 1.0), the rest as the float's shortest text (0.1, not 0.100000001).
                    double part = parts[i];
                    if (_integral || (part == Math.Floor(part) && Math.Abs(part) < 1e15)) writer.WriteValue((long)part);
                    else writer.WriteValue((float)part);
                }
                writer.WriteEndObject();
            }

            public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
            {
                if (reader.TokenType == JsonToken.Null && objectType == typeof(T?)) return null;
                if (reader.TokenType != JsonToken.StartObject)
                    throw new JsonSerializationException($"{typeof(T).Name} is read from an object {{{string.Join(", ", _names)}}}, not {reader.TokenType}");
                if (typeof(T) == typeof(Bounds)) return ReadBounds(reader, serializer);
                var parts = Parts();
                Array.Clear(parts, 0, parts.Length);
                while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
                {
                    int index = Array.IndexOf(_names, (string)reader.Value!);
                    if (!reader.Read()) break;
                    if (index < 0) { reader.Skip(); continue; }
                    if (reader.TokenType != JsonToken.Integer && reader.TokenType != JsonToken.Float)
                        throw new JsonSerializationException($"{typeof(T).Name}.{_names[index]} must be a number, not {reader.TokenType}");
                    parts[index] = Convert.ToDouble(reader.Value, CultureInfo.InvariantCulture);
                }
                return _join!(parts);
            }

            private static object ReadBounds(JsonReader reader, JsonSerializer serializer)
            {
                Vector3 center = default, size = default;
                while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
                {
                    var name = (string)reader.Value!;
                    if (!reader.Read()) break;
                    if (name == "center") center = serializer.Deserialize<Vector3>(reader);
                    else if (name == "size") size = serializer.Deserialize<Vector3>(reader);
                    else reader.Skip();
                }
                return new Bounds(center, size);
            }

            // Sized for the largest (Matrix4x4's 16); Bounds keeps none.
            private static double[] Parts() => t_parts ??= new double[16];
        }
    }
}
#endif
