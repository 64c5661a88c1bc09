using System;

namespace FrameIpc
{
    /// <summary>
    /// The listeners of one channel, in registration order. Dispatch walks a <see cref="CopyOnWriteArray{T}"/> snapshot,
    /// so a listener that subscribes or unsubscribes mid-dispatch is safe and publishing allocates nothing.
    /// </summary>
    internal sealed class ListenerList
    {
        private readonly CopyOnWriteArray<IpcListener> _items = new CopyOnWriteArray<IpcListener>();

        public IpcListener[] Snapshot => _items.Snapshot;

        public int Count => _items.Count;

        /// <summary>When the channel last went from no listener to one (the emitter's counter): the order of EventNames.</summary>
        public long ListenedSince;

        public void Add(IpcListener listener) => _items.Add(listener);

        /// <summary>Removes that exact registration; false if it is already gone (a once-listener that ran).</summary>
        public bool Remove(IpcListener listener) => _items.Remove(listener);

        /// <summary>Removes the most recently added registration of <paramref name="key"/>, as Node's removeListener does.</summary>
        public bool Remove(Delegate key)
        {
            var items = _items.Snapshot;
            for (int i = items.Length - 1; i >= 0; i--)
                if (items[i].Key.Equals(key) && _items.Remove(items[i])) return true;
            return false;
        }

        public void Clear() => _items.Clear();
    }
}
