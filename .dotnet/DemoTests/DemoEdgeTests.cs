using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using FrameIpc.Demo;
using NUnit.Framework;

namespace FrameIpc.DemoTests
{
    /// <summary>The demo's edges: bad options and a taken port are one line each, the stats line speaks of its own second, the favicon is answered.</summary>
    [TestFixture]
    public sealed class DemoEdgeTests
    {
        private static (int Code, string Output, string Error) RunDemo(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = Program.Run(args, output, error, CancellationToken.None);
            return (code, output.ToString(), error.ToString());
        }

        private static void AssertOneLine(string error)
        {
            var lines = error.TrimEnd().Split('\n');
            Assert.That(lines, Has.Length.EqualTo(1), "one line: " + error);
            Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(error, Does.Not.Contain("Exception"), "no exception type names");
        }

        [TestCase("abc")]
        [TestCase("-1")]
        [TestCase("65536")]
        [TestCase("80.5")]
        [TestCase("")]
        public void ABadPortIsOneLineNamingTheOption(string port)
        {
            var (code, _, error) = RunDemo("--port", port, "--seconds", "0");

            Assert.That(code, Is.EqualTo(2));
            AssertOneLine(error);
            Assert.That(error, Does.StartWith("--port needs a whole number from 0 to 65535, not '" + port + "'"));
        }

        [Test]
        public void TheHighestPortIsAccepted()
        {
            Assert.That(DemoOptions.Parse(new[] { "--port", "65535" }).Port, Is.EqualTo(65535));
            Assert.That(DemoOptions.Parse(new[] { "--port", "0" }).Port, Is.EqualTo(0));
        }

        [Test]
        public void APortInUseIsOneLineSayingSoAndHowToPickAnother()
        {
            var taken = new TcpListener(IPAddress.Loopback, 0);
            taken.Start();
            try
            {
                int port = ((IPEndPoint)taken.LocalEndpoint).Port;

                var (code, output, error) = RunDemo("--port", port.ToString(), "--seconds", "0");

                Assert.That(code, Is.EqualTo(3));
                AssertOneLine(error);
                Assert.That(error, Does.Contain($"127.0.0.1:{port}: the port is in use"));
                Assert.That(error, Does.Contain("--port 0"));
                Assert.That(output, Is.Empty, "no URL is printed for a server that is not listening");
            }
            finally { taken.Stop(); }
        }

        [Test]
        public void AMissingPagesFolderIsOneLine()
        {
            var (code, _, error) = RunDemo("--pages", Path.Combine(Path.GetTempPath(), "frameipc-no-such-folder-" + Guid.NewGuid().ToString("N")), "--port", "0");

            Assert.That(code, Is.EqualTo(2));
            AssertOneLine(error);
            Assert.That(error, Does.Contain("does not exist"));
        }

        [Test]
        public void ACleanRunPrintsTheUrlAndExplainsTheStatsTerms()
        {
            var (code, output, error) = RunDemo("--port", "0", "--seconds", "0");

            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain("/index.html?frameipc="));
            Assert.That(output, Does.Contain("pooled in use = FrameIPC's pooled messages and buffers rented and not yet returned"));
            Assert.That(output, Does.Contain("longest tick = the slowest IpcMain.Tick() of that second"));
        }

        [Test]
        public void TheDefaultPortIsTheDevServersFixedOne()
        {
            Assert.That(new DemoOptions().Port, Is.EqualTo(WebSocketDevServerOptions.DefaultPort));
        }

        [Test]
        public void TheStatsLineShowsTheLongestTickOfItsOwnSecondOnly()
        {
            double now = 0;
            var output = new StringWriter();
            using var host = new DemoHost(new DemoOptions { Port = 0, Output = TextWriter.Null });
            var stats = new DemoStats(host, output, () => now);

            now = 0.2; stats.Observe(7.5);   // a slow tick early in the first second
            now = 0.6; stats.Observe(0.25);
            now = 1.0; stats.Observe(0.5);   // the second ends: one line
            now = 1.5; stats.Observe(0.125);
            now = 2.0; stats.Observe(0.25);  // and the next

            var lines = output.ToString().TrimEnd().Split('\n');
            Assert.That(lines, Has.Length.EqualTo(2));
            Assert.That(lines[0], Does.Contain("longest tick 7.500 ms"));
            Assert.That(lines[1], Does.Contain("longest tick 0.250 ms"), "the first second's slow tick is not repeated");
            Assert.That(lines[1], Does.Contain("pooled in use "));
        }

        [Test]
        public async Task TheFaviconRequestIsAnswered()
        {
            using var host = new DemoHost(new DemoOptions { Port = 0, Output = TextWriter.Null });
            host.Start();
            using var http = new HttpClient();

            var response = await http.GetAsync(host.Server.Url + "favicon.ico");

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
        }
    }
}
