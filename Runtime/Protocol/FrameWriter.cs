using System;
using Newtonsoft.Json;

namespace FrameIpc
{
    /// <summary>
    /// Builds one outbound frame: envelopes appended during a tick, sent as one <c>batch</c>. Structure is written as
    /// raw characters (the keys are fixed ASCII); every value goes through Newtonsoft's writer. An envelope whose
    /// value cannot be written is cut out again, so one bad argument never corrupts the frame.
    /// </summary>
    internal sealed class FrameWriter : IDisposable
    {
        private const string BatchOpen = "{\"k\":\"batch\",\"m\":[";
        private readonly PooledCharWriter _chars = new PooledCharWriter();
        private JsonTextWriter _json;
        private int _envelopeStart;

        public FrameWriter()
        {
            _json = CreateJsonWriter();
        }

        public int EnvelopeCount { get; private set; }

        public int Length => _chars.Length;

        public bool IsEmpty => EnvelopeCount == 0;

        /// <summary>Starts an envelope of the given kind; finish with <see cref="End"/> or undo with <see cref="Abort"/>.</summary>
        public void Begin(EnvelopeKind kind)
        {
            _envelopeStart = _chars.Length;
            _chars.Write(EnvelopeCount == 0 ? BatchOpen : ",");
            _chars.Write("{\"k\":\"");
            _chars.Write(EnvelopeKinds.Name(kind));
            _chars.Write('"');
        }

        public void Int(string key, long value)
        {
            Key(key);
            _chars.WriteInt64(value);
        }

        public void String(string key, string? value)
        {
            Key(key);
            _json.WriteValue(value);
            _json.Flush();
        }

        public void Args<TArgs>(in TArgs args) where TArgs : struct, IIpcArgs
        {
            Key("a");
            _json.WriteStartArray();
            args.WriteTo(_json);
            _json.WriteEndArray();
            _json.Flush();
        }

        public void Value<T>(string key, T value)
        {
            Key(key);
            ValueCodec<T>.Write(_json, value);
            _json.Flush();
        }

        /// <summary>Copies already-valid JSON (a relayed message's arguments, say) as the value of <paramref name="key"/>.</summary>
        public void RawValue(string key, ReadOnlySpan<char> json)
        {
            Key(key);
            _chars.Write(json);
        }

        public void Error(string key, string name, string message, string? code, string? dataJson)
        {
            Key(key);
            _chars.Write("{\"name\":");
            _json.WriteValue(name);
            _json.Flush();
            _chars.Write(",\"message\":");
            _json.WriteValue(message);
            _json.Flush();
            if (code != null)
            {
                _chars.Write(",\"code\":");
                _json.WriteValue(code);
                _json.Flush();
            }
            if (dataJson != null)
            {
                _chars.Write(",\"data\":");
                _chars.Write(dataJson);
            }
            _chars.Write('}');
        }

        public void End()
        {
            _chars.Write('}');
            EnvelopeCount++;
            LastEnvelopeLength = _chars.Length - _envelopeStart;
        }

        /// <summary>Characters of the envelope <see cref="End"/> last closed (for the tracer).</summary>
        public int LastEnvelopeLength { get; private set; }

        /// <summary>Removes the envelope being written; Newtonsoft's writer may be mid-value, so it is replaced.</summary>
        public void Abort()
        {
            _json.Close();
            _chars.Truncate(_envelopeStart);
            _json = CreateJsonWriter();
        }

        /// <summary>Closes the batch and returns the frame text, valid until <see cref="Clear"/>.</summary>
        public ReadOnlySpan<char> Finish()
        {
            _chars.Write("]}");
            return _chars.Written;
        }

        public void Clear()
        {
            _chars.Clear();
            EnvelopeCount = 0;
        }

        public void Dispose()
        {
            _json.Close();
            _chars.Dispose();
            EnvelopeCount = 0;
        }

        private void Key(string key)
        {
            _chars.Write(",\"");
            _chars.Write(key);
            _chars.Write("\":");
        }

        private JsonTextWriter CreateJsonWriter() => new JsonTextWriter(_chars)
        {
            ArrayPool = CharBufferPool.Newtonsoft,
            Formatting = Formatting.None,
            CloseOutput = false,
            AutoCompleteOnClose = false,
        };
    }
}
