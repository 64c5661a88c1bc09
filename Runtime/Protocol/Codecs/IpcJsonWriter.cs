using Newtonsoft.Json;

namespace FrameIpc
{
    /// <summary>
    /// What generated codecs write to: the same pooled JSON writer the Newtonsoft path writes with, so numbers, strings
    /// and escapes come out byte-identical. It keeps the JSON library out of the public API.
    /// </summary>
    public readonly struct IpcJsonWriter
    {
        private readonly JsonTextWriter _json;

        internal IpcJsonWriter(JsonTextWriter json) { _json = json; }

        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void WriteStartObject() => _json.WriteStartObject();
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void WriteEndObject() => _json.WriteEndObject();
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void WriteStartArray() => _json.WriteStartArray();
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void WriteEndArray() => _json.WriteEndArray();
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void WritePropertyName(string name) => _json.WritePropertyName(name);
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void WriteNull() => _json.WriteNull();
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void Write(bool value) => _json.WriteValue(value);
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void Write(byte value) => _json.WriteValue(value);
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void Write(sbyte value) => _json.WriteValue(value);
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void Write(short value) => _json.WriteValue(value);
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void Write(ushort value) => _json.WriteValue(value);
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void Write(int value) => _json.WriteValue(value);
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void Write(uint value) => _json.WriteValue(value);
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void Write(long value) => _json.WriteValue(value);
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void Write(ulong value) => _json.WriteValue(value);
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void Write(float value) => _json.WriteValue(value);
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void Write(double value) => _json.WriteValue(value);
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void Write(decimal value) => _json.WriteValue(value);
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void Write(char value) => _json.WriteValue(value);
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void Write(string? value) => _json.WriteValue(value);

        /// <summary>Writes a member the generator has no direct code for, through FrameIPC's one JSON configuration.</summary>
        public void WriteValue<T>(T value) => ValueCodec<T>.Write(_json, value);
    }
}
