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
            Server = new WebSocketDevServer(Main, new WebSocketDevServerOptions { Enabled = true, Port = 0, StaticFilesRoot = PagesDir });
            Server.Start();
            return Task.CompletedTask;
        }

        protected override Task NavigateAsync() => Page.GotoAsync(Server.PageUrl("test.html"));

        protected override void StopTransport() => Server?.Stop();

        protected override Task UntilAttachedAsync() => Until(() => Main.Views.Count > 0, "the page's WebSocket to be accepted");

        [Test]
        public async Task EsModuleEntry_ImportsTheSameRenderer_AndTalksToTheEngine()
        {
            var got = new System.Collections.Concurrent.ConcurrentQueue<string>();
            await Engine.Run(() => Main.On<string>("page:module", (e, text) => got.Enqueue(text)));

            await Page.GotoAsync(Server.PageUrl("module.html"));
            View = await NextReadyViewAsync();

            await Until(() => got.Count == 1, "the module page's send");
            Assert.That(got, Is.EqualTo(new[] { "hello from a module" }));
            Assert.That(await Js<bool>("() => window.moduleIpc.sameInstance && window.moduleIpc.hasIpcError"), Is.True);
        }

        [Test]
        public async Task SendTo_RelaysBetweenTwoPages_AndTheSenderFacadeAnswersTheOtherPage()
        {
            int firstId = await LoadAsync();
            var second = await Context.NewPageAsync();
            await second.GotoAsync(Server.PageUrl("test.html"));
            int secondId = (await NextReadyViewAsync()).Id;
            Assert.That(await second.EvaluateAsync<int>("() => ipcRenderer.ready"), Is.EqualTo(secondId));
            await second.EvaluateAsync(@"() => { window.peer = [];
                ipcRenderer.on('peer', (event, text) => { window.peer.push(event.senderId + ':' + text); event.sender.send('peer:back', 'hi ' + event.senderId); }); }");
            await Js("() => { window.back = []; ipcRenderer.on('peer:back', (event, text) => window.back.push(event.senderId + ':' + text)); }");

            await Js($"() => ipcRenderer.sendTo({secondId}, 'peer', 'hello')");

            await second.WaitForFunctionAsync("() => window.peer.length === 1");
            Assert.That(await second.EvaluateAsync<string>("() => window.peer[0]"), Is.EqualTo(firstId + ":hello"));
            await UntilPage("() => window.back.length === 1");
            Assert.That(await Js<string>("() => window.back[0]"), Is.EqualTo(secondId + ":hi " + firstId));
        }
    }
}
