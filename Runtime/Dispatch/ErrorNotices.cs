namespace FrameIpc
{
    /// <summary>
    /// The <c>error</c> notices one tick sends, at most <see cref="MaxPerFlush"/>: past that they are only counted, in one
    /// last notice, so a peer that sends garbage cannot make this side write more than it read.
    /// </summary>
    internal sealed class ErrorNotices
    {
        /// <summary>Error notices one flush sends at most.</summary>
        public const int MaxPerFlush = 32;

        private int _suppressed;

        public FrameWriter Writer { get; } = new FrameWriter();

        /// <summary>Writes the notice, or counts it when this tick's are used up; true when written.</summary>
        public bool Add(string name, string message, string? code)
        {
            if (Writer.EnvelopeCount >= MaxPerFlush)
            {
                _suppressed++;
                return false;
            }
            ErrorEnvelope.Write(Writer, EnvelopeKind.Error, 0, name, message, code, null);
            return true;
        }

        /// <summary>Whether a notice was written or counted since the last <see cref="EndTick"/>.</summary>
        public bool IsEmpty => _suppressed == 0 && Writer.IsEmpty;

        /// <summary>Adds the count of the suppressed ones; true when there is something to send.</summary>
        public bool EndTick()
        {
            if (_suppressed > 0)
            {
                ErrorEnvelope.Write(Writer, EnvelopeKind.Error, 0, IpcErrorNames.Limit,
                    $"{_suppressed} more error notice(s) this tick were not sent: at most {MaxPerFlush} leave per tick", IpcErrorCodes.Limit, null);
                _suppressed = 0;
            }
            return !Writer.IsEmpty;
        }
    }
}
