using System;
using System.Globalization;

namespace FrameIpc
{
    /// <summary>
    /// What generated codecs read from: FrameIPC's allocation-free scanner over the received frame. Every read names what
    /// it reads (<c>"PlayerState.hp"</c>), so a value of the wrong kind fails with that name and what was expected.
    /// </summary>
    public ref struct IpcJsonReader
    {
        private readonly char[] _buffer;
        private readonly int _end;
        private readonly int _maxDepth;
        private JsonScanner _scanner;
        private int _depth;

        internal IpcJsonReader(char[] buffer, int start, int length, int maxDepth)
        {
            _buffer = buffer;
            _end = start + length;
            _maxDepth = maxDepth;
            // Positions stay absolute in the buffer, so escaped strings and fallback values can be handed on as slices.
            _scanner = new JsonScanner(new ReadOnlySpan<char>(buffer, 0, _end), maxDepth, start);
            _depth = 0;
        }

        /// <summary>True (and the null consumed) when the next value is <c>null</c>.</summary>
        public bool TryReadNull() => _scanner.TryReadNull();

        /// <summary>Enters an object; iterate its members with <see cref="NextMember"/>.</summary>
        public void BeginObject(string what) => Begin('{', what, "an object");

        /// <summary>Enters an array; iterate it with <see cref="NextElement"/>.</summary>
        public void BeginArray(string what) => Begin('[', what, "an array");

        /// <summary>Moves to the next member's value and gives its (unescaped) name; false (the object left) at its end.</summary>
        public bool NextMember(ref bool first, out ReadOnlySpan<char> name)
        {
            if (!Next('}', ref first)) { name = default; return false; }
            name = ReadName();
            _scanner.Expect(':');
            return true;
        }

        /// <summary>As <see cref="NextMember"/>, with the name as a string (a dictionary key).</summary>
        public bool NextKey(ref bool first, out string key)
        {
            bool more = NextMember(ref first, out var name);
            key = more ? name.ToString() : "";
            return more;
        }

        /// <summary>Moves to the next element; false (the array left) at its end.</summary>
        public bool NextElement(ref bool first) => Next(']', ref first);

        /// <summary>How many elements the array that comes next holds, without consuming it (so an array is allocated once).</summary>
        public int CountElements(string what)
        {
            if (_scanner.Peek() != '[') throw Mismatch(what, "an array");
            var probe = _scanner;
            probe.Expect('[');
            if (probe.TryConsume(']')) return 0;
            int count = 0;
            do { probe.SkipValueAt(_depth + 1); count++; } while (probe.TryConsume(','));
            return count;
        }

        /// <summary>Skips a member this type does not have (Newtonsoft ignores them too).</summary>
        public void SkipValue() => _scanner.SkipValueAt(_depth);

        /// <summary>Reads the next value; a value of another kind throws <see cref="Mismatch(string, string)"/>'s error.</summary>
        public bool ReadBoolean(string what)
        {
            char c = _scanner.Peek();
            if (c != 't' && c != 'f') throw Mismatch(what, "bool");
            return _scanner.ReadBoolean();
        }

        /// <summary>Reads the next value; a value of another kind throws <see cref="Mismatch(string, string)"/>'s error.</summary>
        public int ReadInt32(string what) => (int)ReadInteger(what, int.MinValue, int.MaxValue, "int");
        /// <summary>Reads the next value; a value of another kind throws <see cref="Mismatch(string, string)"/>'s error.</summary>
        public long ReadInt64(string what) => ReadInteger(what, long.MinValue, long.MaxValue, "long");

        /// <summary>An integer within [<paramref name="min"/>, <paramref name="max"/>] (byte, short, an enum's values...).</summary>
        public long ReadInteger(string what, long min, long max, string expected)
        {
            var text = NumberText(what, expected);
            if (!JsonNumbers.TryParseInt64(text, out long v) && !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v)
                || v < min || v > max)
                throw Mismatch(what, expected, "number " + Shorten(text));
            return v;
        }

        /// <summary>Reads the next value; a value of another kind throws <see cref="Mismatch(string, string)"/>'s error.</summary>
        public ulong ReadUInt64(string what)
        {
            var text = NumberText(what, "ulong");
            if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong v)) throw Mismatch(what, "ulong", "number " + Shorten(text));
            return v;
        }

        /// <summary>Reads the next value; a value of another kind throws <see cref="Mismatch(string, string)"/>'s error.</summary>
        public double ReadDouble(string what)
        {
            var text = NumberText(what, "double");
            return JsonNumbers.TryParseDouble(text, out double v) ? v : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        /// <summary>Reads the next value; a value of another kind throws <see cref="Mismatch(string, string)"/>'s error.</summary>
        public float ReadSingle(string what) => float.Parse(NumberText(what, "float"), NumberStyles.Float, CultureInfo.InvariantCulture);

        /// <summary>Reads the next value; a value of another kind throws <see cref="Mismatch(string, string)"/>'s error.</summary>
        public decimal ReadDecimal(string what)
        {
            var text = NumberText(what, "decimal");
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal v)) throw Mismatch(what, "decimal", "number " + Shorten(text));
            return v;
        }

        /// <summary>A string, or null for JSON null.</summary>
        public string? ReadString(string what)
        {
            if (_scanner.TryReadNull()) return null;
            if (_scanner.Peek() != '"') throw Mismatch(what, "string");
            int quote = _scanner.Position;
            var raw = _scanner.ReadRawString(out bool escaped);
            return escaped ? SliceJsonReader.Deserialize<string>(_buffer, quote, _scanner.Position - quote, IpcJsonContext.Default.Serializer) : raw.ToString();
        }

        /// <summary>Reads the next value; a value of another kind throws <see cref="Mismatch(string, string)"/>'s error.</summary>
        public char ReadChar(string what)
        {
            var s = ReadString(what);
            if (s == null || s.Length != 1) throw Mismatch(what, "char", s == null ? "null" : "a string of length " + s.Length);
            return s[0];
        }

        /// <summary>Reads a member the generator has no direct code for, through FrameIPC's one JSON configuration.</summary>
        public T ReadValue<T>(string what)
        {
            int start = _scanner.SkipValueAt(_depth);
            try
            {
                // A generated codec runs only under the default conventions (ValueCodec), so its members read with them too.
                return ValueCodec<T>.Read(_buffer, start, _scanner.Position - start, _maxDepth - _depth, IpcJsonContext.Default);
            }
            catch (Exception e) when (!(e is IpcException))
            {
                throw new IpcException(IpcErrorNames.Protocol, $"{what}: {e.Message}", IpcErrorCodes.Protocol, inner: e);
            }
        }

        /// <summary>The error for a value of the wrong kind: <c>PlayerState.hp: expected int, got string "seven"</c>.</summary>
        public IpcException Mismatch(string what, string expected) => Mismatch(what, expected, Describe());

        internal void ExpectEnd()
        {
            if (!_scanner.AtEnd) throw IpcException.Protocol($"Malformed JSON: unexpected text after the value at {_scanner.Position}");
        }

        private static IpcException Mismatch(string what, string expected, string got) =>
            IpcException.Protocol($"{what}: expected {expected}, got {got}");

        private void Begin(char open, string what, string expected)
        {
            if (_scanner.Peek() != open) throw Mismatch(what, expected);
            if (_depth >= _maxDepth)
                throw new IpcException(IpcErrorNames.Limit, $"JSON nested deeper than the limit of {_maxDepth}", IpcErrorCodes.Limit);
            _scanner.Expect(open);
            _depth++;
        }

        private bool Next(char close, ref bool first)
        {
            if (_scanner.TryConsume(close)) { _depth--; return false; }
            if (!first) _scanner.Expect(',');
            first = false;
            return true;
        }

        private ReadOnlySpan<char> ReadName()
        {
            int quote = _scanner.Position;
            var raw = _scanner.ReadRawString(out bool escaped);
            // Escaped names are rare (protocol.md allows them); only they allocate.
            return escaped ? SliceJsonReader.Deserialize<string>(_buffer, quote, _scanner.Position - quote, IpcJsonContext.Default.Serializer).AsSpan() : raw;
        }

        private ReadOnlySpan<char> NumberText(string what, string expected)
        {
            char c = _scanner.Peek();
            if (c != '-' && (c < '0' || c > '9')) throw Mismatch(what, expected);
            int start = _scanner.SkipNumber();
            return new ReadOnlySpan<char>(_buffer, start, _scanner.Position - start);
        }

        /// <summary>What the next value is, for an error: its kind and a short quote of it.</summary>
        private string Describe()
        {
            char c = _scanner.Peek();
            if (c == '\0') return "the end of the value";
            if (c == '{') return "an object";
            if (c == '[') return "an array";
            var probe = _scanner;
            int start = probe.SkipValueAt(_depth);
            var text = Shorten(new ReadOnlySpan<char>(_buffer, start, probe.Position - start));
            return c == '"' ? "string " + text : c == 'n' ? "null" : c == 't' || c == 'f' ? "bool " + text : "number " + text;
        }

        private static string Shorten(ReadOnlySpan<char> s) => s.Length <= 40 ? s.ToString() : s.Slice(0, 40).ToString() + "...";
    }
}
