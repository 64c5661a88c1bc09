using System;
using System.Threading;

namespace FrameIpc
{
    /// <summary>
    /// A <see cref="SynchronizationContext"/> whose posted work runs when a tick pumps it, on the ticking thread: what
    /// Unity's UnitySynchronizationContext gives the main thread in play mode, for hosts that have none (a plain thread
    /// that calls <see cref="IpcMain.Tick"/>, <see cref="FrameLoop"/>). With it, an async handler's code after its first
    /// <c>await</c> comes back to the ticking thread instead of a thread-pool thread. Work posted during a pump waits for
    /// the next one, so a continuation that posts again cannot starve the frame. A pump with nothing posted takes no lock
    /// and allocates nothing.
    /// </summary>
    internal sealed class TickSynchronizationContext : SynchronizationContext
    {
        private readonly object _lock = new object();
        private readonly Action<Exception>? _error;
        private Work[] _queue = new Work[8];
        private Work[] _running = new Work[8];
        private int _count;
        private volatile int _posted;
        private bool _pumping;
        private int _pumpThreadId = -1;

        /// <summary>
        /// Creates a context; <paramref name="error"/> receives what a posted callback threw (an <c>async void</c> method's
        /// exception arrives that way). With none, such an exception is written to standard error. Default none.
        /// </summary>
        public TickSynchronizationContext(Action<Exception>? error = null)
        {
            _error = error;
        }

        /// <summary>Callbacks posted and not yet run.</summary>
        public int Pending => _posted;

        /// <summary>Queues <paramref name="d"/> for the next pump. Thread-safe.</summary>
        public override void Post(SendOrPostCallback d, object? state)
        {
            if (d == null) throw new ArgumentNullException(nameof(d));
            lock (_lock)
            {
                if (_count == _queue.Length) Array.Resize(ref _queue, _queue.Length * 2);
                _queue[_count++] = new Work(d, state);
                _posted = _count;
            }
        }

        /// <summary>Runs <paramref name="d"/> now on the ticking thread; from another thread, posts it and waits for the pump.</summary>
        public override void Send(SendOrPostCallback d, object? state)
        {
            if (d == null) throw new ArgumentNullException(nameof(d));
            if (Environment.CurrentManagedThreadId == _pumpThreadId)
            {
                d(state);
                return;
            }
            using var done = new ManualResetEventSlim();
            Exception? failure = null;
            Post(_ =>
            {
                try { d(state); }
                catch (Exception ex) { failure = ex; }
                finally { done.Set(); }
            }, null);
            done.Wait();
            if (failure != null) throw new InvalidOperationException("a callback sent to the tick thread threw: " + failure.Message, failure);
        }

        /// <summary>This context serves one tick thread, so a copy is itself.</summary>
        public override SynchronizationContext CreateCopy() => this;

        /// <summary>
        /// Runs, on the calling thread, every callback posted before this call. An exception from one is reported and the
        /// others still run. A pump inside a pumped callback does nothing.
        /// </summary>
        public void Pump()
        {
            _pumpThreadId = Environment.CurrentManagedThreadId;
            if (_posted == 0 || _pumping) return;
            int n;
            lock (_lock)
            {
                var ready = _queue;
                _queue = _running;
                _running = ready;
                n = _count;
                _count = 0;
                _posted = 0;
            }
            _pumping = true;
            try
            {
                for (int i = 0; i < n; i++)
                {
                    var work = _running[i];
                    _running[i] = default;
                    try { work.Callback(work.State); }
                    catch (Exception ex) { Report(ex); }
                }
            }
            finally
            {
                _pumping = false;
            }
        }

        /// <summary>
        /// Makes this the calling thread's context (when <paramref name="replace"/> is true, or when the thread has none)
        /// and pumps it. Returns the context to hand to <see cref="Exit"/>. Never throws.
        /// </summary>
        internal SynchronizationContext? Enter(bool replace)
        {
            var outer = Current;
            if (outer == null || (replace && outer != this)) SetSynchronizationContext(this);
            Pump();
            return outer;
        }

        /// <summary>Puts back the context <see cref="Enter"/> found, if this one replaced it.</summary>
        internal void Exit(SynchronizationContext? outer)
        {
            if (Current == this && outer != this) SetSynchronizationContext(outer);
        }

        private void Report(Exception ex)
        {
            if (_error == null)
            {
                Console.Error.WriteLine("[FrameIpc] an async continuation threw: " + ex);
                return;
            }
            try { _error(ex); }
            catch (Exception) { /* a failing error sink must not stop the other callbacks */ }
        }

        private readonly struct Work
        {
            public readonly SendOrPostCallback Callback;
            public readonly object? State;

            public Work(SendOrPostCallback callback, object? state)
            {
                Callback = callback;
                State = state;
            }
        }
    }
}
