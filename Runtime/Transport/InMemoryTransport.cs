using System;
using System.Collections.Generic;
using System.Threading;

namespace FrameIpc
{
    /// <summary>
    /// Two transport ends in one process, for tests and for C# views: a frame sent on one end is delivered
    /// synchronously to the other end's receiver (which copies it into its queue), on the sender's thread.
    /// </summary>
    public static class InMemoryTransport
    {
        /// <summary>Creates a connected pair: attach <c>Engine</c> to <see cref="IpcMain"/>, give <c>View</c> to an <see cref="IpcRenderer"/>.</summary>
        public static (IFrameTransport Engine, IFrameTransport View) CreatePair()
        {
            var engine = new End(isEngine: true);
            var view = new End(isEngine: false);
            engine.Peer = view;
            view.Peer = engine;
            return (engine, view);
        }

        private sealed class End : IFrameTransport
        {
            private readonly bool _isEngine;
            private readonly object _lock = new object();
            private IFrameReceiver? _receiver;
            private List<string>? _early;
            private bool _closed;

            public End(bool isEngine) { _isEngine = isEngine; }

            public End Peer = null!;

            public bool CanBlockCurrentThread =>
                _isEngine || !(Peer._receiver is ITickThreadAware r && r.IsTickThread());

            public void Start(IFrameReceiver receiver)
            {
                List<string>? early;
                lock (_lock)
                {
                    if (_receiver != null) throw new InvalidOperationException("This transport end was already started.");
                    Volatile.Write(ref _receiver, receiver);
                    early = _early;
                    _early = null;
                }
                if (early != null) foreach (var frame in early) receiver.OnFrame(frame.AsSpan());
                if (_closed) receiver.OnClosed("closed by peer");
            }

            public void Send(ReadOnlySpan<char> frame)
            {
                if (_closed) throw new IpcException(IpcErrorNames.ViewGone, "The in-memory transport is closed", IpcErrorCodes.ViewGone);
                Peer.Deliver(frame);
            }

            private void Deliver(ReadOnlySpan<char> frame)
            {
                // Started (the usual case): no lock. The receiver is set once, and a frame that finds it set is delivered,
                // as it would be had it taken the lock.
                var receiver = Volatile.Read(ref _receiver);
                if (receiver != null)
                {
                    receiver.OnFrame(frame);
                    return;
                }
                lock (_lock)
                {
                    receiver = _receiver;
                    if (receiver == null)
                    {
                        (_early ??= new List<string>()).Add(frame.ToString()); // peer not started yet: keep it
                        return;
                    }
                }
                receiver.OnFrame(frame);
            }

            public void Dispose()
            {
                if (_closed) return;
                _closed = true;
                Peer._closed = true;
                Peer._receiver?.OnClosed("closed by peer");
            }
        }
    }
}
