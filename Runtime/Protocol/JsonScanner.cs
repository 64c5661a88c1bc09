using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace FrameIpc
{
    /// <summary>
    /// A forward-only, validating JSON scanner over a span of characters that allocates nothing.
    /// Why not Newtonsoft's <c>JsonTextReader</c> here: it boxes every number and materialises every string it passes,
    /// and the envelope of every message crosses this path each tick. Newtonsoft still reads and writes every typed
    /// value (arguments, results, error data); this only finds where envelopes and their values begin and end.
    /// </summary>
    internal ref partial struct JsonScanner
    {
        private readonly ReadOnlySpan<char> _text;
        private readonly int _maxDepth;
        private int _pos;

        public JsonScanner(ReadOnlySpan<char> text, int maxDepth, int position = 0)
        {
            _text = text;
            _maxDepth = maxDepth;
            _pos = position;
        }

        public int Position => _pos;

        public bool AtEnd
        {
            get { SkipWhitespace(); return _pos >= _text.Length; }
        }

        /// <summary>The next non-whitespace character, or '\0' at the end.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public char Peek()
        {
            // Frames FrameIPC writes hold no whitespace: the next character is usually the answer, without a call.
            int pos = _pos;
            var text = _text;
            if ((uint)pos < (uint)text.Length && text[pos] > ' ') return text[pos];
            return PeekPastWhitespace();
        }

        private char PeekPastWhitespace() => SkipWhitespaceRun() < _text.Length ? _text[_pos] : '\0';

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Expect(char c)
        {
            if (Peek() != c) throw ExpectError(c);
            _pos++;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryConsume(char c)
        {
            if (Peek() != c) return false;
            _pos++;
            return true;
        }

        private IpcException ExpectError(char c) =>
            Error(_pos >= _text.Length ? $"expected '{c}' but the frame ended" : $"expected '{c}' at {_pos} but found '{_text[_pos]}'");

        /// <summary>Reads a string token and returns its raw (still escaped) contents; <paramref name="escaped"/> says if it holds escapes.</summary>
        public ReadOnlySpan<char> ReadRawString(out bool escaped)
        {
            Expect('"');
            var text = _text;
            int start = _pos, pos = _pos;
            escaped = false;
            while (true)
            {
                // The run of ordinary characters, with the span and the position in locals (the hot loop of every scan).
                while (pos < text.Length)
                {
                    char c = text[pos];
                    // One comparison for most characters: the three that stop the run all sort at or below the backslash.
                    if (c <= '\\' && (c == '"' || c == '\\' || c < ' ')) break;
                    pos++;
                }
                _pos = pos;
                if (pos >= text.Length) throw Error("unterminated string");
                char stop = text[pos];
                if (stop == '"')
                {
                    _pos = pos + 1;
                    return text.Slice(start, pos - start);
                }
                if (stop != '\\') throw Error($"control character U+{(int)stop:X4} inside a string at {pos}");
                escaped = true;
                SkipEscape();
                pos = _pos;
            }
        }

        public long ReadInt64()
        {
            int start = SkipNumber();
            var digits = _text.Slice(start, _pos - start);
            if (!JsonNumbers.TryParseInt64(digits, out long value) && !long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
                throw Error($"expected an integer at {start} but found '{Shorten(digits)}'");
            return value;
        }

        public double ReadDouble()
        {
            int start = SkipNumber();
            var text = _text.Slice(start, _pos - start);
            return JsonNumbers.TryParseDouble(text, out double value) ? value : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        public bool ReadBoolean()
        {
            char c = Peek();
            if (c == 't') { ExpectLiteral("true"); return true; }
            if (c == 'f') { ExpectLiteral("false"); return false; }
            throw Error($"expected true or false at {_pos}");
        }

        public bool TryReadNull()
        {
            if (Peek() != 'n') return false;
            ExpectLiteral("null");
            return true;
        }

        /// <summary>Skips one complete, valid JSON value and returns where it started.</summary>
        public int SkipValue() => SkipValueAt(0);

        /// <summary>Skips one value that sits <paramref name="depth"/> containers deep (for the depth limit); returns where it started.</summary>
        public int SkipValueAt(int depth)
        {
            SkipWhitespace();
            int start = _pos;
            SkipValue(depth);
            return start;
        }

        private void SkipValue(int depth)
        {
            char c = Peek();
            switch (c)
            {
                case '{':
                    if (depth >= _maxDepth) throw DepthError();
                    _pos++;
                    if (TryConsume('}')) return;
                    do
                    {
                        ReadRawString(out _);
                        Expect(':');
                        SkipValue(depth + 1);
                    } while (TryConsume(','));
                    Expect('}');
                    return;
                case '[':
                    if (depth >= _maxDepth) throw DepthError();
                    _pos++;
                    if (TryConsume(']')) return;
                    do SkipValue(depth + 1); while (TryConsume(','));
                    Expect(']');
                    return;
                case '"': ReadRawString(out _); return;
                case 't': ExpectLiteral("true"); return;
                case 'f': ExpectLiteral("false"); return;
                case 'n': ExpectLiteral("null"); return;
                case '\0' when _pos >= _text.Length: throw Error("the frame ended where a value was expected");
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) { SkipNumber(); return; }
                    throw Error($"unexpected character '{c}' at {_pos}");
            }
        }

        /// <summary>Enters an object or array, counting it against the depth limit.</summary>
        public void CheckDepth(int depth)
        {
            if (depth > _maxDepth) throw DepthError();
        }

        /// <summary>Skips a number (after whitespace) and returns where it started; anything but a valid JSON number throws.</summary>
        public int SkipNumber()
        {
            SkipWhitespace();
            int start = _pos, end = JsonNumbers.End(_text, start);
            if (end < 0) throw Error($"invalid number at {start}");
            _pos = end;
            return start;
        }

        private void SkipEscape()
        {
            _pos++; // the backslash
            if (_pos >= _text.Length) throw Error("unterminated escape");
            char e = _text[_pos++];
            switch (e)
            {
                case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't': return;
                case 'u':
                    for (int i = 0; i < 4; i++)
                    {
                        if (_pos >= _text.Length || !Uri.IsHexDigit(_text[_pos])) throw Error("invalid \\u escape");
                        _pos++;
                    }
                    return;
                default: throw Error($"invalid escape '\\{e}'");
            }
        }

        private void ExpectLiteral(string literal)
        {
            if (_pos + literal.Length > _text.Length || !_text.Slice(_pos, literal.Length).SequenceEqual(literal.AsSpan()))
                throw Error($"invalid literal at {_pos}");
            _pos += literal.Length;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void SkipWhitespace()
        {
            // Usually there is none: one comparison, no call.
            if ((uint)_pos < (uint)_text.Length && _text[_pos] <= ' ') SkipWhitespaceRun();
        }

        private int SkipWhitespaceRun()
        {
            var text = _text;
            int pos = _pos;
            while (pos < text.Length)
            {
                char c = text[pos];
                if (c > ' ' || (c != ' ' && c != '\t' && c != '\n' && c != '\r')) break;
                pos++;
            }
            return _pos = pos; // where the next token starts
        }

        private static string Shorten(ReadOnlySpan<char> s) => s.Length <= 32 ? s.ToString() : s.Slice(0, 32).ToString() + "...";

        private IpcException Error(string message) => IpcException.Protocol("Malformed JSON: " + message);

        private IpcException DepthError() =>
            new IpcException(IpcErrorNames.Limit, $"JSON nested deeper than the limit of {_maxDepth}", IpcErrorCodes.Limit);
    }
}
