using System;
using System.Collections;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FrameIpc.TestSupport;
using Microsoft.Playwright;
using NUnit.Framework;

namespace FrameIpc.DocTests
{
    /// <summary>
    /// Every HTML snippet of README.md and Documentation~/*.md, read from the document, is served by the WebSocket dev
    /// server as a page's body and run in the machine's Chromium against a ticking engine that answers the channels the
    /// quickstarts use: the page gets the engine's push, answers its invoke, and its button's invokes and send arrive.
    /// The page around a snippet holds only the elements and the AbortController the snippet names but does not declare.
    /// </summary>
    public class PageSnippetTests
    {
        private const string PageScaffold =
            "<!doctype html>\n<meta charset=\"utf-8\">\n<title>snippet</title>\n" +
            "<div id=\"bar\" style=\"width: 0\"></div>\n<button id=\"button\">Potions</button>\n" +
            "<script>\n  window.__snippetErrors = [];\n" +
            "  window.addEventListener('error', e => __snippetErrors.push(e.message));\n" +
            "  window.addEventListener('unhandledrejection', e => __snippetErrors.push(String(e.reason)));\n" +
            "  const aborter = new AbortController();\n</script>\n";

        private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

        public static IEnumerable Snippets() =>
            DocSnippet.All().Where(s => s.Language == "html").Select(s => new TestCaseData(s).SetName("HTML snippet " + s.Name));

        [Test]
        public void TheReadmesPageQuickstartIsAmongThem()
        {
            Assert.That(DocSnippet.Read("README.md").Count(s => s.Language == "html"), Is.EqualTo(1));
        }

        [TestCaseSource(nameof(Snippets))]
        public async Task RunsInChromium(DocSnippet snippet)
        {
            var root = Path.Combine(Path.GetTempPath(), "frameipc-page-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(root);
            File.WriteAllText(Path.Combine(root, "index.html"), PageScaffold + snippet.Code);
            var clicks = new ConcurrentQueue<string>();
            var bought = new ConcurrentQueue<string>();
            var ready = new TaskCompletionSource<WebContents>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var main = new IpcMain();
            main.On("hud:click", e => clicks.Enqueue(e.Arg<string>(0)));
            main.Handle("inventory:count", e => e.Arg<string>(0) == "potions" ? 3 : 0);
            main.Handle("inventory:get", e => e.Arg<string>(0) == "potions" ? 3 : 0);
            main.Handle("shop:buy", e => { bought.Enqueue(e.Arg<string>(0)); return "one " + e.Arg<string>(0); });
            main.ViewReady += view =>
            {
                view.Send("hud:health", 87, 100);
                ready.TrySetResult(view);
            };
            var server = new WebSocketDevServer(main, new WebSocketDevServerOptions { Enabled = true, StaticFilesRoot = root });
            using var loop = new EngineLoop(main);
            var (playwright, browser) = await HeadlessChromium.LaunchAsync(Limit);
            try
            {
                server.Start();
                var page = await browser.NewPageAsync();
                page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
                await page.GotoAsync(server.PageUrl("index.html"));
                var view = await ready.Task.WaitAsync(Limit);

                await page.WaitForFunctionAsync("() => bar.style.width === '87%'", null, new PageWaitForFunctionOptions { Timeout = (float)Limit.TotalMilliseconds });
                bool confirmed = await loop.Call(() => view.InvokeAsync<string, bool>("dialog:confirm", "Quit?")).WaitAsync(Limit);
                Assert.That(confirmed, Is.True, "the page's dialog:confirm handler answered with the accepted confirm()");

                await page.ClickAsync("#button");
                var deadline = DateTime.UtcNow + Limit;
                while (clicks.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(10);
                Assert.That(clicks, Is.EqualTo(new[] { "potions" }), "the button's send arrived after its invokes");
                if (snippet.Code.Contains("shop:buy")) Assert.That(bought, Is.EqualTo(new[] { "sword" }));
                var errors = await page.EvaluateAsync<string[]>("() => __snippetErrors");
                Assert.That(errors, Is.Empty, "errors in the page");
            }
            finally
            {
                await browser.CloseAsync();
                playwright.Dispose();
                server.Stop();
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
