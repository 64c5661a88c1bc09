using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Editor.Tests.Monitor
{
    public class IpcMonitorModelTests
    {
        [Test]
        public void TheModelTurnsTheTracerOnAndDisposeRestoresIt()
        {
            using var rig = new MonitorRig();
            Assert.That(rig.Main.Tracer.Enabled, Is.False);
            var model = new IpcMonitorModel(rig.Main);
            Assert.That(rig.Main.Tracer.Enabled, Is.True);
            model.Dispose();
            Assert.That(rig.Main.Tracer.Enabled, Is.False);
        }

        [Test]
        public void TheLogShowsTrafficAndTheFilterKeepsAChannelWithItsResults()
        {
            using var rig = new MonitorRig();
            using var model = new IpcMonitorModel(rig.Main);
            rig.Connect();
            rig.Main.Handle("inventory:get", e => 3);
            rig.Main.On("hud:click", e => { });
            rig.View.Send("hud:click", 1);
            var answer = rig.View.InvokeAsync<int>("inventory:get").AsTask();
            rig.Pump(() => answer.IsCompleted, "the invoke");
            model.Poll();

            Assert.That(CountLines(model, "in ", "send", "hud:click"), Is.EqualTo(1));
            Assert.That(CountLines(model, "in ", "hello"), Is.EqualTo(1));

            model.ChannelFilter = "INVENTORY";
            var lines = Lines(model);
            Assert.That(lines.Count, Is.EqualTo(2), string.Join("\n", lines));
            // An inbound envelope is traced once its handler returned, so the answer may be listed first.
            Assert.That(CountLines(model, "in ", "invoke", "inventory:get", "#1"), Is.EqualTo(1), string.Join("\n", lines));
            Assert.That(CountLines(model, "out", "result", "inventory:get", "#1"), Is.EqualTo(1), string.Join("\n", lines));
            Assert.That(model.LogChannel(0), Is.EqualTo("inventory:get"));
            Assert.That(model.LogChannel(1), Is.EqualTo("inventory:get"));

            model.ChannelFilter = "";
            Assert.That(model.Log.Count, Is.GreaterThan(2));
        }

        [Test]
        public void PauseFreezesTheLogWhileCountsGoOn()
        {
            using var rig = new MonitorRig();
            using var model = new IpcMonitorModel(rig.Main);
            rig.Connect();
            rig.Main.On("a", e => { });
            rig.View.Send("a");
            rig.TickAll();
            model.Poll();
            int shown = model.Log.Count;
            model.Paused = true;
            rig.View.Send("a");
            rig.View.Send("a");
            rig.TickAll();
            model.Poll();
            Assert.That(model.Log.Count, Is.EqualTo(shown));
            Assert.That(Find(model.Channels, "a").MessagesIn, Is.EqualTo(3));
            model.Paused = false;
            model.Poll();
            Assert.That(model.Log.Count, Is.EqualTo(shown + 2));
        }

        [Test]
        public void ChannelCountsAreSortedByNameAndSplitByDirection()
        {
            using var rig = new MonitorRig();
            using var model = new IpcMonitorModel(rig.Main);
            rig.Connect();
            rig.Main.On("zeta", e => { });
            rig.View.Send("zeta");
            rig.Contents.Send("alpha", 1);
            rig.Contents.Send("alpha", 2);
            rig.TickAll();
            model.Poll();
            Assert.That(Names(model.Channels), Is.EqualTo(new[] { "alpha", "zeta" }));
            Assert.That(Find(model.Channels, "alpha").MessagesOut, Is.EqualTo(2));
            Assert.That(Find(model.Channels, "zeta").MessagesIn, Is.EqualTo(1));
        }

        [Test]
        public void PendingInvokesShowTheirChannelAndAgeUntilAnswered()
        {
            using var rig = new MonitorRig();
            using var model = new IpcMonitorModel(rig.Main);
            rig.Connect();
            var answer = new TaskCompletionSource<int>();
            rig.View.Handle<int>("ask", (e, ct) => answer.Task);
            var call = rig.Contents.InvokeAsync<int>("ask").AsTask();
            rig.TickAll();
            model.Poll();
            Assert.That(model.PendingInvokes.Count, Is.EqualTo(1));
            Assert.That(model.PendingInvokes[0].Channel, Is.EqualTo("ask"));
            Assert.That(model.PendingInvokes[0].ViewId, Is.EqualTo(rig.Contents.Id));
            Assert.That(model.PendingInvokes[0].AgeMs, Is.GreaterThanOrEqualTo(0));
            answer.SetResult(5);
            rig.Pump(() => call.IsCompleted, "the answer");
            model.Poll();
            Assert.That(model.PendingInvokes, Is.Empty);
        }

        [Test]
        public void ATestMessageReachesTheView()
        {
            using var rig = new MonitorRig();
            using var model = new IpcMonitorModel(rig.Main);
            rig.Connect();
            var got = new List<string>();
            rig.View.On("hud:notify", e => got.Add(e.Arg<string>(0) + "/" + e.Arg<int>(1)));
            model.Poll();
            Assert.That(model.Views.Count, Is.EqualTo(1));
            Assert.That(model.Views[0].IsReady, Is.True);
            bool sent = model.TrySendTestMessage(model.Views[0].Id, "hud:notify", " [\"hello\", 3] ", out var status);
            Assert.That(sent, Is.True, status);
            Assert.That(status, Does.Contain("hud:notify"));
            rig.Pump(() => got.Count > 0, "the test message");
            Assert.That(got, Is.EqualTo(new[] { "hello/3" }));
        }

        [Test]
        public void BadTestMessagesAreRefusedWithAReason()
        {
            using var rig = new MonitorRig();
            using var model = new IpcMonitorModel(rig.Main);
            Assert.That(model.TrySendTestMessage(rig.Contents.Id, "x", "[]", out var notReady), Is.False);
            Assert.That(notReady, Does.Contain("not ready"));
            rig.Connect();
            Assert.That(model.TrySendTestMessage(99, "x", "[]", out var noView), Is.False);
            Assert.That(noView, Is.EqualTo("There is no view 99"));
            Assert.That(model.TrySendTestMessage(rig.Contents.Id, " ", "[]", out var noChannel), Is.False);
            Assert.That(noChannel, Does.Contain("channel"));
            Assert.That(model.TrySendTestMessage(rig.Contents.Id, "x", "{\"not\": \"an array\"}", out var notArray), Is.False);
            Assert.That(notArray, Is.Not.Empty);
            Assert.That(model.TrySendTestMessage(rig.Contents.Id, "x", "[1,", out var broken), Is.False);
            Assert.That(broken, Is.Not.Empty);
            rig.TickAll();
        }

        [Test]
        public void TheLogKeepsTheNewestLinesAndClearForgetsThem()
        {
            using var rig = new MonitorRig();
            using var model = new IpcMonitorModel(rig.Main) { MaxLogLines = 3 };
            rig.Connect();
            rig.Main.On("n", e => { });
            for (int i = 0; i < 10; i++) rig.View.Send("n", i);
            rig.TickAll();
            model.Poll();
            Assert.That(model.Log.Count, Is.EqualTo(3));
            Assert.That(model.Log[2].Channel, Is.EqualTo("n"));
            model.ClearTrace();
            Assert.That(model.Log, Is.Empty);
            model.Poll();
            Assert.That(model.TotalRecorded, Is.EqualTo(0));
        }

        [Test]
        public void PollingRaisesTheVersionOnlyWhenSomethingChanged()
        {
            using var rig = new MonitorRig();
            using var model = new IpcMonitorModel(rig.Main);
            rig.Connect();
            model.Poll();
            int v = model.Version;
            model.Poll();
            Assert.That(model.Version, Is.EqualTo(v));
            rig.View.Send("x");
            rig.TickAll();
            model.Poll();
            Assert.That(model.Version, Is.GreaterThan(v));
        }

        private static List<string> Lines(IpcMonitorModel model)
        {
            var lines = new List<string>();
            for (int i = 0; i < model.Log.Count; i++) lines.Add(model.FormatLogLine(i));
            return lines;
        }

        private static int CountLines(IpcMonitorModel model, params string[] parts)
        {
            int n = 0;
            foreach (var line in Lines(model))
            {
                bool all = true;
                foreach (var part in parts) all &= line.Contains(part);
                if (all) n++;
            }
            return n;
        }

        private static IpcChannelTraffic Find(IReadOnlyList<IpcChannelTraffic> channels, string name)
        {
            foreach (var c in channels) if (c.Channel == name) return c;
            Assert.Fail("no channel " + name);
            return null;
        }

        private static List<string> Names(IReadOnlyList<IpcChannelTraffic> channels)
        {
            var names = new List<string>();
            foreach (var c in channels) names.Add(c.Channel);
            return names;
        }
    }
}
