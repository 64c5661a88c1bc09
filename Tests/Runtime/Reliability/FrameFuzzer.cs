using System;
using System.Globalization;
using System.Text;

namespace FrameIpc.Tests.Reliability
{
    /// <summary>
    /// Seeded generator of adversarial frames for one endpoint (the engine, or a C# renderer). The same seed gives the
    /// same frames, so a failure reproduces from the seed and the frame's index alone. Each case says what it must lead to.
    /// </summary>
    internal sealed partial class FrameFuzzer
    {
        /// <summary>Invoke ids the fuzzer makes up for the peer; far above any id an endpoint chooses, so never pending.</summary>
        private const long UnknownIdBase = 1_000_000_000_000;

        private readonly Random _random;
        private readonly bool _toEngine;
        private readonly int _maxFrameChars;
        private readonly int _maxChannelChars;
        private readonly int _maxDepth;
        private readonly Func<long> _newPending;
        private int _nextGood;
        private long _nextId = 1;

        /// <param name="newPending">Makes the endpoint under test start an invoke to the peer and returns its id.</param>
        public FrameFuzzer(int seed, bool toEngine, IpcOptions options, Func<long> newPending)
        {
            _random = new Random(seed);
            _toEngine = toEngine;
            _maxFrameChars = options.MaxFrameChars;
            _maxChannelChars = options.MaxChannelChars;
            _maxDepth = options.MaxDepth;
            _newPending = newPending;
        }

        /// <summary>The categories, in the order <see cref="Next"/> picks them by weight.</summary>
        public static readonly string[] Categories =
        {
            "random bytes", "random chars", "truncated", "mutated", "wrong types", "huge numbers", "huge strings", "deep nesting",
            "unknown kind", "unknown id", "duplicate id", "wrong result type", "$type payload", "mixed batch", "broken batch",
            "quiet", "valid",
        };

        private static readonly int[] Weights = { 6, 6, 10, 14, 12, 6, 5, 5, 4, 5, 4, 4, 4, 8, 3, 2, 6 };

        public FuzzCase Next()
        {
            int total = 0;
            foreach (var w in Weights) total += w;
            int pick = _random.Next(total);
            int i = 0;
            while (pick >= Weights[i]) pick -= Weights[i++];
            switch (i)
            {
                case 0: return RandomBytes();
                case 1: return RandomChars();
                case 2: return Truncated();
                case 3: return Mutated();
                case 4: return WrongTypes();
                case 5: return HugeNumbers();
                case 6: return HugeStrings();
                case 7: return DeepNesting();
                case 8: return UnknownKind();
                case 9: return UnknownId();
                case 10: return DuplicateId();
                case 11: return WrongResultType();
                case 12: return TypePayload();
                case 13: return MixedBatch();
                case 14: return BrokenBatch();
                case 15: return QuietCase();
                default: return ValidCase();
            }
        }

        private FuzzCase RandomBytes()
        {
            var bytes = new byte[_random.Next(0, 160)];
            _random.NextBytes(bytes);
            return Random("random bytes", Encoding.UTF8.GetString(bytes));
        }

        private FuzzCase RandomChars()
        {
            const string alphabet = "{}[]\":,\\ \t\r\n0123456789-+.eEtrufalsn\u0000\u001f\u00e9\u2028";
            var sb = new StringBuilder();
            int n = _random.Next(1, 120);
            for (int i = 0; i < n; i++)
            {
                int roll = _random.Next(10);
                if (roll < 6) sb.Append(alphabet[_random.Next(alphabet.Length)]);
                else if (roll < 8) sb.Append((char)_random.Next(0xD800, 0xE000)); // lone surrogates
                else sb.Append((char)_random.Next(0, 0x10000));
            }
            return Random("random chars", sb.ToString());
        }

        /// <summary>Noise is refused, unless it happens to start like an object: then only a defined outcome is asked for.</summary>
        private static FuzzCase Random(string category, string text) =>
            new FuzzCase(category, text, text.TrimStart(' ', '\t', '\r', '\n').StartsWith("{", StringComparison.Ordinal) ? FuzzExpect.Any : FuzzExpect.Refused);

        private FuzzCase Truncated()
        {
            var whole = AnyValidEnvelope().Frame;
            return new FuzzCase("truncated", whole.Substring(0, _random.Next(0, whole.Length)), FuzzExpect.Refused);
        }

        private FuzzCase Mutated()
        {
            var text = new StringBuilder(AnyValidEnvelope().Frame);
            const string noise = "{}[]\":,\\0-9ae \u0000\"";
            int edits = _random.Next(1, 4);
            for (int i = 0; i < edits && text.Length > 0; i++)
            {
                int at = _random.Next(text.Length);
                switch (_random.Next(3))
                {
                    case 0: text[at] = noise[_random.Next(noise.Length)]; break;
                    case 1: text.Insert(at, noise[_random.Next(noise.Length)]); break;
                    default: text.Remove(at, 1); break;
                }
            }
            return new FuzzCase("mutated", text.ToString(), FuzzExpect.Any);
        }

        private FuzzCase HugeNumbers()
        {
            string[] huge =
            {
                "1e999", "-1e999", "1e308", "123456789012345678901234567890", "9223372036854775808", "-9223372036854775809",
                "-0", "0.000000000000000000000000000001", "4.9e-324", "1.7976931348623157e308", "2147483648", "-2147483649",
            };
            string n = huge[_random.Next(huge.Length)];
            string badId = huge[_random.Next(huge.Length - 2)]; // the last two fit an id (a long), so they are not refused
            switch (_random.Next(5))
            {
                case 0: return new FuzzCase("huge numbers", "{\"k\":\"invoke\",\"id\":" + badId + ",\"ch\":\"fuzz:sum\",\"a\":[1,2]}", FuzzExpect.Refused);
                case 1: return new FuzzCase("huge numbers", "{\"k\":\"result\",\"id\":" + badId + ",\"r\":1}", FuzzExpect.Refused);
                case 2: return Invoke("huge numbers", "fuzz:sum", "[" + n + "," + n + "]");
                case 3:
                    // A deadline of long.MaxValue ms is valid and must not overflow the handler's timer.
                    var slow = Invoke("huge numbers", "fuzz:slow", "[]");
                    slow.Frame = slow.Frame.Substring(0, slow.Frame.Length - 1) + ",\"t\":9223372036854775807}";
                    slow.Expect = FuzzExpect.Heard;
                    return slow;
                default: return new FuzzCase("huge numbers", Send("fuzz", "[" + n + ",\"s\"," + n + "]"), FuzzExpect.Heard);
            }
        }

        private FuzzCase HugeStrings()
        {
            int roll = _random.Next(10);
            if (roll < 2)
            {
                // Past the frame limit: refused whole, without being read.
                var over = Send("fuzz", "[\"" + new string('x', _maxFrameChars + _random.Next(1, 5000)) + "\"]");
                return new FuzzCase("huge strings", over, FuzzExpect.Refused);
            }
            int length = _random.Next(1000, _maxFrameChars - 200);
            var sb = new StringBuilder(length + 64);
            while (sb.Length < length)
            {
                int c = _random.Next(40);
                if (c == 0) sb.Append("\\u0000");
                else if (c == 1) sb.Append("\\ud800"); // escaped lone surrogate
                else if (c == 2) sb.Append("\\\"");
                else sb.Append((char)('a' + c % 26));
            }
            if (roll < 3)
            {
                // A channel name past the length limit: refused before a string is made of it.
                var name = new string('c', _maxChannelChars + _random.Next(1, 3));
                return new FuzzCase("huge strings", Send(name + sb.ToString(), "[1]"), FuzzExpect.Refused);
            }
            if (roll < 4)
            {
                // At the limit, on a channel nobody listens on: quiet, and the name is not kept.
                var name = new string('q', _maxChannelChars - _random.Next(0, 2));
                return new FuzzCase("huge strings", Send(name, "[1]"), FuzzExpect.Quiet);
            }
            return new FuzzCase("huge strings", Send("fuzz", "[7,\"" + sb + "\"]"), FuzzExpect.Heard);
        }

        private FuzzCase DeepNesting()
        {
            int roll = _random.Next(4);
            if (roll == 0)
            {
                int depth = _maxDepth - 4; // envelope and args array included, this still fits
                return new FuzzCase("deep nesting", Send("fuzz:obj", "[" + new string('[', depth) + new string(']', depth) + "]"), FuzzExpect.Heard);
            }
            int deep = _maxDepth + _random.Next(1, 2000);
            string open = roll == 1 ? new string('[', deep) : Repeat("{\"a\":", deep);
            string close = roll == 3 ? "" : roll == 1 ? new string(']', deep) : new string('}', deep);
            return new FuzzCase("deep nesting", Send("fuzz", "[" + open + "1" + close + "]"), FuzzExpect.Refused);
        }

        private FuzzCase UnknownKind()
        {
            string[] kinds = { "Send", "SEND", "send ", "invoke2", "", "\\u0073ynd", "batch\\u0000", "k", "__proto__", "constructor", "sync2", "null" };
            string k = _random.Next(3) == 0 ? "x" + RandomWord() : kinds[_random.Next(kinds.Length)];
            return new FuzzCase("unknown kind", "{\"k\":\"" + k + "\",\"ch\":\"good\",\"a\":[1]}", FuzzExpect.Refused);
        }

        private FuzzCase UnknownId()
        {
            long id = UnknownIdBase + _random.Next(1, int.MaxValue);
            bool cancel = _random.Next(2) == 0;
            return new FuzzCase("unknown id", cancel ? $"{{\"k\":\"cancel\",\"id\":{id}}}" : $"{{\"k\":\"result\",\"id\":{id},\"r\":{_random.Next()}}}", FuzzExpect.UnknownId);
        }

        private static string Repeat(string s, int n)
        {
            var sb = new StringBuilder(s.Length * n);
            for (int i = 0; i < n; i++) sb.Append(s);
            return sb.ToString();
        }

        private string RandomWord()
        {
            var sb = new StringBuilder();
            int n = _random.Next(1, 12);
            for (int i = 0; i < n; i++) sb.Append((char)_random.Next('a', 'z' + 1));
            return sb.ToString();
        }

        private static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);
    }
}
