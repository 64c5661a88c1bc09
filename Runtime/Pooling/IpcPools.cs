using System.Threading;
using Microsoft.Extensions.ObjectPool;

namespace FrameIpc
{
    /// <summary>
    /// The pools every endpoint shares, with counters so tests (and the IPC Monitor) can check that every object
    /// rented came back. <see cref="Outstanding"/> is back to where it started once traffic settles. Each pooled type
    /// declares its own pool with <see cref="Create"/>, so this layer names none of them.
    /// </summary>
    public static class IpcPools
    {
        private static long s_rented;
        private static long s_returned;

        /// <summary>Objects and buffers rented from FrameIPC's pools since the process started.</summary>
        public static long Rented => Interlocked.Read(ref s_rented);

        /// <summary>Objects and buffers returned to FrameIPC's pools since the process started.</summary>
        public static long Returned => Interlocked.Read(ref s_returned);

        /// <summary><see cref="Rented"/> minus <see cref="Returned"/>: what is in use right now.</summary>
        public static long Outstanding => Rented - Returned;

        internal static void CountRent() => Interlocked.Increment(ref s_rented);
        internal static void CountReturn() => Interlocked.Increment(ref s_returned);

        internal static T Rent<T>(ObjectPool<T> pool) where T : class
        {
            CountRent();
            return pool.Get();
        }

        internal static void Return<T>(ObjectPool<T> pool, T item) where T : class
        {
            CountReturn();
            pool.Return(item);
        }

        // DefaultPooledObjectPolicy calls IResettable.TryReset on return, so every pooled type clears itself.
        internal static ObjectPool<T> Create<T>(int retained) where T : class, IResettable, new() =>
            new DefaultObjectPool<T>(new DefaultPooledObjectPolicy<T>(), retained);
    }
}
