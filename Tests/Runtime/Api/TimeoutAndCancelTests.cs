using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    public class TimeoutAndCancelTests
    {
        [Test]
        public void AnInvokeWithNoAnswerTimesOutAndTheHandlersTokenFires()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            CancellationToken seen = default;
            rig.Main.Handle<int>("never", (e, ct) => { seen = ct; return new TaskCompletionSource<int>().Task; });
            var call = view.InvokeAsync<int>("never", new IpcInvokeOptions(TimeSpan.FromMilliseconds(30))).AsTask();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!call.IsCompleted && DateTime.UtcNow < deadline) { rig.TickAll(); Thread.Sleep(1); }
            var ex = Assert.Throws<IpcException>(() => call.GetAwaiter().GetResult());
            Assert.That(ex.Name, Is.EqualTo(IpcErrorNames.Timeout));
            Assert.That(ex.Code, Is.EqualTo(IpcErrorCodes.Timeout));
            Assert.That(ex.Message, Is.EqualTo("Error invoking remote method 'never': TimeoutError: no result within 30 ms"));
            rig.Pump(() => seen.IsCancellationRequested, "the handler's token firing");
        }

        [Test]
        public void TheDefaultTimeoutComesFromTheOptions()
        {
            using var rig = new IpcRig(new IpcOptions { DefaultInvokeTimeout = TimeSpan.FromMilliseconds(20), TickTimeBudget = TimeSpan.FromSeconds(30) });
            var (contents, view) = rig.AddView();
            view.Handle<int>("never", (e, ct) => new TaskCompletionSource<int>().Task);
            var call = contents.InvokeAsync<int>("never").AsTask();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!call.IsCompleted && DateTime.UtcNow < deadline) { rig.TickAll(); Thread.Sleep(1); }
            var ex = Assert.Throws<IpcException>(() => call.GetAwaiter().GetResult());
            Assert.That(ex.RemoteMessage, Is.EqualTo("no result within 20 ms"));
        }

        [Test]
        public void CancellingTheCallerRejectsItAndCancelsTheHandlerOnTheOtherSide()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            var handlerSawCancel = new TaskCompletionSource<bool>();
            rig.Main.Handle<int>("work", async (e, ct) =>
            {
                ct.Register(() => handlerSawCancel.TrySetResult(true));
                await Task.Delay(Timeout.Infinite, ct);
                return 1;
            });
            using var cts = new CancellationTokenSource();
            var call = view.InvokeAsync<int>("work", cts.Token).AsTask();
            for (int i = 0; i < 3; i++) rig.TickAll();
            cts.Cancel();
            rig.Pump(() => call.IsCompleted && handlerSawCancel.Task.IsCompleted);
            Assert.That(call.IsCanceled, Is.True);
            Assert.That(handlerSawCancel.Task.Result, Is.True);
        }

        [Test]
        public void EngineToViewCancellationReachesTheViewHandler()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            bool cancelled = false;
            view.Handle<int>("page:confirm", async (e, ct) =>
            {
                try { await Task.Delay(Timeout.Infinite, ct); }
                catch (OperationCanceledException) { cancelled = true; throw; }
                return 0;
            });
            using var cts = new CancellationTokenSource();
            var call = contents.InvokeAsync<int>("page:confirm", cts.Token).AsTask();
            for (int i = 0; i < 3; i++) rig.TickAll();
            cts.Cancel();
            rig.Pump(() => call.IsCompleted && cancelled);
            Assert.That(call.IsCanceled, Is.True);
        }

        [Test]
        public void AnAlreadyCancelledTokenFailsAtOnceWithoutSending()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            int calls = 0;
            rig.Main.Handle("x", e => ++calls);
            var call = view.InvokeAsync<int>("x", new CancellationToken(true)).AsTask();
            Assert.That(call.IsCanceled, Is.True);
            rig.TickAll();
            Assert.That(calls, Is.EqualTo(0));
        }

        [Test]
        public void ALateResultAfterATimeoutIsReportedNotCrashed()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            var gate = new TaskCompletionSource<int>();
            rig.Main.Handle<int>("late", (e, ct) => gate.Task);
            var call = view.InvokeAsync<int>("late", TimeSpan.FromMilliseconds(10)).AsTask();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!call.IsCompleted && DateTime.UtcNow < deadline) { rig.TickAll(); Thread.Sleep(1); }
            Assert.That(call.IsFaulted, Is.True);
            gate.SetResult(1);
            for (int i = 0; i < 5; i++) rig.TickAll();
            Assert.That(call.IsFaulted, Is.True, "nothing changes after the timeout");
        }

        [Test]
        public void AHandlerStoppedByTheCallersDeadlineAnswersTimeoutNotAbort()
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            rig.Main.Handle<int>("slow", async (e, ct) => { await Task.Delay(Timeout.Infinite, ct); return 1; });
            raw.Send("{\"k\":\"invoke\",\"id\":3,\"ch\":\"slow\",\"t\":30}");
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!raw.AllReceived.Contains("\"id\":3") && DateTime.UtcNow < deadline) { rig.Main.Tick(); Thread.Sleep(1); }
            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"result\",\"id\":3,\"e\":{\"name\":\"TimeoutError\",\"message\":\"no result within 30 ms\",\"code\":\"ETIMEDOUT\"}}"));
            raw.Close();
        }
    }
}
