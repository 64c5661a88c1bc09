using System;
using System.Globalization;
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
        public void WritePropertyName(string name)
        {
            // A name with nothing to escape (every name the generator writes) skips Newtonsoft's escaping pass: the same text.
            if (WritesPlain(name)) _json.WritePropertyName(name, false);
            else _json.WritePropertyName(name);
        }
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
        public void Write(float value)
        {
            Span<char> digits = stackalloc char[MaxNumberChars];
            if (_json is TaggedJsonWriter tagged && !float.IsNaN(value) && !float.IsInfinity(value) &&
                value.TryFormat(digits, out int length, "R", CultureInfo.InvariantCulture)) WriteNumber(tagged, digits, length);
            else _json.WriteValue(value);
        }
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void Write(double value)
        {
            Span<char> digits = stackalloc char[MaxNumberChars];
            if (_json is TaggedJsonWriter tagged && !double.IsNaN(value) && !double.IsInfinity(value) &&
                value.TryFormat(digits, out int length, "R", CultureInfo.InvariantCulture)) WriteNumber(tagged, digits, length);
            else _json.WriteValue(value);
        }
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void Write(decimal value) => _json.WriteValue(value);
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void Write(char value) => _json.WriteValue(value);
        /// <summary>Writes the JSON token or value (Newtonsoft's own formatting).</summary>
        public void Write(string? value)
        {
            if (value == null || !(_json is TaggedJsonWriter tagged) || !WritesPlain(value))
            {
                _json.WriteValue(value);
                return;
            }
            // Nothing to escape: the separator and the writer's state as for any value, then the quoted characters as they are.
            tagged.WriteRawValue(null);
            var output = tagged.Output;
            output.Write('"');
            output.Write(value);
            output.Write('"');
        }

        /// <summary>
        /// True when Newtonsoft would write <paramref name="text"/> unchanged between double quotes: the writer escapes with
        /// its defaults, and the text holds no control character, quote, backslash, U+0085, U+2028 or U+2029 (the characters
        /// its default escaping replaces).
        /// </summary>
        private bool WritesPlain(string text) =>
            _json.QuoteChar == '"' && _json.StringEscapeHandling == StringEscapeHandling.Default && HasNothingToEscape(text);

        /// <summary>
        /// True when Newtonsoft's default escaping leaves <paramref name="text"/> as it is: no control character, quote,
        /// backslash, U+0085, U+2028 or U+2029.
        /// </summary>
        internal static bool HasNothingToEscape(string text)
        {
            foreach (char c in text)
            {
                if (c < ' ' || c == '"' || c == '\\') return false;
                if (c >= '\u0085' && (c == '\u0085' || c == '\u2028' || c == '\u2029')) return false;
            }
            return true;
        }

        // Newtonsoft formats a float or double as a new string ("R", then ".0" when it reads as an integer); this writes the
        // same characters without the string, so a struct payload of numbers allocates nothing. Checked byte for byte by
        // CodecTests' property tests.
        private const int MaxNumberChars = 40;

        private static void WriteNumber(TaggedJsonWriter json, Span<char> digits, int length)
        {
            if (digits.Slice(0, length).IndexOfAny('.', 'E', 'e') < 0 && length + 2 <= digits.Length)
            {
                digits[length++] = '.';
                digits[length++] = '0';
            }
            json.WriteRawValue(null); // the separator and the writer's state, as for any value; the digits follow
            json.Output.Write(digits.Slice(0, length));
        }

        /// <summary>Writes a member the generator has no direct code for, through FrameIPC's one JSON configuration.</summary>
        public void WriteValue<T>(T value) => ValueCodec<T>.Write(_json, value);
    }
}
