using System;

namespace FrameIpc
{
    /// <summary>
    /// Names one of the peer's running invokes: its frame and its id. Each frame's client picks its own ids, so ids of two
    /// frames of one view may be equal; the pair never is.
    /// </summary>
    internal readonly struct InvokeKey : IEquatable<InvokeKey>
    {
        public InvokeKey(int frame, long id)
        {
            Frame = frame;
            Id = id;
        }

        public int Frame { get; }
        public long Id { get; }

        public bool Equals(InvokeKey other) => Frame == other.Frame && Id == other.Id;

        public override bool Equals(object? obj) => obj is InvokeKey other && Equals(other);

        public override int GetHashCode() => unchecked(Id.GetHashCode() * 31 + Frame);
    }
}
