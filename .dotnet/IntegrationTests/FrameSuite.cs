using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>
    /// Frames in Chromium: a top page (test.html under <see cref="AppOrigin"/>) reaches the engine through an injected
    /// host bridge, as in PageClientSuite; the pages in its <c>&lt;iframe&gt;</c>s (frame.html, under the same origin or
    /// <see cref="StoreOrigin"/>) have no bridge of their own and speak through the top page's. Split by topic:
    /// .Lifecycle (navigate, remove, SendToFrame, precedence).
    /// </summary>
    [TestFixture]
    public sealed partial class FrameSuite : BrowserSuite
    {
        private const string AppOrigin = "http://app.test";
        private const string StoreOrigin = "http://store.test";

        private ScriptBridgeTransport _transport;
        private ScriptPump _scripts;

        protected override string ExpectedBridge => "host";

        protected override Task StartTransportAsync()
        {
            var scripts = _scripts = new ScriptPump();
            _transport = ScriptBridgeTransport.ForScriptExecution(script => scripts.Post(script));
            Main.Attach(_transport, AppOrigin);
            return Task.CompletedTask;
        }

        protected override async Task PrepareContextAsync()
        {
            await Context.ExposeFunctionAsync("__frameIpcTestPost", (string frame) => _transport.Receive(frame));
            // Only the top page gets the host: a frame's client must find its way through the top page's.
            await Context.AddInitScriptAsync("if (window === window.top) {\n" + ScriptBridgeTransport.InjectionScript("window.__frameIpcTestPost") + "\n}");
            foreach (var origin in new[] { AppOrigin, StoreOrigin })
            {
                await Context.RouteAsync(origin + "/**", route =>
                {
                    string name = Path.GetFileName(new Uri(route.Request.Url).AbsolutePath);
                    return route.FulfillAsync(new RouteFulfillOptions { Path = Path.Combine(PagesDir, name == "frame.html" ? "frame.html" : "test.html"), ContentType = "text/html" });
                });
                await RouteRendererAsync(origin);
            }
            _scripts.Start(() => Page);
        }

        protected override Task NavigateAsync() => Page.GotoAsync(AppOrigin + "/test.html");

        protected override void StopTransport() => _scripts?.Stop(Deadline);

        /// <summary>Adds <c>&lt;iframe name=<paramref name="name"/> src=<paramref name="url"/>&gt;</c> to the top page (or <paramref name="parent"/>) and returns its frame once its script ran.</summary>
        private async Task<IFrame> AddFrameAsync(string name, string url, IFrame parent = null)
        {
            string add = $"() => {{ const f = document.createElement('iframe'); f.name = '{name}'; f.src = '{url}'; document.body.appendChild(f); }}";
            if (parent == null) await Js(add);
            else await parent.EvaluateAsync(add);
            IFrame frame = null;
            await Until(() => (frame = Page.Frames.FirstOrDefault(f => f.Name == name && f.Url == url)) != null, "the iframe " + name);
            await frame.WaitForFunctionAsync("() => window.ipcRenderer && window.got");
            return frame;
        }

        private static Task UntilFrame(IFrame frame, string expression) =>
            frame.WaitForFunctionAsync(expression, null, new FrameWaitForFunctionOptions { Timeout = (float)Deadline.TotalMilliseconds, PollingInterval = 10 });

        private async Task<WebFrameMain> ReadyFrameAsync(IFrame frame)
        {
            await UntilFrame(frame, "() => ipcRenderer.isReady");
            int id = await frame.EvaluateAsync<int>("() => ipcRenderer.frameId");
            Assert.That(id, Is.GreaterThan(0));
            WebFrameMain found = null;
            await Until(() => (found = Engine.Run(() => View.FindFrame(id)).Result) != null, "the engine to attach frame " + id);
            return found;
        }

        /// <summary>The top page sends a marker and the engine hears it: whatever the page had passed on before it has arrived.</summary>
        private async Task EngineFenceAsync()
        {
            int fences = 0;
            await Engine.Run(() => Main.Once("test:fence", e => fences++));
            await Js("() => ipcRenderer.send('test:fence')");
            await Until(() => Engine.Run(() => fences).Result > 0, "the engine to hear the fence");
        }

        [Test]
        public async Task ASameOriginFrame_SendsAndInvokesThroughTheTopPage_AsOneViewWithFrames()
        {
            await LoadAsync();
            var heard = new ConcurrentQueue<string>();
            await Engine.Run(() =>
            {
                Main.On<string>("frame:hello", (e, text) =>
                {
                    var f = e.SenderFrame;
                    heard.Enqueue($"{text} frame={f.Id} origin={f.Origin} url={f.Url} parent={f.Parent?.Id} sender={e.Sender == View}");
                    e.Reply("to-frame", "reply to " + text);
                });
                Main.Handle("frame:double", e => e.Arg<int>(0) * 2 + e.SenderFrame.Id * 1000);
            });
            await Js("() => { window.topGot = []; ipcRenderer.on('to-frame', (e, text) => window.topGot.push(text)); }");

            var frame = await AddFrameAsync("shop", AppOrigin + "/frame.html");
            var engineFrame = await ReadyFrameAsync(frame);
            int id = engineFrame.Id;
            await frame.EvaluateAsync("() => ipcRenderer.send('frame:hello', 'hi')");
            int doubled = await frame.EvaluateAsync<int>("() => ipcRenderer.invoke('frame:double', 21)");

            Assert.That(doubled, Is.EqualTo(42 + id * 1000), "the handler saw the frame as its SenderFrame");
            await Until(() => heard.Count == 1, "the frame's send");
            Assert.That(heard, Is.EqualTo(new[] { $"hi frame={id} origin={AppOrigin} url={AppOrigin}/frame.html parent=0 sender=True" }));
            await UntilFrame(frame, "() => window.got.length === 1");
            Assert.That(await frame.EvaluateAsync<string>("() => window.got[0]"), Is.EqualTo("reply to hi"));
            Assert.That(await frame.EvaluateAsync<string>("() => ipcRenderer.bridge + ' ' + ipcRenderer.viewId"), Is.EqualTo("frame " + View.Id));
            Assert.That(await Js<int>("() => window.topGot.length"), Is.EqualTo(0), "the reply went to the frame, not the top page");
            Assert.That(Main.Views.Count, Is.EqualTo(1), "the engine sees one view");
            Assert.That(await Js<int>("() => ipcRenderer.frameId"), Is.EqualTo(0));
        }

        [Test]
        public async Task AFrameOfAForeignOrigin_IsRefusedByDefault_AndNothingReachesTheEngine()
        {
            await LoadAsync();
            int heard = 0;
            await Engine.Run(() => Main.On("frame:hello", e => heard++));

            var frame = await AddFrameAsync("store", StoreOrigin + "/frame.html");
            await UntilFrame(frame, "() => ipcRenderer.connectionState === 'closed'");
            string thrown = await frame.EvaluateAsync<string>("() => { try { ipcRenderer.send('frame:hello'); return 'sent'; } catch (e) { return e.name + ': ' + e.message; } }");
            string rejected = await frame.EvaluateAsync<string>("() => ipcRenderer.invoke('frame:hello').then(() => 'resolved', e => e.name)");

            string refusal = $"FrameIPC: a frame of {StoreOrigin} may not use the bridge of this page ({AppOrigin}): its origin is not allowed; " +
                $"the top page allows it with ipcRenderer.init({{ frameOrigins: ['{StoreOrigin}'] }})";
            Assert.That(thrown, Is.EqualTo("ForbiddenError: " + refusal));
            Assert.That(rejected, Is.EqualTo("ForbiddenError"));
            Assert.That(await frame.EvaluateAsync<string[]>("() => window.errors"), Has.Member("ForbiddenError: " + refusal));
            await EngineFenceAsync();
            Assert.That(heard, Is.EqualTo(0));
            Assert.That(await Engine.Run(() => View.AllFrames.Count), Is.EqualTo(1), "no frame attached");
            TakePageErrors();
        }

        [Test]
        public async Task AWindowThatIsNotAFrameOfThePage_IsRefused_EvenOfTheSameOrigin()
        {
            await LoadAsync();
            // A same-origin popup posing as a frame: its messages come from a window outside the page's frame tree.
            string answer = await Js<string>(@"async () => {
                const popup = window.open('');
                const answered = new Promise(resolve => popup.addEventListener('message', e => resolve(e.data.frameipc + ': ' + e.data.message)));
                popup.eval(""opener.postMessage({ frameipc: 'up', f: JSON.stringify({ k: 'hello', v: 1 }), doc: 'x' }, '*')"");
                const text = await answered;
                popup.close();
                return text;
            }");

            Assert.That(answer, Is.EqualTo($"refused: FrameIPC: a frame of {AppOrigin} may not use the bridge of this page ({AppOrigin}): it is not a frame of this page"));
            await EngineFenceAsync();
            Assert.That(await Engine.Run(() => View.AllFrames.Count), Is.EqualTo(1), "no frame attached");
        }

        [Test]
        public async Task AFrameOfAForeignOrigin_WorksWhenTheTopPageListsIt()
        {
            await LoadAsync();
            var heard = new ConcurrentQueue<string>();
            await Engine.Run(() => Main.On("frame:hello", e => heard.Enqueue(e.SenderFrame.Origin + " " + e.SenderFrame.Url)));
            await Js($"() => ipcRenderer.init({{ frameOrigins: ['{StoreOrigin}'] }})");

            var frame = await AddFrameAsync("store", StoreOrigin + "/frame.html");
            await ReadyFrameAsync(frame);
            await frame.EvaluateAsync("() => ipcRenderer.send('frame:hello')");

            await Until(() => heard.Count == 1, "the foreign frame's send");
            Assert.That(heard, Is.EqualTo(new[] { StoreOrigin + " " + StoreOrigin + "/frame.html" }));
        }

        [Test]
        public async Task SendToHost_ReachesTheIframeElementsIpcMessageEvent_WithoutTheEngine_AndOnlyFromAnAllowedOrigin()
        {
            await LoadAsync();
            int engineHeard = 0;
            await Engine.Run(() => Main.On("cart:changed", e => engineHeard++));
            var shop = await AddFrameAsync("shop", AppOrigin + "/frame.html");
            var store = await AddFrameAsync("store", StoreOrigin + "/frame.html");
            await Js(@"() => { window.hostGot = [];
                for (const f of document.querySelectorAll('iframe'))
                    f.addEventListener('ipc-message', e => window.hostGot.push(f.name + ' ' + e.channel + ' ' + JSON.stringify(e.args) + ' ' + (e.target === f))); }");

            await shop.EvaluateAsync("() => ipcRenderer.sendToHost('cart:changed', 3, { sku: 'potion', at: new Date(0) })");
            await store.EvaluateAsync("() => ipcRenderer.sendToHost('cart:changed', 4)");

            await UntilPage("() => window.hostGot.length === 1");
            Assert.That(await Js<string>("() => window.hostGot[0]"), Is.EqualTo("shop cart:changed [3,{\"sku\":\"potion\",\"at\":\"1970-01-01T00:00:00.000Z\"}] true"));
            await UntilFrame(store, "() => window.errors.some(e => e.startsWith('ForbiddenError: FrameIPC: a frame of http://store.test may not sendToHost to this page'))");
            Assert.That(await Js<int>("() => window.hostGot.length"), Is.EqualTo(1), "the foreign frame's sendToHost was refused");
            Assert.That(await Js<string>("() => { try { ipcRenderer.sendToHost('x'); return 'sent'; } catch (e) { return e.message; } }"),
                Is.EqualTo("ipcRenderer.sendToHost() needs an embedding page: this page is not in a frame"));
            await EngineFenceAsync();
            Assert.That(engineHeard, Is.EqualTo(0), "sendToHost never involves the engine");
            TakePageErrors();
        }
    }
}
