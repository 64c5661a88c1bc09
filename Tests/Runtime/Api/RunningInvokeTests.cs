using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    /// <summary>
    /// The peer's invokes running here are bounded: each has a deadline (its <c>t</c>, or the default when it gives none)
    /// and at most <see cref="IpcOptions.MaxRunningInvokes"/> run at once per peer.
    /// </summary>
    public class RunningInvokeTests
    {
        private const string Limited = "\"name\":\"LimitError\"";

        [TestCase("{\"k\":\"invoke\",\"id\":3,\"ch\":\"slow\"}", TestName = "Without t")]
        [TestCase("{\"k\":\"invoke\",\"id\":3,\"ch\":\"slow\",\"t\":0}", TestName = "With t 0")]
        public void AnInvokeWithoutADeadlineGetsTheDefault_TheTokenFiresAndTheCallerGetsTimeoutError(string envelope)
        {
            using var rig = new IpcRig(new IpcOptions { DefaultInvokeTimeout = TimeSpan.FromMilliseconds(30), TickTimeBudget = TimeSpan.FromSeconds(30) });
            var raw = new RawView(rig.Main);
            CancellationToken seen = default;
            rig.Main.Handle<int>("slow", async (e, ct) =>
            {
                seen = ct;
                await Task.Delay(Timeout.Infinite, ct);
                return 1;
            });

            raw.Send(envelope);
            rig.Pump(() => raw.AllReceived.Contains("\"id\":3"), "the timed-out invoke's answer");

            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"result\",\"id\":3,\"e\":{\"name\":\"TimeoutError\",\"message\":\"no result within 30 ms\",\"code\":\"ETIMEDOUT\"}}"));
            // The token is cancelled in the same tick that writes the answer (where the handler then resumes is up to it).
            Assert.That(seen.IsCancellationRequested, Is.True, "the handler's token fired at the deadline");
            Assert.That(raw.Contents.Connection.RunningHandlers, Is.EqualTo(0), "nothing is held for it any more");
            raw.Close();
        }

        [Test]
        public void AHandlerThatIgnoresItsTokenStillLetsTheCallerTimeOut()
        {
            using var rig = new IpcRig(new IpcOptions { DefaultInvokeTimeout = TimeSpan.FromMilliseconds(30), TickTimeBudget = TimeSpan.FromSeconds(30) });
            var raw = new RawView(rig.Main);
            var never = new TaskCompletionSource<int>();
            rig.Main.Handle<int>("deaf", (e, ct) => never.Task);

            raw.Send("{\"k\":\"invoke\",\"id\":5,\"ch\":\"deaf\"}");
            rig.Pump(() => raw.AllReceived.Contains("\"id\":5"), "the timed-out invoke's answer");
            never.SetResult(9);
            for (int i = 0; i < 3; i++) rig.Main.Tick();

            Assert.That(raw.Count("\"id\":5"), Is.EqualTo(1), "one answer: the timeout, not a late value as well");
            Assert.That(raw.AllReceived, Does.Contain("\"id\":5,\"e\":{\"name\":\"TimeoutError\""));
            raw.Close();
        }

        [Test]
        public void TheDefaultCapIs4096()
        {
            Assert.That(new IpcOptions().MaxRunningInvokes, Is.EqualTo(4096));
            Assert.Throws<ArgumentOutOfRangeException>(() => new IpcMain(new IpcOptions { MaxRunningInvokes = 0 }));
        }

        [Test]
        public void AViewMayRunUpToTheDefaultCap_OneMoreGetsALimitError_AndAFreedSlotIsUsableAgain()
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            var release = new TaskCompletionSource<int>();
            int calls = 0;
            rig.Main.Handle<int>("hold", (e, ct) => { calls++; return release.Task; });
            rig.Main.Tick();
            raw.Received.Clear();
            const int cap = 4096;

            raw.Send(Invokes(1, cap - 1)); // just under the cap
            rig.Main.Tick();
            Assert.That(raw.Contents.Connection.RunningHandlers, Is.EqualTo(cap - 1));
            Assert.That(raw.AllReceived, Does.Not.Contain(Limited));

            raw.Send(Invokes(cap, cap)); // at the cap
            rig.Main.Tick();
            Assert.That(raw.Contents.Connection.RunningHandlers, Is.EqualTo(cap));
            Assert.That(raw.AllReceived, Does.Not.Contain(Limited));

            raw.Send(Invokes(cap + 1, cap + 1)); // just over
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"result\",\"id\":4097,\"e\":{\"name\":\"LimitError\",\"message\":\"Invoke 'hold' refused: 4096 invokes from view "
                + raw.Contents.Id + " are already running (IpcOptions.MaxRunningInvokes)\",\"code\":\"ELIMIT\"}}"));
            Assert.That(calls, Is.EqualTo(cap), "the refused invoke's handler was not called");
            Assert.That(raw.Contents.Connection.RunningHandlers, Is.EqualTo(cap));
            Assert.That(rig.Diagnostics.Exists(d => d.Kind == IpcDiagnosticKind.LimitExceeded && d.Message.Contains("4096 invokes")), Is.True);

            raw.Send("{\"k\":\"cancel\",\"id\":1}"); // a slot frees up
            raw.Send(Invokes(cap + 2, cap + 2));
            rig.Main.Tick();
            Assert.That(raw.Count(Limited), Is.EqualTo(1), "the invoke after the freed slot runs");
            Assert.That(calls, Is.EqualTo(cap + 1));

            release.SetResult(7);
            rig.Pump(() => raw.Contents.Connection.RunningHandlers == 0, "every held handler to finish");
            Assert.That(raw.Count("\"r\":7"), Is.EqualTo(cap), "every running invoke but the cancelled one was answered");
            raw.Close();
        }

        [Test]
        public void TheCapIsPerView()
        {
            using var rig = new IpcRig(new IpcOptions { MaxRunningInvokes = 2, TickTimeBudget = TimeSpan.FromSeconds(30) });
            var a = new RawView(rig.Main);
            var b = new RawView(rig.Main);
            var never = new TaskCompletionSource<int>();
            rig.Main.Handle<int>("hold", (e, ct) => never.Task);
            a.Send(Invokes(1, 3));
            b.Send(Invokes(1, 2));
            rig.Main.Tick();

            Assert.That(a.Count(Limited), Is.EqualTo(1));
            Assert.That(a.AllReceived, Does.Contain("\"id\":3,\"e\":{\"name\":\"LimitError\""));
            Assert.That(b.Count(Limited), Is.EqualTo(0), "another view's invokes do not count against this one");
            a.Close();
            b.Close();
        }

        [Test]
        public void ARendererCapsTheEnginesInvokesToo()
        {
            using var rig = new IpcRig(new IpcOptions { MaxRunningInvokes = 2, TickTimeBudget = TimeSpan.FromSeconds(30) });
            var (contents, view) = rig.AddView();
            var never = new TaskCompletionSource<int>();
            int calls = 0;
            view.Handle<int>("page:hold", (e, ct) => { calls++; return never.Task; });

            var first = contents.InvokeAsync<int>("page:hold").AsTask();
            var second = contents.InvokeAsync<int>("page:hold").AsTask();
            var third = contents.InvokeAsync<int>("page:hold");
            var ex = (IpcException)rig.AwaitFailure(third);

            Assert.That(ex.Name, Is.EqualTo(IpcErrorNames.Limit));
            Assert.That(ex.RemoteMessage, Is.EqualTo("Invoke 'page:hold' refused: 2 invokes from the engine are already running (IpcOptions.MaxRunningInvokes)"));
            Assert.That(calls, Is.EqualTo(2));
            Assert.That(first.IsCompleted || second.IsCompleted, Is.False, "the two under the cap still run");
            contents.Close();
            rig.Pump(() => first.IsCompleted && second.IsCompleted, "the held invokes' rejection");
        }

        /// <summary>A batch of invokes on "hold" with ids <paramref name="from"/> to <paramref name="to"/>, with a long t.</summary>
        private static string Invokes(int from, int to)
        {
            var s = new System.Text.StringBuilder("{\"k\":\"batch\",\"m\":[");
            for (int id = from; id <= to; id++)
            {
                if (id > from) s.Append(',');
                s.Append("{\"k\":\"invoke\",\"id\":").Append(id).Append(",\"ch\":\"hold\",\"t\":600000}");
            }
            return s.Append("]}").ToString();
        }
    }
}
