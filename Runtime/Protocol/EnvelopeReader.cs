using System;

namespace FrameIpc
{
    /// <summary>
    /// Reads envelopes out of a frame that <see cref="Validate"/> has already proven to be one valid JSON value within
    /// the depth limit, so every error here is about meaning (a missing or mistyped member), never about where a value ends.
    /// </summary>
    internal static class EnvelopeReader
    {
        /// <summary>Checks the whole frame is one JSON value; returns where the envelopes start, and whether it is a batch.</summary>
        public static int Validate(char[] buffer, int length, int maxDepth, out bool isBatch)
        {
            var span = new ReadOnlySpan<char>(buffer, 0, length);
            var scanner = new JsonScanner(span, maxDepth);
            if (scanner.Peek() != '{') throw IpcException.Protocol("A frame must be a JSON object (an envelope or a batch)");
            scanner.SkipValue();
            if (!scanner.AtEnd) throw IpcException.Protocol($"Malformed JSON: extra text after the envelope at {scanner.Position}");

            isBatch = false;
            var members = new JsonScanner(span, maxDepth);
            members.Expect('{');
            int batchStart = -1;
            if (members.TryConsume('}')) throw IpcException.Protocol("Envelope without a kind ('k')");
            do
            {
                var key = members.ReadRawString(out _);
                members.Expect(':');
                if (key.SequenceEqual("k".AsSpan()))
                {
                    if (members.Peek() != '"') throw IpcException.Protocol("Member 'k' must be a string");
                    isBatch = EnvelopeKinds.Parse(members.ReadRawString(out _)) == EnvelopeKind.Batch;
                }
                else if (key.SequenceEqual("m".AsSpan()) && members.Peek() == '[')
                {
                    batchStart = members.Position;
                    members.SkipValue();
                }
                else members.SkipValue();
            } while (members.TryConsume(','));

            if (!isBatch) return 0;
            if (batchStart < 0) throw IpcException.Protocol("A batch needs an array member 'm'");
            var inner = new JsonScanner(span, maxDepth, batchStart);
            inner.Expect('[');
            return inner.Position;
        }

        /// <summary>
        /// Moves to the next envelope of a batch. <paramref name="cursor"/> points just past '[' or a previous envelope.
        /// Returns false at the end of the batch.
        /// </summary>
        public static bool NextInBatch(char[] buffer, int length, int maxDepth, ref int cursor, out int start, out int end)
        {
            var scanner = new JsonScanner(new ReadOnlySpan<char>(buffer, 0, length), maxDepth, cursor);
            scanner.TryConsume(',');
            if (scanner.Peek() == ']')
            {
                start = end = cursor = length;
                return false;
            }
            start = scanner.SkipValue();
            end = cursor = scanner.Position;
            return true;
        }

        /// <summary>Decodes the envelope in <c>buffer[start..end)</c> into <paramref name="e"/>.</summary>
        public static void Read(char[] buffer, int start, int end, int maxDepth, ChannelNames names, Envelope e)
        {
            var scanner = new JsonScanner(new ReadOnlySpan<char>(buffer, 0, end), maxDepth, start);
            e.Buffer = buffer;
            if (scanner.Peek() != '{') throw IpcException.Protocol("An envelope must be a JSON object");
            scanner.Expect('{');
            if (scanner.TryConsume('}')) throw IpcException.Protocol("Envelope without a kind ('k')");
            do
            {
                var key = scanner.ReadRawString(out _);
                scanner.Expect(':');
                ReadMember(ref scanner, key, buffer, names, e);
            } while (scanner.TryConsume(','));

            if (e.Kind == EnvelopeKind.None) throw IpcException.Protocol("Envelope without a kind ('k')");
            if (e.Kind == EnvelopeKind.Batch) throw IpcException.Protocol("Batches do not nest");
        }

        private static void ReadMember(ref JsonScanner s, ReadOnlySpan<char> key, char[] buffer, ChannelNames names, Envelope e)
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
                    case 'a': e.Args = Range(ref s, '[', "a", "an array"); return;
                    case 'r': e.Result = Range(ref s, '\0', "r", "a value"); return;
                    case 'e': e.Error = Range(ref s, '{', "e", "an object"); return;
                    case 't': e.TimeoutMs = Integer(ref s, "t", 0); return;
                    case 'v': e.Version = (int)Integer(ref s, "v", 0, int.MaxValue); return;
                }
            }
            else if (key.SequenceEqual("ch".AsSpan()))
            {
                if (s.Peek() != '"') throw IpcException.Protocol("Member 'ch' must be a string");
                int at = s.Position;
                var raw = s.ReadRawString(out bool escaped);
                e.Channel = escaped ? Unescape(buffer, at, s.Position - at) : names.Get(raw);
                return;
            }
            else if (key.SequenceEqual("id".AsSpan())) { e.Id = Integer(ref s, "id", 1); return; }
            else if (key.SequenceEqual("to".AsSpan())) { e.To = (int)Integer(ref s, "to", 0, int.MaxValue); return; }
            else if (key.SequenceEqual("from".AsSpan())) { e.From = (int)Integer(ref s, "from", 0, int.MaxValue); return; }
            else if (key.SequenceEqual("view".AsSpan())) { e.ViewId = (int)Integer(ref s, "view", 1, int.MaxValue); return; }
            s.SkipValue(); // unknown members are ignored, for forward compatibility
        }

        /// <summary>The rare escaped string: Newtonsoft unescapes it (any failure is still a protocol error).</summary>
        private static string Unescape(char[] buffer, int start, int length)
        {
            try
            {
                return SliceJsonReader.Deserialize<string>(buffer, start, length);
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
            int start = s.SkipValue();
            return new JsonRange(start, s.Position - start);
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
                else if (key.SequenceEqual("name".AsSpan())) name = ValueCodec<string>.Read(buffer, start, length, maxDepth) ?? name;
                else if (key.SequenceEqual("message".AsSpan())) message = ValueCodec<string>.Read(buffer, start, length, maxDepth) ?? "";
                else if (key.SequenceEqual("code".AsSpan())) code = ValueCodec<string>.Read(buffer, start, length, maxDepth);
            } while (s.TryConsume(','));
        }

        private static string Shorten(ReadOnlySpan<char> s) => s.Length <= 32 ? s.ToString() : s.Slice(0, 32).ToString() + "...";
    }
}
