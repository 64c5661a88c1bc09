using System;
using System.Collections.Generic;

namespace FrameIpc
{
    /// <summary>
    /// Settings of a <see cref="WebSocketDevServer"/>. It is a development tool: off unless <see cref="Enabled"/>,
    /// bound to loopback only, and every connection must present the session token and an allowed Origin.
    /// </summary>
    public sealed class WebSocketDevServerOptions
    {
        /// <summary>Must be set to true before <see cref="WebSocketDevServer.Start"/>, which throws otherwise. Default false.</summary>
        public bool Enabled { get; set; }

        /// <summary>TCP port. Default 0: a free port is picked at start (read it from <see cref="WebSocketDevServer.Port"/>).</summary>
        public int Port { get; set; }

        /// <summary>
        /// The loopback host name used in URLs: <c>127.0.0.1</c> (default) or <c>localhost</c>. Any other host is refused
        /// with an <see cref="ArgumentException"/>: the server never listens beyond this machine.
        /// </summary>
        public string Host { get; set; } = "127.0.0.1";

        /// <summary>
        /// The secret a page must pass as <c>?token=</c> on the WebSocket upgrade (401 otherwise).
        /// Default null: a random 128-bit token is made for each server.
        /// </summary>
        public string? Token { get; set; }

        /// <summary>
        /// Origins allowed to open the WebSocket (403 otherwise), e.g. <c>http://localhost:5173</c> for a Vite dev server.
        /// Default null: only the server's own origins, <c>http://127.0.0.1:PORT</c> and <c>http://localhost:PORT</c>.
        /// An entry <c>"*"</c> allows any origin (the token still applies). A request without an Origin header
        /// (a non-browser client) is allowed: only browsers send one, and the token guards the rest.
        /// </summary>
        public IList<string>? AllowedOrigins { get; set; }

        /// <summary>
        /// A folder served over plain HTTP (GET and HEAD), so the page and the engine share one origin.
        /// Default null: no files are served. <c>/frameipc/ipc-renderer.js</c> and <c>/frameipc/ipc-renderer.mjs</c> are always served.
        /// </summary>
        public string? StaticFilesRoot { get; set; }

        /// <summary>The path of the WebSocket endpoint. Default <c>/ipc</c>.</summary>
        public string WebSocketPath { get; set; } = "/ipc";

        /// <summary>
        /// Longest frame a connection buffers, in characters. Default null: the engine's <see cref="IpcOptions.MaxFrameChars"/>,
        /// which refuses longer frames with a LimitError to the page.
        /// </summary>
        public int? MaxFrameChars { get; set; }

        /// <summary>Interval of WebSocket keep-alive pings. Default 30 s.</summary>
        public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

        internal void Validate()
        {
            if (!IsLoopbackName(Host))
                throw new ArgumentException($"WebSocketDevServer binds to loopback only; Host '{Host}' is not 127.0.0.1 or localhost", nameof(Host));
            if (Port < 0 || Port > 65535) throw new ArgumentOutOfRangeException(nameof(Port), "must be 0 (pick a free port) or a TCP port");
            if (Token != null && Token.Length < 8) throw new ArgumentException("Token must have at least 8 characters", nameof(Token));
            if (string.IsNullOrEmpty(WebSocketPath) || WebSocketPath[0] != '/') throw new ArgumentException("WebSocketPath must start with '/'", nameof(WebSocketPath));
            if (MaxFrameChars.HasValue && MaxFrameChars.Value < 64) throw new ArgumentOutOfRangeException(nameof(MaxFrameChars), "must be at least 64");
            if (KeepAliveInterval < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(KeepAliveInterval), "must not be negative");
        }

        private static bool IsLoopbackName(string? host) =>
            string.Equals(host, "127.0.0.1", StringComparison.Ordinal) || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase);
    }
}
