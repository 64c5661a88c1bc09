using System;
using System.Collections.Generic;
using System.Threading;
using NUnit.Framework;

namespace FrameIpc.ReliabilityTests
{
    /// <summary>
    /// A page that loads while the game pushes state every frame: the game's thread ticks and sends 200 messages of
    /// ~100 characters a frame from the start, the page (a C# renderer on its own thread) connects only after 60
    /// frames, when the hold buffer is long full. Every send the engine accepted arrives, in order; every send it did
    /// not accept failed at the game's call with a LimitError; after the handshake none fails.
    /// </summary>
    [TestFixture]
    public sealed class HeldSendsStressTests
    {
        [Test]
        public void APageThatLoadsWhileTheGamePushesEveryFrameGetsEverythingTheEngineAccepted()
        {
            const int perFrame = 200, framesBeforeLoad = 60, framesAfterLoad = 120;
            long outstandingBefore = IpcPools.Outstanding;
            var main = new IpcMain();
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            var view = main.Attach(engineEnd);
            var renderer = new IpcRenderer(viewEnd);
            var received = new List<int>();
            renderer.On<int>("state", (e, n) => { lock (received) received.Add(n); });
            var state = new string('s', 90);

            int next = 0, refusedBeforeReady = 0, refusedAfterReady = 0;
            var accepted = new List<int>();
            using var stop = new CancellationTokenSource();
            var page = new Thread(() =>
            {
                renderer.Connect();
                while (!stop.IsCancellationRequested) { renderer.Tick(); Thread.Sleep(1); }
                renderer.Tick();
            }) { IsBackground = true, Name = "page" };

            for (int frame = 0; frame < framesBeforeLoad + framesAfterLoad || !view.IsReady; frame++)
            {
                if (frame == framesBeforeLoad) page.Start();
                for (int i = 0; i < perFrame; i++)
                {
                    bool ready = view.IsReady;
                    try
                    {
                        view.Send("state", next, state);
                        accepted.Add(next);
                    }
                    catch (IpcException ex) when (ex.Name == IpcErrorNames.Limit)
                    {
                        if (ready) refusedAfterReady++;
                        else refusedBeforeReady++;
                    }
                    next++;
                }
                main.Tick();
                Thread.Sleep(1);
                Assert.That(frame, Is.LessThan(100_000), "the page's handshake never came");
            }
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && CountOf(received) < accepted.Count)
            {
                main.Tick();
                Thread.Sleep(1);
            }
            stop.Cancel();
            Assert.That(page.Join(TimeSpan.FromSeconds(30)), Is.True);
            renderer.Dispose();
            main.Tick();
            main.Dispose();

            TestContext.WriteLine($"held sends during load: {next:N0} sent, {accepted.Count:N0} accepted, {refusedBeforeReady:N0} refused while held, " +
                                  $"{received.Count:N0} received");
            Assert.That(refusedBeforeReady, Is.GreaterThan(0), "the hold buffer did fill up");
            Assert.That(refusedAfterReady, Is.EqualTo(0));
            Assert.That(received, Is.EqualTo(accepted), "everything accepted arrived, in order");
            Assert.That(IpcPools.Outstanding, Is.EqualTo(outstandingBefore), "every pooled object came back");
        }

        private static int CountOf(List<int> list)
        {
            lock (list) return list.Count;
        }
    }
}
