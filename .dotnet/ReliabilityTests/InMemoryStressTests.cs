using System;
using System.Diagnostics;
using System.Threading;
using NUnit.Framework;

namespace FrameIpc.ReliabilityTests
{
    /// <summary>
    /// 1,000,000 messages (after a 100,000 warm-up) from four producer threads, each with its own C# renderer over the
    /// in-memory transport, while the test's thread ticks the engine: none lost, each view's order kept, memory flat,
    /// pools balanced. FRAMEIPC_STRESS_MESSAGES changes the size of the measured run.
    /// </summary>
    [TestFixture]
    public sealed class InMemoryStressTests
    {
        private const int Producers = 4;
        private const int WarmUp = 100_000;

        internal static int Messages => Reliability.EnvInt("FRAMEIPC_STRESS_MESSAGES", 1_000_000);

        [Test]
        public void AMillionMessagesFromFourThreadsArriveAllInOrderWithFlatMemoryAndBalancedPools()
        {
            long outstandingBefore = IpcPools.Outstanding;
            var main = new IpcMain();
            var diagnostics = 0;
            main.Diagnostic += d => { if (d.Kind != IpcDiagnosticKind.Lifecycle) diagnostics++; };
            var producers = new StressProducer[Producers];
            for (int p = 0; p < Producers; p++) producers[p] = new StressProducer(main);
            var counts = new StressCounts(producers);
            main.On<int>("stress:n", counts.OnMessage);
            foreach (var p in producers) p.Connect();
            // Until the producer threads start, this thread is the renderers' one ticking thread as well.
            Pump(main, () => { foreach (var p in producers) p.Tick(); return Array.TrueForAll(producers, p => p.IsReady); }, "every handshake", TimeSpan.FromSeconds(30));

            RunPhase(main, producers, counts, WarmUp);
            long memoryAfterWarmUp = GC.GetTotalMemory(true);
            var clock = Stopwatch.StartNew();
            long ticksBefore = main.TickCount;
            RunPhase(main, producers, counts, Messages);
            clock.Stop();
            long memoryAfterRun = GC.GetTotalMemory(true);

            foreach (var p in producers) p.Dispose();
            Pump(main, () => main.Views.Count == 0, "every view to go away", TimeSpan.FromSeconds(30));
            main.Dispose();

            TestContext.WriteLine($"in-memory stress: {Messages:N0} messages from {Producers} producer threads in {clock.Elapsed.TotalSeconds:F2} s " +
                                  $"({Messages / clock.Elapsed.TotalSeconds:N0} msg/s, {main.TickCount - ticksBefore:N0} ticks), warm-up {WarmUp:N0}; " +
                                  $"lost {counts.Expected - counts.Total}, out of order {counts.OutOfOrder}; " +
                                  $"managed heap {memoryAfterWarmUp / 1024.0 / 1024:F1} MB after warm-up, {memoryAfterRun / 1024.0 / 1024:F1} MB after the run; " +
                                  $"pools outstanding {IpcPools.Outstanding - outstandingBefore}");
            Assert.That(counts.Total, Is.EqualTo((long)WarmUp + Messages), "none lost");
            Assert.That(counts.OutOfOrder, Is.EqualTo(0), "each view's order kept");
            Assert.That(diagnostics, Is.EqualTo(0), "no diagnostics but lifecycle ones");
            Assert.That(memoryAfterRun - memoryAfterWarmUp, Is.LessThan(16L * 1024 * 1024), "memory flat: under 16 MB of growth over the run");
            Assert.That(IpcPools.Outstanding, Is.EqualTo(outstandingBefore), "every pooled object came back");
        }

        /// <summary>
        /// Four producers whose every renderer tick writes about twice what one frame holds (4,000 messages of ~530
        /// characters): each tick leaves as several frames under the engine's limit, and nothing is lost. Before batches
        /// were split, every one of these ticks was refused whole.
        /// </summary>
        [Test]
        public void FourProducersWhoseTicksEachWriteOverAFrameLoseNothing()
        {
            const int flushEvery = 4_000, perProducer = 40_000;
            long outstandingBefore = IpcPools.Outstanding;
            var main = new IpcMain();
            var diagnostics = 0;
            main.Diagnostic += d => { if (d.Kind != IpcDiagnosticKind.Lifecycle) diagnostics++; };
            var payload = new string('p', 500);
            var producers = new StressProducer[Producers];
            for (int p = 0; p < Producers; p++) producers[p] = new StressProducer(main, flushEvery, 3 * flushEvery, payload);
            var counts = new StressCounts(producers);
            main.On<int>("stress:n", counts.OnMessage);
            foreach (var p in producers) p.Connect();
            Pump(main, () => { foreach (var p in producers) p.Tick(); return Array.TrueForAll(producers, p => p.IsReady); }, "every handshake", TimeSpan.FromSeconds(30));

            int framesBefore = 0;
            foreach (var p in producers) framesBefore += p.Writes.Frames;
            RunPhase(main, producers, counts, Producers * perProducer);
            int frames = -framesBefore, flushes = 0, longest = 0;
            foreach (var p in producers)
            {
                frames += p.Writes.Frames;
                flushes += p.Flushes;
                longest = Math.Max(longest, p.Writes.LongestFrame);
            }
            foreach (var p in producers) p.Dispose();
            Pump(main, () => main.Views.Count == 0, "every view to go away", TimeSpan.FromSeconds(30));
            main.Dispose();

            TestContext.WriteLine($"big ticks: {Producers * perProducer:N0} messages in {flushes:N0} renderer ticks that wrote {frames:N0} frames " +
                                  $"(longest {longest:N0} characters, limit {new IpcOptions().MaxFrameChars:N0}); lost {counts.Expected - counts.Total}, out of order {counts.OutOfOrder}");
            Assert.That(frames, Is.GreaterThanOrEqualTo(2 * flushes), "each full tick wrote more than one frame holds, so it left as several");
            Assert.That(longest, Is.LessThanOrEqualTo(new IpcOptions().MaxFrameChars));
            Assert.That(counts.Total, Is.EqualTo(counts.Expected), "none lost");
            Assert.That(counts.OutOfOrder, Is.EqualTo(0), "each view's order kept");
            Assert.That(diagnostics, Is.EqualTo(0), "no diagnostics but lifecycle ones");
            Assert.That(IpcPools.Outstanding, Is.EqualTo(outstandingBefore), "every pooled object came back");
        }

        /// <summary>Each producer sends its share on its own thread while this thread ticks, until all have arrived.</summary>
        private static void RunPhase(IpcMain main, StressProducer[] producers, StressCounts counts, int messages)
        {
            counts.Expected += messages;
            var threads = new Thread[producers.Length];
            for (int p = 0; p < producers.Length; p++)
            {
                int share = messages / producers.Length + (p < messages % producers.Length ? 1 : 0);
                threads[p] = producers[p].Start(share, counts, p);
            }
            Pump(main, () => counts.Total >= counts.Expected, $"{counts.Expected:N0} messages to arrive", TimeSpan.FromSeconds(120));
            foreach (var t in threads) Assert.That(t.Join(TimeSpan.FromSeconds(30)), Is.True, "a producer thread finished");
            foreach (var p in producers) Assert.That(p.Failure, Is.Null, "a producer thread threw");
        }

        /// <summary>A deadline bounds a broken run only: on a loaded 2-core machine the run may take its time.</summary>
        private static void Pump(IpcMain main, Func<bool> until, string what, TimeSpan limit)
        {
            var deadline = DateTime.UtcNow + limit;
            while (!until())
            {
                if (DateTime.UtcNow > deadline) Assert.Fail($"{what} did not happen within {limit.TotalSeconds:F0} s");
                main.Tick();
                if (main.LastTickMessages == 0) Thread.Yield();
            }
        }
    }
}
