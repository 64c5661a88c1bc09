using System;
using FrameIpc.Tests.Performance;
using NUnit.Framework;

namespace FrameIpc.Tests
{
    /// <summary>The one copy-on-write set behind listeners, views and ticked engines.</summary>
    public class CopyOnWriteArrayTests
    {
        private sealed class Item
        {
            public readonly string Name;
            public Item(string name) { Name = name; }
            public override bool Equals(object obj) => obj is Item other && other.Name == Name; // equal, yet distinct
            public override int GetHashCode() => Name.GetHashCode();
        }

        [Test]
        public void ASnapshotTakenBeforeAChange_IsNotChangedByIt()
        {
            var set = new CopyOnWriteArray<Item>();
            var a = new Item("a");
            var b = new Item("b");
            set.Add(a);
            set.Add(b);
            var walking = set.Snapshot;

            set.Remove(a);
            set.Add(new Item("c"));

            Assert.That(walking, Is.EqualTo(new[] { a, b }));
            Assert.That(set.Count, Is.EqualTo(2));
            Assert.That(set.Snapshot[0], Is.SameAs(b));
        }

        [Test]
        public void RemoveAndAddIfAbsent_GoByReference_NotByEquals()
        {
            var set = new CopyOnWriteArray<Item>();
            var first = new Item("x");
            var twin = new Item("x");
            Assert.That(set.AddIfAbsent(first), Is.True);
            Assert.That(set.AddIfAbsent(first), Is.False, "the same reference is already in");
            Assert.That(set.AddIfAbsent(twin), Is.True, "an equal but distinct item is another registration");

            Assert.That(set.Remove(twin), Is.True);
            Assert.That(set.Snapshot, Has.Length.EqualTo(1));
            Assert.That(set.Snapshot[0], Is.SameAs(first));
            Assert.That(set.Remove(twin), Is.False, "already gone");
        }

        [Test]
        public void RemoveAll_KeepsOrder_AndSaysHowManyWent()
        {
            var set = new CopyOnWriteArray<Item>();
            var items = new[] { new Item("keep1"), new Item("drop1"), new Item("keep2"), new Item("drop2") };
            foreach (var item in items) set.Add(item);

            int removed = set.RemoveAll(i => i.Name.StartsWith("drop", StringComparison.Ordinal));

            Assert.That(removed, Is.EqualTo(2));
            Assert.That(set.Snapshot, Is.EqualTo(new[] { items[0], items[2] }));
            Assert.That(set.RemoveAll(i => false), Is.EqualTo(0));
            set.Clear();
            Assert.That(set.Count, Is.EqualTo(0));
        }

        [Test]
        public void WalkingTheSnapshot_AllocatesNothing()
        {
            var set = new CopyOnWriteArray<Item>();
            for (int i = 0; i < 8; i++) set.Add(new Item("i" + i));
            int seen = 0;
            seen += set.Snapshot.Length; // warm up

            long before = AllocationRig.Allocated();
            for (int round = 0; round < 100; round++)
            {
                var items = set.Snapshot;
                for (int i = 0; i < items.Length; i++) if (items[i] != null) seen++;
            }
            // Read before any assertion is built: a Release build may allocate Is.EqualTo(0)'s box first (AllocationRig).
            AllocationRig.AssertNothingAllocatedSince(before, "walking a CopyOnWriteArray's snapshot 100 times");
            Assert.That(seen, Is.EqualTo(808));
        }
    }
}
