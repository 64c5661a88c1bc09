using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Performance
{
    /// <summary>
    /// Allocation regressions on the steady-state paths, counted with GC.GetAllocatedBytesForCurrentThread after warm-up
    /// (no timings). Everything runs on this one thread: the in-memory transport, both endpoints and their ticks.
    /// Measured regions call no lambdas of their own and build no strings, so the only bytes counted are FrameIPC's;
    /// a window ends either in <see cref="AllocationRig.AssertNothingAllocatedSince"/> or in a running total kept in a local.
    /// </summary>
    [TestFixture]
    public class AllocationTests
    {
        private const int WarmUpRounds = 200;
        private const int MeasuredRounds = 50;
        private const int MessagesPerTick = 64;
        private const string Health = "hud:health";
        private const string Double = "math:double";
        private const string State = "hud:state";
        private const string Never = "work:never";

        private int _received;
        private long _sum;

        [SetUp]
        public void ResetCounts()
        {
            _received = 0;
            _sum = 0;
        }

        [Test]
        public void EmptyTick_WithAReadyViewAndNoTraffic_AllocatesNothing()
        {
            using (var rig = AllocationRig.Create())
            {
                for (int i = 0; i < WarmUpRounds; i++) rig.TickAll();

                long before = AllocationRig.Allocated();
                for (int i = 0; i < MeasuredRounds; i++) rig.Main.Tick();
                AllocationRig.AssertNothingAllocatedSince(before, "ipcMain.Tick() with nothing queued, 50 times");

                before = AllocationRig.Allocated();
                for (int i = 0; i < MeasuredRounds; i++) rig.View.Tick();
                AllocationRig.AssertNothingAllocatedSince(before, "renderer.Tick() with nothing queued, 50 times");
            }
        }

        [Test]
        public void EmptyTick_WithNoViews_AllocatesNothing()
        {
            AllocationRig.IgnoreUnlessTheCounterCounts();
            using (var main = new IpcMain())
            {
                for (int i = 0; i < WarmUpRounds; i++) main.Tick();

                long before = AllocationRig.Allocated();
                for (int i = 0; i < MeasuredRounds; i++) main.Tick();
                AllocationRig.AssertNothingAllocatedSince(before, "ipcMain.Tick() with no view, 50 times");
            }
        }

        [Test]
        public void SteadyStateSend_OfPrimitiveArgs_BatchedPerTick_AllocatesNothingInTheEngineTick()
        {
            using (var rig = AllocationRig.Create())
            {
                rig.Main.On(Health, OnHealth);
                for (int i = 0; i < WarmUpRounds; i++)
                {
                    QueueSends(rig, MessagesPerTick);
                    rig.Main.Tick();
                }
                ResetCounts();

                long total = 0;
                for (int round = 0; round < MeasuredRounds; round++)
                {
                    // The view's encode and the transport's copy happen here, outside the measurement: the engine side is the tick.
                    QueueSends(rig, MessagesPerTick);
                    long before = AllocationRig.Allocated();
                    rig.Main.Tick();
                    total += AllocationRig.Allocated() - before;
                }

                Assert.That(_received, Is.EqualTo(MeasuredRounds * MessagesPerTick), "every queued message was dispatched");
                Assert.That(_sum, Is.EqualTo(188L * MeasuredRounds * MessagesPerTick), "the arguments arrived intact");
                Assert.That(total, Is.EqualTo(0), "bytes allocated by ipcMain.Tick() for " + MeasuredRounds * MessagesPerTick + " sends");
            }
        }

        [Test]
        public void SteadyStateSend_OfPrimitiveArgs_OneFramePerMessage_AllocatesNothingInTheEngineTick()
        {
            using (var rig = AllocationRig.Create())
            {
                rig.Main.On(Health, OnHealth);
                for (int i = 0; i < WarmUpRounds; i++)
                {
                    QueueSends(rig, 1);
                    rig.Main.Tick();
                }
                ResetCounts();

                long total = 0;
                for (int round = 0; round < MeasuredRounds; round++)
                {
                    QueueSends(rig, 1);
                    long before = AllocationRig.Allocated();
                    rig.Main.Tick();
                    total += AllocationRig.Allocated() - before;
                }

                Assert.That(_received, Is.EqualTo(MeasuredRounds));
                Assert.That(total, Is.EqualTo(0), "bytes allocated by ipcMain.Tick() for " + MeasuredRounds + " single-message frames");
            }
        }

        [Test]
        public void SteadyStateSend_OfAnObject_AllocatesOnlyWhatTheDecodeNeedsInTheEngineTick()
        {
            using (var rig = AllocationRig.Create())
            {
                rig.Main.On<Payload>(State, OnState);
                for (int i = 0; i < WarmUpRounds; i++)
                {
                    QueueStates(rig, MessagesPerTick);
                    rig.Main.Tick();
                }
                ResetCounts();

                long total = 0;
                for (int round = 0; round < MeasuredRounds; round++)
                {
                    QueueStates(rig, MessagesPerTick);
                    long before = AllocationRig.Allocated();
                    rig.Main.Tick();
                    total += AllocationRig.Allocated() - before;
                }

                // The object and its string (~130 B on .NET), Newtonsoft's per-call reader and its boxed numbers (~240 B):
                // anything beyond means the frame or the envelope started being copied per message.
                Assert.That(_received, Is.EqualTo(MeasuredRounds * MessagesPerTick), "every queued message was dispatched");
                Assert.That(_sum, Is.EqualTo(87L * MeasuredRounds * MessagesPerTick), "the payload arrived intact");
                Assert.That(total / (double)(MeasuredRounds * MessagesPerTick), Is.LessThanOrEqualTo(512), "bytes per message");
            }
        }

        [Test]
        public void InvokeRoundTrip_IntToInt_AllocatesNothingOnEitherSide()
        {
            using (var rig = AllocationRig.Create())
            {
                rig.Main.Handle(Double, DoubleIt);
                for (int i = 0; i < WarmUpRounds; i++)
                {
                    Assert.That(rig.Complete(rig.View.InvokeAsync<int, int>(Double, i)), Is.EqualTo(i * 2));
                }

                long checksum = 0;
                long before = AllocationRig.Allocated();
                for (int round = 0; round < MeasuredRounds; round++)
                {
                    checksum += rig.Complete(rig.View.InvokeAsync<int, int>(Double, round));
                }
                AllocationRig.AssertNothingAllocatedSince(before, "50 invoke round trips (int → int), both sides");

                Assert.That(checksum, Is.EqualTo((long)MeasuredRounds * (MeasuredRounds - 1)), "every invoke was answered");
            }
        }

        [Test]
        public void InvokeRoundTrip_EngineSideAlone_AllocatesNothing()
        {
            using (var rig = AllocationRig.Create())
            {
                rig.Main.Handle(Double, DoubleIt);
                for (int i = 0; i < WarmUpRounds; i++) rig.Complete(rig.View.InvokeAsync<int, int>(Double, i));

                long total = 0;
                for (int round = 0; round < MeasuredRounds; round++)
                {
                    ValueTask<int> call = rig.View.InvokeAsync<int, int>(Double, round);
                    rig.View.Tick();
                    long before = AllocationRig.Allocated();
                    rig.Main.Tick();
                    total += AllocationRig.Allocated() - before;
                    Assert.That(rig.Complete(call), Is.EqualTo(round * 2));
                }

                Assert.That(total, Is.EqualTo(0), "bytes allocated by ipcMain.Tick() answering " + MeasuredRounds + " invokes");
            }
        }

        [Test]
        public void IdleTick_WithInvokesPendingAndRunningBothWays_AllocatesNothing()
        {
            const int Pending = 1000;
            var calls = new ValueTask<int>[2 * Pending];
            using (var rig = AllocationRig.Create())
            {
                rig.Main.Handle<int>(Never, NeverAnswer);
                rig.View.Handle<int>(Never, NeverAnswer);
                var contents = rig.Main.Views[0];
                for (int i = 0; i < Pending; i++)
                {
                    calls[2 * i] = contents.InvokeAsync<int>(Never);
                    calls[2 * i + 1] = rig.View.InvokeAsync<int>(Never);
                }
                for (int i = 0; i < WarmUpRounds; i++) rig.TickAll();
                Assert.That(rig.Main.PendingInvokes, Is.EqualTo(Pending), "the engine's invokes are still pending");
                Assert.That(contents.Connection.RunningHandlers, Is.EqualTo(Pending), "the view's invokes still run on the engine");

                long before = AllocationRig.Allocated();
                for (int i = 0; i < MeasuredRounds; i++)
                {
                    rig.Main.Tick();
                    rig.View.Tick();
                }
                AllocationRig.AssertNothingAllocatedSince(before, "50 idle ticks of each side with 1,000 invokes pending and 1,000 running each way");
            }
            // Closing rejected every one of them: observing each returns its pooled source.
            for (int i = 0; i < calls.Length; i++)
                Assert.That(calls[i].AsTask().IsFaulted, Is.True);
        }

        private static readonly Task<int> NeverDone = new TaskCompletionSource<int>().Task;

        private static Task<int> NeverAnswer(IpcMainInvokeEvent e, System.Threading.CancellationToken token) => NeverDone;

        private static void QueueStates(AllocationRig rig, int count)
        {
            for (int i = 0; i < count; i++) rig.View.Send(State, Payload.Sample);
            rig.View.Tick();
        }

        private void OnState(IpcEvent e, Payload state)
        {
            _sum += state.Name == Payload.Sample.Name ? state.Hp : 0;
            _received++;
        }

        private static void QueueSends(AllocationRig rig, int count)
        {
            for (int i = 0; i < count; i++) rig.View.Send(Health, 87, 100, true);
            rig.View.Tick();
        }

        private void OnHealth(IpcEvent e)
        {
            _sum += e.Arg<int>(0) + e.Arg<int>(1) + (e.Arg<bool>(2) ? 1 : 0);
            _received++;
        }

        private static int DoubleIt(IpcMainInvokeEvent e) => e.Arg<int>(0) * 2;

        /// <summary>The benchmarks' ~100-character payload.</summary>
        public sealed class Payload
        {
            public static readonly Payload Sample = new Payload
            {
                Hp = 87, MaxHp = 100, Ammo = 30, X = 12.5, Y = -3.25, Alive = true, Name = "Ranger Seven of the North",
            };

            public int Hp { get; set; }
            public int MaxHp { get; set; }
            public int Ammo { get; set; }
            public double X { get; set; }
            public double Y { get; set; }
            public bool Alive { get; set; }
            public string Name { get; set; } = "";
        }
    }
}
