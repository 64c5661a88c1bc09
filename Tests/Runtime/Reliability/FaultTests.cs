using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Reliability
{
    /// <summary>
    /// Faults injected into the links and into user code: transports that throw or drop mid-batch on either side,
    /// views closed or endpoints disposed from inside a listener, diagnostic sinks that throw, handlers that never
    /// finish. Each ends with a clear error for whoever waits, a destroyed view, a tick that never throws, and every
    /// pooled object back (the rig checks that on dispose).
    /// </summary>
    public partial class FaultTests
    {
        private static Task<int> Hang(CancellationToken token) => Task.Delay(Timeout.Infinite, token).ContinueWith(_ => 0, TaskScheduler.Default);

        [Test]
        public void AnEngineTransportThatThrowsMidBatchRejectsPendingInvokesAndDestroysTheView()
        {
            using var rig = new FaultRig();
            var link = rig.AddView();
            var got = 0;
            link.Renderer.On("n", e => got++);
            link.Renderer.Handle<int>("page:slow", (e, ct) => Hang(ct));
            rig.Main.Handle<int>("slow", (e, ct) => Hang(ct));
            var fromView = link.Renderer.InvokeAsync<int>("slow").AsTask();
            rig.TickAll();
            for (int i = 0; i < 5; i++) link.Contents.Send("n", i);
            rig.Pump(() => got == 5, "the first batch");

            link.EngineEnd.FailSends = new InvalidOperationException("wire cut");
            var fromEngine = link.Contents.InvokeAsync<int>("page:slow").AsTask();
            for (int i = 0; i < 5; i++) link.Contents.Send("n", i);

            var engineSide = rig.Failure(fromEngine, "the engine's invoke");
            Assert.That(engineSide, Is.TypeOf<IpcException>());
            Assert.That(engineSide.Message, Is.EqualTo($"Error invoking remote method 'page:slow': ViewGoneError: view {link.Contents.Id} went away (transport failed: wire cut)"));
            Assert.That(((IpcException)engineSide).Code, Is.EqualTo(IpcErrorCodes.ViewGone));
            var viewSide = rig.Failure(fromView, "the view's invoke");
            Assert.That(((IpcException)viewSide).Name, Is.EqualTo(IpcErrorNames.ViewGone));
            Assert.That(link.Contents.IsDestroyed, Is.True);
            Assert.That(link.Contents.DestroyReason, Is.EqualTo("transport failed: wire cut"));
            Assert.That(rig.Main.Views, Has.No.Member(link.Contents));
            Assert.That(link.Renderer.IsClosed, Is.True, "closing the engine end closes the link");
            Assert.That(got, Is.EqualTo(5), "the failed batch was not half-delivered");
        }

        [Test]
        public void ARendererTransportThatThrowsMidBatchRejectsPendingInvokesAndDestroysTheView()
        {
            using var rig = new FaultRig();
            var link = rig.AddView();
            var other = rig.AddView();
            link.Renderer.Handle<int>("page:slow", (e, ct) => Hang(ct));
            rig.Main.Handle<int>("slow", (e, ct) => Hang(ct));
            var fromEngine = link.Contents.InvokeAsync<int>("page:slow").AsTask();
            rig.TickAll();

            link.ViewEnd.FailSends = new System.IO.IOException("broken pipe");
            var fromView = link.Renderer.InvokeAsync<int>("slow").AsTask();
            for (int i = 0; i < 5; i++) link.Renderer.Send("n", i);

            var viewSide = rig.Failure(fromView, "the view's invoke");
            Assert.That(viewSide.Message, Is.EqualTo($"Error invoking remote method 'slow': ViewGoneError: view {link.Renderer.ViewId} went away (transport failed: broken pipe)"));
            var engineSide = rig.Failure(fromEngine, "the engine's invoke");
            Assert.That(((IpcException)engineSide).Name, Is.EqualTo(IpcErrorNames.ViewGone));
            rig.Pump(() => link.Contents.IsDestroyed, "the view to be destroyed");
            Assert.That(rig.Main.Views, Is.EqualTo(new[] { other.Contents }), "the other view is unaffected");
            rig.Main.Handle("ping", e => 7);
            var ping = other.Renderer.InvokeAsync<int>("ping").AsTask();
            rig.Pump(() => ping.IsCompleted, "the other view's invoke");
            Assert.That(ping.Result, Is.EqualTo(7));
        }

        [Test]
        public void ATransportThatThrowsOnTheHandshakeEndsTheViewInsteadOfWedgingIt()
        {
            using var rig = new FaultRig();
            var link = rig.AddView(connect: false);
            link.EngineEnd.FailSends = new InvalidOperationException("no route");
            var early = link.Renderer.InvokeAsync<int>("anything").AsTask();
            link.Renderer.Connect();

            rig.Pump(() => link.Contents.IsDestroyed && early.IsCompleted, "the view to be destroyed");
            Assert.That(link.Contents.DestroyReason, Is.EqualTo("transport failed: no route"));
            Assert.That(early.IsFaulted, Is.True);
            Assert.That(((IpcException)early.Exception.GetBaseException()).Name, Is.EqualTo(IpcErrorNames.ViewGone));
        }

        [Test]
        public void TheLinkDroppingWhileTheViewRunsAnEngineInvokeCancelsTheHandlerAndRejectsTheCaller()
        {
            using var rig = new FaultRig();
            var link = rig.AddView();
            var token = new TaskCompletionSource<CancellationToken>();
            link.Renderer.Handle<int>("page:confirm", (e, ct) => { token.TrySetResult(ct); return Hang(ct); });
            var call = link.Contents.InvokeAsync<int>("page:confirm", TimeSpan.FromSeconds(30)).AsTask();
            rig.Pump(() => token.Task.IsCompleted, "the view's handler to start");

            link.EngineEnd.Drop();

            var ex = rig.Failure(call, "the engine's invoke");
            Assert.That(ex.Message, Is.EqualTo($"Error invoking remote method 'page:confirm': ViewGoneError: view {link.Contents.Id} went away (connection lost)"));
            rig.Pump(() => token.Task.Result.IsCancellationRequested, "the view handler's token to fire");
            Assert.That(link.Renderer.IsClosed, Is.True);
            Assert.That(link.Renderer.Connection.RunningHandlers, Is.EqualTo(0));
        }

        [Test]
        public void TheLinkDroppingWhileTheEngineRunsAViewInvokeCancelsTheHandlerAndRejectsTheCaller()
        {
            using var rig = new FaultRig();
            var link = rig.AddView();
            var token = new TaskCompletionSource<CancellationToken>();
            rig.Main.Handle<int>("inventory:get", (e, ct) => { token.TrySetResult(ct); return Hang(ct); });
            var call = link.Renderer.InvokeAsync<int>("inventory:get", TimeSpan.FromSeconds(30)).AsTask();
            rig.Pump(() => token.Task.IsCompleted, "the engine's handler to start");

            link.ViewEnd.Drop("socket reset");

            var ex = rig.Failure(call, "the view's invoke");
            Assert.That(ex.Message, Is.EqualTo($"Error invoking remote method 'inventory:get': ViewGoneError: view {link.Renderer.ViewId} went away (socket reset)"));
            rig.Pump(() => link.Contents.IsDestroyed, "the view to be destroyed");
            Assert.That(token.Task.Result.IsCancellationRequested, Is.True, "the engine handler's token fired");
            Assert.That(link.Contents.Connection.RunningHandlers, Is.EqualTo(0));
        }

        [Test]
        public void TheLinkDroppingUnderABlockedSendSyncUnblocksItWithAClearError()
        {
            using var rig = new FaultRig();
            var link = rig.AddView();
            rig.Main.On("ask", e => e.ReturnValue = 1);
            var blocked = Task.Run(() => link.Renderer.SendSync<int>("ask", TimeSpan.FromSeconds(60)));
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (link.Contents.Connection.QueuedFrames == 0 && DateTime.UtcNow < deadline) Thread.Sleep(1); // sent, and not ticked

            link.EngineEnd.Drop();

            var ex = Assert.Throws<AggregateException>(() => blocked.Wait(TimeSpan.FromSeconds(30))).GetBaseException();
            Assert.That(ex.Message, Is.EqualTo("Error invoking remote method 'ask': ViewGoneError: the connection closed (closed by peer)"));
            rig.Pump(() => link.Contents.IsDestroyed, "the view to be destroyed");
        }
    }
}
