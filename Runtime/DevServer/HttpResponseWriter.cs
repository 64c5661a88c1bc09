using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// Writes the dev server's HTTP/1.1 answers. Every answer carries Content-Length, <c>Cache-Control: no-store</c>
    /// (a dev server serves the file as it is now), <c>X-Content-Type-Options: nosniff</c> and <c>Connection: close</c>:
    /// one request per connection keeps the server's reading simple and its bounds easy to state.
    /// </summary>
    internal static class HttpResponseWriter
    {
        public const string TextPlain = "text/plain; charset=utf-8";

        private static readonly Encoding Utf8 = new UTF8Encoding(false);

        public static string ReasonPhrase(int status)
        {
            switch (status)
            {
                case 101: return "Switching Protocols";
                case 200: return "OK";
                case 204: return "No Content";
                case 400: return "Bad Request";
                case 401: return "Unauthorized";
                case 403: return "Forbidden";
                case 404: return "Not Found";
                case 405: return "Method Not Allowed";
                case 408: return "Request Timeout";
                case 414: return "URI Too Long";
                case 421: return "Misdirected Request";
                case 426: return "Upgrade Required";
                case 431: return "Request Header Fields Too Large";
                case 500: return "Internal Server Error";
                case 503: return "Service Unavailable";
                case 505: return "HTTP Version Not Supported";
                default: return "Status";
            }
        }

        /// <summary>The status line and headers, ending with the blank line, with <paramref name="contentLength"/> and the dev headers.</summary>
        public static byte[] Head(int status, string? contentType, long contentLength, IList<KeyValuePair<string, string>>? extra)
        {
            var sb = new StringBuilder(256);
            sb.Append("HTTP/1.1 ").Append(status).Append(' ').Append(ReasonPhrase(status)).Append("\r\n");
            if (contentType != null) sb.Append("Content-Type: ").Append(contentType).Append("\r\n");
            if (status != 204 && status != 101) sb.Append("Content-Length: ").Append(contentLength).Append("\r\n"); // neither may carry one (RFC 9110 8.6)
            sb.Append("Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n");
            if (extra != null)
                foreach (var h in extra) sb.Append(h.Key).Append(": ").Append(h.Value).Append("\r\n");
            sb.Append("\r\n");
            return Encoding.ASCII.GetBytes(sb.ToString());
        }

        /// <summary>A whole answer with a UTF-8 text body (no body for HEAD, or for 204 and 304).</summary>
        public static async Task WriteTextAsync(Stream stream, int status, string text, string contentType = TextPlain,
            bool headOnly = false, IList<KeyValuePair<string, string>>? extra = null)
        {
            var body = status == 204 ? new byte[0] : Utf8.GetBytes(text);
            var head = Head(status, status == 204 ? null : contentType, body.Length, extra);
            await stream.WriteAsync(head, 0, head.Length).ConfigureAwait(false);
            if (!headOnly && body.Length > 0) await stream.WriteAsync(body, 0, body.Length).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        }
    }
}
