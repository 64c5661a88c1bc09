namespace FrameIpc
{
    /// <summary>The error codes FrameIPC itself puts on the wire.</summary>
    public static class IpcErrorCodes
    {
        /// <summary>With <see cref="IpcErrorNames.Timeout"/>.</summary>
        public const string Timeout = "ETIMEDOUT";
        /// <summary>With <see cref="IpcErrorNames.Abort"/>.</summary>
        public const string Canceled = "ECANCELED";
        /// <summary>With <see cref="IpcErrorNames.ViewGone"/>.</summary>
        public const string ViewGone = "EVIEWGONE";
        /// <summary>With <see cref="IpcErrorNames.Protocol"/>.</summary>
        public const string Protocol = "EPROTO";
        /// <summary>With <see cref="IpcErrorNames.Limit"/>.</summary>
        public const string Limit = "ELIMIT";
        /// <summary>With <see cref="IpcErrorNames.Forbidden"/>.</summary>
        public const string Forbidden = "EFORBIDDEN";
    }
}
