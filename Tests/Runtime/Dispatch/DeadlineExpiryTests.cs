using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Dispatch
{
    /// <summary>
    /// Invokes expire from a deadline-ordered heap within the tick's budget, in both directions: an idle tick looks at
    /// the earliest deadline only (counted, not timed), and a mass expiry is spread over ticks, none of it lost.
    /// </summary>
    public class DeadlineExpiryTests
    {
        private const int Many = 100_000;

        /// <summary>Enough for a mass expiry to span many ticks; each rejected caller costs a thrown exception, so not more.</summary>
        private const int Expiring = 20_000;

        [Test]
        public void AnEngineIdleTick_With100000PendingInvokes_LooksAtOneDeadline()
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            rig.Main.Tick();
            var calls = new Task<int>[Many];
            for (int i = 0; i < Many; i++) calls[i] = raw.Contents.InvokeAsync<int>("page:never").AsTask();
            rig.Main.Tick();
            var connection = raw.Contents.Connection;

            long before = connection.DeadlineVisits;
            for (int i = 0; i < 10; i++) rig.Main.Tick();
            long visits = connection.DeadlineVisits - before;

            Assert.That(visits, Is.LessThanOrEqualTo(10), "one look at the earliest deadline per tick, not a scan");
            Assert.That(rig.Main.PendingInvokes, Is.EqualTo(Many));
            raw.Close();
            rig.Main.Tick();
            Assert.That(Array.TrueForAll(calls, c => c.IsFaulted), Is.True, "every pending invoke was rejected when the view went away");
        }

        [Test]
        public void ARendererIdleTick_With100000PendingInvokes_LooksAtOneDeadline()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            var calls = new Task<int>[Many];
            for (int i = 0; i < Many; i++) calls[i] = view.InvokeAsync<int>("never").AsTask();
            view.Tick(); // the engine is not ticked: every invoke stays pending on the view's side

            long before = view.Connection.DeadlineVisits;
            for (int i = 0; i < 10; i++) view.Tick();
            long visits = view.Connection.DeadlineVisits - before;

            Assert.That(visits, Is.LessThanOrEqualTo(10), "one look at the earliest deadline per tick, not a scan");
            Assert.That(view.Connection.PendingInvokes, Is.EqualTo(Many));
            view.Dispose();
            Assert.That(Array.TrueForAll(calls, c => c.IsFaulted), Is.True);
        }

        [Test]
        public void AnIdleTick_With10000RunningHandlers_LooksAtNone_AndAFinishedOneOnce()
        {
            const int count = 10_000;
            using var rig = new IpcRig(new IpcOptions { MaxRunningInvokes = count, TickTimeBudget = TimeSpan.FromSeconds(30) });
            var raw = new RawView(rig.Main);
            var never = new TaskCompletionSource<int>();
            var last = new TaskCompletionSource<int>();
            rig.Main.Handle<int>("hold", (e, ct) => e.Arg<int>(0) == 1 ? last.Task : never.Task);
            rig.Main.Tick();
            raw.Send(Invokes(1, count / 2, 600_000));
            raw.Send(Invokes(count / 2 + 1, count, 600_000));
            rig.Main.Tick();
            var connection = raw.Contents.Connection;
            Assert.That(connection.RunningHandlers, Is.EqualTo(count));

            long scanned = connection.RunningScanned, visits = connection.DeadlineVisits;
            for (int i = 0; i < 10; i++) rig.Main.Tick();
            Assert.That(connection.RunningScanned - scanned, Is.EqualTo(0), "no running handler is looked at while none finishes");
            Assert.That(connection.DeadlineVisits - visits, Is.LessThanOrEqualTo(10));

            last.SetResult(5);
            rig.Main.Tick();
            Assert.That(connection.RunningScanned - scanned, Is.EqualTo(1), "only the one that finished");
            Assert.That(connection.RunningHandlers, Is.EqualTo(count - 1));
            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"result\",\"id\":1,\"r\":5}"));
            raw.Close();
        }

        [Test]
        public void AnEngineMassExpiry_IsSpreadOverTicksByTheMessageBudget_AndEveryCancelGoesOut()
        {
            using var rig = new IpcRig(new IpcOptions { MaxMessagesPerTick = 1000, TickTimeBudget = TimeSpan.FromSeconds(30) });
            var raw = new RawView(rig.Main);
            rig.Main.Tick();
            var calls = new Task<int>[Expiring];
            for (int i = 0; i < Expiring; i++) calls[i] = raw.Contents.InvokeAsync<int>("page:never", TimeSpan.FromMilliseconds(1)).AsTask();
            WaitPastEveryDeadline();

            for (int tick = 1; tick <= Expiring / 1000; tick++)
            {
                rig.Main.Tick();
                Assert.That(rig.Main.PendingInvokes, Is.EqualTo(Expiring - tick * 1000), "tick " + tick + " expired exactly its budget");
            }

            Assert.That(Array.TrueForAll(calls, c => c.IsFaulted && ((IpcException)c.Exception.InnerException).Name == IpcErrorNames.Timeout), Is.True);
            Assert.That(raw.Count("{\"k\":\"cancel\",\"id\":"), Is.EqualTo(Expiring), "a cancel went out for every expired invoke");
            raw.Close();
        }

        [Test]
        public void AnEngineMassExpiry_IsSpreadOverTicksByTheTimeBudget()
        {
            const int count = 3200;
            using var rig = new IpcRig(new IpcOptions { TickTimeBudget = TimeSpan.FromTicks(1) });
            var raw = new RawView(rig.Main);
            rig.Main.Tick();
            var calls = new Task<int>[count];
            for (int i = 0; i < count; i++) calls[i] = raw.Contents.InvokeAsync<int>("page:never", TimeSpan.FromMilliseconds(1)).AsTask();
            WaitPastEveryDeadline();

            // The time slice is over before expiry starts: each tick still expires its minimum, and no more.
            int ticks = 0;
            while (rig.Main.PendingInvokes > 0)
            {
                rig.Main.Tick();
                ticks++;
                Assert.That(rig.Main.PendingInvokes, Is.EqualTo(count - ticks * IpcConnection.MinExpiriesPerTick));
            }
            Assert.That(ticks, Is.EqualTo(count / IpcConnection.MinExpiriesPerTick));
            Assert.That(raw.Count("{\"k\":\"cancel\",\"id\":"), Is.EqualTo(count));
            raw.Close();
        }

        [Test]
        public void ARendererMassExpiry_IsSpreadOverTicksByTheMessageBudget()
        {
            using var rig = new IpcRig(new IpcOptions { MaxMessagesPerTick = 1000, TickTimeBudget = TimeSpan.FromSeconds(30) });
            var (_, view) = rig.AddView();
            var calls = new Task<int>[Expiring];
            for (int i = 0; i < Expiring; i++) calls[i] = view.InvokeAsync<int>("never", TimeSpan.FromMilliseconds(1)).AsTask();
            WaitPastEveryDeadline();

            for (int tick = 1; tick <= Expiring / 1000; tick++)
            {
                view.Tick();
                Assert.That(view.Connection.PendingInvokes, Is.EqualTo(Expiring - tick * 1000), "tick " + tick + " expired exactly its budget");
            }
            Assert.That(Array.TrueForAll(calls, c => c.IsFaulted && ((IpcException)c.Exception.InnerException).Name == IpcErrorNames.Timeout), Is.True);
        }

        [Test]
        public void RunningHandlersExpireWithinTheBudget_AndEachCallerIsToldItTimedOut()
        {
            const int frames = 4, perFrame = 5000, count = frames * perFrame;
            using var rig = new IpcRig(new IpcOptions { MaxMessagesPerTick = perFrame, MaxRunningInvokes = count, TickTimeBudget = TimeSpan.FromSeconds(30) });
            var raw = new RawView(rig.Main);
            var never = new TaskCompletionSource<int>();
            int tokensFired = 0;
            rig.Main.Handle<int>("hold", (e, ct) =>
            {
                ct.Register(() => Interlocked.Increment(ref tokensFired));
                return never.Task;
            });
            rig.Main.Tick();
            for (int f = 0; f < frames; f++) raw.Send(Invokes(f * perFrame + 1, (f + 1) * perFrame, 1));
            var connection = raw.Contents.Connection;

            // While dispatch takes the whole budget, expiry still gets its minimum per tick, and no more.
            for (int tick = 1; tick <= frames; tick++)
            {
                int before = connection.RunningHandlers;
                rig.Main.Tick();
                Assert.That(connection.RunningHandlers, Is.GreaterThanOrEqualTo(before + perFrame - IpcConnection.MinExpiriesPerTick));
            }
            WaitPastEveryDeadline();
            while (connection.RunningHandlers > 0)
            {
                int before = connection.RunningHandlers;
                rig.Main.Tick();
                Assert.That(connection.RunningHandlers, Is.EqualTo(Math.Max(0, before - perFrame)), "a tick expires exactly its budget");
            }

            Assert.That(raw.Count("\"e\":{\"name\":\"TimeoutError\",\"message\":\"no result within 1 ms\""), Is.EqualTo(count));
            Assert.That(tokensFired, Is.EqualTo(count), "every handler's token fired");
            raw.Close();
        }

        /// <summary>Sleeps until deadlines a few milliseconds out have surely passed: the tests count, they do not time.</summary>
        private static void WaitPastEveryDeadline() => Thread.Sleep(50);

        private static string Invokes(int from, int to, int timeoutMs)
        {
            var s = new System.Text.StringBuilder("{\"k\":\"batch\",\"m\":[");
            for (int id = from; id <= to; id++)
            {
                if (id > from) s.Append(',');
                s.Append("{\"k\":\"invoke\",\"id\":").Append(id).Append(",\"ch\":\"hold\",\"a\":[").Append(id).Append("],\"t\":").Append(timeoutMs).Append('}');
            }
            return s.Append("]}").ToString();
        }
    }
}
