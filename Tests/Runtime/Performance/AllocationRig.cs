using System;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Performance
{
    /// <summary>
    /// An engine and one ready C# view (an <see cref="IpcHarness"/>), plus the byte counter the allocation tests read.
    /// Measured code must not create closures or delegates itself, so the helpers here take values, not lambdas.
    /// </summary>
    internal sealed class AllocationRig : IDisposable
    {
        private readonly IpcHarness _harness;

        private AllocationRig(IpcHarness harness)
        {
            _harness = harness;
        }

        public IpcMain Main => _harness.Main;

        public IpcRenderer View => _harness.View;

        public static AllocationRig Create()
        {
            IgnoreUnlessTheCounterCounts();
            // A long time slice: a loaded machine must not split a warm-up tick and spill into the measured rounds.
            return new AllocationRig(IpcHarness.Connected(1, new IpcOptions { TickTimeBudget = TimeSpan.FromSeconds(30) }));
        }

        /// <summary>Bytes this thread has allocated so far; precise on .NET (Core) and on Unity's Mono.</summary>
        public static long Allocated() => GC.GetAllocatedBytesForCurrentThread();

        /// <summary>
        /// Fails unless nothing was allocated on this thread since <paramref name="before"/>. The counter is read here, before
        /// anything else happens: when a caller writes <c>Assert.That(Allocated() - before, Is.EqualTo(0))</c>, a Release
        /// build leaves the call on the IL stack and the JIT may allocate the box for <c>0</c> before making it (seen on
        /// .NET 10: 24 bytes counted that were NUnit's). Pass a constant <paramref name="what"/>: a built string would count.
        /// </summary>
        public static void AssertNothingAllocatedSince(long before, string what)
        {
            long bytes = Allocated() - before;
            if (bytes != 0)
            {
                Assert.Fail(what + ": " + bytes + " bytes allocated, expected 0");
            }
        }

        /// <summary>Some runtimes (IL2CPP) report nothing here; then these tests can say nothing and are ignored rather than passed.</summary>
        public static void IgnoreUnlessTheCounterCounts()
        {
            long before = Allocated();
            GC.KeepAlive(new object[8]);
            if (Allocated() - before <= 0)
            {
                Assert.Ignore("GC.GetAllocatedBytesForCurrentThread does not count allocations on this runtime.");
            }
        }

        /// <summary>One frame: view flushes, engine ticks, view receives.</summary>
        public void TickAll() => _harness.TickAll();

        /// <summary>Ticks both sides until the call completes (a round is normally enough) and returns its result.</summary>
        public T Complete<T>(ValueTask<T> call)
        {
            for (int round = 0; round < 10 && !call.IsCompleted; round++)
            {
                TickAll();
            }
            if (!call.IsCompleted)
            {
                // Fails outside any measurement: Assert builds its message only here.
                Assert.Fail("the invoke did not complete within 10 rounds of ticks");
            }
            return call.GetAwaiter().GetResult();
        }

        public void Dispose() => _harness.Dispose();
    }
}
