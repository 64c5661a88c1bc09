using System;
using System.Diagnostics;

namespace FrameIpc
{
    /// <summary>
    /// The one tick of both endpoints (<see cref="IpcMain.Tick"/>, <see cref="IpcRenderer.Tick"/>): dispatch each
    /// connection's queue within the message budget and time slice, starting one further on each tick so none is always
    /// last, then let each finish handlers, expire deadlines and flush. Also the one way both raise a diagnostic.
    /// The clock is read only when something needs it: the tick's start when a connection has frames queued (or the
    /// tick is timed), the expiry time when one has a deadline or a cancel waiting. A renderer tick that only flushes
    /// its sends reads it not at all; an idle engine tick twice (its start and end, for <see cref="IpcMain.LastTickMilliseconds"/>).
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

        /// <summary>A renderer's tick: its one connection, untimed. Returns the envelopes dispatched.</summary>
        public int Run(IpcConnection connection, IpcOptions options) => Run(new One(connection), options, timed: false, out _);

        /// <summary>
        /// The engine's tick over its views, after what its MessagePorts queued (posted since the last tick, held until
        /// <c>Start</c>, or closed); <paramref name="elapsedTimestamp"/> is the tick's length.
        /// </summary>
        public int Run(WebContents[] views, PortHub ports, IpcOptions options, out long elapsedTimestamp) =>
            Run(new Views(views, ports), options, timed: true, out elapsedTimestamp);

        /// <summary>
        /// Runs one tick over <paramref name="ends"/> (a struct, so the loop is compiled for each kind of owner and the
        /// connections are reached without an interface call); returns the envelopes dispatched. Throws if called from
        /// inside one. <paramref name="elapsedTimestamp"/> is the tick's length when <paramref name="timed"/>, else 0.
        /// </summary>
        private int Run<TEnds>(TEnds ends, IpcOptions options, bool timed, out long elapsedTimestamp) where TEnds : struct, ITickEnds
        {
            if (_ticking) throw new InvalidOperationException($"{_owner}.Tick() was called from inside a listener or handler; ticks cannot nest.");
            _ticking = true;
            // A thread without a SynchronizationContext (not Unity's main thread, not a FrameLoop) gets this endpoint's for
            // the tick, so an await in a handler resumes here, at the next tick, as it would under Unity. Enter pumps
            // what earlier ticks' awaits posted and never throws; with nothing posted it allocates nothing.
            var outerContext = _continuations.Enter(replace: false);
            try
            {
                // Inside the guard and the context like every other callback: a port listener's await resumes on this
                // thread, and a Tick() from it is refused.
                ends.BeforeDispatch();
                int budget = options.MaxMessagesPerTick;
                int n = ends.Count;
                long start = timed ? Stopwatch.GetTimestamp() : 0;
                bool started = timed;
                long deadline = 0;
                for (int k = 0; k < n && budget > 0; k++)
                {
                    var connection = ends[(k + _rotate) % n];
                    if (!connection.HasInbound) continue;
                    if (!started)
                    {
                        start = Stopwatch.GetTimestamp();
                        started = true;
                    }
                    if (deadline == 0) deadline = start + BudgetTimestamp(options);
                    connection.Process(ref budget, deadline);
                }
                // Expiries share what dispatch left of the budget, starting with the same connection. They compare with one
                // clock read after dispatch, taken only if some connection has a deadline or a cancel to look at.
                int expiryBudget = budget;
                long now = 0;
                for (int k = 0; k < n; k++)
                {
                    var connection = ends[(k + _rotate) % n];
                    if (now == 0 && connection.MayExpire)
                    {
                        now = Stopwatch.GetTimestamp();
                        if (!started)
                        {
                            start = now;
                            started = true;
                        }
                        if (deadline == 0) deadline = start + BudgetTimestamp(options);
                    }
                    connection.Complete(now, ref expiryBudget, deadline);
                }
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

        private static long BudgetTimestamp(IpcOptions options) => Math.Max(1, (long)(options.TickTimeBudget.TotalSeconds * Stopwatch.Frequency));

        /// <summary>The connections one tick drives, by position.</summary>
        private interface ITickEnds
        {
            int Count { get; }
            IpcConnection this[int index] { get; }

            /// <summary>What the owner delivers before its connections' queues (the engine's MessagePorts).</summary>
            void BeforeDispatch();
        }

        private readonly struct One : ITickEnds
        {
            private readonly IpcConnection _connection;
            public One(IpcConnection connection) { _connection = connection; }
            public int Count => 1;
            public IpcConnection this[int index] => _connection;
            public void BeforeDispatch() { }
        }

        private readonly struct Views : ITickEnds
        {
            private readonly WebContents[] _views;
            private readonly PortHub _ports;

            public Views(WebContents[] views, PortHub ports)
            {
                _views = views;
                _ports = ports;
            }

            public int Count => _views.Length;
            public IpcConnection this[int index] => _views[index].Connection;

            public void BeforeDispatch()
            {
                if (_ports.HasWork) _ports.DeliverPending();
            }
        }
    }
}
