using System;

namespace FrameIpc
{
    /// <summary>
    /// A binary min-heap of <see cref="DeadlineEntry"/> by deadline: the tick looks at the earliest deadline only, so
    /// an idle tick costs O(1) however many invokes are pending, and each expiry or early removal O(log n). The array
    /// grows by doubling and is kept, so a steady state allocates nothing. Not thread-safe: its owner locks.
    /// </summary>
    internal sealed class DeadlineHeap
    {
        private DeadlineEntry[] _items = new DeadlineEntry[16];

        public int Count { get; private set; }

        /// <summary>Entries looked at so far (peeks, and each step of a sift): lets tests prove a tick does not scan.</summary>
        public long Visits { get; private set; }

        public void Add(DeadlineEntry entry)
        {
            if (entry.HeapIndex >= 0) throw new InvalidOperationException("The entry is already in a deadline heap.");
            if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
            _items[Count] = entry;
            entry.HeapIndex = Count;
            Count++;
            SiftUp(entry.HeapIndex);
        }

        /// <summary>The earliest entry whose deadline is at or before <paramref name="now"/>, or null; it stays in the heap.</summary>
        public DeadlineEntry? PeekDue(long now)
        {
            if (Count == 0) return null;
            Visits++;
            var first = _items[0];
            return first.DeadlineTimestamp <= now ? first : null;
        }

        /// <summary>Takes <paramref name="entry"/> out, wherever it is; false when it is not in this heap.</summary>
        public bool Remove(DeadlineEntry entry)
        {
            int i = entry.HeapIndex;
            if (i < 0 || i >= Count || _items[i] != entry) return false;
            entry.HeapIndex = -1;
            Count--;
            if (i == Count)
            {
                _items[Count] = null!;
                return true;
            }
            var last = _items[Count];
            _items[Count] = null!;
            _items[i] = last;
            last.HeapIndex = i;
            if (i > 0 && last.DeadlineTimestamp < _items[(i - 1) / 2].DeadlineTimestamp) SiftUp(i);
            else SiftDown(i);
            return true;
        }

        /// <summary>Forgets every entry (their indices go back to -1).</summary>
        public void Clear()
        {
            for (int i = 0; i < Count; i++)
            {
                _items[i].HeapIndex = -1;
                _items[i] = null!;
            }
            Count = 0;
        }

        private void SiftUp(int i)
        {
            var entry = _items[i];
            while (i > 0)
            {
                Visits++;
                int parent = (i - 1) / 2;
                var p = _items[parent];
                if (p.DeadlineTimestamp <= entry.DeadlineTimestamp) break;
                _items[i] = p;
                p.HeapIndex = i;
                i = parent;
            }
            _items[i] = entry;
            entry.HeapIndex = i;
        }

        private void SiftDown(int i)
        {
            var entry = _items[i];
            while (true)
            {
                int child = 2 * i + 1;
                if (child >= Count) break;
                Visits++;
                if (child + 1 < Count && _items[child + 1].DeadlineTimestamp < _items[child].DeadlineTimestamp) child++;
                var c = _items[child];
                if (c.DeadlineTimestamp >= entry.DeadlineTimestamp) break;
                _items[i] = c;
                c.HeapIndex = i;
                i = child;
            }
            _items[i] = entry;
            entry.HeapIndex = i;
        }
    }
}
