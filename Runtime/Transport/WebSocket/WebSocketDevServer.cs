using System;
using System.Collections.Generic;
using System.Net;
using System.Net.WebSockets;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// A development server on loopback: any browser (with its devtools) connects to the running engine over a
    /// WebSocket, each connection becoming one <see cref="WebContents"/>. It can also serve a folder of static files,
    /// so page and engine share one origin. Off unless <see cref="WebSocketDevServerOptions.Enabled"/>; it requires the
    /// session <see cref="Token"/> and an allowed Origin on every upgrade. Built on the BCL's HttpListener.
    /// </summary>
    public sealed class WebSocketDevServer : IDisposable
    {
        private readonly IpcMain _ipcMain;
        private readonly WebSocketDevServerOptions _options;
        private readonly HashSet<string> _allowedOrigins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly List<WebSocketFrameTransport> _connections = new List<WebSocketFrameTransport>();
        private readonly StaticFileResponder? _files;
        private HttpListener? _listener;
        private bool _anyOrigin;
        private string _host;

        /// <summary>Creates a stopped server for <paramref name="ipcMain"/>. Options are checked here and read once.</summary>
        public WebSocketDevServer(IpcMain ipcMain, WebSocketDevServerOptions? options = null)
        {
            _ipcMain = ipcMain ?? throw new ArgumentNullException(nameof(ipcMain));
            _options = options ?? new WebSocketDevServerOptions();
            _options.Validate();
            Token = _options.Token ?? NewToken();
            _host = _options.Host;
            if (_options.StaticFilesRoot != null) _files = new StaticFileResponder(_options.StaticFilesRoot);
        }

        /// <summary>Raised (on a thread-pool thread) for each refused request and each failure, with the reason. Default none.</summary>
        public event Action<string>? Log;

        /// <summary>The session token pages pass as <c>?token=</c>.</summary>
        public string Token { get; }

        /// <summary>The port listened on; 0 until started.</summary>
        public int Port { get; private set; }

        /// <summary>True between <see cref="Start"/> and <see cref="Stop"/>.</summary>
        public bool IsRunning => _listener != null;

        /// <summary>The HTTP base URL, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
        public string Url => $"http://{_host}:{RequirePort()}/";

        /// <summary>The WebSocket endpoint, e.g. <c>ws://127.0.0.1:PORT/ipc</c> (without the token).</summary>
        public string WebSocketUrl => $"ws://{_host}:{RequirePort()}{_options.WebSocketPath}";

        /// <summary>
        /// The URL of a page under <see cref="WebSocketDevServerOptions.StaticFilesRoot"/> (or any path), with
        /// <c>?frameipc=&lt;ws url&gt;&amp;token=&lt;token&gt;</c> appended so ipc-renderer.js connects by itself.
        /// </summary>
        public string PageUrl(string relativePath)
        {
            var path = (relativePath ?? "").TrimStart('/');
            var separator = path.IndexOf('?') >= 0 ? '&' : '?';
            return Url + path + separator + "frameipc=" + Uri.EscapeDataString(WebSocketUrl) + "&token=" + Uri.EscapeDataString(Token);
        }

        /// <summary>Starts listening. Throws <see cref="InvalidOperationException"/> unless the options enable the server.</summary>
        public void Start()
        {
            if (!_options.Enabled)
                throw new InvalidOperationException("WebSocketDevServer is off: set WebSocketDevServerOptions.Enabled = true to start it (a development tool; keep it out of release builds)");
            if (_listener != null) throw new InvalidOperationException("WebSocketDevServer is already running");
            HttpListenerException? last = null;
            bool localhostOnly = false;
            for (int attempt = 0; attempt < 10; attempt++)
            {
                int port = _options.Port != 0 ? _options.Port : FreeLoopbackPort();
                var listener = new HttpListener();
                if (!localhostOnly) listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                listener.Prefixes.Add($"http://localhost:{port}/");
                try { listener.Start(); }
                catch (HttpListenerException ex)
                {
                    last = ex;
                    listener.Close();
                    // Windows' http.sys lets a non-admin user register only "localhost" prefixes (error 5, access denied).
                    if (ex.ErrorCode == 5 && !localhostOnly) { localhostOnly = true; continue; }
                    if (_options.Port != 0) break; // a fixed port that is taken: say so rather than pick another
                    continue;                      // a picked port was taken in between: pick again
                }
                _host = localhostOnly ? "localhost" : _options.Host;
                Port = port;
                _allowedOrigins.Clear();
                _allowedOrigins.Add($"http://127.0.0.1:{port}");
                _allowedOrigins.Add($"http://localhost:{port}");
                _anyOrigin = false;
                if (_options.AllowedOrigins != null)
                {
                    _allowedOrigins.Clear();
                    foreach (var origin in _options.AllowedOrigins)
                    {
                        if (origin == "*") _anyOrigin = true;
                        else _allowedOrigins.Add(origin.TrimEnd('/'));
                    }
                }
                _listener = listener;
                _ = Task.Run(() => AcceptLoop(listener));
                return;
            }
            throw new InvalidOperationException($"WebSocketDevServer could not listen on port {(_options.Port != 0 ? _options.Port.ToString() : "(any)")}: {last?.Message}", last);
        }

        /// <summary>
        /// Closes every connection (their views go away), waiting up to 3 s for the pages to answer, then stops listening.
        /// Safe to call twice.
        /// </summary>
        public void Stop()
        {
            var listener = _listener;
            _listener = null;
            if (listener == null) return;
            WebSocketFrameTransport[] open;
            lock (_connections) { open = _connections.ToArray(); _connections.Clear(); }
            // Sockets first, with their close handshake: closing the listener under a live socket garbles its stream.
            var closing = new Task[open.Length];
            for (int i = 0; i < open.Length; i++)
            {
                open[i].Close("the dev server stopped");
                closing[i] = open[i].Completion;
            }
            Task.WaitAll(closing, TimeSpan.FromSeconds(3));
            try { listener.Close(); } catch (ObjectDisposedException) { }
        }

        /// <summary>Same as <see cref="Stop"/>.</summary>
        public void Dispose() => Stop();

        private int RequirePort() => Port != 0 ? Port : throw new InvalidOperationException("WebSocketDevServer is not started");

        private static int FreeLoopbackPort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private static string NewToken()
        {
            var bytes = new byte[16];
            using (var rng = RandomNumberGenerator.Create()) rng.GetBytes(bytes);
            return BitConverter.ToString(bytes).Replace("-", "").ToLowerInvariant();
        }

        private async Task AcceptLoop(HttpListener listener)
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync().ConfigureAwait(false); }
                catch (Exception) { return; } // stopped
                _ = Task.Run(() => HandleAsync(context));
            }
        }

        private async Task HandleAsync(HttpListenerContext context)
        {
            try
            {
                var request = context.Request;
                if (!IPAddress.IsLoopback(request.RemoteEndPoint.Address)) { Refuse(context, 403, "only loopback clients are served"); return; }
                var path = request.Url.AbsolutePath;
                if (path == _options.WebSocketPath) await AcceptWebSocketAsync(context).ConfigureAwait(false);
                else if (path == "/frameipc/ipc-renderer.js") StaticFileResponder.WriteText(context, RendererScriptText.Source, "text/javascript; charset=utf-8");
                else if (path == "/frameipc/ipc-renderer.mjs") StaticFileResponder.WriteText(context, RendererScriptText.ModuleSource, "text/javascript; charset=utf-8");
                else if (_files != null) await _files.RespondAsync(context).ConfigureAwait(false);
                else Refuse(context, 404, "not found (no StaticFilesRoot is set)");
            }
            catch (Exception ex)
            {
                Log?.Invoke("request failed: " + ex.Message);
                try { context.Response.Abort(); } catch (Exception) { }
            }
        }

        private async Task AcceptWebSocketAsync(HttpListenerContext context)
        {
            var request = context.Request;
            if (!request.IsWebSocketRequest) { Refuse(context, 400, "this path only accepts WebSocket upgrades"); return; }
            if (!TokenMatches(request.QueryString["token"])) { Refuse(context, 401, "missing or wrong ?token="); return; }
            var origin = request.Headers["Origin"];
            if (origin != null && !_anyOrigin && !_allowedOrigins.Contains(origin))
            {
                Refuse(context, 403, $"Origin '{origin}' is not allowed (WebSocketDevServerOptions.AllowedOrigins)");
                return;
            }
            HttpListenerWebSocketContext socketContext;
            try { socketContext = await context.AcceptWebSocketAsync(null, 16 * 1024, _options.KeepAliveInterval).ConfigureAwait(false); }
            catch (Exception ex) when (ex is NotImplementedException || ex is PlatformNotSupportedException)
            {
                // Mono's HttpListener (Unity's, among others) has no server WebSockets.
                Refuse(context, 501, "this runtime's HttpListener cannot accept WebSockets: " + ex.Message);
                return;
            }
            var transport = new WebSocketFrameTransport(socketContext.WebSocket, _options.MaxFrameChars ?? _ipcMain.Options.MaxFrameChars);
            lock (_connections) _connections.Add(transport);
            // Forgotten once it ends, so long sessions with many reloads do not pile up.
            _ = transport.Completion.ContinueWith(Forget, transport, TaskScheduler.Default);
            _ipcMain.Attach(transport, origin);
        }

        private void Forget(Task completion, object? transport)
        {
            lock (_connections) _connections.Remove((WebSocketFrameTransport)transport!);
        }

        private bool TokenMatches(string? given)
        {
            if (given == null || given.Length != Token.Length) return false;
            int diff = 0; // constant time: the comparison does not tell how much of the token was right
            for (int i = 0; i < given.Length; i++) diff |= given[i] ^ Token[i];
            return diff == 0;
        }

        private void Refuse(HttpListenerContext context, int status, string reason)
        {
            Log?.Invoke($"{status} {context.Request.HttpMethod} {context.Request.Url.AbsolutePath}: {reason}");
            StaticFileResponder.WriteText(context, reason, "text/plain; charset=utf-8", status);
        }
    }
}
