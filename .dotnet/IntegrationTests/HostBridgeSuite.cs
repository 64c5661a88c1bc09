using System.Collections.Concurrent;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Playwright;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>
    /// ipc-renderer.js finds each embedded browser's own bridge by itself: stand-ins shaped like Vuplex's
    /// <c>window.vuplex</c>, WebView2's <c>window.chrome.webview</c> and CEF's <c>window.cefQuery</c>, with the page
    /// loading the script itself (no injection), and a round trip each way over each.
    /// </summary>
    [TestFixture("vuplex")]
    [TestFixture("webview2")]
    [TestFixture("cef")]
    public sealed class HostBridgeSuite : BrowserSuite
    {
        private const string Origin = "http://app.test";

        // Each stand-in posts through the exposed function; deliver(frame) is how its host pushes into the page.
        private const string StandIns = @"
            const post = (s) => window.__frameIpcTestPost(s);
            const target = new EventTarget();
            const on = (type, fn) => target.addEventListener(type, fn);
            window.__deliver = (frame) => target.dispatchEvent(new MessageEvent('message', { data: frame }));
            if (KIND === 'vuplex') window.vuplex = { postMessage: post, addEventListener: on };
            if (KIND === 'webview2') window.chrome = Object.assign(window.chrome || {}, { webview: { postMessage: post, addEventListener: on } });
            if (KIND === 'cef') { window.cefQuery = (q) => { post(q.request); q.onSuccess(''); return 1; }; window.__deliver = (f) => window.__frameIpcReceive(f); }";

        private readonly string _kind;
        private ScriptBridgeTransport _transport;
        private Channel<string> _frames;
        private Task _pump;

        public HostBridgeSuite(string kind) { _kind = kind; }

        protected override string ExpectedBridge => _kind;

        protected override Task StartTransportAsync()
        {
            _frames = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
            _transport = new ScriptBridgeTransport(frame => _frames.Writer.TryWrite(frame));
            Main.Attach(_transport, Origin);
            return Task.CompletedTask;
        }

        protected override async Task PrepareContextAsync()
        {
            await Context.ExposeFunctionAsync("__frameIpcTestPost", (string frame) => _transport.Receive(frame));
            await Context.AddInitScriptAsync("if (location.origin === '" + Origin + "') { const KIND = '" + _kind + "';" + StandIns + "\n}");
            await RouteTestPageAsync(Origin);
            _pump = Task.Run(PumpAsync);
        }

        private async Task PumpAsync()
        {
            await foreach (var frame in _frames.Reader.ReadAllAsync())
            {
                try { await Page.EvaluateAsync("f => window.__deliver(f)", frame); }
                catch (PlaywrightException) { }
            }
        }

        protected override Task NavigateAsync() => Page.GotoAsync(Origin + "/test.html");

        protected override void StopTransport()
        {
            _frames?.Writer.TryComplete();
            _pump?.Wait(Deadline);
        }

        [Test]
        public async Task PageFindsTheHostsBridge_AndMessagesCrossBothWays()
        {
            var early = new ConcurrentQueue<string>();
            await Engine.Run(() =>
            {
                Main.On<string>("page:early", (e, text) => early.Enqueue(text));
                Main.Handle("add", e => e.Arg<int>(0) + e.Arg<int>(1));
            });

            await LoadAsync();

            Assert.That(await Js<string>("() => ipcRenderer.bridge"), Is.EqualTo(_kind));
            Assert.That(await Js<int>("() => ipcRenderer.invoke('add', 20, 22)"), Is.EqualTo(42));
            await Until(() => early.Count == 1, "the page's early send");
            await Js("() => { window.hud = []; ipcRenderer.on('hud:health', (e, hp, max) => window.hud.push(hp + '/' + max)); }");
            await Engine.Run(() => View.Send("hud:health", 87, 100));
            await UntilPage("() => window.hud.length === 1");
            Assert.That(await Js<string>("() => window.hud[0]"), Is.EqualTo("87/100"));
        }
    }
}
