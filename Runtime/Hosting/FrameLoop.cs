using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;

namespace FrameIpc
{
    /// <summary>
    /// A plain .NET game loop for hosts without Unity (the demo, tools, tests): on the thread that calls <see cref="Run"/>,
    /// each frame runs posted actions, <see cref="Update"/>, <see cref="IpcMain.Tick"/> and <see cref="LateUpdate"/>, then
    /// sleeps to keep the frame rate. Like Unity, an exception in a callback is reported and the loop goes on.
    /// </summary>
    public sealed class FrameLoop
    {
        private readonly ConcurrentQueue<Action> _posted = new ConcurrentQueue<Action>();
        private readonly IpcMain _main;

        /// <summary>Creates a loop ticking <paramref name="main"/> at <paramref name="framesPerSecond"/> (default 60).</summary>
        public FrameLoop(IpcMain main, double framesPerSecond = 60)
        {
            _main = main ?? throw new ArgumentNullException(nameof(main));
            if (framesPerSecond <= 0) throw new ArgumentOutOfRangeException(nameof(framesPerSecond), "must be positive");
            FrameTime = TimeSpan.FromSeconds(1 / framesPerSecond);
        }

        /// <summary>The time one frame is given.</summary>
        public TimeSpan FrameTime { get; }

        /// <summary>Frames run so far.</summary>
        public long Frame { get; private set; }

        /// <summary>The loop's thread id while <see cref="Run"/> runs, else -1.</summary>
        public int ThreadId { get; private set; } = -1;

        /// <summary>Game logic before the IPC tick; the argument is the frame's delta time in seconds.</summary>
        public event Action<double>? Update;

        /// <summary>Game logic after the IPC tick (what it sends leaves with the next tick's batch).</summary>
        public event Action<double>? LateUpdate;

        /// <summary>An exception a callback threw; the loop went on. With no subscriber it is written to standard error.</summary>
        public event Action<Exception>? Error;

        /// <summary>Runs <paramref name="action"/> on the loop's thread at the start of the next frame. Thread-safe.</summary>
        public void Post(Action action) => _posted.Enqueue(action ?? throw new ArgumentNullException(nameof(action)));

        /// <summary>Runs frames until <paramref name="duration"/> passes or the token is cancelled.</summary>
        public void Run(TimeSpan duration, CancellationToken cancellationToken = default)
        {
            ThreadId = Environment.CurrentManagedThreadId;
            var clock = Stopwatch.StartNew();
            var last = clock.Elapsed;
            try
            {
                while (!cancellationToken.IsCancellationRequested && clock.Elapsed < duration)
                {
                    var frameStart = clock.Elapsed;
                    RunFrame((frameStart - last).TotalSeconds);
                    last = frameStart;
                    var rest = FrameTime - (clock.Elapsed - frameStart);
                    if (rest > TimeSpan.Zero) cancellationToken.WaitHandle.WaitOne(rest);
                }
            }
            finally
            {
                ThreadId = -1;
            }
        }

        /// <summary>Runs one frame now, on the calling thread.</summary>
        public void RunFrame(double deltaSeconds)
        {
            Frame++;
            while (_posted.TryDequeue(out var action)) Guard(action);
            var update = Update;
            if (update != null) Guard(() => update(deltaSeconds));
            Guard(_main.Tick);
            var late = LateUpdate;
            if (late != null) Guard(() => late(deltaSeconds));
        }

        private void Guard(Action action)
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                var handler = Error;
                if (handler != null) handler(ex);
                else Console.Error.WriteLine("[FrameLoop] " + ex);
            }
        }
    }
}
