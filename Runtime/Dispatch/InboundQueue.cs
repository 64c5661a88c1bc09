using System.Collections.Generic;

namespace FrameIpc
{
    /// <summary>
    /// One view's ordered inbound frames. Any thread enqueues; the ticking thread peeks and dequeues. The lock guards
    /// only the add and the remove, and <see cref="Queue{T}"/> reuses its array, so a steady stream allocates nothing.
    /// </summary>
    internal sealed class InboundQueue
    {
        private readonly Queue<InboundFrame> _frames = new Queue<InboundFrame>(64);
        private readonly int _capacity;

        public InboundQueue(int capacity)
        {
            _capacity = capacity;
        }

        public int Count
        {
            get { lock (_frames) return _frames.Count; }
        }

        /// <summary>False when the queue is full; the caller keeps ownership of the frame.</summary>
        public bool TryEnqueue(InboundFrame frame)
        {
            lock (_frames)
            {
                if (_frames.Count >= _capacity) return false;
                _frames.Enqueue(frame);
                return true;
            }
        }

        public InboundFrame? Peek()
        {
            lock (_frames) return _frames.Count > 0 ? _frames.Peek() : null;
        }

        public void DropHead()
        {
            lock (_frames) _frames.Dequeue();
        }

        /// <summary>Releases every queued frame (disposal): nothing leaks from the pools.</summary>
        public int Clear()
        {
            lock (_frames)
            {
                int n = _frames.Count;
                while (_frames.Count > 0) _frames.Dequeue().Release();
                return n;
            }
        }
    }
}
