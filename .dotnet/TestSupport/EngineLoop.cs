using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc.TestSupport
{
    /// <summary>
    /// The game's main thread, for tests: a dedicated thread that ticks IpcMain every ~2 ms and runs test actions
    /// between ticks, so user code (listeners, handlers, invoke calls) only ever runs on it, as in a game.
    /// </summary>
    internal sealed class EngineLoop : IDisposable
    {
        private readonly IpcMain _main;
        private readonly ConcurrentQueue<Action> _actions = new ConcurrentQueue<Action>();
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private readonly Thread _thread;
        private volatile bool _running = true;
        private volatile bool _ticking = true;
        private Exception _tickFailure;

        public EngineLoop(IpcMain main)
        {
            _main = main;
            _thread = new Thread(Run) { IsBackground = true, Name = "engine loop" };
            _thread.Start();
        }

        /// <summary>While false, actions still run but Tick is not called: the engine holds still, as in a long frame.</summary>
        public bool Ticking { get => _ticking; set { _ticking = value; _wake.Set(); } }

        public Task Run(Action action) => Run(() => { action(); return true; });

        public Task<T> Run<T>(Func<T> func)
        {
            var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _actions.Enqueue(() =>
            {
                try { done.SetResult(func()); }
                catch (Exception ex) { done.SetException(ex); }
            });
            _wake.Set();
            return done.Task;
        }

        /// <summary>Starts an engine-side invoke on the loop; its result reaches the test on the thread pool, never inline in Tick.</summary>
        public Task<T> Call<T>(Func<ValueTask<T>> start)
        {
            var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _actions.Enqueue(() =>
            {
                try { Complete(start(), done); }
                catch (Exception ex) { done.SetException(ex); }
            });
            _wake.Set();
            return done.Task;
        }

        /// <summary>A task for an engine-side ValueTask whose continuations never run inline on the loop.</summary>
        public static Task<T> Detach<T>(ValueTask<T> pending)
        {
            var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            Complete(pending, done);
            return done.Task;
        }

        private static async void Complete<T>(ValueTask<T> pending, TaskCompletionSource<T> done)
        {
            try { done.SetResult(await pending); }
            catch (Exception ex) { done.SetException(ex); }
        }

        private void Run()
        {
            while (_running)
            {
                while (_actions.TryDequeue(out var action)) action();
                if (_ticking)
                {
                    try { _main.Tick(); }
                    catch (ObjectDisposedException) { _ticking = false; } // the test disposed the engine: nothing left to tick
                    catch (Exception ex) { _tickFailure ??= ex; } // a tick must never throw; the test's TearDown reports it
                }
                _wake.WaitOne(2);
            }
        }

        /// <summary>The first exception Tick threw, or null.</summary>
        public Exception TickFailure => _tickFailure;

        public void Dispose()
        {
            _running = false;
            _wake.Set();
            _thread.Join(TimeSpan.FromSeconds(10));
            _wake.Dispose();
        }
    }
}
