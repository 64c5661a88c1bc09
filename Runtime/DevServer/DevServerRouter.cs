using System;
using System.Collections.Generic;
using System.IO;
using System.Net.WebSockets;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// Answers one request of the dev server: the Host check, then the WebSocket upgrade (token, Origin, handshake),
    /// the client scripts (with CORS), the favicon or a static file. Which hosts and origins are allowed depends on the
    /// port, so it is set when the server starts listening.
    /// </summary>
    internal sealed class DevServerRouter
    {
        private readonly WebSocketDevServer _server;
        private readonly WebSocketDevServerOptions _options;
        private readonly StaticFileResponder? _files;
        private readonly HashSet<string> _allowedOrigins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _allowedHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private bool _anyOrigin;
        private int _port;

        public DevServerRouter(WebSocketDevServer server, WebSocketDevServerOptions options)
        {
            _server = server;
            _options = options;
            if (options.StaticFilesRoot != null) _files = new StaticFileResponder(options.StaticFilesRoot);
        }

        /// <summary>The server listens on <paramref name="port"/>: only its own loopback names are allowed as Host, and by default as Origin.</summary>
        public void Listening(int port)
        {
            _port = port;
            _allowedHosts.Clear();
            _allowedHosts.Add($"127.0.0.1:{port}");
            _allowedHosts.Add($"localhost:{port}");
            _allowedOrigins.Clear();
            _anyOrigin = false;
            if (_options.AllowedOrigins == null)
            {
                _allowedOrigins.Add($"http://127.0.0.1:{port}");
                _allowedOrigins.Add($"http://localhost:{port}");
                return;
            }
            foreach (var origin in _options.AllowedOrigins)
            {
                if (origin == "*") _anyOrigin = true;
                else _allowedOrigins.Add(origin.TrimEnd('/'));
            }
        }

        /// <summary>Answers the request; true when it became a WebSocket (the connection then lives on).</summary>
        public async Task<bool> RouteAsync(DevServerConnection connection, Stream stream, HttpRequestHead head)
        {
            bool headOnly = head.Method == "HEAD";
            // A page on a DNS-rebound name (evil.example resolving to 127.0.0.1) reaches this socket with its own Host:
            // only requests addressed to this server by its loopback names are answered.
            var host = head.Header("Host");
            if (head.HeaderCount("Host") != 1 || host == null || !_allowedHosts.Contains(host))
            {
                var why = host == null ? "no Host header" : head.HeaderCount("Host") > 1 ? "more than one Host header" : $"Host '{host}' is not this server (only 127.0.0.1:{_port} and localhost:{_port}; a DNS-rebinding page sends its own name)";
                await RefuseAsync(stream, head, 421, why).ConfigureAwait(false);
                return false;
            }
            string path = head.Path;
            if (path == _options.WebSocketPath) return await UpgradeAsync(connection, stream, head).ConfigureAwait(false);
            if (path.StartsWith("/frameipc/", StringComparison.Ordinal))
            {
                await ServeClientScriptAsync(stream, head).ConfigureAwait(false);
                return false;
            }
            if (head.Method != "GET" && head.Method != "HEAD")
            {
                await RefuseAsync(stream, head, 405, "only GET and HEAD", Header("Allow", "GET, HEAD")).ConfigureAwait(false);
                return false;
            }
            if (_files != null && _files.Has(path))
            {
                await _files.RespondAsync(stream, path, headOnly).ConfigureAwait(false);
                return false;
            }
            if (path == "/favicon.ico")
            {
                // Browsers ask for it on every page; an empty answer keeps the console and the log quiet.
                await HttpResponseWriter.WriteTextAsync(stream, 204, "", headOnly: headOnly).ConfigureAwait(false);
                return false;
            }
            await RefuseAsync(stream, head, 404, _files == null ? "not found (no StaticFilesRoot is set)" : "not found").ConfigureAwait(false);
            return false;
        }

        // The page client, importable by the pages of allowed origins on other loopback servers (e.g. a Vite dev server).
        private async Task ServeClientScriptAsync(Stream stream, HttpRequestHead head)
        {
            string? source = head.Path == "/frameipc/ipc-renderer.js" ? RendererScriptText.Source
                : head.Path == "/frameipc/ipc-renderer.mjs" ? RendererScriptText.ModuleSource : null;
            var headers = new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>("Vary", "Origin") };
            var origin = head.Header("Origin");
            if (origin != null && OriginAllowed(origin)) headers.Add(new KeyValuePair<string, string>("Access-Control-Allow-Origin", origin));
            if (source == null)
            {
                await RefuseAsync(stream, head, 404, "not found (/frameipc/ serves ipc-renderer.js and ipc-renderer.mjs)", headers).ConfigureAwait(false);
                return;
            }
            if (head.Method == "OPTIONS")
            {
                headers.Add(new KeyValuePair<string, string>("Access-Control-Allow-Methods", "GET, HEAD"));
                headers.Add(new KeyValuePair<string, string>("Access-Control-Max-Age", "600"));
                headers.Add(new KeyValuePair<string, string>("Allow", "GET, HEAD, OPTIONS"));
                await HttpResponseWriter.WriteTextAsync(stream, 204, "", extra: headers).ConfigureAwait(false);
                return;
            }
            if (head.Method != "GET" && head.Method != "HEAD")
            {
                headers.Add(new KeyValuePair<string, string>("Allow", "GET, HEAD, OPTIONS"));
                await RefuseAsync(stream, head, 405, "only GET, HEAD and OPTIONS", headers).ConfigureAwait(false);
                return;
            }
            await HttpResponseWriter.WriteTextAsync(stream, 200, source, "text/javascript; charset=utf-8", head.Method == "HEAD", headers).ConfigureAwait(false);
        }

        private async Task<bool> UpgradeAsync(DevServerConnection connection, Stream stream, HttpRequestHead head)
        {
            if (head.Method != "GET" || !head.HeaderHasToken("Upgrade", "websocket") || !head.HeaderHasToken("Connection", "Upgrade"))
            {
                await RefuseAsync(stream, head, 400, "this path only accepts WebSocket upgrades").ConfigureAwait(false);
                return false;
            }
            if (head.Header("Sec-WebSocket-Version") != "13")
            {
                await RefuseAsync(stream, head, 426, "only WebSocket version 13 is spoken", Header("Sec-WebSocket-Version", "13")).ConfigureAwait(false);
                return false;
            }
            var key = head.Header("Sec-WebSocket-Key");
            if (!WebSocketHandshake.IsKey(key))
            {
                await RefuseAsync(stream, head, 400, "Sec-WebSocket-Key is missing or is not 16 bytes in base64").ConfigureAwait(false);
                return false;
            }
            var token = head.QueryParameter("token");
            if (!TokenMatches(token))
            {
                await RefuseAsync(stream, head, 401, token == null
                    ? "refused a WebSocket upgrade: no ?token= (open the URL WebSocketDevServer.PageUrl gives)"
                    : "refused a WebSocket upgrade: wrong ?token= (not this server's token; was it rotated, or is the page from another project?)").ConfigureAwait(false);
                return false;
            }
            var origin = head.Header("Origin");
            if (origin != null && !OriginAllowed(origin))
            {
                await RefuseAsync(stream, head, 403, $"refused a WebSocket upgrade: Origin '{origin}' is not allowed (WebSocketDevServerOptions.AllowedOrigins)").ConfigureAwait(false);
                return false;
            }
            if (head.ExtraBytes > 0)
            {
                await RefuseAsync(stream, head, 400, "data arrived before the upgrade was answered").ConfigureAwait(false);
                return false;
            }
            var answer = WebSocketHandshake.SwitchingProtocols(key!);
            await stream.WriteAsync(answer, 0, answer.Length).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
            var socket = WebSocket.CreateFromStream(stream, isServer: true, subProtocol: null, keepAliveInterval: _options.KeepAliveInterval);
            _server.Attach(socket, origin);
            return true;
        }

        private bool OriginAllowed(string origin) => _anyOrigin || _allowedOrigins.Contains(origin);

        private bool TokenMatches(string? given)
        {
            var token = _server.Token;
            if (given == null || given.Length != token.Length) return false;
            int diff = 0; // constant time: the comparison does not tell how much of the token was right
            for (int i = 0; i < given.Length; i++) diff |= given[i] ^ token[i];
            return diff == 0;
        }

        private static List<KeyValuePair<string, string>> Header(string name, string value) =>
            new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>(name, value) };

        public Task RefuseAsync(Stream stream, HttpRequestHead head, int status, string reason, List<KeyValuePair<string, string>>? extra = null)
        {
            _server.Report($"{status} {head.Method} {head.Path}: {reason}");
            return HttpResponseWriter.WriteTextAsync(stream, status, reason, headOnly: head.Method == "HEAD", extra: extra);
        }
    }
}
