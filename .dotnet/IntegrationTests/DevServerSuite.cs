using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>The shared browser tests over the WebSocket dev server, the page served from its StaticFilesRoot.</summary>
    [TestFixture]
    public sealed class DevServerSuite : RendererConformance
    {
        internal WebSocketDevServer Server { get; private set; }

        protected override string ExpectedBridge => "websocket";

        protected override Task StartTransportAsync()
        {
            Server = new WebSocketDevServer(Main, new WebSocketDevServerOptions { Enabled = true, StaticFilesRoot = PagesDir });
            Server.Start();
            return Task.CompletedTask;
        }

        protected override Task NavigateAsync() => Page.GotoAsync(Server.PageUrl("test.html"));

        protected override void StopTransport() => Server?.Stop();

        protected override Task UntilAttachedAsync() => Until(() => Main.Views.Count > 0, "the page's WebSocket to be accepted");
    }
}
