namespace FrameIpc
{
    /// <summary>Which way a traced envelope went.</summary>
    public enum IpcTraceDirection
    {
        /// <summary>View to engine.</summary>
        In,
        /// <summary>Engine to view.</summary>
        Out,
    }

    /// <summary>One envelope as the tracer saw it.</summary>
    public readonly struct IpcTraceEntry
    {
        internal IpcTraceEntry(double timeMs, int viewId, IpcTraceDirection direction, EnvelopeKind kind, string? channel, long invokeId, int size, double handlerMs,
            int relayViewId = 0)
        {
            RelayViewId = relayViewId;
            TimeMs = timeMs;
            ViewId = viewId;
            Direction = direction;
            Kind = kind;
            Channel = channel;
            InvokeId = invokeId;
            Size = size;
            HandlerMs = handlerMs;
        }

        /// <summary>Milliseconds since the tracer was created.</summary>
        public double TimeMs { get; }
        /// <summary>The view it came from or went to.</summary>
        public int ViewId { get; }
        /// <summary>In (view to engine) or out.</summary>
        public IpcTraceDirection Direction { get; }
        /// <summary>The envelope's kind.</summary>
        public EnvelopeKind Kind { get; }
        /// <summary>The channel, for send, invoke and sync; null otherwise.</summary>
        public string? Channel { get; }
        /// <summary>The invoke id, for invoke, sync, result and cancel; 0 otherwise.</summary>
        public long InvokeId { get; }
        /// <summary>The envelope's size in characters.</summary>
        public int Size { get; }
        /// <summary>
        /// For a view-to-view relay: on the sender's inbound <c>send</c>, the view it asked to reach (<c>to</c>); on the
        /// receiver's outbound <c>send</c>, the view it came from. 0 for anything else.
        /// </summary>
        public int RelayViewId { get; }
        /// <summary>For inbound envelopes: how long the engine's listeners or handler took, in milliseconds.</summary>
        public double HandlerMs { get; }
    }
}
