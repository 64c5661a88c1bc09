using System;
using System.Collections.Generic;
using System.Text;

namespace FrameIpc.TestSupport
{
    /// <summary>One answer read by <see cref="RawHttp"/>: its status, headers as sent, and body bytes.</summary>
    internal sealed class RawHttpResponse
    {
        private readonly List<KeyValuePair<string, string>> _headers = new List<KeyValuePair<string, string>>();

        public int Status { get; private set; }
        public string Head { get; private set; } = "";
        public byte[] Body { get; private set; } = Array.Empty<byte>();
        public string BodyText => Encoding.UTF8.GetString(Body);

        /// <summary>The header's value, or null.</summary>
        public string Header(string name)
        {
            foreach (var h in _headers)
                if (string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)) return h.Value;
            return null;
        }

        public static RawHttpResponse Parse(byte[] bytes)
        {
            var response = new RawHttpResponse();
            string text = Encoding.Latin1.GetString(bytes);
            int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) throw new FormatException("no complete HTTP head in: " + text);
            response.Head = text.Substring(0, end);
            var lines = response.Head.Split("\r\n");
            response.Status = int.Parse(lines[0].Split(' ')[1]);
            for (int i = 1; i < lines.Length; i++)
            {
                int colon = lines[i].IndexOf(':');
                response._headers.Add(new KeyValuePair<string, string>(lines[i].Substring(0, colon), lines[i].Substring(colon + 1).Trim()));
            }
            response.Body = bytes.AsSpan(end + 4).ToArray();
            return response;
        }

        public override string ToString() => Head + "\r\n\r\n" + BodyText;
    }
}
