using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// The request line and headers of one HTTP/1.1 request, read by the dev server itself with a hard bound:
    /// the whole head, through the blank line that ends it, is at most <see cref="MaxBytes"/> bytes.
    /// The body is never read (the server answers GET, HEAD and OPTIONS only, and closes after each answer).
    /// </summary>
    internal sealed class HttpRequestHead
    {
        /// <summary>Longest head accepted, in bytes (request line and headers, CRLFs included).</summary>
        public const int MaxBytes = 8 * 1024;

        private readonly List<KeyValuePair<string, string>> _headers = new List<KeyValuePair<string, string>>();

        private HttpRequestHead(string method, string target)
        {
            Method = method;
            Target = target;
            int query = target.IndexOf('?');
            Path = query < 0 ? target : target.Substring(0, query);
            Query = query < 0 ? "" : target.Substring(query + 1);
        }

        public string Method { get; }

        /// <summary>The request target as sent (origin form: path and query).</summary>
        public string Target { get; }

        /// <summary>The target's path, still percent-encoded.</summary>
        public string Path { get; }

        /// <summary>The target's query, without '?'.</summary>
        public string Query { get; }

        /// <summary>Bytes read past the head (a client that did not wait for the answer).</summary>
        public int ExtraBytes { get; private set; }

        /// <summary>The header's value, or null when absent. Names compare case-insensitively.</summary>
        public string? Header(string name)
        {
            foreach (var h in _headers)
                if (string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)) return h.Value;
            return null;
        }

        /// <summary>How many times the header appears (a request with two Host headers is refused).</summary>
        public int HeaderCount(string name)
        {
            int n = 0;
            foreach (var h in _headers)
                if (string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)) n++;
            return n;
        }

        /// <summary>True when the comma-separated header holds <paramref name="token"/> (case-insensitive), e.g. Connection: keep-alive, Upgrade.</summary>
        public bool HeaderHasToken(string name, string token)
        {
            foreach (var h in _headers)
            {
                if (!string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)) continue;
                foreach (var part in h.Value.Split(','))
                    if (string.Equals(part.Trim(), token, StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }

        /// <summary>A query parameter, percent-decoded, or null when absent.</summary>
        public string? QueryParameter(string name)
        {
            foreach (var pair in Query.Split('&'))
            {
                int eq = pair.IndexOf('=');
                string key = eq < 0 ? pair : pair.Substring(0, eq);
                if (Unescape(key) != name) continue;
                return eq < 0 ? "" : Unescape(pair.Substring(eq + 1));
            }
            return null;
        }

        private static string Unescape(string s)
        {
            try { return Uri.UnescapeDataString(s.Replace('+', ' ')); }
            catch (UriFormatException) { return s; }
        }

        /// <summary>
        /// Reads one head from <paramref name="stream"/> into <paramref name="buffer"/> (at least <see cref="MaxBytes"/> long).
        /// Returns the head, or throws <see cref="HttpRefusalException"/> with the status to answer. A null result means
        /// the client closed before sending a whole head. The caller enforces the deadline (by closing the socket).
        /// </summary>
        public static async Task<HttpRequestHead?> ReadAsync(Stream stream, byte[] buffer)
        {
            int length = 0;
            int scanFrom = 0;
            while (true)
            {
                int room = MaxBytes - length;
                if (room == 0) throw TooLong(buffer, length);
                int read = await stream.ReadAsync(buffer, length, room).ConfigureAwait(false);
                if (read <= 0) return null;
                length += read;
                int end = FindHeadEnd(buffer, Math.Max(0, scanFrom - 3), length);
                if (end >= 0)
                {
                    var head = Parse(buffer, end);
                    head.ExtraBytes = length - end;
                    return head;
                }
                scanFrom = length;
            }
        }

        // Over the bound: a request line that never ended is a URI too long; otherwise the headers are too large.
        private static HttpRefusalException TooLong(byte[] buffer, int length)
        {
            for (int i = 0; i + 1 < length; i++)
                if (buffer[i] == '\r' && buffer[i + 1] == '\n')
                    return new HttpRefusalException(431, $"request headers over {MaxBytes} bytes");
            return new HttpRefusalException(414, $"request line over {MaxBytes} bytes");
        }

        // The index just past "\r\n\r\n", or -1.
        private static int FindHeadEnd(byte[] b, int from, int length)
        {
            for (int i = from; i + 3 < length; i++)
                if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') return i + 4;
            return -1;
        }

        private static HttpRequestHead Parse(byte[] b, int end)
        {
            // Header bytes are ISO-8859-1 by definition; one byte is one char.
            var lines = new List<string>();
            int start = 0;
            for (int i = 0; i + 1 < end; i++)
            {
                if (b[i] != '\r' || b[i + 1] != '\n') continue;
                var chars = new char[i - start];
                for (int j = 0; j < chars.Length; j++) chars[j] = (char)b[start + j];
                lines.Add(new string(chars));
                start = i + 2;
                i++;
            }
            // lines ends with the empty line of the blank CRLF.
            var parts = lines[0].Split(' ');
            if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
                throw new HttpRefusalException(400, "malformed request line");
            if (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0")
                throw new HttpRefusalException(505, "only HTTP/1.1 is served");
            if (parts[1][0] != '/') throw new HttpRefusalException(400, "the request target must be a path");
            foreach (char c in parts[1])
                if (c <= ' ' || c >= 0x7f) throw new HttpRefusalException(400, "the request target has a character that must be percent-encoded");
            var head = new HttpRequestHead(parts[0], parts[1]);
            for (int i = 1; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line.Length == 0) continue;
                int colon = line.IndexOf(':');
                // No folded lines (obsolete since RFC 7230) and no space before the colon: both smuggle headers.
                if (colon <= 0 || line[0] == ' ' || line[0] == '\t' || line[colon - 1] == ' ' || line[colon - 1] == '\t')
                    throw new HttpRefusalException(400, "malformed header line");
                head._headers.Add(new KeyValuePair<string, string>(line.Substring(0, colon), line.Substring(colon + 1).Trim(' ', '\t')));
            }
            return head;
        }
    }
}
