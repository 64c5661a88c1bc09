namespace FrameIpc
{
    /// <summary>An engine the IPC Monitor can show, with the name it is listed under.</summary>
    internal readonly struct IpcMonitorTarget
    {
        /// <summary>Creates a target.</summary>
        public IpcMonitorTarget(string name, IpcMain main)
        {
            Name = name;
            Main = main;
        }

        /// <summary>The name shown in the Monitor's engine list.</summary>
        public string Name { get; }

        /// <summary>The engine.</summary>
        public IpcMain Main { get; }
    }
}
