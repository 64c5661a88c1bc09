using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc.TestSupport
{
    /// <summary>
    /// HTTP and WebSocket by hand over a loopback socket, for what no well-behaved client sends: heads at and past the
    /// size bound, half requests, forged Host headers, and a WebSocket client that never reads.
    /// </summary>
    internal static class RawHttp
    {
        private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

        /// <summary>A request with the usual first lines; <paramref name="headers"/> are added as given (each ending in CRLF).</summary>
        public static string Get(int port, string target, string headers = "", string method = "GET") =>
            $"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{headers}\r\n";

        /// <summary>Sends <paramref name="request"/> as Latin-1 bytes and reads the answer until the server closes.</summary>
        public static async Task<RawHttpResponse> SendAsync(int port, string request)
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            var stream = client.GetStream();
            var bytes = Latin1(request);
            using var timeout = new CancellationTokenSource(Deadline);
            await stream.WriteAsync(bytes, 0, bytes.Length, timeout.Token);
            using var all = new MemoryStream();
            var buffer = new byte[16 * 1024];
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer, 0, buffer.Length, timeout.Token)) > 0)
                {
                    all.Write(buffer, 0, read);
                    // An upgrade's answer is a head alone, and the socket then stays open.
                    var sofar = Encoding.Latin1.GetString(all.ToArray());
                    if (sofar.StartsWith("HTTP/1.1 101 ") && sofar.Contains("\r\n\r\n")) break;
                }
            }
            catch (IOException) when (all.Length > 0) { /* a reset after the answer: what came is the answer */ }
            return RawHttpResponse.Parse(all.ToArray());
        }

        /// <summary>
        /// Opens a WebSocket by hand and returns the socket after the 101 head (throws on any other status). The
        /// receive buffer is small, so a client that then never reads fills up fast.
        /// </summary>
        public static async Task<Socket> UpgradeAsync(int port, string target, string origin = null)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
            await socket.ConnectAsync(IPAddress.Loopback, port);
            string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            var request = Get(port, target, "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + key + "\r\n"
                + (origin != null ? "Origin: " + origin + "\r\n" : ""));
            await socket.SendAsync(Latin1(request), SocketFlags.None);
            var head = new List<byte>();
            var one = new byte[1];
            while (!EndsWithBlankLine(head))
            {
                if (await socket.ReceiveAsync(one, SocketFlags.None) == 0) throw new IOException("closed during the upgrade: " + Encoding.ASCII.GetString(head.ToArray()));
                head.Add(one[0]);
            }
            var text = Encoding.ASCII.GetString(head.ToArray());
            if (!text.StartsWith("HTTP/1.1 101 ")) throw new IOException("not upgraded: " + text);
            return socket;
        }

        /// <summary>A masked, final text frame, as a client must send it (RFC 6455 5.2).</summary>
        public static byte[] TextFrame(string text)
        {
            var payload = Encoding.UTF8.GetBytes(text);
            var frame = new MemoryStream();
            frame.WriteByte(0x81);
            if (payload.Length < 126) frame.WriteByte((byte)(0x80 | payload.Length));
            else if (payload.Length <= ushort.MaxValue)
            {
                frame.WriteByte(0x80 | 126);
                frame.WriteByte((byte)(payload.Length >> 8));
                frame.WriteByte((byte)payload.Length);
            }
            else
            {
                frame.WriteByte(0x80 | 127);
                for (int shift = 56; shift >= 0; shift -= 8) frame.WriteByte((byte)((long)payload.Length >> shift));
            }
            var mask = RandomNumberGenerator.GetBytes(4);
            frame.Write(mask, 0, 4);
            for (int i = 0; i < payload.Length; i++) frame.WriteByte((byte)(payload[i] ^ mask[i & 3]));
            return frame.ToArray();
        }

        /// <summary>True once the peer has closed or reset the socket; what it sent first (an error answer) is read and dropped.</summary>
        public static bool IsClosedByPeer(Socket socket)
        {
            var drain = new byte[4096];
            try
            {
                while (socket.Poll(0, SelectMode.SelectRead))
                {
                    if (socket.Available == 0 || socket.Receive(drain) == 0) return true;
                }
                return false;
            }
            catch (SocketException) { return true; }
            catch (ObjectDisposedException) { return true; }
        }

        public static byte[] Latin1(string text)
        {
            var bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++) bytes[i] = (byte)text[i];
            return bytes;
        }

        private static bool EndsWithBlankLine(List<byte> b) =>
            b.Count >= 4 && b[b.Count - 4] == '\r' && b[b.Count - 3] == '\n' && b[b.Count - 2] == '\r' && b[b.Count - 1] == '\n';
    }
}
