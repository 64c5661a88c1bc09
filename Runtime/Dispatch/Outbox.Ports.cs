namespace FrameIpc
{
    /// <summary>
    /// What <see cref="PortOutbox"/> needs of the batch: the writer and the checks every envelope passes, under
    /// <see cref="Gate"/>. Kept to accessors so the port envelopes have their own file and the outbox stays small.
    /// </summary>
    internal sealed partial class Outbox
    {
        private PortOutbox? _ports;
        public PortOutbox Ports => _ports ??= new PortOutbox(this);
        internal FrameWriter BatchWriter => _batch;
        internal int MaxChannelChars => _limits.MaxChannelChars;
        internal void EnsureOpenFor(string what) => EnsureOpen(what);
        // The name is made only on the refusal path: what fits allocates nothing.
        internal void EnsureHeldFitsFor(string? channel, long portId) { if (_held && _batch.Length > _limits.HeldChars) EnsureHeldFits(channel ?? "port " + portId); }
        internal void WriteArgsFor<TArgs>(string what, in TArgs args) where TArgs : struct, IIpcArgs => WriteArgs(what, args);
        internal void TraceBatch(EnvelopeKind kind, string? channel, long id) => Trace(_batch, kind, channel, id);
    }
}
