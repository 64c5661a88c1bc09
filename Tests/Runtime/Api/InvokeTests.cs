using System;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    public class InvokeTests
    {
        [Test]
        public void ViewInvokesEngineHandlerAndGetsItsResult()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            rig.Main.Handle("add", e => e.Arg<int>(0) + e.Arg<int>(1));
            Assert.That(rig.Await(view.InvokeAsync<int, int, int>("add", 2, 40)), Is.EqualTo(42));
        }

        [Test]
        public void EngineInvokesViewHandlerAndGetsItsResult()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            view.Handle("page:title", e => "Inventory (" + e.Arg<int>(0) + ")");
            Assert.That(rig.Await(contents.InvokeAsync<int, string>("page:title", 3)), Is.EqualTo("Inventory (3)"));
        }

        [Test]
        public void ComplexResultsAndArgumentsRoundTripThroughNewtonsoft()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            rig.Main.Handle("inv:get", e => new Inventory { Owner = e.Arg<string>(0), Items = new[] { "potion", "sword" }, Gold = 12.5 });
            var inv = rig.Await(view.InvokeAsync<string, Inventory>("inv:get", "ana"));
            Assert.That(inv.Owner, Is.EqualTo("ana"));
            Assert.That(inv.Items, Is.EqualTo(new[] { "potion", "sword" }));
            Assert.That(inv.Gold, Is.EqualTo(12.5));
        }

        [Test]
        public void NoHandlerRejectsWithElectronsText()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            var ex = (IpcException)rig.AwaitFailure(view.InvokeAsync<int>("shop:buy"));
            Assert.That(ex.Message, Is.EqualTo("Error invoking remote method 'shop:buy': Error: No handler registered for 'shop:buy'"));
            Assert.That(ex.RemoteMessage, Is.EqualTo("No handler registered for 'shop:buy'"));
            Assert.That(ex.Channel, Is.EqualTo("shop:buy"));

            var back = (IpcException)rig.AwaitFailure(contents.InvokeAsync<int>("nothing"));
            Assert.That(back.Message, Is.EqualTo("Error invoking remote method 'nothing': Error: No handler registered for 'nothing'"));
        }

        [Test]
        public void HandlingTwiceThrowsElectronsText()
        {
            using var rig = new IpcRig();
            rig.Main.Handle("a", e => 1);
            var ex = Assert.Throws<InvalidOperationException>(() => rig.Main.Handle("a", e => 2));
            Assert.That(ex.Message, Is.EqualTo("Attempted to register a second handler for 'a'"));
            rig.Main.RemoveHandler("a");
            Assert.That(() => rig.Main.Handle("a", e => 3), Throws.Nothing);
        }

        [Test]
        public void AThrowingHandlerRejectsTheCallerWithTheWrappedMessage()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            rig.Main.Handle<int>("boom", e => throw new InvalidOperationException("the shop is closed"));
            var ex = (IpcException)rig.AwaitFailure(view.InvokeAsync<int>("boom"));
            Assert.That(ex.Message, Is.EqualTo("Error invoking remote method 'boom': Error: the shop is closed"));
            Assert.That(rig.Diagnostics.Exists(d => d.Kind == IpcDiagnosticKind.HandlerError && d.Channel == "boom"), Is.True);
        }

        [Test]
        public void StructuredErrorsKeepNameMessageCodeAndDataAcrossTheCrossing()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            rig.Main.Handle<int>("shop:buy", e => throw new IpcException("ShopError", "not enough gold", "E_GOLD", "{\"need\":30,\"have\":12}"));
            view.Handle<int>("page:ask", e => throw new IpcException("PageError", "user said no", "E_NO"));

            var ex = (IpcException)rig.AwaitFailure(view.InvokeAsync<int>("shop:buy"));
            Assert.That(ex.Name, Is.EqualTo("ShopError"));
            Assert.That(ex.Code, Is.EqualTo("E_GOLD"));
            Assert.That(ex.RemoteMessage, Is.EqualTo("not enough gold"));
            Assert.That(ex.GetData<Need>().need, Is.EqualTo(30));
            Assert.That(ex.Message, Is.EqualTo("Error invoking remote method 'shop:buy': ShopError: not enough gold"));

            var back = (IpcException)rig.AwaitFailure(contents.InvokeAsync<int>("page:ask"));
            Assert.That(back.Name, Is.EqualTo("PageError"));
            Assert.That(back.Code, Is.EqualTo("E_NO"));
        }

        [Test]
        public void HandleOnceRemovesTheHandlerBeforeCallingIt()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            bool hadHandlerInside = true;
            rig.Main.HandleOnce("once", e => { hadHandlerInside = rig.Main.HasHandler("once"); return 1; });
            Assert.That(rig.Await(view.InvokeAsync<int>("once")), Is.EqualTo(1));
            Assert.That(hadHandlerInside, Is.False);
            var ex = (IpcException)rig.AwaitFailure(view.InvokeAsync<int>("once"));
            Assert.That(ex.RemoteMessage, Is.EqualTo("No handler registered for 'once'"));
        }

        [Test]
        public void AScopedHandlerTakesPrecedenceOverIpcMains()
        {
            using var rig = new IpcRig();
            var (a, viewA) = rig.AddView();
            var (b, viewB) = rig.AddView();
            rig.Main.Handle("who", e => "main");
            a.Ipc.Handle("who", e => "scoped to " + e.Sender.Id);
            Assert.That(rig.Await(viewA.InvokeAsync<string>("who")), Is.EqualTo("scoped to " + a.Id));
            Assert.That(rig.Await(viewB.InvokeAsync<string>("who")), Is.EqualTo("main"));
        }

        [Test]
        public void ScopedAndMainListenersBothReceiveASend()
        {
            using var rig = new IpcRig();
            var (a, view) = rig.AddView();
            string order = "";
            rig.Main.On("x", e => order += "main;");
            a.Ipc.On("x", e => order += "scoped;");
            view.Send("x");
            rig.Pump(() => order.Length > 10);
            Assert.That(order, Is.EqualTo("scoped;main;"));
        }

        [Test]
        public void AsyncHandlersCompleteOnALaterTickOnTheTickingThread()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            var gate = new TaskCompletionSource<int>();
            rig.Main.Handle("slow", async (e, ct) => await gate.Task + e.Arg<int>(0));
            var call = view.InvokeAsync<int, int>("slow", 1).AsTask();
            for (int i = 0; i < 5; i++) rig.TickAll();
            Assert.That(call.IsCompleted, Is.False);
            Task.Run(() => gate.SetResult(41)).Wait();
            rig.Pump(() => call.IsCompleted);
            Assert.That(call.Result, Is.EqualTo(42));
        }

        [Test]
        public void AsyncHandlerFailuresAndVoidHandlersReachTheCaller()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            rig.Main.Handle<int>("fails", async (e, ct) => { await Task.Yield(); throw new IpcException("Nope", "async no", "E1"); });
            rig.Main.Handle("void", async (e, ct) => await Task.Yield());
            var ex = (IpcException)rig.AwaitFailure(view.InvokeAsync<int>("fails"));
            Assert.That(ex.Name, Is.EqualTo("Nope"));
            Assert.That(ex.Code, Is.EqualTo("E1"));
            Assert.That(rig.Await(view.InvokeAsync<object>("void")), Is.Null);
        }

        [Test]
        public void InvokeCompletionsResolveOnTheThreadThatTicks()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            view.Handle("v", e => 5);
            int continuationThread = -1;
            async Task Run() { await contents.InvokeAsync<int>("v"); continuationThread = Environment.CurrentManagedThreadId; }
            var t = Run();
            rig.Pump(() => t.IsCompleted);
            Assert.That(continuationThread, Is.EqualTo(Environment.CurrentManagedThreadId));
        }

        [Test]
        public void AResultThatCannotBeReadAsTheRequestedTypeFailsClearly()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            rig.Main.Handle("text", e => "not a number");
            var ex = (IpcException)rig.AwaitFailure(view.InvokeAsync<int>("text"));
            Assert.That(ex.Message, Is.EqualTo("the result of 'text': expected int, got string \"not a number\""));
        }

        public class Inventory
        {
            public string Owner;
            public string[] Items;
            public double Gold;
        }

        public class Need
        {
            public int need;
        }
    }
}
