using System;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// An invoke handler registered with <c>Handle</c>. A synchronous one's value is written at once; an asynchronous
    /// one is handed, as an <see cref="IncomingCall"/>, to the connection's <see cref="RunningHandlers"/>.
    /// </summary>
    internal abstract class IpcHandler
    {
        protected IpcHandler(bool once) { Once = once; }

        public bool Once { get; }

        /// <summary>
        /// Answers invoke <paramref name="e"/> (read into <paramref name="ev"/>) through <paramref name="connection"/>:
        /// Electron's <c>replyWithResult</c> / <c>replyWithError</c>. What the handler throws is reported and becomes the
        /// caller's error.
        /// </summary>
        public void Run(IpcMainInvokeEvent ev, Envelope e, IpcConnection connection)
        {
            var channel = ev.Channel;
            CancellationTokenSource? cts = null;
            try
            {
                if (RunSync(ev, connection.Outbox, e.Id, e.Frame)) return;
                // No timer per call: the tick cancels the token when the deadline heap says it is due.
                cts = new CancellationTokenSource();
                var call = RunAsync(ev.Detach(cts.Token), cts.Token);
                connection.Handlers.Start(call, e, cts);
            }
            catch (Exception ex)
            {
                cts?.Dispose();
                connection.Host.Report(IpcDiagnosticKind.HandlerError, channel, $"the handler of '{channel}' threw: {ex.Message}", ex);
                connection.Outbox.WriteError(e.Id, ex, e.Frame);
            }
        }

        /// <summary>Runs a synchronous handler and writes its value; false for an asynchronous handler.</summary>
        protected virtual bool RunSync(IpcMainInvokeEvent e, Outbox outbox, long id, int frame) => false;

        /// <summary>Starts an asynchronous handler.</summary>
        protected virtual IncomingCall RunAsync(IpcMainInvokeEvent e, CancellationToken token) => throw new InvalidOperationException();
    }

    internal sealed class SyncHandler<TResult> : IpcHandler
    {
        private readonly Func<IpcMainInvokeEvent, TResult> _handler;
        public SyncHandler(Func<IpcMainInvokeEvent, TResult> handler, bool once) : base(once)
        {
            _handler = handler;
            ValueCodec<TResult>.Prepare();
        }

        protected override bool RunSync(IpcMainInvokeEvent e, Outbox outbox, long id, int frame)
        {
            var value = _handler(e); // the handler may itself send first: its value follows what it sent
            outbox.WriteResult(id, e.Channel, value, frame: frame);
            return true;
        }
    }

    internal sealed class AsyncHandler<TResult> : IpcHandler
    {
        private readonly Func<IpcMainInvokeEvent, CancellationToken, Task<TResult>> _handler;
        public AsyncHandler(Func<IpcMainInvokeEvent, CancellationToken, Task<TResult>> handler, bool once) : base(once)
        {
            _handler = handler;
            ValueCodec<TResult>.Prepare();
        }
        protected override IncomingCall RunAsync(IpcMainInvokeEvent e, CancellationToken token) => new IncomingCall<TResult>(_handler(e, token));
    }

    internal sealed class AsyncVoidHandler : IpcHandler
    {
        private readonly Func<IpcMainInvokeEvent, CancellationToken, Task> _handler;
        public AsyncVoidHandler(Func<IpcMainInvokeEvent, CancellationToken, Task> handler, bool once) : base(once) { _handler = handler; }
        protected override IncomingCall RunAsync(IpcMainInvokeEvent e, CancellationToken token) => new IncomingCall(_handler(e, token));
    }
}
