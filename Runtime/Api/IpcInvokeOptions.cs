using System;
using System.Threading;

namespace FrameIpc
{
    /// <summary>Per-call options of an invoke.</summary>
    public readonly struct IpcInvokeOptions
    {
        /// <summary>Creates options. A null timeout means <see cref="IpcOptions.DefaultInvokeTimeout"/>.</summary>
        public IpcInvokeOptions(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            if (timeout.HasValue && timeout.Value <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), "must be positive");
            Timeout = timeout;
            CancellationToken = cancellationToken;
        }

        /// <summary>The deadline, or null for the endpoint's default (10 s unless configured).</summary>
        public TimeSpan? Timeout { get; }

        /// <summary>
        /// Cancels the invoke: the C# caller's task ends cancelled (awaiting it throws <see cref="OperationCanceledException"/>
        /// carrying this token, the .NET convention; a page's caller gets an <c>AbortError</c> instead) and the handler's token
        /// on the other side is cancelled. Default none.
        /// </summary>
        public CancellationToken CancellationToken { get; }

        /// <summary>Options with only a cancellation token.</summary>
        public static implicit operator IpcInvokeOptions(CancellationToken token) => new IpcInvokeOptions(null, token);

        /// <summary>Options with only a timeout.</summary>
        public static implicit operator IpcInvokeOptions(TimeSpan timeout) => new IpcInvokeOptions(timeout);
    }
}
