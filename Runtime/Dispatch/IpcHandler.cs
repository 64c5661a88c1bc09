using System;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// An invoke handler registered with <c>Handle</c>. A synchronous one writes its result at once; an asynchronous
    /// one hands back an <see cref="IncomingCall"/> that the tick polls until its task is done.
    /// </summary>
    internal abstract class IpcHandler
    {
        protected IpcHandler(bool once) { Once = once; }

        public bool Once { get; }

        /// <summary>True when the handler runs synchronously and gets no cancellation token.</summary>
        public abstract bool IsSynchronous { get; }

        /// <summary>Runs a synchronous handler, then has the connection write its value (the handler may itself send first).</summary>
        public virtual void RunSync(IpcEvent e, IpcConnection connection, long id) => throw new InvalidOperationException();

        /// <summary>Starts an asynchronous handler.</summary>
        public virtual IncomingCall RunAsync(IpcEvent e, CancellationToken token) => throw new InvalidOperationException();
    }

    internal sealed class SyncHandler<TResult> : IpcHandler
    {
        private readonly Func<IpcEvent, TResult> _handler;
        public SyncHandler(Func<IpcEvent, TResult> handler, bool once) : base(once) { _handler = handler; }
        public override bool IsSynchronous => true;

        public override void RunSync(IpcEvent e, IpcConnection connection, long id)
        {
            var value = _handler(e);
            connection.WriteResult(id, e.Channel, value);
        }
    }

    internal sealed class AsyncHandler<TResult> : IpcHandler
    {
        private readonly Func<IpcEvent, CancellationToken, Task<TResult>> _handler;
        public AsyncHandler(Func<IpcEvent, CancellationToken, Task<TResult>> handler, bool once) : base(once) { _handler = handler; }
        public override bool IsSynchronous => false;
        public override IncomingCall RunAsync(IpcEvent e, CancellationToken token) => new IncomingCall<TResult>(_handler(e, token));
    }

    internal sealed class AsyncVoidHandler : IpcHandler
    {
        private readonly Func<IpcEvent, CancellationToken, Task> _handler;
        public AsyncVoidHandler(Func<IpcEvent, CancellationToken, Task> handler, bool once) : base(once) { _handler = handler; }
        public override bool IsSynchronous => false;
        public override IncomingCall RunAsync(IpcEvent e, CancellationToken token) => new IncomingCall(_handler(e, token));
    }
}
