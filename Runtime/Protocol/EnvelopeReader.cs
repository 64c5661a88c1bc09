using System;

namespace FrameIpc
{
    /// <summary>
    /// Reads envelopes out of a frame that <see cref="Validate"/> has already proven to be one valid JSON value within
    /// the depth limit, so every error here is about meaning (a missing or mistyped member), never about where a value ends.
    /// </summary>
    internal static class EnvelopeReader
    {
        /// <summary>
        /// How many ints <see cref="Validate"/> records per envelope: where it starts and ends, and where its arguments
        /// (<c>a</c>) start, end and where their first element ends (all 0 when it has none), so reading it later skips
        /// nothing the validating pass has already walked.
        /// </summary>
        public const int Stride = 5;

        /// <summary>
        /// Checks, in one pass, that the frame is one valid JSON object within the depth limit, and says whether it is a
        /// batch. For a batch, <paramref name="count"/> envelopes are recorded in <paramref name="bounds"/> (<see cref="Stride"/>
        /// ints each; grown as needed, reused between frames), so dispatch never scans the frame for boundaries again;
        /// for a single envelope (<paramref name="count"/> 0), the frame's own entry is the first.
        /// </summary>
        public static void Validate(char[] buffer, int length, int maxDepth, out bool isBatch, ref int[] bounds, out int count)
        {
            var span = new ReadOnlySpan<char>(buffer, 0, length);
            var s = new JsonScanner(span, maxDepth);
            if (s.Peek() != '{') throw IpcException.Protocol("A frame must be a JSON object (an envelope or a batch)");
            s.Expect('{');
            isBatch = false;
            count = 0;
            bool sawBatchArray = false;
            int argsStart = 0, argsEnd = 0, firstEnd = 0;
            if (s.TryConsume('}')) throw IpcException.Protocol("Envelope without a kind ('k')");
            do
            {
                var key = s.ReadRawString(out _);
                s.Expect(':');
                if (key.SequenceEqual("k".AsSpan()) && s.Peek() == '"')
                {
                    int at = s.Position;
                    var kind = s.ReadRawString(out bool escaped);
                    isBatch = (escaped ? EnvelopeKinds.Parse(Unescape(buffer, at, s.Position - at).AsSpan()) : EnvelopeKinds.Parse(kind)) == EnvelopeKind.Batch;
                }
                else if (key.SequenceEqual("m".AsSpan()) && s.Peek() == '[')
                {
                    sawBatchArray = true;
                    count = 0;
                    s.Expect('[');
                    if (!s.TryConsume(']'))
                    {
                        do
                        {
                            if (Stride * (count + 1) > bounds.Length) Array.Resize(ref bounds, Math.Max(16 * Stride, bounds.Length * 2));
                            SkipEnvelope(ref s, 2, bounds, Stride * count);
                            count++;
                        } while (s.TryConsume(','));
                        s.Expect(']');
                    }
                }
                else if (key.SequenceEqual("a".AsSpan()) && s.Peek() == '[') argsStart = SkipArgs(ref s, 1, out argsEnd, out firstEnd);
                else s.SkipValueAt(1);
            } while (s.TryConsume(','));
            s.Expect('}');
            if (!s.AtEnd) throw IpcException.Protocol($"Malformed JSON: extra text after the envelope at {s.Position}");
            if (!isBatch)
            {
                count = 0;
                if (bounds.Length < Stride) Array.Resize(ref bounds, 16 * Stride);
                Record(bounds, 0, 0, length, argsStart, argsEnd, firstEnd);
            }
            else if (!sawBatchArray) throw IpcException.Protocol("A batch needs an array member 'm'");
        }

        /// <summary>
        /// Validates one element of a batch (as <c>SkipValueAt(depth)</c> would, with the same errors) and records it at
        /// <paramref name="at"/>: an object's <c>a</c> array is walked element by element, so its bounds come for free.
        /// </summary>
        private static void SkipEnvelope(ref JsonScanner s, int depth, int[] bounds, int at)
        {
            int argsStart = 0, argsEnd = 0, firstEnd = 0;
            if (s.Peek() != '{')
            {
                int other = s.SkipValueAt(depth);
                Record(bounds, at, other, s.Position, 0, 0, 0);
                return;
            }
            int start = s.Position;
            s.CheckDepth(depth + 1);
            s.Expect('{');
            if (!s.TryConsume('}'))
            {
                do
                {
                    var key = s.ReadRawString(out _);
                    s.Expect(':');
                    if (key.Length == 1 && key[0] == 'a' && s.Peek() == '[') argsStart = SkipArgs(ref s, depth + 1, out argsEnd, out firstEnd);
                    else s.SkipValueAt(depth + 1);
                } while (s.TryConsume(','));
                s.Expect('}');
            }
            Record(bounds, at, start, s.Position, argsStart, argsEnd, firstEnd);
        }

        /// <summary>Validates the array that comes next, <paramref name="depth"/> containers deep, as <c>SkipValueAt</c> does; returns where it starts.</summary>
        private static int SkipArgs(ref JsonScanner s, int depth, out int end, out int firstEnd)
        {
            int start = s.Position;
            s.CheckDepth(depth + 1);
            s.Expect('[');
            firstEnd = 0;
            if (!s.TryConsume(']'))
            {
                s.SkipValueAt(depth + 1);
                firstEnd = s.Position;
                while (s.TryConsume(',')) s.SkipValueAt(depth + 1);
                s.Expect(']');
            }
            end = s.Position;
            return start;
        }

        private static void Record(int[] bounds, int at, int start, int end, int argsStart, int argsEnd, int firstEnd)
        {
            bounds[at] = start;
            bounds[at + 1] = end;
            bounds[at + 2] = argsStart;
            bounds[at + 3] = argsEnd - argsStart;
            bounds[at + 4] = firstEnd;
        }

        /// <summary>
        /// Decodes the envelope in <c>buffer[start..end)</c> into <paramref name="e"/>; <paramref name="knownArgs"/>, when
        /// present, is where <see cref="Validate"/> found its arguments, which are then not walked again.
        /// </summary>
        public static void Read(char[] buffer, int start, int end, int maxDepth, int maxChannelChars, ChannelNames names, Envelope e, JsonRange knownArgs = default)
        {
            var scanner = new JsonScanner(new ReadOnlySpan<char>(buffer, 0, end), maxDepth, start);
            e.Buffer = buffer;
            e.Self = new JsonRange(start, end - start);
            if (scanner.Peek() != '{') throw IpcException.Protocol("An envelope must be a JSON object");
            scanner.Expect('{');
            if (scanner.TryConsume('}')) throw IpcException.Protocol("Envelope without a kind ('k')");
            do
            {
                var key = scanner.ReadRawString(out _);
                scanner.Expect(':');
                ReadMember(ref scanner, key, buffer, maxChannelChars, names, e, knownArgs);
            } while (scanner.TryConsume(','));

            if (e.Kind == EnvelopeKind.None) throw IpcException.Protocol("Envelope without a kind ('k')");
            if (e.Kind == EnvelopeKind.Batch) throw IpcException.Protocol("Batches do not nest");
        }

        /// <summary>
        /// After <see cref="Read"/> failed part-way: fills in the kind and id it did not reach, wherever they sit, so a
        /// refused invoke or sync is answered with an error result whatever the order of its members (a bad <c>ch</c>
        /// before <c>id</c> must not leave its caller waiting for its own timeout). Reads nothing else; never throws.
        /// </summary>
        public static void ReadKindAndId(char[] buffer, int start, int end, int maxDepth, Envelope e)
        {
            try
            {
                var s = new JsonScanner(new ReadOnlySpan<char>(buffer, 0, end), maxDepth, start);
                s.Expect('{');
                if (s.TryConsume('}')) return;
                do
                {
                    var key = s.ReadRawString(out _);
                    s.Expect(':');
                    if (e.Kind == EnvelopeKind.None && key.SequenceEqual("k".AsSpan()) && s.Peek() == '"')
                    {
                        int at = s.Position;
                        var kind = s.ReadRawString(out bool escaped);
                        e.Kind = escaped ? EnvelopeKinds.Parse(Unescape(buffer, at, s.Position - at).AsSpan()) : EnvelopeKinds.Parse(kind);
                    }
                    else if (e.Id == 0 && key.SequenceEqual("id".AsSpan())) e.Id = Integer(ref s, "id", 1);
                    else if (e.Frame == 0 && key.SequenceEqual("fr".AsSpan())) e.Frame = (int)Integer(ref s, "fr", 0, int.MaxValue);
                    else s.SkipValue();
                } while (s.TryConsume(','));
            }
            catch (Exception)
            {
                // What could be found stays found; an envelope without a readable id is answered with a notice instead.
            }
        }

        private static void ReadMember(ref JsonScanner s, ReadOnlySpan<char> key, char[] buffer, int maxChannelChars, ChannelNames names, Envelope e, JsonRange knownArgs)
        {
            if (key.Length == 1)
            {
                switch (key[0])
                {
                    case 'k':
                        if (s.Peek() != '"') throw IpcException.Protocol("Member 'k' must be a string");
                        int kindAt = s.Position;
                        var kind = s.ReadRawString(out bool kindEscaped);
                        e.Kind = kindEscaped ? EnvelopeKinds.Parse(Unescape(buffer, kindAt, s.Position - kindAt).AsSpan()) : EnvelopeKinds.Parse(kind);
                        if (e.Kind == EnvelopeKind.None) throw IpcException.Protocol($"Unknown envelope kind '{Shorten(kind)}'");
                        return;
                    case 'a':
                        if (knownArgs.IsPresent && s.Peek() == '[' && s.Position == knownArgs.Start)
                        {
                            s.SkipKnownValue(knownArgs.Start + knownArgs.Length);
                            e.Args = knownArgs;
                        }
                        else e.Args = Range(ref s, '[', "a", "an array");
                        return;
                    case 'r': e.Result = Range(ref s, '\0', "r", "a value"); return;
                    case 'e': e.Error = Range(ref s, '{', "e", "an object"); return;
                    case 't': e.TimeoutMs = Integer(ref s, "t", 0); return;
                    case 'v': e.Version = (int)Integer(ref s, "v", 0, int.MaxValue); return;
                    case 'p':
                        if (s.Peek() == '[') e.Ports = Range(ref s, '[', "p", "an array");
                        else e.PortId = Integer(ref s, "p", -Protocol.MaxPortId, Protocol.MaxPortId);
                        return;
                }
            }
            else if (key.SequenceEqual("ch".AsSpan()))
            {
                if (s.Peek() != '"') throw IpcException.Protocol("Member 'ch' must be a string");
                int at = s.Position;
                var raw = s.ReadRawString(out bool escaped);
                // Checked before a string is made of it: a page inventing huge channel names costs the engine nothing.
                if (!escaped && raw.Length > maxChannelChars) throw ChannelTooLong(raw.Length, maxChannelChars);
                var channel = escaped ? Unescape(buffer, at, s.Position - at) : names.Get(raw);
                if (channel.Length > maxChannelChars) throw ChannelTooLong(channel.Length, maxChannelChars);
                e.Channel = channel;
                return;
            }
            else if (key.SequenceEqual("id".AsSpan())) { e.Id = Integer(ref s, "id", 1); return; }
            else if (key.SequenceEqual("to".AsSpan())) { e.To = (int)Integer(ref s, "to", 0, int.MaxValue); return; }
            else if (key.SequenceEqual("from".AsSpan())) { e.From = (int)Integer(ref s, "from", 0, int.MaxValue); return; }
            else if (key.SequenceEqual("view".AsSpan())) { e.ViewId = (int)Integer(ref s, "view", 1, int.MaxValue); return; }
            else if (key.SequenceEqual("max".AsSpan())) { e.MaxFrame = (int)Integer(ref s, "max", 0, int.MaxValue); return; }
            else if (key.SequenceEqual("fr".AsSpan())) { e.Frame = (int)Integer(ref s, "fr", 0, int.MaxValue); return; }
            s.SkipValidatedValue(); // unknown members are ignored, for forward compatibility
        }

        /// <summary>The rare escaped string: Newtonsoft unescapes it (any failure is still a protocol error).</summary>
        private static string Unescape(char[] buffer, int start, int length)
        {
            try
            {
                return SliceJsonReader.Deserialize<string>(buffer, start, length, IpcJson.Serializer);
            }
            catch (Exception ex)
            {
                throw IpcException.Protocol("Malformed JSON: a string cannot be unescaped (" + ex.Message + ")");
            }
        }

        private static JsonRange Range(ref JsonScanner s, char opener, string key, string what)
        {
            char c = s.Peek();
            if (opener != '\0' && c != opener) throw IpcException.Protocol($"Member '{key}' must be {what}");
            int start = s.SkipValidatedValue(out int firstEnd); // Validate has checked it: only where it (and its first element) ends
            return new JsonRange(start, s.Position - start, firstEnd);
        }

        private static long Integer(ref JsonScanner s, string key, long min, long max = long.MaxValue)
        {
            char c = s.Peek();
            if (c != '-' && (c < '0' || c > '9')) throw IpcException.Protocol($"Member '{key}' must be an integer");
            long v;
            try { v = s.ReadInt64(); }
            catch (IpcException) { throw IpcException.Protocol($"Member '{key}' must be an integer"); }
            if (v < min || v > max) throw IpcException.Protocol($"Member '{key}' is out of range ({v})");
            return v;
        }

        /// <summary>Reads an error object (<c>name</c>, <c>message</c>, <c>code</c>, <c>data</c>) from a validated range.</summary>
        public static void ReadError(char[] buffer, JsonRange range, int maxDepth, out string name, out string message, out string? code, out string? dataJson)
        {
            name = IpcErrorNames.Error;
            message = "";
            code = null;
            dataJson = null;
            var s = new JsonScanner(new ReadOnlySpan<char>(buffer, 0, range.Start + range.Length), maxDepth, range.Start);
            s.Expect('{');
            if (s.TryConsume('}')) return;
            do
            {
                var key = s.ReadRawString(out _);
                s.Expect(':');
                bool isString = s.Peek() == '"';
                int start = s.SkipValue();
                int length = s.Position - start;
                if (key.SequenceEqual("data".AsSpan())) dataJson = new string(buffer, start, length);
                else if (!isString) continue;
                else if (key.SequenceEqual("name".AsSpan())) name = ValueCodec<string>.Read(buffer, start, length, maxDepth, IpcJsonContext.Default) ?? name;
                else if (key.SequenceEqual("message".AsSpan())) message = ValueCodec<string>.Read(buffer, start, length, maxDepth, IpcJsonContext.Default) ?? "";
                else if (key.SequenceEqual("code".AsSpan())) code = ValueCodec<string>.Read(buffer, start, length, maxDepth, IpcJsonContext.Default);
            } while (s.TryConsume(','));
        }

        private static IpcException ChannelTooLong(int length, int max) =>
            new IpcException(IpcErrorNames.Limit, $"Channel name of {length} characters is over the limit of {max}", IpcErrorCodes.Limit);

        private static string Shorten(ReadOnlySpan<char> s) => s.Length <= 32 ? s.ToString() : s.Slice(0, 32).ToString() + "...";
    }
}
