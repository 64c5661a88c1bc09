using System;

namespace FrameIpc
{
    /// <summary>What went wrong, reported through the <c>Diagnostic</c> event. Raised on the ticking thread.</summary>
    public readonly struct IpcDiagnostic
    {
        internal IpcDiagnostic(IpcDiagnosticKind kind, int viewId, string? channel, string message, Exception? exception)
        {
            Kind = kind;
            ViewId = viewId;
            Channel = channel;
            Message = message;
            Exception = exception;
        }

        /// <summary>The kind of problem.</summary>
        public IpcDiagnosticKind Kind { get; }
        /// <summary>The view involved, or 0 for the engine itself.</summary>
        public int ViewId { get; }
        /// <summary>The channel involved, when known.</summary>
        public string? Channel { get; }
        /// <summary>A sentence for a log.</summary>
        public string Message { get; }
        /// <summary>The exception behind it, when there is one.</summary>
        public Exception? Exception { get; }

        /// <inheritdoc />
        public override string ToString() => $"[FrameIPC {Kind}] view {ViewId}{(Channel != null ? " '" + Channel + "'" : "")}: {Message}";
    }
}
