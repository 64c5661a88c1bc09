using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    public sealed partial class PageClientSuite
    {
        private const int MaxArgs = 65536;   // ipc-renderer.js's MAX_ARGS
        private const int SmallFrame = 4096; // the engine's MaxFrameChars in the splitting tests

        [Test]
        public async Task SendArguments_AtAndUnderTheLimitArrive_OverItThrowsAtTheSender()
        {
            var counts = new ConcurrentQueue<int>();
            await Engine.Run(() => Main.On("many", e => counts.Enqueue(e.ArgCount)));
            await LoadAsync();

            var outcomes = await Js<string[]>(@"() => [65535, 65536, 65537, 200000].map(n => {
                const args = ['many'].concat(new Array(n).fill(0));
                try { ipcRenderer.send.apply(ipcRenderer, args); return n + ' sent'; }
                catch (e) { return n + ' ' + e.name + ': ' + e.message; }
            })");
            await Js("() => ipcRenderer.send('many')");
            await Until(() => counts.Count == 3, "the sends to arrive");

            Assert.That(outcomes[0], Is.EqualTo("65535 sent"));
            Assert.That(outcomes[1], Is.EqualTo("65536 sent"));
            Assert.That(outcomes[2], Is.EqualTo("65537 LimitError: Message on 'many' has 65537 arguments, over the limit of 65536; send them as one array"));
            // Past ~120,000 the browser refuses the call itself, before any code of ours runs: still an error at the
            // call, never a silent drop.
            Assert.That(outcomes[3], Does.StartWith("200000 RangeError").Or.StartWith("200000 LimitError"));
            Assert.That(counts, Is.EqualTo(new[] { 65535, 65536, 0 }));
        }

        [Test]
        public async Task EngineMessagesWithTooManyArguments_AreRefusedWithAnErrorTheEngineSees()
        {
            var peerErrors = new ConcurrentQueue<string>();
            Main.Diagnostic += d => { if (d.Kind == IpcDiagnosticKind.PeerError) peerErrors.Enqueue(d.Message); };
            await LoadAsync();
            await Js(@"() => { window.got = [];
                ipcRenderer.on('many', (event, ...args) => window.got.push(args.length));
                ipcRenderer.handle('count', (event, ...args) => args.length); }");

            foreach (int n in new[] { MaxArgs - 1, MaxArgs, MaxArgs + 1, 200_000 })
            {
                await Engine.Run(() => View.SendMany("many", Enumerable.Repeat<object>(0, n).ToArray()));
            }
            int atLimit = await Engine.Call(() => View.InvokeArgsAsync<IpcArgsArray, int>("count", new IpcArgsArray(Enumerable.Repeat<object>(0, MaxArgs).ToArray()), default));
            var over = await RendererConformance.CatchAsync<IpcException>(
                Engine.Call(() => View.InvokeArgsAsync<IpcArgsArray, int>("count", new IpcArgsArray(Enumerable.Repeat<object>(0, MaxArgs + 1).ToArray()), default)));
            await Until(() => peerErrors.Count == 2, "the page's two notices");

            Assert.That(await Js<int[]>("() => window.got"), Is.EqualTo(new[] { MaxArgs - 1, MaxArgs }));
            Assert.That(atLimit, Is.EqualTo(MaxArgs));
            Assert.That(over.Name, Is.EqualTo("LimitError"));
            Assert.That(over.Message, Does.Contain("with 65537 arguments was refused: over this page's limit of 65536"));
            Assert.That(peerErrors.ElementAt(0), Does.Contain("LimitError").And.Contain("65537 arguments"));
            Assert.That(peerErrors.ElementAt(1), Does.Contain("LimitError").And.Contain("200000 arguments"));
            Assert.That(await TakePageErrorsAsync(2), Has.Count.EqualTo(2), "the two refusals, reported in the page too");
        }

        [Test]
        public async Task ChannelNames_AtAndUnderTheLimitLeave_OverItAreRefusedAtTheSender()
        {
            var got = new ConcurrentQueue<int>();
            await Engine.Run(() =>
            {
                Main.On(new string('c', 1023), e => got.Enqueue(1023));
                Main.On(new string('c', 1024), e => got.Enqueue(1024));
            });
            await LoadAsync();

            var outcomes = await Js<string[]>(@"async () => {
                const out = [];
                for (const n of [1023, 1024, 1025]) {
                    try { ipcRenderer.send('c'.repeat(n)); out.push(n + ' sent'); } catch (e) { out.push(n + ' ' + e.name); }
                }
                out.push(await ipcRenderer.invoke('c'.repeat(1025)).then(() => 'resolved', e => 'invoke ' + e.name + ': ' + e.message));
                return out;
            }");
            await Until(() => got.Count == 2, "the sends on channels within the limit");

            Assert.That(outcomes.Take(3), Is.EqualTo(new[] { "1023 sent", "1024 sent", "1025 LimitError" }));
            Assert.That(outcomes[3], Does.StartWith("invoke LimitError: The channel name 'cccc").And.EndWith("is 1025 characters, over the limit of 1024"));
            Assert.That(got, Is.EqualTo(new[] { 1023, 1024 }));
        }

        [Test]
        [Property("MaxFrameChars", SmallFrame)]
        public async Task ABurstSeveralTimesTheEnginesLimit_LeavesInFramesUnderIt_AllInOrder()
        {
            var order = new List<int>(); // touched only on the engine loop
            var refused = new ConcurrentQueue<string>();
            Main.Diagnostic += d => { if (d.Kind == IpcDiagnosticKind.LimitExceeded) refused.Enqueue(d.Message); };
            await Engine.Run(() =>
            {
                Main.On<int>("seq", (e, i) => order.Add(i));
                Main.Handle("seq:invoke", e => { int i = e.Arg<int>(0); order.Add(i); return i; });
            });
            await LoadAsync();
            int postedBefore = _posted.Count;

            // 1,000 messages of ~110 characters from one task: about 27 times the engine's limit.
            long sum = await Js<long>(@"async () => {
                const pad = 'x'.repeat(80), calls = [];
                for (let i = 0; i < 1000; i++) {
                    if (i % 10 === 0) calls.push(ipcRenderer.invoke('seq:invoke', i, pad)); else ipcRenderer.send('seq', i, pad);
                }
                return (await Promise.all(calls)).reduce((a, b) => a + b, 0);
            }");

            Assert.That(sum, Is.EqualTo(Enumerable.Range(0, 100).Sum(i => 10L * i)));
            Assert.That(await Engine.Run(() => order.ToArray()), Is.EqualTo(Enumerable.Range(0, 1000).ToArray()));
            var frames = _posted.Skip(postedBefore).ToList();
            Assert.That(frames.Sum(f => f.Length), Is.GreaterThan(20 * SmallFrame));
            Assert.That(frames.Max(f => f.Length), Is.LessThanOrEqualTo(SmallFrame));
            Assert.That(refused, Is.Empty);
        }

        [Test]
        [Property("MaxFrameChars", SmallFrame)]
        public async Task SendsHeldBeforeReady_SeveralTimesTheEnginesLimit_AllArriveInOrder()
        {
            var order = new ConcurrentQueue<int>();
            await Engine.Run(() => Main.On<int>("held", (e, i) => order.Enqueue(i)));

            await Page.GotoAsync(Origin + "/test.html?latehost");
            await Js("() => { const pad = 'y'.repeat(90); for (let i = 0; i < 500; i++) ipcRenderer.send('held', i, pad); }");
            await InjectHostAsync();
            View = await NextReadyViewAsync();
            await Until(() => order.Count == 500, "500 held sends");

            Assert.That(order, Is.EqualTo(Enumerable.Range(0, 500)));
            Assert.That(_posted.Max(f => f.Length), Is.LessThanOrEqualTo(SmallFrame));
        }

        [Test]
        [Property("MaxFrameChars", SmallFrame)]
        public async Task OneEnvelopeAtTheEnginesLimit_Leaves_OneCharacterOver_IsRefusedAtTheSender()
        {
            var lengths = new ConcurrentQueue<int>();
            await Engine.Run(() =>
            {
                Main.On("exact", e => lengths.Enqueue(e.ArgJson(0).Length));
                Main.Handle("exact", e => e.ArgJson(0).Length);
            });
            await LoadAsync();

            // {"k":"send","ch":"exact","a":["xx..."]}: padded to n characters in all.
            var outcomes = await Js<string[]>(@"async () => {
                const frame = (k, n) => { const base = JSON.stringify({ k, ch: 'exact', a: [''] }).length; return 'x'.repeat(n - base); };
                const out = [];
                for (const n of [4095, 4096, 4097]) {
                    try { ipcRenderer.send('exact', frame('send', n)); out.push(n + ' sent'); } catch (e) { out.push(n + ' ' + e.name + ': ' + e.message); }
                }
                // The id is not known here: pad as if it were 1 digit, and go 10 over, so it is past the limit whatever it is.
                const invokeBase = JSON.stringify({ k: 'invoke', id: 1, ch: 'exact', a: [''], t: 10000 }).length;
                out.push(await ipcRenderer.invoke('exact', 'x'.repeat(4097 - invokeBase + 10)).then(() => 'resolved', e => 'invoke ' + e.name));
                return out;
            }");
            await Until(() => lengths.Count == 2, "the two sends within the limit");

            Assert.That(outcomes[0], Is.EqualTo("4095 sent"));
            Assert.That(outcomes[1], Is.EqualTo("4096 sent"));
            Assert.That(outcomes[2], Is.EqualTo("4097 LimitError: Message on 'exact' is 4097 characters, over the limit of 4096 (the engine's)"));
            Assert.That(outcomes[3], Is.EqualTo("invoke LimitError"));
        }

        [Test]
        public async Task TheMaxInReady_BoundsEveryFrame_AtUnderAndOver_AgainstAStandInEngine()
        {
            await LoadAsync();

            // A second instance on a stand-in host, so the test speaks for an engine that announces max 300.
            string result = await Js<string>(@"async () => {
                const posted = [];
                const ipc = FrameIpc.create({ batching: 'microtask' }).init({ host: { post: f => posted.push(f) } });
                ipc.receive('{""k"":""ready"",""v"":1,""view"":9,""max"":300}');
                const base = JSON.stringify({ k: 'send', ch: 'exact', a: [''] }).length, out = [];
                for (const n of [299, 300, 301]) {
                    try { ipc.send('exact', 'x'.repeat(n - base)); out.push(n + ' sent'); } catch (e) { out.push(n + ' ' + e.name); }
                }
                for (let i = 0; i < 100; i++) ipc.send('burst', i);
                await new Promise(r => setTimeout(r, 0));
                const frames = posted.slice(1);
                const burst = frames.flatMap(f => { const v = JSON.parse(f); return v.k === 'batch' ? v.m : [v]; }).filter(m => m.ch === 'burst').map(m => m.a[0]);

                // A malformed max: the handshake completes with the default, and the engine hears of it.
                const other = [];
                const second = FrameIpc.create({ batching: 'microtask' }).init({ host: { post: f => other.push(f) } });
                second.receive('{""k"":""ready"",""v"":1,""view"":9,""max"":""big""}');
                await new Promise(r => setTimeout(r, 0));
                return JSON.stringify({ out, longest: Math.max(...frames.map(f => f.length)), frames: frames.length,
                    inOrder: burst.length === 100 && burst.every((v, i) => v === i), secondReady: second.isReady, notice: JSON.parse(other[1]).e.name });
            }");
            Assert.That(await TakePageErrorsAsync(1), Has.Count.EqualTo(1), "the malformed max, reported in the page as well");

            using var json = System.Text.Json.JsonDocument.Parse(result);
            var root = json.RootElement;

            Assert.That(root.GetProperty("out").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "299 sent", "300 sent", "301 LimitError" }));
            Assert.That(root.GetProperty("longest").GetInt32(), Is.EqualTo(300), "the longest frame: the 300-character envelope, alone");
            Assert.That(root.GetProperty("frames").GetInt32(), Is.GreaterThan(5), "100 sends of ~40 characters under 300 need several frames");
            Assert.That(root.GetProperty("inOrder").GetBoolean(), Is.True);
            Assert.That(root.GetProperty("secondReady").GetBoolean(), Is.True);
            Assert.That(root.GetProperty("notice").GetString(), Is.EqualTo("ProtocolError"));
        }

        [Test]
        public async Task ThePagesOwnFrameLimit_IsAnnouncedInHello_BoundsWhatLeaves_AndWhatIsAccepted()
        {
            var order = new ConcurrentQueue<int>();
            var peerErrors = new ConcurrentQueue<string>();
            Main.Diagnostic += d => { if (d.Kind == IpcDiagnosticKind.PeerError) peerErrors.Enqueue(d.Message); };
            await Engine.Run(() => Main.On<int>("own", (e, i) => order.Enqueue(i)));
            await LoadAsync();

            Assert.That(_posted.First(), Is.EqualTo("{\"k\":\"hello\",\"v\":1,\"max\":1048576}"));

            await Js("() => { ipcRenderer.init({ maxFrameChars: 2048 }); const pad = 'z'.repeat(60); for (let i = 0; i < 300; i++) ipcRenderer.send('own', i, pad); }");
            await Until(() => order.Count == 300, "300 sends");
            Assert.That(order, Is.EqualTo(Enumerable.Range(0, 300)));
            Assert.That(_posted.Skip(1).Max(f => f.Length), Is.LessThanOrEqualTo(2048));

            // Inbound: a frame of exactly 2,048 characters is read, one of 2,049 refused with a notice to the engine.
            var got = await Js<int[]>(@"() => {
                const frame = n => { const base = JSON.stringify({ k: 'send', ch: 'in', a: [''] }).length; return JSON.stringify({ k: 'send', ch: 'in', a: ['i'.repeat(n - base)] }); };
                const got = [];
                ipcRenderer.on('in', (e, text) => got.push(text.length));
                for (const n of [2047, 2048, 2049]) ipcRenderer.receive(frame(n));
                return got;
            }");
            await Until(() => peerErrors.Count == 1, "the page's notice");

            Assert.That(got, Has.Length.EqualTo(2));
            Assert.That(peerErrors.Single(), Does.Contain("A frame of 2049 characters is over this page's limit of 2048"));
            Assert.That(await TakePageErrorsAsync(1), Has.Count.EqualTo(1));
        }
    }
}
