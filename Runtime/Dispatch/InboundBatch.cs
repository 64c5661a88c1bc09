namespace FrameIpc
{
    /// <summary>
    /// The envelopes of the head frame of the inbound queue: validated once, then handed out one at a time, so a batch
    /// cut short by the tick's budget resumes at its cursor on the next tick. A single envelope is a batch of one.
    /// </summary>
    internal sealed class InboundBatch
    {
        // Where the head frame's envelopes and their arguments start and end (EnvelopeReader.Stride ints each), found
        // while validating it: only the head frame is ever dispatched, so one reused array serves every frame, including
        // one that resumes on a later tick.
        private int[] _bounds = new int[64 * EnvelopeReader.Stride];
        private int _boundsCount;

        /// <summary>Validates <paramref name="f"/> on first sight; returns why the whole frame is refused, or null.</summary>
        public IpcException? Open(InboundFrame f, ConnectionLimits limits)
        {
            if (f.OversizeLength > 0)
                return new IpcException(IpcErrorNames.Limit,
                    $"Frame of {f.OversizeLength} characters refused: the limit is {limits.MaxFrameChars}", IpcErrorCodes.Limit);
            if (f.Validated) return null;
            try
            {
                EnvelopeReader.Validate(f.Buffer, f.Length, limits.MaxDepth, out f.IsBatch, ref _bounds, out _boundsCount);
            }
            catch (IpcException ex)
            {
                return ex;
            }
            f.Cursor = 0;
            f.Validated = true;
            return null;
        }

        public bool IsDone(InboundFrame f) => f.Cursor >= (f.IsBatch ? _boundsCount : 1);

        /// <summary>
        /// Where the next envelope starts and ends in <see cref="InboundFrame.Buffer"/>, and where its arguments are
        /// (absent when it has none); moves the cursor past it.
        /// </summary>
        public void Next(InboundFrame f, out int start, out int end, out JsonRange args)
        {
            int at = EnvelopeReader.Stride * f.Cursor++; // a single envelope is the first entry, a batch's too
            start = _bounds[at];
            end = _bounds[at + 1];
            args = new JsonRange(_bounds[at + 2], _bounds[at + 3], _bounds[at + 4]);
        }
    }
}
