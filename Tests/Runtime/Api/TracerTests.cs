using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    public class TracerTests
    {
        [Test]
        public void TheTracerRecordsNothingWhileOff()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            view.Send("x", 1);
            rig.TickAll();
            Assert.That(rig.Main.Tracer.TotalRecorded, Is.EqualTo(0));
            Assert.That(rig.Main.Tracer.CopyRecent(new IpcTraceEntry[8]), Is.EqualTo(0));
        }

        [Test]
        public void TheTracerRecordsTrafficChannelsAndTicks()
        {
            using var rig = new IpcRig();
            rig.Main.Tracer.Enabled = true;
            var (contents, view) = rig.AddView();
            rig.Main.On("hud:click", e => { });
            rig.Main.Handle("inv:get", e => 3);
            view.Send("hud:click", 1);
            view.Send("hud:click", 2);
            rig.Await(view.InvokeAsync<int>("inv:get"));
            contents.Send("hud:health", 50);
            rig.TickAll();

            var entries = new IpcTraceEntry[64];
            int n = rig.Main.Tracer.CopyRecent(entries);
            var kinds = new List<string>();
            for (int i = 0; i < n; i++) kinds.Add($"{entries[i].Direction}:{entries[i].Kind}:{entries[i].Channel}");
            Assert.That(kinds, Is.SupersetOf(new[] { "In:Hello:", "Out:Ready:", "In:Send:hud:click", "In:Invoke:inv:get", "Out:Result:", "Out:Send:hud:health" }));
            for (int i = 0; i < n; i++)
            {
                Assert.That(entries[i].ViewId, Is.EqualTo(contents.Id));
                Assert.That(entries[i].Size, Is.GreaterThan(10));
            }

            var channels = new List<IpcChannelTraffic>();
            rig.Main.Tracer.CopyChannels(channels);
            var click = channels.Find(c => c.Channel == "hud:click");
            Assert.That(click.MessagesIn, Is.EqualTo(2));
            Assert.That(channels.Find(c => c.Channel == "hud:health").MessagesOut, Is.EqualTo(1));
            Assert.That(rig.Main.Tracer.LastTick.Tick, Is.EqualTo(rig.Main.TickCount));
            Assert.That(rig.Main.Tracer.LongestTick.DurationMs, Is.GreaterThanOrEqualTo(rig.Main.Tracer.LastTick.DurationMs));
        }

        [Test]
        public void TheRingKeepsOnlyTheNewestEntriesOldestFirst()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            rig.Main.Tracer.Enabled = true;
            for (int i = 0; i < rig.Main.Tracer.Capacity + 10; i++) view.Send("n" + (i % 3), i);
            rig.TickAll();
            var entries = new IpcTraceEntry[rig.Main.Tracer.Capacity];
            int n = rig.Main.Tracer.CopyRecent(entries);
            Assert.That(n, Is.EqualTo(rig.Main.Tracer.Capacity));
            for (int i = 1; i < n; i++) Assert.That(entries[i].TimeMs, Is.GreaterThanOrEqualTo(entries[i - 1].TimeMs));
            rig.Main.Tracer.Clear();
            Assert.That(rig.Main.Tracer.CopyRecent(entries), Is.EqualTo(0));
        }

        [Test]
        public void PendingInvokesAreListedWithTheirAgeAndGoneOnceAnswered()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            var gate = new TaskCompletionSource<int>();
            view.Handle<int>("page:ask", (e, ct) => gate.Task);
            var call = contents.InvokeAsync<int>("page:ask").AsTask();
            rig.TickAll();
            var pending = new List<IpcPendingInvoke>();
            rig.Main.CopyPendingInvokes(pending);
            Assert.That(pending.Count, Is.EqualTo(1));
            Assert.That(pending[0].Channel, Is.EqualTo("page:ask"));
            Assert.That(pending[0].ViewId, Is.EqualTo(contents.Id));
            Assert.That(pending[0].AgeMs, Is.GreaterThanOrEqualTo(0));
            Assert.That(pending[0].TimeoutMs, Is.EqualTo(10000));
            gate.SetResult(1);
            rig.Pump(() => call.IsCompleted);
            rig.Main.CopyPendingInvokes(pending);
            Assert.That(pending, Is.Empty);
        }

        [Test]
        public void SendJsonChecksItsArgumentsAndDelivers()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            string got = null;
            view.On("test", e => got = e.Arg<string>(1));
            Assert.Throws<IpcException>(() => contents.SendJson("test", "{\"not\":\"array\"}"));
            Assert.Throws<IpcException>(() => contents.SendJson("test", "[1,"));
            contents.SendJson("test", "[1, \"two\"]");
            rig.Pump(() => got != null);
            Assert.That(got, Is.EqualTo("two"));
        }
    }
}
