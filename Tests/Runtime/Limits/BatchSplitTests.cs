using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Limits
{
    /// <summary>
    /// Nothing is lost because a tick wrote a lot: every outbound batch, on both sides and on every path, leaves in
    /// frames under the peer's limit. Before the split, each of these batches left as one frame the peer refused whole.
    /// </summary>
    public class BatchSplitTests
    {
        private static readonly string Hundred = new string('h', 100);

        [Test]
        public void EverySendHeldWhileThePageLoadsIsDelivered()
        {
            using var rig = new IpcRig();
            var (contents, renderer) = rig.AddView(connect: false);
            var got = new List<int>();
            renderer.On("load:item", e => got.Add(e.Arg<int>(0)));

            int accepted = 0;
            IpcException refused = null;
            while (refused == null)
            {
                try
                {
                    contents.Send("load:item", accepted, Hundred);
                    accepted++;
                }
                catch (IpcException ex)
                {
                    refused = ex;
                }
            }
            Assert.That(refused.Name, Is.EqualTo(IpcErrorNames.Limit));
            Assert.That(refused.Message, Does.Contain("hold buffer is full"));
            Assert.That(accepted, Is.GreaterThan(7_000), "a full hold buffer of 100-character messages");

            renderer.Connect();
            rig.Pump(() => got.Count == accepted, "every held message");
            for (int i = 0; i < accepted; i++) Assert.That(got[i], Is.EqualTo(i), "in order");
            Assert.That(rig.ViewDiagnostics, Is.Empty);
        }

        [Test]
        public void TwoSendsOfSixHundredThousandCharactersInOneTickBothArrive()
        {
            using var rig = new IpcRig();
            var (contents, renderer) = rig.AddView();
            var got = new List<int>();
            renderer.On("big", e => got.Add(e.Arg<string>(0).Length));
            var big = new string('b', 600_000);
            contents.Send("big", big);
            contents.Send("big", big);
            rig.Pump(() => got.Count == 2, "both sends");
            Assert.That(got, Is.EqualTo(new[] { 600_000, 600_000 }));
            Assert.That(rig.ViewDiagnostics, Is.Empty);
        }

        [Test]
        public void ARendererTickOfFortyThousandSendsAndAnInvokeArrivesWhole()
        {
            using var rig = new IpcRig();
            var (_, renderer) = rig.AddView();
            int heard = 0;
            rig.Main.On("many", e => heard++);
            rig.Main.Handle("sum", e => e.Arg<int>(0) + e.Arg<int>(1));
            for (int i = 0; i < 40_000; i++) renderer.Send("many", i, Hundred);
            var sum = renderer.InvokeAsync<int, int, int>("sum", 2, 3);
            Assert.That(rig.Await(sum), Is.EqualTo(5));
            Assert.That(heard, Is.EqualTo(40_000));
            Assert.That(rig.Diagnostics.FindAll(d => d.Kind != IpcDiagnosticKind.Lifecycle), Is.Empty);
        }

        [Test]
        public void TheEngineSplitsUnderTheLimitThePageAnnouncedInItsHello()
        {
            using var rig = new IpcRig(wrap: end => new CountingTransport(end));
            var link = rig.AddLink(connect: false, viewOptions: new IpcOptions { MaxFrameChars = 4096, TickTimeBudget = TimeSpan.FromSeconds(30) });
            var (contents, renderer, diagnostics) = (link.Contents, link.Renderer, link.ViewDiagnostics);
            var counting = (CountingTransport)link.EngineEnd;
            var got = new List<int>();
            renderer.On("chunk", e => got.Add(e.Arg<int>(0)));
            renderer.Connect();
            for (int i = 0; i < 20 && !renderer.IsReady; i++) { renderer.Tick(); rig.Main.Tick(); renderer.Tick(); }
            Assert.That(contents.Connection.PeerFrameLimit, Is.EqualTo(4096));

            var kilo = new string('k', 1000);
            for (int i = 0; i < 100; i++) contents.Send("chunk", i, kilo);
            rig.Main.Tick();
            renderer.Tick();
            Assert.That(got.Count, Is.EqualTo(100));
            for (int i = 0; i < 100; i++) Assert.That(got[i], Is.EqualTo(i));
            Assert.That(counting.LongestFrame, Is.LessThanOrEqualTo(4096));
            Assert.That(diagnostics, Is.Empty);
        }

        [Test]
        public void CancelsOfManyExpiringInvokesLeaveInFramesThePeerTakes()
        {
            var options = new IpcOptions { MaxFrameChars = 4096, TickTimeBudget = TimeSpan.FromSeconds(30) };
            using var rig = new IpcRig(options);
            var (contents, renderer) = rig.AddView();
            int cancelled = 0;
            renderer.Handle("never", async (e, ct) =>
            {
                try { await Task.Delay(Timeout.Infinite, ct); }
                catch (OperationCanceledException) { Interlocked.Increment(ref cancelled); throw; }
                return 0;
            });
            const int calls = 1_000; // their cancels are ~25 characters each: about six frames' worth
            var tasks = new List<Task<int>>();
            for (int i = 0; i < calls; i++) tasks.Add(contents.InvokeAsync<int>("never", TimeSpan.FromMilliseconds(1)).AsTask());
            rig.Pump(() => tasks.TrueForAll(t => t.IsCompleted), "every invoke's timeout");
            rig.Pump(() => Volatile.Read(ref cancelled) == calls, "every handler's cancellation");
            Assert.That(rig.ViewDiagnostics.FindAll(d => d.Kind == IpcDiagnosticKind.LimitExceeded), Is.Empty);
        }
    }
}
