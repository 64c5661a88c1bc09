using System;
using System.Threading;
using System.Threading.Tasks;
using FrameIpc.Samples.HudOverlay;

namespace FrameIpc.Demo
{
    /// <summary>
    /// The demo's game: an <see cref="IpcMain"/> ticked by a <see cref="FrameLoop"/>, the HUD Overlay's
    /// <see cref="HudController"/> as its game logic, and a <see cref="WebSocketDevServer"/> serving the page. Run it on
    /// the calling thread (<see cref="Run"/>, the console) or on its own thread (<see cref="StartBackground"/>, the tests).
    /// </summary>
    public sealed class DemoHost : IDisposable
    {
        private readonly DemoOptions _options;
        private readonly DemoStats _stats;
        private CancellationTokenSource? _background;
        private Thread? _thread;
        private int _frameErrors;
        private bool _disposed;

        /// <summary>Builds the game and its server (not started).</summary>
        public DemoHost(DemoOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            Main = new IpcMain();
            Main.Tracer.Enabled = true; // the per-second stats read it
            Hud = new HudController(Main);
            Loop = new FrameLoop(Main, options.FramesPerSecond);
            _stats = new DemoStats(this, options.Output);
            Loop.Update += Hud.Update;
            Loop.LateUpdate += _stats.OnFrame;
            Loop.Error += OnFrameError;
            Server = new WebSocketDevServer(Main, new WebSocketDevServerOptions { Enabled = true, Port = options.Port, StaticFilesRoot = options.PageFolder });
            Server.Log += message => options.Output.WriteLine("[dev server] " + message);
        }

        /// <summary>The engine.</summary>
        public IpcMain Main { get; }

        /// <summary>The game logic the page shows.</summary>
        public HudController Hud { get; }

        /// <summary>The frame loop.</summary>
        public FrameLoop Loop { get; }

        /// <summary>The dev server.</summary>
        public WebSocketDevServer Server { get; }

        /// <summary>The HUD page's URL, with the WebSocket address and token the page connects with.</summary>
        public string PageUrl => Server.PageUrl("index.html");

        /// <summary>Exceptions the frame loop caught (and printed); 0 in a healthy run.</summary>
        public int FrameErrors => Volatile.Read(ref _frameErrors);

        /// <summary>Starts the dev server.</summary>
        public void Start() => Server.Start();

        /// <summary>Runs the game loop on the calling thread until cancelled or <see cref="DemoOptions.Duration"/> passes.</summary>
        public void Run(CancellationToken cancellationToken) => Loop.Run(_options.Duration, cancellationToken);

        /// <summary>Starts the server and runs the loop on a thread of its own; <see cref="Stop"/> ends both.</summary>
        public void StartBackground()
        {
            if (_thread != null) throw new InvalidOperationException("already running");
            Start();
            _background = new CancellationTokenSource();
            var token = _background.Token;
            _thread = new Thread(() => Run(token)) { IsBackground = true, Name = "demo game loop" };
            _thread.Start();
        }

        /// <summary>Reads engine state on the loop's thread, between frames (the only safe place while it runs).</summary>
        public Task<T> Query<T>(Func<T> read)
        {
            var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            Loop.Post(() =>
            {
                try { done.SetResult(read()); }
                catch (Exception ex) { done.SetException(ex); }
            });
            return done.Task;
        }

        /// <summary>
        /// Ends the loop first (so no frame runs while connections close), then stops the server. Safe to call twice.
        /// Returns false if the loop did not end within 30 s.
        /// </summary>
        public bool Stop()
        {
            bool ended = true;
            if (_thread != null)
            {
                _background!.Cancel();
                ended = _thread.Join(TimeSpan.FromSeconds(30));
                _thread = null;
                _background.Dispose();
                _background = null;
            }
            Server.Stop();
            return ended;
        }

        /// <summary>Stops everything and disposes the engine.</summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            Stop();
            Hud.Dispose();
            Main.Dispose();
        }

        private void OnFrameError(Exception ex)
        {
            Interlocked.Increment(ref _frameErrors);
            _options.Output.WriteLine("[frame error] " + ex);
        }
    }
}
