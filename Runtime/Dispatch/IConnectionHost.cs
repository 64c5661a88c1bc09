using System;

namespace FrameIpc
{
    /// <summary>
    /// Where a connection hands what it read: the routing of the side that owns it (engine: one per view; renderer: one).
    /// Every member names Dispatch-or-lower types only. The connection calls up into it and the routing answers by
    /// calling down (the connection's <see cref="Outbox"/> and <see cref="RunningHandlers"/>); nothing calls back up.
    /// </summary>
    internal interface IConnectionHost
    {
        /// <summary>The view id this end reports in diagnostics (the renderer's is 0 until its handshake).</summary>
        int ViewId { get; }

        /// <summary>Who the peer is, for messages: "view 3", "the engine".</summary>
        string PeerName { get; }

        /// <summary>The interned channel names of this side's listeners and handlers.</summary>
        ChannelNames Names { get; }

        /// <summary>The tracer to record traffic in, or null.</summary>
        IpcTracer? Tracer { get; }

        /// <summary>The thread that ticks this end's owner, or -1 when unknown.</summary>
        int TickThreadId { get; }

        /// <summary>False when the peer may not send or invoke on <paramref name="channel"/> (a channel filter).</summary>
        bool MayUse(string channel);

        /// <summary>The handshake completed (again when <paramref name="reload"/>: pending work was already rejected).</summary>
        void OnHandshake(int viewId, bool reload);

        /// <summary>A <c>send</c> (with <c>to</c> when the peer asks for a relay).</summary>
        void OnSend(IpcConnection connection, Envelope e);

        /// <summary>A <c>sync</c>: answer it now, through <see cref="Outbox.WriteResult{T}"/> with <c>immediate</c>.</summary>
        void OnSync(IpcConnection connection, Envelope e);

        /// <summary>An <c>invoke</c> the connection admitted: find its handler and answer or start it.</summary>
        void OnInvoke(IpcConnection connection, Envelope e);

        /// <summary>A <c>frame</c> envelope: one of the peer's subframes attached, navigated or detached.</summary>
        void OnFrame(IpcConnection connection, Envelope e);
        /// <summary>A <c>portmessage</c> (<see cref="Envelope.PortId"/>, its message in <see cref="Envelope.Args"/>).</summary>
        void OnPortMessage(IpcConnection connection, Envelope e);

        /// <summary>A <c>portclose</c>: the peer's end of port <see cref="Envelope.PortId"/> closed.</summary>
        void OnPortClose(IpcConnection connection, Envelope e);

        /// <summary>The connection closed (peer or this side); pending work was already rejected.</summary>
        void OnClosed(string reason);

        void Report(IpcDiagnosticKind kind, string? channel, string message, Exception? exception);
    }
}
