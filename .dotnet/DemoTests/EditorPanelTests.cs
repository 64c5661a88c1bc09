using System.IO;
using System.Threading;
using System.Threading.Tasks;
using FrameIpc.Samples.EditorPanel;
using Microsoft.Playwright;
using NUnit.Framework;

namespace FrameIpc.DemoTests
{
    /// <summary>
    /// The Editor Panel sample's page against its controller, with a plain Editor stand-in ticked like
    /// EditorApplication.update (a FrameLoop on its own thread): status pushed, objects listed, a selection, a log line.
    /// </summary>
    [TestFixture]
    [NonParallelizable]
    public sealed class EditorPanelTests : ChromiumFixture
    {
        [Test]
        public async Task ThePanelListsSelectsAndLogsThroughTheEditorTick()
        {
            var host = new FakeEditorHost();
            using var main = new IpcMain();
            var controller = new EditorPanelController(main, host);
            var loop = new FrameLoop(main, 60);
            loop.Update += dt => controller.Update();
            int frameErrors = 0;
            loop.Error += ex => Interlocked.Increment(ref frameErrors);
            var folder = Path.Combine(HudDemoTests.PackageRoot(), "Samples~", "EditorPanel", "Web");
            var server = new WebSocketDevServer(main, new WebSocketDevServerOptions { Enabled = true, Port = 0, StaticFilesRoot = folder });
            server.Start();
            using var stop = new CancellationTokenSource();
            var thread = new Thread(() => loop.Run(System.TimeSpan.MaxValue, stop.Token)) { IsBackground = true, Name = "editor tick" };
            thread.Start();
            var context = await NewContextAsync();
            try
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(server.PageUrl("index.html"));
                await WaitInPageAsync(page, "document.getElementById('connection').textContent.indexOf('connected as view') === 0");
                await WaitInPageAsync(page, "document.getElementById('mode').textContent === 'edit mode'");
                Assert.That(await page.TextContentAsync("#description"), Is.EqualTo("Panel Test (Unity 2022.3.0f1)"));

                await page.ClickAsync("#refresh");
                await WaitInPageAsync(page, "document.querySelectorAll('#objects li').length === 3");
                await page.ClickAsync("#objects li:has-text('Player')");
                await WaitInPageAsync(page, "document.getElementById('selection').textContent === 'Selected Player in the Editor.'");
                Assert.That(host.Selected, Is.EqualTo("Player"));

                await page.FillAsync("#log-text", "hello Console");
                await page.ClickAsync("#log-form button");
                await Until(() => host.Logs.Contains("[Editor Panel, view 1] hello Console"), "the log line to reach the Editor");
            }
            finally
            {
                await context.CloseAsync();
                stop.Cancel();
                Assert.That(thread.Join(Deadline), Is.True, "the editor tick stopped");
                server.Stop();
                controller.Dispose();
            }
            Assert.That(frameErrors, Is.EqualTo(0));
            AssertNoPageErrors();
        }
    }
}
