using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace FrameIpc
{
    /// <summary>
    /// The dev server's connections that are not answered or upgraded yet, and the bounds on them: at most
    /// <see cref="WebSocketDevServerOptions.MaxHalfOpenConnections"/> still sending their request head (the oldest makes
    /// room for a newcomer), and a sweeper that closes each one past its deadline (a head that never completes, an
    /// answer never taken). Thread-safe.
    /// </summary>
    internal sealed class DevServerConnectionList
    {
        private readonly WebSocketDevServerOptions _options;
        private readonly LinkedList<DevServerConnection> _unfinished = new LinkedList<DevServerConnection>();
        private int _halfOpen;
        private Timer? _sweeper;

        public DevServerConnectionList(WebSocketDevServerOptions options)
        {
            _options = options;
        }

        /// <summary>Connections whose request head has not fully arrived yet.</summary>
        public int HalfOpen => Volatile.Read(ref _halfOpen);

        public void Add(DevServerConnection connection)
        {
            DevServerConnection? evicted = null;
            lock (_unfinished)
            {
                if (_halfOpen >= _options.MaxHalfOpenConnections)
                {
                    // The oldest has had the most time to send its head: at the cap it makes room for the newcomer.
                    for (var node = _unfinished.First; node != null; node = node.Next)
                        if (node.Value.HalfOpen) { evicted = node.Value; break; }
                    if (evicted != null)
                    {
                        evicted.HalfOpen = false;
                        _halfOpen--;
                    }
                }
                connection.Node = _unfinished.AddLast(connection);
                _halfOpen++;
            }
            evicted?.Abort($"{_options.MaxHalfOpenConnections} connections were waiting for their request head (WebSocketDevServerOptions.MaxHalfOpenConnections); the oldest was dropped");
        }

        /// <summary>The head is complete: no longer half-open, and the answer gets its own deadline. False when it was dropped meanwhile.</summary>
        public bool HeadArrived(DevServerConnection connection)
        {
            lock (_unfinished)
            {
                if (connection.AbortReason != null || connection.Node == null) return false;
                if (connection.HalfOpen)
                {
                    connection.HalfOpen = false;
                    _halfOpen--;
                }
                connection.Deadline = DevServerConnection.DeadlineAfter(_options.SendTimeout);
                return true;
            }
        }

        public void Remove(DevServerConnection connection)
        {
            lock (_unfinished)
            {
                if (connection.Node == null) return;
                _unfinished.Remove(connection.Node);
                connection.Node = null;
                if (connection.HalfOpen)
                {
                    connection.HalfOpen = false;
                    _halfOpen--;
                }
            }
        }

        public void StartSweeper()
        {
            var shortest = _options.HeaderTimeout < _options.SendTimeout ? _options.HeaderTimeout : _options.SendTimeout;
            long ms = Math.Max(20, Math.Min(1000, (long)shortest.TotalMilliseconds / 4));
            _sweeper = new Timer(s => ((DevServerConnectionList)s!).Sweep(), this, ms, ms);
        }

        public void StopSweeper()
        {
            _sweeper?.Dispose();
            _sweeper = null;
        }

        public void AbortAll(string reason)
        {
            List<DevServerConnection> all;
            lock (_unfinished) all = new List<DevServerConnection>(_unfinished);
            foreach (var connection in all) connection.Abort(reason);
        }

        // Closes every connection past its deadline: a head that never completes (slowloris), an answer never taken.
        private void Sweep()
        {
            long now = Stopwatch.GetTimestamp();
            List<DevServerConnection>? late = null;
            lock (_unfinished)
            {
                for (var node = _unfinished.First; node != null; node = node.Next)
                    if (node.Value.IsPast(now) && node.Value.AbortReason == null) (late ??= new List<DevServerConnection>()).Add(node.Value);
            }
            if (late == null) return;
            foreach (var connection in late)
                connection.Abort(connection.HalfOpen
                    ? $"no complete request head within {_options.HeaderTimeout.TotalSeconds:0.###} s (WebSocketDevServerOptions.HeaderTimeout)"
                    : $"the answer was not taken within {_options.SendTimeout.TotalSeconds:0.###} s (WebSocketDevServerOptions.SendTimeout)");
        }
    }
}
