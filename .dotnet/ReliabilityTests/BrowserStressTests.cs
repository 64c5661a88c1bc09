using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;
using FrameIpc.TestSupport;
using NUnit.Framework;

namespace FrameIpc.ReliabilityTests
{
    /// <summary>
    /// 100,000 messages from ipc-renderer.js in headless Chromium to the engine, over the WebSocket dev server (the
    /// page from wwwroot, the script from the package): none lost, order kept, pools balanced once everything is
    /// closed. FRAMEIPC_BROWSER_MESSAGES changes the count.
    /// </summary>
    [TestFixture]
    public sealed class BrowserStressTests
    {
        internal static int Messages => Reliability.EnvInt("FRAMEIPC_BROWSER_MESSAGES", 100_000);

        [Test]
        public async Task AHundredThousandPageMessagesReachTheEngineAllInOrder()
        {
            long outstandingBefore = IpcPools.Outstanding;
            var main = new IpcMain();
            int viewId = 0, next = 0, outOfOrder = 0, problems = 0;
            main.Diagnostic += d => { if (d.Kind != IpcDiagnosticKind.Lifecycle) Interlocked.Increment(ref problems); };
            main.On<int>("stress:n", (e, n) =>
            {
                if (viewId == 0) viewId = e.SenderId;
                if (e.SenderId != viewId || n != next) outOfOrder++;
                next = n + 1;
            });
            main.Handle("stress:seen", e => next);
            var engine = new EngineLoop(main);
            var server = new WebSocketDevServer(main, new WebSocketDevServerOptions
            {
                Enabled = true,
                Port = 0,
                StaticFilesRoot = Path.Combine(TestContext.CurrentContext.TestDirectory, "wwwroot"),
            });
            server.Start();
            string result;
            string browserVersion;
            var (playwright, browser) = await TestSupport.HeadlessChromium.LaunchAsync(TimeSpan.FromSeconds(60));
            using (playwright)
            {
                browserVersion = browser.Version;
                var page = await browser.NewPageAsync();
                var pageErrors = 0;
                page.PageError += (_, error) => { pageErrors++; TestContext.WriteLine("page error: " + error); };
                page.SetDefaultTimeout(120_000);
                await page.GotoAsync(server.PageUrl("stress.html"));
                result = await page.EvaluateAsync<string>("([n, chunk]) => stress(n, chunk)", new[] { Messages, 5_000 });
                await browser.CloseAsync();
                Assert.That(pageErrors, Is.EqualTo(0), "no uncaught errors in the page");
            }
            server.Stop();
            await engine.Run(() => main.Dispose());
            engine.Dispose();
            await Until(() => IpcPools.Outstanding == outstandingBefore, "every pooled object to come back");

            var run = JObject.Parse(result);
            double ms = (double)run["ms"];
            TestContext.WriteLine($"browser stress: Chromium {browserVersion}, {(int)run["sent"]:N0} page→engine messages over the WebSocket dev server " +
                                  $"in {ms / 1000:F2} s ({(int)run["sent"] / (ms / 1000):N0} msg/s); received {next:N0}, out of order {outOfOrder}; " +
                                  $"pools outstanding {IpcPools.Outstanding - outstandingBefore}");
            Assert.That(engine.TickFailure, Is.Null, "IpcMain.Tick never threw");
            Assert.That((int)run["sent"], Is.EqualTo(Messages));
            Assert.That(run["mismatches"], Is.Empty, "every checkpoint saw exactly what was sent before it");
            Assert.That(next, Is.EqualTo(Messages), "none lost");
            Assert.That(outOfOrder, Is.EqualTo(0), "order kept");
            Assert.That(problems, Is.EqualTo(0), "no diagnostics but lifecycle ones");
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
