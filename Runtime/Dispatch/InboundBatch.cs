using System.Diagnostics;

namespace FrameIpc
{
    /// <summary>
    /// Walks the head frame of the inbound queue: validates it once, then hands its envelopes to the connection one by
    /// one within the tick's budget; a batch cut short resumes at its cursor on the next tick.
    /// </summary>
    internal sealed class InboundBatch
    {
        // Where the head frame's envelopes start and end (pairs), found while validating it: only the head frame is ever
        // dispatched, so one reused array serves every frame, including one that resumes on a later tick.
        private int[] _bounds = new int[64];
        private int _boundsCount;

        /// <summary>Dispatches one frame; false when the budget ran out mid-batch (it resumes at the frame's cursor next tick).</summary>
        public bool Dispatch(IpcConnection c, InboundFrame f, ref int budget, long deadline)
        {
            if (f.OversizeLength > 0)
            {
                c.Refuse(IpcDiagnosticKind.LimitExceeded, new IpcException(IpcErrorNames.Limit,
                    $"Frame of {f.OversizeLength} characters refused: the limit is {c.Limits.MaxFrameChars}", IpcErrorCodes.Limit));
                return true;
            }
            if (!f.Validated)
            {
                try
                {
                    EnvelopeReader.Validate(f.Buffer, f.Length, c.Limits.MaxDepth, out f.IsBatch, ref _bounds, out _boundsCount);
                    f.Cursor = 0;
                    f.Validated = true;
                }
                catch (IpcException ex)
                {
                    c.Refuse(ex.Name == IpcErrorNames.Limit ? IpcDiagnosticKind.LimitExceeded : IpcDiagnosticKind.ProtocolError, ex);
                    return true;
                }
            }
            if (!f.IsBatch)
            {
                budget--;
                c.DispatchOne(f.Buffer, 0, f.Length);
                return true;
            }
            for (int sinceClockCheck = 1; ; sinceClockCheck++)
            {
                if (budget <= 0 || c.State == ConnectionState.Closed) return c.State == ConnectionState.Closed;
                if ((sinceClockCheck & 31) == 0 && Stopwatch.GetTimestamp() >= deadline) return false;
                if (f.Cursor >= _boundsCount) return true;
                int envelope = f.Cursor++;
                budget--;
                c.DispatchOne(f.Buffer, _bounds[2 * envelope], _bounds[2 * envelope + 1]);
            }
        }
    }
}
