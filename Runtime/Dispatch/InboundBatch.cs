namespace FrameIpc
{
    /// <summary>
    /// The envelopes of the head frame of the inbound queue: validated once, then handed out one at a time, so a batch
    /// cut short by the tick's budget resumes at its cursor on the next tick. A single envelope is a batch of one.
    /// </summary>
    internal sealed class InboundBatch
    {
        // Where the head frame's envelopes start and end (pairs), found while validating it: only the head frame is ever
        // dispatched, so one reused array serves every frame, including one that resumes on a later tick.
        private int[] _bounds = new int[64];
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

        /// <summary>Where the next envelope starts and ends in <see cref="InboundFrame.Buffer"/>; moves the cursor past it.</summary>
        public void Next(InboundFrame f, out int start, out int end)
        {
            int i = f.Cursor++;
            if (!f.IsBatch)
            {
                start = 0;
                end = f.Length;
                return;
            }
            start = _bounds[2 * i];
            end = _bounds[2 * i + 1];
        }
    }
}
