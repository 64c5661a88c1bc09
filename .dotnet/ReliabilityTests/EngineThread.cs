using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc.ReliabilityTests
{
    /// <summary>
    /// The game's main thread for the browser runs: a dedicated thread ticking <see cref="IpcMain"/> about every
    /// millisecond, running test actions between ticks so listeners and handlers only ever run on it.
    /// </summary>
    internal sealed class EngineThread : IDisposable
    {
        private readonly IpcMain _main;
        private readonly ConcurrentQueue<Action> _actions = new ConcurrentQueue<Action>();
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private readonly Thread _thread;
        private volatile bool _running = true;

        public EngineThread(IpcMain main)
        {
            _main = main;
            _thread = new Thread(Loop) { IsBackground = true, Name = "engine thread" };
            _thread.Start();
        }

        /// <summary>The first exception a tick threw (a tick must never throw), or null.</summary>
        public Exception TickFailure { get; private set; }

        /// <summary>Runs <paramref name="action"/> on the engine thread between two ticks.</summary>
        public Task Run(Action action)
        {
            var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _actions.Enqueue(() =>
            {
                try { action(); done.SetResult(true); }
                catch (Exception ex) { done.SetException(ex); }
            });
            _wake.Set();
            return done.Task;
        }

        private void Loop()
        {
            bool disposed = false;
            while (_running)
            {
                while (_actions.TryDequeue(out var action)) action();
                if (!disposed)
                {
                    try { _main.Tick(); }
                    catch (ObjectDisposedException) { disposed = true; }
                    catch (Exception ex) { TickFailure ??= ex; }
                }
                _wake.WaitOne(1);
            }
        }

        public void Dispose()
        {
            _running = false;
            _wake.Set();
            _thread.Join(TimeSpan.FromSeconds(10));
            _wake.Dispose();
        }
    }
}
