using System;

namespace FrameIpc
{
    /// <summary>
    /// The kind of an envelope: its <c>k</c> member on the wire (Documentation~/protocol.md), whose text is the
    /// member's name in lower case. The one list of kinds: the reader, the writer, the tracer and the IPC Monitor all
    /// use it.
    /// </summary>
    public enum EnvelopeKind : byte
    {
        /// <summary>Not a known kind (never sent).</summary>
        None,
        /// <summary><c>hello</c>: the handshake's first envelope.</summary>
        Hello,
        /// <summary><c>ready</c>: the handshake's answer.</summary>
        Ready,
        /// <summary><c>send</c>: a message with no answer.</summary>
        Send,
        /// <summary><c>invoke</c>: a call answered by a <c>result</c>.</summary>
        Invoke,
        /// <summary><c>sync</c>: a blocking call answered by a <c>result</c>.</summary>
        Sync,
        /// <summary><c>result</c>: the answer (or error) of an invoke or sync.</summary>
        Result,
        /// <summary><c>cancel</c>: the caller no longer wants an invoke's result.</summary>
        Cancel,
        /// <summary><c>error</c>: an error notice about the traffic itself.</summary>
        Error,
        /// <summary><c>batch</c>: a frame carrying several envelopes (never traced itself).</summary>
        Batch,
        /// <summary><c>frame</c>: a subframe of the view attached, navigated or detached (view to engine).</summary>
        Frame,
        /// <summary><c>portmessage</c>: a message on a MessagePort the two sides share (<c>p</c>: its id).</summary>
        PortMessage,
        /// <summary><c>portclose</c>: one end of a shared MessagePort closed (<c>p</c>: its id).</summary>
        PortClose,
    }

    /// <summary>The wire text of each <see cref="EnvelopeKind"/>, derived from the enum so the list exists once.</summary>
    internal static class EnvelopeKinds
    {
        private static readonly string[] s_names = CreateNames();

        public static string Name(EnvelopeKind kind) => (int)kind < s_names.Length ? s_names[(int)kind] : s_names[0];

        /// <summary>The kind whose wire text is <paramref name="s"/>, else <see cref="EnvelopeKind.None"/>. Allocates nothing.</summary>
        public static EnvelopeKind Parse(ReadOnlySpan<char> s)
        {
            for (int i = 1; i < s_names.Length; i++)
                if (s.SequenceEqual(s_names[i].AsSpan())) return (EnvelopeKind)i;
            return EnvelopeKind.None;
        }

        private static string[] CreateNames()
        {
            var values = (EnvelopeKind[])Enum.GetValues(typeof(EnvelopeKind));
            var names = new string[values.Length];
            foreach (var kind in values) names[(int)kind] = kind.ToString().ToLowerInvariant();
            return names;
        }
    }
}
