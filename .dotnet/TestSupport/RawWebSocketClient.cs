using System;
using System.IO;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc.TestSupport
{
    /// <summary>
    /// A bare System.Net.WebSockets client for dev server tests: it sends whatever Origin and token a hostile local page
    /// or process would, which a browser will not fake.
    /// </summary>
    internal sealed class RawWebSocketClient : IDisposable
    {
        private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
        private readonly ClientWebSocket _socket = new ClientWebSocket();

        public RawWebSocketClient(string origin = null)
        {
            _socket.Options.CollectHttpResponseDetails = true;
            if (origin != null) _socket.Options.SetRequestHeader("Origin", origin);
        }

        public WebSocketState State => _socket.State;

        /// <summary>The HTTP status of the upgrade (101 when accepted).</summary>
        public int HttpStatus => (int)_socket.HttpStatusCode;

        public async Task<bool> TryConnectAsync(string url)
        {
            using var timeout = new CancellationTokenSource(Deadline);
            try
            {
                await _socket.ConnectAsync(new Uri(url), timeout.Token);
                return true;
            }
            catch (WebSocketException)
            {
                return false;
            }
        }

        public async Task SendAsync(string frame)
        {
            // Awaited here: the deadline must outlive the send, not end when the task is handed back.
            using var timeout = new CancellationTokenSource(Deadline);
            await _socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, timeout.Token);
        }

        /// <summary>The next text message, or null once the server closed the connection (or dropped it).</summary>
        public async Task<string> ReceiveAsync()
        {
            using var timeout = new CancellationTokenSource(Deadline);
            var buffer = new byte[16 * 1024];
            using var message = new MemoryStream();
            try
            {
                while (true)
                {
                    var result = await _socket.ReceiveAsync(buffer, timeout.Token);
                    if (result.MessageType == WebSocketMessageType.Close) return null;
                    message.Write(buffer, 0, result.Count);
                    if (result.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
                }
            }
            catch (WebSocketException)
            {
                return null;
            }
        }

        /// <summary>Receives until a message contains <paramref name="text"/>, returning it.</summary>
        public async Task<string> ReceiveContainingAsync(string text)
        {
            while (true)
            {
                var frame = await ReceiveAsync();
                if (frame == null) throw new InvalidOperationException($"the server closed the connection before sending '{text}'");
                if (frame.Contains(text)) return frame;
            }
        }

        public void Dispose() => _socket.Dispose();
    }
}
