using System;
using System.Collections.Generic;
using System.Threading;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    /// <summary>
    /// <see cref="IpcOptions.WarmUp"/>: the process's first engine runs a few messages through a private engine and
    /// renderer pair, once, on the thread constructing it, and nothing of that shows anywhere else. Each test forgets an
    /// earlier warm-up first (other tests' engines ran it already in this process).
    /// </summary>
    public class WarmUpTests
    {
        private const string WarmUpChannel = "frameipc:warm-up";
        private const string WarmUpInvokeChannel = "frameipc:warm-up-invoke";

        [Test]
        public void TheFirstEngine_WarmsUpOnce_OnTheThreadConstructingIt()
        {
            IpcWarmUp.Reset();
            int runs = IpcWarmUp.Runs;
            using (new IpcMain()) { }
            Assert.That(IpcWarmUp.Runs, Is.EqualTo(runs + 1));
            Assert.That(IpcWarmUp.LastThreadId, Is.EqualTo(Environment.CurrentManagedThreadId));
            using (new IpcMain()) { }
            using (new IpcMain(new IpcOptions { WarmUp = true })) { }
            Assert.That(IpcWarmUp.Runs, Is.EqualTo(runs + 1), "once per process, not once per engine");
        }

        [Test]
        public void AnEngineMadeOnAnotherThread_WarmsUpThere()
        {
            IpcWarmUp.Reset();
            int runs = IpcWarmUp.Runs;
            int creator = 0;
            var thread = new Thread(() =>
            {
                creator = Environment.CurrentManagedThreadId;
                using (new IpcMain()) { }
            });
            thread.Start();
            thread.Join();
            Assert.That(IpcWarmUp.Runs, Is.EqualTo(runs + 1));
            Assert.That(IpcWarmUp.LastThreadId, Is.EqualTo(creator));
            Assert.That(creator, Is.Not.EqualTo(Environment.CurrentManagedThreadId));
        }

        [Test]
        public void EnginesMadeAtOnceOnSeveralThreads_WarmUpOnce()
        {
            IpcWarmUp.Reset();
            int runs = IpcWarmUp.Runs;
            const int threads = 4;
            var start = new Barrier(threads);
            var failures = new List<Exception>();
            var workers = new Thread[threads];
            for (int i = 0; i < threads; i++)
            {
                workers[i] = new Thread(() =>
                {
                    try
                    {
                        start.SignalAndWait();
                        using (new IpcMain()) { }
                    }
                    catch (Exception ex)
                    {
                        lock (failures) failures.Add(ex);
                    }
                });
                workers[i].Start();
            }
            foreach (var worker in workers) worker.Join();
            Assert.That(failures, Is.Empty);
            Assert.That(IpcWarmUp.Runs, Is.EqualTo(runs + 1));
        }

        [Test]
        public void WarmUpOff_SkipsIt_AndTheNextDefaultEngineStillRunsIt()
        {
            IpcWarmUp.Reset();
            int runs = IpcWarmUp.Runs;
            using (new IpcMain(new IpcOptions { WarmUp = false })) { }
            using (new IpcMain(new IpcOptions { WarmUp = false })) { }
            Assert.That(IpcWarmUp.Runs, Is.EqualTo(runs), "off: not run");
            using (new IpcMain()) { }
            Assert.That(IpcWarmUp.Runs, Is.EqualTo(runs + 1), "on by default");
        }

        [Test]
        public void WarmUp_IsOnByDefault()
        {
            Assert.That(new IpcOptions().WarmUp, Is.True);
        }

        [Test]
        public void TheWarmUp_IsSeenByNoListenerTracerDiagnosticMonitorOrStatistic_AndLeaksNothing()
        {
            // An engine that exists already, listening on the warm-up's own channels, with its tracer on.
            using var rig = new IpcRig(new IpcOptions { WarmUp = false, TickTimeBudget = TimeSpan.FromSeconds(30) });
            rig.Main.Tracer.Enabled = true;
            var (contents, view) = rig.AddView();
            var seen = new List<string>();
            rig.Main.On(WarmUpChannel, e => seen.Add("engine " + e.ArgsJson));
            rig.Main.Handle(WarmUpInvokeChannel, e => { seen.Add("engine handler"); return 0; });
            view.On(WarmUpChannel, e => seen.Add("view " + e.ArgsJson));
            view.Handle(WarmUpInvokeChannel, e => { seen.Add("view handler"); return 0; });
            contents.IpcMessage += (e, channel) => seen.Add("ipc-message " + channel);
            rig.Main.ViewReady += v => seen.Add("ready " + v.Id);
            rig.Main.ViewDestroyed += v => seen.Add("destroyed " + v.Id);
            rig.Diagnostics.Clear(); // the view's own handshake ("ready")
            rig.ViewDiagnostics.Clear();
            long recorded = rig.Main.Tracer.TotalRecorded;
            long ticks = rig.Main.TickCount;
            var monitored = new List<IpcMonitorTarget>();
            IpcMonitorRegistry.CopyTo(monitored);
            int monitoredBefore = monitored.Count;
            long outstanding = IpcPools.Outstanding;
            var context = SynchronizationContext.Current;
            int runs = IpcWarmUp.Runs;

            IpcWarmUp.Reset();
            using var fresh = new IpcMain();
            Assert.That(IpcWarmUp.Runs, Is.EqualTo(runs + 1), "the warm-up ran");
            rig.TickAll();

            Assert.That(seen, Is.Empty, "no listener, handler or event of another engine or view saw it");
            Assert.That(rig.Diagnostics, Is.Empty);
            Assert.That(rig.ViewDiagnostics, Is.Empty);
            Assert.That(rig.Main.Tracer.TotalRecorded, Is.EqualTo(recorded), "the tick after it recorded nothing new either");
            Assert.That(rig.Main.TickCount, Is.EqualTo(ticks + 1), "only the rig's own tick");
            Assert.That(fresh.TickCount, Is.EqualTo(0));
            Assert.That(fresh.Views, Is.Empty);
            Assert.That(fresh.EventNames(), Is.Empty);
            Assert.That(fresh.HasHandler(WarmUpInvokeChannel), Is.False);
            Assert.That(fresh.Tracer.TotalRecorded, Is.EqualTo(0));
            Assert.That(fresh.PendingInvokes, Is.EqualTo(0));
            IpcMonitorRegistry.CopyTo(monitored);
            Assert.That(monitored.Count, Is.EqualTo(monitoredBefore), "the private engine is never listed in the Monitor");
            Assert.That(IpcPools.Outstanding, Is.EqualTo(outstanding), "every pooled object it rented came back");
            Assert.That(SynchronizationContext.Current, Is.SameAs(context));
        }

        [Test]
        public void TheWarmUpTraffic_ArrivesAsSent_AndReturnsEveryPooledObject()
        {
            long outstanding = IpcPools.Outstanding;
            Assert.DoesNotThrow(IpcWarmUp.Exercise, "it throws when a message or invoke did not arrive as sent");
            Assert.That(IpcPools.Outstanding, Is.EqualTo(outstanding));
        }

        [Test]
        public void TheWarmUp_SendsAnObjectThroughNewtonsoft_EachWay()
        {
            // What most of an unmarked payload type's first tick compiled (Newtonsoft's object reader and writer: 146
            // methods, 16-23 ms on the benchmark machine) is compiled here instead: one object each way.
            Assert.That(typeof(WarmUpPayload).IsDefined(typeof(IpcMessageAttribute), false), Is.False, "no generated codec: Newtonsoft's path");
            IpcWarmUp.Exercise();
            Assert.That(IpcWarmUp.LastObjectsRead, Is.EqualTo(2));
        }
    }
}
