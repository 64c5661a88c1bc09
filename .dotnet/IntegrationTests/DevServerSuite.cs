using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>The shared browser tests over the WebSocket dev server, the page served from its StaticFilesRoot.</summary>
    [TestFixture]
    public sealed partial class DevServerSuite : RendererConformance
    {
        internal WebSocketDevServer Server { get; private set; }

        protected override string ExpectedBridge => "websocket";

        protected override Task StartTransportAsync()
        {
            Server = new WebSocketDevServer(Main, new WebSocketDevServerOptions
            {
                Enabled = true, Port = 0, StaticFilesRoot = PagesDir,
                MaxSendQueueChars = HasLargeLimits ? LargeFrameChars * 2 : 4 << 20,
            });
            Server.Start();
            return Task.CompletedTask;
        }

        protected override Task NavigateAsync() => Page.GotoAsync(Server.PageUrl("test.html"));

        /// <summary>Relay is off by default; only the tests of a working relay (named SendTo_...) turn it on.</summary>
        protected override IpcOptions CreateOptions() =>
            WithTestLimits(new IpcOptions { AllowRelay = TestContext.CurrentContext.Test.MethodName?.StartsWith("SendTo_") == true });

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
        public async Task APageOfAnotherLoopbackServer_ImportsTheClientByCors_AndTalksToTheEngine()
        {
            // The page's own server stands in for a Vite dev server; the engine's server allows its origin.
            using var pagesMain = new IpcMain();
            using var pages = new WebSocketDevServer(pagesMain, new WebSocketDevServerOptions { Enabled = true, Port = 0, PersistToken = false, StaticFilesRoot = PagesDir });
            pages.Start();
            string pageOrigin = $"http://127.0.0.1:{pages.Port}";
            using var engine = new WebSocketDevServer(Main, new WebSocketDevServerOptions { Enabled = true, Port = 0, PersistToken = false, AllowedOrigins = new[] { pageOrigin } });
            engine.Start();
            var got = new System.Collections.Concurrent.ConcurrentQueue<string>();
            await Engine.Run(() => Main.On<string>("page:cross-origin", (e, origin) => got.Enqueue(origin)));

            await Page.GotoAsync(pages.Url + "cross-origin.html?client=" + System.Uri.EscapeDataString(engine.Url.TrimEnd('/'))
                + "&frameipc=" + System.Uri.EscapeDataString(engine.WebSocketUrl) + "&token=" + engine.Token);
            View = await NextReadyViewAsync();

            await Until(() => got.Count == 1, "the cross-origin page's send");
            Assert.That(got, Is.EqualTo(new[] { pageOrigin }));
            Assert.That(View.Origin, Is.EqualTo(pageOrigin));
            Assert.That(await Js<bool>("() => window.crossOrigin.loaded"), Is.True);
        }

        [Test]
        public async Task APageOfAnOriginNotAllowed_CannotImportTheClient()
        {
            using var pagesMain = new IpcMain();
            using var pages = new WebSocketDevServer(pagesMain, new WebSocketDevServerOptions { Enabled = true, Port = 0, PersistToken = false, StaticFilesRoot = PagesDir });
            pages.Start();

            await Page.GotoAsync(pages.Url + "cross-origin.html?client=" + System.Uri.EscapeDataString(Server.Url.TrimEnd('/')));

            await UntilPage("() => window.crossOrigin !== undefined");
            Assert.That(await Js<bool>("() => window.crossOrigin.loaded"), Is.False, "no Access-Control-Allow-Origin for a foreign origin");
            Assert.That(Main.Views, Is.Empty);
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

        [Test]
        public async Task RelayOff_SendToIsAnsweredWithAForbiddenError_AndNothingReachesTheOtherPage()
        {
            await LoadAsync();
            var second = await Context.NewPageAsync();
            await second.GotoAsync(Server.PageUrl("test.html"));
            int secondId = (await NextReadyViewAsync()).Id;
            await second.EvaluateAsync("() => { window.peer = []; ipcRenderer.on('peer', (event, text) => window.peer.push(text)); }");
            await Js("() => { window.errors = []; ipcRenderer.onerror = e => window.errors.push(e.name + ' ' + e.code + ': ' + e.message); }");

            await Js($"() => ipcRenderer.sendTo({secondId}, 'peer', 'hello')");

            await UntilPage("() => window.errors.length === 1");
            Assert.That(await Js<string>("() => window.errors[0]"),
                Is.EqualTo($"ForbiddenError EFORBIDDEN: Cannot relay 'peer' to view {secondId}: relay between views is off (IpcOptions.AllowRelay)"));
            Assert.That(await second.EvaluateAsync<int>("() => window.peer.length"), Is.EqualTo(0));
        }
    }
}
