using System;

namespace FrameIpc
{
    /// <summary>
    /// Where a JSON number ends, and fast paths for the numbers a payload usually holds, each giving exactly what the framework's parser gives, or
    /// false (then the caller parses with it): no culture lookup, no number buffer.
    /// </summary>
    internal static class JsonNumbers
    {
        // Every power of ten up to 1e22 is a double exactly (5^22 < 2^53).
        private static readonly double[] PowersOfTen =
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        };

        /// <summary>Where the JSON number starting at <paramref name="pos"/> ends, or -1 when none starts there.</summary>
        public static int End(ReadOnlySpan<char> text, int pos)
        {
            if (pos < text.Length && text[pos] == '-') pos++;
            if (pos < text.Length && text[pos] == '0') pos++;
            else if (!SkipDigits(text, ref pos)) return -1;
            if (pos < text.Length && text[pos] == '.')
            {
                pos++;
                if (!SkipDigits(text, ref pos)) return -1;
            }
            if (pos < text.Length && (text[pos] == 'e' || text[pos] == 'E'))
            {
                pos++;
                if (pos < text.Length && (text[pos] == '+' || text[pos] == '-')) pos++;
                if (!SkipDigits(text, ref pos)) return -1;
            }
            return pos;
        }

        private static bool SkipDigits(ReadOnlySpan<char> text, ref int pos)
        {
            int start = pos;
            while (pos < text.Length && (uint)(text[pos] - '0') <= 9) pos++;
            return pos > start;
        }

        /// <summary>An optional '-' and at most 18 digits, which cannot overflow a long.</summary>
        public static bool TryParseInt64(ReadOnlySpan<char> text, out long value)
        {
            value = 0;
            int i = text.Length > 0 && text[0] == '-' ? 1 : 0;
            if (text.Length == i || text.Length - i > 18) return false;
            for (; i < text.Length; i++)
            {
                uint digit = (uint)(text[i] - '0');
                if (digit > 9) return false;
                value = value * 10 + digit;
            }
            if (text[0] == '-') value = -value;
            return true;
        }

        /// <summary>
        /// A decimal without an exponent and with at most 15 digits (<c>12.5</c>, <c>-3.25</c>): its digits as an integer
        /// and a power of ten are both doubles exactly, so one IEEE division rounds the quotient correctly, the same
        /// double <c>double.Parse</c> returns (Clinger's fast path). Anything else is left to <c>double.Parse</c>.
        /// </summary>
        public static bool TryParseDouble(ReadOnlySpan<char> text, out double value)
        {
            value = 0;
            bool negative = text.Length > 0 && text[0] == '-';
            int i = negative ? 1 : 0, digits = 0, dot = -1;
            long mantissa = 0;
            for (; i < text.Length; i++)
            {
                uint digit = (uint)(text[i] - '0');
                if (digit <= 9)
                {
                    if (++digits > 15) return false;
                    mantissa = mantissa * 10 + digit;
                }
                else if (text[i] == '.' && dot < 0 && digits > 0) dot = i;
                else return false;
            }
            if (digits == 0 || dot == text.Length - 1) return false;
            double d = mantissa;
            if (dot > 0) d /= PowersOfTen[text.Length - 1 - dot];
            value = negative ? -d : d;
            return true;
        }
    }
}
