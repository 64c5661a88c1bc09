#if UNITY_5_3_OR_NEWER
#nullable enable
using Unity.Profiling;

namespace FrameIpc
{
    /// <summary>The Profiler markers of FrameIPC's drivers, so ticks show up by name in the CPU Profiler.</summary>
    public static class FrameIpcProfiling
    {
        /// <summary>Around every <see cref="IpcMain.Tick"/> a driver runs: <c>FrameIpc.Tick</c>.</summary>
        public static readonly ProfilerMarker Tick = new ProfilerMarker("FrameIpc.Tick");
    }
}
#endif
