using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Reliability
{
    public partial class FaultTests
    {
        [Test]
        public void TheEngineClosingAViewFromInsideAListenerMidBatchStopsThatViewOnly()
        {
            using var rig = new FaultRig();
            var kicked = rig.AddView();
            var other = rig.AddView();
            var seen = new List<string>();
            rig.Main.On<int>("n", (e, i) =>
            {
                seen.Add(e.SenderId + ":" + i);
                if (e.SenderId == kicked.Contents.Id && i == 3) e.Sender.Close("kicked");
            });
            rig.Main.Handle<int>("slow", (e, ct) => Hang(ct));
            var pending = kicked.Renderer.InvokeAsync<int>("slow").AsTask();
            kicked.Renderer.Tick();
            for (int i = 0; i < 10; i++) { kicked.Renderer.Send("n", i); other.Renderer.Send("n", i); }
            var late = kicked.Renderer.InvokeAsync<int>("slow").AsTask(); // in the same batch, after the close
            kicked.Renderer.Tick();
            other.Renderer.Tick();

            Assert.That(() => rig.Main.Tick(), Throws.Nothing);
            Assert.That(kicked.Contents.IsDestroyed, Is.True);
            Assert.That(kicked.Contents.DestroyReason, Is.EqualTo("kicked"));
            rig.Pump(() => seen.Count == 14 && pending.IsCompleted && late.IsCompleted, "the other view's messages");
            int k = kicked.Contents.Id;
            Assert.That(seen.FindAll(s => s.StartsWith(k + ":")), Is.EqualTo(new[] { k + ":0", k + ":1", k + ":2", k + ":3" }), "nothing after the close");
            Assert.That(seen.FindAll(s => s.StartsWith(other.Contents.Id + ":")).Count, Is.EqualTo(10), "the other view lost nothing");
            Assert.That(((IpcException)pending.Exception.GetBaseException()).Name, Is.EqualTo(IpcErrorNames.ViewGone));
            Assert.That(((IpcException)late.Exception.GetBaseException()).Name, Is.EqualTo(IpcErrorNames.ViewGone));
            Assert.That(rig.Main.Views, Is.EqualTo(new[] { other.Contents }));
        }

        [Test]
        public void DisposingTheEngineFromInsideAListenerEndsTheTickCleanly()
        {
            using var rig = new FaultRig();
            var a = rig.AddView();
            var b = rig.AddView();
            int after = 0, destroyed = 0;
            rig.Main.ViewDestroyed += v => destroyed++;
            rig.Main.On("quit", e => rig.Main.Dispose());
            rig.Main.On("after", e => after++);
            rig.Main.Handle<int>("slow", (e, ct) => Hang(ct));
            var pendingA = a.Renderer.InvokeAsync<int>("slow").AsTask();
            var pendingB = b.Renderer.InvokeAsync<int>("slow").AsTask();
            rig.TickAll();
            a.Renderer.Send("quit");
            a.Renderer.Send("after");
            b.Renderer.Send("after");
            a.Renderer.Tick();
            b.Renderer.Tick();

            Assert.That(() => rig.Main.Tick(), Throws.Nothing);
            Assert.That(after, Is.EqualTo(0), "nothing runs after the dispose");
            Assert.That(destroyed, Is.EqualTo(2));
            Assert.That(a.Contents.IsDestroyed && b.Contents.IsDestroyed, Is.True);
            Assert.That(rig.Main.Views, Is.Empty);
            Assert.Throws<ObjectDisposedException>(() => rig.Main.Tick());
            for (int i = 0; i < 3 && !(pendingA.IsCompleted && pendingB.IsCompleted); i++) { a.Renderer.Tick(); b.Renderer.Tick(); }
            Assert.That(pendingA.IsFaulted && pendingB.IsFaulted, Is.True, "the views' invokes were rejected");
            Assert.That(a.Renderer.IsClosed && b.Renderer.IsClosed, Is.True);
        }

        [Test]
        public void DisposingTheRendererFromInsideItsListenerMidBatchEndsTheLinkCleanly()
        {
            using var rig = new FaultRig();
            var link = rig.AddView();
            var seen = new List<int>();
            link.Renderer.On<int>("n", (e, i) => { seen.Add(i); if (i == 3) link.Renderer.Dispose(); });
            rig.Main.Handle<int>("slow", (e, ct) => Hang(ct));
            var pending = link.Renderer.InvokeAsync<int>("slow").AsTask();
            rig.TickAll();
            for (int i = 0; i < 10; i++) link.Contents.Send("n", i);
            rig.Main.Tick();

            Assert.That(() => link.Renderer.Tick(), Throws.Nothing);
            Assert.That(seen, Is.EqualTo(new[] { 0, 1, 2, 3 }));
            Assert.That(link.Renderer.IsClosed, Is.True);
            Assert.That(((IpcException)pending.Exception.GetBaseException()).Name, Is.EqualTo(IpcErrorNames.ViewGone));
            rig.Pump(() => link.Contents.IsDestroyed, "the view to be destroyed");
            Assert.That(link.Contents.DestroyReason, Is.EqualTo("closed by peer"));
        }

        [Test]
        public void DiagnosticSinksAndLifecycleHandlersThatThrowNeverStopATick()
        {
            using var rig = new FaultRig();
            int engineCalls = 0, viewCalls = 0;
            rig.Main.Diagnostic += d => { engineCalls++; throw new InvalidOperationException("sink down"); };
            rig.Main.ViewReady += v => throw new InvalidOperationException("ready handler down");
            rig.Main.ViewDestroyed += v => throw new InvalidOperationException("destroyed handler down");
            var link = rig.AddView(connect: false);
            link.Renderer.Diagnostic += d => { viewCalls++; throw new InvalidOperationException("view sink down"); };
            link.Renderer.Ready += r => throw new InvalidOperationException("view ready handler down");
            link.Renderer.Connect();
            rig.Pump(() => link.Renderer.IsReady && link.Contents.IsReady, "the handshake");
            int got = 0;
            rig.Main.On("boom", e => throw new InvalidOperationException("listener down"));
            rig.Main.On("n", e => got++);
            link.Renderer.On("boom", e => throw new InvalidOperationException("view listener down"));

            link.ViewEnd.SendRaw("{\"k\":");          // malformed, to the engine
            link.EngineEnd.SendRaw("[1,2");            // malformed, to the view
            link.Renderer.Send("boom");
            link.Contents.Send("boom");
            link.Renderer.Send("n");
            var missing = link.Renderer.InvokeAsync<int>("no:handler").AsTask();
            rig.Pump(() => got == 1 && missing.IsCompleted, "the messages after the faults");

            Assert.That(engineCalls, Is.GreaterThanOrEqualTo(4), "ready, the malformed frame, the listener; each sink call threw");
            Assert.That(viewCalls, Is.GreaterThanOrEqualTo(2));
            Assert.That(missing.Exception.GetBaseException().Message, Is.EqualTo("Error invoking remote method 'no:handler': Error: No handler registered for 'no:handler'"));
            link.Contents.Close("done");
            Assert.That(link.Contents.IsDestroyed, Is.True, "a throwing ViewDestroyed handler does not stop the close");
            rig.Pump(() => link.Renderer.IsClosed, "the renderer to see the close");
        }

        [Test]
        public void HandlersThatNeverCompleteTimeOutForTheCallerAndLeakNothing()
        {
            using var rig = new FaultRig();
            var link = rig.AddView();
            var never = new TaskCompletionSource<int>(); // ignores its token too: the worst a handler can do
            rig.Main.Handle<int>("stuck", (e, ct) => never.Task);
            link.Renderer.Handle<int>("page:stuck", (e, ct) => never.Task);
            var calls = new List<Task<int>>();
            for (int i = 0; i < 50; i++)
            {
                calls.Add(link.Renderer.InvokeAsync<int>("stuck", TimeSpan.FromMilliseconds(20)).AsTask());
                calls.Add(link.Contents.InvokeAsync<int>("page:stuck", TimeSpan.FromMilliseconds(20)).AsTask());
            }

            rig.Pump(() => calls.TrueForAll(c => c.IsCompleted), "every invoke's timeout");
            foreach (var c in calls)
            {
                var ex = (IpcException)c.Exception.GetBaseException();
                Assert.That(ex.Name, Is.EqualTo(IpcErrorNames.Timeout));
                Assert.That(ex.RemoteMessage, Is.EqualTo("no result within 20 ms"));
            }
            Assert.That(link.Contents.PendingInvokes, Is.EqualTo(0));
            Assert.That(link.Renderer.Connection.PendingInvokes, Is.EqualTo(0));
            Assert.That(() => rig.TickAll(), Throws.Nothing);
        }

        [Test]
        public void AHandlerThatIgnoresItsCancellationIsNotTrackedForeverAfterItsCallerGaveUp()
        {
            using var rig = new FaultRig();
            var link = rig.AddView();
            var never = new TaskCompletionSource<int>();
            rig.Main.Handle<int>("stuck", (e, ct) => never.Task);
            var calls = new List<Task<int>>();
            for (int i = 0; i < 50; i++) calls.Add(link.Renderer.InvokeAsync<int>("stuck", TimeSpan.FromMilliseconds(20)).AsTask());
            rig.Pump(() => calls.TrueForAll(c => c.IsCompleted), "every invoke's timeout");
            for (int i = 0; i < 5; i++) rig.TickAll(); // the cancels reach the engine

            Assert.That(link.Contents.Connection.RunningHandlers, Is.EqualTo(0),
                "the caller cancelled and its result would be dropped, yet the engine still holds every call (and its CancellationTokenSource)");
        }

        [Test]
        public void ATransportWhoseStartThrowsLeavesNoViewBehind()
        {
            using var rig = new FaultRig();
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            var faulty = new FaultyTransport(engineEnd) { FailStart = new InvalidOperationException("port in use") };

            Assert.Throws<InvalidOperationException>(() => rig.Main.Attach(faulty));
            rig.TickAll();
            Assert.That(rig.Main.Views, Is.Empty, "a view whose transport never started is not kept as a zombie");
            viewEnd.Dispose();
        }

        [Test]
        public void ATransportWhoseCloseThrowsStillEndsTheView()
        {
            using var rig = new FaultRig();
            var link = rig.AddView();
            link.EngineEnd.FailDispose = new InvalidOperationException("close failed");
            WebContents gone = null;
            rig.Main.ViewDestroyed += v => gone = v;

            Assert.That(() => link.Contents.Close("bye"), Throws.Nothing);
            Assert.That(gone, Is.SameAs(link.Contents));
            Assert.That(rig.Diagnostics.Exists(d => d.Message == "transport failed to close: close failed"), Is.True);
            rig.Pump(() => link.Renderer.IsClosed, "the renderer to see the close");
        }
    }
}
