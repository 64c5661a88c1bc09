using System;
using System.Threading;

namespace FrameIpc
{
    /// <summary>
    /// A set that readers walk with no lock: <see cref="Snapshot"/> is an array that is never changed once published, and
    /// every add or remove copies it (MessagePipe's discipline). An item added or removed mid-walk cannot break the walk,
    /// and memory is spent on change, never on read. Used for listeners, views and ticked engines.
    /// </summary>
    internal sealed class CopyOnWriteArray<T> where T : class
    {
        private readonly object _lock = new object();
        private T[] _items = Array.Empty<T>();

        /// <summary>The current items; safe to keep and walk while others change the set.</summary>
        public T[] Snapshot => Volatile.Read(ref _items);

        public int Count => Snapshot.Length;

        public void Add(T item)
        {
            lock (_lock) Publish(Insert(_items, item));
        }

        /// <summary>Adds <paramref name="item"/> unless the same reference is already in; false then.</summary>
        public bool AddIfAbsent(T item)
        {
            lock (_lock)
            {
                if (IndexOf(_items, item) >= 0) return false;
                Publish(Insert(_items, item));
                return true;
            }
        }

        /// <summary>Removes that exact reference; false if it is not in (already removed, or never added).</summary>
        public bool Remove(T item)
        {
            lock (_lock)
            {
                int index = IndexOf(_items, item);
                if (index < 0) return false;
                Publish(Without(_items, index));
                return true;
            }
        }

        /// <summary>Removes every item <paramref name="match"/> picks; returns how many went.</summary>
        public int RemoveAll(Predicate<T> match)
        {
            lock (_lock)
            {
                var items = _items;
                int kept = 0;
                var next = new T[items.Length];
                for (int i = 0; i < items.Length; i++)
                    if (!match(items[i])) next[kept++] = items[i];
                if (kept == items.Length) return 0;
                Array.Resize(ref next, kept);
                Publish(next);
                return items.Length - kept;
            }
        }

        public void Clear()
        {
            lock (_lock) Publish(Array.Empty<T>());
        }

        private void Publish(T[] next) => Volatile.Write(ref _items, next);

        // By reference: two listeners wrapping equal delegates are still two registrations.
        private static int IndexOf(T[] items, T item)
        {
            for (int i = 0; i < items.Length; i++)
                if (ReferenceEquals(items[i], item)) return i;
            return -1;
        }

        private static T[] Insert(T[] items, T item)
        {
            var next = new T[items.Length + 1];
            Array.Copy(items, next, items.Length);
            next[items.Length] = item;
            return next;
        }

        private static T[] Without(T[] items, int index)
        {
            if (items.Length == 1) return Array.Empty<T>();
            var next = new T[items.Length - 1];
            Array.Copy(items, 0, next, 0, index);
            Array.Copy(items, index + 1, next, index, items.Length - index - 1);
            return next;
        }
    }
}
