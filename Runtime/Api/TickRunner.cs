using System;
using System.Diagnostics;

namespace FrameIpc
{
    /// <summary>
    /// The one tick of both endpoints (<see cref="IpcMain.Tick"/>, <see cref="IpcRenderer.Tick"/>): dispatch each
    /// connection's queue within the message budget and time slice, starting one further on each tick so none is always
    /// last, then let each finish handlers, expire deadlines and flush. Also the one way both raise a diagnostic.
    /// </summary>
    internal sealed class TickRunner
    {
        private readonly string _owner;
        private readonly TickSynchronizationContext _continuations;
        private bool _ticking;
        private int _rotate;

        public TickRunner(string owner, Action<Exception> continuationFailed)
        {
            _owner = owner;
            _continuations = new TickSynchronizationContext(continuationFailed);
        }

        /// <summary>
        /// Runs one tick over <paramref name="ends"/>; returns the envelopes dispatched. Throws if called from inside one.
        /// <paramref name="elapsedTimestamp"/> is the tick's length when <paramref name="timed"/>, else 0 (one clock read fewer).
        /// </summary>
        public int Run<T>(T[] ends, IpcOptions options, bool timed, out long elapsedTimestamp) where T : class, IConnectionOwner
        {
            if (_ticking) throw new InvalidOperationException($"{_owner}.Tick() was called from inside a listener or handler; ticks cannot nest.");
            _ticking = true;
            // A thread without a SynchronizationContext (not Unity's main thread, not a FrameLoop) gets this endpoint's for
            // the tick, so an await in a handler resumes here, at the next tick, as it would under Unity. Enter pumps
            // what earlier ticks' awaits posted and never throws; with nothing posted it allocates nothing.
            var outerContext = _continuations.Enter(replace: false);
            try
            {
                int budget = options.MaxMessagesPerTick;
                long start = Stopwatch.GetTimestamp();
                long deadline = start + (long)(options.TickTimeBudget.TotalSeconds * Stopwatch.Frequency);
                int n = ends.Length;
                for (int k = 0; k < n && budget > 0; k++) ends[(k + _rotate) % n].Connection.Process(ref budget, deadline);
                long now = Stopwatch.GetTimestamp();
                // Expiries share what dispatch left of the budget, starting with the same connection.
                int expiryBudget = budget;
                for (int k = 0; k < n; k++) ends[(k + _rotate) % n].Connection.Complete(now, ref expiryBudget, deadline);
                if (n > 0) _rotate = (_rotate + 1) % n;
                elapsedTimestamp = timed ? Stopwatch.GetTimestamp() - start : 0;
                return options.MaxMessagesPerTick - budget;
            }
            finally
            {
                _continuations.Exit(outerContext);
                _ticking = false;
            }
        }

        /// <summary>Raises a diagnostic; a failing sink must not take the tick down.</summary>
        public static void Report(Action<IpcDiagnostic>? sink, IpcDiagnosticKind kind, int viewId, string? channel, string message, Exception? exception)
        {
            if (sink == null) return;
            try { sink(new IpcDiagnostic(kind, viewId, channel, message, exception)); }
            catch (Exception) { /* a failing diagnostics sink must not take the tick down */ }
        }
    }
}
