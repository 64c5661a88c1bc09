using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace FrameIpc.Tests.Dispatch
{
    /// <summary>The heap the tick expires invokes from: earliest first, early removal from anywhere, no stale entries.</summary>
    public class DeadlineHeapTests
    {
        private sealed class Entry : DeadlineEntry
        {
            public Entry(long deadline) { DeadlineTimestamp = deadline; }
        }

        [Test]
        public void EntriesComeOutEarliestFirst_AfterRemovalsFromAnywhere()
        {
            var random = new Random(14);
            var heap = new DeadlineHeap();
            var all = new List<Entry>();
            for (int i = 0; i < 5000; i++)
            {
                var e = new Entry(random.Next(0, 1000)); // many equal deadlines on purpose
                all.Add(e);
                heap.Add(e);
            }
            var removed = new HashSet<Entry>();
            for (int i = 0; i < 2000; i++)
            {
                var e = all[random.Next(all.Count)];
                Assert.That(heap.Remove(e), Is.EqualTo(removed.Add(e)), "a second removal of the same entry is a no-op");
                Assert.That(e.HeapIndex, Is.EqualTo(-1));
            }

            long last = long.MinValue;
            int count = 0;
            while (heap.PeekDue(long.MaxValue) is Entry next)
            {
                Assert.That(next.DeadlineTimestamp, Is.GreaterThanOrEqualTo(last));
                Assert.That(removed.Contains(next), Is.False);
                last = next.DeadlineTimestamp;
                Assert.That(heap.Remove(next), Is.True);
                count++;
            }
            Assert.That(count, Is.EqualTo(all.Count - removed.Count));
            Assert.That(heap.Count, Is.EqualTo(0));
        }

        [Test]
        public void PeekDueSaysNothingBeforeTheEarliestDeadline_AndLooksAtOneEntry()
        {
            var heap = new DeadlineHeap();
            for (int i = 0; i < 1000; i++) heap.Add(new Entry(100 + i));
            long visits = heap.Visits;

            Assert.That(heap.PeekDue(99), Is.Null);
            Assert.That(heap.PeekDue(100), Is.Not.Null);
            Assert.That(heap.Visits - visits, Is.EqualTo(2));
        }

        [Test]
        public void AnEntryCannotSitInTwoHeaps_AndClearFreesThemAll()
        {
            var a = new DeadlineHeap();
            var b = new DeadlineHeap();
            var e = new Entry(5);
            a.Add(e);
            Assert.Throws<InvalidOperationException>(() => b.Add(e));
            Assert.That(b.Remove(e), Is.False, "another heap does not hold it");
            a.Clear();
            Assert.That(e.HeapIndex, Is.EqualTo(-1));
            b.Add(e);
            Assert.That(b.Count, Is.EqualTo(1));
        }
    }
}
