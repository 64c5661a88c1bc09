using System;
using System.Threading;

namespace FrameIpc.ReliabilityTests
{
    /// <summary>
    /// One C# renderer and the thread that drives it: it sends numbered messages and flushes them with its own
    /// <see cref="IpcRenderer.Tick"/> (a renderer is ticked by one thread), staying a bounded window ahead of what
    /// the engine has dispatched so the inbound queue, and memory, stay bounded whatever the thread scheduling.
    /// </summary>
    internal sealed class StressProducer : IDisposable
    {
        private const int FlushEvery = 200;
        private const int Window = 20_000;
        private readonly IpcRenderer _renderer;
        private int _next;

        public StressProducer(IpcMain main)
        {
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            Contents = main.Attach(engineEnd);
            _renderer = new IpcRenderer(viewEnd);
        }

        public WebContents Contents { get; }
        public bool IsReady => Contents.IsReady && _renderer.IsReady;
        public Exception Failure { get; private set; }

        public void Connect() => _renderer.Connect();

        /// <summary>Only while no producer thread runs: a renderer has one ticking thread.</summary>
        public void Tick() => _renderer.Tick();

        public Thread Start(int count, StressCounts counts, int index)
        {
            var thread = new Thread(() => Produce(count, counts, index)) { IsBackground = true, Name = "stress producer " + index };
            thread.Start();
            return thread;
        }

        private void Produce(int count, StressCounts counts, int index)
        {
            try
            {
                for (int i = 0; i < count; i++)
                {
                    _renderer.Send("stress:n", _next++);
                    if (i % FlushEvery != FlushEvery - 1) continue;
                    _renderer.Tick();
                    // Sleeping, not spinning: on a 2-core machine four spinning producers would starve the ticking thread.
                    while (_next - counts.Received(index) > Window) Thread.Sleep(1);
                }
                _renderer.Tick();
            }
            catch (Exception ex)
            {
                Failure = ex;
            }
        }

        public void Dispose() => _renderer.Dispose();
    }
}
