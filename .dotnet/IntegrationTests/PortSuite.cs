using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>
    /// MessagePorts in Chromium over the WebSocket dev server: a page's real MessagePort reaching the engine in e.Ports, the
    /// engine's ports reaching a page in event.ports, two pages joined by an engine-made channel, start/close, and a reload.
    /// </summary>
    [TestFixture]
    public sealed class PortSuite : BrowserSuite
    {
        private WebSocketDevServer _server;

        protected override string ExpectedBridge => "websocket";

        protected override Task StartTransportAsync()
        {
            _server = new WebSocketDevServer(Main, new WebSocketDevServerOptions { Enabled = true, Port = 0, StaticFilesRoot = PagesDir });
            _server.Start();
            return Task.CompletedTask;
        }

        protected override Task NavigateAsync() => Page.GotoAsync(_server.PageUrl("test.html"));

        protected override void StopTransport() => _server?.Stop();

        /// <summary>A second page of the same engine, through its handshake.</summary>
        private async Task<(Microsoft.Playwright.IPage Page, WebContents View)> SecondPageAsync()
        {
            var second = await Context.NewPageAsync();
            await second.GotoAsync(_server.PageUrl("test.html"));
            return (second, await NextReadyViewAsync());
        }

        [Test]
        public async Task APagesMessagePort_ReachesTheEngineInEPorts_AndTalksBothWays()
        {
            await LoadAsync();
            var got = new ConcurrentQueue<string>();
            MessagePortMain port = null;
            await Engine.Run(() => Main.On("port", e =>
            {
                port = e.Ports[0];
                got.Enqueue("port:" + e.Arg<string>(0) + ":" + e.Ports.Count);
                port.On("message", ev =>
                {
                    got.Enqueue("message:" + ev.Data<string>());
                    ev.Port.PostMessage("echo " + ev.Data<string>());
                });
                port.Start();
            }));

            await Js(@"() => {
                const channel = new MessageChannel();
                window.echoes = [];
                channel.port1.onmessage = e => window.echoes.push(e.data);
                ipcRenderer.postMessage('port', 'take it', [channel.port2]);
                channel.port1.postMessage('one');
                channel.port1.postMessage('two');
                window.pagePort = channel.port1;
            }");

            await UntilPage("() => window.echoes.length === 2");
            Assert.That(await Js<string[]>("() => window.echoes"), Is.EqualTo(new[] { "echo one", "echo two" }));
            Assert.That(got, Is.EqualTo(new[] { "port:take it:1", "message:one", "message:two" }));
        }

        [Test]
        public async Task AnEnginePort_ReachesThePageInEventPorts_AndTalksBothWays()
        {
            await LoadAsync();
            await Js(@"() => {
                window.fromEngine = [];
                ipcRenderer.on('port', (event, text) => {
                    window.received = { text, ports: event.ports.length, isPort: event.ports[0] instanceof MessagePort };
                    const port = event.ports[0];
                    port.onmessage = e => { window.fromEngine.push(e.data); port.postMessage('got ' + e.data); };
                });
            }");
            var back = new ConcurrentQueue<string>();
            await Engine.Run(() =>
            {
                var channel = new MessageChannelMain(Main);
                channel.Port1.On("message", ev => back.Enqueue(ev.Data<string>()));
                channel.Port1.Start();
                View.PostMessage("port", "here", new[] { channel.Port2 });
                channel.Port1.PostMessage("a");
                channel.Port1.PostMessage("b");
            });

            await UntilPage("() => window.fromEngine.length === 2");
            Assert.That(await Js<string>("() => JSON.stringify(window.received)"), Is.EqualTo("{\"text\":\"here\",\"ports\":1,\"isPort\":true}"));
            Assert.That(await Js<string[]>("() => window.fromEngine"), Is.EqualTo(new[] { "a", "b" }));
            await Until(() => back.Count == 2, "the page's answers");
            Assert.That(back, Is.EqualTo(new[] { "got a", "got b" }));
        }

        [Test]
        public async Task TwoPagesJoinedByAnEngineChannel_TalkPageToPage_InOrder()
        {
            await LoadAsync();
            var first = View;
            var (second, secondView) = await SecondPageAsync();
            const string listen = @"() => { window.peer = []; ipcRenderer.on('join', (event) => { window.port = event.ports[0]; window.port.onmessage = e => window.peer.push(e.data); }); }";
            await Js(listen);
            await second.EvaluateAsync(listen);

            await Engine.Run(() =>
            {
                var channel = new MessageChannelMain(Main);
                first.PostMessage("join", 0, new[] { channel.Port1 });
                secondView.PostMessage("join", 0, new[] { channel.Port2 });
            });
            await UntilPage("() => window.port !== undefined");
            await second.WaitForFunctionAsync("() => window.port !== undefined");

            long relaysBefore = await Engine.Run(() => Main.RelaysDelivered);
            await Js("() => { for (let i = 0; i < 200; i++) window.port.postMessage(i); }");
            await second.EvaluateAsync("() => window.port.postMessage({ from: 'second' })");

            await second.WaitForFunctionAsync("() => window.peer.length === 200");
            var expected = new int[200];
            for (int i = 0; i < 200; i++) expected[i] = i;
            Assert.That(await second.EvaluateAsync<int[]>("() => window.peer"), Is.EqualTo(expected), "in order");
            await UntilPage("() => window.peer.length === 1");
            Assert.That(await Js<string>("() => JSON.stringify(window.peer[0])"), Is.EqualTo("{\"from\":\"second\"}"));
            Assert.That(await Engine.Run(() => Main.RelaysDelivered), Is.EqualTo(relaysBefore), "no sendTo relay: port traffic only");

            // Closing one page's port closes the other's.
            await second.EvaluateAsync("() => { window.portClosed = false; window.port.addEventListener('close', () => window.portClosed = true); }");
            await Js("() => window.port.close()");
            await second.WaitForFunctionAsync("() => window.portClosed === true");
        }

        [Test]
        public async Task AnEnginePortQueuesUntilStart_ThenDeliversInOrder()
        {
            await LoadAsync();
            var got = new ConcurrentQueue<string>();
            var ports = new List<MessagePortMain>();
            int closed = 0;
            await Engine.Run(() => Main.On("port", e =>
            {
                var port = e.Ports[0];
                ports.Add(port);
                port.On("message", ev => got.Enqueue(ev.Data<string>()));
                port.On("close", () => System.Threading.Interlocked.Increment(ref closed));
            }));
            await Js(@"() => {
                const channel = new MessageChannel();
                ipcRenderer.postMessage('port', null, [channel.port2]);
                channel.port1.postMessage('queued 1');
                channel.port1.postMessage('queued 2');
                window.pagePort = channel.port1;
            }");
            int queued = "[\"queued 1\"]".Length * 2;
            await Until(() => Engine.Run(() => ports.Count == 1 && ports[0].QueuedChars == queued).Result, "both messages to wait on the unstarted port");
            Assert.That(got, Is.Empty, "nothing is delivered before Start");

            await Engine.Run(() => ports[0].Start());
            await Until(() => got.Count == 2, "the queued messages after Start");
            Assert.That(got, Is.EqualTo(new[] { "queued 1", "queued 2" }));
            Assert.That(closed, Is.EqualTo(0));
        }

        [Test]
        public async Task APageClosingAPortItWasGiven_RaisesCloseOnTheEnginesEnd()
        {
            await LoadAsync();
            await Js(@"() => ipcRenderer.on('port', (event) => { window.port = event.ports[0]; })");
            int closed = 0;
            MessageChannelMain channel = null;
            await Engine.Run(() =>
            {
                channel = new MessageChannelMain(Main);
                channel.Port1.On("close", () => System.Threading.Interlocked.Increment(ref closed));
                View.PostMessage("port", 0, new[] { channel.Port2 });
            });
            await UntilPage("() => window.port !== undefined");

            await Js("() => window.port.close()");

            await Until(() => System.Threading.Volatile.Read(ref closed) == 1, "'close' on the engine's port");
            Assert.That(await Engine.Run(() => channel.Port1.IsClosed), Is.True);
        }

        [Test]
        public async Task ClosingTheEnginesPort_RaisesCloseOnThePagesPort()
        {
            await LoadAsync();
            await Js(@"() => { window.portClosed = false; ipcRenderer.on('port', (event) => { window.port = event.ports[0]; window.port.addEventListener('close', () => window.portClosed = true); window.port.start(); }); }");
            MessageChannelMain channel = null;
            await Engine.Run(() =>
            {
                channel = new MessageChannelMain(Main);
                View.PostMessage("port", 0, new[] { channel.Port2 });
            });
            await UntilPage("() => window.port !== undefined");
            await Engine.Run(() => channel.Port1.Close());
            await UntilPage("() => window.portClosed === true");
        }

        [Test]
        public async Task APageThatReloadsWhileHoldingPorts_ClosesTheOtherEnds()
        {
            await LoadAsync();
            var first = View;
            var (second, secondView) = await SecondPageAsync();
            const string listen = @"() => { window.portClosed = false; ipcRenderer.on('join', (event) => { window.port = event.ports[0]; window.port.addEventListener('close', () => window.portClosed = true); window.port.start(); }); }";
            await Js(listen);
            await second.EvaluateAsync(listen);
            int engineClosed = 0;
            await Engine.Run(() =>
            {
                var pages = new MessageChannelMain(Main);
                first.PostMessage("join", 0, new[] { pages.Port1 });
                secondView.PostMessage("join", 0, new[] { pages.Port2 });
                var engine = new MessageChannelMain(Main);
                engine.Port1.On("close", () => System.Threading.Interlocked.Increment(ref engineClosed));
                first.PostMessage("engine", 0, new[] { engine.Port2 });
            });
            await UntilPage("() => window.port !== undefined");
            await second.WaitForFunctionAsync("() => window.port !== undefined");

            await ReloadAsync();

            await second.WaitForFunctionAsync("() => window.portClosed === true");
            await Until(() => System.Threading.Volatile.Read(ref engineClosed) == 1, "'close' on the engine's port");
        }

        [Test]
        public async Task APortSentInsideAPortMessage_IsRefusedClearly_AndThePortGoesOn()
        {
            await LoadAsync();
            await Js(@"() => ipcRenderer.on('port', (event) => { window.port = event.ports[0]; })");
            var got = new ConcurrentQueue<string>();
            await Engine.Run(() =>
            {
                var channel = new MessageChannelMain(Main);
                channel.Port1.On("message", ev => got.Enqueue(ev.DataJson));
                channel.Port1.Start();
                View.PostMessage("port", 0, new[] { channel.Port2 });
            });
            await UntilPage("() => window.port !== undefined");

            await Js(@"() => { const inner = new MessageChannel(); window.inner = inner.port1; window.innerClosed = false;
                window.port.postMessage('with a port', [inner.port2]); window.port.postMessage('plain'); }");

            var errors = await TakePageErrorsAsync(1);
            Assert.That(errors[0], Does.Contain("A message on port -1 carried MessagePorts, which FrameIPC does not relay; it was dropped."));
            await Until(() => got.Count == 1, "the next message");
            Assert.That(got, Is.EqualTo(new[] { "\"plain\"" }));
        }

        [Test]
        public async Task BadPortTrafficToThePage_IsAnsweredWithProtocolErrors_AndThePortGoesOn()
        {
            await LoadAsync();
            var peerErrors = new ConcurrentQueue<string>();
            Main.Diagnostic += d => { if (d.Kind == IpcDiagnosticKind.PeerError) peerErrors.Enqueue(d.Message); };
            await Js(@"() => { window.got = []; ipcRenderer.on('port', (event) => { window.port = event.ports[0]; window.port.onmessage = e => window.got.push(e.data); }); }");
            MessageChannelMain channel = null;
            await Engine.Run(() =>
            {
                channel = new MessageChannelMain(Main);
                View.PostMessage("port", 0, new[] { channel.Port2 });
            });
            await UntilPage("() => window.port !== undefined");

            // Frames as a broken engine would send them, handed to the client as its bridge would.
            await Js(@"() => {
                ipcRenderer.receive('{""k"":""portmessage"",""p"":-9,""a"":[1]}');
                ipcRenderer.receive('{""k"":""portclose"",""p"":7}');
                ipcRenderer.receive('{""k"":""send"",""ch"":""port"",""a"":[0],""p"":[-1]}');
                ipcRenderer.receive('{""k"":""send"",""ch"":""port"",""a"":[0],""p"":""x""}');
            }");
            await TakePageErrorsAsync(4);
            await Until(() => peerErrors.Count == 4, "the page's four notices");
            Assert.That(peerErrors, Is.EqualTo(new[]
            {
                "the peer reported ProtocolError (EPROTO): Unknown port id -9 in a portmessage",
                "the peer reported ProtocolError (EPROTO): Unknown port id 7 in a portclose",
                "the peer reported ProtocolError (EPROTO): Port id -1 is not a new engine port id (-1, -2...)",
                "the peer reported ProtocolError (EPROTO): send's p must be an array of port ids",
            }));

            await Engine.Run(() => channel.Port1.PostMessage("still here"));
            await UntilPage("() => window.got.length === 1");
            Assert.That(await Js<string>("() => window.got[0]"), Is.EqualTo("still here"));
        }

        [Test]
        public async Task TransferringAPortTwiceOrTwiceInOneList_ThrowsBlinksDataCloneErrors()
        {
            await LoadAsync();
            var errors = await Js<string[]>(@"() => {
                const out = [];
                const { port1, port2 } = new MessageChannel();
                const other = new MessageChannel();
                ipcRenderer.postMessage('port', null, [port2]);
                for (const attempt of [() => ipcRenderer.postMessage('port', null, [port2]),
                                       () => ipcRenderer.postMessage('port', null, [other.port1, other.port1]),
                                       () => ipcRenderer.postMessage('port', null, [{}]),
                                       () => ipcRenderer.send('port', port1)]) {
                    try { attempt(); out.push('no error'); } catch (e) { out.push(e.name + ': ' + e.message); }
                }
                return out;
            }");
            Assert.That(errors, Is.EqualTo(new[]
            {
                "DataCloneError: Port at index 0 is already neutered.",
                "DataCloneError: Message port at index 1 is a duplicate of an earlier port.",
                "TypeError: Value at index 0 does not have a transferable type.",
                "DataCloneError: An object could not be cloned. (a MessagePort cannot cross to the engine)",
            }));
        }
    }
}
