using System;
using System.IO;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FrameIpc.Benchmarks
{
    /// <summary>The two ways the suite runs: a full measurement, and a dry pass that only proves every benchmark still executes.</summary>
    public static class BenchmarkConfigs
    {
        /// <summary>
        /// The measurement: BenchmarkDotNet's short job (one process per benchmark) with 5 warm-ups and 10 iterations instead
        /// of ShortRun's 3 and 3, since on a 2-core machine medians need more than three samples and the CPU clock counts a
        /// background tier-up; ~4 minutes for the suite on an idle machine. Timed with <see cref="ProcessCpuClock"/> (CPU time, so other processes' load on a shared machine
        /// does not count) unless <paramref name="wallClock"/> or the platform has no such clock.
        /// </summary>
        public static IConfig Full(bool wallClock)
        {
            Job job = Job.ShortRun.WithIterationCount(10).WithWarmupCount(5).WithId("Short10");
            var cpu = new ProcessCpuClock();
            return Common().AddJob(wallClock || !cpu.IsAvailable ? job : job.WithClock(cpu).WithId("Short10Cpu"));
        }

        /// <summary>
        /// CI's pass: <see cref="Job.Dry"/> (each benchmark runs once, no pilot, no warm-up) in this process, so no
        /// per-benchmark build is needed and the whole suite takes well under a minute. Timings are not judged.
        /// </summary>
        public static IConfig Dry() => Common()
            .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Dry"))
            .WithOptions(ConfigOptions.DisableLogFile);

        private static ManualConfig Common()
        {
            ManualConfig config = ManualConfig.Create(DefaultConfig.Instance);
            config.AddDiagnoser(MemoryDiagnoser.Default);
            config.AddColumn(CategoriesColumn.Default, StatisticColumn.Median);
            config.WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared, MethodOrderPolicy.Declared));
            config.WithOptions(ConfigOptions.JoinSummary | ConfigOptions.StopOnFirstError);
            config.AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
            // The artifacts live beside the binaries (under FRAMEIPC_BUILD_ROOT when set), never in the package tree.
            config.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
            return config;
        }
    }
}
