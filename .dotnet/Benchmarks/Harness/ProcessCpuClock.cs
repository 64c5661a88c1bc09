using System;
using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace FrameIpc.Benchmarks
{
    /// <summary>
    /// A BenchmarkDotNet clock that reads the CPU time of the whole benchmark process (every thread, GC included),
    /// from Linux's <c>CLOCK_PROCESS_CPUTIME_ID</c>. On a shared 2-core machine the wall clock also counts the time other
    /// processes held the cores; this clock counts only the work done, which is the cost the targets speak of. For work
    /// that hops threads (StreamJsonRpc) it counts every hop's CPU, but not the time spent waiting for a thread to wake.
    /// </summary>
    public sealed class ProcessCpuClock : IClock
    {
        private const int ClockProcessCpuTimeId = 2;
        private static readonly Frequency Nanoseconds = new Frequency(1_000_000_000);

        public string Title => "process CPU time";

        public bool IsAvailable => Available.Value;

        public Frequency Frequency => Nanoseconds;

        public long GetTimestamp()
        {
            clock_gettime(ClockProcessCpuTimeId, out Timespec now);
            return now.Seconds * 1_000_000_000 + now.Nanoseconds;
        }

        private static readonly Lazy<bool> Available = new Lazy<bool>(() =>
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                return false;
            }
            try
            {
                return clock_gettime(ClockProcessCpuTimeId, out _) == 0;
            }
            catch (DllNotFoundException)
            {
                return false;
            }
            catch (EntryPointNotFoundException)
            {
                return false;
            }
        });

        [StructLayout(LayoutKind.Sequential)]
        private struct Timespec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int clock_gettime(int clockId, out Timespec time);
    }
}
