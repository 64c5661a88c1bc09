namespace FrameIpc
{
    /// <summary>One attached view as the IPC Monitor last saw it.</summary>
    internal readonly struct IpcMonitorView
    {
        internal IpcMonitorView(WebContents view)
        {
            Id = view.Id;
            Origin = view.Origin;
            IsReady = view.IsReady;
            LoadCount = view.LoadCount;
        }

        /// <summary>The view's id (what <see cref="IpcMonitorModel.TrySendTestMessage"/> takes).</summary>
        public int Id { get; }
        /// <summary>The page's origin, when the transport knows it.</summary>
        public string? Origin { get; }
        /// <summary>Whether its handshake is done (a test message to a view not ready is refused).</summary>
        public bool IsReady { get; }
        /// <summary>How many times the page loaded.</summary>
        public int LoadCount { get; }

        /// <inheritdoc />
        public override string ToString() => $"view {Id}{(Origin != null ? " " + Origin : "")}{(IsReady ? "" : " (not ready)")}";
    }
}
