using System;
using System.Collections.Generic;
using System.Threading;
using NUnit.Framework;
using FrameIpc.Tests.Performance;

namespace FrameIpc.Tests.Hosting
{
    public class TickSynchronizationContextTests
    {
        [Test]
        public void APumpRunsWhatWasPostedBeforeItInOrderAndLeavesLaterPostsForTheNext()
        {
            var context = new TickSynchronizationContext();
            var ran = new List<string>();
            context.Post(_ => { ran.Add("a"); context.Post(__ => ran.Add("posted during the pump"), null); }, null);
            context.Post(s => ran.Add((string)s), "b");
            Assert.That(context.Pending, Is.EqualTo(2));
            context.Pump();
            Assert.That(ran, Is.EqualTo(new[] { "a", "b" }));
            Assert.That(context.Pending, Is.EqualTo(1));
            context.Pump();
            Assert.That(ran, Is.EqualTo(new[] { "a", "b", "posted during the pump" }));
        }

        [Test]
        public void ACallbackThatThrowsIsReportedAndTheOthersStillRun()
        {
            var errors = new List<Exception>();
            var context = new TickSynchronizationContext(errors.Add);
            int ran = 0;
            context.Post(_ => throw new InvalidOperationException("bad"), null);
            context.Post(_ => ran++, null);
            context.Pump();
            Assert.That(ran, Is.EqualTo(1));
            Assert.That(errors.Count, Is.EqualTo(1));
            Assert.That(errors[0].Message, Is.EqualTo("bad"));
        }

        [Test]
        public void SendFromAnotherThreadWaitsForThePumpOnTheTickThread()
        {
            var context = new TickSynchronizationContext();
            context.Pump(); // this thread is now the tick thread
            int ranOn = -1;
            var sender = new Thread(() => context.Send(_ => ranOn = Environment.CurrentManagedThreadId, null));
            sender.Start();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (sender.IsAlive && DateTime.UtcNow < deadline)
            {
                context.Pump();
                Thread.Sleep(1);
            }
            sender.Join();
            Assert.That(ranOn, Is.EqualTo(Environment.CurrentManagedThreadId));
            int inline = -1;
            context.Send(_ => inline = Environment.CurrentManagedThreadId, null);
            Assert.That(inline, Is.EqualTo(Environment.CurrentManagedThreadId), "on the tick thread, Send runs at once");
        }

        [Test]
        public void PumpingWithNothingPostedAllocatesNothing()
        {
            using var rig = AllocationRig.Create();
            var context = new TickSynchronizationContext();
            context.Pump();
            long before = AllocationRig.Allocated();
            for (int i = 0; i < 1000; i++) context.Pump();
            AllocationRig.AssertNothingAllocatedSince(before, "1,000 empty pumps");
        }

        [Test]
        public void AnIdleTickOnAThreadWithoutAContextAllocatesNothing()
        {
            using var rig = AllocationRig.Create();
            var outer = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(null);
            try
            {
                rig.TickAll();
                long before = AllocationRig.Allocated();
                for (int i = 0; i < 100; i++) rig.TickAll();
                AllocationRig.AssertNothingAllocatedSince(before, "100 idle ticks that install and remove the tick context");
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(outer);
            }
        }
    }
}
