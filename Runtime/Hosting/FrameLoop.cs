using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// A plain .NET game loop for hosts without Unity (the demo, tools, tests): on the thread that calls <see cref="Run(TimeSpan, CancellationToken)"/>,
    /// each frame runs posted actions, <see cref="Update"/>, <see cref="IpcMain.Tick"/> and <see cref="LateUpdate"/>, then
    /// sleeps to keep the frame rate. Like Unity, an exception in a callback is reported and the loop goes on. Like Unity's
    /// main thread, the loop's thread has a <see cref="TickSynchronizationContext"/> during each frame, pumped at its start,
    /// so code after an <c>await</c> in a handler, a posted action or <see cref="Run(Func{Task}, CancellationToken)"/>'s work
    /// resumes on the loop's thread.
    /// </summary>
    public sealed class FrameLoop
    {
        private readonly ConcurrentQueue<Action> _posted = new ConcurrentQueue<Action>();
        private readonly IpcMain _main;
        private readonly TickSynchronizationContext _context;

        /// <summary>Creates a loop ticking <paramref name="main"/> at <paramref name="framesPerSecond"/> (default 60).</summary>
        public FrameLoop(IpcMain main, double framesPerSecond = 60)
        {
            _main = main ?? throw new ArgumentNullException(nameof(main));
            if (framesPerSecond <= 0) throw new ArgumentOutOfRangeException(nameof(framesPerSecond), "must be positive");
            FrameTime = TimeSpan.FromSeconds(1 / framesPerSecond);
            _context = new TickSynchronizationContext(ReportError);
        }

        /// <summary>The loop's synchronization context: current on its thread during each frame, pumped at the frame's start.</summary>
        public SynchronizationContext Context => _context;

        /// <summary>The time one frame is given.</summary>
        public TimeSpan FrameTime { get; }

        /// <summary>Frames run so far.</summary>
        public long Frame { get; private set; }

        /// <summary>The loop's thread id while <see cref="Run(TimeSpan, CancellationToken)"/> runs, else -1.</summary>
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
        public void Run(TimeSpan duration, CancellationToken cancellationToken = default) => RunFrames(duration, null, cancellationToken);

        /// <summary>
        /// Starts <paramref name="work"/> on the calling thread inside the loop's context, then runs frames on it until the
        /// work completes (every <c>await</c> in it resumes on this thread, between frames' ticks). Rethrows what the work
        /// threw; throws <see cref="OperationCanceledException"/> if the token is cancelled first.
        /// </summary>
        public void Run(Func<Task> work, CancellationToken cancellationToken = default)
        {
            if (work == null) throw new ArgumentNullException(nameof(work));
            var task = Start(work);
            RunFrames(Timeout.InfiniteTimeSpan, task, cancellationToken);
            task.GetAwaiter().GetResult();
        }

        /// <summary>
        /// Starts <paramref name="work"/> (for example <c>() =&gt; view.InvokeAsync&lt;int&gt;("ch")</c>) inside the loop's
        /// context and runs frames on the calling thread until it completes; returns its result. As <see cref="Run(Func{Task}, CancellationToken)"/>.
        /// </summary>
        public T Run<T>(Func<ValueTask<T>> work, CancellationToken cancellationToken = default)
        {
            if (work == null) throw new ArgumentNullException(nameof(work));
            var task = Start(() => work().AsTask());
            RunFrames(Timeout.InfiniteTimeSpan, task, cancellationToken);
            return task.GetAwaiter().GetResult();
        }

        private TTask Start<TTask>(Func<TTask> work) where TTask : Task
        {
            var outer = _context.Enter(replace: true);
            try
            {
                return work();
            }
            finally
            {
                _context.Exit(outer);
            }
        }

        private void RunFrames(TimeSpan duration, Task? until, CancellationToken cancellationToken)
        {
            ThreadId = Environment.CurrentManagedThreadId;
            var clock = Stopwatch.StartNew();
            var last = clock.Elapsed;
            try
            {
                while (until == null ? clock.Elapsed < duration : !until.IsCompleted)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        if (until == null) return;
                        throw new OperationCanceledException("the loop was cancelled before its work completed", cancellationToken);
                    }
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

        /// <summary>Runs one frame now, on the calling thread, with the loop's context current during it.</summary>
        public void RunFrame(double deltaSeconds)
        {
            Frame++;
            var outer = _context.Enter(replace: true); // runs the continuations earlier frames' awaits posted
            try
            {
                while (_posted.TryDequeue(out var action)) Guard(action);
                var update = Update;
                if (update != null) Guard(() => update(deltaSeconds));
                Guard(_main.Tick);
                var late = LateUpdate;
                if (late != null) Guard(() => late(deltaSeconds));
            }
            finally
            {
                _context.Exit(outer);
            }
        }

        private void Guard(Action action)
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                ReportError(ex);
            }
        }

        private void ReportError(Exception ex)
        {
            var handler = Error;
            if (handler != null) handler(ex);
            else Console.Error.WriteLine("[FrameLoop] " + ex);
        }
    }
}
