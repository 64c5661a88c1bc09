namespace FrameIpc
{
    /// <summary>The error names FrameIPC itself puts on the wire (see Documentation~/protocol.md).</summary>
    public static class IpcErrorNames
    {
        /// <summary>A plain error: no handler, or a handler threw.</summary>
        public const string Error = "Error";
        /// <summary>An invoke's deadline passed.</summary>
        public const string Timeout = "TimeoutError";
        /// <summary>An invoke was cancelled by its caller.</summary>
        public const string Abort = "AbortError";
        /// <summary>The view reloaded or was destroyed while something was pending.</summary>
        public const string ViewGone = "ViewGoneError";
        /// <summary>A malformed frame or envelope.</summary>
        public const string Protocol = "ProtocolError";
        /// <summary>A frame over the size or depth limit, or a full hold buffer.</summary>
        public const string Limit = "LimitError";
        /// <summary>A channel or origin this view is not allowed to use.</summary>
        public const string Forbidden = "ForbiddenError";
    }
}
