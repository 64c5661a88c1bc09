namespace FrameIpc
{
    /// <summary>Kinds of <see cref="IpcDiagnostic"/>.</summary>
    public enum IpcDiagnosticKind
    {
        /// <summary>A frame or envelope that could not be read (malformed, unknown kind, wrong member types).</summary>
        ProtocolError,
        /// <summary>A frame over the size or depth limit, or a full queue.</summary>
        LimitExceeded,
        /// <summary>A listener threw; the others still ran.</summary>
        ListenerError,
        /// <summary>An invoke handler threw or its task faulted; the caller got the error.</summary>
        HandlerError,
        /// <summary>A result or cancel for an invoke id that is not pending (late, duplicate, or made up).</summary>
        UnknownInvokeId,
        /// <summary>A send to a view that does not exist or is gone, or a view's <c>SendSync</c> that no listener hears (Electron's warning).</summary>
        Undeliverable,
        /// <summary>A channel or origin refused by an allowlist.</summary>
        Forbidden,
        /// <summary>The peer reported a problem with something we sent.</summary>
        PeerError,
        /// <summary>A view connected, became ready, reloaded or went away.</summary>
        Lifecycle,
    }
}
