using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc.ReliabilityTests
{
    /// <summary>A raw ClientWebSocket that can send whatever Origin and token a hostile local page or process would.</summary>
    internal sealed class SocketProbe : IDisposable
    {
        private readonly ClientWebSocket _socket = new ClientWebSocket();

        public SocketProbe(string origin = null)
        {
            _socket.Options.CollectHttpResponseDetails = true;
            if (origin != null) _socket.Options.SetRequestHeader("Origin", origin);
        }

        /// <summary>The HTTP status of the upgrade: 101 when accepted.</summary>
        public int HttpStatus => (int)_socket.HttpStatusCode;

        public async Task<bool> TryConnectAsync(string url)
        {
            using var timeout = new CancellationTokenSource(Reliability.Deadline);
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
            using var timeout = new CancellationTokenSource(Reliability.Deadline);
            await _socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, timeout.Token);
        }

        /// <summary>The next text message, or null once the server closed the socket (or dropped it).</summary>
        public async Task<string> ReceiveAsync()
        {
            using var timeout = new CancellationTokenSource(Reliability.Deadline);
            var buffer = new byte[64 * 1024];
            var text = new StringBuilder();
            try
            {
                while (true)
                {
                    var result = await _socket.ReceiveAsync(buffer, timeout.Token);
                    if (result.MessageType == WebSocketMessageType.Close) return null;
                    text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                    if (result.EndOfMessage) return text.ToString();
                }
            }
            catch (WebSocketException)
            {
                return null;
            }
        }

        public void Dispose() => _socket.Dispose();
    }
}
