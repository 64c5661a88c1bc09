using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FrameIpc.TestSupport;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    public abstract partial class RendererConformance
    {
        [Test]
        public async Task SendsBeforeReady_AreHeldOnBothSides_AndDeliveredAfterTheHandshake()
        {
            var early = new ConcurrentQueue<string>();
            await Engine.Run(() => Main.On<string>("page:early", (e, text) => early.Enqueue(text)));
            Engine.Ticking = false; // the engine is in a long frame: the page's hello waits

            await NavigateAsync(); // test.html sends 'page:early' from its <head>, before any bridge exists
            await UntilAttachedAsync();
            bool readyWhenSent = await Engine.Run(() =>
            {
                var view = Main.Views[0];
                view.Send("welcome", "held for you");
                return view.IsReady;
            });
            Engine.Ticking = true;
            View = await NextReadyViewAsync();

            Assert.That(readyWhenSent, Is.False);
            await UntilPage("() => window.early.welcome.length === 1");
            Assert.That(await Js<string[]>("() => window.early.welcome"), Is.EqualTo(new[] { "held for you" }));
            await Until(() => early.Count == 1, "the page's early send");
            Assert.That(early, Is.EqualTo(new[] { "from the head" }));
        }

        [Test]
        public async Task ThousandInterleavedMessages_PageToEngine_ArriveInOrder()
        {
            var order = new List<int>(); // touched only on the engine loop
            await Engine.Run(() =>
            {
                Main.On<int>("seq", (e, i) => order.Add(i));
                Main.Handle("seq:invoke", e => { int i = e.Arg<int>(0); order.Add(i); return i * 2; });
            });
            await LoadAsync();

            long sum = await Js<long>(@"async () => {
                const calls = [];
                for (let i = 0; i < 1000; i++) {
                    if (i % 3 === 0) calls.push(ipcRenderer.invoke('seq:invoke', i)); else ipcRenderer.send('seq', i);
                }
                return (await Promise.all(calls)).reduce((a, b) => a + b, 0);
            }");

            Assert.That(sum, Is.EqualTo(Enumerable.Range(0, 1000).Where(i => i % 3 == 0).Sum(i => 2L * i)));
            Assert.That(await Engine.Run(() => order.ToArray()), Is.EqualTo(Enumerable.Range(0, 1000).ToArray()));
        }

        [Test]
        public async Task ThousandInterleavedMessages_EngineToPage_ArriveInOrder()
        {
            await LoadAsync();
            await Js(@"() => {
                window.order = [];
                ipcRenderer.on('seq', (e, i) => window.order.push(i));
                ipcRenderer.handle('seq:invoke', (e, i) => { window.order.push(i); return i + 1; });
            }");

            var calls = await Engine.Run(() =>
            {
                var pending = new List<Task<int>>();
                for (int i = 0; i < 1000; i++)
                {
                    if (i % 3 == 0) pending.Add(EngineLoop.Detach(View.InvokeAsync<int, int>("seq:invoke", i)));
                    else View.Send("seq", i);
                }
                return pending;
            });
            int[] results = await Task.WhenAll(calls);

            Assert.That(results, Is.EqualTo(Enumerable.Range(0, 1000).Where(i => i % 3 == 0).Select(i => i + 1).ToArray()));
            await UntilPage("() => window.order.length === 1000");
            Assert.That(await Js<int[]>("() => window.order"), Is.EqualTo(Enumerable.Range(0, 1000).ToArray()));
        }

        [Test]
        public async Task Reload_RejectsPendingInvokes_AndHandshakesAgain()
        {
            var handlerStarted = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var handlerCancelled = await HandleUntilCancelledAsync("engine:slow", handlerStarted);
            var after = new ConcurrentQueue<int>();
            await Engine.Run(() => Main.On("after:reload", e => after.Enqueue(e.SenderId)));
            int first = await LoadAsync();
            var firstView = View;
            await HandleForeverInPageAsync();

            var toPage = Engine.Call(() => firstView.InvokeAsync<int>("forever", new IpcInvokeOptions(TimeSpan.FromSeconds(60))));
            await Js("() => { ipcRenderer.invoke('engine:slow').catch(() => {}); }");
            await UntilPage("() => window.started === 1");
            await WithDeadline(handlerStarted.Task, "the engine handler to start");
            int second = await ReloadAsync();

            var gone = await CatchAsync<IpcException>(toPage);
            Assert.That(gone.Name, Is.EqualTo("ViewGoneError"));
            Assert.That(gone.Code, Is.EqualTo("EVIEWGONE"));
            await WithDeadline(handlerCancelled, "the page's pending invoke to cancel the engine handler");
            if (ReloadIsNewView)
            {
                Assert.That(second, Is.Not.EqualTo(first));
                Assert.That(firstView.IsDestroyed, Is.True);
            }
            else
            {
                Assert.That(second, Is.EqualTo(first));
                Assert.That(View.LoadCount, Is.EqualTo(2));
            }
            await Js("() => ipcRenderer.send('after:reload')");
            await Until(() => after.Count == 1, "a send from the reloaded page");
            Assert.That(after, Is.EqualTo(new[] { second }));
        }
    }
}
