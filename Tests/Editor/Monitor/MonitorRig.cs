using System;
using NUnit.Framework;

namespace FrameIpc.Editor.Tests.Monitor
{
    /// <summary>
    /// An engine with one C# view over the in-memory transport, through the public API only (Unity compiles these
    /// tests apart from Tests/Runtime, whose internal rig they cannot see).
    /// </summary>
    internal sealed class MonitorRig : IDisposable
    {
        private readonly long _outstandingAtStart = IpcPools.Outstanding;

        public MonitorRig()
        {
            Main = new IpcMain(new IpcOptions { TickTimeBudget = TimeSpan.FromSeconds(30) });
            var (engine, view) = InMemoryTransport.CreatePair();
            Contents = Main.Attach(engine);
            View = new IpcRenderer(view);
        }

        public IpcMain Main { get; }
        public WebContents Contents { get; }
        public IpcRenderer View { get; }

        public void Connect() => Pump(() => View.IsReady && Contents.IsReady, "the handshake", connect: true);

        public void TickAll()
        {
            View.Tick();
            Main.Tick();
            View.Tick();
        }

        public void Pump(Func<bool> until, string what, bool connect = false)
        {
            if (connect) View.Connect();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                if (until()) return;
                TickAll();
            }
            if (!until()) Assert.Fail(what + " did not happen within 30 s of ticking");
        }

        public void Dispose()
        {
            View.Dispose();
            Main.Dispose();
            Assert.That(IpcPools.Outstanding, Is.EqualTo(_outstandingAtStart), "every pooled object came back");
        }
    }
}
