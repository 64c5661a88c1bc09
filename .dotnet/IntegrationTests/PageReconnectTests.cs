using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using FrameIpc.TestSupport;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>
    /// An engine restart as a web team sees it: the dev server on a fixed port with a fixed token goes away and comes
    /// back as a new process would (a new IpcMain, a new server), and the open page reconnects by itself.
    /// </summary>
    [TestFixture]
    public sealed class PageReconnectTests : BrowserSuite
    {
        private const string Token = "a-token-that-outlives-the-engine";
        private int _port;
        private WebSocketDevServer _server;
        private IpcMain _secondMain;
        private EngineLoop _secondEngine;
        private WebSocketDevServer _secondServer;

        protected override string ExpectedBridge => "websocket";

        protected override Task StartTransportAsync()
        {
            _port = FreePort();
            _server = StartServer(Main);
            return Task.CompletedTask;
        }

        private WebSocketDevServer StartServer(IpcMain main)
        {
            var server = new WebSocketDevServer(main, new WebSocketDevServerOptions { Enabled = true, Port = _port, Token = Token, StaticFilesRoot = PagesDir });
            server.Start();
            return server;
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        protected override Task NavigateAsync() => Page.GotoAsync(_server.PageUrl("test.html"));

        protected override void StopTransport() => _server?.Stop();

        [TearDown]
        public async Task StopSecondEngine()
        {
            _secondServer?.Stop();
            if (_secondMain != null) await _secondEngine.Run(() => { _secondEngine.Ticking = false; _secondMain.Dispose(); });
            _secondEngine?.Dispose();
            _secondServer = null;
            _secondMain = null;
            _secondEngine = null;
        }

        [Test]
        public async Task EngineRestart_OnTheSamePortAndToken_ThePageReconnects_AndWorksAgain()
        {
            await Engine.Run(() => Main.Handle<int>("engine:slow", async (e, ct) => { await Task.Delay(System.Threading.Timeout.Infinite, ct); return 0; }));
            await LoadAsync();
            await Js(@"() => {
                window.states = [];
                ipcRenderer.onConnectionStateChange(c => window.states.push(c.previous + '>' + c.state + (c.state === 'reconnecting' ? ' in ' + c.retryIn : '')));
                window.pending = ipcRenderer.invoke('engine:slow').then(() => 'resolved', e => e.name + '|' + e.code);
                window.aborted = [];
                ipcRenderer.handle('page:forever', (e) => new Promise(() => e.signal.addEventListener('abort', () => window.aborted.push(e.signal.reason.name))));
                ipcRenderer.on('hud:health', () => {});
            }");
            var toPage = Engine.Call(() => View.InvokeAsync<int>("page:forever", new IpcInvokeOptions(TimeSpan.FromSeconds(60))));
            await UntilPage("() => ipcRenderer.listenerCount('hud:health') === 1");

            // The game stops: its server and engine go away.
            _server.Stop();
            await Engine.Run(() => Main.Dispose());
            Assert.That(await RendererConformance.CatchAsync<Exception>(toPage), Is.Not.Null);
            await UntilPage("() => ipcRenderer.connectionState === 'reconnecting'");
            Assert.That(await Js<string>("() => window.pending"), Is.EqualTo("ViewGoneError|EVIEWGONE"));
            await UntilPage("() => window.aborted.length === 1");
            Assert.That(await Js<string>("() => window.aborted[0]"), Is.EqualTo("ViewGoneError"));
            // Sent while the engine is away: held, as before a first handshake.
            await Js("() => ipcRenderer.send('after:restart', 'held while away')");

            // The game starts again on the same port with the same token.
            var held = new ConcurrentQueue<string>();
            _secondMain = new IpcMain();
            _secondEngine = new EngineLoop(_secondMain);
            var ready = new TaskCompletionSource<WebContents>(TaskCreationOptions.RunContinuationsAsynchronously);
            _secondMain.ViewReady += view => ready.TrySetResult(view);
            await _secondEngine.Run(() =>
            {
                _secondMain.On<string>("after:restart", (e, text) => held.Enqueue(text));
                _secondMain.Handle("add", e => e.Arg<int>(0) + e.Arg<int>(1));
            });
            _secondServer = StartServer(_secondMain);

            await RendererConformance.WithDeadline(ready.Task, "the page to reconnect to the restarted engine");
            await UntilPage("() => ipcRenderer.connectionState === 'ready'");
            await Until(() => held.Count == 1, "the send held while the engine was away");
            Assert.That(held, Is.EqualTo(new[] { "held while away" }));
            Assert.That(await Js<int>("() => ipcRenderer.invoke('add', 40, 2)"), Is.EqualTo(42));
            Assert.That(await Js<int>("() => ipcRenderer.viewId"), Is.EqualTo(ready.Task.Result.Id));

            string[] states = await Js<string[]>("() => window.states");
            Assert.That(states[0], Does.StartWith("ready>reconnecting in "));
            Assert.That(states[states.Length - 2], Is.EqualTo("reconnecting>connecting"));
            Assert.That(states[states.Length - 1], Is.EqualTo("connecting>ready"));
            // The connection's own events never mix with the page's channels.
            Assert.That(await Js<string[]>("() => ipcRenderer.eventNames()"), Is.EqualTo(new[] { "welcome", "hud:health" }));
        }
    }
}
