using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Playwright;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>
    /// The shared browser tests over the script bridge, Playwright standing in for an embedded browser: an exposed
    /// function is the host's post (page → engine), script evaluation of <c>window.__frameIpcReceive(...)</c> is its
    /// ExecuteJavaScript (engine → page), and the renderer is injected with ScriptBridgeTransport.InjectionScript.
    /// </summary>
    [TestFixture]
    public sealed partial class ScriptBridgeSuite : RendererConformance
    {
        private const string Origin = "http://app.test";
        private ScriptBridgeTransport _transport;
        private ScriptPump _scripts;
        private int _posts;   // crossings page → engine
        private int _pushes;  // crossings engine → page

        protected override string ExpectedBridge => "host";

        protected override Task StartTransportAsync()
        {
            var scripts = _scripts = new ScriptPump();
            _posts = _pushes = 0;
            _transport = ScriptBridgeTransport.ForScriptExecution(script => { Interlocked.Increment(ref _pushes); scripts.Post(script); });
            Main.Attach(_transport, Origin);
            return Task.CompletedTask;
        }

        protected override async Task PrepareContextAsync()
        {
            await Context.ExposeFunctionAsync("__frameIpcTestPost", (string frame) => { Interlocked.Increment(ref _posts); _transport.Receive(frame); });
            // Only into the app's pages, as real glue would: the blank page a tab starts on must not handshake.
            await Context.AddInitScriptAsync("if (location.origin === '" + Origin + "') {\n" +
                ScriptBridgeTransport.InjectionScript("window.__frameIpcTestPost") + "\n}");
            await RouteTestPageAsync(Origin);
            _scripts.Start(() => Page);
        }

        protected override Task NavigateAsync() => Page.GotoAsync(Origin + "/test.html");

        protected override void StopTransport() => _scripts?.Stop(System.TimeSpan.FromSeconds(30));

        protected override Task UntilAttachedAsync() => Task.CompletedTask; // attached before the page exists

        [Test]
        public async Task WhatOneSideSendsInOneFrame_CrossesTheBridgeOnce_EachWay()
        {
            var got = new ConcurrentQueue<int>();
            var fenced = new ConcurrentQueue<bool>();
            await Engine.Run(() =>
            {
                Main.On<int>("burst", (e, i) => got.Enqueue(i));
                Main.On("test:page-fence", e => fenced.Enqueue(true));
            });
            await LoadAsync();
            await Js("() => { window.burst = 0; ipcRenderer.on('burst', () => { window.burst++; }); }");
            // What the page held before the handshake (test.html's early send) leaves with the first batch after it,
            // a frame after ipcRenderer.ready resolved: count from a fence that crossed after it, not from the handshake.
            await Js("() => ipcRenderer.send('test:page-fence')");
            await Until(() => fenced.Count == 1, "the page's fence to reach the engine");
            int postsBefore = Volatile.Read(ref _posts);

            await Js("() => { for (let i = 0; i < 100; i++) ipcRenderer.send('burst', i); }");
            await Until(() => got.Count == 100, "100 sends from one task of the page");
            Assert.That(Volatile.Read(ref _posts) - postsBefore, Is.EqualTo(1), "page → engine crossings");

            // Counted on the ticking thread, between ticks: every earlier tick has flushed, and this action's sends are
            // flushed by the next one.
            int pushesBefore = await Engine.Run(() =>
            {
                int before = Volatile.Read(ref _pushes);
                for (int i = 0; i < 100; i++) View.Send("burst", i);
                return before;
            });
            await UntilPage("() => window.burst === 100");
            Assert.That(Volatile.Read(ref _pushes) - pushesBefore, Is.EqualTo(1), "engine → page crossings");
        }
    }
}
