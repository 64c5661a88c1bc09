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
        private readonly int _flushEvery;
        private readonly int _window;
        private readonly string _payload;
        private readonly IpcRenderer _renderer;
        private int _next;

        /// <summary>
        /// A producer that flushes every <paramref name="flushEvery"/> messages; with a <paramref name="payload"/>, each
        /// message carries it as a second argument (so one renderer tick can write far more than one frame holds).
        /// </summary>
        public StressProducer(IpcMain main, int flushEvery = 200, int window = 20_000, string payload = null)
        {
            _flushEvery = flushEvery;
            _window = window;
            _payload = payload;
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            Contents = main.Attach(engineEnd);
            Writes = new WriteCountingTransport(viewEnd);
            _renderer = new IpcRenderer(Writes);
        }

        /// <summary>What this producer's renderer wrote: a tick over the frame limit writes several frames.</summary>
        public WriteCountingTransport Writes { get; }

        /// <summary>Renderer ticks that flushed messages.</summary>
        public int Flushes { get; private set; }

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
                    if (_payload == null) _renderer.Send("stress:n", _next++);
                    else _renderer.Send("stress:n", _next++, _payload);
                    if (i % _flushEvery != _flushEvery - 1) continue;
                    _renderer.Tick();
                    Flushes++;
                    // Sleeping, not spinning: on a 2-core machine four spinning producers would starve the ticking thread.
                    while (_next - counts.Received(index) > _window) Thread.Sleep(1);
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
