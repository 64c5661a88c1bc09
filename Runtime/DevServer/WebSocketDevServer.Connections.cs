using System;
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
        private readonly DevServerConnectionList _unfinished;
        private readonly LogThrottle _boundLog = new LogThrottle();
        private int _open;

        /// <summary>TCP connections open now: pages' WebSockets and requests being read or answered.</summary>
        public int OpenConnections => Volatile.Read(ref _open);

        /// <summary>Connections whose request head has not fully arrived yet (at most <see cref="WebSocketDevServerOptions.MaxHalfOpenConnections"/>).</summary>
        public int HalfOpenConnections => _unfinished.HalfOpen;

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
            _unfinished.Add(connection);
            bool upgraded = false;
            byte[] buffer = new byte[HttpRequestHead.MaxBytes];
            try
            {
                var stream = client.GetStream();
                HttpRequestHead? head;
                try { head = await HttpRequestHead.ReadAsync(stream, buffer).ConfigureAwait(false); }
                catch (HttpRefusalException refusal)
                {
                    if (!_unfinished.HeadArrived(connection)) return;
                    Log?.Invoke($"{refusal.Status}: {refusal.Message}");
                    await HttpResponseWriter.WriteTextAsync(stream, refusal.Status, refusal.Message).ConfigureAwait(false);
                    return;
                }
                if (!_unfinished.HeadArrived(connection) || head == null) return;
                if (!(client.Client.RemoteEndPoint is IPEndPoint remote) || !IPAddress.IsLoopback(remote.Address))
                {
                    await _router.RefuseAsync(stream, head, 403, "only loopback clients are served").ConfigureAwait(false);
                    return;
                }
                upgraded = await _router.RouteAsync(connection, stream, head).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException || ex is SocketException || ex is ObjectDisposedException)
            {
                // the socket failed under the read or write; why the server closed it (if it did) is logged below
            }
            catch (Exception ex)
            {
                Log?.Invoke("request failed: " + ex.Message);
            }
            finally
            {
                // An abort ends the read either with an exception or as an end of stream, whichever the socket reports
                // first: log its reason on every path.
                if (connection.AbortReason != null) LogBound(connection.AbortReason, "closed a connection: " + connection.AbortReason);
                _unfinished.Remove(connection);
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

        private void LogBound(string reason, string message)
        {
            var line = _boundLog.Admit(reason, message);
            if (line != null) Log?.Invoke(line);
        }
    }
}
