namespace FrameIpc
{
    /// <summary>What each envelope kind needs to be usable, in words for the error that refuses one that lacks it.</summary>
    internal static class InboundRules
    {
        public static string DescribeInvalid(Envelope e)
        {
            var kind = EnvelopeKinds.Name(e.Kind);
            switch (e.Kind)
            {
                case EnvelopeKind.Send:
                case EnvelopeKind.Invoke:
                case EnvelopeKind.Sync:
                    if (e.Channel == null) return $"A '{kind}' envelope needs a string member 'ch'";
                    return $"A '{kind}' envelope needs a positive integer member 'id'";
                case EnvelopeKind.Result:
                case EnvelopeKind.Cancel: return $"A '{kind}' envelope needs a positive integer member 'id'";
                case EnvelopeKind.Error: return "An 'error' envelope needs an object member 'e'";
                case EnvelopeKind.PortMessage:
                case EnvelopeKind.PortClose: return $"A '{kind}' envelope needs a non-zero integer member 'p'";
                default: return $"'{kind}' is not valid in this direction";
            }
        }
    }
}
