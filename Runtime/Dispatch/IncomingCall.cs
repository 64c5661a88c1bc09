using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// An invoke from the peer whose asynchronous handler is still running. The tick polls <see cref="Task"/> rather
    /// than attaching a continuation, so the result is always written on the ticking thread.
    /// </summary>
    internal class IncomingCall
    {
        public IncomingCall(Task task) { Task = task; }

        public Task Task { get; }
        public long Id;
        public string Channel = "";
        public CancellationTokenSource? Cancellation;

        /// <summary>The caller's deadline (<c>t</c>) in milliseconds, 0 for none; the handler's token fires when it passes.</summary>
        public long TimeoutMs;

        /// <summary>The caller cancelled or went away: the result is dropped when the task ends.</summary>
        public bool Abandoned;

        public virtual void WriteResult(FrameWriter writer) => writer.Value<object?>("r", null);
    }

    internal sealed class IncomingCall<TResult> : IncomingCall
    {
        public IncomingCall(Task<TResult> task) : base(task) { }

        public override void WriteResult(FrameWriter writer) => writer.Value("r", ((Task<TResult>)Task).Result);
    }
}
