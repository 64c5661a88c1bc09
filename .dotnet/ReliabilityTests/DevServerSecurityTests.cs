using System;
using System.Collections.Generic;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Threading.Tasks;
using FrameIpc.TestSupport;
using NUnit.Framework;

namespace FrameIpc.ReliabilityTests
{
    /// <summary>
    /// The dev server's guard rails, probed with a raw ClientWebSocket, beyond what IntegrationTests/DevServerTests
    /// already covers (off unless enabled, non-loopback Host refused, missing/wrong token 401, foreign Origin 403):
    /// the socket is unreachable from the machine's other addresses, near-miss tokens and look-alike origins are
    /// refused, refusals leave nothing behind, and IpcOptions.AllowedOrigins still applies behind the server's own check.
    /// </summary>
    [TestFixture]
    public sealed class DevServerSecurityTests
    {
        private IpcMain _main;
        private EngineLoop _engine;
        private WebSocketDevServer _server;
        private readonly List<IpcDiagnostic> _diagnostics = new List<IpcDiagnostic>();
        private long _outstandingBefore;

        [SetUp]
        public void StartServer() => Start(new IpcOptions());

        private void Start(IpcOptions options, IList<string> allowedOrigins = null)
        {
            _outstandingBefore = IpcPools.Outstanding;
            _main = new IpcMain(options);
            _main.Diagnostic += d => { lock (_diagnostics) _diagnostics.Add(d); };
            _engine = new EngineLoop(_main);
            _server = new WebSocketDevServer(_main, new WebSocketDevServerOptions { Enabled = true, Port = 0, AllowedOrigins = allowedOrigins });
            _server.Start();
        }

        [TearDown]
        public async Task StopServer()
        {
            _server.Stop();
            await _engine.Run(() => _main.Dispose());
            _engine.Dispose();
            lock (_diagnostics) _diagnostics.Clear();
            Assert.That(_engine.TickFailure, Is.Null, "IpcMain.Tick never threw");
            await Until(() => IpcPools.Outstanding == _outstandingBefore, "every pooled object to come back");
        }

        private string SocketUrl(string token) => _server.WebSocketUrl + "?token=" + Uri.EscapeDataString(token);

        [Test]
        public void TheListenerIsUnreachableFromThisMachinesOtherAddresses()
        {
            var addresses = OtherAddresses();
            if (addresses.Count == 0) Assert.Ignore("this machine has no non-loopback address to try");
            foreach (var address in addresses)
            {
                using var client = new TcpClient(address.AddressFamily);
                var error = Assert.Throws<SocketException>(() => client.Connect(address, _server.Port), address.ToString());
                Assert.That(error.SocketErrorCode, Is.AnyOf(SocketError.ConnectionRefused, SocketError.TimedOut, SocketError.NetworkUnreachable, SocketError.HostUnreachable),
                    $"{address}:{_server.Port} must not answer");
            }
        }

        [Test]
        public void EverySocketListeningOnTheServersPortIsBoundToLoopback()
        {
            var bound = new List<IPEndPoint>();
            foreach (var endpoint in IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners())
                if (endpoint.Port == _server.Port) bound.Add(endpoint);

            Assert.That(bound, Is.Not.Empty, "the server listens");
            foreach (var endpoint in bound)
                Assert.That(IPAddress.IsLoopback(endpoint.Address), Is.True, $"{endpoint} is not a loopback address (a wildcard bind would expose the engine)");
        }

        [Test]
        public void ADisabledServerListensOnNothingEvenOnAFixedPort()
        {
            int port = FreePort();
            using var off = new WebSocketDevServer(_main, new WebSocketDevServerOptions { Port = port });

            Assert.Throws<InvalidOperationException>(() => off.Start());
            Assert.That(off.IsRunning, Is.False);
            using var client = new TcpClient();
            Assert.Throws<SocketException>(() => client.Connect(IPAddress.Loopback, port), "nothing accepts on the port");
        }

        [Test]
        public async Task NearMissTokensAreRefusedWith401()
        {
            string token = _server.Token;
            var lastCharOff = token.Substring(0, token.Length - 1) + (token[token.Length - 1] == '0' ? '1' : '0');
            using var other = new WebSocketDevServer(_main, new WebSocketDevServerOptions { Enabled = true, Port = 0, PersistToken = false });
            var candidates = new[] { lastCharOff, token.ToUpperInvariant(), token.Substring(0, token.Length - 1), token + "0", " " + token, other.Token, "" };
            foreach (var candidate in candidates)
            {
                using var probe = new RawWebSocketClient();
                Assert.That(await probe.TryConnectAsync(SocketUrl(candidate)), Is.False, $"token '{candidate}'");
                Assert.That(probe.HttpStatus, Is.EqualTo(401), $"token '{candidate}'");
            }
            Assert.That(_main.Views, Is.Empty, "no refused client became a view");
        }

        [Test]
        public async Task LookAlikeOriginsAreRefusedWith403()
        {
            int port = _server.Port;
            var origins = new[]
            {
                "null",                                       // sandboxed iframes and file:// pages
                $"http://127.0.0.1:{port + 1}",               // another local server
                $"https://127.0.0.1:{port}",                  // another scheme
                $"http://127.0.0.1.evil.example:{port}",      // a look-alike host
                $"http://localhost.:{port}",
                "http://127.0.0.1",
            };
            foreach (var origin in origins)
            {
                using var probe = new RawWebSocketClient(origin);
                Assert.That(await probe.TryConnectAsync(SocketUrl(_server.Token)), Is.False, origin);
                Assert.That(probe.HttpStatus, Is.EqualTo(403), origin);
            }
            Assert.That(_main.Views, Is.Empty);
        }

        [Test]
        public async Task RefusedUpgradesLeaveNothingBehindAndAGoodClientStillGetsIn()
        {
            for (int i = 0; i < 25; i++)
            {
                using var badToken = new RawWebSocketClient();
                Assert.That(await badToken.TryConnectAsync(SocketUrl("wrong-token-" + i)), Is.False);
                using var badOrigin = new RawWebSocketClient("http://evil.example");
                Assert.That(await badOrigin.TryConnectAsync(SocketUrl(_server.Token)), Is.False);
            }
            Assert.That(_main.Views, Is.Empty);

            using var good = new RawWebSocketClient($"http://127.0.0.1:{_server.Port}");
            Assert.That(await good.TryConnectAsync(SocketUrl(_server.Token)), Is.True);
            await _engine.Run(() => _main.Handle("ping", e => "pong"));
            await good.SendAsync("{\"k\":\"batch\",\"m\":[{\"k\":\"hello\",\"v\":1},{\"k\":\"invoke\",\"id\":1,\"ch\":\"ping\",\"a\":[]}]}");
            string answer = null;
            for (int i = 0; i < 5 && (answer == null || !answer.Contains("\"result\"")); i++) answer = await good.ReceiveAsync();
            Assert.That(answer, Does.Contain("{\"k\":\"result\",\"id\":1,\"r\":\"pong\"}"));
            Assert.That(_main.Views.Count, Is.EqualTo(1));
        }

        [Test]
        public async Task TheEnginesOwnOriginAllowlistStillAppliesBehindTheServersCheck()
        {
            await StopServer();
            Start(new IpcOptions { AllowedOrigins = new[] { "http://localhost:5173" } }, allowedOrigins: new[] { "*" });

            using var probe = new RawWebSocketClient("http://elsewhere.example");
            bool upgraded = await probe.TryConnectAsync(SocketUrl(_server.Token));
            if (upgraded) Assert.That(await probe.ReceiveAsync(), Is.Null, "the engine refused the view and closed its socket");
            await Until(() => { lock (_diagnostics) return _diagnostics.Exists(d => d.Kind == IpcDiagnosticKind.Forbidden); }, "the Forbidden diagnostic");
            Assert.That(_main.Views, Is.Empty, "no view was attached for the refused origin");
            lock (_diagnostics)
                Assert.That(_diagnostics.Find(d => d.Kind == IpcDiagnosticKind.Forbidden).Message, Is.EqualTo("Origin 'http://elsewhere.example' is not allowed to attach"));
        }

        private static List<IPAddress> OtherAddresses()
        {
            var found = new List<IPAddress>();
            foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
            {
                if (nic.OperationalStatus != OperationalStatus.Up) continue;
                foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
                {
                    var address = unicast.Address;
                    if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal) continue;
                    if (address.AddressFamily == AddressFamily.InterNetwork || address.AddressFamily == AddressFamily.InterNetworkV6) found.Add(address);
                }
            }
            return found;
        }

        private static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private static async Task Until(Func<bool> condition, string what)
        {
            var deadline = DateTime.UtcNow + Reliability.Deadline;
            while (!condition())
            {
                if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {Reliability.Deadline.TotalSeconds:F0} s waiting for {what}");
                await Task.Delay(5);
            }
        }
    }
}
