using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using FrameIpc.TestSupport;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>
    /// The dev server's own HTTP/1.1 reading and answering, byte by byte over a raw socket: the head bound, status codes,
    /// the RFC 6455 accept key, the Host check, CORS on /frameipc/, and what the static folder never serves.
    /// </summary>
    [TestFixture]
    public sealed class DevServerHttpTests
    {
        private IpcMain _main;
        private WebSocketDevServer _server;
        private string _root;
        private readonly List<string> _log = new List<string>();

        [SetUp]
        public void StartServer()
        {
            _root = Path.Combine(Path.GetTempPath(), "frameipc-static-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(_root, "sub"));
            Directory.CreateDirectory(Path.Combine(_root, ".git"));
            File.WriteAllText(Path.Combine(_root, "index.html"), "<p>home</p>");
            File.WriteAllText(Path.Combine(_root, "sub", "page.html"), "<p>sub</p>");
            File.WriteAllText(Path.Combine(_root, ".env"), "SECRET=1");
            File.WriteAllText(Path.Combine(_root, ".git", "config"), "[core]");
            File.WriteAllText(Path.Combine(_root, "sub", ".hidden.js"), "hidden");
            _main = new IpcMain();
            _server = new WebSocketDevServer(_main, new WebSocketDevServerOptions
            {
                Enabled = true, Port = 0, PersistToken = false, StaticFilesRoot = _root,
                AllowedOrigins = new[] { "http://localhost:5173" },
            });
            _server.Log += line => { lock (_log) _log.Add(line); };
            _server.Start();
        }

        [TearDown]
        public void StopServer()
        {
            _server.Stop();
            _main.Dispose();
            lock (_log) _log.Clear();
            Directory.Delete(_root, recursive: true);
        }

        private int Port => _server.Port;

        private Task<RawHttpResponse> Send(string request) => RawHttp.SendAsync(Port, request);

        // A GET whose head (request line, headers and the blank line) is exactly `total` bytes.
        private string HeadOfLength(int total)
        {
            string start = $"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:{Port}\r\nX-Pad: ";
            int pad = total - start.Length - 4;
            return start + new string('p', pad) + "\r\n\r\n";
        }

        [TestCase(8191)]
        [TestCase(8192)]
        public async Task AHeadUpTo8KiBIsServed(int length)
        {
            var request = HeadOfLength(length);
            Assert.That(request.Length, Is.EqualTo(length));

            var response = await Send(request);

            Assert.That(response.Status, Is.EqualTo(200));
            Assert.That(response.BodyText, Is.EqualTo("<p>home</p>"));
        }

        [Test]
        public async Task AHeadOneByteOver8KiBGets431()
        {
            var response = await Send(HeadOfLength(8193));

            Assert.That(response.Status, Is.EqualTo(431));
            lock (_log) Assert.That(_log, Has.Some.Contains("431: request headers over 8192 bytes"));
        }

        [Test]
        public async Task ARequestLineThatNeverEndsGets414()
        {
            var response = await Send("GET /" + new string('a', 9000));

            Assert.That(response.Status, Is.EqualTo(414));
        }

        [TestCase("GET / HTTP/1.1 extra\r\nHost: 127.0.0.1:{0}\r\n\r\n", 400)]
        [TestCase("GET http://127.0.0.1:{0}/ HTTP/1.1\r\nHost: 127.0.0.1:{0}\r\n\r\n", 400)]
        [TestCase("GET / HTTP/2.0\r\nHost: 127.0.0.1:{0}\r\n\r\n", 505)]
        [TestCase("GET / HTTP/1.1\r\nHost: 127.0.0.1:{0}\r\n folded\r\n\r\n", 400)]
        [TestCase("GET / HTTP/1.1\r\nHost : 127.0.0.1:{0}\r\n\r\n", 400)]
        public async Task MalformedHeadsGetTheirStatus(string format, int status)
        {
            var response = await Send(string.Format(format, Port));

            Assert.That(response.Status, Is.EqualTo(status), response.ToString());
        }

        [Test]
        public async Task OtherMethodsGet405WithAllow()
        {
            var response = await Send(RawHttp.Get(Port, "/index.html", "Content-Length: 0\r\n", method: "POST"));

            Assert.That(response.Status, Is.EqualTo(405));
            Assert.That(response.Header("Allow"), Is.EqualTo("GET, HEAD"));
        }

        [Test]
        public async Task HeadGetsTheLengthAndNoBody()
        {
            var response = await Send(RawHttp.Get(Port, "/index.html", method: "HEAD"));

            Assert.That(response.Status, Is.EqualTo(200));
            Assert.That(response.Header("Content-Length"), Is.EqualTo("11"));
            Assert.That(response.Header("Content-Type"), Is.EqualTo("text/html; charset=utf-8"));
            Assert.That(response.Header("Cache-Control"), Is.EqualTo("no-store"));
            Assert.That(response.Body, Is.Empty);
        }

        [Test]
        public async Task FoldersServeTheirIndex_AndMissingFilesGet404()
        {
            Assert.That((await Send(RawHttp.Get(Port, "/"))).BodyText, Is.EqualTo("<p>home</p>"));
            Assert.That((await Send(RawHttp.Get(Port, "/sub/page.html"))).Status, Is.EqualTo(200));
            Assert.That((await Send(RawHttp.Get(Port, "/sub/missing.html"))).Status, Is.EqualTo(404));
        }

        [TestCase("/.env")]
        [TestCase("/.git/config")]
        [TestCase("/.git/")]
        [TestCase("/sub/.hidden.js")]
        [TestCase("/%2egit/config")]
        [TestCase("/sub/%2e%2e/.env")]
        [TestCase("/sub/..%2f.env")]
        public async Task DotfilesAndDotFoldersAreNeverServed(string target)
        {
            var response = await Send(RawHttp.Get(Port, target));

            Assert.That(response.Status, Is.EqualTo(404), target);
            Assert.That(response.BodyText, Does.Not.Contain("SECRET"));
        }

        [Test]
        public async Task SymbolicLinksAreNotFollowed_NeitherOutOfTheRootNorWithinIt()
        {
            var outside = Path.Combine(Path.GetTempPath(), "frameipc-outside-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(outside);
            File.WriteAllText(Path.Combine(outside, "secret.txt"), "outside the root");
            try
            {
                File.CreateSymbolicLink(Path.Combine(_root, "passwd"), "/etc/passwd");
                Directory.CreateSymbolicLink(Path.Combine(_root, "out"), outside);
                File.CreateSymbolicLink(Path.Combine(_root, "sub", "home.html"), Path.Combine(_root, "index.html"));

                foreach (var target in new[] { "/passwd", "/out/secret.txt", "/out/", "/sub/home.html" })
                {
                    var response = await Send(RawHttp.Get(Port, target));
                    Assert.That(response.Status, Is.EqualTo(404), target);
                }
                Assert.That((await Send(RawHttp.Get(Port, "/sub/page.html"))).Status, Is.EqualTo(200), "plain files beside the links are still served");
            }
            finally { Directory.Delete(outside, recursive: true); }
        }

        [Test]
        public async Task TheFaviconIsAnsweredWithNoContent_UnlessTheFolderHasOne()
        {
            var response = await Send(RawHttp.Get(Port, "/favicon.ico"));
            Assert.That(response.Status, Is.EqualTo(204));
            Assert.That(response.Header("Content-Length"), Is.Null, "a 204 carries no Content-Length");

            File.WriteAllBytes(Path.Combine(_root, "favicon.ico"), new byte[] { 0, 0, 1, 0 });
            var own = await Send(RawHttp.Get(Port, "/favicon.ico"));
            Assert.That(own.Status, Is.EqualTo(200));
            Assert.That(own.Header("Content-Type"), Is.EqualTo("image/x-icon"));
        }

        [TestCase("rebound.example:{0}")]
        [TestCase("127.0.0.1:{1}")]
        [TestCase("127.0.0.1")]
        [TestCase("127.0.0.1.nip.io:{0}")]
        public async Task AForeignHostIsRefused_AndTheLogSaysWhy(string hostFormat)
        {
            string host = string.Format(hostFormat, Port, Port + 1);

            var response = await Send($"GET /index.html HTTP/1.1\r\nHost: {host}\r\n\r\n");

            Assert.That(response.Status, Is.EqualTo(421));
            Assert.That(response.BodyText, Does.Not.Contain("home"));
            lock (_log) Assert.That(_log, Has.Some.Contains($"Host '{host}' is not this server"));
        }

        [Test]
        public async Task NoHostOrTwoHostsAreRefused()
        {
            Assert.That((await Send("GET /index.html HTTP/1.1\r\n\r\n")).Status, Is.EqualTo(421));
            Assert.That((await Send($"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:{Port}\r\nHost: evil.example\r\n\r\n")).Status, Is.EqualTo(421));
            Assert.That((await Send($"GET /index.html HTTP/1.1\r\nHost: localhost:{Port}\r\n\r\n")).Status, Is.EqualTo(200), "localhost is this server too");
        }

        [Test]
        public void TheAcceptKeyIsRfc6455s()
        {
            // The worked example of RFC 6455, section 1.3.
            Assert.That(WebSocketDevServer.AcceptKey("dGhlIHNhbXBsZSBub25jZQ=="), Is.EqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
        }

        [Test]
        public async Task TheUpgradeIsAnsweredWithTheAcceptKey()
        {
            var response = await Send(RawHttp.Get(Port, "/ipc?token=" + _server.Token,
                "Upgrade: websocket\r\nConnection: keep-alive, Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"));

            Assert.That(response.Status, Is.EqualTo(101));
            Assert.That(response.Header("Sec-WebSocket-Accept"), Is.EqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
            Assert.That(response.Header("Upgrade"), Is.EqualTo("websocket"));
        }

        [TestCase("Sec-WebSocket-Version: 8\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n", 426)]
        [TestCase("Sec-WebSocket-Version: 13\r\n", 400)]
        [TestCase("Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: c2hvcnQ=\r\n", 400)]
        public async Task BadUpgradesGetTheirStatus(string headers, int status)
        {
            var response = await Send(RawHttp.Get(Port, "/ipc?token=" + _server.Token, "Upgrade: websocket\r\nConnection: Upgrade\r\n" + headers));

            Assert.That(response.Status, Is.EqualTo(status));
            if (status == 426) Assert.That(response.Header("Sec-WebSocket-Version"), Is.EqualTo("13"));
        }

        [Test]
        public async Task ClientScripts_CarryCorsForAllowedOrigins_Only()
        {
            var allowed = await Send(RawHttp.Get(Port, "/frameipc/ipc-renderer.mjs", "Origin: http://localhost:5173\r\n"));
            Assert.That(allowed.Status, Is.EqualTo(200));
            Assert.That(allowed.Header("Access-Control-Allow-Origin"), Is.EqualTo("http://localhost:5173"));
            Assert.That(allowed.Header("Vary"), Is.EqualTo("Origin"));
            Assert.That(allowed.Header("Content-Type"), Is.EqualTo("text/javascript; charset=utf-8"));
            Assert.That(allowed.BodyText, Is.EqualTo(RendererScriptText.ModuleSource));

            var foreign = await Send(RawHttp.Get(Port, "/frameipc/ipc-renderer.js", "Origin: http://evil.example\r\n"));
            Assert.That(foreign.Status, Is.EqualTo(200), "a plain <script> needs no CORS");
            Assert.That(foreign.Header("Access-Control-Allow-Origin"), Is.Null, "but a foreign origin's fetch cannot read it");

            var preflight = await Send(RawHttp.Get(Port, "/frameipc/ipc-renderer.mjs", "Origin: http://localhost:5173\r\nAccess-Control-Request-Method: GET\r\n", method: "OPTIONS"));
            Assert.That(preflight.Status, Is.EqualTo(204));
            Assert.That(preflight.Header("Access-Control-Allow-Origin"), Is.EqualTo("http://localhost:5173"));
            Assert.That(preflight.Header("Access-Control-Allow-Methods"), Is.EqualTo("GET, HEAD"));

            var staticFile = await Send(RawHttp.Get(Port, "/index.html", "Origin: http://localhost:5173\r\n"));
            Assert.That(staticFile.Header("Access-Control-Allow-Origin"), Is.Null, "CORS covers the client scripts, not the static folder");
        }

        [Test]
        public async Task UnknownClientScriptsGet404()
        {
            Assert.That((await Send(RawHttp.Get(Port, "/frameipc/other.js"))).Status, Is.EqualTo(404));
        }
    }
}
