using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Dispatch
{
    public class TickTests
    {
        [Test]
        public void UserCodeRunsOnlyInsideTickOnTheTickingThread()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            var threads = new List<int>();
            rig.Main.On("x", e => threads.Add(Environment.CurrentManagedThreadId));
            Task.Run(() => { for (int i = 0; i < 10; i++) view.Send("x", i); view.Tick(); }).Wait();
            Assert.That(threads, Is.Empty, "nothing runs before the engine ticks");
            rig.Main.Tick();
            Assert.That(threads.Count, Is.EqualTo(10));
            Assert.That(threads.TrueForAll(t => t == Environment.CurrentManagedThreadId), Is.True);
        }

        [Test]
        public void TheMessageBudgetSplitsWorkAcrossTicksWithoutLosingOrReordering()
        {
            using var rig = new IpcRig(new IpcOptions { MaxMessagesPerTick = 10, TickTimeBudget = TimeSpan.FromSeconds(30) });
            var (_, view) = rig.AddView();
            var got = new List<int>();
            rig.Main.On("n", e => got.Add(e.Arg<int>(0)));
            for (int i = 0; i < 25; i++) view.Send("n", i);
            view.Tick();

            rig.Main.Tick();
            Assert.That(got.Count, Is.EqualTo(10));
            Assert.That(rig.Main.LastTickMessages, Is.EqualTo(10));
            rig.Main.Tick();
            Assert.That(got.Count, Is.EqualTo(20));
            rig.Main.Tick();
            Assert.That(got.Count, Is.EqualTo(25));
            for (int i = 0; i < 25; i++) Assert.That(got[i], Is.EqualTo(i));
        }

        [Test]
        public void TheTimeSliceLeavesTheRestForTheNextTick()
        {
            using var rig = new IpcRig(new IpcOptions { TickTimeBudget = TimeSpan.FromMilliseconds(1) });
            var (_, view) = rig.AddView();
            var got = new List<int>();
            rig.Main.On("slow", e => { got.Add(e.Arg<int>(0)); Thread.Sleep(5); });
            for (int i = 0; i < 4; i++) { view.Send("slow", i); view.Tick(); }
            rig.Main.Tick();
            Assert.That(got.Count, Is.LessThan(4), "a 1 ms slice cannot hold four 5 ms listeners");
            rig.Pump(() => got.Count == 4);
            Assert.That(got, Is.EqualTo(new[] { 0, 1, 2, 3 }));
        }

        [Test]
        public void WhatATickSendsToAViewLeavesAsOneTransportWrite()
        {
            using var rig = new IpcRig(wrap: end => new CountingTransport(end));
            var link = rig.AddLink(connect: false);
            var counting = (CountingTransport)link.EngineEnd;
            var view = link.Renderer;
            var got = new List<int>();
            view.On("n", e => got.Add(e.Arg<int>(0)));
            view.Connect();
            rig.Main.Tick();
            view.Tick();
            int writesAfterHandshake = counting.Writes;

            for (int i = 0; i < 50; i++) link.Contents.Send("n", i);
            rig.Main.Tick();
            Assert.That(counting.Writes - writesAfterHandshake, Is.EqualTo(1));
            view.Tick();
            Assert.That(got.Count, Is.EqualTo(50));
            rig.Main.Tick();
            Assert.That(counting.Writes - writesAfterHandshake, Is.EqualTo(1), "an idle tick writes nothing");
            // Disposing the rig checks that every pooled object came back.
        }

        [Test]
        public void TickFromInsideAHandlerIsAClearErrorNotCorruption()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            string error = null;
            int after = 0;
            rig.Main.On("reenter", e =>
            {
                try { rig.Main.Tick(); } catch (InvalidOperationException ex) { error = ex.Message; }
            });
            rig.Main.On("after", e => after++);
            view.Send("reenter");
            view.Send("after");
            rig.Pump(() => after == 1);
            Assert.That(error, Is.EqualTo("IpcMain.Tick() was called from inside a listener or handler; ticks cannot nest."));
        }

        [Test]
        public void ManyProducerThreadsKeepEachViewsOrder()
        {
            using var rig = new IpcRig();
            const int views = 4, perView = 2000;
            var renderers = new IpcRenderer[views];
            var ids = new int[views];
            for (int v = 0; v < views; v++) { var (c, r) = rig.AddView(); renderers[v] = r; ids[v] = c.Id; }
            var next = new Dictionary<int, int>();
            int total = 0;
            bool inOrder = true;
            rig.Main.On("n", e =>
            {
                next.TryGetValue(e.SenderId, out int expected);
                if (e.Arg<int>(0) != expected) inOrder = false;
                next[e.SenderId] = expected + 1;
                total++;
            });
            var producers = new Task[views];
            for (int v = 0; v < views; v++)
            {
                var r = renderers[v];
                producers[v] = Task.Run(() => { for (int i = 0; i < perView; i++) { r.Send("n", i); if (i % 50 == 0) r.Connection.Flush(); } r.Connection.Flush(); });
            }
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (total < views * perView && DateTime.UtcNow < deadline) rig.Main.Tick();
            Task.WaitAll(producers);
            Assert.That(total, Is.EqualTo(views * perView));
            Assert.That(inOrder, Is.True);
        }

        [Test]
        public void AnEmptyTickRunsAndReportsNothing()
        {
            using var rig = new IpcRig();
            rig.AddView();
            rig.Diagnostics.Clear();
            for (int i = 0; i < 10; i++) rig.Main.Tick();
            Assert.That(rig.Diagnostics, Is.Empty);
            Assert.That(rig.Main.LastTickMessages, Is.EqualTo(0));
        }
    }
}
