using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc
{
    // Accepting, and the bounds on what a client can make the server hold: open connections, half-open ones (request
    // head not complete yet), and how long each may take to send its head or to take its answer.
    public sealed partial class WebSocketDevServer
    {
        private readonly LinkedList<DevServerConnection> _unfinished = new LinkedList<DevServerConnection>();
        private int _open;
        private int _halfOpen;
        private Timer? _sweeper;

        /// <summary>TCP connections open now: pages' WebSockets and requests being read or answered.</summary>
        public int OpenConnections => Volatile.Read(ref _open);

        /// <summary>Connections whose request head has not fully arrived yet (at most <see cref="WebSocketDevServerOptions.MaxHalfOpenConnections"/>).</summary>
        public int HalfOpenConnections => Volatile.Read(ref _halfOpen);

        private async Task AcceptLoop(TcpListener listener)
        {
            while (true)
            {
                TcpClient client;
                try { client = await listener.AcceptTcpClientAsync().ConfigureAwait(false); }
                catch (ObjectDisposedException) { return; }
                catch (SocketException) when (_listener != listener) { return; } // stopped
                catch (SocketException ex)
                {
                    Log?.Invoke("accept failed: " + ex.Message);
                    continue;
                }
                _ = Task.Run(() => HandleConnectionAsync(client));
            }
        }

        private async Task HandleConnectionAsync(TcpClient client)
        {
            if (Interlocked.Increment(ref _open) > _options.MaxConnections)
            {
                LogBound("503", $"503: {_options.MaxConnections} connections are open (WebSocketDevServerOptions.MaxConnections); refused one more");
                await RefuseBusyAsync(client).ConfigureAwait(false);
                Interlocked.Decrement(ref _open);
                return;
            }
            client.NoDelay = true; // frames are small and latency-bound: never hold one back for the next
            var connection = new DevServerConnection(client, DevServerConnection.DeadlineAfter(_options.HeaderTimeout));
            AddUnfinished(connection);
            bool upgraded = false;
            byte[] buffer = new byte[HttpRequestHead.MaxBytes];
            try
            {
                var stream = client.GetStream();
                HttpRequestHead? head;
                try { head = await HttpRequestHead.ReadAsync(stream, buffer).ConfigureAwait(false); }
                catch (HttpRefusalException refusal)
                {
                    if (!HeadArrived(connection)) return;
                    Log?.Invoke($"{refusal.Status}: {refusal.Message}");
                    await HttpResponseWriter.WriteTextAsync(stream, refusal.Status, refusal.Message).ConfigureAwait(false);
                    return;
                }
                if (!HeadArrived(connection) || head == null) return;
                if (!(client.Client.RemoteEndPoint is IPEndPoint remote) || !IPAddress.IsLoopback(remote.Address))
                {
                    await RefuseAsync(stream, head, 403, "only loopback clients are served").ConfigureAwait(false);
                    return;
                }
                upgraded = await RouteAsync(connection, stream, head).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException || ex is SocketException || ex is ObjectDisposedException)
            {
                if (connection.AbortReason != null) LogBound(connection.AbortReason, "closed a connection: " + connection.AbortReason);
            }
            catch (Exception ex)
            {
                Log?.Invoke("request failed: " + ex.Message);
            }
            finally
            {
                RemoveUnfinished(connection);
                if (!upgraded)
                {
                    CloseGently(client);
                    Interlocked.Decrement(ref _open);
                }
            }
        }

        // Over the connection cap: one short answer (it fits the socket's send buffer, so this never waits on the client).
        private static async Task RefuseBusyAsync(TcpClient client)
        {
            try
            {
                client.Client.Blocking = true;
                client.SendTimeout = 1000;
                var head = HttpResponseWriter.Head(503, HttpResponseWriter.TextPlain, 0, null);
                client.Client.Send(head);
            }
            catch (Exception) { /* it went away first */ }
            CloseGently(client);
            await Task.CompletedTask.ConfigureAwait(false);
        }

        // After an answer: stop sending and close; the client reads the answer to its end.
        private static void CloseGently(TcpClient client)
        {
            try { client.Client.Shutdown(SocketShutdown.Send); } catch (Exception) { }
            try { client.Close(); } catch (Exception) { }
        }

        private void AddUnfinished(DevServerConnection connection)
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

        // The head is complete: no longer half-open, and the answer gets its own deadline. False when it was dropped meanwhile.
        private bool HeadArrived(DevServerConnection connection)
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

        private void RemoveUnfinished(DevServerConnection connection)
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

        private readonly Dictionary<string, (long At, int Skipped)> _boundLogs = new Dictionary<string, (long, int)>();

        // A flood hits the same bound thousands of times a second: one line a second per reason, with the count skipped,
        // keeps the log (often Unity's console) usable while it lasts.
        private void LogBound(string reason, string message)
        {
            long now = Stopwatch.GetTimestamp();
            int skipped;
            lock (_boundLogs)
            {
                if (_boundLogs.TryGetValue(reason, out var last) && now - last.At < Stopwatch.Frequency)
                {
                    _boundLogs[reason] = (last.At, last.Skipped + 1);
                    return;
                }
                skipped = last.Skipped;
                if (_boundLogs.Count > 64) _boundLogs.Clear(); // reasons are few; never let the table grow
                _boundLogs[reason] = (now, 0);
            }
            Log?.Invoke(skipped > 0 ? $"{message} ({skipped} more like it since the last such line)" : message);
        }

        private void StartSweeper()
        {
            var shortest = _options.HeaderTimeout < _options.SendTimeout ? _options.HeaderTimeout : _options.SendTimeout;
            long ms = Math.Max(20, Math.Min(1000, (long)shortest.TotalMilliseconds / 4));
            _sweeper = new Timer(s => ((WebSocketDevServer)s!).Sweep(), this, ms, ms);
        }

        private void StopSweeper()
        {
            _sweeper?.Dispose();
            _sweeper = null;
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

        private void AbortUnfinished(string reason)
        {
            List<DevServerConnection> all;
            lock (_unfinished) all = new List<DevServerConnection>(_unfinished);
            foreach (var connection in all) connection.Abort(reason);
        }
    }
}
