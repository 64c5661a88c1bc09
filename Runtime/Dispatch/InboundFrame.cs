using System;
using Microsoft.Extensions.ObjectPool;

namespace FrameIpc
{
    /// <summary>
    /// A frame copied off the transport into a pooled buffer, plus how far dispatch has got through it: a batch that
    /// runs past a tick's budget resumes at <see cref="Cursor"/> on the next tick. Pooled.
    /// </summary>
    internal sealed class InboundFrame : IResettable
    {
        private static readonly ObjectPool<InboundFrame> Pool = IpcPools.Create<InboundFrame>(256);

        public char[] Buffer = Array.Empty<char>();
        public int Length;
        public bool Validated;
        public bool IsBatch;
        public bool Done;
        public int Cursor;

        /// <summary>Set instead of a copy when the frame was over the size limit: the error is reported in order, in the tick.</summary>
        public int OversizeLength;

        public static InboundFrame RentOversize(int length)
        {
            var frame = IpcPools.Rent(Pool);
            frame.OversizeLength = length;
            return frame;
        }

        public static InboundFrame Rent(ReadOnlySpan<char> text)
        {
            var frame = IpcPools.Rent(Pool);
            frame.Buffer = CharBufferPool.Shared.Rent(Math.Max(text.Length, 16));
            text.CopyTo(frame.Buffer);
            frame.Length = text.Length;
            return frame;
        }

        public void Release() => IpcPools.Return(Pool, this);

        public bool TryReset()
        {
            if (Buffer.Length > 0) CharBufferPool.Shared.Return(Buffer);
            Buffer = Array.Empty<char>();
            Length = Cursor = OversizeLength = 0;
            Validated = IsBatch = Done = false;
            return true;
        }
    }
}
