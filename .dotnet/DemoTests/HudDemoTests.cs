using System;
using System.IO;
using System.Reflection;
using System.Threading.Tasks;
using FrameIpc.Demo;
using Microsoft.Playwright;
using NUnit.Framework;

namespace FrameIpc.DemoTests
{
    /// <summary>
    /// The README's first command, as a newcomer would see it: the demo's game loop runs (on a thread of its own here),
    /// the HUD Overlay page opens in Chromium, and the page's Reload button goes to the engine and back.
    /// Set FRAMEIPC_WRITE_SCREENSHOT=1 to refresh Documentation~/images/hud.png from this run.
    /// </summary>
    [TestFixture]
    [NonParallelizable]
    public sealed class HudDemoTests : ChromiumFixture
    {
        private IBrowserContext _context;
        private DemoHost _host;
        private StringWriter _output;
        private long _outstandingBefore;

        [SetUp]
        public async Task StartDemo()
        {
            _outstandingBefore = IpcPools.Outstanding;
            _output = new StringWriter();
            _host = new DemoHost(new DemoOptions { Port = 0, Output = TextWriter.Synchronized(_output) });
            _host.StartBackground();
            _context = await NewContextAsync();
        }

        [TearDown]
        public async Task StopDemo()
        {
            // Browser first (its views go away between frames, as they do in a game), then the loop, then the server.
            try
            {
                if (_context != null) await _context.CloseAsync();
            }
            finally
            {
                bool ended = _host.Stop();
                _host.Dispose();
                TestContext.WriteLine(_output.ToString());
                Assert.That(ended, Is.True, "the game loop ended within 30 s of being cancelled");
            }
            Assert.That(_host.FrameErrors, Is.EqualTo(0), "no frame threw (the demo's output is above)");
            await Until(() => IpcPools.Outstanding == _outstandingBefore, "every pooled object to be returned");
            AssertNoPageErrors();
        }

        [Test]
        public async Task TheReloadButtonInvokesTheEngineAndItsReplyAndStateComeBack()
        {
            var page = await OpenHudAsync();
            await WaitInPageAsync(page, "/^\\d+$/.test(document.getElementById('health-value').textContent)"
                + " && /^\\d+$/.test(document.getElementById('ammo-value').textContent)");

            await page.ClickAsync("#reload");

            await WaitInPageAsync(page, "document.getElementById('reply').textContent.indexOf('Engine: reloaded to 30 rounds (reload #1') === 0");
            await WaitInPageAsync(page, "document.getElementById('notifications').textContent.indexOf('Reloaded: 30 rounds') >= 0");
            Assert.That(await _host.Query(() => _host.Hud.Reloads), Is.EqualTo(1), "the engine's state changed");
            Assert.That(await page.TextContentAsync("#reply"), Does.StartWith("Engine: reloaded to 30 rounds (reload #1, frame "));

            await SaveScreenshotAsync(page);
        }

        [Test]
        public async Task APageClosingMidGameNeverBreaksAFrameAndTheNextPageConnects()
        {
            var first = await OpenHudAsync();
            await first.CloseAsync();
            await Until(async () => await _host.Query(() => _host.Main.Views.Count) == 0, "the closed page's view to go away");
            long frame = await _host.Query(() => _host.Loop.Frame);
            await Until(async () => await _host.Query(() => _host.Loop.Frame) > frame + 30, "30 more frames with no page");
            Assert.That(_host.FrameErrors, Is.EqualTo(0));

            var second = await OpenHudAsync();
            Assert.That(await second.TextContentAsync("#status"), Does.Contain("view 2"));
        }

        private async Task<IPage> OpenHudAsync()
        {
            var page = await _context.NewPageAsync();
            await page.GotoAsync(_host.PageUrl);
            await WaitInPageAsync(page, "/connected as view \\d+ \\(websocket\\)/.test(document.getElementById('status').textContent)");
            return page;
        }

        private static async Task SaveScreenshotAsync(IPage page)
        {
            var path = Environment.GetEnvironmentVariable("FRAMEIPC_WRITE_SCREENSHOT") == "1"
                ? Path.Combine(PackageRoot(), "Documentation~", "images", "hud.png")
                : Path.Combine(TestContext.CurrentContext.WorkDirectory, "hud.png");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled });
            Assert.That(new FileInfo(path).Length, Is.GreaterThan(10_000), "a screenshot of the HUD was written to " + path);
            TestContext.AddTestAttachment(path, "the HUD Overlay page after Reload");
        }

        internal static string PackageRoot()
        {
            foreach (var a in typeof(HudDemoTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
                if (a.Key == "PackageRoot") return a.Value;
            throw new InvalidOperationException("the PackageRoot assembly metadata is missing");
        }
    }
}
