using System;
using System.Collections.Generic;
using System.IO;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

namespace FrameIpc
{
    // One request: the Host check, then the WebSocket upgrade, the client scripts (with CORS), the favicon or a file.
    public sealed partial class WebSocketDevServer
    {
        private const string WebSocketGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"; // RFC 6455 section 1.3

        /// <summary>Answers the request; true when it became a WebSocket (the connection then lives on).</summary>
        private async Task<bool> RouteAsync(DevServerConnection connection, Stream stream, HttpRequestHead head)
        {
            bool headOnly = head.Method == "HEAD";
            // A page on a DNS-rebound name (evil.example resolving to 127.0.0.1) reaches this socket with its own Host:
            // only requests addressed to this server by its loopback names are answered.
            var host = head.Header("Host");
            if (head.HeaderCount("Host") != 1 || host == null || !_allowedHosts.Contains(host))
            {
                var why = host == null ? "no Host header" : head.HeaderCount("Host") > 1 ? "more than one Host header" : $"Host '{host}' is not this server (only 127.0.0.1:{Port} and localhost:{Port}; a DNS-rebinding page sends its own name)";
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
            if (!IsWebSocketKey(key))
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
            var answer = Encoding.ASCII.GetBytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                + AcceptKey(key!) + "\r\n\r\n");
            await stream.WriteAsync(answer, 0, answer.Length).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
            var socket = WebSocket.CreateFromStream(stream, isServer: true, subProtocol: null, keepAliveInterval: _options.KeepAliveInterval);
            var transport = new WebSocketFrameTransport(socket, _options.MaxFrameChars ?? _ipcMain.Options.MaxFrameChars, _options.MaxSendQueueChars, _options.SendTimeout);
            transport.Log += ForwardLog;
            lock (_connections) _connections.Add(transport);
            // Forgotten once it ends, so long sessions with many reloads do not pile up.
            _ = transport.Completion.ContinueWith((_, state) => ((WebSocketDevServer)state!).Forget(transport), this, TaskScheduler.Default);
            _ipcMain.Attach(transport, origin);
            return true;
        }

        private void ForwardLog(string message) => Log?.Invoke(message);

        private void Forget(WebSocketFrameTransport transport)
        {
            lock (_connections) _connections.Remove(transport);
            System.Threading.Interlocked.Decrement(ref _open);
        }

        private bool OriginAllowed(string origin) => _anyOrigin || _allowedOrigins.Contains(origin);

        /// <summary>RFC 6455 4.2.2: base64(SHA-1(key + GUID)).</summary>
        internal static string AcceptKey(string key)
        {
            using (var sha1 = SHA1.Create())
                return Convert.ToBase64String(sha1.ComputeHash(Encoding.ASCII.GetBytes(key + WebSocketGuid)));
        }

        private static bool IsWebSocketKey(string? key)
        {
            if (key == null || key.Length != 24) return false;
            try { return Convert.FromBase64String(key).Length == 16; }
            catch (FormatException) { return false; }
        }

        private static List<KeyValuePair<string, string>> Header(string name, string value) =>
            new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>(name, value) };

        private Task RefuseAsync(Stream stream, HttpRequestHead head, int status, string reason, List<KeyValuePair<string, string>>? extra = null)
        {
            Log?.Invoke($"{status} {head.Method} {head.Path}: {reason}");
            return HttpResponseWriter.WriteTextAsync(stream, status, reason, headOnly: head.Method == "HEAD", extra: extra);
        }
    }
}
