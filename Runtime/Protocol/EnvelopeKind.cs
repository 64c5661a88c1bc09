using System;

namespace FrameIpc
{
    /// <summary>The <c>k</c> member of an envelope (Documentation~/protocol.md).</summary>
    internal enum EnvelopeKind : byte
    {
        None, Hello, Ready, Send, Invoke, Sync, Result, Cancel, Error, Batch,
    }

    internal static class EnvelopeKinds
    {
        public static string Name(EnvelopeKind kind) => kind switch
        {
            EnvelopeKind.Hello => "hello",
            EnvelopeKind.Ready => "ready",
            EnvelopeKind.Send => "send",
            EnvelopeKind.Invoke => "invoke",
            EnvelopeKind.Sync => "sync",
            EnvelopeKind.Result => "result",
            EnvelopeKind.Cancel => "cancel",
            EnvelopeKind.Error => "error",
            EnvelopeKind.Batch => "batch",
            _ => "none",
        };

        public static EnvelopeKind Parse(ReadOnlySpan<char> s)
        {
            switch (s.Length)
            {
                case 4: return s.SequenceEqual("send".AsSpan()) ? EnvelopeKind.Send : s.SequenceEqual("sync".AsSpan()) ? EnvelopeKind.Sync : EnvelopeKind.None;
                case 5: return s.SequenceEqual("hello".AsSpan()) ? EnvelopeKind.Hello : s.SequenceEqual("ready".AsSpan()) ? EnvelopeKind.Ready
                             : s.SequenceEqual("error".AsSpan()) ? EnvelopeKind.Error : s.SequenceEqual("batch".AsSpan()) ? EnvelopeKind.Batch : EnvelopeKind.None;
                case 6: return s.SequenceEqual("invoke".AsSpan()) ? EnvelopeKind.Invoke : s.SequenceEqual("result".AsSpan()) ? EnvelopeKind.Result
                             : s.SequenceEqual("cancel".AsSpan()) ? EnvelopeKind.Cancel : EnvelopeKind.None;
                default: return EnvelopeKind.None;
            }
        }
    }
}
