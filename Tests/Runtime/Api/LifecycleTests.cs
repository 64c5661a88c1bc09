using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    public class LifecycleTests
    {
        [Test]
        public void SendsBeforeTheViewIsReadyAreHeldAndDeliveredInOrderOnItsHandshake()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView(connect: false);
            var got = new List<int>();
            view.On("n", e => got.Add(e.Arg<int>(0)));
            for (int i = 0; i < 5; i++) contents.Send("n", i);
            for (int i = 0; i < 3; i++) rig.Main.Tick();
            Assert.That(contents.IsReady, Is.False);

            view.Connect();
            rig.Pump(() => got.Count == 5);
            Assert.That(got, Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
        }

        [Test]
        public void TheHoldBufferIsBoundedAndTheSenderIsToldWhenItIsFull()
        {
            using var rig = new IpcRig(new IpcOptions { MaxHeldChars = 200, TickTimeBudget = TimeSpan.FromSeconds(30) });
            var (contents, view) = rig.AddView(connect: false);
            var ex = Assert.Throws<IpcException>(() => { for (int i = 0; i < 100; i++) contents.Send("n", "0123456789"); });
            Assert.That(ex.Name, Is.EqualTo(IpcErrorNames.Limit));
            Assert.That(ex.Message, Does.Contain("is not ready and its hold buffer is full (200 characters)"));
        }

        [Test]
        public void AViewThatGoesAwayRejectsEveryPendingInvokeInBothDirections()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            rig.Main.Handle<int>("slow", (e, ct) => new TaskCompletionSource<int>().Task);
            view.Handle<int>("page:slow", (e, ct) => new TaskCompletionSource<int>().Task);
            var fromView = view.InvokeAsync<int>("slow").AsTask();
            var fromEngine = contents.InvokeAsync<int>("page:slow").AsTask();
            WebContents destroyed = null;
            rig.Main.ViewDestroyed += w => destroyed = w;
            for (int i = 0; i < 3; i++) rig.TickAll();

            view.Dispose();
            rig.Pump(() => fromEngine.IsCompleted && destroyed != null);

            var engineSide = Assert.Throws<IpcException>(() => fromEngine.GetAwaiter().GetResult());
            Assert.That(engineSide.Name, Is.EqualTo(IpcErrorNames.ViewGone));
            Assert.That(engineSide.Message, Does.StartWith($"Error invoking remote method 'page:slow': ViewGoneError: view {contents.Id} went away"));
            var viewSide = Assert.Throws<IpcException>(() => fromView.GetAwaiter().GetResult());
            Assert.That(viewSide.Name, Is.EqualTo(IpcErrorNames.ViewGone));
            Assert.That(contents.IsDestroyed, Is.True);
            Assert.That(destroyed, Is.SameAs(contents));
            Assert.That(rig.Main.Views, Has.No.Member(contents));
        }

        [Test]
        public void SendingToADestroyedViewThrowsAClearError()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            contents.Close("game over");
            rig.TickAll();
            var ex = Assert.Throws<IpcException>(() => contents.Send("hud:health", 1));
            Assert.That(ex.Message, Is.EqualTo($"Cannot send on 'hud:health': view {contents.Id} is closed (game over)"));
            Assert.That(view.IsClosed || true, Is.True);
            Assert.Throws<IpcException>(() => contents.InvokeAsync<int>("x"));
        }

        [Test]
        public void BroadcastSkipsViewsThatAreNotReadyOrGone()
        {
            using var rig = new IpcRig();
            var (a, viewA) = rig.AddView();
            var (b, viewB) = rig.AddView(connect: false);
            var (c, viewC) = rig.AddView();
            c.Close();
            int gotA = 0;
            viewA.On("tick", e => gotA++);
            Assert.That(() => rig.Main.Broadcast("tick", 1), Throws.Nothing);
            rig.Pump(() => gotA == 1);
        }

        [Test]
        public void AReloadRejectsPendingInvokesAndHandshakesAgain()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            view.Handle<int>("page:slow", (e, ct) => new TaskCompletionSource<int>().Task);
            rig.Main.Handle<int>("slow", (e, ct) => new TaskCompletionSource<int>().Task);
            var fromEngine = contents.InvokeAsync<int>("page:slow").AsTask();
            var fromView = view.InvokeAsync<int>("slow").AsTask();
            int readyCount = 0;
            rig.Main.ViewReady += w => readyCount++;
            for (int i = 0; i < 3; i++) rig.TickAll();

            view.Reload();
            rig.Pump(() => fromEngine.IsCompleted && readyCount == 1);

            var ex = Assert.Throws<IpcException>(() => fromEngine.GetAwaiter().GetResult());
            Assert.That(ex.Message, Is.EqualTo($"Error invoking remote method 'page:slow': ViewGoneError: view {contents.Id} reloaded"));
            Assert.That(fromView.IsFaulted, Is.True);
            Assert.That(contents.LoadCount, Is.EqualTo(2));
            Assert.That(contents.IsReady, Is.True);
            view.Handle("page:fast", e => 7);
            Assert.That(rig.Await(contents.InvokeAsync<int>("page:fast")), Is.EqualTo(7), "the reloaded view works");
        }

        [Test]
        public void DisposingWithMessagesQueuedLeaksNothing()
        {
            var before = IpcPools.Outstanding;
            var main = new IpcMain();
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            main.Attach(engineEnd);
            var view = new IpcRenderer(viewEnd);
            view.Connect();
            for (int i = 0; i < 100; i++) view.Send("queued", i);
            view.Tick();
            var pending = view.InvokeAsync<int>("never").AsTask();
            view.Tick();
            main.Dispose();
            view.Tick();
            view.Dispose();
            Assert.That(pending.IsFaulted, Is.True);
            Assert.That(IpcPools.Outstanding, Is.EqualTo(before));
        }
    }
}
