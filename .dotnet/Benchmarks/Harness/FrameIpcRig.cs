using System;

namespace FrameIpc.Benchmarks
{
    /// <summary>
    /// One <see cref="IpcMain"/> with C# <see cref="IpcRenderer"/> views over <see cref="InMemoryTransport"/>, handshaken
    /// and ready, so a benchmark measures traffic only.
    /// </summary>
    public sealed class FrameIpcRig : IDisposable
    {
        private FrameIpcRig(IpcMain main, IpcRenderer[] views)
        {
            Main = main;
            Views = views;
        }

        public IpcMain Main { get; }

        public IpcRenderer[] Views { get; }

        public IpcRenderer View => Views[0];

        public static FrameIpcRig Create(int viewCount = 1, IpcOptions? options = null)
        {
            var main = new IpcMain(options);
            var views = new IpcRenderer[viewCount];
            for (int i = 0; i < viewCount; i++)
            {
                var (engine, view) = InMemoryTransport.CreatePair();
                main.Attach(engine);
                views[i] = new IpcRenderer(view, options);
                views[i].Connect();
            }
            var rig = new FrameIpcRig(main, views);
            // hello → ready takes a tick on each side; a few rounds more cost nothing and cover a lazier transport.
            for (int round = 0; round < 100 && !rig.AllReady(); round++)
            {
                rig.TickAll();
            }
            if (!rig.AllReady())
            {
                throw new InvalidOperationException("The FrameIPC views never became ready.");
            }
            return rig;
        }

        /// <summary>One frame of the whole system: every view, then the engine, then every view again.</summary>
        public void TickAll()
        {
            for (int i = 0; i < Views.Length; i++)
            {
                Views[i].Tick();
            }
            Main.Tick();
            for (int i = 0; i < Views.Length; i++)
            {
                Views[i].Tick();
            }
        }

        public void Dispose()
        {
            foreach (IpcRenderer view in Views)
            {
                view.Dispose();
            }
            Main.Dispose();
        }

        private bool AllReady()
        {
            if (Main.Views.Count != Views.Length)
            {
                return false;
            }
            for (int i = 0; i < Views.Length; i++)
            {
                if (!Views[i].IsReady || !Main.Views[i].IsReady)
                {
                    return false;
                }
            }
            return true;
        }
    }
}
