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

        /// <summary>The default <see cref="Port"/>: fixed, so an open page finds the engine again after a restart.</summary>
        public const int DefaultPort = 21820;

        /// <summary>
        /// TCP port on 127.0.0.1. Default <see cref="DefaultPort"/> (21820), the same every run, so an open page reconnects
        /// after the engine restarts; when it is taken, <see cref="WebSocketDevServer.Start"/> throws saying so.
        /// 0 picks a free port at start (read it from <see cref="WebSocketDevServer.Port"/>).
        /// </summary>
        public int Port { get; set; } = DefaultPort;

        /// <summary>
        /// The loopback host name used in URLs: <c>127.0.0.1</c> (default) or <c>localhost</c>. Any other host is refused
        /// with an <see cref="ArgumentException"/>: the server never listens beyond this machine.
        /// </summary>
        public string Host { get; set; } = "127.0.0.1";

        /// <summary>
        /// The secret a page must pass as <c>?token=</c> on the WebSocket upgrade (401 otherwise).
        /// Default null: a random 128-bit token kept in <see cref="TokenFile"/>, the same every run of one project
        /// (see <see cref="PersistToken"/>); <see cref="WebSocketDevServer.RotateToken"/> replaces it.
        /// </summary>
        public string? Token { get; set; }

        /// <summary>
        /// When <see cref="Token"/> is null: true keeps the token in <see cref="TokenFile"/> across runs; false makes a new
        /// random token for each server. Default true.
        /// </summary>
        public bool PersistToken { get; set; } = true;

        /// <summary>
        /// The user-local file that keeps the token. Default null: a file under the user's local application-data folder
        /// (<c>FrameIpc/dev-server/&lt;hash&gt;.token</c>), one per project folder (the current directory, which is the
        /// project folder in the Unity editor). Outside the package and the project, so it is never committed.
        /// </summary>
        public string? TokenFile { get; set; }

        /// <summary>
        /// Origins allowed to open the WebSocket (403 otherwise), e.g. <c>http://localhost:5173</c> for a Vite dev server.
        /// The same origins may load <c>/frameipc/</c> scripts cross-origin (CORS), so such a page can import the client.
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

        /// <summary>
        /// Most open TCP connections at once (pages' WebSockets and requests being answered); past it a new connection
        /// gets <c>503</c> and is closed. Default 64.
        /// </summary>
        public int MaxConnections { get; set; } = 64;

        /// <summary>
        /// Most connections whose request head is not complete yet (slowloris); past it the oldest of them is closed.
        /// Default 16.
        /// </summary>
        public int MaxHalfOpenConnections { get; set; } = 16;

        /// <summary>
        /// How long a connection may take to send its whole request head (at most 8 KiB); past it, it is closed.
        /// Default 10 s.
        /// </summary>
        public TimeSpan HeaderTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Most characters queued for one page and not yet written to its socket; a page that stops reading and lets
        /// its queue grow past this is closed, with the reason as its view's close reason. Default 4,194,304 (4 Mi).
        /// </summary>
        public int MaxSendQueueChars { get; set; } = 4 << 20;

        /// <summary>How long one write to a page's socket may stall before the page is closed as not reading. Default 10 s.</summary>
        public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

        internal void Validate()
        {
            if (!IsLoopbackName(Host))
                throw new ArgumentException($"WebSocketDevServer binds to loopback only; Host '{Host}' is not 127.0.0.1 or localhost", nameof(Host));
            if (Port < 0 || Port > 65535) throw new ArgumentOutOfRangeException(nameof(Port), "must be 0 (pick a free port) or a TCP port");
            if (Token != null && Token.Length < 8) throw new ArgumentException("Token must have at least 8 characters", nameof(Token));
            if (string.IsNullOrEmpty(WebSocketPath) || WebSocketPath[0] != '/') throw new ArgumentException("WebSocketPath must start with '/'", nameof(WebSocketPath));
            if (MaxFrameChars.HasValue && MaxFrameChars.Value < 64) throw new ArgumentOutOfRangeException(nameof(MaxFrameChars), "must be at least 64");
            if (KeepAliveInterval < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(KeepAliveInterval), "must not be negative");
            if (MaxConnections < 1) throw new ArgumentOutOfRangeException(nameof(MaxConnections), "must be at least 1");
            if (MaxHalfOpenConnections < 1) throw new ArgumentOutOfRangeException(nameof(MaxHalfOpenConnections), "must be at least 1");
            if (HeaderTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(HeaderTimeout), "must be positive");
            if (MaxSendQueueChars < 64) throw new ArgumentOutOfRangeException(nameof(MaxSendQueueChars), "must be at least 64");
            if (SendTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(SendTimeout), "must be positive");
        }

        private static bool IsLoopbackName(string? host) =>
            string.Equals(host, "127.0.0.1", StringComparison.Ordinal) || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase);
    }
}
