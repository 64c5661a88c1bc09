using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace FrameIpc.Tests.Reliability
{
    /// <summary>The C# renderer under fuzz: an <see cref="IpcRenderer"/> and a raw engine end that speaks frames to it.</summary>
    internal sealed class RendererFuzzTarget : FuzzTarget, IFrameReceiver
    {
        private readonly IFrameTransport _engineEnd;
        private readonly List<string> _received = new List<string>();

        public RendererFuzzTarget(IpcOptions options)
        {
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            _engineEnd = engineEnd;
            _engineEnd.Start(this);
            Renderer = new IpcRenderer(viewEnd, options);
            Renderer.Diagnostic += d => Diagnostics.Add(d);
            Renderer.Ready += r => ReadyEvents++;
            Register(Renderer);
            Renderer.Connect();
            Feed("{\"k\":\"ready\",\"v\":1,\"view\":1}");
            Renderer.Tick();
            if (!Renderer.IsReady) throw new InvalidOperationException("the renderer's handshake failed");
            _received.Clear();
            Diagnostics.Clear();
            ReadyEvents = 0;
        }

        public IpcRenderer Renderer { get; }
        public override List<string> PeerReceived => _received;
        public override int QueuedFrames => Renderer.Connection.QueuedFrames;
        public override void Feed(string frame) => _engineEnd.Send(frame.AsSpan());
        public override void Tick() => Renderer.Tick();

        protected override Task<int> StartInvoke(string channel, TimeSpan timeout) =>
            Renderer.InvokeAsync<int>(channel, new IpcInvokeOptions(timeout)).AsTask();

        public void OnFrame(ReadOnlySpan<char> frame) => _received.Add(frame.ToString());

        public void OnClosed(string reason) { }

        public override void Dispose()
        {
            _engineEnd.Dispose();
            Renderer.Dispose();
        }
    }
}
