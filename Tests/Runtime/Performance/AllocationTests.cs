using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Performance
{
    /// <summary>
    /// Allocation regressions on the steady-state paths, counted with GC.GetAllocatedBytesForCurrentThread after warm-up
    /// (no timings). Everything runs on this one thread: the in-memory transport, both endpoints and their ticks.
    /// Measured regions call no lambdas of their own, so the only bytes counted are FrameIPC's.
    /// </summary>
    [TestFixture]
    public class AllocationTests
    {
        private const int WarmUpRounds = 200;
        private const int MeasuredRounds = 50;
        private const int MessagesPerTick = 64;
        private const string Health = "hud:health";
        private const string Double = "math:double";

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
                long engine = AllocationRig.Allocated() - before;

                before = AllocationRig.Allocated();
                for (int i = 0; i < MeasuredRounds; i++) rig.View.Tick();
                long view = AllocationRig.Allocated() - before;

                Assert.That(engine, Is.EqualTo(0), "bytes allocated by ipcMain.Tick() with nothing queued");
                Assert.That(view, Is.EqualTo(0), "bytes allocated by renderer.Tick() with nothing queued");
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
                long bytes = AllocationRig.Allocated() - before;

                Assert.That(bytes, Is.EqualTo(0));
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
                long total = AllocationRig.Allocated() - before;

                Assert.That(checksum, Is.EqualTo((long)MeasuredRounds * (MeasuredRounds - 1)), "every invoke was answered");
                Assert.That(total, Is.EqualTo(0), "bytes allocated by " + MeasuredRounds + " invoke round trips (int → int), both sides");
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

        private static int DoubleIt(IpcEvent e) => e.Arg<int>(0) * 2;
    }
}
