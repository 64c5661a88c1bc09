using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Playwright;
using NUnit.Framework;

namespace FrameIpc.DemoTests
{
    /// <summary>One headless Chromium (/usr/bin/chromium) per fixture, page errors collected, and 30 s polling waits.</summary>
    public abstract class ChromiumFixture
    {
        protected static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

        private readonly List<string> _pageErrors = new List<string>();
        private IPlaywright _playwright;

        protected IBrowser Browser { get; private set; }

        [OneTimeSetUp]
        public async Task LaunchBrowser()
        {
            (_playwright, Browser) = await TestSupport.HeadlessChromium.LaunchAsync(Deadline);
        }

        [OneTimeTearDown]
        public async Task CloseBrowser()
        {
            if (Browser != null) await Browser.CloseAsync();
            _playwright?.Dispose();
        }

        protected async Task<IBrowserContext> NewContextAsync()
        {
            lock (_pageErrors) _pageErrors.Clear();
            var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
            context.SetDefaultTimeout((float)Deadline.TotalMilliseconds);
            context.Page += (_, page) => page.PageError += (_, error) => { lock (_pageErrors) _pageErrors.Add(error); };
            return context;
        }

        protected void AssertNoPageErrors()
        {
            lock (_pageErrors) Assert.That(_pageErrors, Is.Empty, "uncaught errors in the page");
        }

        /// <summary>Waits (polling every 50 ms, at most 30 s) for a script expression to be true in the page.</summary>
        protected static Task WaitInPageAsync(IPage page, string expression) =>
            page.WaitForFunctionAsync("() => " + expression, null,
                new PageWaitForFunctionOptions { Timeout = (float)Deadline.TotalMilliseconds, PollingInterval = 50 });

        protected static async Task Until(Func<bool> condition, string what)
        {
            var deadline = DateTime.UtcNow + Deadline;
            while (DateTime.UtcNow < deadline)
            {
                if (condition()) return;
                await Task.Delay(20);
            }
            Assert.That(condition(), Is.True, what + " did not happen within 30 s");
        }

        protected static async Task Until(Func<Task<bool>> condition, string what)
        {
            var deadline = DateTime.UtcNow + Deadline;
            while (DateTime.UtcNow < deadline)
            {
                if (await condition()) return;
                await Task.Delay(20);
            }
            Assert.That(await condition(), Is.True, what + " did not happen within 30 s");
        }
    }
}
