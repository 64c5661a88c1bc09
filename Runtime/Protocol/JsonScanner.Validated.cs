using System;

namespace FrameIpc
{
    /// <summary>The skips used after a frame is validated: they only find where a value ends.</summary>
    internal ref partial struct JsonScanner
    {
        /// <summary>
        /// Skips one value of a frame <c>EnvelopeReader.Validate</c> has already proven to be valid JSON within the depth
        /// limit, finding its end without checking it again: the passes after the validating one (an envelope's members,
        /// its arguments) only need where a value ends. Returns where it started.
        /// </summary>
        public int SkipValidatedValue() => SkipValidatedValue(out _);

        /// <summary>
        /// As <see cref="SkipValidatedValue()"/>; for an array, <paramref name="firstEnd"/> is where its first element
        /// ends (0 for an empty array or another value), so the arguments can be indexed without skipping it again.
        /// </summary>
        public int SkipValidatedValue(out int firstEnd)
        {
            SkipWhitespace();
            var text = _text;
            int start = _pos, pos = _pos;
            firstEnd = 0;
            if (pos >= text.Length) throw Error("the frame ended where a value was expected");
            char c = text[pos];
            if (c == '"') pos = AfterString(text, pos + 1);
            else if (c == '{' || c == '[')
            {
                bool array = c == '[';
                int depth = 0;
                do
                {
                    if (pos >= text.Length) throw Error("unterminated value");
                    c = text[pos++];
                    if (c == '"') { pos = AfterString(text, pos); continue; }
                    if (c == '{' || c == '[') { depth++; continue; }
                    if (c == '}' || c == ']') depth--;
                    else if (c != ',') continue;
                    // The array's first top-level ',' or its closing ']': its first element ended before it (whitespace aside).
                    if (array && firstEnd == 0 && (depth == 0 || (c == ',' && depth == 1))) firstEnd = TrimEnd(text, start + 1, pos - 1);
                } while (depth > 0);
            }
            else
            {
                // A number or a literal: it ends where the next separator, bracket or whitespace begins.
                while (pos < text.Length && (c = text[pos]) > ' ' && c != ',' && c != '}' && c != ']') pos++;
            }
            _pos = pos;
            return start;
        }

        /// <summary>Moves past a value whose end is already known (<see cref="SkipValidatedValue(out int)"/>); returns where it started.</summary>
        public int SkipKnownValue(int end)
        {
            SkipWhitespace();
            int start = _pos;
            _pos = end;
            return start;
        }

        /// <summary>The end of the value before <paramref name="stop"/>, whitespace left out; 0 when none lies after <paramref name="from"/>.</summary>
        private static int TrimEnd(ReadOnlySpan<char> text, int from, int stop)
        {
            while (stop > from && text[stop - 1] <= ' ') stop--;
            return stop > from ? stop : 0;
        }

        /// <summary>Where the string whose contents start at <paramref name="pos"/> ends (past its closing quote).</summary>
        private int AfterString(ReadOnlySpan<char> text, int pos)
        {
            // A plain loop: the strings of an envelope are mostly short keys, where a vectorized search costs more than it saves.
            while (pos < text.Length)
            {
                char c = text[pos++];
                if (c == '"') return pos;
                if (c == '\\') pos++; // an escape: the character after the backslash never ends the string
            }
            throw Error("unterminated string");
        }
    }
}
