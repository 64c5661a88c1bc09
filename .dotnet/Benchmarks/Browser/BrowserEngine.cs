using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace FrameIpc.Benchmarks
{
    /// <summary>
    /// The engine side of the browser measurement: an <see cref="IpcMain"/> ticked by a 60 fps <see cref="FrameLoop"/> on
    /// its own thread, as a game would, with the listener and handlers the page's bursts talk to. Every counter is touched
    /// on the loop thread only; the page reads them back through <c>bench:sent</c>.
    /// </summary>
    public sealed class BrowserEngine : IDisposable
    {
        private readonly FrameLoop _loop;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Thread _thread;
        private readonly TaskCompletionSource<(string, string)> _pageResult = new TaskCompletionSource<(string, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _startFrame;
        private long _firstTimestamp;
        private long _lastTimestamp;
        private int _received;
        private int _answered;
        private int _wrong;
        private double _tickMs;
        private int _busiestTick;

        public BrowserEngine()
        {
            Main = new IpcMain();
            _loop = new FrameLoop(Main, framesPerSecond: 60);
            _loop.Error += ex => Console.Error.WriteLine("engine loop: " + ex);
            _loop.LateUpdate += OnLateUpdate;
            Main.Handle("bench:reset", e => Reset());
            // A page that runs the bench on its own (no DevTools client) reports through IPC: its result and its errors.
            Main.Handle("bench:result", e => _pageResult.TrySetResult((e.Arg<string>(0), e.Arg<string>(1))));
            Main.On("bench:error", e => PageErrors.Enqueue(e.Arg<string>(0)));
            Main.On("bench:failed", e => _pageResult.TrySetException(new InvalidOperationException("bench.html failed: " + e.Arg<string>(0))));
            Main.Handle("bench:sent", e => Report());
            Main.On<PlayerState>("bench:state", OnState);
            Main.On<GeneratedPlayerState>("bench:typed", OnTyped);
            Main.On("bench:health", OnHealth);
            Main.Handle("math:double", e =>
            {
                _answered++;
                return e.Arg<int>(0) * 2;
            });
            Main.Handle("state:get", e =>
            {
                _answered++;
                return InvokeBenchmarks.Lookup(e.Arg<int>(0));
            });
            _thread = new Thread(() => _loop.Run(TimeSpan.FromMinutes(30), _stop.Token)) { IsBackground = true, Name = "engine frame loop" };
        }

        public IpcMain Main { get; }

        /// <summary>The browser (its user agent) and the JSON of <c>runBench</c>, from a page that ran on its own.</summary>
        public Task<(string Version, string Json)> PageResult => _pageResult.Task;

        /// <summary>Uncaught errors and rejections the page reported.</summary>
        public ConcurrentQueue<string> PageErrors { get; } = new ConcurrentQueue<string>();

        public void Start() => _thread.Start();

        public void Dispose()
        {
            _stop.Cancel();
            _thread.Join(TimeSpan.FromSeconds(10));
            Main.Dispose();
            _stop.Dispose();
        }

        private bool Reset()
        {
            _startFrame = _loop.Frame;
            _received = _answered = _wrong = 0;
            _firstTimestamp = _lastTimestamp = 0;
            _tickMs = 0;
            _busiestTick = 0;
            return true;
        }

        private void OnState(IpcEvent e, PlayerState state)
        {
            long now = Stopwatch.GetTimestamp();
            if (_received++ == 0) _firstTimestamp = now;
            _lastTimestamp = now;
            if (state.Hp != 87 || state.Name != PlayerState.Sample.Name) _wrong++;
        }

        private void OnTyped(IpcEvent e, GeneratedPlayerState state)
        {
            long now = Stopwatch.GetTimestamp();
            if (_received++ == 0) _firstTimestamp = now;
            _lastTimestamp = now;
            if (state.Hp != 87 || state.Name != GeneratedPlayerState.Sample.Name) _wrong++;
        }

        // Where the burst's time goes: inside ticks (the engine's own cost) or waiting for frames to arrive.
        private void OnLateUpdate(double deltaSeconds)
        {
            _tickMs += Main.LastTickMilliseconds;
            _busiestTick = Math.Max(_busiestTick, Main.LastTickMessages);
        }

        private void OnHealth(IpcEvent e)
        {
            long now = Stopwatch.GetTimestamp();
            if (_received++ == 0) _firstTimestamp = now;
            _lastTimestamp = now;
            if (e.Arg<int>(0) + e.Arg<int>(1) + (e.Arg<bool>(2) ? 1 : 0) != 188) _wrong++;
        }

        private EngineAccount Report() => new EngineAccount
        {
            Received = _received,
            Answered = _answered,
            Wrong = _wrong,
            Frames = _loop.Frame - _startFrame,
            FirstToLastMs = (_lastTimestamp - _firstTimestamp) * 1000.0 / Stopwatch.Frequency,
            TickMs = _tickMs,
            BusiestTick = _busiestTick,
        };

        /// <summary>What the engine saw of one burst, as the page gets it back.</summary>
        public sealed class EngineAccount
        {
            [JsonProperty("received")] public int Received { get; set; }
            [JsonProperty("answered")] public int Answered { get; set; }
            [JsonProperty("wrong")] public int Wrong { get; set; }
            [JsonProperty("frames")] public long Frames { get; set; }
            [JsonProperty("firstToLastMs")] public double FirstToLastMs { get; set; }
            [JsonProperty("tickMs")] public double TickMs { get; set; }
            [JsonProperty("busiestTick")] public int BusiestTick { get; set; }
        }
    }
}
