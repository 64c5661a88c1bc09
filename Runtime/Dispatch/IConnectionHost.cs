using System;

namespace FrameIpc
{
    /// <summary>What differs between the engine's end of a connection (a view) and the renderer's end.</summary>
    internal interface IConnectionHost
    {
        /// <summary>The view id this end reports in diagnostics (0 until known on the renderer side).</summary>
        int ViewId { get; }

        /// <summary>The object a listener's <c>event.Reply</c> sends through.</summary>
        IIpcSender ReplyTarget { get; }

        /// <summary>The <c>event.Sender</c> a listener sees (null on the renderer side).</summary>
        WebContents? SenderFacade { get; }

        ChannelNames Names { get; }

        /// <summary>The channels the peer may use, or null for any.</summary>
        IpcChannelFilter? Channels { get; }

        /// <summary>The engine's tracer, or null on the renderer side.</summary>
        IpcTracer? Tracer { get; }

        /// <summary>The thread that ticks this end's owner, or -1 when unknown.</summary>
        int TickThreadId { get; }

        void OnHello(Envelope e);
        void OnReady(Envelope e);

        /// <summary>Runs the listeners of a send (engine: the view's scoped ones, then IpcMain's).</summary>
        void Emit(IpcEvent e);

        /// <summary>True when some listener hears <paramref name="channel"/> (tells a sync "nobody listens" from "nobody answered").</summary>
        bool HasListeners(string channel);

        /// <summary>Finds the invoke handler (engine: scoped first, then IpcMain's), taking a once-handler out.</summary>
        IpcHandler? TakeHandler(string channel);

        /// <summary>A send with <c>to</c>: relay it to another view (engine only).</summary>
        void Relay(Envelope e);

        /// <summary>The connection closed (peer or engine); pending work was already rejected.</summary>
        void OnClosed(string reason);

        void Report(IpcDiagnosticKind kind, string? channel, string message, Exception? exception);
    }
}
