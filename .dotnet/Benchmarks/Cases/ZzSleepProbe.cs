namespace FrameIpc.Benchmarks { public class ZzSleepProbe { [BenchmarkDotNet.Attributes.Benchmark] public void Sleep() => System.Threading.Thread.Sleep(5); } }
