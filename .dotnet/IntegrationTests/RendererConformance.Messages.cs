using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    public abstract partial class RendererConformance
    {
        [Test]
        public async Task Handshake_GivesThePageItsViewId_OverTheExpectedBridge()
        {
            int viewId = await LoadAsync();

            Assert.That(await Js<string>("() => ipcRenderer.bridge"), Is.EqualTo(ExpectedBridge));
            Assert.That(await Js<int>("() => ipcRenderer.viewId"), Is.EqualTo(viewId));
            Assert.That(await Js<bool>("() => ipcRenderer.isReady"), Is.True);
            Assert.That(View.IsReady, Is.True);
        }

        [Test]
        public async Task Send_PageToEngine_ArrivesWithArgumentsAndSenderId()
        {
            var got = new ConcurrentQueue<string>();
            await Engine.Run(() => Main.On("p2e", e => got.Enqueue(e.SenderId + " " + e.ArgsJson)));
            await LoadAsync();

            await Js("() => { ipcRenderer.send('p2e', 1, 'two', { three: [3] }); ipcRenderer.send('p2e'); }");

            await Until(() => got.Count == 2, "two sends to reach the engine");
            Assert.That(got, Is.EqualTo(new[] { View.Id + " [1,\"two\",{\"three\":[3]}]", View.Id + " []" }));
        }

        [Test]
        public async Task Send_EngineToPage_ReachesOnAndOnceListeners_ButNotRemovedOnes()
        {
            await LoadAsync();
            await Js(@"() => {
                window.got = [];
                const removed = (e, n) => window.got.push('removed:' + n);
                ipcRenderer.on('e2p', (e, n, s) => window.got.push('on:' + n + ':' + s.k + ':' + e.senderId));
                ipcRenderer.once('e2p', (e, n) => window.got.push('once:' + n));
                ipcRenderer.addListener('e2p', removed);
                ipcRenderer.removeListener('e2p', removed);
                ipcRenderer.on('gone', () => window.got.push('gone'));
                ipcRenderer.removeAllListeners('gone');
            }");

            await Engine.Run(() =>
            {
                View.Send("e2p", 1, new Dictionary<string, string> { ["k"] = "v" });
                View.Send("e2p", 2, new Dictionary<string, string> { ["k"] = "w" });
                View.Send("gone");
            });
            await FenceAsync();

            Assert.That(await Js<string[]>("() => window.got"), Is.EqualTo(new[] { "on:1:v:0", "once:1", "on:2:w:0" }));
            Assert.That(await Js<int>("() => ipcRenderer.listenerCount('e2p')"), Is.EqualTo(1));
        }

        [Test]
        public async Task Listener_SeesOnlyASafeSenderFacade_ThatCanAnswer()
        {
            var answers = new ConcurrentQueue<string>();
            await Engine.Run(() => Main.On<string>("answer", (e, text) => answers.Enqueue(text)));
            await LoadAsync();
            await Js(@"() => {
                ipcRenderer.on('ask', (event) => {
                    window.senderKeys = Object.keys(event.sender).sort().join(',');
                    window.senderFrozen = Object.isFrozen(event.sender);
                    event.sender.send('answer', 'pong');
                });
            }");

            await Engine.Run(() => View.Send("ask"));

            await Until(() => answers.Count == 1, "the page's answer through event.sender");
            Assert.That(answers, Is.EqualTo(new[] { "pong" }));
            Assert.That(await Js<string>("() => window.senderKeys"), Is.EqualTo("invoke,send"));
            Assert.That(await Js<bool>("() => window.senderFrozen"), Is.True);
        }

        [Test]
        public async Task SendSync_Throws_TellingToUseInvoke()
        {
            await LoadAsync();

            var message = await Js<string>("() => { try { ipcRenderer.sendSync('x'); return 'returned'; } catch (e) { return e.message; } }");

            Assert.That(message, Does.Contain("Use ipcRenderer.invoke()").And.Contain(ExpectedBridge));
        }
    }
}
