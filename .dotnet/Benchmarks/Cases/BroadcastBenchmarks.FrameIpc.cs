using System;
using BenchmarkDotNet.Attributes;
using FrameIpc.Tests;

namespace FrameIpc.Benchmarks
{
    /// <summary>FrameIPC's row of the broadcast case: ipcMain.Broadcast, the engine's flush, and each of the 4 views' tick.</summary>
    public partial class BroadcastBenchmarks
    {
        private IpcHarness _frameIpc = null!;
        private IpcRenderer[] _frameIpcViews = null!;
        private int _frameIpcReceived;
        private PlayerState? _frameIpcLast;

        partial void SetupFrameIpc()
        {
            _frameIpc = IpcHarness.Connected(ViewCount);
            _frameIpcViews = new IpcRenderer[ViewCount];
            for (int i = 0; i < ViewCount; i++)
            {
                IpcRenderer view = _frameIpcViews[i] = _frameIpc.Links[i].Renderer;
                view.On<PlayerState>(Channel, (e, state) =>
                {
                    _frameIpcLast = state;
                    _frameIpcReceived++;
                });
            }
        }

        partial void CheckFrameIpc()
        {
            _frameIpcReceived = 0;
            FrameIpcBroadcast();
            if (_frameIpcReceived != ViewCount)
            {
                throw new InvalidOperationException($"FrameIPC's broadcast reached {_frameIpcReceived} of {ViewCount} views.");
            }
            PlayerState.Check(_frameIpcLast);
        }

        partial void CleanupFrameIpc() => _frameIpc.Dispose();

        [Benchmark(Description = "FrameIPC broadcast (PlayerState)")]
        public void FrameIpcBroadcast()
        {
            _frameIpc.Main.Broadcast(Channel, PlayerState.Sample);
            _frameIpc.Main.Tick();
            IpcRenderer[] views = _frameIpcViews;
            for (int i = 0; i < views.Length; i++)
            {
                views[i].Tick();
            }
        }
    }
}
