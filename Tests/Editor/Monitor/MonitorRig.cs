using System;
using FrameIpc.Tests;

namespace FrameIpc.Editor.Tests.Monitor
{
    /// <summary>
    /// The tests' <see cref="IpcRig"/> with one C# view, attached but not connected until the test says so. Disposing
    /// checks that every pooled object came back.
    /// </summary>
    internal sealed class MonitorRig : IDisposable
    {
        private readonly IpcRig _rig = new IpcRig();
        private readonly IpcHarness.Link _link;

        public MonitorRig()
        {
            _link = _rig.AddLink(connect: false);
        }

        public IpcMain Main => _rig.Main;
        public WebContents Contents => _link.Contents;
        public IpcRenderer View => _link.Renderer;

        public void Connect() => Pump(() => View.IsReady && Contents.IsReady, "the handshake", connect: true);

        public void TickAll() => _rig.TickAll();

        public void Pump(Func<bool> until, string what, bool connect = false)
        {
            if (connect) View.Connect();
            _rig.Pump(until, what);
        }

        public void Dispose() => _rig.Dispose();
    }
}
