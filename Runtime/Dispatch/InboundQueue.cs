using System;
using System.Collections.Generic;
using System.Threading;

namespace FrameIpc
{
    /// <summary>
    /// One view's ordered inbound frames. Any thread enqueues; the ticking thread peeks and dequeues. The lock guards
    /// only the add and the remove, and <see cref="Queue{T}"/> reuses its array, so a steady stream allocates nothing.
    /// Bounded twice: in frames, and in the characters they hold, so neither many small nor a few huge frames can
    /// grow memory past what the options say.
    /// </summary>
    internal sealed class InboundQueue
    {
        private readonly Queue<InboundFrame> _frames = new Queue<InboundFrame>(64);
        private readonly int _capacity;
        private readonly long _maxChars;
        private long _chars;
        private volatile int _count; // _frames.Count, written under the lock, read without it by HasWork and Peek
        private int _dropped;
        private long _droppedChars;
        private string? _lost;

        public InboundQueue(int capacity, long maxChars)
        {
            _capacity = capacity;
            _maxChars = maxChars;
        }

        public int Count
        {
            get { lock (_frames) return _frames.Count; }
        }

        /// <summary>
        /// Frames queued, or dropped or lost since the last tick: the tick's check, without the lock (a frame queued as it
        /// is read is seen by the next tick).
        /// </summary>
        public bool HasWork => _count > 0 || Volatile.Read(ref _dropped) > 0 || Volatile.Read(ref _lost) != null;

        /// <summary>Characters held by the queued frames.</summary>
        public long Chars
        {
            get { lock (_frames) return _chars; }
        }

        /// <summary>
        /// Any thread: copies <paramref name="text"/> into a pooled frame and queues it (one over
        /// <paramref name="maxFrameChars"/> is queued as a marker only, so the tick refuses it in order); a frame that does
        /// not fit is counted for <see cref="TakeDropped"/> instead.
        /// </summary>
        public void Offer(ReadOnlySpan<char> text, int maxFrameChars)
        {
            var frame = text.Length > maxFrameChars ? InboundFrame.RentOversize(text.Length) : InboundFrame.Rent(text);
            if (TryEnqueue(frame)) return;
            frame.Release();
            Interlocked.Increment(ref _dropped);
            Interlocked.Add(ref _droppedChars, text.Length);
        }

        /// <summary>Frames (and their characters) that did not fit since the last call.</summary>
        public int TakeDropped(out long chars)
        {
            if (Volatile.Read(ref _dropped) == 0)
            {
                chars = 0;
                return 0;
            }
            int frames = Interlocked.Exchange(ref _dropped, 0);
            chars = frames > 0 ? Interlocked.Exchange(ref _droppedChars, 0) : 0;
            return frames;
        }

        /// <summary>Any thread: the transport lost frames before they got here; the tick reports it.</summary>
        public void NoteLost(string why) => Volatile.Write(ref _lost, why);

        public string? TakeLost() => Volatile.Read(ref _lost) == null ? null : Interlocked.Exchange(ref _lost, null);

        /// <summary>False when the queue is full, in frames or in characters; the caller keeps ownership of the frame.</summary>
        public bool TryEnqueue(InboundFrame frame)
        {
            lock (_frames)
            {
                if (_frames.Count >= _capacity || _chars + frame.Length > _maxChars) return false;
                _frames.Enqueue(frame);
                _chars += frame.Length;
                _count = _frames.Count;
                return true;
            }
        }

        /// <summary>The head frame, or null; an empty queue is seen without taking the lock.</summary>
        public InboundFrame? Peek()
        {
            if (_count == 0) return null;
            lock (_frames) return _frames.Count > 0 ? _frames.Peek() : null;
        }

        public void DropHead()
        {
            lock (_frames)
            {
                _chars -= _frames.Dequeue().Length;
                _count = _frames.Count;
            }
        }

        /// <summary>Releases every queued frame (disposal): nothing leaks from the pools.</summary>
        public int Clear()
        {
            lock (_frames)
            {
                int n = _frames.Count;
                while (_frames.Count > 0) _frames.Dequeue().Release();
                _chars = 0;
                _count = 0;
                return n;
            }
        }
    }
}
