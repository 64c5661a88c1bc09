using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// Listeners and invoke handlers by channel: the part of Electron's <c>ipcMain</c> that <see cref="IpcMain"/>,
    /// each <see cref="WebContents.Ipc"/> and <see cref="IpcRenderer"/> share. Register from any thread; callbacks run
    /// only inside the owner's <c>Tick()</c>.
    /// </summary>
    public class IpcEmitter
    {
        private readonly Dictionary<string, ListenerList> _listeners = new Dictionary<string, ListenerList>(StringComparer.Ordinal);
        // What dispatch reads, with no lock: a copy of _listeners, replaced whenever a channel is added or removed
        // (memory is spent on subscribe, never on publish).
        private volatile Dictionary<string, ListenerList> _published = new Dictionary<string, ListenerList>(StringComparer.Ordinal);
        private readonly Dictionary<string, IpcHandler> _handlers = new Dictionary<string, IpcHandler>(StringComparer.Ordinal);
        // Shared by an engine and its views' scoped emitters: one table (64 KiB) per endpoint, not one per view.
        internal readonly ChannelNames Names;
        private long _listenedCount; // guarded by _listeners: orders EventNames as Node orders eventNames()

        internal IpcEmitter(ChannelNames names) { Names = names; }

        /// <summary>Listens on <paramref name="channel"/>; the listener gets <c>(event)</c> and reads arguments from it. Dispose to stop.</summary>
        public IDisposable On(string channel, Action<IpcEvent> listener) => Add(channel, new EventListener(NotNull(listener), false));

        /// <summary>Listens on <paramref name="channel"/> with the first argument read as <typeparamref name="T1"/>.</summary>
        public IDisposable On<T1>(string channel, Action<IpcEvent, T1> listener) => Add(channel, new EventListener<T1>(NotNull(listener), false));

        /// <summary>Like <see cref="On(string, Action{IpcEvent})"/>, but removed before its first call.</summary>
        public IDisposable Once(string channel, Action<IpcEvent> listener) => Add(channel, new EventListener(NotNull(listener), true));

        /// <summary>Like <see cref="On{T1}"/>, but removed before its first call.</summary>
        public IDisposable Once<T1>(string channel, Action<IpcEvent, T1> listener) => Add(channel, new EventListener<T1>(NotNull(listener), true));

        /// <summary>Same as <see cref="On(string, Action{IpcEvent})"/> (Node's name).</summary>
        public IDisposable AddListener(string channel, Action<IpcEvent> listener) => On(channel, listener);

        /// <summary>Removes the last registration of <paramref name="listener"/> on <paramref name="channel"/>; false if there was none.</summary>
        public bool Off(string channel, Delegate listener)
        {
            lock (_listeners) return _listeners.TryGetValue(channel, out var list) && list.Remove(listener);
        }

        /// <summary>Same as <see cref="Off"/> (Node's name).</summary>
        public bool RemoveListener(string channel, Delegate listener) => Off(channel, listener);

        /// <summary>Removes every listener of <paramref name="channel"/>, or of every channel when it is null.</summary>
        public void RemoveAllListeners(string? channel = null)
        {
            lock (_listeners)
            {
                if (channel == null) _listeners.Clear();
                else _listeners.Remove(channel);
                Publish();
            }
        }

        /// <summary>How many listeners <paramref name="channel"/> has.</summary>
        public int ListenerCount(string channel)
        {
            lock (_listeners) return _listeners.TryGetValue(channel, out var list) ? list.Count : 0;
        }

        /// <summary>
        /// The channels that have listeners, in the order they got their first one (Node's <c>emitter.eventNames()</c>).
        /// Handlers are not listeners, and FrameIPC never registers a listener of its own, so no internal channel shows.
        /// </summary>
        public string[] EventNames()
        {
            lock (_listeners)
            {
                int n = 0;
                foreach (var pair in _listeners)
                    if (pair.Value.Count > 0) n++;
                var names = new string[n];
                var since = new long[n];
                n = 0;
                foreach (var pair in _listeners)
                {
                    if (pair.Value.Count == 0) continue;
                    names[n] = pair.Key;
                    since[n++] = pair.Value.ListenedSince;
                }
                Array.Sort(since, names);
                return names;
            }
        }

        /// <summary>Handles invokes on <paramref name="channel"/> synchronously; the return value is the caller's result.</summary>
        public void Handle<TResult>(string channel, Func<IpcMainInvokeEvent, TResult> handler) => AddHandler(channel, new SyncHandler<TResult>(NotNull(handler), false));

        /// <summary>Handles invokes asynchronously; the token is cancelled when the caller cancels, times out or goes away.</summary>
        public void Handle<TResult>(string channel, Func<IpcMainInvokeEvent, CancellationToken, Task<TResult>> handler) =>
            AddHandler(channel, new AsyncHandler<TResult>(NotNull(handler), false));

        /// <summary>Handles invokes asynchronously with no result value (the caller gets null).</summary>
        public void Handle(string channel, Func<IpcMainInvokeEvent, CancellationToken, Task> handler) =>
            AddHandler(channel, new AsyncVoidHandler(NotNull(handler), false));

        /// <summary>Handles a single invoke; the handler is removed before it runs.</summary>
        public void HandleOnce<TResult>(string channel, Func<IpcMainInvokeEvent, TResult> handler) => AddHandler(channel, new SyncHandler<TResult>(NotNull(handler), true));

        /// <summary>Handles a single invoke asynchronously; the handler is removed before it runs.</summary>
        public void HandleOnce<TResult>(string channel, Func<IpcMainInvokeEvent, CancellationToken, Task<TResult>> handler) =>
            AddHandler(channel, new AsyncHandler<TResult>(NotNull(handler), true));

        /// <summary>Removes the handler of <paramref name="channel"/>, if any.</summary>
        public void RemoveHandler(string channel)
        {
            lock (_handlers) _handlers.Remove(channel);
        }

        /// <summary>True when <paramref name="channel"/> has a handler.</summary>
        public bool HasHandler(string channel)
        {
            lock (_handlers) return _handlers.ContainsKey(channel);
        }

        internal ListenerList? ListenersOf(string channel)
        {
            return _published.TryGetValue(channel, out var list) && list.Count > 0 ? list : null;
        }

        /// <summary>Finds the handler; a once-handler is removed here, before it is called.</summary>
        internal IpcHandler? TakeHandler(string channel)
        {
            lock (_handlers)
            {
                if (!_handlers.TryGetValue(channel, out var handler)) return null;
                if (handler.Once) _handlers.Remove(channel);
                return handler;
            }
        }

        /// <summary>Runs every listener of the event's channel, in registration order; one that throws does not stop the rest.</summary>
        internal void Emit(IpcEvent e, Action<Exception, IpcEvent> onError)
        {
            var list = ListenersOf(e.Channel);
            if (list == null) return;
            var items = list.Snapshot;
            for (int i = 0; i < items.Length; i++)
            {
                var listener = items[i];
                if (listener.Once && !list.Remove(listener)) continue;
                try
                {
                    listener.Invoke(e);
                }
                catch (Exception ex)
                {
                    onError(ex, e);
                }
            }
        }

        private IDisposable Add(string channel, IpcListener listener)
        {
            CheckChannel(channel);
            ListenerList list;
            lock (_listeners)
            {
                if (!_listeners.TryGetValue(channel, out list!))
                {
                    _listeners[channel] = list = new ListenerList();
                    Publish();
                }
                Names.Add(channel);
                if (list.Count == 0) list.ListenedSince = ++_listenedCount;
                list.Add(listener);
            }
            return new Subscription(list, listener);
        }

        private void AddHandler(string channel, IpcHandler handler)
        {
            CheckChannel(channel);
            lock (_handlers)
            {
                if (_handlers.ContainsKey(channel)) throw new InvalidOperationException($"Attempted to register a second handler for '{channel}'");
                _handlers[channel] = handler;
                Names.Add(channel);
            }
        }

        private void Publish() => _published = new Dictionary<string, ListenerList>(_listeners, StringComparer.Ordinal);

        internal static void CheckChannel(string channel) => ChannelArgument.Check(channel);

        private static T NotNull<T>(T value) where T : class => value ?? throw new ArgumentNullException("listener");

        private sealed class Subscription : IDisposable
        {
            private ListenerList? _list;
            private readonly IpcListener _listener;

            public Subscription(ListenerList list, IpcListener listener)
            {
                _list = list;
                _listener = listener;
            }

            public void Dispose()
            {
                _list?.Remove(_listener);
                _list = null;
            }
        }
    }
}
