using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using FrameIpc.TestSupport;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>
    /// Issue 9, engine side of "the page survives an engine restart": a fixed port, a token kept per project across runs
    /// (and rotatable), and a log that says why an upgrade was refused.
    /// </summary>
    [TestFixture]
    public sealed class DevServerRestartTests
    {
        private IpcMain _main;
        private EngineLoop _engine;
        private string _tokenFile;
        private readonly List<string> _log = new List<string>();
        private readonly List<WebSocketDevServer> _servers = new List<WebSocketDevServer>();

        [SetUp]
        public void StartEngine()
        {
            _main = new IpcMain();
            _engine = new EngineLoop(_main);
            _tokenFile = Path.Combine(Path.GetTempPath(), "frameipc-token-" + Guid.NewGuid().ToString("N"), "project.token");
        }

        [TearDown]
        public async Task StopEngine()
        {
            foreach (var server in _servers) server.Stop();
            _servers.Clear();
            await _engine.Run(() => { _engine.Ticking = false; _main.Dispose(); });
            _engine.Dispose();
            lock (_log) _log.Clear();
            if (Directory.Exists(Path.GetDirectoryName(_tokenFile))) Directory.Delete(Path.GetDirectoryName(_tokenFile), recursive: true);
        }

        private WebSocketDevServer Server(int port, string tokenFile = null, IList<string> origins = null)
        {
            var server = new WebSocketDevServer(_main, new WebSocketDevServerOptions { Enabled = true, Port = port, TokenFile = tokenFile ?? _tokenFile, AllowedOrigins = origins });
            server.Log += line => { lock (_log) _log.Add(line); };
            _servers.Add(server);
            return server;
        }

        private static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private void AssertLogged(string text)
        {
            lock (_log) Assert.That(_log, Has.Some.Contains(text), string.Join("\n", _log));
        }

        private static async Task<RawWebSocketClient> HandshakeAsync(string url)
        {
            var client = new RawWebSocketClient();
            Assert.That(await client.TryConnectAsync(url), Is.True, url);
            await client.SendAsync("{\"k\":\"hello\",\"v\":1}");
            await client.ReceiveContainingAsync("\"ready\"");
            return client;
        }

        [Test]
        public void ThePortIsFixedByDefault_AndZeroStillPicksAFreeOne()
        {
            Assert.That(new WebSocketDevServerOptions().Port, Is.EqualTo(WebSocketDevServerOptions.DefaultPort));
            Assert.That(WebSocketDevServerOptions.DefaultPort, Is.EqualTo(21820));

            var any = Server(0);
            any.Start();
            Assert.That(any.Port, Is.GreaterThan(0));
        }

        [Test]
        public void APortInUseIsOneLineSayingSo()
        {
            var taken = new TcpListener(IPAddress.Loopback, 0);
            taken.Start();
            try
            {
                int port = ((IPEndPoint)taken.LocalEndpoint).Port;
                var server = Server(port);

                var error = Assert.Throws<InvalidOperationException>(() => server.Start());

                Assert.That(error.Message, Does.Contain($"127.0.0.1:{port}: the port is in use"));
                Assert.That(error.Message, Does.Not.Contain("\n"));
                Assert.That(server.IsRunning, Is.False);
            }
            finally { taken.Stop(); }
        }

        [Test]
        public void TheTokenIsTheSameForEveryServerOfOneProject_AndAnotherProjectsDiffers()
        {
            var first = Server(0);
            var second = Server(0);
            var elsewhere = Server(0, tokenFile: Path.Combine(Path.GetDirectoryName(_tokenFile), "other.token"));

            Assert.That(second.Token, Is.EqualTo(first.Token));
            Assert.That(first.Token, Has.Length.EqualTo(32));
            Assert.That(File.ReadAllText(_tokenFile), Is.EqualTo(first.Token));
            Assert.That(first.TokenFile, Is.EqualTo(_tokenFile));
            Assert.That(elsewhere.Token, Is.Not.EqualTo(first.Token));
        }

        [Test]
        public void TheDefaultTokenFileIsUserLocal_AndKeyedByTheProjectPath()
        {
            string appData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            var a = DevServerTokenFile.DefaultPath("/projects/game-a");
            var b = DevServerTokenFile.DefaultPath("/projects/game-b");

            Assert.That(a, Does.StartWith(Path.Combine(appData, "FrameIpc", "dev-server")));
            Assert.That(a, Is.EqualTo(DevServerTokenFile.DefaultPath("/projects/game-a/")), "one project, one file");
            Assert.That(b, Is.Not.EqualTo(a));
            Assert.That(new WebSocketDevServer(_main, new WebSocketDevServerOptions { Enabled = true }).TokenFile,
                Is.EqualTo(DevServerTokenFile.DefaultPath(Directory.GetCurrentDirectory())));
        }

        [Test]
        public void AGivenTokenOrPersistTokenFalseKeepsNothing()
        {
            var given = new WebSocketDevServer(_main, new WebSocketDevServerOptions { Token = "given-token-123", TokenFile = _tokenFile });
            var fresh = new WebSocketDevServer(_main, new WebSocketDevServerOptions { PersistToken = false, TokenFile = _tokenFile });

            Assert.That(given.Token, Is.EqualTo("given-token-123"));
            Assert.That(given.TokenFile, Is.Null);
            Assert.That(fresh.TokenFile, Is.Null);
            Assert.That(File.Exists(_tokenFile), Is.False);
        }

        [Test]
        public async Task AfterAnEngineRestartThePagesOldUrlConnectsAgain()
        {
            int port = FreePort();
            var before = Server(port);
            before.Start();
            string url = before.WebSocketUrl + "?token=" + before.Token;
            await _engine.Run(() => _main.Handle("ping", e => "pong"));
            using (var page = await HandshakeAsync(url))
            {
                before.Stop(); // the engine quits: the page's socket closes
                Assert.That(await page.ReceiveAsync(), Is.Null);
            }

            var after = Server(port); // the next run: same project, same port, at once
            after.Start();
            using var again = await HandshakeAsync(url);
            await again.SendAsync("{\"k\":\"invoke\",\"id\":1,\"ch\":\"ping\",\"a\":[]}");

            Assert.That(after.Token, Is.EqualTo(before.Token));
            Assert.That(await again.ReceiveContainingAsync("\"result\""), Does.Contain("\"r\":\"pong\""));
        }

        [Test]
        public async Task RotatingTheTokenClosesPagesAndRefusesTheOldOne_SayingWhy()
        {
            var server = Server(0);
            server.Start();
            string old = server.Token;
            using var page = await HandshakeAsync(server.WebSocketUrl + "?token=" + old);

            string rotated = server.RotateToken();

            Assert.That(rotated, Is.Not.EqualTo(old));
            Assert.That(server.Token, Is.EqualTo(rotated));
            Assert.That(File.ReadAllText(_tokenFile), Is.EqualTo(rotated), "kept for the next run");
            Assert.That(await page.ReceiveAsync(), Is.Null, "open pages are closed");
            using var stale = new RawWebSocketClient();
            Assert.That(await stale.TryConnectAsync(server.WebSocketUrl + "?token=" + old), Is.False);
            Assert.That(stale.HttpStatus, Is.EqualTo(401));
            AssertLogged("wrong ?token= (not this server's token; was it rotated");
            using var fresh = await HandshakeAsync(server.WebSocketUrl + "?token=" + rotated);
        }

        [Test]
        public async Task TheLogSaysWhyEachUpgradeWasRefused()
        {
            var server = Server(0);
            server.Start();
            string good = server.WebSocketUrl + "?token=" + server.Token;

            using (var missing = new RawWebSocketClient()) Assert.That(await missing.TryConnectAsync(server.WebSocketUrl), Is.False);
            AssertLogged("401 GET /ipc: refused a WebSocket upgrade: no ?token=");

            using (var wrong = new RawWebSocketClient()) Assert.That(await wrong.TryConnectAsync(server.WebSocketUrl + "?token=nope-nope-nope"), Is.False);
            AssertLogged("401 GET /ipc: refused a WebSocket upgrade: wrong ?token=");

            using (var foreign = new RawWebSocketClient("http://evil.example")) Assert.That(await foreign.TryConnectAsync(good), Is.False);
            AssertLogged("403 GET /ipc: refused a WebSocket upgrade: Origin 'http://evil.example' is not allowed");

            var rebound = await RawHttp.SendAsync(server.Port, $"GET /ipc?token={server.Token} HTTP/1.1\r\nHost: rebound.example:{server.Port}\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
            Assert.That(rebound.Status, Is.EqualTo(421));
            AssertLogged($"421 GET /ipc: Host 'rebound.example:{server.Port}' is not this server");
            Assert.That(_main.Views, Is.Empty);
        }
    }
}
