using System;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;
using Microsoft.Extensions.ObjectPool;

namespace FrameIpc
{
    /// <summary>
    /// An invoke this side sent and is waiting on. The caller awaits it as a <see cref="ValueTask{T}"/> backed by this
    /// pooled source (no Task per call); the version token catches an await after the object went back to the pool.
    /// It is completed only on the ticking thread; a cancellation from another thread only raises a flag the tick reads.
    /// </summary>
    internal abstract class PendingInvoke : DeadlineEntry
    {
        public long Id;
        public string Channel = "";
        public long TimeoutMs;
        /// <summary>The peer's frame it was sent to (0 the main frame): only that frame's result answers it.</summary>
        public int Frame;

        /// <summary>The connection that sent it: a cancellation from any thread is queued there for the tick.</summary>
        public PendingInvokes? Owner;
        public CancellationToken CancellationToken;
        public CancellationTokenRegistration Registration;
        private int _cancelRequested;

        public bool CancelRequested => Volatile.Read(ref _cancelRequested) != 0;

        /// <summary>Any thread (the token's callback): queues the cancel once, so the tick never has to look for flags.</summary>
        public void RequestCancel()
        {
            if (Interlocked.Exchange(ref _cancelRequested, 1) == 0) Owner?.OnCancelRequested(this, Id);
        }

        protected void ResetBase()
        {
            // First: Dispose waits for a callback already running, so none reads the fields below as they are cleared.
            Registration.Dispose();
            Registration = default;
            Id = 0;
            Frame = 0;
            Channel = "";
            DeadlineTimestamp = TimeoutMs = 0;
            HeapIndex = -1;
            Owner = null;
            CancellationToken = default;
            _cancelRequested = 0;
        }

        /// <summary>Reads the result value out of the frame now, while its buffer is alive.</summary>
        public abstract void Complete(char[] buffer, JsonRange value, int maxDepth, IpcJsonContext json);

        public abstract void Fail(Exception error);
    }

    internal sealed class PendingInvoke<T> : PendingInvoke, IValueTaskSource<T>, IResettable
    {
        private static readonly ObjectPool<PendingInvoke<T>> s_pool = IpcPools.Create<PendingInvoke<T>>(64);
        private ManualResetValueTaskSourceCore<T> _core;

        public static PendingInvoke<T> Rent() => IpcPools.Rent(s_pool);

        public ValueTask<T> Task => new ValueTask<T>(this, _core.Version);

        /// <summary>Back to the pool without ever being awaited (the invoke could not be written).</summary>
        public void Release() => IpcPools.Return(s_pool, this);

        public override void Complete(char[] buffer, JsonRange value, int maxDepth, IpcJsonContext json)
        {
            T result;
            try
            {
                result = value.IsPresent ? ValueCodec<T>.Read(buffer, value.Start, value.Length, maxDepth, json) : default!;
            }
            catch (Exception ex)
            {
                Fail(new IpcException(IpcErrorNames.Protocol,
                    $"the result of '{Channel}': {TypeMismatch.Describe(typeof(T), buffer, value.Start, value.Length, ex)}", IpcErrorCodes.Protocol, null, ex));
                return;
            }
            _core.SetResult(result);
        }

        public override void Fail(Exception error) => _core.SetException(error);

        public T GetResult(short token)
        {
            if (token != _core.Version)
                throw new InvalidOperationException("An invoke's ValueTask was awaited twice, or after it completed; await it exactly once.");
            try
            {
                return _core.GetResult(token);
            }
            finally
            {
                IpcPools.Return(s_pool, this);
            }
        }

        public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
            _core.OnCompleted(continuation, state, token, flags);

        public bool TryReset()
        {
            ResetBase();
            _core.Reset();
            return true;
        }
    }
}
