using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using FrameIpc.TestSupport;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>
    /// One Chromium per fixture; per test a fresh IpcMain on its own engine loop, a fresh transport and a fresh
    /// browser context. Subclasses say how the page reaches the engine.
    /// </summary>
    public abstract class BrowserSuite
    {
        internal static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

        private readonly ConcurrentQueue<WebContents> _readyViews = new ConcurrentQueue<WebContents>();
        private readonly List<string> _pageErrors = new List<string>();
        private IPlaywright _playwright;
        private long _outstandingBefore;

        protected IBrowser Browser { get; private set; }
        internal IpcMain Main { get; private set; }
        internal EngineLoop Engine { get; private set; }
        protected IBrowserContext Context { get; private set; }
        protected IPage Page { get; private set; }

        /// <summary>The engine's view of <see cref="Page"/> as of its latest handshake.</summary>
        internal WebContents View { get; set; }

        internal static string PagesDir => Path.Combine(TestContext.CurrentContext.TestDirectory, "Pages");

        /// <summary>What ipcRenderer.bridge says in the page.</summary>
        protected abstract string ExpectedBridge { get; }

        /// <summary>Per test, after Main and Engine exist and before the browser context does.</summary>
        protected abstract Task StartTransportAsync();

        /// <summary>Per test, once the context exists: exposed functions, init scripts, routes.</summary>
        protected virtual Task PrepareContextAsync() => Task.CompletedTask;

        /// <summary>Starts navigating <see cref="Page"/> to test.html (with <paramref name="query"/>), not waiting for the engine.</summary>
        protected abstract Task NavigateAsync();

        protected virtual IpcOptions CreateOptions() => new IpcOptions();

        protected virtual void StopTransport() { }

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

        /// <summary>
        /// Serves test.html for every path under <paramref name="origin"/>, and the renderer script the way a host would
        /// inject it: for the script-bridge fixtures, whose pages come from no server.
        /// </summary>
        protected async Task RouteTestPageAsync(string origin)
        {
            await Context.RouteAsync(origin + "/**", route => route.FulfillAsync(new RouteFulfillOptions
            {
                Path = Path.Combine(PagesDir, "test.html"),
                ContentType = "text/html",
            }));
            await RouteRendererAsync(origin);
        }

        /// <summary>Serves the renderer script under <paramref name="origin"/> at /frameipc/ipc-renderer.js, as a host would inject it.</summary>
        protected Task RouteRendererAsync(string origin) =>
            Context.RouteAsync(origin + "/frameipc/ipc-renderer.js", route => route.FulfillAsync(new RouteFulfillOptions
            {
                Body = ScriptBridgeTransport.RendererScript,
                ContentType = "text/javascript",
            }));

        [SetUp]
        public async Task OpenPage()
        {
            while (_readyViews.TryDequeue(out _)) { }
            _outstandingBefore = IpcPools.Outstanding;
            Main = new IpcMain(CreateOptions());
            Main.ViewReady += view => _readyViews.Enqueue(view);
            Engine = new EngineLoop(Main);
            await StartTransportAsync();
            Context = await Browser.NewContextAsync();
            Context.SetDefaultTimeout((float)Deadline.TotalMilliseconds);
            await PrepareContextAsync();
            Page = await Context.NewPageAsync();
            Page.PageError += (_, error) => { lock (_pageErrors) _pageErrors.Add(error); };
        }

        [TearDown]
        public async Task ClosePage()
        {
            try
            {
                if (Context != null) await Context.CloseAsync();
                StopTransport();
                if (Main != null) await Engine.Run(() => { Engine.Ticking = false; Main.Dispose(); });
            }
            finally
            {
                Engine?.Dispose();
            }
            Assert.That(Engine.TickFailure, Is.Null, "IpcMain.Tick threw");
            await Until(() => IpcPools.Outstanding == _outstandingBefore, "every pooled object and buffer to be returned (outstanding: " + IpcPools.Outstanding + ")");
            // Taken before the assertion: one test's errors must not fail the next.
            Assert.That(TakePageErrors(), Is.Empty, "uncaught errors in the page");
        }

        /// <summary>Loads test.html and waits until both sides finished the handshake; returns the page's view id.</summary>
        protected async Task<int> LoadAsync()
        {
            await NavigateAsync();
            return await HandshakeAsync();
        }

        protected async Task<int> ReloadAsync()
        {
            await Page.ReloadAsync();
            return await HandshakeAsync();
        }

        private async Task<int> HandshakeAsync()
        {
            View = await NextReadyViewAsync();
            int viewId = await Page.EvaluateAsync<int>("() => ipcRenderer.ready");
            Assert.That(viewId, Is.EqualTo(View.Id));
            return viewId;
        }

        internal async Task<WebContents> NextReadyViewAsync()
        {
            await Until(() => !_readyViews.IsEmpty, "a view to finish its handshake");
            _readyViews.TryDequeue(out var view);
            return view;
        }

        /// <summary>Polls <paramref name="condition"/> until it holds, failing after 30 s with what was awaited.</summary>
        internal static async Task Until(Func<bool> condition, string what)
        {
            var deadline = DateTime.UtcNow + Deadline;
            while (!condition())
            {
                if (DateTime.UtcNow > deadline) Assert.Fail("Timed out after 30 s waiting for " + what);
                await Task.Delay(5);
            }
        }

        /// <summary>Waits until a page expression is truthy (Playwright polls it in the page).</summary>
        protected Task UntilPage(string expression) =>
            Page.WaitForFunctionAsync(expression, null, new PageWaitForFunctionOptions { Timeout = (float)Deadline.TotalMilliseconds, PollingInterval = 10 });

        /// <summary>The page's uncaught errors so far, which the test expected; TearDown fails on any left.</summary>
        protected List<string> TakePageErrors()
        {
            lock (_pageErrors)
            {
                var taken = new List<string>(_pageErrors);
                _pageErrors.Clear();
                return taken;
            }
        }

        /// <summary>Waits for <paramref name="count"/> uncaught page errors (Playwright reports them a moment late), then takes them.</summary>
        protected async Task<List<string>> TakePageErrorsAsync(int count)
        {
            await Until(() => { lock (_pageErrors) return _pageErrors.Count >= count; }, count + " uncaught errors in the page");
            return TakePageErrors();
        }

        protected Task<T> Js<T>(string expression) => Page.EvaluateAsync<T>(expression);

        protected Task Js(string expression) => Page.EvaluateAsync(expression);

        protected string BridgeKind => ExpectedBridge;
    }
}
