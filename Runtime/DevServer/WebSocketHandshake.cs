using System;
using System.Security.Cryptography;
using System.Text;

namespace FrameIpc
{
    /// <summary>The server's half of the WebSocket opening handshake (RFC 6455 section 4.2).</summary>
    internal static class WebSocketHandshake
    {
        private const string Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"; // RFC 6455 section 1.3

        /// <summary>Whether <c>Sec-WebSocket-Key</c> is 16 bytes in base64, as the RFC requires.</summary>
        public static bool IsKey(string? key)
        {
            if (key == null || key.Length != 24) return false;
            try { return Convert.FromBase64String(key).Length == 16; }
            catch (FormatException) { return false; }
        }

        /// <summary>RFC 6455 4.2.2: base64(SHA-1(key + GUID)).</summary>
        public static string AcceptKey(string key)
        {
            using (var sha1 = SHA1.Create())
                return Convert.ToBase64String(sha1.ComputeHash(Encoding.ASCII.GetBytes(key + Guid)));
        }

        /// <summary>The 101 answer that turns the connection into a WebSocket.</summary>
        public static byte[] SwitchingProtocols(string key) =>
            Encoding.ASCII.GetBytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + AcceptKey(key) + "\r\n\r\n");
    }
}
