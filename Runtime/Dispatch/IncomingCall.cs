using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// An invoke from the peer whose asynchronous handler is still running. The tick polls <see cref="Task"/> rather
    /// than attaching a continuation, so the result is always written on the ticking thread. Its deadline (the caller's
    /// <c>t</c>, or this side's default) sits in a heap the tick expires from.
    /// </summary>
    internal class IncomingCall : DeadlineEntry
    {
        public IncomingCall(Task task) { Task = task; }

        public Task Task { get; }
        public long Id;
        /// <summary>The caller's frame (<c>fr</c>; 0 the main frame): ids are the caller's own, so the pair names the call.</summary>
        public int Frame;
        public string Channel = "";
        public CancellationTokenSource? Cancellation;

        /// <summary>
        /// The deadline in milliseconds: the caller's <c>t</c>, or <see cref="ConnectionLimits.DefaultInvokeTimeout"/> when it gave
        /// none. When it passes, the tick cancels the handler's token and answers the caller with a TimeoutError.
        /// </summary>
        public long TimeoutMs;

        /// <summary>Where the task's continuation queues the call, for the tick to write its result.</summary>
        public RunningHandlers? Owner;

        /// <summary>The caller cancelled or went away: the result is dropped when the task ends.</summary>
        public bool Abandoned;

        /// <summary>Writes the finished task's value through the outbox's one result writer.</summary>
        public virtual void WriteResult(Outbox outbox) => outbox.WriteResult<object?>(Id, Channel, null, frame: Frame);
    }

    internal sealed class IncomingCall<TResult> : IncomingCall
    {
        public IncomingCall(Task<TResult> task) : base(task) { }

        public override void WriteResult(Outbox outbox) => outbox.WriteResult(Id, Channel, ((Task<TResult>)Task).Result, frame: Frame);
    }
}
