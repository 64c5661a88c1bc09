using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace FrameIpc.Demo
{
    /// <summary>One line a second: frame rate, views, messages each way, game state, the second's longest tick and pool use.</summary>
    internal sealed class DemoStats
    {
        /// <summary>Printed once under the URL, so the stats line's terms need no guessing.</summary>
        public const string Legend =
            "Each second: longest tick = the slowest IpcMain.Tick() of that second; pooled in use = FrameIPC's pooled messages "
            + "and buffers rented and not yet returned (work in flight; it falls back to 0 when idle, and a number that only grows is a leak).";

        private readonly DemoHost _host;
        private readonly TextWriter _output;
        private readonly Func<double> _seconds;
        private readonly List<IpcChannelTraffic> _channels = new List<IpcChannelTraffic>();
        private double _lastReport;
        private long _framesAtReport;
        private long _inAtReport;
        private long _outAtReport;
        private double _longestTickMs;

        /// <summary><paramref name="seconds"/> reads the clock (default: a stopwatch started now); tests pass their own.</summary>
        public DemoStats(DemoHost host, TextWriter output, Func<double>? seconds = null)
        {
            _host = host;
            _output = output;
            if (seconds == null)
            {
                var clock = Stopwatch.StartNew();
                seconds = () => clock.Elapsed.TotalSeconds;
            }
            _seconds = seconds;
        }

        /// <summary>After each frame's tick: notes the tick's duration, and prints a line once a second has passed.</summary>
        public void OnFrame(double deltaSeconds) => Observe(_host.Main.Tracer.LastTick.DurationMs);

        /// <summary>One frame whose tick took <paramref name="tickMs"/>.</summary>
        internal void Observe(double tickMs)
        {
            if (tickMs > _longestTickMs) _longestTickMs = tickMs;
            double now = _seconds();
            double span = now - _lastReport;
            if (span < 1) return;
            var main = _host.Main;
            main.Tracer.CopyChannels(_channels);
            long messagesIn = 0, messagesOut = 0;
            foreach (var c in _channels)
            {
                messagesIn += c.MessagesIn;
                messagesOut += c.MessagesOut;
            }
            long frames = _host.Loop.Frame;
            var hud = _host.Hud;
            _output.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "[{0,4:0} s] {1,3:0} fps | views {2} | in {3:0}/s out {4:0}/s | health {5,3} ammo {6,2} reloads {7} | longest tick {8:0.000} ms | pooled in use {9}",
                now, (frames - _framesAtReport) / span, main.Views.Count, (messagesIn - _inAtReport) / span, (messagesOut - _outAtReport) / span,
                hud.Health, hud.Ammo, hud.Reloads, _longestTickMs, IpcPools.Outstanding));
            _lastReport = now;
            _framesAtReport = frames;
            _inAtReport = messagesIn;
            _outAtReport = messagesOut;
            _longestTickMs = 0; // the next line speaks of its own second only
        }
    }
}
