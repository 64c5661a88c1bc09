using System;
using System.Collections.Generic;

namespace FrameIpc
{
    /// <summary>
    /// Electron's <c>MessagePortMain</c>: one end of a channel whose other end is another engine port, or a
    /// <c>MessagePort</c> in a page. Messages that arrive wait until <see cref="Start"/>, then reach the <c>message</c>
    /// listeners in the engine's tick; closing either end (or the view holding the other end going away or reloading)
    /// raises <c>close</c> on the other one. Use it on the thread that ticks its <see cref="IpcMain"/>.
    /// A port given to <see cref="WebContents.PostMessage{T}"/> moves to that view and can no longer be used here.
    /// </summary>
    public sealed partial class MessagePortMain
    {
        private readonly PortHub _hub;
        private readonly CopyOnWriteArray<Action<PortMessageEvent>> _onMessage = new CopyOnWriteArray<Action<PortMessageEvent>>();
        private readonly CopyOnWriteArray<Action> _onClose = new CopyOnWriteArray<Action>();

        // The other end: an engine port, or the engine's stand-in for a port in a page (View set). Null once either closed.
        internal MessagePortMain? Partner;
        // Set when this end lives in a page: that view, and the port's id on its connection.
        internal WebContents? View;
        internal long WireId;
        private bool _started;
        private bool _closedHere;     // Close() was called: nothing more is delivered
        private bool _partnerGone;    // the other end closed: what is queued is delivered, then 'close'
        private bool _closePending;
        internal bool Scheduled; // in the hub's list for the next tick

        internal MessagePortMain(PortHub hub) { _hub = hub; }

        /// <summary>True once this end was closed, or its other end was.</summary>
        public bool IsClosed => _closedHere || _partnerGone;

        /// <summary>True once this port was given to a view: it lives there now, and this object is unusable.</summary>
        public bool IsTransferred => View != null;

        /// <summary>Characters of the messages waiting for <see cref="Start"/> (or for the next tick).</summary>
        public int QueuedChars => _backlogChars;

        /// <summary>
        /// Sends <paramref name="message"/> to the other end. After either end closed it does nothing, as in Electron. Throws an
        /// <see cref="IpcException"/> when the message cannot be JSON or does not fit, and
        /// <see cref="InvalidOperationException"/> on a port that was transferred.
        /// </summary>
        public void PostMessage<T>(T message)
        {
            if (View != null) throw Transferred();
            var other = Partner;
            if (IsClosed || other == null) return;
            var args = new IpcArgs<T>(message);
            if (other.View != null) other.View.Connection.Outbox.Ports.WritePortMessage(other.WireId, args);
            else other.Accept(_hub.Encode(args), null);
        }

        /// <summary>Starts delivering messages, queued ones first (in the next tick). Before it, messages wait, bounded by <see cref="IpcOptions.MaxPortQueuedChars"/>.</summary>
        public void Start()
        {
            if (View != null || _closedHere || _started) return;
            _started = true;
            if (_backlog.Count > 0 || _closePending) _hub.Schedule(this);
        }

        /// <summary>Closes this end: the other end gets <c>close</c>, and nothing more is delivered here. Closing twice does nothing.</summary>
        public void Close()
        {
            if (View != null || _closedHere) return;
            _closedHere = true;
            ClearBacklog();
            _closePending = false;
            Disentangle();
        }

        /// <summary>
        /// Listens: <c>"message"</c> takes an <see cref="Action{PortMessageEvent}"/>; for <c>"close"</c> use
        /// <see cref="On(string, Action)"/>. Dispose to stop.
        /// </summary>
        public IDisposable On(string eventName, Action<PortMessageEvent> listener)
        {
            if (eventName != "message") throw new ArgumentException($"MessagePortMain has no '{eventName}' event with a message argument; listen to 'message', or to 'close' with an Action", nameof(eventName));
            if (listener == null) throw new ArgumentNullException(nameof(listener));
            _onMessage.Add(listener);
            return new Subscription(() => _onMessage.Remove(listener));
        }

        /// <summary>Listens to <c>"close"</c>: the other end closed, or the view holding it went away or reloaded.</summary>
        public IDisposable On(string eventName, Action listener)
        {
            if (eventName != "close") throw new ArgumentException($"MessagePortMain has no '{eventName}' event without arguments; listen to 'close', or to 'message' with an Action<PortMessageEvent>", nameof(eventName));
            if (listener == null) throw new ArgumentNullException(nameof(listener));
            _onClose.Add(listener);
            return new Subscription(() => _onClose.Remove(listener));
        }

        internal static void Entangle(MessagePortMain a, MessagePortMain b)
        {
            a.Partner = b;
            b.Partner = a;
        }

        internal bool Started => _started;
        internal bool ClosedHere => _closedHere;
        internal bool PartnerGone => _partnerGone;

        /// <summary>Breaks the entanglement from this side and tells the other end.</summary>
        internal void Disentangle()
        {
            var other = Partner;
            Partner = null;
            if (other == null) return;
            other.Partner = null;
            other.OnPartnerClosed();
        }

        /// <summary>The other end closed: a page end is told on the wire; an engine end delivers what it queued, then 'close'.</summary>
        internal void OnPartnerClosed()
        {
            if (View != null)
            {
                var view = View;
                view.Ports.Remove(WireId);
                _partnerGone = true;
                view.Connection.Outbox.Ports.WritePortClose(WireId);
                return;
            }
            if (_closedHere || _partnerGone) return;
            _partnerGone = true;
            _closePending = true;
            _hub.Schedule(this);
        }

        /// <summary>In the tick: the queued messages (when started), then a pending 'close'.</summary>
        internal void DeliverQueued()
        {
            if (_started && !_closedHere) DrainBacklog();
            if (!_closePending) return;
            _closePending = false;
            ClearBacklog(); // never started: what it queued can no longer be read
            var listeners = _onClose.Snapshot;
            for (int i = 0; i < listeners.Length; i++)
            {
                try { listeners[i](); }
                catch (Exception ex) { _hub.ListenerFailed("a MessagePortMain 'close' listener threw: " + ex.Message, ex); }
            }
        }

        /// <summary>Runs the message listeners over one message (its <c>a</c> array at <paramref name="args"/>).</summary>
        internal void Dispatch(char[] buffer, JsonRange args)
        {
            var listeners = _onMessage.Snapshot;
            if (listeners.Length == 0) return;
            var ev = _hub.Event;
            ev.Set(this, buffer, args, _hub.MaxDepth, _hub.Json);
            try
            {
                for (int i = 0; i < listeners.Length; i++)
                {
                    try { listeners[i](ev); }
                    catch (Exception ex) { _hub.ListenerFailed("a MessagePortMain 'message' listener threw: " + ex.Message, ex); }
                }
            }
            finally
            {
                ev.Clear();
            }
        }

        private InvalidOperationException Transferred() =>
            new InvalidOperationException($"This MessagePortMain was transferred to view {View!.Id} and can no longer be used here.");

        private sealed class Subscription : IDisposable
        {
            private Action? _remove;
            public Subscription(Action remove) { _remove = remove; }
            public void Dispose()
            {
                _remove?.Invoke();
                _remove = null;
            }
        }
    }
}
