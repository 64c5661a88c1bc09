using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.WebSockets;
using System.Threading.Tasks;
using FrameIpc.TestSupport;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>The dev server's guard rails and HTTP side, with a bare WebSocket client (no browser needed).</summary>
    [TestFixture]
    public sealed class DevServerTests
    {
        private const int MaxFrameChars = 1024;
        private IpcMain _main;
        private EngineLoop _engine;
        private WebSocketDevServer _server;
        private long _outstandingBefore;

        [SetUp]
        public void StartServer()
        {
            _outstandingBefore = IpcPools.Outstanding;
            _main = new IpcMain(new IpcOptions { MaxFrameChars = MaxFrameChars });
            _engine = new EngineLoop(_main);
            _server = new WebSocketDevServer(_main, new WebSocketDevServerOptions { Enabled = true, Port = 0, StaticFilesRoot = BrowserSuite.PagesDir });
            _server.Start();
        }

        [TearDown]
        public async Task StopServer()
        {
            _server.Stop();
            await _engine.Run(() => { _engine.Ticking = false; _main.Dispose(); });
            _engine.Dispose();
            Assert.That(_engine.TickFailure, Is.Null);
            await BrowserSuite.Until(() => IpcPools.Outstanding == _outstandingBefore, "every pooled object and buffer to be returned");
        }

        private string SocketUrl(string token) => _server.WebSocketUrl + "?token=" + Uri.EscapeDataString(token);

        [Test]
        public void Start_WhenNotEnabled_ThrowsSayingHowToEnable()
        {
            using var server = new WebSocketDevServer(_main);

            var error = Assert.Throws<InvalidOperationException>(() => server.Start());

            Assert.That(error.Message, Does.Contain("Enabled = true"));
        }

        [TestCase("0.0.0.0")]
        [TestCase("192.168.1.20")]
        [TestCase("example.com")]
        [TestCase("*")]
        public void NonLoopbackHost_IsRefused(string host)
        {
            var error = Assert.Throws<ArgumentException>(() => new WebSocketDevServer(_main, new WebSocketDevServerOptions { Enabled = true, Host = host }));

            Assert.That(error.Message, Does.Contain("loopback only"));
        }

        [Test]
        public void Urls_CarryPortTokenAndWebSocketAddress()
        {
            Assert.That(_server.Port, Is.GreaterThan(0));
            Assert.That(_server.Url, Is.EqualTo($"http://127.0.0.1:{_server.Port}/"));
            Assert.That(_server.WebSocketUrl, Is.EqualTo($"ws://127.0.0.1:{_server.Port}/ipc"));
            Assert.That(_server.Token, Has.Length.EqualTo(32));
            Assert.That(_server.PageUrl("ui/index.html"), Is.EqualTo(
                $"http://127.0.0.1:{_server.Port}/ui/index.html?frameipc={Uri.EscapeDataString(_server.WebSocketUrl)}&token={_server.Token}"));
        }

        [Test]
        public async Task WrongToken_IsRefusedWith401()
        {
            using var client = new RawWebSocketClient();

            Assert.That(await client.TryConnectAsync(SocketUrl("not-the-token")), Is.False);
            Assert.That(client.HttpStatus, Is.EqualTo(401));
            Assert.That(_main.Views, Is.Empty);
        }

        [Test]
        public async Task MissingToken_IsRefusedWith401()
        {
            using var client = new RawWebSocketClient();

            Assert.That(await client.TryConnectAsync(_server.WebSocketUrl), Is.False);
            Assert.That(client.HttpStatus, Is.EqualTo(401));
        }

        [Test]
        public async Task ForeignOrigin_IsRefusedWith403()
        {
            using var client = new RawWebSocketClient("http://evil.example");

            Assert.That(await client.TryConnectAsync(SocketUrl(_server.Token)), Is.False);
            Assert.That(client.HttpStatus, Is.EqualTo(403));
            Assert.That(_main.Views, Is.Empty);
        }

        [Test]
        public async Task OwnOrigin_IsAccepted_AndHandshakes()
        {
            using var client = new RawWebSocketClient($"http://localhost:{_server.Port}");

            Assert.That(await client.TryConnectAsync(SocketUrl(_server.Token)), Is.True);
            await client.SendAsync("{\"k\":\"hello\",\"v\":1}");

            Assert.That(await client.ReceiveContainingAsync("\"ready\""), Does.Contain("\"view\":1"));
            Assert.That(_main.Views[0].Origin, Is.EqualTo($"http://localhost:{_server.Port}"));
        }

        [Test]
        public async Task ConfiguredOrigin_IsAccepted()
        {
            using var server = new WebSocketDevServer(_main, new WebSocketDevServerOptions { Enabled = true, Port = 0, AllowedOrigins = new[] { "http://localhost:5173" } });
            server.Start();
            using var allowed = new RawWebSocketClient("http://localhost:5173");
            using var own = new RawWebSocketClient($"http://127.0.0.1:{server.Port}");

            Assert.That(await allowed.TryConnectAsync(server.WebSocketUrl + "?token=" + server.Token), Is.True);
            Assert.That(await own.TryConnectAsync(server.WebSocketUrl + "?token=" + server.Token), Is.False, "AllowedOrigins replaces the defaults");
            Assert.That(own.HttpStatus, Is.EqualTo(403));
        }

        [Test]
        public async Task OversizeFrames_AreRefusedWithALimitError_AndTheConnectionGoesOn()
        {
            await _engine.Run(() => _main.Handle("ping", e => "pong"));
            using var client = new RawWebSocketClient();
            Assert.That(await client.TryConnectAsync(SocketUrl(_server.Token)), Is.True);
            await client.SendAsync("{\"k\":\"hello\",\"v\":1}");
            await client.ReceiveContainingAsync("\"ready\"");

            // Just over the limit (the core measures it), then far over (the transport stops buffering it).
            await client.SendAsync("{\"k\":\"send\",\"ch\":\"big\",\"a\":[\"" + new string('x', MaxFrameChars) + "\"]}");
            Assert.That(await client.ReceiveContainingAsync("LimitError"), Does.Contain("ELIMIT"));
            await client.SendAsync("{\"k\":\"send\",\"ch\":\"big\",\"a\":[\"" + new string('x', MaxFrameChars * 100) + "\"]}");
            Assert.That(await client.ReceiveContainingAsync("LimitError"), Does.Contain("ELIMIT"));
            await client.SendAsync("{\"k\":\"invoke\",\"id\":1,\"ch\":\"ping\",\"a\":[]}");

            Assert.That(await client.ReceiveContainingAsync("\"result\""), Does.Contain("{\"k\":\"result\",\"id\":1,\"r\":\"pong\"}"));
        }

        [Test]
        public async Task Stop_ClosesConnections_AndTheirViewsGoAway()
        {
            using var client = new RawWebSocketClient();
            Assert.That(await client.TryConnectAsync(SocketUrl(_server.Token)), Is.True);
            await client.SendAsync("{\"k\":\"hello\",\"v\":1}");
            await client.ReceiveContainingAsync("\"ready\"");
            var view = _main.Views[0];

            _server.Stop();

            Assert.That(await client.ReceiveAsync(), Is.Null, "the server closes the socket");
            await BrowserSuite.Until(() => view.IsDestroyed, "the view to go away");
        }

        [Test]
        public async Task StaticFiles_AreServed_ButNothingOutsideTheRoot()
        {
            using var http = new HttpClient();

            var page = await http.GetAsync(_server.Url + "test.html");
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Content.Headers.ContentType.MediaType, Is.EqualTo("text/html"));
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("/frameipc/ipc-renderer.js"));

            var script = await http.GetStringAsync(_server.Url + "frameipc/ipc-renderer.js");
            Assert.That(script, Is.EqualTo(ScriptBridgeTransport.RendererScript));

            foreach (var escape in new[] { "%2e%2e/FrameIpc.IntegrationTests.dll", "..%2fFrameIpc.IntegrationTests.dll", "%2e%2e%2f%2e%2e%2fetc/passwd", "missing.html" })
            {
                var response = await http.GetAsync(_server.Url + escape);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), escape);
            }
        }

        [Test]
        public async Task ForeignHostHeader_IsNotServed_SoDnsRebindingFindsNothing()
        {
            using var http = new HttpClient();
            var request = new HttpRequestMessage(HttpMethod.Get, _server.Url + "test.html");
            request.Headers.Host = "rebound.example:" + _server.Port;

            var response = await http.SendAsync(request);

            Assert.That(response.IsSuccessStatusCode, Is.False);
        }

        [Test]
        public async Task NonWebSocketRequest_ToTheSocketPath_Gets400()
        {
            using var http = new HttpClient();

            var response = await http.GetAsync(_server.Url + "ipc?token=" + _server.Token);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        [Test]
        public void RendererScriptText_MatchesIpcRendererJs()
        {
            var root = typeof(DevServerTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false);
            string packageRoot = null;
            foreach (System.Reflection.AssemblyMetadataAttribute a in root) if (a.Key == "PackageRoot") packageRoot = a.Value;
            var js = File.ReadAllText(Path.Combine(packageRoot, "Runtime", "Web", "ipc-renderer.js")).Replace("\r\n", "\n");

            var mjs = File.ReadAllText(Path.Combine(packageRoot, "Runtime", "Web", "ipc-renderer.mjs")).Replace("\r\n", "\n");

            Assert.That(ScriptBridgeTransport.RendererScript.Replace("\r\n", "\n"), Is.EqualTo(js),
                "Runtime/Web/RendererScriptText.cs is stale: run bash .tools/gen-renderer-script.sh");
            Assert.That(RendererScriptText.ModuleSource.Replace("\r\n", "\n"), Is.EqualTo(mjs),
                "Runtime/Web/RendererScriptText.cs is stale: run bash .tools/gen-renderer-script.sh");
        }
    }
}
