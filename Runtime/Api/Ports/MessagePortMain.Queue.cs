using System;
using System.Collections.Generic;

namespace FrameIpc
{
    /// <summary>A port's queue: messages that arrived before <see cref="Start"/>, or posted by an engine port, waiting for the tick.</summary>
    public sealed partial class MessagePortMain
    {
        private readonly Queue<char[]> _backlog = new Queue<char[]>();
        private int _backlogChars;

        /// <summary>
        /// A message for this end, its <c>a</c> array as JSON: dispatched now when started and nothing is waiting ahead of it
        /// (we are in the tick), else copied into the queue, bounded by <see cref="IpcOptions.MaxPortQueuedChars"/>. Over the
        /// bound it is refused: a LimitError thrown at an engine sender, or (<paramref name="from"/> a view) returned.
        /// </summary>
        internal IpcException? Accept(ReadOnlySpan<char> argsJson, char[]? buffer, JsonRange range, WebContents? from)
        {
            if (_closedHere || _partnerGone) return null; // closed here: dropped, as a closed MessagePort drops
            if (buffer != null && _started && _backlog.Count == 0 && !Scheduled)
            {
                Dispatch(buffer, range);
                return null;
            }
            int limit = _hub.MaxQueuedChars;
            if ((long)_backlogChars + argsJson.Length > limit)
            {
                var ex = new IpcException(IpcErrorNames.Limit,
                    $"A port message of {argsJson.Length} characters was refused: {_backlogChars} characters already wait on a MessagePortMain " +
                    $"{(_started ? "whose listeners have not run yet" : "that nobody started")} (limit {limit}, IpcOptions.MaxPortQueuedChars)",
                    IpcErrorCodes.Limit);
                if (from == null) throw ex;
                return ex;
            }
            _backlog.Enqueue(argsJson.ToArray());
            _backlogChars += argsJson.Length;
            if (_started) _hub.Schedule(this);
            return null;
        }

        /// <summary>An engine port's message for this end: queued for the next tick.</summary>
        internal void Accept(ReadOnlySpan<char> argsJson, WebContents? from) => Accept(argsJson, null, default, from);

        /// <summary>After a transfer: what waited here goes to the view that now holds this port, in order.</summary>
        internal void ForwardBacklog(Outbox outbox, long wireId)
        {
            while (_backlog.Count > 0)
            {
                var json = _backlog.Dequeue();
                _backlogChars -= json.Length;
                outbox.Ports.WritePortMessage(wireId, json);
            }
        }

        private void DrainBacklog()
        {
            while (_backlog.Count > 0 && !_closedHere)
            {
                var json = _backlog.Dequeue();
                _backlogChars -= json.Length;
                Dispatch(json, new JsonRange(0, json.Length));
            }
        }

        private void ClearBacklog()
        {
            _backlog.Clear();
            _backlogChars = 0;
        }
    }
}
