using System.Collections.Concurrent;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>
    /// The page's ipcRenderer where Electron's own specs (api-ipc-renderer-spec, api-ipc-spec) have an answer: what cannot
    /// be sent throws at the sender, argument errors use Electron's texts, and eventNames(). Sends from unload handlers and a
    /// released context are in DevServerSuite.Leaving (a page with a connection of its own, whose messages survive
    /// unload) and ScriptBridgeSuite.Leaving (what the page hands its host during unload).
    /// </summary>
    public abstract partial class RendererConformance
    {
        [Test]
        public async Task Unsendable_ThrowsAtTheSender_WithElectronsText_AndNothingArrives()
        {
            var got = new ConcurrentQueue<string>();
            await Engine.Run(() => Main.On("x", e => got.Enqueue(e.ArgsJson)));
            await LoadAsync();

            string[] errors = await Js<string[]>(@"() => {
                const circular = {}; circular.self = circular;
                const values = [() => 1, Promise.resolve(1), Symbol('s'), new WeakMap(), new WeakSet(), new MessageChannel().port1,
                    document.createElement('canvas').getContext('2d'), document.location, document.body, window,
                    { nested: [1, { fn() {} }] }, new Map([[1, 2]]), new Set([1]), 10n, new Date(NaN), circular];
                return values.map(v => { try { ipcRenderer.send('x', v); return 'sent'; } catch (err) { return err.message; } });
            }");

            const string Clone = "An object could not be cloned.";
            for (int i = 0; i < 11; i++) Assert.That(errors[i], Does.StartWith(Clone), "value " + i);
            Assert.That(errors[11], Does.StartWith("A Map cannot be sent"));
            Assert.That(errors[12], Does.StartWith("A Set cannot be sent"));
            Assert.That(errors[13], Does.StartWith("A BigInt cannot be sent"));
            Assert.That(errors[14], Does.StartWith("An invalid Date cannot be sent"));
            Assert.That(errors[15], Does.Contain("circular structure"));

            Assert.That(await Js<string>("() => ipcRenderer.invoke('x', () => 1).then(() => 'resolved', err => err.message)"), Does.StartWith(Clone));
            await Js("() => ipcRenderer.send('x', 'after')");
            await Until(() => got.Count == 1, "the sendable message");
            Assert.That(got, Is.EqualTo(new[] { "[\"after\"]" }), "nothing unsendable was half-sent");
        }

        [Test]
        public async Task ArgumentErrors_UseElectronsTexts()
        {
            await LoadAsync();

            string[] errors = await Js<string[]>(@"async () => {
                const attempt = f => { try { f(); return 'no error'; } catch (err) { return err.name + ': ' + err.message; } };
                return [
                    attempt(() => ipcRenderer.send()),
                    attempt(() => ipcRenderer.send(null)),
                    attempt(() => ipcRenderer.send(undefined, 1)),
                    attempt(() => ipcRenderer.sendTo(1)),
                    await ipcRenderer.invoke(42).then(() => 'resolved', err => err.name + ': ' + err.message),
                    attempt(() => ipcRenderer.on('x', 5)),
                    attempt(() => ipcRenderer.handle('x', 'not a function')),
                ];
            }");

            Assert.That(errors, Is.EqualTo(new[]
            {
                "TypeError: Missing required channel argument",
                "TypeError: Missing required channel argument",
                "TypeError: Missing required channel argument",
                "TypeError: Missing required channel argument",
                "TypeError: Missing required channel argument",
                "TypeError: The \"listener\" argument must be of type function. Received type number",
                "TypeError: Expected handler to be a function, but found type 'string'",
            }));
        }

        [Test]
        public async Task EventNames_ListsTheChannelsWithListeners_NeverInternalOnes()
        {
            await LoadAsync();

            string[][] names = await Js<string[][]>(@"() => {
                const seen = [];
                const off = () => {};
                ipcRenderer.on('a', off);
                ipcRenderer.once('b', off);
                ipcRenderer.handle('handled', () => 1);            // a handler is not a listener
                ipcRenderer.onConnectionStateChange(() => {});       // nor is the connection's own state
                seen.push(ipcRenderer.eventNames());
                ipcRenderer.removeListener('a', off);
                ipcRenderer.removeAllListeners('welcome');
                seen.push(ipcRenderer.eventNames());
                return seen;
            }");

            Assert.That(names, Is.EqualTo(new[] { new[] { "welcome", "a", "b" }, new[] { "b" } }));
            await Engine.Run(() => View.Send("b"));
            await FenceAsync();
            Assert.That(await Js<string[]>("() => ipcRenderer.eventNames()"), Is.EqualTo(new[] { "test:fence" }), "a once listener that ran is gone");
        }
    }
}
