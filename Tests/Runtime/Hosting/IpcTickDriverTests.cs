using System;
using FrameIpc.Tests.Performance;
using NUnit.Framework;

namespace FrameIpc.Tests.Hosting
{
    public class IpcTickDriverTests
    {
        [Test]
        public void RegisteringTwiceTicksOnce()
        {
            using var rig = new IpcRig();
            var driver = new IpcTickDriver();
            Assert.That(driver.Register(rig.Main), Is.True);
            Assert.That(driver.Register(rig.Main), Is.False);
            driver.Tick();
            Assert.That(rig.Main.TickCount, Is.EqualTo(1));
        }

        [Test]
        public void AnEngineDisposedWhileRegisteredIsDroppedAndTheOthersTick()
        {
            using var alive = new IpcRig();
            var gone = new IpcMain();
            var driver = new IpcTickDriver();
            var errors = 0;
            driver.Error += (m, ex) => errors++;
            driver.Register(gone);
            driver.Register(alive.Main);
            gone.Dispose();
            driver.Tick();
            driver.Tick();
            Assert.That(driver.Mains, Is.EqualTo(new[] { alive.Main }));
            Assert.That(alive.Main.TickCount, Is.EqualTo(2));
            Assert.That(errors, Is.EqualTo(0), "a disposed engine is a normal end, not an error");
        }

        [Test]
        public void DrainRunsTicksUntilTheBacklogIsGone()
        {
            using var rig = new IpcRig(new IpcOptions { MaxMessagesPerTick = 2, TickTimeBudget = TimeSpan.FromSeconds(30) });
            var (_, view) = rig.AddView();
            int got = 0;
            rig.Main.On("n", e => got++);
            for (int i = 0; i < 7; i++) view.Send("n", i);
            view.Tick();
            var driver = new IpcTickDriver();
            driver.Register(rig.Main);
            int ticks = driver.Drain(maxTicks: 100);
            Assert.That(got, Is.EqualTo(7));
            Assert.That(ticks, Is.InRange(4, 100));
            Assert.That(rig.Main.QueuedFrames, Is.EqualTo(0));
        }

        [Test]
        public void DrainStopsAtItsLimit()
        {
            using var rig = new IpcRig(new IpcOptions { MaxMessagesPerTick = 1, TickTimeBudget = TimeSpan.FromSeconds(30) });
            var (_, view) = rig.AddView();
            for (int i = 0; i < 5; i++) view.Send("n", i);
            view.Tick();
            var driver = new IpcTickDriver();
            driver.Register(rig.Main);
            Assert.That(driver.Drain(maxTicks: 2), Is.EqualTo(2));
            Assert.That(rig.Main.QueuedFrames, Is.GreaterThan(0));
            Assert.Throws<ArgumentOutOfRangeException>(() => driver.Drain(0));
            driver.Drain(100);
        }

        [Test]
        public void AnIdleTickAllocatesNothing()
        {
            AllocationRig.IgnoreUnlessTheCounterCounts();
            using var b = new IpcMain();
            using var a = new IpcRig();
            a.AddView();
            var driver = new IpcTickDriver();
            driver.Register(a.Main);
            driver.Register(b);
            for (int i = 0; i < 10; i++) driver.Tick();
            long before = AllocationRig.Allocated();
            for (int i = 0; i < 1000; i++) driver.Tick();
            // Read before the assertion is built: Assert.That(..., Is.EqualTo(0)) would count its own box in Release.
            AllocationRig.AssertNothingAllocatedSince(before, "an idle IpcTickDriver.Tick(), 1000 times");
        }
    }
}
