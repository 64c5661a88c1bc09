using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace FrameIpc.Tests.Reliability
{
    /// <summary>The engine side under fuzz: an <see cref="IpcMain"/> and a raw view that speaks frames to it.</summary>
    internal sealed class EngineFuzzTarget : FuzzTarget
    {
        private readonly RawView _raw;

        public EngineFuzzTarget(IpcOptions options)
        {
            Main = new IpcMain(options);
            Main.Diagnostic += d => Diagnostics.Add(d);
            Register(Main);
            _raw = new RawView(Main);
            Main.Tick();
            if (!_raw.Contents.IsReady) throw new InvalidOperationException("the raw view's handshake failed");
            _raw.Received.Clear();
            Diagnostics.Clear();
        }

        public IpcMain Main { get; }
        public override List<string> PeerReceived => _raw.Received;
        public override int QueuedFrames => Main.QueuedFrames;
        public override void Feed(string frame) => _raw.Send(frame);
        public override void Tick() => Main.Tick();

        protected override Task<int> StartInvoke(string channel, TimeSpan timeout) =>
            _raw.Contents.InvokeAsync<int>(channel, new IpcInvokeOptions(timeout)).AsTask();

        public override void Dispose()
        {
            _raw.Close();
            Main.Dispose();
        }
    }
}
