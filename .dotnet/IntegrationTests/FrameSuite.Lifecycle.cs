using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>Frames in Chromium: scoped handlers and their precedence, SendToFrame, and frames that navigate or are removed.</summary>
    public sealed partial class FrameSuite
    {
        [Test]
        public async Task AFramesScopedHandlerTakesPrecedence_OverTheViewsAndIpcMains_ForThatFrameOnly()
        {
            await LoadAsync();
            var shop = await AddFrameAsync("shop", AppOrigin + "/frame.html");
            var other = await AddFrameAsync("other", AppOrigin + "/frame.html?other");
            var shopFrame = await ReadyFrameAsync(shop);
            await ReadyFrameAsync(other);
            await Engine.Run(() =>
            {
                Main.Handle("who", e => "main");
                View.Ipc.Handle("who", e => "view");
                shopFrame.Ipc.Handle("who", e => "shop frame " + e.SenderFrame.Id);
            });

            Assert.That(await shop.EvaluateAsync<string>("() => ipcRenderer.invoke('who')"), Is.EqualTo("shop frame " + shopFrame.Id));
            Assert.That(await other.EvaluateAsync<string>("() => ipcRenderer.invoke('who')"), Is.EqualTo("view"));
            Assert.That(await Js<string>("() => ipcRenderer.invoke('who')"), Is.EqualTo("view"));
            await Engine.Run(() => View.Ipc.RemoveHandler("who"));
            Assert.That(await other.EvaluateAsync<string>("() => ipcRenderer.invoke('who')"), Is.EqualTo("main"));
            Assert.That(await shop.EvaluateAsync<string>("() => ipcRenderer.invoke('who')"), Is.EqualTo("shop frame " + shopFrame.Id));
        }

        [Test]
        public async Task AFrameInAFrame_SpeaksThroughTheTopPage_WithItsParentFrame_AndSendsToHostToTheFrameThatEmbedsIt()
        {
            await LoadAsync();
            var heard = new ConcurrentQueue<string>();
            await Engine.Run(() => Main.On("nested:hello", e => heard.Enqueue(e.SenderFrame.Id + " parent " + e.SenderFrame.Parent.Id)));
            var shop = await AddFrameAsync("shop", AppOrigin + "/frame.html");
            var shopFrame = await ReadyFrameAsync(shop);
            var inner = await AddFrameAsync("inner", AppOrigin + "/frame.html?inner", shop);
            var innerFrame = await ReadyFrameAsync(inner);
            await shop.EvaluateAsync("() => { window.hostGot = []; document.querySelector('iframe').addEventListener('ipc-message', e => window.hostGot.push(e.channel + ' ' + e.args[0])); }");

            await inner.EvaluateAsync("() => { ipcRenderer.send('nested:hello'); ipcRenderer.sendToHost('inner:size', 120); }");

            await Until(() => heard.Count == 1, "the nested frame's send");
            Assert.That(heard, Is.EqualTo(new[] { innerFrame.Id + " parent " + shopFrame.Id }));
            Assert.That(innerFrame.Parent, Is.SameAs(shopFrame));
            await UntilFrame(shop, "() => window.hostGot.length === 1");
            Assert.That(await shop.EvaluateAsync<string>("() => window.hostGot[0]"), Is.EqualTo("inner:size 120"));

            var detached = new ConcurrentQueue<int>();
            await Engine.Run(() => View.FrameDetached += f => detached.Enqueue(f.Id));
            await Js("() => document.querySelector('iframe[name=shop]').remove()");
            await Until(() => detached.Count == 2, "both frames to be detached");
            Assert.That(innerFrame.Detached && shopFrame.Detached, Is.True, "a removed frame takes its own frames with it");
        }

        [Test]
        public async Task SendToFrame_ReachesThatFrameOnly_AndTheEnginesInvokeOfAFrameIsAnsweredByIt()
        {
            await LoadAsync();
            await Js("() => { window.topGot = []; ipcRenderer.on('to-frame', (e, text) => window.topGot.push(text)); }");
            var shop = await AddFrameAsync("shop", AppOrigin + "/frame.html");
            var other = await AddFrameAsync("other", AppOrigin + "/frame.html?other");
            var shopFrame = await ReadyFrameAsync(shop);
            await ReadyFrameAsync(other);
            await shop.EvaluateAsync("() => ipcRenderer.handle('title', (e, n) => 'Shop ' + n)");
            await other.EvaluateAsync("() => ipcRenderer.handle('title', () => 'Other')");

            await Engine.Run(() => View.SendToFrame(shopFrame.Id, "to-frame", "only the shop"));
            string title = await Engine.Call(() => shopFrame.InvokeAsync<int, string>("title", 7));

            await UntilFrame(shop, "() => window.got.length === 1");
            Assert.That(await shop.EvaluateAsync<string>("() => window.got[0]"), Is.EqualTo("only the shop"));
            Assert.That(title, Is.EqualTo("Shop 7"));
            await EngineFenceAsync();
            Assert.That(await other.EvaluateAsync<int>("() => window.got.length"), Is.EqualTo(0));
            Assert.That(await Js<int>("() => window.topGot.length"), Is.EqualTo(0));
        }

        [Test]
        public async Task AFrameMayNotTransferMessagePorts_ButItsPostMessageWithoutPortsReachesTheEngine()
        {
            await LoadAsync();
            var heard = new System.Collections.Concurrent.ConcurrentQueue<int>();
            await Engine.Run(() => Main.On("frame:post", e => heard.Enqueue(e.Ports.Count)));
            var shop = await AddFrameAsync("shop", AppOrigin + "/frame.html");
            await ReadyFrameAsync(shop);

            string error = await shop.EvaluateAsync<string>(
                "() => { try { ipcRenderer.postMessage('frame:post', 1, [new MessageChannel().port1]); return 'no error'; } catch (err) { return err.message; } }");
            await shop.EvaluateAsync("() => ipcRenderer.postMessage('frame:post', 2)");
            await Until(() => !heard.IsEmpty, "the frame's postMessage without ports to reach the engine");
            await EngineFenceAsync();

            Assert.That(error, Is.EqualTo("ipcRenderer.postMessage() cannot transfer MessagePorts from an <iframe>: only the top page transfers ports"));
            Assert.That(heard.ToArray(), Is.EqualTo(new[] { 0 }));
        }

        [Test]
        public async Task AFrameThatNavigates_RejectsThePendingInvokesBothWays_AndComesBackWithItsIdAndNewUrl()
        {
            await LoadAsync();
            var shop = await AddFrameAsync("shop", AppOrigin + "/frame.html");
            var frame = await ReadyFrameAsync(shop);
            var tokens = new ConcurrentQueue<CancellationToken>();
            await Engine.Run(() => Main.Handle<int>("slow", (e, token) => { tokens.Enqueue(token); return new TaskCompletionSource<int>().Task; }));
            await shop.EvaluateAsync("() => { ipcRenderer.handle('never', () => new Promise(() => {})); ipcRenderer.invoke('slow').catch(() => {}); }");
            await Until(() => tokens.Count == 1, "the frame's invoke to reach its handler");
            var toFrame = Engine.Call(() => frame.InvokeAsync<string>("never"));
            var navigated = new ConcurrentQueue<string>();
            await Engine.Run(() => View.FrameNavigated += f => navigated.Enqueue(f.Id + " " + f.Url));

            await Js("() => { document.querySelector('iframe[name=shop]').src = 'http://app.test/frame.html?second'; }");

            var ex = Assert.ThrowsAsync<IpcException>(() => toFrame);
            Assert.That(ex.Name, Is.EqualTo(IpcErrorNames.ViewGone));
            Assert.That(ex.Message, Does.Contain($"frame {frame.Id} of view {View.Id} navigated"));
            tokens.TryPeek(out var token);
            Assert.That(token.IsCancellationRequested, Is.True, "the frame's own invoke was abandoned on the engine");
            await Until(() => navigated.Count == 1, "the frame's new document to say hello");
            Assert.That(navigated, Is.EqualTo(new[] { frame.Id + " " + AppOrigin + "/frame.html?second" }));
            Assert.That(await Engine.Run(() => View.FindFrame(frame.Id)), Is.SameAs(frame));
            Assert.That(frame.Detached, Is.False);
        }

        [Test]
        public async Task AFrameThatNavigatesToAnOriginNotAllowed_IsDetached_AndItsNewDocumentRefused()
        {
            await LoadAsync();
            var shop = await AddFrameAsync("shop", AppOrigin + "/frame.html");
            var frame = await ReadyFrameAsync(shop);
            var detached = new ConcurrentQueue<int>();
            await Engine.Run(() => View.FrameDetached += f => detached.Enqueue(f.Id));

            await Js($"() => {{ document.querySelector('iframe[name=shop]').src = '{StoreOrigin}/frame.html'; }}");

            await Until(() => detached.Count == 1, "the frame to be detached");
            Assert.That(frame.Detached, Is.True);
            var store = Page.Frames.Single(f => f.Name == "shop");
            await UntilFrame(store, "() => window.ipcRenderer && ipcRenderer.connectionState === 'closed'");
            Assert.That(await Engine.Run(() => View.AllFrames.Count), Is.EqualTo(1));
            TakePageErrors();
        }

        [Test]
        public async Task AFrameThatIsRemoved_RejectsThePendingInvokesBothWays_AndIsDetached()
        {
            await LoadAsync();
            var shop = await AddFrameAsync("shop", AppOrigin + "/frame.html");
            var frame = await ReadyFrameAsync(shop);
            var tokens = new ConcurrentQueue<CancellationToken>();
            var detached = new ConcurrentQueue<int>();
            await Engine.Run(() =>
            {
                Main.Handle<int>("slow", (e, token) => { tokens.Enqueue(token); return new TaskCompletionSource<int>().Task; });
                View.FrameDetached += f => detached.Enqueue(f.Id);
            });
            await shop.EvaluateAsync("() => { ipcRenderer.handle('never', () => new Promise(() => {})); ipcRenderer.invoke('slow').catch(() => {}); }");
            await Until(() => tokens.Count == 1, "the frame's invoke to reach its handler");
            var toFrame = Engine.Call(() => frame.InvokeAsync<string>("never"));

            await Js("() => document.querySelector('iframe[name=shop]').remove()");

            var ex = Assert.ThrowsAsync<IpcException>(() => toFrame);
            Assert.That(ex.Name, Is.EqualTo(IpcErrorNames.ViewGone));
            Assert.That(ex.Message, Does.Contain($"frame {frame.Id} of view {View.Id} was removed"));
            tokens.TryPeek(out var token);
            Assert.That(token.IsCancellationRequested, Is.True);
            await Until(() => detached.Count == 1, "FrameDetached");
            Assert.That(detached, Is.EqualTo(new[] { frame.Id }));
            Assert.That(frame.Detached, Is.True);
            Assert.That(await Engine.Run(() => View.FindFrame(frame.Id)), Is.Null);
            var sendAfter = Assert.ThrowsAsync<IpcException>(() => Engine.Run(() => View.SendToFrame(frame.Id, "to-frame", "late")));
            Assert.That(sendAfter.Name, Is.EqualTo(IpcErrorNames.ViewGone));
        }
    }
}
