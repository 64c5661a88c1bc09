using System.IO;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FrameIpc.Benchmarks
{
    /// <summary>Counts the benchmarks that did not run to completion, so the program's exit code can say so.</summary>
    public static class SummaryCheck
    {
        public static int Failures(Summary[] summaries, TextWriter log)
        {
            int failures = 0;
            if (summaries.Length == 0)
            {
                log.WriteLine("FrameIpc.Benchmarks: no benchmark matched the filter.");
                return 1;
            }
            foreach (Summary summary in summaries)
            {
                if (summary.HasCriticalValidationErrors)
                {
                    log.WriteLine($"FrameIpc.Benchmarks: {summary.Title} has critical validation errors.");
                    failures++;
                }
                foreach (BenchmarkCase benchmark in summary.BenchmarksCases)
                {
                    BenchmarkReport? report = summary[benchmark];
                    if (report == null || !report.Success || report.ResultStatistics == null)
                    {
                        log.WriteLine($"FrameIpc.Benchmarks: FAILED {benchmark.DisplayInfo}");
                        failures++;
                    }
                }
            }
            log.WriteLine(failures == 0
                ? "FrameIpc.Benchmarks: every benchmark ran."
                : $"FrameIpc.Benchmarks: {failures} benchmark(s) failed.");
            return failures;
        }
    }
}
