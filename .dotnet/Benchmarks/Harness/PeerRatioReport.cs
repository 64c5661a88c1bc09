using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Reports;

namespace FrameIpc.Benchmarks
{
    /// <summary>
    /// Prints, after a full run, the table Documentation~/performance.md carries: each case's median and allocation,
    /// with FrameIPC's ratio to each peer. BenchmarkDotNet prints a ratio to one baseline only (the floor); the targets
    /// compare against all three peers.
    /// </summary>
    public static class PeerRatioReport
    {
        private const string Floor = "ChannelFloor";
        private const string Unpooled = "UnpooledNewtonsoft";
        private const string Rpc = "StreamJsonRpc";

        public static void Print(IEnumerable<Summary> summaries, TextWriter output, string clock)
        {
            List<BenchmarkReport> reports = summaries.SelectMany(s => s.Reports).Where(r => r.ResultStatistics != null).ToList();
            output.WriteLine();
            output.WriteLine($"Times are {clock} per operation; ratios are of medians (time) and of allocated bytes.");
            output.WriteLine("| case | implementation | median | mean | allocated | time / floor | unpooled time / this | unpooled bytes / this | StreamJsonRpc time / this | StreamJsonRpc bytes / this |");
            output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (IGrouping<string, BenchmarkReport> category in reports.GroupBy(Category))
            {
                BenchmarkReport? floor = Find(category, Floor);
                BenchmarkReport? unpooled = Find(category, Unpooled);
                BenchmarkReport? rpc = Find(category, Rpc);
                foreach (BenchmarkReport report in category)
                {
                    double median = report.ResultStatistics!.Median;
                    long bytes = Bytes(report);
                    output.WriteLine(
                        $"| {category.Key} | {report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'')} | {Time(median)} | {Time(report.ResultStatistics.Mean)} | {bytes:N0} B " +
                        $"| {Ratio(median, floor == null ? (double?)null : floor.ResultStatistics!.Median)} " +
                        $"| {Ratio(unpooled?.ResultStatistics!.Median, median)} | {Ratio(unpooled == null ? (double?)null : Bytes(unpooled), bytes)} " +
                        $"| {Ratio(rpc?.ResultStatistics!.Median, median)} | {Ratio(rpc == null ? (double?)null : Bytes(rpc), bytes)} |");
                }
            }
        }

        private static string Category(BenchmarkReport report) => report.BenchmarkCase.Descriptor.Categories.FirstOrDefault() ?? "";

        private static BenchmarkReport? Find(IEnumerable<BenchmarkReport> reports, string method) =>
            reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);

        private static long Bytes(BenchmarkReport report) => report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;

        private static string Time(double nanoseconds) => nanoseconds >= 1000
            ? (nanoseconds / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " µs"
            : nanoseconds.ToString("0", CultureInfo.InvariantCulture) + " ns";

        private static string Ratio(double? numerator, double? denominator)
        {
            if (numerator == null || denominator == null)
            {
                return "–";
            }
            if (denominator.Value == 0)
            {
                return numerator.Value == 0 ? "1.0×" : "∞";
            }
            return (numerator.Value / denominator.Value).ToString("0.0", CultureInfo.InvariantCulture) + "×";
        }
    }
}
