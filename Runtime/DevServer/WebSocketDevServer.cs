using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// A development server on loopback: any browser (with its devtools) connects to the running engine over a
    /// WebSocket, each connection becoming one <see cref="WebContents"/>. It can also serve a folder of static files,
    /// so page and engine share one origin. Off unless <see cref="WebSocketDevServerOptions.Enabled"/>; it requires the
    /// <see cref="Token"/>, an allowed Origin and its own Host on every upgrade. Built on a loopback
    /// <see cref="TcpListener"/> that reads HTTP/1.1 itself and hands upgraded streams to
    /// <c>WebSocket.CreateFromStream</c>, which Unity's Mono implements (its <c>HttpListener</c> cannot accept WebSockets).
    /// </summary>
    public sealed partial class WebSocketDevServer : IDisposable
    {
        private readonly IpcMain _ipcMain;
        private readonly WebSocketDevServerOptions _options;
        private readonly List<WebSocketFrameTransport> _connections = new List<WebSocketFrameTransport>();
        private readonly DevServerRouter _router;
        private readonly string? _tokenProblem;
        private TcpListener? _listener;
        private string _token;

        /// <summary>Creates a stopped server for <paramref name="ipcMain"/>. Options are checked here and read once.</summary>
        public WebSocketDevServer(IpcMain ipcMain, WebSocketDevServerOptions? options = null)
        {
            _ipcMain = ipcMain ?? throw new ArgumentNullException(nameof(ipcMain));
            _options = options ?? new WebSocketDevServerOptions();
            _options.Validate();
            _unfinished = new DevServerConnectionList(_options);
            if (_options.Token != null) _token = _options.Token;
            else if (!_options.PersistToken) _token = DevServerTokenFile.NewToken();
            else
            {
                TokenFile = _options.TokenFile ?? DevServerTokenFile.DefaultPath(Directory.GetCurrentDirectory());
                try { _token = TokenFile != null ? DevServerTokenFile.ReadOrCreate(TokenFile) : DevServerTokenFile.NewToken(); }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    _tokenProblem = $"could not keep the token in '{TokenFile}' ({ex.Message}); this run uses a token of its own";
                    TokenFile = null;
                    _token = DevServerTokenFile.NewToken();
                }
            }
            _router = new DevServerRouter(this, _options);
        }

        /// <summary>Raised (on a thread-pool thread) for each refused request and each failure, with the reason. Default none.</summary>
        public event Action<string>? Log;

        /// <summary>The token pages pass as <c>?token=</c>: the same every run of a project unless rotated (see <see cref="WebSocketDevServerOptions.Token"/>).</summary>
        public string Token => Volatile.Read(ref _token);

        /// <summary>The file that keeps <see cref="Token"/> across runs, or null when it is not kept.</summary>
        public string? TokenFile { get; }

        /// <summary>The port listened on; 0 until started.</summary>
        public int Port { get; private set; }

        /// <summary>True between <see cref="Start"/> and <see cref="Stop"/>.</summary>
        public bool IsRunning => _listener != null;

        /// <summary>The HTTP base URL, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
        public string Url => $"http://{_options.Host}:{RequirePort()}/";

        /// <summary>The WebSocket endpoint, e.g. <c>ws://127.0.0.1:PORT/ipc</c> (without the token).</summary>
        public string WebSocketUrl => $"ws://{_options.Host}:{RequirePort()}{_options.WebSocketPath}";

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

        /// <summary>
        /// Starts listening on 127.0.0.1. Throws <see cref="InvalidOperationException"/> unless the options enable the
        /// server, and when the port is taken (a one-line message naming the port).
        /// </summary>
        public void Start()
        {
            if (!_options.Enabled)
                throw new InvalidOperationException("WebSocketDevServer is off: set WebSocketDevServerOptions.Enabled = true to start it (a development tool; keep it out of release builds)");
            if (_listener != null) throw new InvalidOperationException("WebSocketDevServer is already running");
            var listener = new TcpListener(IPAddress.Loopback, _options.Port);
            // Elsewhere than Windows, an engine restarted at once must get its port back while the old connections sit in
            // TIME_WAIT; this never lets two listeners share a port there. On Windows the same flag would, so it stays off.
            if (Environment.OSVersion.Platform != PlatformID.Win32NT)
                listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            try { listener.Start(); }
            catch (SocketException ex)
            {
                listener.Stop();
                if (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
                    throw new InvalidOperationException($"WebSocketDevServer could not listen on 127.0.0.1:{_options.Port}: the port is in use (another engine or server?); set WebSocketDevServerOptions.Port to another port, or to 0 for any free one", ex);
                throw new InvalidOperationException($"WebSocketDevServer could not listen on 127.0.0.1:{_options.Port}: {ex.Message}", ex);
            }
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            Port = port;
            _router.Listening(port);
            _listener = listener;
            _unfinished.StartSweeper();
            if (_tokenProblem != null) Log?.Invoke(_tokenProblem);
            _ = Task.Run(() => AcceptLoop(listener));
        }

        /// <summary>
        /// Writes a fresh <see cref="Token"/> (to <see cref="TokenFile"/> when it is kept there) and closes every open
        /// connection: pages holding the old token can no longer connect. Returns the new token.
        /// </summary>
        public string RotateToken()
        {
            var token = TokenFile != null ? DevServerTokenFile.Rotate(TokenFile) : DevServerTokenFile.NewToken();
            Volatile.Write(ref _token, token);
            CloseAll("the dev server's token was rotated");
            return token;
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
            try { listener.Stop(); } catch (SocketException) { }
            _unfinished.StopSweeper();
            _unfinished.AbortAll("the dev server stopped");
            Task.WaitAll(CloseAll("the dev server stopped"), TimeSpan.FromSeconds(3));
        }

        /// <summary>Same as <see cref="Stop"/>.</summary>
        public void Dispose() => Stop();

        // Sockets with their close handshake; the returned tasks end once each is gone.
        private Task[] CloseAll(string reason)
        {
            WebSocketFrameTransport[] open;
            lock (_connections) open = _connections.ToArray();
            var closing = new Task[open.Length];
            for (int i = 0; i < open.Length; i++)
            {
                open[i].Close(reason);
                closing[i] = open[i].Completion;
            }
            return closing;
        }

        private int RequirePort() => Port != 0 ? Port : throw new InvalidOperationException("WebSocketDevServer is not started");

        /// <summary>Makes an upgraded socket a view of the engine; it is forgotten once it ends, so reloads do not pile up.</summary>
        internal void Attach(WebSocket socket, string? origin)
        {
            var transport = new WebSocketFrameTransport(socket, _options.MaxFrameChars ?? _ipcMain.Options.MaxFrameChars, _options.MaxSendQueueChars, _options.SendTimeout);
            transport.Log += Report;
            lock (_connections) _connections.Add(transport);
            _ = transport.Completion.ContinueWith((_, state) => ((WebSocketDevServer)state!).Forget(transport), this, TaskScheduler.Default);
            _ipcMain.Attach(transport, origin);
        }

        /// <summary>RFC 6455 4.2.2 (the tests check it against the RFC's example).</summary>
        internal static string AcceptKey(string key) => WebSocketHandshake.AcceptKey(key);

        /// <summary>Raises <see cref="Log"/>.</summary>
        internal void Report(string message) => Log?.Invoke(message);

        private void Forget(WebSocketFrameTransport transport)
        {
            lock (_connections) _connections.Remove(transport);
            Interlocked.Decrement(ref _open);
        }
    }
}
