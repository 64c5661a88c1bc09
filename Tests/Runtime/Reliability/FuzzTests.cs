using System;
using System.Globalization;
using System.Linq;
using NUnit.Framework;

namespace FrameIpc.Tests.Reliability
{
    /// <summary>
    /// Seeded fuzzing of both endpoints with adversarial frames (10,000 per side by default). The seed is printed; set
    /// FRAMEIPC_FUZZ_SEED to replay a run (or to try a new one) and FRAMEIPC_FUZZ_FRAMES to change its length.
    /// </summary>
 
    public class FuzzTests
    {
        /// <summary>Fixed by default so every run (and CI) is the same; override to explore.</summary>
        public const int DefaultSeed = 20261201;
        public const int DefaultFrames = 10_000;

        internal static int Seed => EnvInt("FRAMEIPC_FUZZ_SEED", DefaultSeed);
        internal static int FrameCount => EnvInt("FRAMEIPC_FUZZ_FRAMES", DefaultFrames);

        /// <summary>Small limits, so oversize and too-deep frames cost little to make; the tick is never split by time.</summary>
        private static IpcOptions Options() => new IpcOptions
        {
            MaxFrameChars = 16 * 1024,
            MaxDepth = 32,
            TickTimeBudget = TimeSpan.FromSeconds(30),
        };

        [Test]
        public void TheEngineSurvivesAdversarialFramesWithAClearOutcomeForEach()
        {
            long before = IpcPools.Outstanding;
            var options = Options();
            var target = new EngineFuzzTarget(options);
            var driver = new FuzzDriver(target, Seed, "engine");
            driver.Run(new FrameFuzzer(Seed, toEngine: true, options, target.StartPendingInvoke), FrameCount);
            Report(driver);

            // A real renderer attached after the storm still gets through, both ways.
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            var contents = target.Main.Attach(engineEnd);
            var view = new IpcRenderer(viewEnd, options);
            view.Handle("page:ping", e => "pong");
            view.Connect();
            var fromView = view.InvokeAsync<int, int, int>("fuzz:sum", 20, 22).AsTask();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!(fromView.IsCompleted && contents.IsReady) && DateTime.UtcNow < deadline) { view.Tick(); target.Main.Tick(); view.Tick(); }
            var fromEngine = contents.InvokeAsync<string>("page:ping").AsTask();
            while (!fromEngine.IsCompleted && DateTime.UtcNow < deadline) { view.Tick(); target.Main.Tick(); view.Tick(); }
            view.Dispose();
            target.Dispose();

            Assert.That(driver.Failures, Is.Empty, string.Join("\n", driver.Failures));
            Assert.That(driver.Frames, Is.EqualTo(FrameCount));
            Assert.That(fromView.Result, Is.EqualTo(42), "a renderer attached after the fuzz invokes the engine");
            Assert.That(fromEngine.Result, Is.EqualTo("pong"), "and the engine invokes it");
            Assert.That(IpcPools.Outstanding, Is.EqualTo(before), "every pooled object came back");
        }

        [Test]
        public void TheRendererSurvivesAdversarialFramesWithAClearOutcomeForEach()
        {
            long before = IpcPools.Outstanding;
            var options = Options();
            var target = new RendererFuzzTarget(options);
            var driver = new FuzzDriver(target, Seed, "renderer");
            driver.Run(new FrameFuzzer(Seed, toEngine: false, options, target.StartPendingInvoke), FrameCount);
            Report(driver);
            target.Dispose();

            Assert.That(driver.Failures, Is.Empty, string.Join("\n", driver.Failures));
            Assert.That(driver.Frames, Is.EqualTo(FrameCount));
            Assert.That(target.Pending.Values.All(t => t.IsCompleted), Is.True, "disposal settled every invoke still pending");
            Assert.That(IpcPools.Outstanding, Is.EqualTo(before), "every pooled object came back");
        }

        private static void Report(FuzzDriver driver)
        {
            TestContext.WriteLine($"seed {Seed}: {driver.Frames} frames, {driver.LivenessChecks} liveness checks, {driver.Failures.Count} failures, {driver.Elapsed.TotalMilliseconds:F0} ms");
            TestContext.WriteLine("  by category: " + string.Join(", ", driver.PerCategory.OrderBy(p => p.Key).Select(p => p.Key + " " + p.Value)));
            TestContext.WriteLine("  diagnostics: " + string.Join(", ", driver.PerDiagnostic.OrderBy(p => p.Key.ToString()).Select(p => p.Key + " " + p.Value)));
        }

        private static int EnvInt(string name, int fallback)
        {
            var text = Environment.GetEnvironmentVariable(name);
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : fallback;
        }
    }
}
