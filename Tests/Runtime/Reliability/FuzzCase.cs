using System;
using System.Collections.Generic;

namespace FrameIpc.Tests.Reliability
{
    /// <summary>What a fuzzed frame must lead to; a frame may promise several at once (a batch mixing good and bad).</summary>
    [Flags]
    internal enum FuzzExpect
    {
        /// <summary>A ProtocolError or LimitExceeded diagnostic, and an error (notice or error result) sent back to the peer.</summary>
        Refused = 1,
        /// <summary>An UnknownInvokeId diagnostic.</summary>
        UnknownId = 2,
        /// <summary>The invoke the endpoint was waiting on (<see cref="FuzzCase.Id"/>) completed or failed.</summary>
        Settles = 4,
        /// <summary>A result for invoke <see cref="FuzzCase.Id"/> was sent back (a value or an error).</summary>
        Answered = 8,
        /// <summary>A fuzz listener ran (it may have thrown, which is a ListenerError diagnostic).</summary>
        Heard = 16,
        /// <summary>Valid, on a channel nobody listens on (or an empty batch): nothing happens and nothing is reported.</summary>
        Quiet = 32,
        /// <summary>Unknown in advance (random mutations): a diagnostic or a visible effect, or valid input with none.</summary>
        Any = 64,
    }

    /// <summary>One generated adversarial frame, what it must lead to, and the 'good' values it must deliver, in order.</summary>
    internal sealed class FuzzCase
    {
        public FuzzCase(string category, string frame, FuzzExpect expect)
        {
            Category = category;
            Frame = frame;
            Expect = expect;
        }

        public string Category { get; }
        public string Frame { get; set; }
        public FuzzExpect Expect { get; set; }

        /// <summary>The invoke id that <see cref="FuzzExpect.Settles"/> or <see cref="FuzzExpect.Answered"/> refers to.</summary>
        public long Id { get; set; }

        /// <summary>Values the frame carries on channel 'good'; exactly these must arrive, in this order (unless Any).</summary>
        public List<int> Good { get; } = new List<int>();

        /// <summary>The frame, cut short for a failure message (its length is kept, so an oversize case still shows as one).</summary>
        public string Shown => Frame.Length <= 400 ? Frame : Frame.Substring(0, 400) + $"... ({Frame.Length} characters)";
    }
}
