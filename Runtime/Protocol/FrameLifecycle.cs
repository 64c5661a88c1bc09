using System;

namespace FrameIpc
{
    /// <summary>What a <c>frame</c> envelope says happened to one subframe of a view (protocol.md, "Frames").</summary>
    internal enum FrameOp : byte
    {
        /// <summary><c>attach</c>: a subframe's client said hello for the first time.</summary>
        Attach,
        /// <summary><c>navigate</c>: the subframe's document is unloading (no <c>url</c>) or a new one said hello (<c>url</c>).</summary>
        Navigate,
        /// <summary><c>detach</c>: the subframe is gone (removed, or refused after navigating to an origin not allowed).</summary>
        Detach,
    }

    /// <summary>
    /// The members of a <c>frame</c> envelope beyond <c>k</c> and <c>fr</c>: <c>op</c>, <c>parent</c>, <c>origin</c>,
    /// <c>url</c>. Read from the envelope's own range only when one arrives (frames come and go rarely), so the hot
    /// envelope reader carries none of them.
    /// </summary>
    internal readonly struct FrameLifecycle
    {
        private FrameLifecycle(FrameOp op, int parent, string? origin, string? url)
        {
            Op = op;
            Parent = parent;
            Origin = origin;
            Url = url;
        }

        public FrameOp Op { get; }

        /// <summary>The parent frame's id; 0 (or absent) is the main frame.</summary>
        public int Parent { get; }

        public string? Origin { get; }

        public string? Url { get; }

        /// <summary>Reads the envelope at <paramref name="self"/>; a missing or mistyped member is a <c>ProtocolError</c>.</summary>
        public static FrameLifecycle Read(char[] buffer, JsonRange self, int maxDepth)
        {
            FrameOp? op = null;
            int parent = 0;
            string? origin = null, url = null;
            var s = new JsonScanner(new ReadOnlySpan<char>(buffer, 0, self.Start + self.Length), maxDepth, self.Start);
            s.Expect('{');
            if (!s.TryConsume('}'))
            {
                do
                {
                    var key = s.ReadRawString(out _);
                    s.Expect(':');
                    if (key.SequenceEqual("op".AsSpan())) op = ParseOp(String(ref s, buffer, maxDepth, "op"));
                    else if (key.SequenceEqual("origin".AsSpan())) origin = String(ref s, buffer, maxDepth, "origin");
                    else if (key.SequenceEqual("url".AsSpan())) url = String(ref s, buffer, maxDepth, "url");
                    else if (key.SequenceEqual("parent".AsSpan())) parent = ReadParent(ref s);
                    else s.SkipValue();
                } while (s.TryConsume(','));
            }
            if (op == null) throw IpcException.Protocol("A frame envelope needs a string 'op' (attach, navigate or detach)");
            return new FrameLifecycle(op.Value, parent, origin, url);
        }

        private static FrameOp ParseOp(string? op) => op switch
        {
            "attach" => FrameOp.Attach,
            "navigate" => FrameOp.Navigate,
            "detach" => FrameOp.Detach,
            _ => throw IpcException.Protocol($"Unknown frame op '{Clip(op)}' (attach, navigate or detach)"),
        };

        private static string? String(ref JsonScanner s, char[] buffer, int maxDepth, string key)
        {
            if (s.TryReadNull()) return null;
            if (s.Peek() != '"') throw IpcException.Protocol($"Member '{key}' of a frame envelope must be a string");
            int start = s.SkipValue();
            return ValueCodec<string>.Read(buffer, start, s.Position - start, maxDepth, IpcJsonContext.Default);
        }

        private static int ReadParent(ref JsonScanner s)
        {
            char c = s.Peek();
            if (c < '0' || c > '9') throw IpcException.Protocol("Member 'parent' of a frame envelope must be a frame id (an integer >= 0)");
            long v;
            try { v = s.ReadInt64(); }
            catch (IpcException) { throw IpcException.Protocol("Member 'parent' of a frame envelope must be a frame id (an integer >= 0)"); }
            if (v > int.MaxValue) throw IpcException.Protocol($"Member 'parent' is out of range ({v})");
            return (int)v;
        }

        private static string Clip(string? s) => s == null ? "null" : s.Length <= 32 ? s : s.Substring(0, 32) + "...";
    }
}
