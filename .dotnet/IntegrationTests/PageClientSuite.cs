using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Playwright;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>
    /// The page client's own defences and limits, in Chromium: pages from <c>Pages/</c> under a made-up origin, with the
    /// engine reached through an injected host bridge (<c>window.frameIpcHost</c>, as ScriptBridgeSuite), unless the URL
    /// says <c>nohost</c> (no host at all) or <c>latehost</c> (the test injects it with <see cref="InjectHostAsync"/>).
    /// Split by topic: .Bridges (which bridge wins, DOM clobbering), .Limits (arguments, channels, frame splitting),
    /// .Invokes (duplicate ids).
    /// </summary>
    [TestFixture]
    public sealed partial class PageClientSuite : BrowserSuite
    {
        private const string Origin = "http://app.test";

        // Every frame the page posted, and how long it was.
        private readonly ConcurrentQueue<string> _posted = new ConcurrentQueue<string>();
        private ScriptBridgeTransport _transport;
        private ScriptPump _scripts;

        protected override string ExpectedBridge => "host";

        /// <summary>A test's [Property("MaxFrameChars", n)] sets the engine's IpcOptions.MaxFrameChars.</summary>
        protected override IpcOptions CreateOptions()
        {
            var options = new IpcOptions();
            var properties = TestContext.CurrentContext.Test.Properties;
            if (properties.ContainsKey("MaxFrameChars")) options.MaxFrameChars = (int)properties.Get("MaxFrameChars");
            return options;
        }

        protected override Task StartTransportAsync()
        {
            _posted.Clear();
            var scripts = _scripts = new ScriptPump();
            _transport = ScriptBridgeTransport.ForScriptExecution(script => scripts.Post(script));
            Main.Attach(_transport, Origin);
            return Task.CompletedTask;
        }

        protected override async Task PrepareContextAsync()
        {
            await Context.ExposeFunctionAsync("__frameIpcTestPost", (string frame) => { _posted.Enqueue(frame); _transport.Receive(frame); });
            await Context.AddInitScriptAsync("if (location.origin === '" + Origin + "' || location.hostname === '127.0.0.1') {\n" +
                "const query = new URLSearchParams(location.search);\n" +
                "const inject = () => {\n" + ScriptBridgeTransport.InjectionScript("window.__frameIpcTestPost") + "\n};\n" +
                "if (query.has('latehost')) window.__injectHost = inject; else if (!query.has('nohost')) inject();\n" +
                // Every WebSocket the page opens, by URL: what a ?frameipc= made it do.
                "window.__sockets = []; const Native = WebSocket;\n" +
                "window.WebSocket = class extends Native { constructor(url, protocols) { super(url, protocols); window.__sockets.push(String(url)); } };\n" +
                "}");
            // Pages/<name>.html by path, test.html otherwise; the renderer as a host would serve it.
            await Context.RouteAsync(Origin + "/**", route =>
            {
                string name = Path.GetFileName(new Uri(route.Request.Url).AbsolutePath);
                string file = Path.Combine(PagesDir, name.EndsWith(".html", StringComparison.Ordinal) ? name : "test.html");
                return route.FulfillAsync(new RouteFulfillOptions { Path = File.Exists(file) ? file : Path.Combine(PagesDir, "test.html"), ContentType = "text/html" });
            });
            await RouteRendererAsync(Origin);
            await Context.RouteAsync(Origin + "/frameipc/ipc-renderer.mjs", route => route.FulfillAsync(new RouteFulfillOptions
            {
                Body = RendererScriptText.ModuleSource,
                ContentType = "text/javascript",
            }));
            _scripts.Start(() => Page);
        }

        protected override Task NavigateAsync() => Page.GotoAsync(Origin + "/test.html");

        protected override void StopTransport()
        {
            _scripts?.Stop(Deadline);
        }

        private Task InjectHostAsync() => Js("() => window.__injectHost()");

        /// <summary>A second engine with its own dev server that accepts any Origin: the party a crafted link points at.</summary>
        private sealed class OtherEngine : IAsyncDisposable
        {
            public readonly IpcMain Main = new IpcMain();
            public readonly TestSupport.EngineLoop Loop;
            public readonly WebSocketDevServer Server;
            public readonly ConcurrentQueue<string> Received = new ConcurrentQueue<string>();
            private int _ready;

            public OtherEngine()
            {
                Loop = new TestSupport.EngineLoop(Main);
                Main.ViewReady += _ => Interlocked.Increment(ref _ready);
                Main.On("page:early", e => Received.Enqueue("page:early " + e.ArgsJson));
                Main.On("hud:click", e => Received.Enqueue("hud:click " + e.ArgsJson));
                Server = new WebSocketDevServer(Main, new WebSocketDevServerOptions { Enabled = true, AllowedOrigins = new[] { "*" }, StaticFilesRoot = PagesDir });
                Server.Start();
            }

            public int ReadyViews => Volatile.Read(ref _ready);

            /// <summary>
            /// A page this engine serves, with its <c>?frameipc=&amp;token=</c> and <paramref name="extra"/>. Served from loopback
            /// because Chromium keeps a page of another address space (app.test) from opening a loopback WebSocket at all.
            /// </summary>
            public string Link(string page, string extra) => Server.PageUrl(page) + extra;

            public async ValueTask DisposeAsync()
            {
                Server.Stop();
                await Loop.Run(() => { Loop.Ticking = false; Main.Dispose(); });
                Loop.Dispose();
            }
        }
    }
}
