using System.Threading;

namespace FrameIpc.ReliabilityTests
{
    /// <summary>What the engine's listener saw, per view: written on the ticking thread, read by the producers.</summary>
    internal sealed class StressCounts
    {
        private readonly int[] _viewIds;
        private readonly int[] _next;
        private long _total;

        public StressCounts(StressProducer[] producers)
        {
            _viewIds = new int[producers.Length];
            _next = new int[producers.Length];
            for (int i = 0; i < producers.Length; i++) _viewIds[i] = producers[i].Contents.Id;
        }

        public long Expected;
        public long OutOfOrder;
        public long Total => Interlocked.Read(ref _total);

        /// <summary>The next number expected from producer <paramref name="index"/>: how many of its messages arrived.</summary>
        public int Received(int index) => Volatile.Read(ref _next[index]);

        /// <summary>The engine's listener: a typed argument, checked against the view's own sequence.</summary>
        public void OnMessage(IpcEvent e, int n)
        {
            int index = System.Array.IndexOf(_viewIds, e.SenderId);
            if (index < 0 || n != _next[index]) OutOfOrder++;
            if (index >= 0) Volatile.Write(ref _next[index], n + 1);
            Interlocked.Increment(ref _total);
        }
    }
}
