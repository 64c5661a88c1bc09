using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace FrameIpc.Demo
{
    /// <summary>One line a second: frame rate, views, messages each way, game state, longest tick and pool use.</summary>
    internal sealed class DemoStats
    {
        private readonly DemoHost _host;
        private readonly TextWriter _output;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<IpcChannelTraffic> _channels = new List<IpcChannelTraffic>();
        private double _lastReport;
        private long _framesAtReport;
        private long _inAtReport;
        private long _outAtReport;

        public DemoStats(DemoHost host, TextWriter output)
        {
            _host = host;
            _output = output;
        }

        public void OnFrame(double deltaSeconds)
        {
            double now = _clock.Elapsed.TotalSeconds;
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
                hud.Health, hud.Ammo, hud.Reloads, main.Tracer.LongestTick.DurationMs, IpcPools.Outstanding));
            _lastReport = now;
            _framesAtReport = frames;
            _inAtReport = messagesIn;
            _outAtReport = messagesOut;
        }
    }
}
