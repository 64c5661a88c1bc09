using Microsoft.Extensions.ObjectPool;

namespace FrameIpc
{
    /// <summary>
    /// One decoded envelope: its scalar members, and where its JSON values (<c>a</c>, <c>r</c>, <c>e</c>) sit in the
    /// frame buffer. Nothing is copied out of the frame until user code asks for a value. Pooled.
    /// </summary>
    internal sealed class Envelope : IResettable
    {
        public static readonly ObjectPool<Envelope> Pool = IpcPools.Create<Envelope>(256);

        public EnvelopeKind Kind;
        public string? Channel;
        public long Id;
        public long TimeoutMs = -1;
        public int To = -1;
        public int From = -1;
        public int ViewId = -1;
        public int Version = -1;
        public int MaxFrame = -1;
        /// <summary><c>fr</c>: the frame of the view the envelope comes from or goes to; 0 (or absent) is the main frame.</summary>
        public int Frame;
        /// <summary>Where the whole envelope sits in <see cref="Buffer"/>: a <c>frame</c> envelope's members are read from it.</summary>
        public JsonRange Self;
        public char[]? Buffer;
        public JsonRange Args;
        public JsonRange Result;
        public JsonRange Error;
        // Ports: on a send, the ids of the ports it transfers (an array); on a portmessage or portclose, the port's id.
        public JsonRange Ports;
        public long PortId;

        public bool TryReset()
        {
            Kind = EnvelopeKind.None;
            Channel = null;
            Id = 0;
            TimeoutMs = -1;
            To = From = ViewId = Version = MaxFrame = -1;
            Frame = 0;
            Self = default;
            Buffer = null;
            Args = Result = Error = Ports = default;
            PortId = 0;
            return true;
        }
    }

    /// <summary>Where one JSON value sits in a frame buffer; <see cref="Length"/> 0 means absent.</summary>
    internal readonly struct JsonRange
    {
        public JsonRange(int start, int length, int firstEnd = 0)
        {
            Start = start;
            Length = length;
            FirstEnd = firstEnd;
        }

        public int Start { get; }
        public int Length { get; }
        public bool IsPresent => Length > 0;

        /// <summary>For an array found while reading an envelope: where its first element ends (0: not recorded).</summary>
        public int FirstEnd { get; }
    }
}
