using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    public sealed partial class PageClientSuite
    {
        [Test]
        public async Task UrlParameter_NeverOverridesAnInjectedHostBridge()
        {
            var received = new ConcurrentQueue<string>();
            await Engine.Run(() => Main.On("hud:click", e => received.Enqueue(e.ArgsJson)));
            await using var other = new OtherEngine();

            await Page.GotoAsync(other.Link("test.html", ""));
            View = await NextReadyViewAsync();
            await Js("() => ipcRenderer.send('hud:click', 'potions')");
            await Until(() => received.Count == 1, "the page's send to reach the engine that injected the host bridge");

            Assert.That(await Js<string>("() => ipcRenderer.bridge"), Is.EqualTo("host"));
            Assert.That(await Js<string[]>("() => window.__sockets"), Is.Empty, "WebSockets the page opened");
            Assert.That(other.ReadyViews, Is.Zero);
            Assert.That(other.Received, Is.Empty);
        }

        [Test]
        public async Task HostBridgeInjectedLate_ReplacesAUrlParameterConnection()
        {
            var received = new ConcurrentQueue<string>();
            await Engine.Run(() => Main.On("hud:click", e => received.Enqueue(e.ArgsJson)));
            await using var other = new OtherEngine();

            // No host yet: the loopback ?frameipc= is honoured (a dev page in a plain browser).
            await Page.GotoAsync(other.Link("test.html", "&latehost"));
            await Until(() => other.ReadyViews == 1, "the page to handshake over its ?frameipc= URL");
            await UntilPage("() => ipcRenderer.bridge === 'websocket' && ipcRenderer.isReady");

            // Then the embedded browser injects its bridge (as Vuplex does after 'vuplexready'): it wins.
            await InjectHostAsync();
            View = await NextReadyViewAsync();
            await Js("() => ipcRenderer.send('hud:click', 'after the host came')");
            await Until(() => received.Count == 1, "the send to reach the host bridge's engine");

            Assert.That(await Js<string>("() => ipcRenderer.bridge"), Is.EqualTo("host"));
            await Until(() => other.Main.Views.Count == 0, "the ?frameipc= connection to close");
            Assert.That(other.Received.Where(r => r.StartsWith("hud:click", StringComparison.Ordinal)), Is.Empty);
        }

        [TestCase("ws://127.0.0.1:9/ipc", "", true)]
        [TestCase("ws://127.45.6.7:9/ipc", "", true)]
        [TestCase("ws://localhost:9/ipc", "", true)]
        [TestCase("ws://[::1]:9/ipc", "", true)]
        [TestCase("wss://127.0.0.1:9/ipc", "", true)]
        [TestCase("ws://evil.test:9/ipc", "", false)]
        [TestCase("ws://10.0.0.5:9/ipc", "", false)]
        [TestCase("ws://127.0.0.1.evil.test:9/ipc", "", false)]
        [TestCase("ws://localhost.evil.test:9/ipc", "", false)]
        [TestCase("http://127.0.0.1:9/ipc", "", false)]
        [TestCase("ws://evil.test:9/ipc", "evil.test:9", true)]
        [TestCase("ws://evil.test/ipc", "evil.test", true)]
        [TestCase("ws://evil.test:9/ipc", "evil.test:10", false)]
        [TestCase("ws://evil.test:9/ipc", "evil.test", false)]
        public async Task UrlParameter_IsHonouredForLoopback_OrAHostThePageAllows(string url, string allow, bool honoured)
        {
            var warnings = new ConcurrentQueue<string>();
            Page.Console += (_, message) => { if (message.Type == "warning") warnings.Enqueue(message.Text); };

            await Page.GotoAsync(Origin + "/query.html?nohost&frameipc=" + Uri.EscapeDataString(url) + "&token=t" +
                (allow.Length > 0 ? "&allow=" + Uri.EscapeDataString(allow) : ""));

            // Discovery either opens the socket or says why not, in the same step.
            if (honoured)
            {
                await UntilPage("() => window.__sockets.length > 0");
                Assert.That(await Js<string>("() => window.__sockets[0]"), Is.EqualTo(url + "?token=t"));
            }
            else
            {
                await Until(() => warnings.Any(w => w.Contains("ignored ?frameipc=")), "the page to say it ignored the URL");
                Assert.That(await Js<string[]>("() => window.__sockets"), Is.Empty);
            }
        }

        [Test]
        public async Task ElementsNamedLikeTheGlobals_NeitherDisableIpc_NorPoseAsABridge()
        {
            var early = new ConcurrentQueue<string>();
            await Engine.Run(() =>
            {
                Main.On<string>("page:early", (e, text) => early.Enqueue(text));
                Main.Handle("add", e => e.Arg<int>(0) + e.Arg<int>(1));
            });

            // The page's own script loads first and meets the elements (a host injecting before any HTML would set the
            // globals first, hiding the problem); the host's bridge, with a second copy of the script, comes after.
            await Page.GotoAsync(Origin + "/clobbered.html?latehost");
            await InjectHostAsync();
            View = await NextReadyViewAsync();

            Assert.That(await Js<int>("() => ipcRenderer.invoke('add', 20, 22)"), Is.EqualTo(42));
            Assert.That(await Js<bool>("() => window.FrameIpc.ipcRenderer === window.ipcRenderer && typeof FrameIpc.IpcError === 'function'"), Is.True);
            Assert.That(await Js<string>("() => ipcRenderer.bridge"), Is.EqualTo("host"));
            await Until(() => early.Count == 1, "the clobbered page's early send");
            Assert.That(early, Is.EqualTo(new[] { "from a clobbered page" }));
        }

        [Test]
        public async Task IframeNamedLikeAHostObject_DoesNotWinOverTheUrlParameter()
        {
            // <iframe name="vuplex"> makes window.vuplex a window, with postMessage and addEventListener of its own.
            await using var other = new OtherEngine();
            string link = other.Link("clobbered.html", "&nohost");

            await Page.GotoAsync(link);
            await Until(() => other.ReadyViews == 1, "the clobbered page to handshake over its ?frameipc= URL");

            Assert.That(await Js<string>("() => ipcRenderer.bridge"), Is.EqualTo("websocket"));
            await Until(() => other.Received.Contains("page:early [\"from a clobbered page\"]"), "the page's early send over the WebSocket");
        }

        [Test]
        public async Task ModuleEntry_FindsTheInstance_EvenWhenFrameIpcIsClobbered()
        {
            await Page.GotoAsync(Origin + "/clobbered.html?latehost");
            await InjectHostAsync();
            View = await NextReadyViewAsync();

            bool same = await Js<bool>(@"async () => {
                const url = URL.createObjectURL(new Blob([""import { ipcRenderer } from '" + Origin + @"/frameipc/ipc-renderer.mjs'; window.viaModule = ipcRenderer;""], { type: 'text/javascript' }));
                await import(url);
                return window.viaModule === window.ipcRenderer;
            }");

            Assert.That(same, Is.True);
        }
    }
}
