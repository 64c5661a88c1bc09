using System;

namespace FrameIpc
{
    /// <summary>
    /// The listeners of one channel. Dispatch loops over a snapshot array with no lock (MessagePipe's discipline):
    /// adding or removing copies the array, so a listener that subscribes or unsubscribes mid-dispatch is safe,
    /// and memory is allocated on subscribe, never on publish.
    /// </summary>
    internal sealed class ListenerList
    {
        private IpcListener[] _items = Array.Empty<IpcListener>();

        public IpcListener[] Snapshot => _items;

        public int Count => _items.Length;

        public void Add(IpcListener listener)
        {
            lock (this)
            {
                var next = new IpcListener[_items.Length + 1];
                Array.Copy(_items, next, _items.Length);
                next[_items.Length] = listener;
                _items = next;
            }
        }

        /// <summary>Removes that exact registration; false if it is already gone (a once-listener that ran).</summary>
        public bool Remove(IpcListener listener) => RemoveAt(Array.IndexOf(_items, listener));

        /// <summary>Removes the most recently added registration of <paramref name="key"/>, as Node's removeListener does.</summary>
        public bool Remove(Delegate key)
        {
            var items = _items;
            for (int i = items.Length - 1; i >= 0; i--)
                if (items[i].Key.Equals(key)) return RemoveAt(i, items[i]);
            return false;
        }

        private bool RemoveAt(int index) => index >= 0 && RemoveAt(index, _items[index]);

        private bool RemoveAt(int index, IpcListener expected)
        {
            lock (this)
            {
                if (index >= _items.Length || _items[index] != expected)
                {
                    index = Array.IndexOf(_items, expected);
                    if (index < 0) return false;
                }
                var next = new IpcListener[_items.Length - 1];
                Array.Copy(_items, 0, next, 0, index);
                Array.Copy(_items, index + 1, next, index, _items.Length - index - 1);
                _items = next;
                return true;
            }
        }

        public void Clear()
        {
            lock (this) _items = Array.Empty<IpcListener>();
        }
    }
}
