using System.Buffers;
using Newtonsoft.Json;

namespace FrameIpc
{
    /// <summary>Character buffers for frames and for Newtonsoft's readers and writers, counted in <see cref="IpcPools"/>.</summary>
    internal sealed class CharBufferPool : IArrayPool<char>
    {
        /// <summary>For FrameIPC's own buffers (frames, outbound batches): counted, so a leak shows.</summary>
        public static readonly CharBufferPool Shared = new CharBufferPool(counted: true);

        /// <summary>
        /// For Newtonsoft's internal buffers: a reader or writer that lives as long as its thread or connection keeps one
        /// rented for good, which is reuse, not a leak, so it is not counted.
        /// </summary>
        public static readonly CharBufferPool Newtonsoft = new CharBufferPool(counted: false);

        private readonly bool _counted;

        private CharBufferPool(bool counted) { _counted = counted; }

        public char[] Rent(int minimumLength)
        {
            if (_counted) IpcPools.CountRent();
            return ArrayPool<char>.Shared.Rent(minimumLength);
        }

        public void Return(char[]? array)
        {
            if (array == null) return;
            if (_counted) IpcPools.CountReturn();
            ArrayPool<char>.Shared.Return(array);
        }
    }
}
